package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Conference calls through the public API: a three-party conference made from a consultation
 * call with {@link Call#conference(Call)} (an outside caller, this station and a local line),
 * with the message sequences of {@code native/sim/conference.c} at the owner, a monitor of the
 * line and the local far end; its parties, {@link Conference#add(Call)},
 * {@link Call#removeFromConference()}, dropping the conference, and each error on its path.
 */
abstract class ConferenceContract extends PartiesTestSupport {

    /** Outside caller 0301 on line 0, consulted with line 1, which answered: {held, consult, in}. */
    Call[] consulted(Recorder a, Tapi appB, Recorder b) throws Exception {
        Call call = outsideCall("0301", "Alice", "100", a);
        await(call.answer());
        a.until(state(CallState.CONNECTED));
        Call consult = ConsultationTransferContract.setUp(call, a);
        ConsultationTransferContract.dialOut(consult, a, "101");
        Call in = offered(b);
        await(in.answer());
        assertEquals(List.of("CALLSTATE CONNECTED"), describe(a.until(state(CallState.CONNECTED))));
        idle(tapi, appB);
        b.clear();
        return new Call[] {call, consult, in};
    }

    /** The conference of the held call and its consultation call, the owner's events checked. */
    static Conference conference(Call call, Call consult, Recorder a) throws Exception {
        Conference conf = await(call.conference(consult));
        List<LineEvent> seen = a.until(e -> e instanceof LineEvent.CallStateChanged c && c.call() == consult);
        assertEquals(List.of("REPLY ok", "CALLSTATE CONNECTED", "CALLSTATE CONFERENCED", "CALLSTATE CONFERENCED"),
                describe(seen));
        assertSame(conf.call(), ((LineEvent.CallStateChanged) seen.get(1)).call());
        assertSame(call, ((LineEvent.CallStateChanged) seen.get(2)).call(), "the held call first");
        assertEquals(conf.call().handle(), ((LineEvent.CallStateChanged) seen.get(2)).stateMode(), "hConfCall");
        assertEquals(conf.call().handle(), ((LineEvent.CallStateChanged) seen.get(3)).stateMode(), "hConfCall");
        return conf;
    }

    @Test
    void threePartyConferenceFromAConsultationCall() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Tapi watcher = app("m");
        Recorder m = new Recorder();
        Line lm = watcher.openLine(0, LineOptions.monitor());
        lm.addListener(m);
        Call[] calls = consulted(a, appB, b);
        Call call = calls[0];
        Call consult = calls[1];
        idle(watcher);
        m.clear();

        Conference conf = conference(call, consult, a);
        idle(tapi, appB, watcher);
        assertTrue(a.isEmpty(), "nothing more for the owner");
        assertTrue(b.isEmpty(), "the far ends' calls stay connected");
        List<LineEvent> seen = drain(m);
        assertEquals(List.of("NEWCALL MONITOR", "CALLSTATE CONNECTED", "CALLSTATE CONFERENCED",
                "CALLSTATE CONFERENCED"), describe(seen), "the monitor: a new conference call, named in CONFERENCED");
        Call mconf = ((LineEvent.NewCall) seen.get(0)).call();
        assertEquals(mconf.handle(), ((LineEvent.CallStateChanged) seen.get(2)).stateMode(),
                "the monitor's own handle on the conference call");
        assertEquals(CallPrivilege.MONITOR, mconf.privilege());
        assertTrue(((LineEvent.CallStateChanged) seen.get(3)).call().currentConference()
                .map(c -> c.call() == mconf).orElse(false));

        assertEquals(Set.of(call, consult), Set.copyOf(conf.parties()));
        assertSame(conf, call.currentConference().orElseThrow());
        assertSame(conf, consult.currentConference().orElseThrow());
        assertSame(conf, conf.call().asConference(), "one object per conference call");
        assertEquals(Optional.empty(), conf.call().currentConference());
        assertTrue(la.calls().contains(conf.call()));
        assertEquals(CallState.CONFERENCED, call.state());
        assertTrue(call.status().callFeatureSet().contains(CallFeature.REMOVEFROMCONF));
        CallInfo info = conf.call().info();
        assertEquals(CallOrigin.CONFERENCE, info.origin());
        assertEquals(1, info.numOwners());
        assertEquals(1, info.numMonitors());
        assertTrue(info.callStates().containsAll(Set.of(CallState.CONFERENCED, CallState.ONHOLDPENDTRANSFER)),
                info.callStates().toString());
        assertEquals("101", consult.info().calledId(), "a party keeps its own IDs");
        CallStatus cs = conf.call().status();
        assertTrue(cs.callFeatureSet().containsAll(Set.of(CallFeature.DROP, CallFeature.HOLD)));
        assertFalse(cs.callFeatureSet().contains(CallFeature.ADDTOCONF), "nothing to add");

        // Dropping the conference drops its parties, the held call first.
        await(conf.call().drop());
        assertEquals(List.of("REPLY ok", "CALLSTATE IDLE", "CALLSTATE IDLE", "CALLSTATE IDLE"),
                describe(a.until(e -> e instanceof LineEvent.CallStateChanged c && c.call() == consult)));
        assertEquals(List.of("CALLSTATE DISCONNECTED"), describe(b.until(state(CallState.DISCONNECTED))));
        assertEquals(List.of(), conf.parties());
        assertEquals(Optional.empty(), call.currentConference());
    }

    @Test
    void addingAPartyAndRemovingTheOthers() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Tapi appC = app("c");
        Recorder c = new Recorder();
        recorded(appC, 2, c);
        Call[] calls = consulted(a, appB, b);
        Call call = calls[0];
        Call consult = calls[1];
        Conference conf = conference(call, consult, a);
        await(conf.call().hold());
        assertEquals(List.of("REPLY ok", "CALLSTATE ONHOLD"), describe(a.until(state(CallState.ONHOLD))));
        Call third = await(la.makeCall("102"));
        a.until(state(CallState.RINGBACK));
        Call in3 = offered(c);
        await(in3.answer());
        c.until(state(CallState.CONNECTED));
        a.until(state(CallState.CONNECTED));
        assertTrue(conf.call().status().callFeatureSet().contains(CallFeature.ADDTOCONF));

        await(conf.add(third));
        assertEquals(List.of("REPLY ok", "CALLSTATE CONFERENCED", "CALLSTATE CONNECTED"),
                describe(a.until(state(CallState.CONNECTED))));
        assertEquals(Set.of(call, consult, third), Set.copyOf(conf.parties()));
        assertSame(conf, third.currentConference().orElseThrow());

        await(consult.removeFromConference());
        assertEquals(List.of("REPLY ok", "CALLSTATE ONHOLD"), describe(a.until(state(CallState.ONHOLD))));
        assertEquals(Set.of(call, third), Set.copyOf(conf.parties()));
        assertEquals(Optional.empty(), consult.currentConference());
        // The last but one: the conference ends and the remaining party takes its place.
        await(third.removeFromConference());
        assertEquals(List.of("REPLY ok", "CALLSTATE ONHOLD", "CALLSTATE CONNECTED", "CALLSTATE IDLE"),
                describe(a.until(state(CallState.IDLE))));
        assertEquals(CallState.CONNECTED, call.state());
        assertEquals(List.of(), conf.parties());
        idle(tapi, appB, appC);
        assertTrue(b.isEmpty() && c.isEmpty(), "the far ends get no message");
    }

    @Test
    void conferenceErrorsOnTheirPaths() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Call[] calls = consulted(a, appB, b);
        Call call = calls[0];
        Call consult = calls[1];
        TapiException e = failure(call.removeFromConference());
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "not a party");
        assertEquals("lineRemoveFromConference", e.function());
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(a.until(reply())));

        Conference conf = conference(call, consult, a);
        e = failure(conf.add(consult));
        assertEquals(LineError.LINEERR_INVALCALLHANDLE, e.error(), "already a party");
        assertEquals("lineAddToConference", e.function());
        CompletableFuture<Void> f = call.asConference().add(consult);
        assertTrue(f.isDone(), "refused before the method returned");
        assertEquals(LineError.LINEERR_INVALCONFCALLHANDLE, failure(f).error(), "not a conference call");
        awaitIdle();
        assertTrue(a.isEmpty(), "no LINE_REPLY for those");

        Call third = connectedTo(tapi, la, a, "201");
        e = failure(conf.add(third));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "the conference is not on hold");
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(a.until(reply())));
        e = failure(third.conference(consult));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "not held");
        assertEquals("lineCompleteTransfer", e.function());
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(a.until(reply())));

        sim.option("error_delivery", 1);
        f = conf.add(third);
        assertTrue(f.isDone(), "with errors as results, refused at once");
        assertEquals(LineError.LINEERR_INVALCALLSTATE, failure(f).error());
        awaitIdle();
        assertTrue(a.isEmpty(), "no LINE_REPLY");
        assertThrows(NullPointerException.class, () -> conf.add(null));
        assertThrows(IllegalArgumentException.class, () -> conf.add(conf.call()));
        assertEquals(Set.of(call, consult), Set.copyOf(conf.parties()), "nothing changed");
    }
}
