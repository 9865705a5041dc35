package io.github.tapibridge.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A failed test gets the call flow of its switch: a ladder attached to the error, a report entry,
 * and (with the system property set, as in this module's build) an SVG file.
 */
class CallFlowOnFailureTest {

    @TapiSimulatorTest
    static class CallsABusyStation {
        @Test
        void expectsTheWrongState(Simulator sim, Tapi tapi) throws Exception {
            sim.station("201").busy();
            Call call = tapi.openLine(0).makeCall("201").get(60, TimeUnit.SECONDS);
            call.whenState(CallState.BUSY).get(60, TimeUnit.SECONDS);
            throw new AssertionFailedError("deliberately wrong: expected CONNECTED");
        }

        @Test
        void passes(Simulator sim, Tapi tapi) throws Exception {
            tapi.openLine(0).makeCall("202").get(60, TimeUnit.SECONDS).drop().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void theLadderOfAFailedTestIsAttachedToItsErrorReportedAndWrittenAsSvg() throws Exception {
        EngineExecutionResults results = Inner.run(CallsABusyStation.class);
        assertEquals(List.of("passes"), Inner.passed(results));
        Throwable failure = Inner.failures(results).get("expectsTheWrongState");
        assertEquals("deliberately wrong: expected CONNECTED", failure.getMessage(), "the test's own error");

        CallFlowAttachment flow = Inner.attachment(failure);
        assertNotNull(flow, "a CallFlowAttachment is suppressed in the error");
        String ladder = flow.ladder();
        assertTrue(ladder.contains("lineMakeCallW(\"201\")"), ladder);
        assertTrue(ladder.matches("(?s).*LINE_CALLSTATE 0x[0-9A-F]{8} BUSY.*"), ladder);
        assertTrue(ladder.contains("<-busy--"), "the far end's part: " + ladder);
        assertTrue(flow.getMessage().startsWith("the call flow of the test"), flow.getMessage());
        assertEquals(0, flow.getStackTrace().length, "no stack trace of its own");

        List<Map<String, String>> entries = Inner.reportEntries(results);
        assertEquals(1, entries.size(), "only the failed test publishes: " + entries);
        assertEquals(ladder, entries.get(0).get(TapiSimulatorExtension.REPORT_ENTRY_KEY));

        String dir = System.getProperty(TapiSimulatorExtension.LADDER_DIRECTORY_PROPERTY);
        assertNotNull(dir, "the build sets " + TapiSimulatorExtension.LADDER_DIRECTORY_PROPERTY);
        Path svg = Path.of(flow.svgFile().orElseThrow());
        assertEquals(Path.of(dir), svg.getParent());
        assertTrue(svg.getFileName().toString().startsWith(
                CallsABusyStation.class.getName().replace('$', '_') + ".expectsTheWrongState-"),
                svg.toString());
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.contains("lineMakeCallW"), text);
    }

    @TapiSimulatorTest
    static class LongTrace {
        @Test
        void failsAfterManySteps(Simulator sim, Tapi tapi) {
            for (int i = 0; i < 2 * TapiSimulatorExtension.ATTACHED_TRACE_LINES; i++) {
                sim.advance(java.time.Duration.ofMillis(1)); // one trace line each
            }
            throw new AssertionFailedError("deliberately failed");
        }
    }

    @Test
    void theAttachmentDrawsTheEndOfALongTrace() throws Exception {
        Throwable failure = Inner.failures(Inner.run(LongTrace.class)).get("failsAfterManySteps");
        CallFlowAttachment flow = Inner.attachment(failure);
        String ladder = flow.ladder();
        assertTrue(ladder.matches("(?s)\\(the first \\d+ lines of the trace are left out\\)\n.*"), ladder);
        assertTrue(ladder.contains("advance 1 ms"), ladder);
        assertTrue(ladder.split("\n").length <= TapiSimulatorExtension.ATTACHED_TRACE_LINES + 3, ladder);
        String svg = Files.readString(Path.of(flow.svgFile().orElseThrow()));
        assertTrue(svg.contains("lineInitializeExW"), "the SVG draws the whole trace");
    }

    @TapiSimulatorTest
    static class PassesOrIsAborted {
        @Test
        void quietly(Tapi tapi) {
            tapi.openLine(0);
        }

        @Test
        void aborted(Tapi tapi) {
            tapi.openLine(0);
            throw new TestAbortedException("deliberately aborted, as by an assumption");
        }
    }

    @Test
    void aPassingOrAbortedTestGetsNoCallFlow() {
        EngineExecutionResults results = Inner.run(PassesOrIsAborted.class);
        assertEquals(List.of("quietly"), Inner.passed(results));
        assertEquals(1, results.testEvents().aborted().count());
        Throwable abort = results.testEvents().aborted().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertNull(Inner.attachment(abort));
        assertEquals(List.of(), Inner.reportEntries(results));
        assertEquals(Map.of(), Inner.failures(results));
    }
}
