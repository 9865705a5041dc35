package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.sim.Station;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Digits through the public API: {@link Call#generateDigits}, {@link Call#cancelDigits()},
 * {@link Call#monitorDigits(Set)}, the {@link LineEvent.DigitsGenerated} and
 * {@link LineEvent.DigitReceived} events on the virtual clock (the DTMF exchange of "Digits" in
 * {@code docs/simulator.md}), a remote station's keys ({@link Station#pressDigits(String)}), and
 * each error.
 */
abstract class DigitsContract extends PartiesTestSupport {

    /** The default spacing and tone of a DTMF digit, in virtual ms. */
    static final int D = 95;

    static String digit(LineEvent e) {
        if (e instanceof LineEvent.DigitReceived r) {
            return r.digit() + " " + r.mode() + " @" + r.tick();
        }
        if (e instanceof LineEvent.DigitsGenerated g) {
            return (g.done() ? "DONE" : "CANCEL") + " @" + g.tick();
        }
        return describe(e);
    }

    static List<String> digits(List<LineEvent> events) {
        List<String> list = new ArrayList<>();
        for (LineEvent e : events) {
            list.add(digit(e));
        }
        return list;
    }

    int now() {
        return (int) sim.now().toMillis();
    }

    void advance(int ms, Tapi... apps) throws Exception {
        sim.advance(Duration.ofMillis(ms), apps);
    }

    @Test
    void dtmfExchangeBetweenLocalLinesGivesTheDocumentedSequence() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Call[] calls = connect(tapi, la, a, appB, b, "101");
        Call out = calls[0];
        Call in = calls[1];
        in.monitorDigits(EnumSet.of(DigitMode.DTMF));
        int t = now();
        out.generateDigits("1#", DigitMode.DTMF, null);
        idle(tapi, appB);
        assertTrue(a.isEmpty() && b.isEmpty(), "nothing at once: the first tone follows the spacing");

        advance(D, tapi, appB);
        assertEquals(List.of("1 DTMF @" + (t + D)), digits(drain(b)));
        advance(D, tapi, appB);
        assertTrue(b.isEmpty(), "the tone's end is not monitored");
        advance(D, tapi, appB);
        assertEquals(List.of("# DTMF @" + (t + 3 * D)), digits(drain(b)));
        assertTrue(a.isEmpty());
        advance(D, tapi, appB);
        List<LineEvent> done = drain(a);
        assertEquals(List.of("DONE @" + (t + 4 * D)), digits(done));
        assertEquals(out, ((LineEvent.DigitsGenerated) done.get(0)).call());
        assertTrue(b.isEmpty(), "a call does not hear its own digits");

        // The answer back, to a monitor of both the tone and its end.
        out.monitorDigits(EnumSet.of(DigitMode.DTMF, DigitMode.DTMFEND));
        int t1 = now();
        in.generateDigits("7", DigitMode.DTMF, Duration.ZERO);
        advance(2 * D, tapi, appB);
        List<LineEvent> heard = drain(a);
        assertEquals(List.of("7 DTMF @" + (t1 + D), "7 DTMFEND @" + (t1 + 2 * D)), digits(heard));
        assertEquals(out, ((LineEvent.DigitReceived) heard.get(0)).call());
        assertEquals(List.of("DONE @" + (t1 + 2 * D)), digits(drain(b)));
    }

    @Test
    void aRemoteStationPressesKeys() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Call call = connectedTo(tapi, la, a, "201");
        call.monitorDigits(Set.of(DigitMode.DTMF));
        int t = now();
        sim.clearTrace();
        Station station = sim.station("201");
        station.pressDigits("5*");
        station.pressDigits("D"); // while the others are sent: after them
        advance(6 * D, tapi);
        assertEquals(List.of("5 DTMF @" + (t + D), "* DTMF @" + (t + 3 * D), "D DTMF @" + (t + 5 * D)),
                digits(drain(a)), "and no DigitsGenerated: nobody here generated them");
        assertTrue(sim.trace().contains("station 201 sends DTMF 5"), sim.trace());

        call.monitorDigits(Set.of());
        station.pressDigits("1");
        advance(2 * D, tapi);
        assertTrue(a.isEmpty(), "monitoring off");
    }

    @Test
    void pulseDigitsAreDetectedAsPulse() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Call[] calls = connect(tapi, la, a, appB, b, "101");
        calls[1].monitorDigits(EnumSet.of(DigitMode.PULSE, DigitMode.DTMF));
        int t = now();
        calls[0].generateDigits("1*x3", DigitMode.PULSE, null); // pulse has only 0-9
        advance(2 * D + 400, tapi, appB);
        assertEquals(List.of("1 PULSE @" + (t + D + 100), "3 PULSE @" + (t + 2 * D + 400)), digits(drain(b)));
        assertEquals(List.of("DONE @" + (t + 2 * D + 400)), digits(drain(a)));
    }

    @Test
    void generationIsCancelledByCancelDigitsANewGenerationOrTheCallEnding() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Tapi appB = app("b");
        Recorder b = new Recorder();
        recorded(appB, 1, b);
        Call[] calls = connect(tapi, la, a, appB, b, "101");
        Call out = calls[0];
        calls[1].monitorDigits(EnumSet.of(DigitMode.DTMF));

        out.generateDigits("123", DigitMode.DTMF, null);
        advance(2 * D, tapi, appB);
        assertEquals(List.of("1 DTMF @" + (now() - D)), digits(drain(b)));
        int t = now();
        out.cancelDigits();
        advance(10 * D, tapi, appB);
        assertEquals(List.of("CANCEL @" + t), digits(drain(a)));
        assertTrue(b.isEmpty(), "the rest is never sent");
        out.cancelDigits();
        idle(tapi);
        assertTrue(a.isEmpty(), "nothing to cancel: no event");

        out.generateDigits("45", DigitMode.DTMF, null);
        t = now();
        out.generateDigits("6", DigitMode.PULSE, null);
        advance(D + 600, tapi, appB);
        assertEquals(List.of("CANCEL @" + t, "DONE @" + (t + D + 600)), digits(drain(a)), "one generation per call");

        out.generateDigits("7", DigitMode.DTMF, null);
        t = now();
        await(out.drop());
        assertEquals(List.of("REPLY ok", "CALLSTATE IDLE", "CANCEL @" + t),
                digits(a.until(e -> e instanceof LineEvent.DigitsGenerated)));
    }

    @Test
    void generateDigitsErrorsAreThrown() throws Exception {
        Tapi watcher = app("watcher");
        Line watchedLine = watcher.openLine(0, LineOptions.monitor());
        CompletableFuture<Call> seen = watchedLine.whenNewCall();
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        sim.station("201").manual();
        Call call = await(la.makeCall("201"));
        a.until(state(CallState.RINGBACK));
        TapiException e = assertThrows(TapiException.class, () -> call.generateDigits("1", DigitMode.DTMF, null));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "ringing, not connected");
        assertEquals("lineGenerateDigitsW", e.function());
        sim.station("201").answer();
        a.until(state(CallState.CONNECTED));

        e = assertThrows(TapiException.class, () -> call.generateDigits("1", DigitMode.DTMFEND, null));
        assertEquals(LineError.LINEERR_INVALDIGITMODE, e.error(), "DTMFEND is for monitoring only");
        Call monitored = await(seen);
        e = assertThrows(TapiException.class, () -> monitored.generateDigits("1", DigitMode.DTMF, null));
        assertEquals(LineError.LINEERR_NOTOWNER, e.error());
        sim.failNext("lineGenerateDigits", LineError.LINEERR_RESOURCEUNAVAIL);
        e = assertThrows(TapiException.class, () -> call.generateDigits("1", DigitMode.DTMF, null));
        assertEquals(LineError.LINEERR_RESOURCEUNAVAIL, e.error());
        advance(10 * D, tapi);
        assertTrue(a.isEmpty(), "nothing was generated");

        await(call.hold());
        a.until(state(CallState.ONHOLD));
        e = assertThrows(TapiException.class, () -> call.generateDigits("1", DigitMode.DTMF, null));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "held");
        e = assertThrows(TapiException.class, call::cancelDigits);
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error());
    }

    @Test
    void monitorDigitsErrorsAreThrown() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Call call = connectedTo(tapi, la, a, "201");
        sim.failNext("lineMonitorDigits", LineError.LINEERR_NOMEM);
        TapiException e = assertThrows(TapiException.class, () -> call.monitorDigits(Set.of(DigitMode.DTMF)));
        assertEquals(LineError.LINEERR_NOMEM, e.error());
        assertEquals("lineMonitorDigits", e.function());
        call.monitorDigits(EnumSet.allOf(DigitMode.class));
        sim.station("201").hangUp();
        a.until(state(CallState.DISCONNECTED));
        e = assertThrows(TapiException.class, () -> call.monitorDigits(Set.of(DigitMode.DTMF)));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "disconnected");
        await(call.drop());
        a.until(state(CallState.IDLE));
        e = assertThrows(TapiException.class, () -> call.monitorDigits(Set.of()));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "idle");
    }

    @Test
    void pressDigitsErrorsAreThrown() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Station station = sim.station("201");
        TapiException e = assertThrows(TapiException.class, () -> station.pressDigits("1"));
        assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error(), "in no call");
        assertEquals("tapisim_remote_digits", e.function());
        e = assertThrows(TapiException.class, () -> sim.station("101").pressDigits("1"));
        assertEquals(LineError.LINEERR_INVALADDRESS, e.error(), "a local line");
        connectedTo(tapi, la, a, "201");
        for (String bad : List.of("", "1,2", "E", "a")) {
            e = assertThrows(TapiException.class, () -> station.pressDigits(bad));
            assertEquals(LineError.LINEERR_INVALPARAM, e.error(), bad);
        }
        station.pressDigits("0123456789ABCD*#");
        assertThrows(NullPointerException.class, () -> station.pressDigits(null));
    }

    @Test
    void digitsMisuseIsRefusedInJava() throws Exception {
        Recorder a = new Recorder();
        Line la = recorded(tapi, 0, a);
        Call call = connectedTo(tapi, la, a, "201");
        assertThrows(NullPointerException.class, () -> call.generateDigits(null, DigitMode.DTMF, null));
        assertThrows(NullPointerException.class, () -> call.generateDigits("1", null, null));
        assertThrows(IllegalArgumentException.class, () -> call.generateDigits("", DigitMode.DTMF, null));
        assertThrows(IllegalArgumentException.class, () -> call.generateDigits("1\u00002", DigitMode.DTMF, null));
        assertThrows(IllegalArgumentException.class,
                () -> call.generateDigits("1", DigitMode.DTMF, Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> call.generateDigits("1", DigitMode.DTMF, Duration.ofDays(50)));
        assertThrows(NullPointerException.class, () -> call.monitorDigits(null));
        Set<DigitMode> withNull = new HashSet<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> call.monitorDigits(withNull));
        advance(10 * D, tapi);
        assertTrue(a.isEmpty(), "nothing was generated");
        call.close();
        assertThrows(IllegalStateException.class, () -> call.generateDigits("1", DigitMode.DTMF, null));
        assertThrows(IllegalStateException.class, call::cancelDigits);
        assertThrows(IllegalStateException.class, () -> call.monitorDigits(Set.of()));
    }
}
