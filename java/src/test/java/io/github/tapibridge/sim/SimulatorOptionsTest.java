package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.LineError;
import io.github.tapibridge.TapiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The typed setters of {@link SimulatorOptions}: each sets its option of
 * {@code tapisim_set_option} (as the switch's trace records it), every option of the switch has
 * one, and the values are checked before the switch sees them. What an option does to
 * applications is in {@link SimulatorContract}, through both backends.
 */
class SimulatorOptionsTest {

    private static final Pattern TRACED = Pattern.compile("tapisim_set_option\\(\"(\\w+)\", (\\d+)\\) -> 0");

    @Test
    void everyTypedSetterSetsItsOption() {
        try (Simulator sim = Simulator.create()) {
            sim.clearTrace();
            SimulatorOptions o = sim.options();
            assertEquals(o, o.errorDelivery(ErrorDelivery.RETURNED).allowProceeding(true)
                    .strictCompletionOwner(true).reuseFreedIds(true).guardTime(Duration.ofMillis(1500))
                    .recallRingTime(Duration.ofSeconds(30)).expiryBusy(Duration.ofMinutes(1))
                    .expiryNoAnswer(SimulatorOptions.MAX_TIMER).realtime(false).maxCallCompletions(7)
                    .errorDelivery(ErrorDelivery.IN_REPLY).trace(false).trace(true));
            List<String> set = TRACED.matcher(sim.trace()).results().map(r -> r.group(1) + "=" + r.group(2)).toList();
            // trace(false) is the one call the trace cannot record.
            assertEquals(List.of("error_delivery=1", "allow_proceeding=1", "strict_completion_owner=1",
                    "reuse_freed_ids=1", "guard_ms=1500", "recall_ring_ms=30000", "expiry_busy_ms=60000",
                    "expiry_noanswer_ms=2147483647", "realtime=0", "max_call_completions=7",
                    "error_delivery=0", "trace=1"), set);
        }
    }

    @Test
    void everyOptionOfTheSwitchHasATypedSetter() throws Exception {
        Path switchC = Path.of("../native/sim/switch.c");
        if (!Files.isRegularFile(switchC)) {
            switchC = Path.of("native/sim/switch.c");
        }
        String c = Files.readString(switchC);
        TreeSet<String> native_ = new TreeSet<>(List.of("max_call_completions"));
        Matcher m = Pattern.compile("\\{ \"(\\w+)\", offsetof\\(sim_options").matcher(c);
        while (m.find()) {
            native_.add(m.group(1));
        }
        assertEquals(11, native_.size(), native_.toString());
        try (Simulator sim = Simulator.create()) {
            sim.clearTrace();
            sim.options().errorDelivery(ErrorDelivery.IN_REPLY).allowProceeding(false).strictCompletionOwner(false)
                    .reuseFreedIds(false).guardTime(SimulatorOptions.DEFAULT_GUARD_TIME)
                    .recallRingTime(SimulatorOptions.DEFAULT_RECALL_RING_TIME)
                    .expiryBusy(SimulatorOptions.DEFAULT_EXPIRY_BUSY)
                    .expiryNoAnswer(SimulatorOptions.DEFAULT_EXPIRY_NOANSWER).realtime(false)
                    .maxCallCompletions(SimulatorOptions.DEFAULT_MAX_CALL_COMPLETIONS).trace(true);
            TreeSet<String> typed = new TreeSet<>(TRACED.matcher(sim.trace()).results().map(r -> r.group(1)).toList());
            assertEquals(native_, typed);
        }
    }

    @Test
    void valuesAreCheckedBeforeTheSwitchSeesThem() {
        try (Simulator sim = Simulator.create()) {
            SimulatorOptions o = sim.options();
            sim.clearTrace();
            assertThrows(IllegalArgumentException.class, () -> o.guardTime(Duration.ofMillis(-1)));
            assertThrows(IllegalArgumentException.class, () -> o.recallRingTime(SimulatorOptions.MAX_TIMER.plusMillis(1)));
            assertThrows(IllegalArgumentException.class, () -> o.expiryBusy(Duration.ofDays(-1)));
            assertThrows(IllegalArgumentException.class, () -> o.expiryNoAnswer(Duration.ofDays(25)));
            assertThrows(IllegalArgumentException.class, () -> o.maxCallCompletions(-1));
            assertThrows(IllegalArgumentException.class, () -> o.maxCallCompletions(Topology.MAX_CALL_COMPLETIONS + 1));
            assertThrows(NullPointerException.class, () -> o.errorDelivery(null));
            assertThrows(NullPointerException.class, () -> o.guardTime(null));
            assertFalse(sim.trace().contains("tapisim_set_option"), sim.trace());
            // The untyped form still works, and the switch still checks it.
            sim.option("guard_ms", 1234);
            assertTrue(sim.trace().contains("tapisim_set_option(\"guard_ms\", 1234) -> 0"), sim.trace());
            TapiException e = assertThrows(TapiException.class, () -> sim.option("reuse_freed_ids", 2));
            assertEquals(LineError.LINEERR_INVALPARAM, e.error());
        }
        Simulator closed = Simulator.create();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.options().trace(false));
    }
}
