package io.github.tapibridge.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs an inner test class (a static nested class, which surefire does not run by itself) on the
 * Jupiter engine with {@link EngineTestKit}, and reads the outcome.
 */
final class Inner {

    private Inner() {
    }

    /** Runs the tests of {@code testClass}, in the same thread. */
    static EngineExecutionResults run(Class<?> testClass) {
        return run(testClass, Map.of());
    }

    /** Runs the tests of {@code testClass} with extra configuration parameters. */
    static EngineExecutionResults run(Class<?> testClass, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(parameters)
                .selectors(selectClass(testClass))
                .execute();
    }

    /** The errors of the failed tests, by test method name. */
    static Map<String, Throwable> failures(EngineExecutionResults results) {
        return results.testEvents().failed().stream().collect(Collectors.toMap(
                e -> e.getTestDescriptor().getLegacyReportingName().replaceAll("\\(.*", ""),
                e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()));
    }

    /** The names of the tests that passed. */
    static List<String> passed(EngineExecutionResults results) {
        return results.testEvents().succeeded().stream()
                .map(e -> e.getTestDescriptor().getLegacyReportingName().replaceAll("\\(.*", ""))
                .sorted().collect(Collectors.toList());
    }

    /** The report entries published, all values of every entry. */
    static List<Map<String, String>> reportEntries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(Event::getPayload)
                .map(p -> ((ReportEntry) p.orElseThrow()).getKeyValuePairs())
                .collect(Collectors.toList());
    }

    /** The call flow attached to a failure, or null. */
    static CallFlowAttachment attachment(Throwable failure) {
        for (Throwable s : failure.getSuppressed()) {
            if (s instanceof CallFlowAttachment) {
                return (CallFlowAttachment) s;
            }
        }
        return null;
    }
}
