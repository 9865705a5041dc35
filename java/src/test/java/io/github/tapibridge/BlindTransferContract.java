package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Blind transfer through the public API: {@link Call#blindTransfer(String)} of a connected call,
 * the golden message sequence of "Redirect and blind transfer" in {@code docs/simulator.md} at
 * each of the three parties, the party IDs, and each error on its path (the function result, or
 * the {@code LINE_REPLY}).
 */
abstract class BlindTransferContract extends PartiesTestSupport {

    @Test
    void blindTransferBetweenLocalLinesGivesTheDocumentedSequence() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        Line lb = recorded(appB, 1, b);
        Tapi appC = app("c");
        Recorder c = new Recorder();
        recorded(appC, 2, c);
        Call[] calls = connect(tapi, la, a, appB, b, "101");
        Call out = calls[0];
        Call in = calls[1];
        assertTrue((in.status().callFeatures() & LINECALLFEATURE_BLINDTRANSFER) != 0, "BLINDTRANSFER offered");
        assertEquals(lb, in.line());

        await(in.blindTransfer("102"));
        assertEquals(List.of("REPLY ok", "CALLSTATE IDLE"), describe(b.until(state(CallState.IDLE))));
        assertEquals(List.of(String.format("CALLINFO 0x%X", REDIRECT_IDS), "CALLSTATE PROCEEDING",
                "CALLSTATE RINGBACK"), describe(a.until(state(CallState.RINGBACK))));
        Call moved = offered(c);
        idle(tapi, appB, appC);
        assertTrue(a.isEmpty() && b.isEmpty() && c.isEmpty(), "nothing more");

        CallInfo info = moved.info();
        assertEquals(CallReason.TRANSFER, info.reason());
        assertEquals(CallOrigin.INTERNAL, info.origin());
        assertEquals("100", info.callerId());
        assertEquals("102", info.calledId());
        assertEquals("101", info.redirectingId());
        assertEquals("102", info.redirectionId());
        assertEquals(0, in.status().callFeatures(), "the transferring handle is idle");

        await(moved.answer());
        assertEquals(List.of("CALLSTATE CONNECTED"), describe(a.until(state(CallState.CONNECTED))));
        info = out.info();
        assertEquals("101", info.calledId());
        assertEquals("102", info.connectedId());
        assertEquals("101", info.redirectingId());
        assertEquals("102", info.redirectionId());
    }

    @Test
    void blindTransferAnOutsidePartyToALocalLine() throws Exception {
        Recorder a = new Recorder();
        recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Call call = outsideCall("0301", "Alice", "100", a);
        await(call.answer());
        a.until(state(CallState.CONNECTED));

        await(call.blindTransfer("101"));
        assertEquals(List.of("REPLY ok", "CALLSTATE IDLE"), describe(a.until(state(CallState.IDLE))));
        Call moved = offered(b);
        CallInfo info = moved.info();
        assertEquals(CallReason.TRANSFER, info.reason());
        assertEquals(CallOrigin.EXTERNAL, info.origin());
        assertEquals("0301", info.callerId());
        assertEquals("Alice", info.callerName());
        assertEquals("100", info.redirectingId());
        assertEquals(Set.of(PartyIdFlag.ADDRESS), info.redirectingIdFlags());
        assertEquals("101", info.redirectionId());
        await(moved.answer());
        assertEquals("0301", moved.info().connectedId());
        assertEquals(CallState.IDLE, call.state());
    }

    @Test
    void blindTransferToABusyStationGivesTheOtherPartyBusy() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Call[] calls = connect(tapi, la, a, appB, b, "101");
        sim.station("201").busy();
        await(calls[1].blindTransfer("201"));
        assertEquals(List.of("REPLY ok", "CALLSTATE IDLE"), describe(b.until(state(CallState.IDLE))));
        assertEquals(List.of(String.format("CALLINFO 0x%X", REDIRECT_IDS), "CALLSTATE PROCEEDING",
                "CALLSTATE BUSY"), describe(a.until(state(CallState.BUSY))));
    }

    @Test
    void blindTransferErrorsArriveInTheReply() throws Exception {
        Recorder a = new Recorder();
        recorded(tapi, 0, a);
        Call call = outsideCall("0301", null, "100", a);
        TapiException e = failure(call.blindTransfer("101"));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "offered, not connected");
        assertEquals("lineBlindTransferW", e.function());
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(a.until(reply())));
        await(call.answer());
        a.until(state(CallState.CONNECTED));

        for (String bad : List.of("", "1x1", "101;", "100", "?101", "$101")) {
            e = failure(call.blindTransfer(bad));
            assertEquals(LineError.LINEERR_INVALADDRESS, e.error(), bad);
            assertEquals(List.of("REPLY LINEERR_INVALADDRESS"), describe(a.until(reply())), bad);
        }
        e = failure(call.blindTransfer("0302"));
        assertEquals(LineError.LINEERR_ADDRESSBLOCKED, e.error(), "an outside party to an outside number");
        assertEquals(List.of("REPLY LINEERR_ADDRESSBLOCKED"), describe(a.until(reply())));
        sim.failNext("lineBlindTransferW", LineError.LINEERR_NOMEM);
        e = failure(call.blindTransfer("101"));
        assertEquals(LineError.LINEERR_NOMEM, e.error());
        assertEquals(List.of("REPLY LINEERR_NOMEM"), describe(a.until(reply())));
        assertEquals(CallState.CONNECTED, call.state(), "nothing happened");

        await(call.hold());
        a.until(state(CallState.ONHOLD));
        assertEquals(0, call.status().callFeatures() & LINECALLFEATURE_BLINDTRANSFER, "not while held");
        e = failure(call.blindTransfer("101"));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "held");
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(a.until(reply())));
        assertEquals(CallState.ONHOLD, call.state());
    }

    @Test
    void withErrorsAsResultsTheProvidersRefusalComesAtOnce() throws Exception {
        Recorder a = new Recorder();
        recorded(tapi, 0, a);
        Call call = outsideCall("0301", null, "100", a);
        await(call.answer());
        a.until(state(CallState.CONNECTED));
        sim.option("error_delivery", 1);
        CompletableFuture<Void> f = call.blindTransfer("0302");
        assertTrue(f.isDone(), "refused before the method returned");
        assertEquals(LineError.LINEERR_ADDRESSBLOCKED, failure(f).error());
        awaitIdle();
        assertTrue(a.isEmpty(), "no LINE_REPLY");
    }

    @Test
    void blindTransferOfAMonitoredCallIsNotOwnerAtOnce() throws Exception {
        Tapi watcher = app("watcher");
        Line watched = watcher.openLine(0, LineOptions.monitor());
        CompletableFuture<Call> seen = watched.whenNewCall();
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        connectedTo(tapi, la, a, "201");
        Call monitored = await(seen);
        CompletableFuture<Void> f = monitored.blindTransfer("101");
        assertTrue(f.isDone(), "refused before the method returned");
        TapiException e = failure(f);
        assertEquals(LineError.LINEERR_NOTOWNER, e.error());
        assertEquals("lineBlindTransferW", e.function());
    }

    @Test
    void blindTransferMisuseIsRefusedInJava() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Call call = connectedTo(tapi, la, a, "201");
        assertThrows(NullPointerException.class, () -> call.blindTransfer(null));
        assertThrows(IllegalArgumentException.class, () -> call.blindTransfer("10\u00001"));
        call.close();
        assertThrows(IllegalStateException.class, () -> call.blindTransfer("101"));
        awaitIdle();
        assertTrue(drain(a).stream().noneMatch(reply()), "nothing reached TAPI");
    }
}
