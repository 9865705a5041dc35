package io.github.tapibridge.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.Tapi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The leak check after a test: requests left unanswered and native memory not given back fail
 * the test, unless it opts out.
 */
class LeakCheckTest {

    /**
     * Keeps requests in flight for as long as the application is open: each failed completion
     * request issues the next one (INTRUDE is refused for a call that is ringing or dialling, in
     * the {@code LINE_REPLY}). With two such chains one request is always pending, whenever
     * the extension looks, and it holds its out-parameter (native memory).
     */
    static void keepRequesting(Call call) {
        call.completeCall(CallCompletionMode.INTRUDE).whenComplete((c, e) -> keepRequesting(call));
    }

    static void twoEndlessChains(Tapi tapi) throws Exception {
        Call call = tapi.openLine(0).makeCall("201").get(60, TimeUnit.SECONDS);
        keepRequesting(call);
        keepRequesting(call);
    }

    @TapiSimulatorTest
    static class LeavesRequestsPending {
        @Test
        void checked(Tapi tapi) throws Exception {
            twoEndlessChains(tapi);
        }

        @Test
        @TapiSimulatorTest(leakCheck = false)
        void optedOut(Tapi tapi) throws Exception {
            twoEndlessChains(tapi);
        }

        @Test
        void answersEverything(Tapi tapi) throws Exception {
            Call call = tapi.openLine(0).makeCall("201").get(60, TimeUnit.SECONDS);
            call.drop(); // not waited for: the check lets the switch answer it first
            call.completeCall(CallCompletionMode.CALLBACK).whenComplete((c, e) -> call.drop());
        }
    }

    @Test
    void requestsStillUnansweredAndTheirMemoryFailTheTestUnlessItOptsOut() {
        EngineExecutionResults results = Inner.run(LeavesRequestsPending.class);
        assertEquals(List.of("answersEverything", "optedOut"), Inner.passed(results));
        Map<String, Throwable> failures = Inner.failures(results);
        assertEquals(List.of("checked"), List.copyOf(failures.keySet()));

        Throwable failure = failures.get("checked");
        assertInstanceOf(AssertionError.class, failure);
        String message = failure.getMessage();
        assertTrue(message.contains("Leak check of checked(Tapi) failed"), message);
        assertTrue(message.contains("application 1 (Tapi[")
                && message.contains("request(s) still unanswered after the switch answered what it owes"), message);
        assertTrue(message.matches("(?s).*\\[lineCompleteCall request 0x[0-9A-F]{8}.*"), message);
        assertTrue(message.matches("(?s).*nativeAllocations\\(\\) is \\d+, it was \\d+ after opening.*"), message);
        assertTrue(message.contains("leakCheck = false"), "the message says how to opt out: " + message);

        CallFlowAttachment flow = Inner.attachment(failure);
        assertNotNull(flow, "the call flow is attached to the leak check's failure too");
        assertTrue(flow.ladder().contains("lineCompleteCall"), flow.ladder());
    }
}
