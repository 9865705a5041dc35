package io.github.tapibridge.internal.ffm;

import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.GuardRecord;
import io.github.tapibridge.internal.TapiStrings;
import io.github.tapibridge.spi.TapiBackend;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The guard, the strings and the native memory of {@link FfmBackend}. {@link FfmTapiCalls} adds
 * the TAPI functions that every provider has, {@link FfmCallControl} the optional call control and
 * transfer and digits functions, {@link FfmBackend} how a provider is opened and the simulator's
 * control functions.
 *
 * <p>No call allocates on the Java heap: pointers are {@code long}s, the downcall handles are
 * constants ({@link Downcalls}), and strings are encoded into a per-thread native scratch
 * segment ({@link #wide}). Native memory comes from {@code calloc} and goes back to {@code free};
 * it is counted per backend, as the other backends count it.
 *
 * <p>Thread-safe. Every method runs inside one {@link Guard}: after {@link #close()} starts, every
 * method throws IllegalStateException, and {@code close()} waits for the calls already running
 * before it releases the provider. The simulator's hot functions ({@link FfmTapiCalls}) run inside
 * libtapibridge's C guard instead, as the JNI backend's calls do: they are refused from the moment
 * {@code close()}, once the Java guard's calls have returned, retires the provider's C handle,
 * which waits for those in flight. A thread blocked in {@link #lineGetMessage(int, long, int)}
 * counts as running: shut its application down first ({@link #lineShutdown(int)} wakes it).
 */
@SuppressWarnings("restricted") // native access is this backend's job; granted by --enable-native-access
abstract class FfmMemory implements TapiBackend {

    /** All of memory, to read and write native addresses without a segment per access. */
    static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfChar UTF16LE =
            ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Bytes of scratch per string argument: the longest string in UTF-8 with its NUL fits. */
    static final long SLOT = 4096;
    /** String arguments per call, at most ({@code tapisim_remote_call}). */
    static final int SLOTS = 3;

    /**
     * Each thread's scratch for string arguments: native, allocated on the thread's first string
     * and freed by the garbage collector after the thread ends. A call uses it only while it runs
     * (no provider function calls back), so one per thread is enough.
     */
    private static final ThreadLocal<MemorySegment> SCRATCH =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(SLOT * SLOTS, 8));

    final FfmLibrary library;
    /** Whether the functions of {@link FfmDirect#FUNCTIONS} go through libtapibridge's C guard. */
    final boolean critical;
    final String description;
    final Guard guard;
    private final AtomicLong live = new AtomicLong();

    FfmMemory(FfmLibrary library, String description) {
        this.library = library;
        this.critical = library.critical;
        this.description = description;
        this.guard = new Guard("FFM backend (" + description + ")");
    }

    // ---- strings ---------------------------------------------------------------------------

    /**
     * Encodes a string as NUL-terminated UTF-16LE into slot {@code slot} of this thread's scratch,
     * checked as the JNI bridge checks it; null is {@code NULL}.
     *
     * @return the native address of the string, or 0
     * @throws IllegalArgumentException as {@link TapiStrings#check}
     */
    static long wide(String s, String what, int slot) {
        if (s == null) {
            return 0;
        }
        TapiStrings.check(s, what);
        MemorySegment scratch = SCRATCH.get();
        long base = slot * SLOT;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            scratch.set(UTF16LE, base + 2L * i, s.charAt(i));
        }
        scratch.set(UTF16LE, base + 2L * n, '\0');
        return scratch.address() + base;
    }

    /** NUL-terminated UTF-8 for the simulator's control API, checked and placed as {@link #wide}. */
    static long utf8(String s, String what, int slot) {
        if (s == null) {
            return 0;
        }
        TapiStrings.check(s, what);
        byte[] text = s.getBytes(StandardCharsets.UTF_8); // at most 3 bytes per UTF-16 unit: fits a slot
        MemorySegment scratch = SCRATCH.get();
        long base = slot * SLOT;
        MemorySegment.copy(text, 0, scratch, ValueLayout.JAVA_BYTE, base, text.length);
        scratch.set(ValueLayout.JAVA_BYTE, base + text.length, (byte) 0);
        return scratch.address() + base;
    }

    static void requireAddress(long address) {
        if (address == 0) {
            throw new IllegalArgumentException("NULL address");
        }
    }

    // ---- the backend -----------------------------------------------------------------------

    @Override
    public String name() {
        guard.ensureOpen();
        return "FFM";
    }

    @Override
    public String providerDescription() {
        guard.ensureOpen();
        return description;
    }

    @Override
    public String toString() {
        return "FfmBackend[" + description + (guard.isClosed() ? ", closed]" : "]");
    }

    /**
     * Waits for the calls in progress, then refuses every call. Idempotent: the first close runs
     * {@link #released()}. Blocks while a call is running: shut down every application whose
     * thread waits in {@code lineGetMessage} first.
     */
    @Override
    public void close() {
        if (guard.close()) {
            guard.awaitQuiescent();
            released();
        }
    }

    /** Run once by the first {@link #close()}, after the last call through this backend. */
    abstract void released();

    // ---- memory --------------------------------------------------------------------------

    @Override
    public long allocate(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("cannot allocate " + size + " bytes");
        }
        GuardRecord held = guard.enter();
        try {
            long p = (long) Downcalls.CALLOC.invokeExact(1L, Math.max(size, 1L));
            if (p == 0) {
                throw new OutOfMemoryError("native memory: " + size + " bytes");
            }
            live.incrementAndGet();
            return p;
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public void free(long address) {
        GuardRecord held = guard.enter();
        try {
            if (address != 0) {
                Downcalls.FREE.invokeExact(address);
                live.decrementAndGet();
            }
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public long liveAllocations() {
        guard.ensureOpen();
        return live.get();
    }

    @Override
    public int getInt(long address) {
        requireAddress(address);
        GuardRecord held = guard.enter();
        try {
            return ALL.get(INT, address);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public void putInt(long address, int value) {
        requireAddress(address);
        GuardRecord held = guard.enter();
        try {
            ALL.set(INT, address, value);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public void read(long address, byte[] dst, int offset, int length) {
        requireAddress(address);
        Objects.checkFromIndexSize(offset, length, dst.length);
        GuardRecord held = guard.enter();
        try {
            MemorySegment.copy(ALL, ValueLayout.JAVA_BYTE, address, dst, offset, length);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public void write(long address, byte[] src, int offset, int length) {
        requireAddress(address);
        Objects.checkFromIndexSize(offset, length, src.length);
        GuardRecord held = guard.enter();
        try {
            MemorySegment.copy(src, offset, ALL, ValueLayout.JAVA_BYTE, address, length);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public ByteBuffer view(long address, int size) {
        requireAddress(address);
        if (size < 0) {
            throw new IllegalArgumentException("view of " + size + " bytes");
        }
        GuardRecord held = guard.enter();
        try {
            return MemorySegment.ofAddress(address).reinterpret(size).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        } finally {
            guard.exit(held);
        }
    }
}
