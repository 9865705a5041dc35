package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * {@link Call#whenState} and {@link Line#whenNewCall}: waiting for a call state or a new call
 * without a listener of one's own, against the simulator.
 */
abstract class CallWaitsContract extends SimTestSupport {

    private static boolean sawState(List<LineEvent> events, Call call, CallState state) {
        return events.stream().anyMatch(e -> e instanceof LineEvent.CallStateChanged c
                && c.call() == call && c.state() == state);
    }

    /**
     * The README tour called {@code completeCall} straight after {@code makeCall(...).get()},
     * which works only on a switch that is BUSY by the time the reply arrives; waiting for BUSY
     * first is what a real switch needs. The whole CALLBACK flow, with no listener and no loop.
     */
    @Test
    void theTourWaitsForBusyBeforeCompletingTheCall() throws Exception {
        sim.station("201").busy();
        Line line = tapi.openLine(0);
        List<LineEvent> seen = new CopyOnWriteArrayList<>();
        line.addListener(seen::add);
        Call call = await(line.makeCall("201"));
        CompletableFuture<CallState> busy = call.whenState(CallState.BUSY);
        assertEquals(CallState.BUSY, await(busy));
        assertTrue(sawState(seen, call, CallState.BUSY), "listeners were handed the event first");
        CallCompletion c = await(busy.thenCompose(s -> call.completeCall(CallCompletionMode.CALLBACK)));
        assertEquals(CallState.IDLE, await(call.whenState(CallState.IDLE)));
        call.close();

        CompletableFuture<Call> next = line.whenNewCall();
        sim.station("201").idle();
        advance(2000); // guard time
        Call recall = await(next);
        assertSame(recall, await(c.whenFired()));
        assertEquals(CallState.OFFERING, await(recall.whenState(CallState.OFFERING)));
        assertEquals(CallReason.CALLCOMPLETION, recall.info().reason());
        await(recall.answer());
        advance(3000);
        assertEquals(CallState.CONNECTED, await(recall.whenState(CallState.CONNECTED)));
    }

    @Test
    void whenStateCompletesAtOnceWithTheLastReportedState() throws Exception {
        Line line = tapi.openLine(0);
        sim.station("231").busy();
        Call call = await(line.makeCall("231"));
        await(call.whenState(CallState.BUSY));
        CompletableFuture<CallState> f = call.whenState(CallState.RINGBACK, CallState.BUSY);
        assertTrue(f.isDone(), "already BUSY");
        assertEquals(CallState.BUSY, f.getNow(null));
        assertFalse(call.whenState(CallState.CONNECTED).isDone());
        assertThrows(NullPointerException.class, () -> call.whenState(null));
        assertThrows(NullPointerException.class, () -> call.whenState(CallState.BUSY, (CallState[]) null));
        assertThrows(NullPointerException.class, () -> call.whenState(CallState.BUSY, CallState.IDLE, null));
    }

    @Test
    void whenStateFailsWhenTheCallGoesIdleFirst() throws Exception {
        Line line = tapi.openLine(0);
        sim.station("232").noAnswer();
        Call call = await(line.makeCall("232"));
        await(call.whenState(CallState.RINGBACK));
        CompletableFuture<CallState> connected = call.whenState(CallState.CONNECTED);
        CompletableFuture<CallState> idle = call.whenState(CallState.IDLE, CallState.CONNECTED);
        await(call.drop());
        TapiException e = failure(connected);
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error());
        assertEquals("LINE_CALLSTATE", e.function());
        assertEquals(String.format("whenState(CONNECTED) of call 0x%08X", call.handle()), e.context().orElseThrow());
        assertTrue(e.getMessage().contains("went IDLE"), e.getMessage());
        assertEquals(CallState.IDLE, await(idle));

        CompletableFuture<CallState> late = call.whenState(CallState.CONNECTED);
        assertTrue(late.isCompletedExceptionally(), "the call is IDLE already");
        assertEquals(LineError.LINEERR_INVALCALLSTATE, failure(late).error());
        assertEquals(CallState.IDLE, call.whenState(CallState.IDLE).getNow(null));
        assertEquals(0, call.stateWaits.size());
    }

    @Test
    void whenStateAndWhenNewCallFailWhenTheCallTheLineOrTheApplicationClosesFirst() throws Exception {
        Tapi app = openTapi(TapiConfig.builder().provider(Provider.simulator()));
        Line[] lines = {app.openLine(0), app.openLine(1), app.openLine(2)};
        Call[] calls = new Call[3];
        for (int i = 0; i < 3; i++) {
            String number = "23" + (7 + i);
            sim.station(number).noAnswer();
            calls[i] = await(lines[i].makeCall(number));
            await(calls[i].whenState(CallState.RINGBACK));
        }
        CompletableFuture<CallState> byCall = calls[0].whenState(CallState.CONNECTED);
        calls[0].close();
        TapiException e = failure(byCall);
        assertEquals(LineError.LINEERR_INVALCALLHANDLE, e.error());
        assertTrue(e.getMessage().contains("the call was closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> calls[0].whenState(CallState.CONNECTED));

        CompletableFuture<CallState> byLine = calls[1].whenState(CallState.CONNECTED);
        CompletableFuture<Call> newByLine = lines[1].whenNewCall();
        lines[1].close();
        assertEquals(LineError.LINEERR_INVALLINEHANDLE, failure(byLine).error());
        TapiException n = failure(newByLine);
        assertEquals(LineError.LINEERR_INVALLINEHANDLE, n.error());
        assertEquals("LINE_APPNEWCALL", n.function());
        assertEquals("whenNewCall() of line 1", n.context().orElseThrow());
        assertThrows(IllegalStateException.class, lines[1]::whenNewCall);

        CompletableFuture<CallState> byApp = calls[2].whenState(CallState.CONNECTED);
        CompletableFuture<Call> newByApp = lines[2].whenNewCall(c -> true);
        app.close();
        assertEquals(LineError.LINEERR_INVALAPPHANDLE, failure(byApp).error());
        assertEquals(LineError.LINEERR_INVALAPPHANDLE, failure(newByApp).error());
        assertTrue(failure(newByApp).getMessage().contains("shut down"));

        // The provider shutting the application down (a reset) fails them the same way.
        Line line = tapi.openLine(0);
        CompletableFuture<Call> byReset = line.whenNewCall();
        sim.reset();
        assertEquals(LineError.LINEERR_INVALAPPHANDLE, failure(byReset).error());
    }

    @Test
    void aWaitSpoiledByOneCallerSpoilsNoOther() throws Exception {
        Line line = tapi.openLine(0);
        Call call = await(line.makeCall("234")); // answers after 3 s
        await(call.whenState(CallState.RINGBACK));
        CompletableFuture<CallState> completed = call.whenState(CallState.CONNECTED);
        completed.complete(CallState.IDLE);
        CompletableFuture<CallState> cancelled = call.whenState(CallState.CONNECTED);
        cancelled.cancel(true);
        CompletableFuture<CallState> timedOut = call.whenState(CallState.CONNECTED).orTimeout(1, TimeUnit.MILLISECONDS);
        ExecutionException t = assertThrows(ExecutionException.class, () -> timedOut.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, t.getCause());
        CompletableFuture<CallState> honest = call.whenState(CallState.CONNECTED);
        assertEquals(1, call.stateWaits.size(), "the spoiled waits were let go");
        advance(3000);
        assertEquals(CallState.CONNECTED, await(honest));
        assertEquals(CallState.IDLE, completed.getNow(null));
        assertTrue(cancelled.isCancelled());
        assertEquals(0, call.stateWaits.size());
    }

    @Test
    void waitsCompleteOnTheEventPumpThreadWhereBlockingIsRefused() throws Exception {
        Line line = tapi.openLine(0);
        Call call = await(line.makeCall("235")); // answers after 3 s
        await(call.whenState(CallState.RINGBACK));
        CompletableFuture<Thread> thread = call.whenState(CallState.CONNECTED).thenApply(s -> Thread.currentThread());
        CompletableFuture<String> blocking = call.whenState(CallState.CONNECTED).thenApply(s -> {
            try {
                call.whenState(CallState.IDLE).join();
                return "blocked";
            } catch (IllegalStateException e) {
                return "refused";
            }
        });
        advance(3000);
        assertSame(tapi.session().pumpThread(), await(thread));
        assertEquals("refused", await(blocking), "join() on the pump thread would deadlock");
    }

    @Test
    void whenNewCallCompletesWithTheNextCallHandedToTheLine() throws Exception {
        Line line0 = tapi.openLine(0);
        Line line1 = tapi.openLine(1);
        List<LineEvent> seen = new CopyOnWriteArrayList<>();
        line0.addListener(seen::add);
        CompletableFuture<Call> incoming = line0.whenNewCall();
        CompletableFuture<Call> monitored = line0.whenNewCall(c -> c.privilege() == CallPrivilege.MONITOR);
        CompletableFuture<Call> own = line1.whenNewCall();
        CompletableFuture<Call> badFilter = line0.whenNewCall(c -> {
            throw new IllegalArgumentException("bad filter");
        });
        Call out = await(line1.makeCall("100"));
        Call in = await(incoming);
        assertSame(line0, in.line());
        assertEquals(CallPrivilege.OWNER, in.privilege());
        assertTrue(seen.stream().anyMatch(e -> e instanceof LineEvent.NewCall n && n.call() == in),
                "listeners were handed the NewCall first");
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> badFilter.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        assertEquals("bad filter", thrown.getCause().getMessage());
        assertEquals(CallState.OFFERING, await(in.whenState(CallState.OFFERING)));
        await(in.answer());
        assertEquals(CallState.CONNECTED, await(in.whenState(CallState.CONNECTED)));
        assertEquals(CallState.CONNECTED, await(out.whenState(CallState.CONNECTED)));
        assertFalse(own.isDone(), "a call made with makeCall is no new call");
        assertFalse(monitored.isDone(), "the filter did not pass the call");
        assertThrows(NullPointerException.class, () -> line0.whenNewCall(null));
    }

    @Test
    void whenNewCallWithAFilterWaitsForTheRecall() throws Exception {
        Line line = tapi.openLine(0);
        Line other = tapi.openLine(1);
        CompletableFuture<Call> recall = line.whenNewCall(c -> c.info().reason() == CallReason.CALLCOMPLETION);
        CompletableFuture<Call> first = line.whenNewCall();
        Call out = await(other.makeCall("100"));
        Call in = await(first);
        assertFalse(recall.isDone(), "an ordinary incoming call is no recall");
        await(out.drop());
        if (await(in.whenState(CallState.IDLE, CallState.DISCONNECTED)) == CallState.DISCONNECTED) {
            await(in.drop());
        }
        await(in.whenState(CallState.IDLE));
        await(out.whenState(CallState.IDLE));
        in.close();
        out.close();

        sim.station("236").busy();
        Call call = await(line.makeCall("236"));
        await(call.whenState(CallState.BUSY));
        CallCompletion c = await(call.completeCall(CallCompletionMode.CALLBACK));
        await(call.whenState(CallState.IDLE));
        call.close();
        sim.station("236").idle();
        advance(2000);
        Call r = await(recall);
        assertSame(r, await(c.whenFired()));
        assertEquals(c.id(), r.info().completionId());
    }
}
