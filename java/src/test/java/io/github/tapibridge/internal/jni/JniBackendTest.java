package io.github.tapibridge.internal.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JNI backend against the bundled simulator, at the raw level: structures built by hand in
 * native memory, exact LINEERR_ values. Values are those of native/include/tapi_abi.h.
 */
class JniBackendTest {

    // tapi_abi.h
    static final int LINEERR_INVALAPPHANDLE = 0x80000014;
    static final int LINEERR_INVALCALLHANDLE = 0x80000018;
    static final int LINEERR_INVALLINEHANDLE = 0x8000002B;
    static final int LINEERR_INVALPOINTER = 0x80000035;
    static final int LINEERR_OPERATIONFAILED = 0x80000048;
    static final int LINEERR_OPERATIONUNAVAIL = 0x80000049;
    static final int LINEERR_RESOURCEUNAVAIL = 0x8000004B;
    static final int LINEERR_UNINITIALIZED = 0x80000050;
    static final int LINE_CALLSTATE = 2;
    static final int LINE_REPLY = 12;
    static final int LINECALLSTATE_IDLE = 0x1;
    static final int LINECALLSTATE_DIALING = 0x10;
    static final int LINECALLSTATE_PROCEEDING = 0x200;
    static final int LINECALLSTATE_RINGBACK = 0x20;
    static final int LINECALLSTATE_BUSY = 0x40;
    static final int LINECALLSTATE_CONNECTED = 0x100;
    static final int LINECALLPRIVILEGE_OWNER = 4;
    static final int LINEMEDIAMODE_INTERACTIVEVOICE = 4;
    static final int LINEINITIALIZEEXOPTION_USEEVENT = 2;
    static final int TAPISIM_STATION_BUSY = 1;
    static final int V14 = 0x00010004;
    static final int V31 = 0x00030001;

    /** sizeof(LINEINITIALIZEEXPARAMS) on 64-bit targets (packed: no tail padding). */
    static final int SIZEOF_LINEINITIALIZEEXPARAMS = 28;
    /** sizeof(LINEMESSAGE) on 64-bit targets: two DWORDs, four DWORD_PTRs. */
    static final int SIZEOF_LINEMESSAGE = 40;
    /** sizeof(LINECALLSTATUS), 2.0+. */
    static final int SIZEOF_LINECALLSTATUS = 56;

    static JniBackend backend;
    final List<Long> blocks = new ArrayList<>();
    long liveAtStart;

