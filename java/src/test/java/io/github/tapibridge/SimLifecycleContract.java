package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Lifecycle, listeners and multi-application behaviour against the simulator. */
abstract class SimLifecycleContract extends SimTestSupport {

    @Test
    void deviceAndLineQueries() {
        assertEquals(4, tapi.lineCount());
        assertEquals(TapiVersion.V3_1, tapi.apiVersion());
        LineDevice d = tapi.device(2);
        assertEquals(2, d.id());
        assertTrue(d.name().contains("102"), d.name());
        assertEquals(TapiVersion.V3_1, d.apiVersion());
        assertEquals(1, d.numAddresses());
        assertTrue(d.lineStates().containsAll(List.of(LineDeviceState.NUMCOMPLETIONS, LineDeviceState.COMPLCANCEL)));
        assertTrue(d.mediaModes().contains(MediaMode.INTERACTIVEVOICE));
        assertEquals(8, d.maxActiveCalls());
        assertFalse(d.providerInfo().isEmpty());
        assertFalse(d.switchInfo().isEmpty());
        Line line = tapi.openLine(2);
        assertTrue(line.handle() != 0);
        AddressCaps caps = line.addressCaps(0);
        assertEquals("102", caps.address());
        assertEquals(4, caps.maxCallCompletions());
        assertEquals(java.util.EnumSet.allOf(CallCompletionMode.class), caps.completionModes());
        assertEquals(java.util.EnumSet.allOf(CompletionCondition.class), caps.completionConditions());
        assertEquals(3, caps.completionMessages().size());
        assertTrue(caps.completionMessages().stream().allMatch(m -> !m.isEmpty()));
        LineStatus status = line.status();
        assertEquals(1, status.numOpens());
        assertEquals(0, status.numCallCompletions());
        assertTrue(status.inService());
        assertEquals(List.of(line), tapi.lines());
        assertTrue(line.toString().contains("device=2"));
    }

    @Test
    void defaultOpenUsesTheSimulatorOffWindows() {
        if (TapiConfig.isWindows()) {
            return;
        }
        try (Tapi t = Tapi.open()) {
            assertEquals(Provider.simulator(), t.config().provider());
            assertEquals(4, t.lineCount());
        }
    }

    @Test
    void aListenerAnswersAnIncomingCallOnThePumpThread() throws Exception {
        Recorder callee = new Recorder();
        Line line0 = openRecorded(0, callee);
        List<Thread> threads = new ArrayList<>();
        line0.addListener(e -> {
            if (e instanceof LineEvent.NewCall n && n.privilege() == CallPrivilege.OWNER) {
                threads.add(Thread.currentThread());
                n.call().answer(); // re-entrant call into the API from the pump
            }
        });
        Line line1 = tapi.openLine(1);
        Call out = await(line1.makeCall("100"));
        await(out.whenState(CallState.CONNECTED));
        List<LineEvent> in = callee.until(state(CallState.CONNECTED));
        assertEquals(tapi.session().pumpThread(), threads.get(0));
        LineEvent.NewCall n = (LineEvent.NewCall) in.get(0);
        assertEquals(CallState.CONNECTED, n.call().state());
        assertEquals("101", n.call().info().callerId());
        assertEquals(CallState.CONNECTED, out.state());
        assertEquals("100", out.info().calledId());
    }

