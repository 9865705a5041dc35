package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.LineError;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.TapiException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's control API from Java, with applications on the backend under test (both ways:
 * a {@code SimulatorJniTest} and a {@code SimulatorJnaTest} run it in full). {@link Simulator}
 * itself always drives the switch through JNI; the applications it acts on use {@link #backend()}.
 */
abstract class SimulatorContract {

    Simulator sim;

    /** The backend of the applications under test. */
    abstract Backend backend();

    TapiConfig simulatorConfig() {
        return TapiConfig.builder().provider(Provider.simulator()).backend(backend()).build();
    }

    @BeforeEach
    void reset() {
        sim = Simulator.get();
        sim.reset();
    }

    @Test
    void getReturnsTheOneSwitch() {
        assertSame(sim, Simulator.get());
        assertTrue(sim.toString().contains("Simulator"));
    }

    @Test
    void clockMovesOnlyWhenAdvanced() {
        assertEquals(Duration.ZERO, sim.now());
        sim.advance(Duration.ofMillis(1500));
        assertEquals(Duration.ofMillis(1500), sim.now());
        sim.advance(Duration.ZERO);
        assertEquals(Duration.ofMillis(1500), sim.now());
        assertThrows(IllegalArgumentException.class, () -> sim.advance(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> sim.advance(null));
        sim.reset();
        assertEquals(Duration.ZERO, sim.now());
    }

    /**
     * {@code advance(Duration.ofMillis(Long.MAX_VALUE))} moved the clock in steps of
     * {@code Integer.MAX_VALUE} ms, firing every timer, and only then failed when the switch's
     * 32-bit clock would wrap: the whole duration is now checked before the first step.
     */
    @Test
    void advancePastTheClockEndMovesNothing() throws Exception {
        try (Tapi tapi = Tapi.open(simulatorConfig())) {
            Line line = tapi.openLine(0);
            Call call = line.makeCall("207").get(30, TimeUnit.SECONDS); // answers after 3 s
            call.whenState(CallState.RINGBACK).get(30, TimeUnit.SECONDS);
            for (Duration tooFar : new Duration[] {Duration.ofMillis(Long.MAX_VALUE),
                    Duration.ofSeconds(Long.MAX_VALUE), Simulator.CLOCK_END.plusMillis(1)}) {
                TapiException e = assertThrows(TapiException.class, () -> sim.advance(tooFar));
                assertEquals(LineError.LINEERR_INVALPARAM, e.error());
                assertEquals("tapisim_advance", e.function());
                assertEquals(Duration.ZERO, sim.now(), "the clock did not move");
                assertEquals(CallState.RINGBACK, call.state(), "no timer fired");
            }
            sim.advance(Duration.ofMillis(1000));
            TapiException e = assertThrows(TapiException.class,
                    () -> sim.advance(Simulator.CLOCK_END.minusMillis(999)));
            assertEquals(LineError.LINEERR_INVALPARAM, e.error());
            assertEquals(Duration.ofMillis(1000), sim.now());
            assertEquals(CallState.RINGBACK, call.state());
            sim.advance(Simulator.CLOCK_END.minusMillis(1000)); // exactly to the end: allowed
            assertEquals(Simulator.CLOCK_END, sim.now());
            assertEquals(CallState.CONNECTED, call.state());
            assertThrows(TapiException.class, () -> sim.advance(Duration.ofMillis(1)));
            sim.advance(Duration.ZERO);
            assertEquals(Simulator.CLOCK_END, sim.now());
        }
    }

    @Test
    void stationsTraceFaultsAndOptions() throws Exception {
        Station s = sim.station("201");
        assertEquals("201", s.number());
        assertSame(s, s.busy());
        assertTrue(s.toString().contains("201"));
        sim.clearTrace();
        try (Tapi tapi = Tapi.open(simulatorConfig())) {
            Line line = tapi.openLine(0);
            Call busy = line.makeCall("201").get(30, TimeUnit.SECONDS);
            assertEquals(CallState.BUSY, busy.state());
            s.noAnswer();
            Call ringing = line.makeCall("201").get(30, TimeUnit.SECONDS);
            sim.advance(Duration.ofSeconds(10));
            assertEquals(CallState.RINGBACK, ringing.state(), "a no-answer station never answers");
            ringing.drop().get(30, TimeUnit.SECONDS);
            sim.station("202").idle();
            Call answered = line.makeCall("202").get(30, TimeUnit.SECONDS);
            sim.advance(Duration.ofSeconds(3));
            assertEquals(CallState.CONNECTED, answered.state());
            sim.failNext("lineMakeCallW", LineError.LINEERR_NOMEM);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> line.makeCall("203").get(30, TimeUnit.SECONDS));
            assertEquals(LineError.LINEERR_NOMEM, ((TapiException) e.getCause()).error());
            String trace = sim.trace();
            assertTrue(trace.contains("lineMakeCallW"), trace);
            assertTrue(trace.contains("LINE_REPLY"), trace);
            sim.clearTrace();
            assertEquals("", sim.trace());
        }
        sim.option("guard_ms", 500);
        assertThrows(NullPointerException.class, () -> sim.option(null, 1));
        assertThrows(NullPointerException.class, () -> sim.station(null));
        assertThrows(IllegalArgumentException.class, () -> sim.failNext("lineMakeCall", LineError.UNKNOWN));
        assertThrows(NullPointerException.class, () -> sim.failNext("lineMakeCall", null));
    }

    @Test
    void resetShutsApplicationsDown() throws Exception {
        Tapi tapi = Tapi.open(simulatorConfig());
        Line line = tapi.openLine(0);
        java.util.concurrent.CompletableFuture<Void> closed = new java.util.concurrent.CompletableFuture<>();
        line.addListener(e -> {
            if (e instanceof io.github.tapibridge.LineEvent.LineClosed) {
                closed.complete(null);
            }
        });
        sim.reset();
        closed.get(30, TimeUnit.SECONDS);
        tapi.close(); // returns once the instance has shut itself down
        assertTrue(!tapi.isOpen() && !line.isOpen());
    }

    @Test
    void typedOptionsReachTheApplications() throws Exception {
        sim.options().maxCallCompletions(7).errorDelivery(ErrorDelivery.RETURNED);
        try (Tapi tapi = Tapi.open(simulatorConfig())) {
            Line line = tapi.openLine(0);
            assertEquals(7, line.addressCaps(0).maxCallCompletions());
            sim.options().maxCallCompletions(0);
            assertEquals(0, line.addressCaps(0).maxCallCompletions());
            // RETURNED: the switch's refusal comes back from lineCompleteCall itself, no request made.
            Call call = line.makeCall("201").get(10, TimeUnit.SECONDS);
            call.whenState(CallState.RINGBACK).get(10, TimeUnit.SECONDS);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> call.completeCall(io.github.tapibridge.CallCompletionMode.CALLBACK).get(10, TimeUnit.SECONDS));
            assertEquals(LineError.LINEERR_OPERATIONUNAVAIL, ((TapiException) e.getCause()).error());
            assertEquals(java.util.List.of(), tapi.pendingRequests());
        }
    }
}
