package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.LineEvent;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Isolated switches ({@link Simulator#create()}): each a switch of its own, with applications of
 * the backend under test on it, apart from the process's switch and from each other.
 */
abstract class IsolatedSwitchContract {

    static final long GUARD_SECONDS = 60;
    static final Duration GUARD = Duration.ofSeconds(GUARD_SECONDS);

    /** The backend of the applications under test. */
    abstract Backend backend();

    Tapi open(Simulator sim) {
        return Tapi.open(TapiConfig.builder().provider(sim.provider()).backend(backend()).build());
    }

    @Test
    void twoSwitchesHaveTheirOwnClocksStationsAndApplications() throws Exception {
        try (Simulator a = Simulator.create(); Simulator b = Simulator.create();
             Tapi ta = open(a); Tapi tb = open(b)) {
            assertTrue(a.isIsolated() && a.provider().isIsolated());
            assertNotEquals(a.provider(), b.provider());
            assertNotEquals(Provider.simulator(), a.provider());
            a.advance(Duration.ofSeconds(5));
            assertEquals(Duration.ofSeconds(5), a.now());
            assertEquals(Duration.ZERO, b.now());

            a.station("201").busy();
            Line la = ta.openLine(0);
            Line lb = tb.openLine(0);
            Call busy = la.makeCall("201").get(GUARD_SECONDS, TimeUnit.SECONDS);
            assertEquals(CallState.BUSY, busy.whenState(CallState.BUSY).get(GUARD_SECONDS, TimeUnit.SECONDS));
            Call ringing = lb.makeCall("201").get(GUARD_SECONDS, TimeUnit.SECONDS);
            assertEquals(CallState.RINGBACK, ringing.whenState(CallState.RINGBACK)
                    .get(GUARD_SECONDS, TimeUnit.SECONDS), "201 is busy on switch a only");

            assertTrue(b.trace().contains("lineMakeCall"), b.trace());
            assertEquals(1, b.trace().split("lineMakeCall", -1).length - 1,
                    "switch b's trace has its own call only");

            b.reset();
            tb.close();
            assertTrue(ta.isOpen(), "a reset of switch b leaves the application on switch a open");
            assertEquals(CallState.BUSY, busy.status().state());
        }
    }

    @Test
    void closingASwitchClosesItsApplicationsUnloadsAndDeletesItsLibrary() throws Exception {
        Simulator sim = Simulator.create();
        Path copy = sim.provider().path().orElseThrow();
        assertTrue(Files.isRegularFile(copy), copy + " exists while the switch is open");
        Tapi tapi = open(sim);
        Line line = tapi.openLine(0);
        CompletableFuture<LineEvent> closed = new CompletableFuture<>();
        line.addListener(e -> {
            if (e instanceof LineEvent.LineClosed) {
                closed.complete(e);
            }
        });
        sim.close();
        assertTrue(sim.isClosed());
        closed.get(GUARD_SECONDS, TimeUnit.SECONDS);
        tapi.close(); // waits for the close the switch's shutdown began
        assertFalse(tapi.isOpen());
        assertFalse(Files.exists(copy), copy + " is deleted once its last application closed");
        sim.close(); // idempotent

        assertThrows(IllegalStateException.class, () -> open(sim), "no application on a closed switch");
        assertThrows(IllegalStateException.class, sim::now);
        assertThrows(IllegalStateException.class, () -> sim.station("201").busy());
    }

    @Test
    void theProcessSwitchCannotBeClosed() {
        Simulator shared = Simulator.get();
        assertFalse(shared.isIsolated());
        assertEquals(Provider.simulator(), shared.provider());
        assertThrows(UnsupportedOperationException.class, shared::close);
        shared.now(); // still open
    }

    @Test
    void advanceRefusesAnApplicationOfAnotherSwitch() throws Exception {
        try (Simulator a = Simulator.create(); Simulator b = Simulator.create(); Tapi tb = open(b)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> a.advance(Duration.ofSeconds(1), tb));
            assertTrue(e.getMessage().contains("not opened on this switch"), e.getMessage());
            assertEquals(Duration.ZERO, a.now(), "refused before the clock moved");
        }
    }

    /** A CALLBACK completion on each of several switches at once, each on its own thread. */
    @Test
    void switchesRunCompletionsInParallel() throws Exception {
        int n = 4;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(this::callbackRecall));
            }
            for (Future<Integer> r : results) {
                assertEquals(1, r.get(GUARD_SECONDS, TimeUnit.SECONDS), "one recall per switch");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int callbackRecall() throws Exception {
        try (Simulator sim = Simulator.create(); Tapi tapi = open(sim)) {
            sim.station("201").busy();
            Line line = tapi.openLine(0);
            Call call = line.makeCall("201").get(GUARD_SECONDS, TimeUnit.SECONDS);
            call.whenState(CallState.BUSY).get(GUARD_SECONDS, TimeUnit.SECONDS);
            CallCompletion c = call.completeCall(CallCompletionMode.CALLBACK).get(GUARD_SECONDS, TimeUnit.SECONDS);
            sim.station("201").idle();
            sim.advance(Duration.ofSeconds(2), tapi);
            assertTrue(c.whenFired().isDone(), "the recall was offered by the guard time");
            return line.completions().isEmpty() ? 1 : 0;
        }
    }
}
