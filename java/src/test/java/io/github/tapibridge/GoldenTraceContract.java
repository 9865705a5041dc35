package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The golden event sequences A to E of call completion (docs/simulator.md, "Message sequences"),
 * driven through the public API against the simulator: each step's events are compared with the
 * expected trace.
 */
abstract class GoldenTraceContract extends SimTestSupport {

    /** A. CALLBACK on busy: success, later recall. */
    @Test
    void a_callbackOnBusyThenRecall() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        sim.station("201").busy();
        Call call = line.makeCall("201").get();
        assertEquals(List.of("REPLY ok", "CALLSTATE DIALING", "CALLSTATE PROCEEDING", "CALLSTATE BUSY"),
                describe(events.until(state(CallState.BUSY))));
        assertEquals(CallState.BUSY, call.state());
        assertTrue(call.status().canCompleteCall());
        CallStatus busy = call.status();
        assertEquals(Set.of(BusyMode.STATION), busy.stateModeSet());
        assertTrue(busy.callFeatureSet().contains(CallFeature.COMPLETECALL), busy.callFeatureSet().toString());
        assertTrue(busy.callFeature2Set().contains(CallFeature2.COMPLCALLBACK), busy.callFeature2Set().toString());
        assertTrue(line.status().lineFeatureSet().contains(LineFeature.MAKECALL));
        AddressCaps caps = line.addressCaps(0);
        assertTrue(caps.addressCapFlagSet().containsAll(Set.of(AddressCapFlag.DIALED, AddressCapFlag.COMPLETIONID)),
                caps.addressCapFlagSet().toString());
        assertTrue(caps.addressFeatureSet().contains(AddressFeature.UNCOMPLETECALL), caps.addressFeatureSet().toString());

        CallCompletion c = await(call.completeCall(CallCompletionMode.CALLBACK));
        assertTrue(c.id() > 0);
        assertEquals(CallCompletionMode.CALLBACK, c.mode());
        assertEquals(List.of("REPLY ok", "LINEDEVSTATE [NUMCOMPLETIONS]", "CALLSTATE IDLE"),
                describe(events.until(state(CallState.IDLE))));
        assertEquals(1, line.status().numCallCompletions());
        call.close();

        sim.station("201").idle();
        advance(2000); // guard time
        List<LineEvent> recall = events.until(lineState(LineDeviceState.RINGING));
        assertEquals(List.of("NEWCALL OWNER", "CALLSTATE OFFERING", "FIRED " + c.id(),
                "LINEDEVSTATE [NUMCOMPLETIONS]", "LINEDEVSTATE [RINGING]"), describe(recall));
        Call recallCall = await(c.whenFired());
        assertSame(((LineEvent.NewCall) recall.get(0)).call(), recallCall);
        assertEquals(1, ((LineEvent.CallStateChanged) recall.get(1)).stateMode(), "LINEOFFERINGMODE_ACTIVE");
        assertEquals(Set.of(OfferingMode.ACTIVE), ((LineEvent.CallStateChanged) recall.get(1)).stateModeSet());
        CallInfo info = recallCall.info();
        assertEquals(CallReason.CALLCOMPLETION, info.reason());
        assertEquals(c.id(), info.completionId());
        assertEquals(CallCompletion.State.FIRED, c.state());
        assertEquals(0, line.status().numCallCompletions());

        // Answering the recall rings the target; it answers after 3 s.
        await(recallCall.answer());
        advance(3000);
        await(recallCall.whenState(CallState.CONNECTED));
    }

    /** B. Rejected by the provider: the error arrives in LINE_REPLY. */
    @Test
    void b_rejectedByTheProviderInTheReply() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = await(line.makeCall("202"));
        events.until(state(CallState.RINGBACK));
        advance(3000);
        events.until(state(CallState.CONNECTED));
        CompletableFuture<CallCompletion> f = call.completeCall(CallCompletionMode.CALLBACK);
        TapiException e = failure(f);
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error());
        assertEquals("lineCompleteCall", e.function());
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(events.until(reply())));
        assertTrue(line.completions().isEmpty());
    }

    /** C. Bad mode: refused synchronously, no message. */
    @Test
    void c_badModeIsRefusedSynchronously() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "203");
        assertThrows(IllegalArgumentException.class, () -> CallCompletionMode.of(0x3));
        // The Java API cannot express mode 0x3; the raw path shows TAPI's answer.
        CompletableFuture<CallCompletion> f = call.complete(CallCompletionMode.CALLBACK, 0x3, 0);
        assertTrue(f.isDone(), "failed before the method returned");
        assertEquals(LineError.LINEERR_INVALCALLCOMPLMODE, failure(f).error());
        // No LINE_REPLY for it: the next reply is that of the drop.
        await(call.drop());
        assertEquals("REPLY ok", describe(events.next()));
    }

    /** D. Switch cancel: COMPLCANCEL, then NUMCOMPLETIONS; uncompleting the ID fails. */
    @Test
    void d_switchCancel() throws Exception {
        sim.option("expiry_busy_ms", 60_000);
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "204");
        CallCompletion c = await(call.completeCall(CallCompletionMode.CALLBACK));
        events.until(state(CallState.IDLE));
        advance(60_000);
        List<LineEvent> cancel = events.until(lineState(LineDeviceState.NUMCOMPLETIONS));
        assertEquals(List.of("COMPLCANCEL " + c.id(), "LINEDEVSTATE [NUMCOMPLETIONS]"), describe(cancel));
        assertSame(c, ((LineEvent.CompletionCancelled) cancel.get(0)).completion());
        assertTrue(c.isCancelledBySwitch());
        assertEquals(CallCompletion.State.CANCELLED_BY_SWITCH, c.state());
        assertTrue(c.whenFired().isCancelled());
        assertThrows(CancellationException.class, () -> c.whenFired().join());

        TapiException e = failure(line.uncompleteCall(c.id()));
        assertEquals(LineError.LINEERR_INVALCOMPLETIONID, e.error());
        assertEquals("lineUncompleteCall", e.function());
        assertEquals(List.of("REPLY LINEERR_INVALCOMPLETIONID"), describe(events.until(reply())));
    }

    /** E. CAMPON: the call stays BUSY, then rings through on the same call. */
    @Test
    void e_camponRingsThroughOnTheSameCall() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "205");
        CallCompletion c = await(call.completeCall(CallCompletionMode.CAMPON));
        assertEquals(List.of("REPLY ok", "LINEDEVSTATE [NUMCOMPLETIONS]"),
                describe(events.until(lineState(LineDeviceState.NUMCOMPLETIONS))));
        assertEquals(CallState.BUSY, call.state());
        assertFalse(c.whenFired().isDone());

        sim.station("205").idle();
        advance(2000);
        List<LineEvent> fired = events.until(state(CallState.RINGBACK));
        assertEquals(List.of("CALLINFO 0x600", "FIRED " + c.id(), "CALLSTATE RINGBACK"), describe(fired));
        assertSame(call, await(c.whenFired()));
        assertEquals(CallReason.CALLCOMPLETION, call.info().reason());
        assertEquals(c.id(), call.info().completionId());
        advance(3000);
        assertEquals(List.of("CALLSTATE CONNECTED", "LINEDEVSTATE [NUMCOMPLETIONS]"),
                describe(events.until(lineState(LineDeviceState.NUMCOMPLETIONS))));
        assertEquals(CallState.CONNECTED, call.lastReportedState());
        assertEquals(1, call.lastReportedStateMode(), "LINECONNECTEDMODE_ACTIVE");
    }
}
