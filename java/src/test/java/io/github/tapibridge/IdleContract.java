package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Tapi#whenIdle()}, {@link Tapi#awaitIdle} and
 * {@link io.github.tapibridge.sim.Simulator#advance(Duration, Tapi...)}: once the wait returns,
 * every event the clock or a request caused has reached the listeners and futures, so the tests
 * below check {@code isDone()} straight after it, with no timed wait. Many rounds each, to give
 * a race a chance to show.
 */
abstract class IdleContract extends SimTestSupport {

    static final int ROUNDS = 100;
    static final Duration GUARD = Duration.ofSeconds(HANG_GUARD_SECONDS);
    static final Duration ANSWER_TIME = Duration.ofSeconds(3);
    static final Duration GUARD_TIME = Duration.ofSeconds(2);

    private static boolean sawState(List<LineEvent> events, Call call, CallState state) {
        return events.stream().anyMatch(e -> e instanceof LineEvent.CallStateChanged c
                && c.call() == call && c.state() == state);
    }

    /** Makes a call and waits for the pump: its future is done then. */
    private Call placed(Tapi t, Line line, String number) throws Exception {
        CompletableFuture<Call> f = line.makeCall(number);
        t.awaitIdle(GUARD);
        assertTrue(f.isDone(), "the makeCall reply has been dispatched");
        return f.getNow(null);
    }

    private void hangUp(Tapi t, Call call) throws Exception {
        CompletableFuture<Void> d = call.drop();
        t.awaitIdle(GUARD);
        assertTrue(d.isDone(), "the drop reply has been dispatched");
        call.close();
    }

    /** One call to a remote station that answers after 3 s: CONNECTED is there after advance. */
    private void connectRound(Tapi t, Line line, List<LineEvent> seen, String number) throws Exception {
        Call call = placed(t, line, number);
        CompletableFuture<CallState> connected = call.whenState(CallState.CONNECTED);
        assertFalse(connected.isDone(), "the far end answers after 3 s");
        sim.advance(ANSWER_TIME, t);
        assertTrue(connected.isDone(), "CONNECTED was dispatched before advance returned");
        assertEquals(CallState.CONNECTED, connected.getNow(null));
        assertTrue(sawState(seen, call, CallState.CONNECTED), "and the listeners had it");
        hangUp(t, call);
    }

    @Test
    void afterAdvanceTheConnectedStateHasBeenDelivered() throws Exception {
        Line line = tapi.openLine(0);
        List<LineEvent> seen = new CopyOnWriteArrayList<>();
        line.addListener(seen::add);
        for (int i = 0; i < ROUNDS; i++) {
            connectRound(tapi, line, seen, "6" + (1000 + i));
            seen.clear();
        }
    }

    @Test
    void afterAdvanceTheRecallHasFiredItsCompletion() throws Exception {
        Line line = tapi.openLine(0);
        List<LineEvent> seen = new CopyOnWriteArrayList<>();
        line.addListener(seen::add);
        for (int i = 0; i < ROUNDS; i++) {
            String number = "7" + (1000 + i);
            sim.station(number).busy();
            Call call = placed(tapi, line, number);
            assertTrue(call.whenState(CallState.BUSY).isDone());
            // The simulator answers a completion request when the application next looks at its
            // messages: the wait has it answered first, so its reply is part of what it waits for.
            CompletableFuture<CallCompletion> requested = call.completeCall(CallCompletionMode.CALLBACK);
            tapi.awaitIdle(GUARD);
            assertTrue(requested.isDone(), "the lineCompleteCall reply has been dispatched");
            CallCompletion c = requested.getNow(null);
            hangUp(tapi, call);
            sim.station(number).idle();
            CompletableFuture<Call> fired = c.whenFired();
            assertFalse(fired.isDone(), "not before the guard time");
            sim.advance(GUARD_TIME, tapi);
            assertTrue(fired.isDone(), "the recall was dispatched before advance returned");
            Call recall = fired.getNow(null);
            assertTrue(recall.whenState(CallState.OFFERING).isDone());
            assertTrue(seen.stream().anyMatch(e -> e instanceof LineEvent.CompletionFired f
                    && f.call() == recall), "and the listeners had CompletionFired");
            CompletableFuture<Void> answered = recall.answer();
            tapi.awaitIdle(GUARD);
            assertTrue(answered.isDone());
            CompletableFuture<CallState> connected = recall.whenState(CallState.CONNECTED);
            sim.advance(ANSWER_TIME, tapi);
            assertTrue(connected.isDone(), "the recalled party answered");
            hangUp(tapi, recall);
            seen.clear();
        }
    }

    @Test
    void withAListenerExecutorTheListenersHaveRunToo() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Tapi t = openTapi(TapiConfig.builder().provider(Provider.simulator())
                    .appName("idle with executor").listenerExecutor(pool));
            Line line = t.openLine(1);
            List<LineEvent> seen = new CopyOnWriteArrayList<>();
            line.addListener(e -> {
                Thread.yield(); // a slower listener than the pump: the wait must still cover it
                seen.add(e);
            });
            for (int i = 0; i < ROUNDS; i++) {
                connectRound(t, line, seen, "8" + (1000 + i));
                seen.clear();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Shows the race the wait closes: right after a plain advance, the pump has usually not yet
     * dispatched what the timers queued. Stops at the first round that shows it.
     */
    @Test
    void aPlainAdvanceReturnsBeforeThePumpHasDispatched() throws Exception {
        Line line = tapi.openLine(0);
        boolean raced = false;
        for (int i = 0; i < 1000 && !raced; i++) {
            Call call = placed(tapi, line, "5" + (1000 + i));
            CompletableFuture<CallState> connected = call.whenState(CallState.CONNECTED);
            sim.advance(ANSWER_TIME);
            raced = !connected.isDone();
            tapi.awaitIdle(GUARD);
            assertTrue(connected.isDone());
            hangUp(tapi, call);
        }
        assertTrue(raced, "in 1,000 rounds the pump was always done before advance returned");
    }

    @Test
    void theMarkersReachNoListener() throws Exception {
        List<LineEvent> seen = new CopyOnWriteArrayList<>();
        tapi.addListener(seen::add);
        tapi.openLine(2).addListener(seen::add);
        for (int i = 0; i < 10; i++) {
            tapi.awaitIdle(GUARD);
            await(tapi.whenIdle());
        }
        sim.postMessages(tapi, 3);
        tapi.awaitIdle(GUARD);
        assertEquals(3, seen.size(), "only the three posted messages: " + seen);
    }

    @Test
    void inAListenerOnThePumpAwaitIdleIsRefusedAndWhenIdleStillWorks() throws Exception {
        Line line = tapi.openLine(0);
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        CompletableFuture<Throwable> joinRefused = new CompletableFuture<>();
        CompletableFuture<CompletableFuture<Void>> inner = new CompletableFuture<>();
        line.addListener(e -> {
            if (e instanceof LineEvent.Reply && !refused.isDone()) {
                inner.complete(tapi.whenIdle());
                joinRefused.complete(assertThrows(IllegalStateException.class, () -> tapi.whenIdle().join()));
                refused.complete(assertThrows(IllegalStateException.class, () -> tapi.awaitIdle(GUARD)));
            }
        });
        line.uncompleteCall(0x7777);
        assertInstanceOf(IllegalStateException.class, await(refused));
        assertInstanceOf(IllegalStateException.class, await(joinRefused));
        tapi.awaitIdle(GUARD); // its marker follows the ones posted in the listener
        assertTrue(await(inner).isDone(), "a whenIdle from a listener completes once the pump is there");
    }

    @Test
    void inAListenerOnTheExecutorAwaitIdleIsRefused() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Tapi t = openTapi(TapiConfig.builder().provider(Provider.simulator())
                    .appName("idle refused on executor").listenerExecutor(pool));
            Line line = t.openLine(0);
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            line.addListener(e -> {
                if (e instanceof LineEvent.Reply && !refused.isDone()) {
                    refused.complete(assertThrows(IllegalStateException.class, () -> t.awaitIdle(GUARD)));
                }
            });
            line.uncompleteCall(0x7777);
            assertInstanceOf(IllegalStateException.class, await(refused));
            t.awaitIdle(GUARD); // from the test thread it works
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void closingWhileWaitingFailsTheWait() throws Exception {
        Line helper = tapi.openLine(3);
        CompletableFuture<Void> f;
        Thread closer = new Thread(tapi::close, "closer");
        Runnable release = holdPump(helper);
        try {
            f = tapi.whenIdle();
            assertFalse(f.isDone(), "the pump is held before the marker");
            closer.start(); // fails the wait, then waits for the held pump to end
            TapiException e = failure(f);
            assertEquals(LineError.LINEERR_INVALAPPHANDLE, e.error());
            assertEquals("whenIdle", e.function());
        } finally {
            release.run();
        }
        closer.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
        assertFalse(tapi.isOpen());
        assertThrows(IllegalStateException.class, tapi::whenIdle);
        assertThrows(IllegalStateException.class, () -> tapi.awaitIdle(GUARD));
        assertThrows(IllegalStateException.class, () -> sim.advance(GUARD_TIME, tapi));
    }

    @Test
    void aResetWhileWaitingFailsTheWait() throws Exception {
        Line helper = tapi.openLine(3);
        CompletableFuture<Void> f;
        Runnable release = holdPump(helper);
        try {
            f = tapi.whenIdle();
            sim.reset(); // shuts the application down under the held pump
        } finally {
            release.run();
        }
        TapiException e = failure(f);
        assertEquals(LineError.LINEERR_INVALAPPHANDLE, e.error());
        assertEquals("whenIdle", e.function());
    }

    @Test
    void arguments() {
        assertThrows(NullPointerException.class, () -> tapi.awaitIdle(null));
        assertThrows(IllegalArgumentException.class, () -> tapi.awaitIdle(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> sim.advance(GUARD_TIME, (Tapi) null));
        assertThrows(NullPointerException.class, () -> sim.advance(null, tapi));
        assertThrows(IllegalArgumentException.class, () -> sim.advance(Duration.ofMillis(-1), tapi));
        assertEquals(Duration.ZERO, sim.now(), "nothing moved");
    }
}
