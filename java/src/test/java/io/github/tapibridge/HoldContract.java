package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Hold through the public API: {@link Call#hold()}, {@link Call#unhold()} and
 * {@link Call#swapHold(Call)}, their golden message sequences, the far end hearing hold in the
 * trace, and each error on its path (the function result, or the {@code LINE_REPLY}).
 */
abstract class HoldContract extends SimTestSupport {

    static final int LINECALLFEATURE_HOLD = 0x800;
    static final int LINECALLFEATURE_SWAPHOLD = 0x04000000;
    static final int LINECALLFEATURE_UNHOLD = 0x08000000;
    static final int HOLD_FEATURES = LINECALLFEATURE_HOLD | LINECALLFEATURE_SWAPHOLD | LINECALLFEATURE_UNHOLD;

    /** A call to the remote station {@code number}, connected (it answers after 3 s), its events consumed. */
    Call connected(Line line, Recorder events, String number) throws Exception {
        Call call = await(line.makeCall(number));
        events.until(state(CallState.RINGBACK));
        advance(3000);
        events.until(state(CallState.CONNECTED));
        return call;
    }

    static Call callOf(LineEvent e) {
        return ((LineEvent.CallStateChanged) e).call();
    }

    @Test
    void holdAndUnholdAConnectedCall() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = connected(line, events, "201");
        assertEquals(LINECALLFEATURE_HOLD, call.status().callFeatures() & HOLD_FEATURES);
        sim.clearTrace();

        await(call.hold());
        assertEquals(List.of("REPLY ok", "CALLSTATE ONHOLD"), describe(events.until(state(CallState.ONHOLD))));
        assertEquals(CallState.ONHOLD, call.state());
        assertEquals(LINECALLFEATURE_UNHOLD, call.status().callFeatures() & HOLD_FEATURES);
        assertTrue(sim.trace().contains("far end 201 hears hold"), sim.trace());

        await(call.unhold());
        List<LineEvent> back = events.until(state(CallState.CONNECTED));
        assertEquals(List.of("REPLY ok", "CALLSTATE CONNECTED"), describe(back));
        assertEquals(1, ((LineEvent.CallStateChanged) back.get(1)).stateMode(), "LINECONNECTEDMODE_ACTIVE");
        assertTrue(sim.trace().contains("far end 201 retrieved"), sim.trace());
        awaitIdle();
        assertTrue(events.isEmpty());
    }

    @Test
    void lineStatusCountsAHeldCallApartFromActiveOnes() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = connected(line, events, "201");
        assertEquals(1, line.status().numActiveCalls());
        await(call.hold());
        events.until(state(CallState.ONHOLD));
        LineStatus held = line.status();
        assertEquals(0, held.numActiveCalls(), "dwNumActiveCalls");
        assertEquals(1, held.numOnHoldCalls(), "dwNumOnHoldCalls");
        assertEquals(0, held.numOnHoldPendingCalls(), "dwNumOnHoldPendCalls");
    }

    @Test
    void holdBetweenLocalLinesLeavesTheOtherPartyConnected() throws Exception {
        Tapi other = openTapi(TapiConfig.builder().provider(Provider.simulator()).appName("other"));
        Line callee = other.openLine(1);
        CompletableFuture<Call> incoming = callee.whenNewCall();
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = await(line.makeCall("101"));
        Call in = await(incoming);
        await(in.whenState(CallState.OFFERING));
        await(in.answer());
        await(call.whenState(CallState.CONNECTED));
        events.clear();

        await(call.hold());
        assertEquals(List.of("REPLY ok", "CALLSTATE ONHOLD"), describe(events.until(state(CallState.ONHOLD))));
        other.awaitIdle(java.time.Duration.ofSeconds(HANG_GUARD_SECONDS));
        assertEquals(CallState.CONNECTED, in.state(), "the held party's call stays CONNECTED");
        assertEquals(CallState.CONNECTED, in.lastReportedState(), "and it got no message");
        assertTrue(sim.trace().contains("far end 101 hears hold"), sim.trace());
    }

    @Test
    void holdAndUnholdInTheWrongStateFailInTheReply() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = connected(line, events, "201");
        TapiException e = failure(call.unhold());
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error());
        assertEquals("lineUnhold", e.function());
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(events.until(reply())));

        Call ringing = await(line.makeCall("202"));
        events.until(state(CallState.RINGBACK));
        e = failure(ringing.hold());
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error());
        assertEquals("lineHold", e.function());
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(events.until(reply())));

        await(call.hold());
        events.until(state(CallState.ONHOLD));
        e = failure(call.hold());
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "already on hold");
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(events.until(reply())));
    }

    @Test
    void holdFunctionsOnAMonitoredCallAreNotOwnerAtOnce() throws Exception {
        Tapi watcher = openTapi(TapiConfig.builder().provider(Provider.simulator()).appName("watcher"));
        Line watched = watcher.openLine(0, LineOptions.monitor());
        CompletableFuture<Call> first = watched.whenNewCall();
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        connected(line, events, "201");
        Call a = await(first);
        CompletableFuture<Call> second = watched.whenNewCall();
        connected(line, events, "202");
        Call b = await(second);
        assertEquals(CallPrivilege.MONITOR, a.privilege());
        for (CompletableFuture<Void> f : List.of(a.hold(), a.unhold(), a.swapHold(b))) {
            assertTrue(f.isDone(), "refused before the method returned");
            assertEquals(LineError.LINEERR_NOTOWNER, failure(f).error());
        }
        assertEquals("lineSwapHold", failure(a.swapHold(b)).function());
    }

    @Test
    void swapHoldExchangesTheActiveAndTheHeldCall() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call first = connected(line, events, "201");
        await(first.hold());
        events.until(state(CallState.ONHOLD));
        Call second = connected(line, events, "202");
        assertEquals(LINECALLFEATURE_SWAPHOLD, first.status().callFeatures() & LINECALLFEATURE_SWAPHOLD);
        assertEquals(LINECALLFEATURE_SWAPHOLD, second.status().callFeatures() & LINECALLFEATURE_SWAPHOLD);
        sim.clearTrace();

        await(second.swapHold(first));
        List<LineEvent> swap = events.until(state(CallState.CONNECTED));
        assertEquals(List.of("REPLY ok", "CALLSTATE ONHOLD", "CALLSTATE CONNECTED"), describe(swap));
        assertSame(second, callOf(swap.get(1)));
        assertSame(first, callOf(swap.get(2)));
        assertTrue(sim.trace().contains("far end 202 hears hold"), sim.trace());
        assertTrue(sim.trace().contains("far end 201 retrieved"), sim.trace());

        await(first.swapHold(second));
        swap = events.until(state(CallState.CONNECTED));
        assertEquals(List.of("REPLY ok", "CALLSTATE ONHOLD", "CALLSTATE CONNECTED"), describe(swap));
        assertSame(first, callOf(swap.get(1)));
        assertSame(second, callOf(swap.get(2)));
    }

    @Test
    void swapHoldOfTwoCallsNotActiveAndHeldFailsInTheReply() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call first = connected(line, events, "201");
        Call second = connected(line, events, "202");
        TapiException e = failure(second.swapHold(first));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "neither is on hold");
        assertEquals("lineSwapHold", e.function());
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(events.until(reply())));
        await(first.hold());
        events.until(state(CallState.ONHOLD));
        e = failure(first.swapHold(second));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "the active and the held call swapped round");
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(events.until(reply())));
        assertEquals(CallState.ONHOLD, first.state());
        assertEquals(CallState.CONNECTED, second.state());
    }

    @Test
    void swapHoldWithACallOfAnotherLineDeviceIsInvalCallHandleAtOnce() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Recorder otherEvents = new Recorder();
        Line other = openRecorded(2, otherEvents);
        Call held = connected(other, otherEvents, "201");
        await(held.hold());
        Call active = connected(line, events, "202");
        CompletableFuture<Void> f = active.swapHold(held);
        assertTrue(f.isDone(), "refused before the method returned");
        TapiException e = failure(f);
        assertEquals(LineError.LINEERR_INVALCALLHANDLE, e.error());
        assertEquals("lineSwapHold", e.function());
    }

    @Test
    void anInjectedFaultArrivesInTheReplyAndChangesNothing() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = connected(line, events, "201");
        sim.failNext("lineHold", LineError.LINEERR_RESOURCEUNAVAIL);
        TapiException e = failure(call.hold());
        assertEquals(LineError.LINEERR_RESOURCEUNAVAIL, e.error());
        assertEquals("lineHold", e.function());
        assertEquals(List.of("REPLY LINEERR_RESOURCEUNAVAIL"), describe(events.until(reply())));
        assertEquals(CallState.CONNECTED, call.state());
    }

    @Test
    void swapHoldMisuseIsRefusedInJava() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call first = connected(line, events, "201");
        Call second = connected(line, events, "202");
        assertThrows(NullPointerException.class, () -> first.swapHold(null));
        assertThrows(IllegalArgumentException.class, () -> first.swapHold(first));
        Tapi otherApp = openTapi(TapiConfig.builder().provider(Provider.simulator()).appName("other"));
        Call foreign = await(otherApp.openLine(1).makeCall("203"));
        assertThrows(IllegalArgumentException.class, () -> first.swapHold(foreign));
        second.close();
        assertThrows(IllegalStateException.class, () -> first.swapHold(second));
        assertThrows(IllegalStateException.class, () -> second.swapHold(first));
        assertThrows(IllegalStateException.class, second::hold);
        assertThrows(IllegalStateException.class, second::unhold);
        awaitIdle();
        assertTrue(drain(events).stream().noneMatch(reply()), "nothing reached TAPI");
    }
}
