package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Backend;
import io.github.tapibridge.LineError;
import io.github.tapibridge.LineEvent;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.internal.EventPump;
import io.github.tapibridge.internal.Layout;
import io.github.tapibridge.internal.TapiConstants;
import io.github.tapibridge.spi.TapiBackend;
import java.time.Duration;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TapiBackend#lineGetMessages}, the event pump's batch drain: one blocking call, then
 * what is already queued, up to the array's length, in queue order; and the pump that uses it
 * delivers nothing after a close made by a listener in the middle of a batch. Run in full
 * through every backend by {@code MessageBatchJniTest}, {@code MessageBatchJnaTest} and
 * {@code MessageBatchFfmTest}.
 */
abstract class MessageBatchContract {

    static final long HANG_GUARD_SECONDS = 60;
    static final int LINE_DEVSPECIFIC = 4;
    static final int SIZE = Layout.LINEMESSAGE_SIZE;

    Simulator sim;
    TapiBackend backend;
    final List<Long> blocks = new ArrayList<>();

    /** The backend under test. */
    abstract Backend backend();

    @BeforeEach
    void open() {
        sim = Simulator.get();
        sim.reset();
        backend = Backends.open(backend(), Provider.simulator());
    }

    @AfterEach
    void close() {
        blocks.forEach(backend::free);
        backend.close();
    }

    long alloc(int size) {
        long a = backend.allocate(size);
        blocks.add(a);
        return a;
    }

    /** lineInitializeExW with the event model, no Tapi (and so no pump) on it; returns hLineApp. */
    int initialize() {
        long params = alloc(Layout.LINEINITIALIZEEXPARAMS_SIZE);
        backend.putInt(params, Layout.LINEINITIALIZEEXPARAMS_SIZE);
        backend.putInt(params + Layout.LINEINITIALIZEEXPARAMS_OPTIONS,
                TapiConstants.LINEINITIALIZEEXOPTION_USEEVENT);
        long app = alloc(4);
        long version = alloc(4);
        backend.putInt(version, 0x00030001);
        assertEquals(0, backend.lineInitializeExW(app, 0, "batch test", alloc(4), version, params));
        int h = backend.getInt(app);
        assertNotEquals(0, h);
        return h;
    }

    /** dwParam1 of element {@code i} of the array, after checking it is a posted message. */
    long posted(long array, int i, int batch) {
        ByteBuffer m = backend.view(array + (long) i * SIZE, SIZE);
        assertEquals(LINE_DEVSPECIFIC, m.getInt(Layout.LINEMESSAGE_MESSAGEID));
        long p2 = Layout.POINTER_SIZE == 8 ? m.getLong(Layout.LINEMESSAGE_PARAM2) : m.getInt(Layout.LINEMESSAGE_PARAM2);
        assertEquals(batch, p2);
        return Layout.POINTER_SIZE == 8 ? m.getLong(Layout.LINEMESSAGE_PARAM1) : m.getInt(Layout.LINEMESSAGE_PARAM1);
    }

    @Test
    void takesWhatIsQueuedUpToTheArraysLengthInOrder() {
        int app = initialize();
        long array = alloc(3 * SIZE);
        assertEquals(0, backend.tapisimPostMessages(app, 5));
        assertEquals(3, backend.lineGetMessages(app, array, 3, 0, 0));
        for (int i = 0; i < 3; i++) {
            assertEquals(i, posted(array, i, 5));
        }
        assertEquals(2, backend.lineGetMessages(app, array, 3, 0, 0));
        assertEquals(3, posted(array, 0, 5));
        assertEquals(4, posted(array, 1, 5));
        assertEquals(LineError.LINEERR_OPERATIONFAILED.code(), backend.lineGetMessages(app, array, 3, 0, 0),
                "empty queue, timeout 0: the first call's error");
        assertEquals(0, backend.lineShutdown(app));
    }

    @Test
    void aCountOfOneTakesOneMessage() {
        int app = initialize();
        long array = alloc(SIZE);
        assertEquals(0, backend.tapisimPostMessages(app, 2));
        assertEquals(1, backend.lineGetMessages(app, array, 1, 0, 0));
        assertEquals(0, posted(array, 0, 2));
        assertEquals(1, backend.lineGetMessages(app, array, 1, 0, 0));
        assertEquals(1, posted(array, 0, 2));
        assertEquals(0, backend.lineShutdown(app));
    }

    @Test
    void blocksOnceThenReturnsTheBurst() throws Exception {
        int app = initialize();
        long array = alloc(8 * SIZE);
        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(
                () -> backend.lineGetMessages(app, array, 8, TapiConstants.INFINITE, 0));
        assertEquals(0, backend.tapisimPostMessages(app, 4));
        int n = drained.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertTrue(n >= 1 && n <= 4, "took " + n);
        int taken = 0;
        for (; taken < n; taken++) {
            assertEquals(taken, posted(array, taken, 4));
        }
        while (taken < 4) {
            int more = backend.lineGetMessages(app, array, 8, 0, 0);
            assertTrue(more >= 1, "the rest is queued: " + Integer.toHexString(more));
            for (int i = 0; i < more; i++, taken++) {
                assertEquals(taken, posted(array, i, 4));
            }
        }
        assertEquals(4, taken);
        assertEquals(0, backend.lineShutdown(app));
    }

