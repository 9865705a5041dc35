package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallInfo;
import io.github.tapibridge.CallOrigin;
import io.github.tapibridge.CallPrivilege;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.LineError;
import io.github.tapibridge.LineEvent;
import io.github.tapibridge.PartyIdFlag;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.TapiException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote stations the test drives ({@link Station#call}, {@link Station#answer},
 * {@link Station#hangUp}, {@link Station#manual}), seen by applications on the backend under test.
 */
abstract class RemoteStationContract {

    Simulator sim;

    /** The backend of the applications under test. */
    abstract Backend backend();

    Tapi open() {
        return Tapi.open(TapiConfig.builder().provider(Provider.simulator()).backend(backend()).build());
    }

    @BeforeEach
    void reset() {
        sim = Simulator.get();
        sim.reset();
    }

    @Test
    void outsideCallerRingsALineWithCallerIdAndHangsUp() throws Exception {
        try (Tapi tapi = open()) {
            Line line = tapi.openLine(1);
            CompletableFuture<LineEvent.NewCall> announced = new CompletableFuture<>();
            line.addListener(e -> {
                if (e instanceof LineEvent.NewCall n) {
                    announced.complete(n);
                }
            });
            CompletableFuture<Call> incoming = line.whenNewCall();
            RemoteCall rc = sim.station("0301").named("Alice").call("101");
            assertFalse(rc.wasBusy());
            assertEquals("101", rc.to());
            assertEquals("0301", rc.from().number());
            Call call = incoming.get(30, TimeUnit.SECONDS);
            assertEquals(CallPrivilege.OWNER, announced.get(30, TimeUnit.SECONDS).privilege());
            call.whenState(CallState.OFFERING).get(30, TimeUnit.SECONDS);

            CallInfo info = call.info();
            assertEquals(rc.callId(), info.callId());
            assertEquals(CallOrigin.EXTERNAL, info.origin());
            assertEquals("0301", info.callerId());
            assertEquals("Alice", info.callerName());
            assertEquals(EnumSet.of(PartyIdFlag.ADDRESS, PartyIdFlag.NAME), info.callerIdFlags());
            assertEquals("101", info.calledId());

            call.answer().get(30, TimeUnit.SECONDS);
            call.whenState(CallState.CONNECTED).get(30, TimeUnit.SECONDS);
            assertEquals("0301", call.info().connectedId());
            assertEquals("Alice", call.info().connectedName());

            CompletableFuture<CallState> gone = call.whenState(CallState.DISCONNECTED);
            rc.hangUp();
            assertEquals(CallState.DISCONNECTED, gone.get(30, TimeUnit.SECONDS));
            assertEquals(0x1, call.lastReportedStateMode()); // LINEDISCONNECTMODE_NORMAL
            call.drop().get(30, TimeUnit.SECONDS);
            call.close();
            TapiException again = assertThrows(TapiException.class, rc::hangUp);
            assertEquals(LineError.LINEERR_INVALCALLSTATE, again.error());
            assertEquals("tapisim_remote_hangup", again.function());
        }
    }

    @Test
    void callerWithoutNameGivesTheNumberOnly() throws Exception {
        try (Tapi tapi = open()) {
            Line line = tapi.openLine(0);
            CompletableFuture<Call> incoming = line.whenNewCall();
            Station caller = sim.station("+4930123");
            assertNull(caller.name());
            caller.call("100");
            Call call = incoming.get(30, TimeUnit.SECONDS);
            CallInfo info = call.info();
            assertEquals("+4930123", info.callerId());
            assertNull(info.callerName());
            assertEquals(Set.of(PartyIdFlag.ADDRESS), info.callerIdFlags());
            CompletableFuture<CallState> withdrawn = call.whenState(CallState.IDLE);
            caller.hangUp(); // gives up before an answer
            assertEquals(CallState.IDLE, withdrawn.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void busyLineGivesTheCallerBusyTone() throws Exception {
        try (Tapi tapi = open()) {
            Line line = tapi.openLine(2);
            sim.station("102").busy();
            RemoteCall rc = sim.station("0301").call("102");
            assertTrue(rc.wasBusy());
            assertEquals(0, rc.callId());
            assertThrows(TapiException.class, rc::hangUp, "the caller is in no call");
            assertTrue(line.calls().isEmpty());
            assertTrue(sim.trace().contains("busy"));
        }
    }

    @Test
    void manualStationAnswersWhenTold() throws Exception {
        try (Tapi tapi = open()) {
            Line line = tapi.openLine(0);
            Station far = sim.station("0302").manual();
            Call call = line.makeCall("0302").get(30, TimeUnit.SECONDS);
            call.whenState(CallState.RINGBACK).get(30, TimeUnit.SECONDS);
            sim.advance(Duration.ofMinutes(5));
            assertEquals(CallState.RINGBACK, call.state(), "a manual station does not answer by itself");
            CompletableFuture<CallState> connected = call.whenState(CallState.CONNECTED);
            far.answer();
            assertEquals(CallState.CONNECTED, connected.get(30, TimeUnit.SECONDS));
            TapiException e = assertThrows(TapiException.class, far::answer);
            assertEquals(LineError.LINEERR_INVALCALLSTATE, e.error());
            CompletableFuture<CallState> gone = call.whenState(CallState.DISCONNECTED);
            far.hangUp();
            assertEquals(CallState.DISCONNECTED, gone.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void invalidNumbersAreRefused() {
        TapiException local = assertThrows(TapiException.class, () -> sim.station("100").call("101"));
        assertEquals(LineError.LINEERR_INVALADDRESS, local.error());
        assertEquals("tapisim_remote_call", local.function());
        TapiException unknown = assertThrows(TapiException.class, () -> sim.station("0301").call("999"));
        assertEquals(LineError.LINEERR_BADDEVICEID, unknown.error());
        TapiException name = assertThrows(TapiException.class,
                () -> sim.station("0301").named("Al\u00e9").call("101"));
        assertEquals(LineError.LINEERR_INVALPARAM, name.error());
        TapiException notRung = assertThrows(TapiException.class, () -> sim.station("0301").answer());
        assertEquals(LineError.LINEERR_INVALCALLSTATE, notRung.error());
        assertEquals("tapisim_remote_answer", notRung.function());
        assertThrows(NullPointerException.class, () -> sim.station("0301").call(null));
        assertThrows(IllegalArgumentException.class, () -> sim.station("0301").named("a\u0000b"));
    }
}
