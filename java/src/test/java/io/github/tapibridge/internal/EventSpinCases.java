package io.github.tapibridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.LineError;
import io.github.tapibridge.spi.TapiBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The drain of the backends that call {@code lineInitializeExW} from Java spins on the
 * applications' USEEVENT events where the provider has no activity word, as the JNI bridge does
 * on {@code tapi32.dll} (docs/architecture.md, "The event pump's spin"). Those events exist only
 * on Windows, so here the simulator, opened by path with its activity word unused, stands in for
 * {@code tapi32.dll} and {@link FakeWaits} for kernel32: its poll says "signalled" when the test
 * says so, after posting a message. Run by {@code EventSpinJnaTest} and {@code EventSpinFfmTest}.
 */
public abstract class EventSpinCases {

    static final long HANG_GUARD_SECONDS = 60;
    static final int INFINITE = TapiConstants.INFINITE;
    /** Long enough that a drain still spinning at the end of a test was never meant to block. */
    static final int LONG_SPIN_MICROS = 600_000_000;

    protected FakeWaits waits;
    protected TapiBackend backend;
    private final List<Long> blocks = new ArrayList<>();

    /**
     * The backend under test on the library at {@code path}, its drain polling {@code waits}.
     *
     * @param path the simulator's file
     * @param waits the fake kernel32
     * @return the backend
     */
    protected abstract TapiBackend open(Path path, AppEvents.Waits waits);

    @BeforeEach
    public void openBackend() {
        waits = new FakeWaits();
        backend = open(NativeLibraries.simulatorPath(), waits);
        assertEquals(0, backend.tapisimReset());
    }

    @AfterEach
    public void closeBackend() {
        blocks.forEach(backend::free);
        assertEquals(0, backend.tapisimReset());
        backend.close();
        assertEquals(0, waits.pollsOfClosed.get(), "a duplicate polled after its close");
    }

    long alloc(int size) {
        long a = backend.allocate(size);
        blocks.add(a);
        return a;
    }

    /** lineInitializeExW with the event model; returns hLineApp, and the event written in params. */
    int initialize(long[] event) {
        long params = alloc(Layout.LINEINITIALIZEEXPARAMS_SIZE);
        backend.putInt(params, Layout.LINEINITIALIZEEXPARAMS_SIZE);
        backend.putInt(params + Layout.LINEINITIALIZEEXPARAMS_OPTIONS,
                TapiConstants.LINEINITIALIZEEXOPTION_USEEVENT);
        long app = alloc(4);
        long version = alloc(4);
        backend.putInt(version, 0x00030001);
        assertEquals(0, backend.lineInitializeExW(app, 0, "event spin test", alloc(4), version, params));
        int h = backend.getInt(app);
        assertNotEquals(0, h);
        long low = backend.getInt(params + Layout.LINEINITIALIZEEXPARAMS_HANDLES) & 0xFFFFFFFFL;
        long high = backend.getInt(params + Layout.LINEINITIALIZEEXPARAMS_HANDLES + 4);
        event[0] = Layout.POINTER_SIZE == 8 ? high << 32 | low : low;
        return h;
    }

    int initialize() {
        return initialize(new long[1]);
    }

    CompletableFuture<Integer> drain(int app, long array, int spinMicros) {
        return CompletableFuture.supplyAsync(() -> backend.lineGetMessages(app, array, 4, INFINITE, spinMicros));
    }

    @Test
    public void theEventOfAnInitializedApplicationIsDuplicatedAndClosedAtShutdown() {
        long[] event = new long[1];
        int app = initialize(event);
        assertNotEquals(0, event[0], "the simulator writes a token per application");
        assertEquals(List.of(event[0]), waits.duplicated);
        assertEquals(Set.of(), waits.closed);
        assertEquals(0, backend.lineShutdown(app));
        assertEquals(Set.copyOf(waits.handedOut), waits.closed);
    }

    @Test
    public void aSpinningDrainPollsTheEventAndTakesAMessagePostedMeanwhile() throws Exception {
        int app = initialize();
        long array = alloc(4 * Layout.LINEMESSAGE_SIZE);
        CompletableFuture<Integer> drained = drain(app, array, LONG_SPIN_MICROS);
        waits.awaitPolls(waits.handedOut.get(0), HANG_GUARD_SECONDS * 1000);
        assertEquals(0, backend.tapisimPostMessages(app, 1));
        waits.answer = AppEvents.WAIT_OBJECT_0; // TAPI signals the event while a message is queued
        assertEquals(1, drained.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, backend.lineShutdown(app));
    }

    @Test
    public void aSpinThatRunsOutBlocksUntilAMessageComes() throws Exception {
        int app = initialize();
        long array = alloc(4 * Layout.LINEMESSAGE_SIZE);
        CompletableFuture<Integer> drained = drain(app, array, 1_000);
        waits.awaitPolls(waits.handedOut.get(0), HANG_GUARD_SECONDS * 1000);
        waits.awaitNoMorePolls(HANG_GUARD_SECONDS * 1000);
        assertTrue(!drained.isDone(), "blocked: nothing is queued");
        assertEquals(0, backend.tapisimPostMessages(app, 2));
        int n = drained.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertTrue(n >= 1 && n <= 2, "took " + n);
        assertEquals(0, backend.lineShutdown(app));
    }

    @Test
    public void lineShutdownEndsASpinAndClosesTheDuplicate() throws Exception {
        int app = initialize();
        long array = alloc(4 * Layout.LINEMESSAGE_SIZE);
        CompletableFuture<Integer> drained = drain(app, array, LONG_SPIN_MICROS);
        waits.awaitPolls(waits.handedOut.get(0), HANG_GUARD_SECONDS * 1000);
        assertEquals(0, backend.lineShutdown(app));
        assertEquals(LineError.LINEERR_INVALAPPHANDLE.code(), drained.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        assertEquals(Set.copyOf(waits.handedOut), waits.closed);
    }

    @Test
    public void pastSixteenApplicationsADrainBlocksAtOnce() throws Exception {
        List<Integer> apps = new ArrayList<>();
        for (int i = 0; i <= AppEvents.CAPACITY; i++) {
            apps.add(initialize());
        }
        long last = waits.handedOut.get(AppEvents.CAPACITY);
        assertEquals(Set.of(last), waits.closed, "the table was full: its duplicate closed at once");
        int app = apps.get(AppEvents.CAPACITY);
        long array = alloc(4 * Layout.LINEMESSAGE_SIZE);
        CompletableFuture<Integer> drained = drain(app, array, LONG_SPIN_MICROS);
        Thread.sleep(200);
        assertEquals(0, waits.polls(), "nothing to poll for this application");
        assertEquals(0, backend.tapisimPostMessages(app, 1));
        assertEquals(1, drained.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        for (int a : apps) {
            assertEquals(0, backend.lineShutdown(a));
        }
        assertEquals(Set.copyOf(waits.handedOut), waits.closed);
    }

    @Test
    public void closingTheBackendClosesTheDuplicatesOfApplicationsNeverShutDown() {
        initialize();
        initialize();
        blocks.forEach(backend::free);
        blocks.clear();
        backend.close(); // the applications stay in the switch
        assertEquals(Set.copyOf(waits.handedOut), waits.closed);
        backend = open(NativeLibraries.simulatorPath(), new FakeWaits()); // for the reset after the test
    }
}
