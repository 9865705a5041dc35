package io.github.tapibridge.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.LineError;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiException;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The extension as a user meets it: these tests are run by this module's build directly, in
 * JUnit's concurrent mode, with the leak check on.
 */
@TapiSimulatorTest
class DirectUseTest {

    @Test
    void aTestStartsOnAFreshSwitchWithItsClockAtZero(Simulator sim, Tapi tapi) {
        assertTrue(sim.isIsolated());
        assertEquals(Duration.ZERO, sim.now());
        assertEquals(Backend.JNI, tapi.config().backend());
        assertEquals(sim.provider(), tapi.config().provider());
    }

    @Test
    void aScriptedCallerRingsALineAndHangsUp(Simulator sim, Tapi tapi) throws Exception {
        Line line = tapi.openLine(1);
        CompletableFuture<Call> incoming = line.whenNewCall();
        sim.station("0301").named("Alice").call("101");
        Call call = incoming.get(60, TimeUnit.SECONDS);
        call.whenState(CallState.OFFERING).get(60, TimeUnit.SECONDS);
        assertEquals("0301", call.info().callerId());
        call.answer().get(60, TimeUnit.SECONDS);
        sim.station("0301").hangUp();
        call.whenState(CallState.DISCONNECTED).get(60, TimeUnit.SECONDS);
        call.drop().get(60, TimeUnit.SECONDS);
    }

    @Test
    void anInjectedFaultFailsTheRequest(Simulator sim, Tapi tapi) throws Exception {
        Line line = tapi.openLine(0);
        sim.failNext("lineMakeCall", LineError.LINEERR_RESOURCEUNAVAIL);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> line.makeCall("201").get(60, TimeUnit.SECONDS));
        assertInstanceOf(TapiException.class, e.getCause());
        assertEquals(LineError.LINEERR_RESOURCEUNAVAIL, ((TapiException) e.getCause()).error());
        assertFalse(sim.trace().isEmpty());
    }
}