    @BeforeAll
    static void open() {
        backend = JniBackend.openSimulator();
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @BeforeEach
    void reset() {
        assertEquals(0, backend.tapisimReset());
        liveAtStart = backend.liveAllocations();
    }

    @AfterEach
    void freeBlocks() {
        blocks.forEach(backend::free);
        assertEquals(liveAtStart, backend.liveAllocations(), "native blocks leaked");
    }

    long alloc(int size) {
        long a = backend.allocate(size);
        blocks.add(a);
        return a;
    }

    /** lineInitializeExW with the event model; returns hLineApp. */
    int initialize(String name) {
        long params = alloc(SIZEOF_LINEINITIALIZEEXPARAMS);
        backend.putInt(params, SIZEOF_LINEINITIALIZEEXPARAMS);
        backend.putInt(params + 12, LINEINITIALIZEEXOPTION_USEEVENT);
        long app = alloc(4);
        long numDevs = alloc(4);
        long version = alloc(4);
        backend.putInt(version, V31);
        assertEquals(0, backend.lineInitializeExW(app, 0, name, numDevs, version, params));
        assertEquals(4, backend.getInt(numDevs));
        assertEquals(V31, backend.getInt(version));
        assertEquals(SIZEOF_LINEINITIALIZEEXPARAMS, backend.getInt(params + 8)); // dwUsedSize
        int h = backend.getInt(app);
        assertNotEquals(0, h);
        return h;
    }

    int openLine(int app, int device, long callbackInstance) {
        long version = alloc(4);
        long extension = alloc(16);
        assertEquals(0, backend.lineNegotiateAPIVersion(app, device, V14, V31, version, extension));
        assertEquals(V31, backend.getInt(version));
        long line = alloc(4);
        assertEquals(0, backend.lineOpenW(app, device, line, V31, 0, callbackInstance,
                LINECALLPRIVILEGE_OWNER, LINEMEDIAMODE_INTERACTIVEVOICE, 0));
        int h = backend.getInt(line);
        assertNotEquals(0, h);
        return h;
    }

    /** The next message (none waiting: fails), read through a little-endian view. */
    ByteBuffer nextMessage(int app, long msg) {
        assertEquals(0, backend.lineGetMessage(app, msg, 0), "no message waiting");
        ByteBuffer m = backend.view(msg, SIZEOF_LINEMESSAGE);
        assertSame(ByteOrder.LITTLE_ENDIAN, m.order());
        assertEquals(SIZEOF_LINEMESSAGE, m.capacity());
        return m;
    }

    int callState(int call) {
        long status = alloc(SIZEOF_LINECALLSTATUS);
        backend.putInt(status, SIZEOF_LINECALLSTATUS);
        assertEquals(0, backend.lineGetCallStatus(call, status));
        return backend.getInt(status + 12);
    }

    @Test
    void nameAndProvider() {
        assertEquals("JNI", backend.name());
        assertTrue(backend.providerDescription().contains("tapisim"), backend.providerDescription());
        assertTrue(backend.hasSimulatorControl());
    }

    @Test
    void makeCallReplyAndCallState() {
        int app = initialize("jni test");
        long instance = 0x1122334455667788L;
        int line = openLine(app, 0, instance);
        long call = alloc(4);
        int request = backend.lineMakeCallW(line, call, "201", 0, 0);
        assertTrue(request > 0, "request id " + request);
        int hCall = backend.getInt(call);
        assertNotEquals(0, hCall);

        long msg = alloc(SIZEOF_LINEMESSAGE);
        ByteBuffer m = nextMessage(app, msg);
        assertEquals(0, m.getInt(0)); // hDevice
        assertEquals(LINE_REPLY, m.getInt(4));
        assertEquals(instance, m.getLong(8)); // dwCallbackInstance, pointer-sized
        assertEquals(request, m.getLong(16)); // dwParam1
        assertEquals(0, m.getLong(24)); // dwParam2: success

        m = nextMessage(app, msg);
        assertEquals(hCall, m.getInt(0));
        assertEquals(LINE_CALLSTATE, m.getInt(4));
        assertEquals(LINECALLSTATE_DIALING, m.getLong(16));
        assertEquals(LINECALLSTATE_PROCEEDING, (int) nextMessage(app, msg).getLong(16));
        assertEquals(LINECALLSTATE_RINGBACK, (int) nextMessage(app, msg).getLong(16));
        assertEquals(LINEERR_OPERATIONFAILED, backend.lineGetMessage(app, msg, 0), "queue empty");

        assertEquals(LINECALLSTATE_RINGBACK, callState(hCall));
        assertEquals(0, backend.tapisimAdvance(3000));
        assertEquals(3000, backend.tapisimNow());
        assertEquals(LINECALLSTATE_CONNECTED, callState(hCall));
        assertEquals(LINECALLSTATE_CONNECTED, (int) nextMessage(app, msg).getLong(16));

        assertTrue(backend.lineDrop(hCall, 0, 0) > 0);
        assertEquals(LINECALLSTATE_IDLE, callState(hCall));
        assertEquals(0, backend.lineDeallocateCall(hCall));
        assertEquals(LINEERR_INVALCALLHANDLE, backend.lineGetCallStatus(hCall, alloc(SIZEOF_LINECALLSTATUS)));
        assertEquals(0, backend.lineClose(line));
        assertEquals(0, backend.lineShutdown(app));
    }

    @Test
    void stationStateAndFaultInjection() {
        int app = initialize("faults");
        int line = openLine(app, 1, 0);
        assertEquals(0, backend.tapisimSetStation("202", TAPISIM_STATION_BUSY));
        long call = alloc(4);
        assertTrue(backend.lineMakeCallW(line, call, "202", 0, 0) > 0);
        assertEquals(LINECALLSTATE_BUSY, callState(backend.getInt(call)));

        assertEquals(0, backend.tapisimFailNext("lineMakeCall", LINEERR_RESOURCEUNAVAIL));
        long msg = alloc(SIZEOF_LINEMESSAGE);
        while (backend.lineGetMessage(app, msg, 0) == 0) {
            // drain
        }
        int request = backend.lineMakeCallW(line, alloc(4), "203", 0, 0);
        assertTrue(request > 0);
        ByteBuffer m = nextMessage(app, msg);
        assertEquals(LINE_REPLY, m.getInt(4));
        assertEquals(request, m.getLong(16));
        assertEquals(LINEERR_RESOURCEUNAVAIL, (int) m.getLong(24));
    }

    @Test
    void options() {
        assertEquals(0, backend.tapisimSetOption("guard_ms", 2000));
        assertEquals(LINEERR_OPERATIONUNAVAIL, backend.tapisimSetOption("no such option", 1));
        assertEquals(LINEERR_INVALPOINTER, backend.tapisimSetOption(null, 1));
    }

    @Test
    void traceGrowsAndClears() {
        assertEquals(0, backend.tapisimTraceClear());
        assertEquals("", backend.tapisimTrace());
        int app = initialize("traced app");
        String trace = backend.tapisimTrace();
        assertTrue(trace.contains("lineInitializeExW(\"traced app\")"), trace);
        assertFalse(trace.contains("\0"));
        assertEquals(0, backend.tapisimTraceClear());
        assertEquals(0, backend.lineShutdown(app));
        assertTrue(backend.tapisimTrace().contains("lineShutdown"));
        // large traces go through the needed-size loop with a big buffer
        for (int i = 0; i < 2000; i++) {
            backend.lineClose(12345);
        }
        String big = backend.tapisimTrace();
        assertTrue(big.length() > 50_000, "trace of " + big.length() + " chars");
        assertEquals(2000, big.lines().filter(l -> l.contains("lineClose")).count());
    }

    @Test
    void errorCodesOfBadHandles() {
        assertEquals(LINEERR_UNINITIALIZED, backend.lineShutdown(0x1234));
        int app = initialize("errors");
        long status = alloc(SIZEOF_LINECALLSTATUS);
        backend.putInt(status, SIZEOF_LINECALLSTATUS);
        assertEquals(LINEERR_INVALCALLHANDLE, backend.lineGetCallStatus(0xDEAD, status));
        assertEquals(0x80000018, backend.lineGetCallStatus(0xDEAD, status));
        assertEquals(LINEERR_INVALLINEHANDLE, backend.lineClose(0xDEAD));
        assertEquals(LINEERR_INVALAPPHANDLE, backend.lineShutdown(app + 1000));
        assertEquals(LINEERR_INVALCALLHANDLE, backend.lineDrop(0xDEAD, 0, 0));
        assertEquals(LINEERR_INVALCALLHANDLE, backend.lineCompleteCall(0xDEAD, alloc(4), 2, 0));
        assertEquals(0, backend.lineShutdown(app));
    }

    @Test
    void nullStringsAndNullPointersAreTapisToAnswer() {
        // NULL where TAPI needs a pointer: TAPI answers, nothing crashes
        assertEquals(LINEERR_INVALPOINTER, backend.lineInitializeExW(0, 0, "x", 0, 0, 0));
        int app = initialize(null); // a NULL app name is allowed
        int line = openLine(app, 2, 0);
        assertEquals(LINEERR_INVALPOINTER, backend.lineGetCallStatus(0xDEAD, 0));
        assertEquals(LINEERR_INVALPOINTER, backend.lineGetMessage(app, 0, 0));
        assertEquals(LINEERR_INVALPOINTER, backend.lineMakeCallW(line, 0, "201", 0, 0));
        // NULL destination: a call in dial tone, for lineDial to go on from; LINE_REPLY 0
        int request = backend.lineMakeCallW(line, alloc(4), null, 0, 0);
        assertTrue(request > 0);
        ByteBuffer m = nextMessage(app, alloc(SIZEOF_LINEMESSAGE));
        assertEquals(LINE_REPLY, m.getInt(4));
        assertEquals(0, (int) m.getLong(24));
        assertEquals(LINEERR_INVALPOINTER, backend.tapisimSetStation(null, 0));
        assertEquals(LINEERR_INVALPOINTER, backend.tapisimFailNext(null, LINEERR_RESOURCEUNAVAIL));
    }

    @Test
    void stringsTooLongOrWithNulAreRefused() {
        int app = initialize("strings");
        int line = openLine(app, 3, 0);
        String max = "1".repeat(1024);
        backend.lineMakeCallW(line, alloc(4), max, 0, 0); // accepted by the bridge; TAPI decides
        assertThrows(IllegalArgumentException.class,
                () -> backend.lineMakeCallW(line, alloc(4), max + "1", 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> backend.lineMakeCallW(line, alloc(4), "20\u00001", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> backend.tapisimSetStation("x".repeat(2000), 0));
        // non-ASCII reaches the simulator's char * API as UTF-8 and is refused there
        assertEquals(0x80000010 /* INVALADDRESS */, backend.tapisimSetStation("2\u00e902", 0));
        assertEquals(0x80000010, backend.tapisimSetStation("\ud83d\ude00", 0));
    }

    @Test
    void memoryAccess() {
        long a = alloc(64);
        for (int i = 0; i < 64; i += 4) {
            assertEquals(0, backend.getInt(a + i), "zeroed");
        }
        backend.putInt(a + 1, 0x01020304); // unaligned: TAPI structs are packed
        assertEquals(0x01020304, backend.getInt(a + 1));
        byte[] b = new byte[8];
        backend.read(a, b, 2, 6);
        assertEquals(0x04, b[3]); // little-endian in memory on this platform
        backend.write(a + 10, new byte[] {9, 8, 7}, 1, 2);
        ByteBuffer v = backend.view(a, 64);
        assertEquals(8, v.get(10));
        assertEquals(7, v.get(11));
        v.putInt(20, -2);
        assertEquals(-2, backend.getInt(a + 20));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> backend.read(a, b, 4, 5));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> backend.write(a, b, -1, 2));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> backend.read(a, b, 0, -1));
        assertThrows(NullPointerException.class, () -> backend.read(a, null, 0, 0));
        assertThrows(NullPointerException.class, () -> backend.write(a, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> backend.view(a, -1));
        assertThrows(IllegalArgumentException.class, () -> backend.allocate(-1));
        backend.free(0); // ignored
    }

    @Test
    void zeroAddressIsIllegalForMemoryAccess() {
        assertThrows(IllegalArgumentException.class, () -> backend.getInt(0));
        assertThrows(IllegalArgumentException.class, () -> backend.putInt(0, 1));
        assertThrows(IllegalArgumentException.class, () -> backend.read(0, new byte[4], 0, 4));
        assertThrows(IllegalArgumentException.class, () -> backend.write(0, new byte[4], 0, 4));
        assertThrows(IllegalArgumentException.class, () -> backend.view(0, 4));
    }

    @Test
    void liveAllocationsReturnToTheirStartValue() {
        long start = backend.liveAllocations();
        long[] a = new long[100];
        for (int round = 0; round < 100; round++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = backend.allocate(i * 8);
            }
            assertEquals(start + a.length, backend.liveAllocations());
            for (long x : a) {
                backend.free(x);
            }
            assertEquals(start, backend.liveAllocations());
        }
        backend.tapisimTrace();
        assertEquals(start, backend.liveAllocations(), "tapisimTrace frees its buffers");
    }