    @Test
    void listenersOnAnExecutorMayBlockOnFutures() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            Tapi t = openTapi(TapiConfig.builder().provider(Provider.simulator()).listenerExecutor(pool));
            Line line0 = t.openLine(0);
            CompletableFuture<CallState> answered = new CompletableFuture<>();
            line0.addListener(e -> {
                if (e instanceof LineEvent.NewCall n) {
                    try {
                        n.call().answer().get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
                        answered.complete(n.call().state());
                    } catch (Exception ex) {
                        answered.completeExceptionally(ex);
                    }
                }
            });
            Line line1 = t.openLine(1);
            await(line1.makeCall("100"));
            assertEquals(CallState.CONNECTED, await(answered));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theRecallGoesToTheOwnerOfTheDeviceAcrossApplications() throws Exception {
        // App 1 requests a CALLBACK completion on device 0 and then only monitors it; app 2 owns
        // device 0's voice calls. The recall is offered to app 2, the owner of new calls
        // (docs/simulator.md, "Who gets the recall").
        Recorder requesterEvents = new Recorder();
        Line requester = openRecorded(0, requesterEvents);
        Call call = busyCall(requester, requesterEvents, "230");
        CallCompletion c = await(call.completeCall(CallCompletionMode.CALLBACK));
        await(call.whenState(CallState.IDLE));
        call.close();
        Line watcher = tapi.openLine(0, LineOptions.monitor());
        requester.close();
        assertEquals(CallCompletion.State.CLOSED, c.state());
        Tapi other = openTapi(TapiConfig.builder().provider(Provider.simulator()).appName("other"));
        Recorder ownerEvents = new Recorder();
        Line owner = other.openLine(0);
        owner.addListener(ownerEvents);
        sim.station("230").idle();
        advance(2000);
        LineEvent.NewCall offered = (LineEvent.NewCall) ownerEvents.until(e -> e instanceof LineEvent.NewCall).get(0);
        assertEquals(CallPrivilege.OWNER, offered.privilege());
        assertSame(owner, offered.line());
        assertTrue(offered.call().info().isCompletion());
        assertTrue(watcher.isOpen());
    }

