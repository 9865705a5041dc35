package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Redirect through the public API: {@link Call#redirect(String)} of an offered call, its golden
 * message sequences at each party, the redirecting and redirection party IDs of
 * {@link CallInfo}, and each error on its path (the function result, or the {@code LINE_REPLY};
 * "Redirect and blind transfer" in {@code docs/simulator.md}).
 */
abstract class RedirectContract extends PartiesTestSupport {

    @Test
    void redirectAnOutsideCallerToALocalLine() throws Exception {
        Recorder a = new Recorder();
        recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Call in = outsideCall("0301", "Alice", "100", a);
        assertTrue((in.status().callFeatures() & LINECALLFEATURE_REDIRECT) != 0, "REDIRECT offered");
        sim.clearTrace();

        await(in.redirect("101"));
        assertEquals(List.of("REPLY ok", "CALLSTATE IDLE"), describe(a.until(state(CallState.IDLE))));
        Call moved = offered(b);
        idle(tapi, appB);
        assertTrue(a.isEmpty() && b.isEmpty(), "nothing more");
        assertTrue(sim.trace().contains("0301 diverted to 101"), sim.trace());

        CallInfo c = moved.info();
        assertEquals(CallReason.REDIRECT, c.reason());
        assertEquals(CallOrigin.EXTERNAL, c.origin());
        assertEquals("0301", c.callerId());
        assertEquals("Alice", c.callerName());
        assertEquals("101", c.calledId());
        assertEquals("100", c.redirectingId());
        assertEquals(Set.of(PartyIdFlag.ADDRESS), c.redirectingIdFlags());
        assertEquals("101", c.redirectionId());
        assertEquals(Set.of(PartyIdFlag.ADDRESS), c.redirectionIdFlags());
        CallInfo gone = in.info();
        assertEquals(CallReason.DIRECT, gone.reason());
        assertEquals("100", gone.redirectingId(), "the diverted handle keeps the IDs");
        assertEquals("101", gone.redirectionId());
        assertEquals(0, in.status().callFeatures());
        in.close();
    }

    @Test
    void redirectALocalCallerToAnotherLineWithAName() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Recorder c = new Recorder();
        recorded(tapi, 2, c);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Call out = await(la.makeCall("101"));
        Call in = offered(b);
        idle(tapi, appB);
        a.clear();
        assertEquals(CallState.RINGBACK, out.state());

        await(in.redirect("102^Reception"));
        assertEquals(List.of("REPLY ok", "CALLSTATE IDLE"), describe(b.until(state(CallState.IDLE))));
        assertEquals(List.of(String.format("CALLINFO 0x%X", REDIRECT_IDS)), describe(List.of(a.next())),
                "the caller is told the new IDs and goes on ringing");
        Call moved = offered(c);
        idle(tapi, appB);
        assertTrue(a.isEmpty() && b.isEmpty() && c.isEmpty(), "nothing more");
        CallInfo info = moved.info();
        assertEquals(CallReason.REDIRECT, info.reason());
        assertEquals("100", info.callerId());
        assertEquals("102", info.calledId());
        assertEquals("101", info.redirectingId());
        assertEquals("102", info.redirectionId());
        assertEquals("Reception", info.redirectionName());
        assertEquals(Set.of(PartyIdFlag.ADDRESS, PartyIdFlag.NAME), info.redirectionIdFlags());
        assertNull(info.redirectingName());

        await(moved.answer());
        assertEquals(List.of("REPLY ok", "CALLSTATE CONNECTED"), describe(c.until(state(CallState.CONNECTED))));
        assertEquals(List.of("CALLSTATE CONNECTED"), describe(a.until(state(CallState.CONNECTED))));
        info = out.info();
        assertEquals("101", info.calledId(), "the number it dialled");
        assertEquals("102", info.connectedId(), "the one it reached");
        assertEquals("101", info.redirectingId());
        assertEquals("102", info.redirectionId());
    }

    @Test
    void redirectToABusyStationGivesTheCallerBusy() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        sim.station("201").busy();
        Call out = await(la.makeCall("101"));
        Call in = offered(b);
        idle(tapi, appB);
        a.clear();
        await(in.redirect("201"));
        assertEquals(List.of("REPLY ok", "CALLSTATE IDLE"), describe(b.until(state(CallState.IDLE))));
        assertEquals(List.of(String.format("CALLINFO 0x%X", REDIRECT_IDS), "CALLSTATE BUSY"),
                describe(a.until(state(CallState.BUSY))));
        assertEquals(CallState.BUSY, out.state());
    }

    @Test
    void redirectErrorsArriveInTheReply() throws Exception {
        Recorder a = new Recorder();
        recorded(tapi, 0, a);
        Call in = outsideCall("0301", null, "100", a);
        for (String bad : List.of("", "1x1", "101;", "100", "0302", "?101", "@101", "$101")) {
            TapiException e = failure(in.redirect(bad));
            assertEquals(LineError.LINEERR_INVALADDRESS, e.error(), bad);
            assertEquals("lineRedirectW", e.function());
            assertEquals(List.of("REPLY LINEERR_INVALADDRESS"), describe(a.until(reply())), bad);
        }
        sim.failNext("lineRedirectW", LineError.LINEERR_RESOURCEUNAVAIL);
        TapiException e = failure(in.redirect("101"));
        assertEquals(LineError.LINEERR_RESOURCEUNAVAIL, e.error());
        assertEquals(List.of("REPLY LINEERR_RESOURCEUNAVAIL"), describe(a.until(reply())));
        assertEquals(CallState.OFFERING, in.state(), "nothing happened");

        await(in.answer());
        a.until(state(CallState.CONNECTED));
        assertEquals(0, in.status().callFeatures() & LINECALLFEATURE_REDIRECT, "no REDIRECT once answered");
        e = failure(in.redirect("101"));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error());
        assertEquals(List.of("REPLY LINEERR_INVALCALLSTATE"), describe(a.until(reply())));
    }

    @Test
    void withErrorsAsResultsTheProvidersRefusalComesAtOnce() throws Exception {
        Recorder a = new Recorder();
        recorded(tapi, 0, a);
        Call in = outsideCall("0301", null, "100", a);
        sim.option("error_delivery", 1);
        CompletableFuture<Void> f = in.redirect("100");
        assertTrue(f.isDone(), "refused before the method returned");
        assertEquals(LineError.LINEERR_INVALADDRESS, failure(f).error());
        awaitIdle();
        assertTrue(a.isEmpty(), "no LINE_REPLY");
    }

    @Test
    void redirectOfAMonitoredCallIsNotOwnerAtOnce() throws Exception {
        Tapi watcher = app("watcher");
        Line watched = watcher.openLine(0, LineOptions.monitor());
        CompletableFuture<Call> seen = watched.whenNewCall();
        Recorder a = new Recorder();
        recorded(tapi, 0, a);
        outsideCall("0301", null, "100", a);
        Call monitored = await(seen);
        CompletableFuture<Void> f = monitored.redirect("101");
        assertTrue(f.isDone(), "refused before the method returned");
        TapiException e = failure(f);
        assertEquals(LineError.LINEERR_NOTOWNER, e.error());
        assertEquals("lineRedirectW", e.function());
    }

    @Test
    void redirectMisuseIsRefusedInJava() throws Exception {
        Recorder a = new Recorder();
        recorded(tapi, 0, a);
        Call in = outsideCall("0301", null, "100", a);
        assertThrows(NullPointerException.class, () -> in.redirect(null));
        assertThrows(IllegalArgumentException.class, () -> in.redirect("10\u00001"));
        assertThrows(IllegalArgumentException.class, () -> in.redirect("1".repeat(1025)));
        in.close();
        assertThrows(IllegalStateException.class, () -> in.redirect("101"));
        awaitIdle();
        assertTrue(drain(a).stream().noneMatch(reply()), "nothing reached TAPI");
    }
}
