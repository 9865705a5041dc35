package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Line;
import io.github.tapibridge.LineError;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.TapiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Simulator#failNext} on synchronous functions: the method calling the function throws
 * the injected {@link LineError} once, a call refused by the simulator's own checks leaves the
 * fault armed, and nothing is left behind. Run in full through both backends by
 * {@code FaultInjectionJniTest} and {@code FaultInjectionJnaTest}, as the conformance suite is.
 */
abstract class FaultInjectionContract {

    Simulator sim;
    Tapi tapi;

    /** The backend of the application under test. */
    abstract Backend backend();

    @BeforeEach
    void open() {
        sim = Simulator.get();
        sim.reset();
        tapi = Tapi.open(TapiConfig.builder().provider(Provider.simulator()).backend(backend())
                .appName("fault injection test").build());
    }

    @AfterEach
    void close() {
        tapi.close();
    }

    static void assertInjected(LineError expected, String function, TapiException e) {
        assertEquals(expected, e.error(), e.getMessage());
        assertEquals(function, e.function());
    }

    @Test
    void openLineThrowsTheInjectedErrorOnceAndOpensNothing() {
        sim.failNext("lineOpen", LineError.LINEERR_RESOURCEUNAVAIL);
        assertInjected(LineError.LINEERR_RESOURCEUNAVAIL, "lineOpenW",
                assertThrows(TapiException.class, () -> tapi.openLine(0)));
        assertTrue(tapi.lines().isEmpty(), "a failed open leaves no line behind");
        Line line = tapi.openLine(0);
        assertTrue(line.isOpen());
        assertEquals(1, tapi.lines().size());
    }

    @Test
    void addressCapsThrowsTheInjectedErrorAfterARefusedCall() {
        Line line = tapi.openLine(0);
        sim.failNext("lineGetAddressCapsW", LineError.LINEERR_NOMEM);
        // Refused by the simulator's own check: the fault stays armed.
        assertInjected(LineError.LINEERR_INVALADDRESSID, "lineGetAddressCapsW",
                assertThrows(TapiException.class, () -> line.addressCaps(1)));
        assertInjected(LineError.LINEERR_NOMEM, "lineGetAddressCapsW",
                assertThrows(TapiException.class, () -> line.addressCaps(0)));
        assertTrue(line.addressCaps(0).maxActiveCalls() > 0, "the fault is used up");
    }
}
