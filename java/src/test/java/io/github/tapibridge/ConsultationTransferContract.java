package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Consultation transfer through the public API: {@link Call#setupTransfer()}, a consultation
 * call dialled with {@link Call#dial(String)}, {@link Call#completeTransfer(Call)}; the message
 * sequences of {@code native/sim/transfer.c} at each application (an outside caller moved to a
 * local line, a local party moved to a remote station), the transfer modes in
 * {@code dwCallFeatures2}, the way back by dropping the consultation call, and each error on its
 * path (at once, or in the {@code LINE_REPLY}).
 */
abstract class ConsultationTransferContract extends PartiesTestSupport {

    /** {@code LINECALLINFOSTATE_CONNECTEDID}. */
    static final int CONNECTEDID = 0x00020000;

    /** The consultation call of {@code call}, its events at {@code events} checked. */
    static Call setUp(Call call, Recorder events) throws Exception {
        Call consult = await(call.setupTransfer());
        assertEquals(List.of("REPLY ok", "CALLSTATE ONHOLDPENDTRANSFER", "CALLSTATE DIALTONE"),
                describe(events.until(state(CallState.DIALTONE))));
        assertEquals(CallPrivilege.OWNER, consult.privilege());
        assertSame(call.line(), consult.line());
        assertTrue(call.line().calls().contains(consult));
        return consult;
    }

    /** Dials {@code number} on a call in dial tone: its reply and states up to RINGBACK. */
    static void dialOut(Call call, Recorder events, String number) throws Exception {
        await(call.dial(number));
        assertEquals(List.of("REPLY ok", "CALLSTATE DIALING", "CALLSTATE PROCEEDING", "CALLSTATE RINGBACK"),
                describe(events.until(state(CallState.RINGBACK))));
    }

    @Test
    void consultationTransferOfAnOutsideCallerToALocalLine() throws Exception {
        Recorder a = new Recorder();
        recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Tapi watcher = app("m");
        Recorder m = new Recorder();
        watcher.openLine(0, LineOptions.monitor()).addListener(m);
        Call call = outsideCall("0301", "Alice", "100", a);
        await(call.answer());
        a.until(state(CallState.CONNECTED));
        assertTrue(call.status().callFeatureSet().contains(CallFeature.SETUPTRANSFER));
        idle(watcher);
        m.clear();

        Call consult = setUp(call, a);
        idle(tapi, watcher);
        List<LineEvent> watched = drain(m);
        assertEquals(List.of("CALLSTATE ONHOLDPENDTRANSFER", "NEWCALL MONITOR", "CALLSTATE DIALTONE"),
                describe(watched), "the monitor is told of the consultation call");
        assertEquals(CallPrivilege.MONITOR, ((LineEvent.NewCall) watched.get(1)).call().privilege());
        assertEquals(CallState.ONHOLDPENDTRANSFER, call.state());
        assertEquals(CallState.DIALTONE, consult.state());
        assertTrue(consult.status().callFeatureSet().contains(CallFeature.DIAL));
        assertEquals(Set.of(), call.status().callFeature2Set(), "nothing to complete with yet");
        dialOut(consult, a, "101");
        Call in = offered(b);
        assertEquals(Set.of(CallFeature2.TRANSFERNORM), call.status().callFeature2Set(),
                "unscreened: a transfer, not yet a conference");
        await(in.answer());
        assertEquals(List.of("CALLSTATE CONNECTED"), describe(a.until(state(CallState.CONNECTED))));
        CallStatus held = call.status();
        assertTrue(held.callFeatureSet().contains(CallFeature.COMPLETETRANSF));
        assertEquals(Set.of(CallFeature2.TRANSFERNORM, CallFeature2.TRANSFERCONF), held.callFeature2Set());
        assertEquals(Set.of(CallFeature2.TRANSFERNORM, CallFeature2.TRANSFERCONF),
                consult.status().callFeature2Set());
        idle(tapi, appB);
        b.clear();

        await(call.completeTransfer(consult));
        assertEquals(List.of("REPLY ok", "CALLSTATE IDLE", "CALLSTATE IDLE"),
                describe(a.until(e -> e instanceof LineEvent.CallStateChanged c && c.call() == consult)));
        assertEquals(List.of(String.format("CALLINFO 0x%X", REDIRECT_IDS | CONNECTEDID)),
                describe(b.until(e -> e instanceof LineEvent.CallInfoChanged)));
        idle(tapi, appB, watcher);
        assertTrue(a.isEmpty() && b.isEmpty(), "nothing more");
        assertEquals(List.of("CALLSTATE DIALING", "CALLSTATE PROCEEDING", "CALLSTATE RINGBACK", "CALLSTATE CONNECTED",
                "CALLSTATE IDLE", "CALLSTATE IDLE"), describe(drain(m)), "the monitor sees the states, not the replies");
        CallInfo info = in.info();
        assertEquals("100", info.callerId());
        assertEquals("101", info.calledId());
        assertEquals("0301", info.connectedId());
        assertEquals("100", info.redirectingId());
        assertEquals("101", info.redirectionId());
        assertEquals(CallState.IDLE, call.state());
        assertEquals(CallState.IDLE, consult.state());
        assertEquals(0, call.status().callFeatures());
        call.close();
        consult.close();

        sim.station("0301").hangUp(); // the outside caller now talks to line 1
        assertEquals(List.of("CALLSTATE DISCONNECTED"), describe(b.until(state(CallState.DISCONNECTED))));
    }

    @Test
    void consultationTransferOfALocalPartyToARemoteStation() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Call[] calls = connect(tapi, la, a, appB, b, "101");
        sim.station("201").manual();
        Call consult = setUp(calls[1], b);
        dialOut(consult, b, "201");
        sim.station("201").answer();
        assertEquals(List.of("CALLSTATE CONNECTED"), describe(b.until(state(CallState.CONNECTED))));
        idle(tapi, appB);
        assertTrue(a.isEmpty(), "hold is heard, not signalled");

        await(calls[1].completeTransfer(consult));
        assertEquals(List.of("REPLY ok", "CALLSTATE IDLE", "CALLSTATE IDLE"),
                describe(b.until(e -> e instanceof LineEvent.CallStateChanged c && c.call() == consult)));
        assertEquals(List.of(String.format("CALLINFO 0x%X", REDIRECT_IDS | CONNECTEDID)),
                describe(a.until(e -> e instanceof LineEvent.CallInfoChanged)));
        CallInfo info = calls[0].info();
        assertEquals("100", info.callerId());
        assertEquals("101", info.calledId());
        assertEquals("201", info.connectedId());
        assertEquals("101", info.redirectingId());
        assertEquals("201", info.redirectionId());
        sim.station("201").hangUp();
        assertEquals(List.of("CALLSTATE DISCONNECTED"), describe(a.until(state(CallState.DISCONNECTED))));
    }

    @Test
    void droppingTheConsultationCallGivesTheHeldCallBack() throws Exception {
        Recorder a = new Recorder();
        recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Call call = outsideCall("0301", null, "100", a);
        await(call.answer());
        a.until(state(CallState.CONNECTED));
        Call consult = setUp(call, a);
        dialOut(consult, a, "101");
        offered(b);
        await(consult.drop());
        assertEquals(List.of("REPLY ok", "CALLSTATE IDLE", "CALLSTATE CONNECTED"),
                describe(a.until(state(CallState.CONNECTED))));
        assertEquals(List.of("CALLSTATE IDLE"), describe(b.until(state(CallState.IDLE))), "the caller gave up");
        assertTrue(call.status().callFeatureSet().contains(CallFeature.SETUPTRANSFER));
    }

    @Test
    void cancellingASetupTransferFutureGivesTheHeldCallBack() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Line helper = tapi.openLine(3);
        Call call = connectedTo(tapi, la, a, "201");
        CompletableFuture<Call> f;
        Runnable release = holdPump(helper);
        try {
            f = call.setupTransfer();
            assertFalse(f.isDone(), "the reply waits in the held pump's queue");
            assertTrue(f.cancel(true));
        } finally {
            release.run();
        }
        awaitIdle(); // the reply: the consultation call is deallocated, which reconnects the held call
        await(call.whenState(CallState.CONNECTED));
        assertEquals(List.of(call), la.calls(), "the consultation call is not handed to the application");
        assertEquals(CallState.CONNECTED, call.state());
        assertEquals(1, la.status().numActiveCalls(), "the switch dropped the consultation call");
        assertTrue(f.isCancelled());
    }

    @Test
    void transferErrorsArriveInTheReply() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Call call = outsideCall("0301", null, "100", a);
        TapiException e = failure(call.setupTransfer());
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "offered, not connected");
        assertEquals("lineSetupTransferW", e.function());
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(a.until(reply())));
        await(call.answer());
        a.until(state(CallState.CONNECTED));
        sim.failNext("lineSetupTransferW", LineError.LINEERR_NOMEM);
        e = failure(call.setupTransfer());
        assertEquals(LineError.LINEERR_NOMEM, e.error());
        assertEquals(List.of("REPLY LINEERR_NOMEM"), describe(a.until(reply())));
        assertEquals(CallState.CONNECTED, call.state(), "nothing happened");
        assertEquals(1, la.calls().size(), "no consultation call");

        Call consult = setUp(call, a);
        e = failure(call.completeTransfer(consult));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "the consultation call has dial tone");
        assertEquals("lineCompleteTransfer", e.function());
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(a.until(reply())));
        e = failure(consult.completeTransfer(call));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "the consultation call is not held");
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(a.until(reply())));
        e = failure(consult.setupTransfer());
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "one transfer at a time");
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(a.until(reply())));

        sim.station("201").manual();
        dialOut(consult, a, "201");
        assertEquals(Set.of(), call.status().callFeature2Set(), "two outside parties ringing");
        e = failure(call.completeTransfer(consult));
        assertEquals(LineError.LINEERR_OPERATIONUNAVAIL, e.error(), "trunk to trunk");
        assertEquals(List.of("REPLY LINEERR_OPERATIONUNAVAIL"), describe(a.until(reply())));
        e = failure(call.conference(consult));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "a conference needs the answer");
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(a.until(reply())));
        sim.station("201").answer();
        a.until(state(CallState.CONNECTED));
        assertEquals(Set.of(CallFeature2.TRANSFERCONF), call.status().callFeature2Set(), "only as a conference");
        e = failure(call.completeTransfer(consult));
        assertEquals(LineError.LINEERR_OPERATIONUNAVAIL, e.error());
        assertEquals(List.of("REPLY LINEERR_OPERATIONUNAVAIL"), describe(a.until(reply())));
        sim.failNext("lineCompleteTransfer", LineError.LINEERR_RESOURCEUNAVAIL);
        e = failure(call.conference(consult));
        assertEquals(LineError.LINEERR_RESOURCEUNAVAIL, e.error());
        assertEquals(List.of("REPLY LINEERR_RESOURCEUNAVAIL"), describe(a.until(reply())));
        assertEquals(CallState.ONHOLDPENDTRANSFER, call.state(), "nothing happened");
        assertEquals(2, la.calls().size(), "no conference call");
    }

    @Test
    void setupTransferOnAFullAddressIsCallUnavailInTheReply() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Call call = connectedTo(tapi, la, a, "201");
        for (int i = 2; la.calls().size() < 8; i++) { // dwMaxNumActiveCalls of the simulator's addresses
            sim.station("2" + (10 + i)).manual();
            await(la.makeCall("2" + (10 + i)));
            a.until(state(CallState.RINGBACK));
        }
        TapiException e = failure(call.setupTransfer());
        assertEquals(LineError.LINEERR_CALLUNAVAIL, e.error());
        assertEquals("lineSetupTransferW", e.function());
        assertEquals(List.of("REPLY LINEERR_CALLUNAVAIL"), describe(a.until(reply())));
        assertEquals(CallState.CONNECTED, call.state(), "nothing happened");
        assertEquals(8, la.calls().size(), "no consultation call");
    }

    @Test
    void aConsultationCallOfAnotherLineDeviceIsRefusedAtOnce() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Recorder other = new Recorder();
        Line l1 = recorded(tapi, 1, other);
        Call call = connectedTo(tapi, la, a, "201");
        Call elsewhere = connectedTo(tapi, l1, other, "202");
        await(call.hold());
        a.until(state(CallState.ONHOLD));
        CompletableFuture<Void> f = call.completeTransfer(elsewhere);
        assertTrue(f.isDone(), "refused before the method returned");
        TapiException e = failure(f);
        assertEquals(LineError.LINEERR_INVALCONSULTCALLHANDLE, e.error());
        assertEquals("lineCompleteTransfer", e.function());
        awaitIdle();
        assertTrue(a.isEmpty() && other.isEmpty(), "no LINE_REPLY");
    }

    @Test
    void withErrorsAsResultsTheProvidersRefusalComesAtOnce() throws Exception {
        Recorder a = new Recorder();
        recorded(tapi, 0, a);
        Call call = outsideCall("0301", null, "100", a);
        sim.option("error_delivery", 1);
        CompletableFuture<Call> f = call.setupTransfer();
        assertTrue(f.isDone(), "refused before the method returned");
        assertEquals(LineError.LINEERR_INVALCALLSTATE, failure(f).error());
        awaitIdle();
        assertTrue(a.isEmpty(), "no LINE_REPLY");
        assertEquals(1, call.line().calls().size(), "no consultation call");
    }

    @Test
    void setupTransferOfAMonitoredCallIsNotOwnerAtOnce() throws Exception {
        Tapi watcher = app("watcher");
        Line watched = watcher.openLine(0, LineOptions.monitor());
        CompletableFuture<Call> seen = watched.whenNewCall();
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        connectedTo(tapi, la, a, "201");
        Call monitored = await(seen);
        CompletableFuture<Call> f = monitored.setupTransfer();
        assertTrue(f.isDone(), "refused before the method returned");
        TapiException e = failure(f);
        assertEquals(LineError.LINEERR_NOTOWNER, e.error());
        assertEquals("lineSetupTransferW", e.function());
        assertEquals(1, watched.calls().size(), "no consultation call");
    }

    @Test
    void transferMisuseIsRefusedInJava() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Call call = connectedTo(tapi, la, a, "201");
        Tapi appB = app("b");
        Recorder b = new Recorder();
        Call foreign = connectedTo(appB, recorded(appB, 1, b), b, "202");
        assertThrows(NullPointerException.class, () -> call.completeTransfer(null));
        assertThrows(NullPointerException.class, () -> call.conference(null));
        assertThrows(IllegalArgumentException.class, () -> call.completeTransfer(call));
        assertThrows(IllegalArgumentException.class, () -> call.conference(call));
        assertThrows(IllegalArgumentException.class, () -> call.completeTransfer(foreign));
        assertThrows(IllegalArgumentException.class, () -> call.conference(foreign));
        foreign.close();
        Call consult = setUp(call, a);
        consult.close(); // gives the held call back
        assertEquals(List.of("CALLSTATE CONNECTED"), describe(a.until(state(CallState.CONNECTED))));
        assertThrows(IllegalStateException.class, () -> call.completeTransfer(consult));
        assertThrows(IllegalStateException.class, consult::setupTransfer);
        call.close();
        assertThrows(IllegalStateException.class, call::setupTransfer);
        assertThrows(IllegalStateException.class, call::removeFromConference);
        awaitIdle();
        assertFalse(drain(a).stream().anyMatch(reply()), "nothing reached TAPI");
    }
}
