package io.github.tapibridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallReason;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.LineError;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiException;
import io.github.tapibridge.sim.Ladder;
import io.github.tapibridge.sim.Simulator;
import io.github.tapibridge.sim.Topology;
import io.github.tapibridge.test.TapiSimulatorTest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link CallbackDialer} tested with the tapibridge-test extension: every test gets a switch of
 * its own, its applications as parameters, and a leak check after it. The guide
 * {@code docs/testing.md} quotes this class.
 */
@TapiSimulatorTest(topology = "twoLines")
class CallbackDialerTest {

    /** A hang guard for waits, not a time to wait for: every step is driven by the test. */
    static final long GUARD = 30;

    static Topology twoLines() {
        return Topology.builder().lines(2).line(0, "100", "Sales").line(1, "101", "Support").build();
    }

    @Test
    void aFreeNumberRingsAtOnce(Simulator sim, Tapi tapi) throws Exception {
        CallbackDialer.Dial dial = new CallbackDialer(tapi.openLine(0)).dial("201");

        Call call = dial.call().get(GUARD, TimeUnit.SECONDS);
        assertEquals(Optional.empty(), dial.callback().get(GUARD, TimeUnit.SECONDS));
        assertEquals(CallState.RINGBACK, call.state());

        sim.advance(Duration.ofSeconds(3), tapi);          // 201 answers after 3 s
        assertEquals(CallState.CONNECTED, call.state());
        call.drop().get(GUARD, TimeUnit.SECONDS);
    }

    @Test
    void aBusyNumberIsCalledBackWhenItIsFree(Simulator sim, Tapi tapi) throws Exception {
        sim.station("201").busy();
        CallbackDialer.Dial dial = new CallbackDialer(tapi.openLine(0)).dial("201");

        CallCompletion callback = dial.callback().get(GUARD, TimeUnit.SECONDS).orElseThrow();
        assertFalse(dial.call().isDone(), "no recall while 201 is busy");

        sim.station("201").idle();
        sim.advance(Duration.ofSeconds(2), tapi);          // the guard time: the recall is offered
        Call recall = dial.call().get(GUARD, TimeUnit.SECONDS);
        assertEquals(CallReason.CALLCOMPLETION, recall.info().reason());
        assertEquals(callback.id(), recall.info().completionId());

        sim.advance(Duration.ofSeconds(3), tapi);          // the recall rings 201, which answers
        assertEquals(CallState.CONNECTED, recall.state());
        recall.drop().get(GUARD, TimeUnit.SECONDS);
        assertTrue(Ladder.fromTrace(sim.trace()).toText().contains("mode=CALLBACK"));
    }

    @Test
    void aRefusedCallbackFailsTheDial(Simulator sim, Tapi tapi) throws Exception {
        sim.station("201").busy();
        sim.failNext("lineCompleteCall", LineError.LINEERR_RESOURCEUNAVAIL);
        CallbackDialer.Dial dial = new CallbackDialer(tapi.openLine(0)).dial("201");

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> dial.call().get(GUARD, TimeUnit.SECONDS));
        TapiException refused = assertInstanceOf(TapiException.class, e.getCause());
        assertEquals(LineError.LINEERR_RESOURCEUNAVAIL, refused.error());
        // The dialer drops the busy call; the extension's leak check waits for that reply.
    }

    @Test
    void theFarEndAnswersWhenTheTestSaysSo(Simulator sim, Tapi tapi) throws Exception {
        sim.station("201").manual();                       // rings until the test answers for it
        Call call = new CallbackDialer(tapi.openLine(0)).dial("201").call().get(GUARD, TimeUnit.SECONDS);

        sim.advance(Duration.ofMinutes(1), tapi);
        assertEquals(CallState.RINGBACK, call.state(), "a manual station never answers by itself");
        sim.station("201").answer();
        call.whenState(CallState.CONNECTED).get(GUARD, TimeUnit.SECONDS);
        sim.station("201").hangUp();
        call.whenState(CallState.DISCONNECTED).get(GUARD, TimeUnit.SECONDS);
        call.drop().get(GUARD, TimeUnit.SECONDS);
    }

    @Test
    void theRecallWaitsWhileTheLineIsInAnotherCall(Simulator sim, Tapi tapi) throws Exception {
        Line sales = tapi.openLine(0);
        sim.station("201").busy();
        CallbackDialer.Dial dial = new CallbackDialer(sales).dial("201");
        dial.callback().get(GUARD, TimeUnit.SECONDS);

        CompletableFuture<Call> incoming = sales.whenNewCall();
        sim.station("0301").named("Alice").call("100");    // an outside caller rings Sales
        Call alice = incoming.get(GUARD, TimeUnit.SECONDS);
        assertEquals("Alice", alice.info().callerName());
        alice.whenState(CallState.OFFERING).get(GUARD, TimeUnit.SECONDS);
        alice.answer().get(GUARD, TimeUnit.SECONDS);

        sim.station("201").idle();
        sim.advance(Duration.ofSeconds(2), tapi);
        assertFalse(dial.call().isDone(), "Sales is busy with Alice: the switch serves it later");

        sim.station("0301").hangUp();
        alice.whenState(CallState.DISCONNECTED).get(GUARD, TimeUnit.SECONDS);
        alice.drop().get(GUARD, TimeUnit.SECONDS);
        alice.close();
        sim.advance(Duration.ofSeconds(2), tapi);
        Call recall = dial.call().get(GUARD, TimeUnit.SECONDS);
        assertEquals(CallReason.CALLCOMPLETION, recall.info().reason());
        recall.drop().get(GUARD, TimeUnit.SECONDS);
    }
}