    @Test
    void allocationsAreCountedPerBackend() {
        try (JniBackend other = JniBackend.openSimulator()) {
            long x = other.allocate(16);
            assertEquals(1, other.liveAllocations());
            assertEquals(liveAtStart, backend.liveAllocations());
            other.free(x);
            assertEquals(0, other.liveAllocations());
        }
    }

    @Test
    void lineShutdownWakesABlockedLineGetMessage() throws Exception {
        int app = initialize("blocked");
        long msg = alloc(SIZEOF_LINEMESSAGE);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Integer> result = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            return backend.lineGetMessage(app, msg, -1); // INFINITE
        }, r -> new Thread(r, "blocked-getMessage").start());
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Thread.sleep(200); // let it block (if it has not, it still must see the shutdown)
        assertFalse(result.isDone());
        assertEquals(0, backend.lineShutdown(app));
        assertEquals(LINEERR_INVALAPPHANDLE, result.get(10, TimeUnit.SECONDS));
    }

    @Test
    void closeWaitsForRunningCallsThenEverythingThrows() throws Exception {
        JniBackend other = JniBackend.openSimulator();
        int app = initialize("close while waiting");
        long msg = alloc(SIZEOF_LINEMESSAGE); // memory of `backend`: outlives `other`
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Integer> result = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            return other.lineGetMessage(app, msg, 500);
        }, r -> new Thread(r, "getMessage-during-close").start());
        assertTrue(started.await(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (other.callsInFlight() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the call is inside the guard: close must then wait for it
        }
        assertEquals(1, other.callsInFlight());
        other.close(); // waits for the running lineGetMessage (its timeout) before releasing
        // The call ran to its end (a timeout, not IllegalStateException): close let it finish.
        assertEquals(LINEERR_OPERATIONFAILED, (int) result.get(10, TimeUnit.SECONDS));
        other.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> other.lineGetMessage(app, msg, 0));
        assertTrue(other.toString().endsWith("closed]"), other.toString());
        assertEquals(0, backend.lineShutdown(app));
    }

    @Test
    void openSystemIsWindowsOnly() {
        if (!System.getProperty("os.name").startsWith("Windows")) {
            UnsupportedOperationException e =
                    assertThrows(UnsupportedOperationException.class, JniBackend::openSystem);
            assertTrue(e.getMessage().contains("tapi32.dll"), e.getMessage());
        }
    }
}
