package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Dialling through the public API: {@link Line#makeCall()} in dial tone, {@link Call#dial} in
 * one or several steps, the dialable address format of {@link Line#makeCall(String)}, and each
 * error on its path (the function result, or the {@code LINE_REPLY}).
 */
abstract class DialContract extends SimTestSupport {

    static final int LINEDIALTONEMODE_NORMAL = 0x1;
    static final int LINECALLFEATURE_DIAL = 0x40;

    /** A call in dial tone on {@code line}, its events consumed. */
    Call dialTone(Line line, Recorder events) throws Exception {
        Call call = await(line.makeCall());
        List<LineEvent> seen = events.until(state(CallState.DIALTONE));
        assertEquals(List.of("REPLY ok", "CALLSTATE DIALTONE"), describe(seen));
        assertEquals(LINEDIALTONEMODE_NORMAL, ((LineEvent.CallStateChanged) seen.get(1)).stateMode());
        return call;
    }

    @Test
    void makeCallWithoutDestinationGivesDialToneThenDialGoesOn() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = dialTone(line, events);
        assertEquals(CallState.DIALTONE, call.state());
        assertTrue((call.status().callFeatures() & LINECALLFEATURE_DIAL) != 0, "DIAL offered");

        await(call.dial("201"));
        assertEquals(List.of("REPLY ok", "CALLSTATE DIALING", "CALLSTATE PROCEEDING", "CALLSTATE RINGBACK"),
                describe(events.until(state(CallState.RINGBACK))));
        assertEquals("201", call.info().calledId());
        assertEquals(0, call.status().callFeatures() & LINECALLFEATURE_DIAL, "no DIAL once dialled");
        advance(3000);
        await(call.whenState(CallState.CONNECTED));
    }

    @Test
    void partialDialCollectsDigitsUntilNoSemicolon() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = await(line.makeCall("2;"));
        assertEquals(List.of("REPLY ok", "CALLSTATE DIALING"), describe(events.until(state(CallState.DIALING))));
        assertTrue((call.status().callFeatures() & LINECALLFEATURE_DIAL) != 0, "DIAL offered while dialling");

        await(call.dial("0;"));
        awaitIdle();
        assertEquals(List.of("REPLY ok"), describe(drain(events)), "still DIALING: no state message");
        assertEquals(CallState.DIALING, call.state());

        await(call.dial("1"));
        assertEquals(List.of("REPLY ok", "CALLSTATE PROCEEDING", "CALLSTATE RINGBACK"),
                describe(events.until(state(CallState.RINGBACK))));
        assertEquals("201", call.info().calledId());
    }

    @Test
    void semicolonAloneKeepsDialTone() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = dialTone(line, events);
        await(call.dial(";"));
        awaitIdle();
        assertEquals(List.of("REPLY ok"), describe(drain(events)));
        assertEquals(CallState.DIALTONE, call.state());
    }

    @Test
    void dialOnACallThatWaitsForNoDigitsFailsInTheReply() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = await(line.makeCall("202"));
        events.until(state(CallState.RINGBACK));
        TapiException e = failure(call.dial("5"));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error());
        assertEquals("lineDialW", e.function());
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(events.until(reply())));
    }

    @Test
    void dialStringErrorsArriveInTheReplyAndChangeNothing() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = dialTone(line, events);
        // The line claims DIALDIALTONE only (the simulator's default).
        Map<String, LineError> refused = Map.of(
                "@201", LineError.LINEERR_DIALQUIET,
                "$201", LineError.LINEERR_DIALBILLING,
                "?201", LineError.LINEERR_DIALPROMPT,
                "20;1", LineError.LINEERR_INVALADDRESS,
                "2 01", LineError.LINEERR_INVALADDRESS,
                "", LineError.LINEERR_INVALADDRESS);
        for (Map.Entry<String, LineError> r : refused.entrySet()) {
            CompletableFuture<Void> f = call.dial(r.getKey());
            TapiException e = failure(f);
            assertEquals(r.getValue(), e.error(), r.getKey());
            assertEquals("lineDialW", e.function(), r.getKey());
            assertEquals(List.of("REPLY " + r.getValue()), describe(events.until(reply())), r.getKey());
        }
        assertEquals(CallState.DIALTONE, call.state());
        await(call.dial("W201"));
        await(call.whenState(CallState.RINGBACK));
    }

    @Test
    void makeCallDialStringErrorsArriveInTheReply() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        TapiException e = failure(line.makeCall("@201"));
        assertEquals(LineError.LINEERR_DIALQUIET, e.error());
        assertEquals("lineMakeCallW", e.function());
        assertEquals(List.of("REPLY LINEERR_DIALQUIET"), describe(events.until(reply())));
        e = failure(line.makeCall("201?"));
        assertEquals(LineError.LINEERR_DIALPROMPT, e.error());
        assertEquals(List.of("REPLY LINEERR_DIALPROMPT"), describe(events.until(reply())));
        assertTrue(line.calls().isEmpty());
    }

    @Test
    void caretNameIsTheCalledNameAndTheSubaddressIsIgnored() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = await(line.makeCall("201|5501^Bob Smith"));
        events.until(state(CallState.RINGBACK));
        CallInfo info = call.info();
        assertEquals("201", info.calledId());
        assertEquals("Bob Smith", info.calledName());
        assertEquals(EnumSet.of(PartyIdFlag.ADDRESS, PartyIdFlag.NAME), info.calledIdFlags());
        advance(3000);
        await(call.whenState(CallState.CONNECTED));
        info = call.info();
        assertEquals("201", info.connectedId());
        assertEquals(EnumSet.of(PartyIdFlag.ADDRESS), info.connectedIdFlags(), "the name is the caller's word");
    }

    @Test
    void modifiersAreDroppedAndTheCanonicalFormDialsTheInternationalNumber() throws Exception {
        Line line = tapi.openLine(0);
        Call call = await(line.makeCall("T2,0!p1t"));
        await(call.whenState(CallState.RINGBACK));
        assertEquals("201", call.info().calledId());
        Call international = await(line.makeCall("+49 (30) 123-45"));
        await(international.whenState(CallState.RINGBACK));
        assertEquals("+493012345", international.info().calledId());
        Call several = await(line.makeCall("202^A\r\n203"));
        await(several.whenState(CallState.RINGBACK));
        assertEquals("202", several.info().calledId());
        assertEquals("A", several.info().calledName());
    }

    @Test
    void dialOnAMonitoredCallIsNotOwnerAtOnce() throws Exception {
        Tapi watcher = openTapi(TapiConfig.builder().provider(Provider.simulator()).appName("watcher"));
        Line watched = watcher.openLine(0, LineOptions.monitor());
        CompletableFuture<Call> monitored = watched.whenNewCall();
        Line line = tapi.openLine(0);
        await(line.makeCall());
        Call call = await(monitored);
        assertEquals(CallPrivilege.MONITOR, call.privilege());
        CompletableFuture<Void> f = call.dial("201");
        assertTrue(f.isDone(), "refused before the method returned");
        TapiException e = failure(f);
        assertEquals(LineError.LINEERR_NOTOWNER, e.error());
        assertEquals("lineDialW", e.function());
    }

    @Test
    void anInjectedFaultArrivesInTheReply() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = dialTone(line, events);
        sim.failNext("lineDial", LineError.LINEERR_RESOURCEUNAVAIL);
        TapiException e = failure(call.dial("201"));
        assertEquals(LineError.LINEERR_RESOURCEUNAVAIL, e.error());
        assertEquals("lineDialW", e.function());
        assertEquals(List.of("REPLY LINEERR_RESOURCEUNAVAIL"), describe(events.until(reply())));
        assertEquals(CallState.DIALTONE, call.state());
    }

    @Test
    void dialMisuseIsRefusedInJava() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = dialTone(line, events);
        assertThrows(NullPointerException.class, () -> call.dial(null));
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> call.dial("20\u00001"));
        assertEquals("address contains U+0000 at index 2", nul.getMessage());
        assertThrows(IllegalArgumentException.class, () -> call.dial("1".repeat(1025)));
        call.close();
        assertThrows(IllegalStateException.class, () -> call.dial("201"));
        awaitIdle();
        assertTrue(drain(events).stream().noneMatch(reply()), "nothing reached TAPI");
    }
}
