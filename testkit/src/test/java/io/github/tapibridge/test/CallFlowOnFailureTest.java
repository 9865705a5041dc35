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
import org.opentest4j.AssertionFailedError;

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
    static class Passes {
        @Test
        void quietly(Tapi tapi) {
            tapi.openLine(0);
        }
    }

    @Test
    void aPassingTestGetsNoCallFlow() {
        EngineExecutionResults results = Inner.run(Passes.class);
        assertEquals(List.of("quietly"), Inner.passed(results));
        assertEquals(List.of(), Inner.reportEntries(results));
        assertNull(Inner.failures(results).get("quietly"));
    }
}
