package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tapibridge.AddressCaps;
import io.github.tapibridge.Backend;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CompletionCondition;
import io.github.tapibridge.LineError;
import io.github.tapibridge.Line;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.TapiException;
import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.spi.TapiBackend;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Simulator#configure(Topology)}: an application sees the configured lines, names,
 * addresses and completion caps. Run through both backends by {@code TopologyJniTest} and
 * {@code TopologyJnaTest}.
 */
abstract class TopologyContract {

    Simulator sim;

    /** The backend of the application under test. */
    abstract Backend backend();

    @BeforeEach
    void reset() {
        sim = Simulator.get();
        sim.reset();
    }

    @AfterEach
    void restore() {
        sim.reset();
    }

    Tapi open() {
        return Tapi.open(TapiConfig.builder().provider(Provider.simulator()).backend(backend())
                .appName("topology test").build());
    }

    @Test
    void tapiSeesTheConfiguredLines() {
        sim.configure(Topology.builder()
                .lines(6)
                .line(0, "200", "Reception")
                .line(5, "299", null)
                .completionCaps(0, 2, EnumSet.of(CallCompletionMode.CALLBACK, CallCompletionMode.CAMPON),
                        EnumSet.of(CompletionCondition.BUSY))
                .completionMessages(0, List.of("Call reception", "Back soon"))
                .guardTime(Duration.ofSeconds(5))
                .build());
        try (Tapi tapi = open()) {
            assertEquals(6, tapi.lineCount());
            assertEquals("Reception", tapi.device(0).name());
            assertEquals("Simulated line 101", tapi.device(1).name());
            assertEquals("Simulated line 299", tapi.device(5).name());
            assertEquals(1, tapi.device(0).numAddresses());
            try (Line line = tapi.openLine(0)) {
                AddressCaps caps = line.addressCaps(0);
                assertEquals("200", caps.address());
                assertEquals(2, caps.maxCallCompletions());
                assertEquals(EnumSet.of(CallCompletionMode.CALLBACK, CallCompletionMode.CAMPON),
                        caps.completionModes());
                assertEquals(EnumSet.of(CompletionCondition.BUSY), caps.completionConditions());
                assertEquals(List.of("Call reception", "Back soon"), caps.completionMessages());
            }
            try (Line line = tapi.openLine(5)) {
                assertEquals("299", line.addressCaps(0).address());
                assertEquals(4, line.addressCaps(0).maxCallCompletions());
            }
        }
    }

    @Test
    void resetRestoresTheDefaultTopology() {
        sim.configure(Topology.builder().lines(1).line(0, "500", "Only").build());
        sim.reset();
        try (Tapi tapi = open()) {
            assertEquals(4, tapi.lineCount());
            assertEquals("Simulated line 100", tapi.device(0).name());
        }
    }

    @Test
    void configureWhileAnApplicationIsOpenIsRefused() {
        try (Tapi tapi = open()) {
            TapiException e = assertThrows(TapiException.class,
                    () -> sim.configure(Topology.builder().lines(2).build()));
            assertEquals(LineError.LINEERR_INUSE, e.error());
            assertEquals(4, tapi.lineCount());
        }
    }

    @Test
    void builderRejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> Topology.builder().lines(0));
        assertThrows(IllegalArgumentException.class, () -> Topology.builder().lines(Topology.MAX_LINES + 1));
        assertThrows(IllegalArgumentException.class, () -> Topology.builder().line(0, "12x", null));
        assertThrows(IllegalArgumentException.class, () -> Topology.builder().line(0, "200", "tab\t"));
        assertThrows(IllegalArgumentException.class, () -> Topology.builder().lines(2).line(2, "200", null).build());
        assertThrows(IllegalArgumentException.class, () -> Topology.builder().line(0, "101", null).build());
        assertThrows(IllegalArgumentException.class, () -> Topology.builder()
                .completionCaps(0, Topology.MAX_CALL_COMPLETIONS + 1, EnumSet.noneOf(CallCompletionMode.class),
                        EnumSet.noneOf(CompletionCondition.class)));
        assertThrows(IllegalArgumentException.class,
                () -> Topology.builder().completionMessages(0, List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")));
        assertThrows(IllegalArgumentException.class, () -> Topology.builder().guardTime(Duration.ofMillis(-1)));
    }

    /** The backend's own bindings of the setters, with the switch's error codes. */
    @Test
    void backendSettersReachTheSwitch() {
        try (TapiBackend b = Backends.open(backend(), Provider.simulator())) {
            assertEquals(LineError.LINEERR_INVALPARAM.code(), b.tapisimSetLines(0));
            assertEquals(0, b.tapisimSetLines(2));
            assertEquals(LineError.LINEERR_BADDEVICEID.code(), b.tapisimSetLine(2, "300", null));
            assertEquals(LineError.LINEERR_INVALADDRESS.code(), b.tapisimSetLine(0, "101", null));
            assertEquals(0, b.tapisimSetLine(1, "301", "Second"));
            assertEquals(LineError.LINEERR_INVALPARAM.code(), b.tapisimSetCompletionCaps(0, 1, 0x10, 0));
            assertEquals(0, b.tapisimSetCompletionCaps(1, 1, 0x2, 0x1));
            assertEquals(LineError.LINEERR_INVALPARAM.code(), b.tapisimSetCompletionMessages(0, "a\n\nb"));
            assertEquals(0, b.tapisimSetCompletionMessages(1, "One"));
        }
        try (Tapi tapi = open()) {
            assertEquals(2, tapi.lineCount());
            assertEquals("Second", tapi.device(1).name());
            try (Line line = tapi.openLine(1)) {
                AddressCaps caps = line.addressCaps(0);
                assertEquals("301", caps.address());
                assertEquals(1, caps.maxCallCompletions());
                assertEquals(List.of("One"), caps.completionMessages());
            }
        }
    }
}
