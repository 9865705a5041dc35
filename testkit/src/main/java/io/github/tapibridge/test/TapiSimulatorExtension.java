package io.github.tapibridge.test;

import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Ladder;
import io.github.tapibridge.sim.Simulator;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit 5 extension behind {@link TapiSimulatorTest}: an isolated simulated switch per test,
 * applications open on it as parameters, a leak check after the test, and the call flow of a
 * failed test attached to its failure. Register it with {@code @TapiSimulatorTest} (which also
 * carries the settings) or with {@code @ExtendWith(TapiSimulatorExtension.class)} (the
 * defaults).
 *
 * <p><b>Per test.</b> Before each test (before the {@code @BeforeEach} methods) a fresh
 * switch is made with {@link Simulator#create()} and shaped with the
 * {@linkplain TapiSimulatorTest#topology() topology}, if one is named. After the test (after the
 * {@code @AfterEach} methods) its applications are closed, then the switch. Every test has a
 * switch of its own, so tests may run in JUnit's parallel mode.
 *
 * <p><b>Parameters</b> of {@code @Test} (and {@code @RepeatedTest}, {@code @ParameterizedTest},
 * ...), {@code @BeforeEach} and {@code @AfterEach} methods:
 * <ul>
 * <li>{@link Simulator}: the test's switch.
 * <li>{@link Tapi}: an application open on it
 * ({@code TapiConfig.builder().provider(sim.provider()).backend(...)}, named {@code "test app 1"},
 * ...), opened when the first method that asks for it is called. The first {@code Tapi}
 * parameter of a method is the first application of the test, the second another application
 * on the same switch, and so on: a {@code @BeforeEach} method and the test get the same
 * application for their first {@code Tapi} parameter. As applications open lazily, a
 * {@code @BeforeEach} method that takes only the {@code Simulator} may still
 * {@linkplain Simulator#configure configure} the switch.
 * </ul>
 * Constructors and {@code @BeforeAll} / {@code @AfterAll} methods cannot take them: they belong
 * to no single test (a {@link ParameterResolutionException} says so).
 *
 * <p><b>Leak check.</b> If the test passed and {@link TapiSimulatorTest#leakCheck()} is true,
 * then for each application the test did not close, the switch answers the requests it still
 * owes and the event pump delivers everything ({@link Tapi#awaitIdle}); the test fails with an
 * {@link AssertionError} if a request is still unanswered ({@link Tapi#pendingRequests()}) or if
 * {@link Tapi#nativeAllocations()} is not back at its value right after the application opened.
 * As a listener or callback may issue a request while the pump delivers, whose reply comes after
 * the wait, this is tried up to 16 times before the test fails; a pump that does not become idle
 * within {@value Simulator#IDLE_TIMEOUT_SECONDS} s (a blocked listener) fails it at once.
 *
 * <p><b>Call flow of a failure.</b> When the test fails, by its own error or by the leak check
 * (not when it is aborted, by a failed assumption),
 * the switch's trace is drawn as a {@link Ladder} and attached to the error as a suppressed
 * {@link CallFlowAttachment} (the last 400 lines of the trace, at most), and published as the
 * report entry {@value #REPORT_ENTRY_KEY}. If the system property
 * {@value #LADDER_DIRECTORY_PROPERTY} names a directory, the whole ladder is also written there
 * as SVG, one file per failed test ({@code <test class>.<method>-<n>.svg}, with {@code _} for
 * characters other than letters, digits, {@code . _ -}, and {@code n} counting up from 1).
 *
 * <p>Thread-safe; JUnit makes one instance per registration. Never prints: diagnostics go to
 * the {@link System.Logger} {@code io.github.tapibridge.test}.
 */
public final class TapiSimulatorExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** The system property naming the directory for the SVG ladders of failed tests. */
    public static final String LADDER_DIRECTORY_PROPERTY = "tapibridge.test.ladders";

    /** The key of the report entry with the ladder text of a failed test. */
    public static final String REPORT_ENTRY_KEY = "tapibridge.callFlow";

    /** How many of the trace's last lines the attachment and the report entry draw. */
    static final int ATTACHED_TRACE_LINES = 400;

    private static final Logger LOG = System.getLogger("io.github.tapibridge.test");
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TapiSimulatorExtension.class);
    private static final String FIXTURE = "fixture";

    /** Creates the extension; JUnit does, for {@code @TapiSimulatorTest} and {@code @ExtendWith}. */
    public TapiSimulatorExtension() {
    }

    /**
     * Creates the test's switch and applies the topology.
     *
     * @param context the test's context
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException if the topology
     *         method cannot be found or called
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        Settings settings = Settings.of(context);
        Simulator sim = Simulator.create();
        SwitchFixture fixture = new SwitchFixture(sim, settings);
        context.getStore(NAMESPACE).put(FIXTURE, fixture); // closed with the context, at the latest
        settings.topology(context).ifPresent(sim::configure);
    }

    /**
     * Runs the leak check, attaches the call flow to a failure, and closes the applications
     * and the switch.
     *
     * @param context the test's context
     * @throws AssertionError if the leak check fails
     * @throws InterruptedException if interrupted while waiting for the event pumps
     */
    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        SwitchFixture fixture = context.getStore(NAMESPACE).get(FIXTURE, SwitchFixture.class);
        if (fixture == null) {
            return;
        }
        Throwable failure = context.getExecutionException().orElse(null);
        List<String> problems = List.of();
        String trace;
        try {
            if (failure == null && Settings.of(context).leakCheck()) {
                problems = fixture.check();
            }
            trace = fixture.trace();
        } finally {
            fixture.close();
        }
        AssertionError leak = problems.isEmpty() ? null : new AssertionError("Leak check of "
                + context.getDisplayName() + " failed (@TapiSimulatorTest(leakCheck = false) turns"
                + " it off):\n  " + String.join("\n  ", problems));
        Throwable failed = failure != null ? failure : leak;
        if (failed != null && trace != null && !(failed instanceof TestAbortedException)) {
            CallFlowAttachment flow = attachment(context, trace);
            failed.addSuppressed(flow);
            context.publishReportEntry(REPORT_ENTRY_KEY, flow.ladder());
        }
        if (leak != null) {
            throw leak;
        }
    }

    private static CallFlowAttachment attachment(ExtensionContext context, String trace) {
        String svg = writeSvg(context, trace);
        String[] lines = trace.split("\n", -1);
        int skip = Math.max(0, lines.length - 1 - ATTACHED_TRACE_LINES);
        String text = Ladder.fromTrace(skip == 0 ? trace
                : String.join("\n", List.of(lines).subList(skip, lines.length))).toText();
        if (skip > 0) {
            text = "(the first " + skip + " lines of the trace are left out)\n" + text;
        }
        return new CallFlowAttachment(text, svg);
    }

    private static String writeSvg(ExtensionContext context, String trace) {
        String dir = System.getProperty(LADDER_DIRECTORY_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return null;
        }
        String base = (context.getRequiredTestClass().getName() + "."
                + context.getTestMethod().map(m -> m.getName()).orElse("test"))
                .replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Path d = Files.createDirectories(Path.of(dir));
            for (int n = 1; ; n++) {
                Path file = d.resolve(base + "-" + n + ".svg");
                try {
                    Files.writeString(Files.createFile(file), Ladder.fromTrace(trace).toSvg());
                    return file.toString();
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    // another invocation of the same method, or an earlier run: next number
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write the SVG ladder of " + context.getUniqueId()
                    + " under " + dir, e);
            return null;
        }
    }

    /**
     * Supports parameters of type {@link Simulator} and {@link Tapi}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return whether the parameter is a {@code Simulator} or a {@code Tapi}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Simulator.class || type == Tapi.class;
    }

    /**
     * Returns the test's switch, or the application of the parameter's place among the method's
     * {@code Tapi} parameters, opening it if needed.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the {@code Simulator} or {@code Tapi}
     * @throws ParameterResolutionException for a constructor, a {@code @BeforeAll} or
     *         {@code @AfterAll} method, or if the application cannot be opened
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Executable executable = parameterContext.getDeclaringExecutable();
        Class<?> type = parameterContext.getParameter().getType();
        SwitchFixture fixture = extensionContext.getStore(NAMESPACE).get(FIXTURE, SwitchFixture.class);
        if (executable instanceof Constructor || fixture == null || extensionContext.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@TapiSimulatorTest injects " + type.getSimpleName()
                    + " into test methods and @BeforeEach / @AfterEach methods only, as each test has a"
                    + " switch of its own; " + executable + " belongs to no single test");
        }
        if (type == Simulator.class) {
            return fixture.simulator();
        }
        int index = 0;
        Parameter[] parameters = executable.getParameters();
        for (int i = 0; i < parameterContext.getIndex(); i++) {
            if (parameters[i].getType() == Tapi.class) {
                index++;
            }
        }
        try {
            return fixture.tapi(index);
        } catch (RuntimeException | LinkageError e) {
            throw new ParameterResolutionException("Could not open application " + (index + 1)
                    + " on the test's switch", e);
        }
    }
}
