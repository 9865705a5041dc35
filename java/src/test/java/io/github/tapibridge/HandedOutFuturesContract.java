package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The futures the API hands out belong to their callers: what a caller does to one (cancel,
 * complete, {@code orTimeout}) neither changes what the library knows nor what other callers see,
 * and cancelling a request's future gives up waiting, with the call of a {@code lineMakeCall}
 * dropped when it arrives.
 */
abstract class HandedOutFuturesContract extends SimTestSupport {

    @Test
    void aTimedOutWhenFiredDoesNotSpoilTheCompletion() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "280");
        CallCompletion c = await(call.completeCall(CallCompletionMode.CALLBACK));
        CompletableFuture<Call> timedOut = c.whenFired().orTimeout(1, TimeUnit.MILLISECONDS);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> timedOut.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
        CompletableFuture<Call> cancelled = c.whenFired();
        assertTrue(cancelled.cancel(true));
        assertTrue(c.whenFired().complete(null));
        c.whenFired().obtrudeException(new IllegalStateException("a caller's own"));
        CompletableFuture<Call> kept = c.whenFired();
        assertNotSame(kept, c.whenFired(), "every caller gets a future of its own");
        assertTrue(c.isActive());
        assertFalse(kept.isDone());

        sim.station("280").idle();
        advance(2000);
        Call recall = await(kept);
        assertEquals(CallCompletion.State.FIRED, c.state());
        assertSame(recall, await(c.whenFired()), "a later caller sees the recall too");
        assertTrue(recall.info().isCompletion());
        assertTrue(cancelled.isCancelled(), "what a caller did to its own future stays");
    }

    @Test
    void aCancelledWhenFiredStillSeesTheCompletionCancelled() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "281");
        CallCompletion c = await(call.completeCall(CallCompletionMode.CAMPON));
        c.whenFired().cancel(true);
        assertTrue(c.isActive(), "cancelling a future is not cancelling the completion");
        await(c.cancel());
        CompletableFuture<Call> after = c.whenFired();
        assertTrue(after.isCancelled(), "the same settlement for every later caller");
        assertThrows(java.util.concurrent.CancellationException.class, after::join);
    }

    /**
     * The completion's {@link java.util.concurrent.CancellationException} names it wherever its
     * future is read. {@code handle} sees it as it is on every JDK; {@code join} throws it as it
     * is on JDK 17, while newer JDKs (25 here) throw a new one of their own ("join") whose cause
     * it is: the class comment of {@link CallCompletion} said "as it is" for every JDK.
     */
    @Test
    void aCancelledCompletionNamesItselfWhereverItsFutureIsRead() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "285");
        CallCompletion c = await(call.completeCall(CallCompletionMode.CALLBACK));
        await(c.cancel());
        String expected = "Completion " + c.id() + " was cancelled";
        Throwable seen = c.whenFired().handle((v, e) -> e).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertEquals(expected, assertInstanceOf(CancellationException.class, seen).getMessage());
        CancellationException joined = assertThrows(CancellationException.class, c.whenFired()::join);
        CancellationException ours = joined.getCause() == null ? joined
                : assertInstanceOf(CancellationException.class, joined.getCause());
        assertEquals(expected, ours.getMessage());
        if (Runtime.version().feature() == 17) {
            assertSame(seen, joined, "JDK 17 throws the completion's own exception");
        }
    }

    @Test
    void cancellingAMakeCallFutureDropsTheCallWhenItArrives() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(1, events);
        Line helper = tapi.openLine(3);
        CompletableFuture<Call> f;
        Runnable release = holdPump(helper);
        try {
            f = line.makeCall("282");
            assertFalse(f.isDone(), "the reply waits in the held pump's queue");
            assertTrue(f.cancel(true));
        } finally {
            release.run();
        }
        awaitIdle(); // the makeCall reply, queued before, has been processed
        assertEquals(List.of(), line.calls(), "the call is not handed to the application");
        assertEquals(0, line.status().numActiveCalls(), "the switch dropped it");
        for (LineEvent e : drain(events)) {
            assertInstanceOf(LineEvent.Reply.class, e, "no event about the dropped call: " + e);
        }
        assertTrue(f.isCancelled());
        Call next = await(line.makeCall("282"));
        assertEquals(List.of(next), line.calls(), "the line goes on");
    }

    @Test
    void timingOutAMakeCallFutureDropsTheCallToo() throws Exception {
        Line line = tapi.openLine(1);
        Line helper = tapi.openLine(3);
        CompletableFuture<Call> f;
        Runnable release = holdPump(helper);
        try {
            f = line.makeCall("283").orTimeout(1, TimeUnit.MILLISECONDS);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> f.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            assertInstanceOf(TimeoutException.class, e.getCause());
        } finally {
            release.run();
        }
        awaitIdle();
        assertEquals(List.of(), line.calls());
        assertEquals(0, line.status().numActiveCalls());
    }

    @Test
    void cancellingACompleteCallFutureOnlyGivesUpWaiting() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Line helper = tapi.openLine(3);
        Call call = busyCall(line, events, "284");
        Runnable release = holdPump(helper);
        CompletableFuture<CallCompletion> f;
        try {
            f = call.completeCall(CallCompletionMode.CAMPON);
            assertTrue(f.cancel(true));
        } finally {
            release.run();
        }
        awaitIdle();
        assertTrue(f.isCancelled());
        assertEquals(1, line.completions().size(), "the request ran: the completion is active");
        CallCompletion c = line.completions().get(0);
        assertTrue(c.isActive());
        assertEquals(1, line.status().numCallCompletions());
        await(c.cancel());
        assertEquals(0, line.status().numCallCompletions());
    }
}
