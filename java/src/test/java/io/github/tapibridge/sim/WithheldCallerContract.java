package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallInfo;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.LineError;
import io.github.tapibridge.PartyIdFlag;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.TapiException;
import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.spi.TapiBackend;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote callers that hide their caller ID ({@link Station#withheld()},
 * {@link Station#withCallerId(Station.CallerId)}), seen by an application. Run through both
 * backends by {@code WithheldCallerJniTest} and {@code WithheldCallerJnaTest}.
 */
abstract class WithheldCallerContract {

    Simulator sim;

    /** The backend of the application under test. */
    abstract Backend backend();

    @BeforeEach
    void reset() {
        sim = Simulator.get();
        sim.reset();
    }

    Tapi open() {
        return Tapi.open(TapiConfig.builder().provider(Provider.simulator()).backend(backend()).build());
    }

    private void hiddenCallerShows(Station caller, PartyIdFlag flag) throws Exception {
        try (Tapi tapi = open()) {
            Line line = tapi.openLine(1);
            CompletableFuture<Call> incoming = line.whenNewCall();
            RemoteCall rc = caller.call("101");
            Call call = incoming.get(30, TimeUnit.SECONDS);
            CallInfo info = call.info();
            assertEquals(rc.callId(), info.callId());
            assertEquals(Set.of(flag), info.callerIdFlags());
            assertNull(info.callerId());
            assertNull(info.callerName());
            assertEquals("101", info.calledId());
            call.answer().get(30, TimeUnit.SECONDS);
            call.whenState(CallState.CONNECTED).get(30, TimeUnit.SECONDS);
            assertNull(call.info().connectedId());
            assertNull(call.info().connectedName());
            CompletableFuture<CallState> gone = call.whenState(CallState.DISCONNECTED);
            rc.hangUp();
            assertEquals(CallState.DISCONNECTED, gone.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void withheldCallerIdIsBlocked() throws Exception {
        Station caller = sim.station("0301").named("Alice").withheld();
        assertEquals(Station.CallerId.WITHHELD, caller.callerId());
        assertEquals("Alice", caller.name());
        hiddenCallerShows(caller, PartyIdFlag.BLOCKED);
    }

    @Test
    void unavailableCallerIdIsOutOfArea() throws Exception {
        hiddenCallerShows(sim.station("0301").withCallerId(Station.CallerId.UNAVAILABLE), PartyIdFlag.OUTOFAREA);
    }

    @Test
    void shownCallerIdAfterWithheldGivesTheNumberAgain() throws Exception {
        try (Tapi tapi = open()) {
            Line line = tapi.openLine(1);
            CompletableFuture<Call> incoming = line.whenNewCall();
            sim.station("0301").withheld().named("Bob").withCallerId(Station.CallerId.SHOWN).call("101");
            CallInfo info = incoming.get(30, TimeUnit.SECONDS).info();
            assertEquals(Set.of(PartyIdFlag.ADDRESS, PartyIdFlag.NAME), info.callerIdFlags());
            assertEquals("0301", info.callerId());
            assertEquals("Bob", info.callerName());
        }
    }

    @Test
    void withheldCallerErrorsNameTheExtendedFunction() {
        TapiException e = assertThrows(TapiException.class, () -> sim.station("0301").withheld().call("999"));
        assertEquals(LineError.LINEERR_BADDEVICEID, e.error());
        assertEquals("tapisim_remote_call_ex", e.function());
        assertThrows(NullPointerException.class, () -> sim.station("0301").withCallerId(null));
    }

    /** The backend's own binding, with the switch's error codes. */
    @Test
    void backendRemoteCallExReachesTheSwitch() {
        try (TapiBackend b = Backends.open(backend(), Provider.simulator())) {
            assertEquals(LineError.LINEERR_INVALPARAM.code(), b.tapisimRemoteCallEx("0301", null, "101", 3));
            assertEquals(LineError.LINEERR_INVALPARAM.code(), b.tapisimRemoteCallEx("0301", null, "101", 4));
            sim.station("101").busy();
            assertEquals(0, b.tapisimRemoteCallEx("0301", null, "101", 1), "busy: no call");
        }
    }
}
