package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

/**
 * What the redirect, blind transfer and digits contracts share: more applications on the
 * switch, each line's events recorded, and calls set up between them with their events consumed.
 */
abstract class PartiesTestSupport extends SimTestSupport {

    /** {@code LINECALLINFOSTATE_REDIRECTINGID | LINECALLINFOSTATE_REDIRECTIONID}. */
    static final int REDIRECT_IDS = 0x00080000 | 0x00040000;
    static final int LINECALLFEATURE_REDIRECT = 0x00020000;
    static final int LINECALLFEATURE_BLINDTRANSFER = 0x00000008;

    /** Another application on the switch, closed after the test. */
    Tapi app(String name) {
        return openTapi(TapiConfig.builder().provider(Provider.simulator()).appName(name));
    }

    /** Opens device {@code device} of {@code app} as owner and records its events. */
    static Line recorded(Tapi app, int device, Recorder recorder) {
        Line line = app.openLine(device);
        line.addListener(recorder);
        return line;
    }

    /** Waits until each application has dispatched everything queued so far. */
    static void idle(Tapi... apps) throws Exception {
        for (Tapi t : apps) {
            t.awaitIdle(Duration.ofSeconds(HANG_GUARD_SECONDS));
        }
    }

    /** The next call {@code line} is offered, its NEWCALL and OFFERING consumed and checked. */
    static Call offered(Recorder events) throws Exception {
        List<LineEvent> seen = events.until(state(CallState.OFFERING));
        assertEquals(List.of("NEWCALL OWNER", "CALLSTATE OFFERING"), describe(seen));
        return ((LineEvent.CallStateChanged) seen.get(1)).call();
    }

    /**
     * {@code caller} calls {@code callee}'s number and {@code callee} answers: both calls
     * CONNECTED, every event so far consumed. Returns {outgoing, incoming}.
     */
    Call[] connect(Tapi callerApp, Line caller, Recorder callerEvents, Tapi calleeApp, Recorder calleeEvents,
                   String number) throws Exception {
        Call out = await(caller.makeCall(number));
        Call in = offered(calleeEvents);
        await(in.answer());
        await(out.whenState(CallState.CONNECTED));
        idle(callerApp, calleeApp);
        callerEvents.clear();
        calleeEvents.clear();
        return new Call[] {out, in};
    }

    /** A call from the remote station {@code from} offered on {@code line}, its events consumed. */
    Call outsideCall(String from, String name, String to, Recorder events) throws Exception {
        sim.station(from).named(name).call(to);
        return offered(events);
    }

    /** A call of {@code line} to the remote station {@code number}, connected (it answers after 3 s). */
    Call connectedTo(Tapi app, Line line, Recorder events, String number) throws Exception {
        Call call = await(line.makeCall(number));
        events.until(state(CallState.RINGBACK));
        advance(3000);
        events.until(state(CallState.CONNECTED));
        idle(app);
        events.clear();
        return call;
    }
}