    @Test
    void aShutdownWakesABlockedDrainWithTheError() throws Exception {
        int app = initialize();
        long array = alloc(4 * SIZE);
        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(
                () -> backend.lineGetMessages(app, array, 4, TapiConstants.INFINITE, 0));
        assertEquals(0, backend.tapisimSync(app, 7)); // the drain may or may not be blocked yet
        int first = drained.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertEquals(1, first, "the sync marker alone");
        CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(
                () -> backend.lineGetMessages(app, array, 4, TapiConstants.INFINITE, 0));
        assertEquals(0, backend.lineShutdown(app));
        assertEquals(LineError.LINEERR_INVALAPPHANDLE.code(), blocked.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    }

    /**
     * A drain asked to spin watches the simulator's activity word instead of blocking: while it
     * waits it runs (the process's CPU time grows by about the wait, where a blocked drain adds
     * next to nothing), and a message posted meanwhile is taken at once, not when the spin of a
     * minute runs out.
     */
    @Test
    void aSpinningDrainRunsUntilAMessageIsPostedAndTakesItAtOnce() throws Exception {
        int app = initialize();
        long array = alloc(4 * SIZE);
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> {
            started.complete(null);
            return backend.lineGetMessages(app, array, 4, TapiConstants.INFINITE, 60_000_000);
        });
        started.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        Thread.sleep(50); // into the drain
        long start = System.nanoTime();
        Duration cpuBefore = processCpu();
        Thread.sleep(500);
        Duration spun = processCpu().minus(cpuBefore);
        assertEquals(0, backend.tapisimPostMessages(app, 1));
        assertEquals(1, drained.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, posted(array, 0, 1));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS / 2),
                "taken when the word changed, not when the spin ran out");
        assertTrue(spun.toMillis() >= 250, "the drain spins, not blocks: the process used " + spun.toMillis()
                + " ms of CPU in 500 ms");
        assertEquals(0, backend.lineShutdown(app));
    }

    static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow(
                () -> new AssertionError("this platform reports no process CPU time"));
    }

    /** A spin that runs out ends in the usual blocking wait, which a later message ends. */
    @Test
    void aDrainWhoseSpinRunsOutBlocksUntilTheNextMessage() throws Exception {
        int app = initialize();
        long array = alloc(4 * SIZE);
        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(
                () -> backend.lineGetMessages(app, array, 4, TapiConstants.INFINITE, 1000));
        Thread.sleep(100);
        assertFalse(drained.isDone(), "still waiting after its 1 ms spin");
        assertEquals(0, backend.tapisimPostMessages(app, 2));
        int n = drained.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertTrue(n >= 1 && n <= 2, "took " + n);
        assertEquals(0, posted(array, 0, 2));
        assertEquals(0, backend.lineShutdown(app));
    }

    @Test
    void misuseIsRefusedOrReportedNotCrashed() {
        int app = initialize();
        long array = alloc(2 * SIZE);
        assertThrows(IllegalArgumentException.class, () -> backend.lineGetMessages(app, array, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> backend.lineGetMessages(app, array, -1, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> backend.lineGetMessages(app, array, 1, 0, -1));
        assertEquals(0, backend.tapisimPostMessages(app, 1));
        assertEquals(backend.lineGetMessage(app, 0, 0), backend.lineGetMessages(app, 0, 2, 0, 0),
                "a NULL array: the provider's answer, as for lineGetMessage");
        assertEquals(LineError.LINEERR_INVALAPPHANDLE.code(), backend.lineGetMessages(app + 7, array, 2, 0, 0));
        assertEquals(0, backend.lineShutdown(app));
    }

    @Test
    void aListenerThatClosesInTheMiddleOfABatchSeesNoLaterMessage() throws Exception {
        int count = EventPump.BATCH / 2;
        List<Long> seen = new CopyOnWriteArrayList<>();
        Tapi tapi = Tapi.open(TapiConfig.builder().provider(Provider.simulator()).backend(backend())
                .appName("batch close test").build());
        try {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            tapi.addListener(e -> {
                if (e instanceof LineEvent.Other && ((LineEvent.Other) e).messageId() == LINE_DEVSPECIFIC) {
                    long i = ((LineEvent.Other) e).param1();
                    seen.add(i);
                    if (i == 2) {
                        tapi.close(); // on the pump thread: the rest of the batch is discarded
                        closed.complete(null);
                    }
                }
            });
            // One post: every message is queued before the pump wakes, so it takes them in one batch.
            sim.postMessages(tapi, count);
            closed.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } finally {
            tapi.close();
        }
        assertEquals(List.of(0L, 1L, 2L), seen);
    }
}