    @Test
    void aCompletionCancelledByAnotherApplicationSettlesWhenItIsCancelled() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "231");
        CallCompletion c = await(call.completeCall(CallCompletionMode.CALLBACK));
        events.until(state(CallState.IDLE));
        Tapi other = openTapi(TapiConfig.builder().provider(Provider.simulator()).appName("other"));
        Line foreign = other.openLine(0, LineOptions.monitor());
        await(foreign.uncompleteCall(c.id()));
        events.until(lineState(LineDeviceState.NUMCOMPLETIONS)); // all TAPI says
        assertEquals(0, line.status().numCallCompletions());
        assertTrue(c.isActive(), "TAPI did not say which completion went");
        CompletableFuture<Call> fired = c.whenFired();
        assertEquals(LineError.LINEERR_INVALCOMPLETIONID, failure(c.cancel()).error());
        assertEquals(CallCompletion.State.CANCELLED, c.state());
        assertTrue(fired.isCancelled());
        assertTrue(c.whenFired().isCancelled());
        assertTrue(line.completions().isEmpty());
    }

    @Test
    void intrudeFiresOnTheOriginalCallAtOnce() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "260");
        CallCompletion c = await(call.completeCall(CallCompletionMode.INTRUDE));
        assertEquals(CallCompletion.State.FIRED, c.state(), "carried out on acceptance");
        assertSame(call, c.whenFired().getNow(null));
        assertEquals(List.of("REPLY ok", "CALLINFO 0x600", "CALLSTATE CONNECTED"),
                describe(events.until(state(CallState.CONNECTED))));
        assertEquals(CallReason.CALLCOMPLETION, call.info().reason());
    }

    @Test
    void aCampedCallThatEndsEndsItsCompletion() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "261");
        CallCompletion c = await(call.completeCall(CallCompletionMode.CAMPON));
        await(call.drop());
        await(call.whenState(CallState.IDLE));
        assertEquals(CallCompletion.State.ENDED, c.state());
        assertThrows(java.util.concurrent.CancellationException.class, () -> c.whenFired().join());
        assertTrue(line.completions().isEmpty());
        assertEquals(0, line.status().numCallCompletions(), "the switch ended the camp-on too");
    }

    @Test
    void reusedCompletionIdsNameTheNewCompletion() throws Exception {
        sim.option("reuse_freed_ids", 1);
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call first = busyCall(line, events, "262");
        CallCompletion a = await(first.completeCall(CallCompletionMode.CAMPON));
        await(a.cancel());
        Call second = busyCall(line, events, "262");
        CallCompletion b = await(second.completeCall(CallCompletionMode.CAMPON));
        assertEquals(a.id(), b.id(), "the switch handed the freed ID out again");
        assertEquals(CallCompletion.State.CANCELLED, a.state());
        assertTrue(b.isActive());
        assertSame(b, line.completion(b.id()).orElseThrow());
        assertEquals(LineError.LINEERR_INVALCOMPLETIONID, failure(a.cancel()).error(),
                "cancelling the old object does not cancel the new request");
        assertTrue(b.isActive());
        await(b.cancel());
    }

    @Test
    void documentationLiteralErrorDeliveryFailsTheFutureAtOnce() throws Exception {
        sim.option("error_delivery", 1);
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = await(line.makeCall("263"));
        advance(3000);
        await(call.whenState(CallState.CONNECTED));
        CompletableFuture<CallCompletion> f = call.completeCall(CallCompletionMode.CALLBACK);
        assertTrue(f.isCompletedExceptionally(), "returned by lineCompleteCall itself");
        assertEquals(LineError.LINEERR_INVALCALLSTATE, failure(f).error());
        CompletableFuture<Void> u = line.uncompleteCall(77);
        assertTrue(u.isCompletedExceptionally());
        assertEquals(LineError.LINEERR_INVALCOMPLETIONID, failure(u).error());
    }

    @Test
    void applicationListenersAndAccessors() throws Exception {
        Recorder all = new Recorder();
        tapi.addListener(all);
        Line line = tapi.openLine(1, LineOptions.owner());
        assertEquals(Set.of(CallPrivilege.OWNER), line.options().privileges());
        Call call = await(line.makeCall("264"));
        LineEvent.Reply r = (LineEvent.Reply) all.until(reply()).get(0);
        assertSame(line, r.line());
        all.until(state(CallState.RINGBACK));
        tapi.removeListener(all);
        assertTrue(call.toString().contains("OWNER"));
        assertTrue(tapi.toString().contains("simulator"));
        await(call.drop());
        await(call.whenState(CallState.IDLE)); // after every listener has been handed the event
        assertTrue(all.isEmpty(), "a removed listener gets nothing more");
    }

    @Test
    void closeWithRequestsInFlightFailsOrCompletesEveryFutureAndFreesMemory() throws Exception {
        Tapi t = openTapi(TapiConfig.builder().provider(Provider.simulator()));
        Line line = t.openLine(3);
        sim.station("240").busy();
        List<CompletableFuture<Call>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(line.makeCall("240"));
        }
        t.close();
        for (CompletableFuture<Call> f : futures) {
            assertTrue(f.isDone(), "no future is left hanging");
            try {
                f.get();
            } catch (ExecutionException e) {
                TapiException te = (TapiException) e.getCause();
                assertEquals(LineError.LINEERR_INVALAPPHANDLE, te.error());
                assertTrue(te.getMessage().contains("shut down"));
            }
        }
        assertFalse(t.isOpen());
        assertThrows(IllegalStateException.class, () -> line.makeCall("240"));
        assertThrows(IllegalStateException.class, t::lineCount);
        t.close();
    }

    /**
     * The pump may be processing a makeCall reply (already taken from the registry) while
     * {@code Tapi.close()} shuts the registry down and closes the line; that future failed with
     * LINEERR_INVALLINEHANDLE ("the line was closed") instead of the shutdown error of the
     * others. A race, so many rounds.
     */
    @Test
    void closeRacingAMakeCallReplyFailedItAsLineClosedNotAsShutDown() throws Exception {
        sim.station("240").busy();
        for (int round = 0; round < 300; round++) {
            Tapi t = openTapi(TapiConfig.builder().provider(Provider.simulator()));
            Line line = t.openLine(3);
            List<CompletableFuture<Call>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(line.makeCall("240"));
            }
            t.close();
            for (CompletableFuture<Call> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    TapiException te = (TapiException) e.getCause();
                    assertEquals(LineError.LINEERR_INVALAPPHANDLE, te.error(), "round " + round);
                }
            }
        }
    }

    @Test
    void closingALineWithACampedCallCancelsTrackingButKeepsOtherLines() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Line other = tapi.openLine(1);
        Call call = busyCall(line, events, "250");
        CallCompletion c = await(call.completeCall(CallCompletionMode.CAMPON));
        line.close();
        assertFalse(call.isOpen());
        assertEquals(CallCompletion.State.CLOSED, c.state());
        TapiException e = failure(c.whenFired());
        assertEquals(LineError.LINEERR_INVALLINEHANDLE, e.error());
        assertTrue(other.isOpen());
        assertEquals(0, other.status().numCallCompletions());
        assertEquals(0, tapi.openLine(0).status().numCallCompletions(),
                "the switch forgot the requests of the device's last open");
    }
}
