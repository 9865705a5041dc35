package io.github.tapibridge.internal.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.github.tapibridge.internal.NativeLibraries;
import io.github.tapibridge.internal.TapiStrings;
import io.github.tapibridge.spi.TapiBackend;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link TapiBackend} over JNA direct mapping: no compiled bridge, so on Windows it needs only
 * {@code tapi32.dll}. Native memory comes from {@code Native.malloc}; strings cross as UTF-16
 * {@code char[]}. Requires a 64-bit JVM (pointers are passed as {@code long}).
 *
 * <p>The provider library is loaded and bound once per process and stays loaded ({@link
 * DirectBinding}): opening another backend on the same file binds nothing again, so opening and
 * closing backends costs no memory. Each backend keeps its own allocation count and closed state.
 *
 * <p>Strings are checked as the JNI bridge checks them (at most {@value TapiStrings#MAX_LENGTH}
 * UTF-16 units, no U+0000), with the same messages, so that no string is cut short.
 *
 * <p>Thread-safe. {@link #close()} waits for calls in progress; a thread blocked in {@link
 * #lineGetMessage} must first be woken by {@code lineShutdown}.
 */
public final class JnaBackend implements TapiBackend {

    private final String description;
    private final TapiFunctions tapi;
    private final SimFunctions sim;
    private final AtomicLong live = new AtomicLong();
    private final ReadWriteLock guard = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private JnaBackend(String description, String path) {
        if (Native.POINTER_SIZE != 8) {
            throw new UnsupportedOperationException("The JNA backend needs a 64-bit JVM");
        }
        DirectBinding binding = DirectBinding.of(path);
        this.description = description;
        this.tapi = binding.tapi;
        this.sim = binding.sim;
    }

    /** The simulator bundled with tapibridge. */
    public static JnaBackend openSimulator() {
        Path path = NativeLibraries.simulatorPath();
        return new JnaBackend("simulator " + path, path.toString());
    }

    /**
     * Windows {@code tapi32.dll}, by full path from the system directory that Windows reports
     * ({@code GetSystemDirectoryW}), so no other folder of the DLL search order is consulted.
     *
     * @return a backend bound to the system TAPI
     * @throws UnsupportedOperationException if this is not Windows
     * @throws IllegalStateException if Windows does not report its system directory
     * @throws UnsatisfiedLinkError if {@code tapi32.dll} cannot be loaded from it
     */
    public static JnaBackend openSystem() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new UnsupportedOperationException("The system TAPI provider (tapi32.dll) exists only on Windows");
        }
        String path = SystemTapi.tapi32Path();
        return new JnaBackend("system " + path, path);
    }

    /** Any library exporting the TAPI 2.x W functions. */
    public static JnaBackend openLibrary(Path path) {
        Objects.requireNonNull(path, "path");
        return new JnaBackend("library " + path, path.toAbsolutePath().toString());
    }

    @Override
    public String name() {
        return "JNA";
    }

    @Override
    public String providerDescription() {
        return description;
    }

    // ---- guard ---------------------------------------------------------------------------

    private void enter() {
        guard.readLock().lock();
        if (closed) {
            guard.readLock().unlock();
            throw new IllegalStateException("The JNA backend for " + description + " is closed");
        }
    }

    private void exit() {
        guard.readLock().unlock();
    }

    private static void requireAddress(long address) {
        if (address == 0) {
            throw new IllegalArgumentException("NULL address");
        }
    }

    /** NUL-terminated UTF-16, checked as the JNI bridge checks it; null stays null. */
    private static char[] wide(String s, String what) {
        if (s == null) {
            return null;
        }
        TapiStrings.check(s, what);
        char[] w = new char[s.length() + 1];
        s.getChars(0, s.length(), w, 0);
        return w;
    }

    /** NUL-terminated UTF-8 for the simulator's control API, checked as {@link #wide}. */
    private static byte[] utf8(String s, String what) {
        if (s == null) {
            return null;
        }
        TapiStrings.check(s, what);
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[text.length + 1];
        System.arraycopy(text, 0, b, 0, text.length);
        return b;
    }

    // ---- memory --------------------------------------------------------------------------

    @Override
    public long allocate(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        enter();
        try {
            long p = Native.malloc(size);
            if (p == 0) {
                throw new OutOfMemoryError("native allocation of " + size + " bytes failed");
            }
            new Pointer(p).setMemory(0, size, (byte) 0);
            live.incrementAndGet();
            return p;
        } finally {
            exit();
        }
    }

    @Override
    public void free(long address) {
        if (address == 0) {
            return;
        }
        enter();
        try {
            Native.free(address);
            live.decrementAndGet();
        } finally {
            exit();
        }
    }

    @Override
    public long liveAllocations() {
        return live.get();
    }

    @Override
    public int getInt(long address) {
        requireAddress(address);
        enter();
        try {
            return new Pointer(address).getInt(0);
        } finally {
            exit();
        }
    }

    @Override
    public void putInt(long address, int value) {
        requireAddress(address);
        enter();
        try {
            new Pointer(address).setInt(0, value);
        } finally {
            exit();
        }
    }

    @Override
    public void read(long address, byte[] dst, int offset, int length) {
        requireAddress(address);
        Objects.checkFromIndexSize(offset, length, dst.length);
        enter();
        try {
            new Pointer(address).read(0, dst, offset, length);
        } finally {
            exit();
        }
    }

    @Override
    public void write(long address, byte[] src, int offset, int length) {
        requireAddress(address);
        Objects.checkFromIndexSize(offset, length, src.length);
        enter();
        try {
            new Pointer(address).write(0, src, offset, length);
        } finally {
            exit();
        }
    }

    @Override
    public ByteBuffer view(long address, int size) {
        requireAddress(address);
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
        enter();
        try {
            return new Pointer(address).getByteBuffer(0, size).order(ByteOrder.LITTLE_ENDIAN);
        } finally {
            exit();
        }
    }

    // ---- TAPI ----------------------------------------------------------------------------

    @Override
    public int lineInitializeExW(long lphLineApp, long hInstance, String name, long lpdwNumDevs,
                                 long lpdwAPIVersion, long lpParams) {
        enter();
        try {
            return tapi.lineInitializeExW(lphLineApp, hInstance, 0, wide(name, "lpszFriendlyAppName"),
                    lpdwNumDevs, lpdwAPIVersion, lpParams);
        } finally {
            exit();
        }
    }

    @Override
    public int lineShutdown(int hLineApp) {
        enter();
        try {
            return tapi.lineShutdown(hLineApp);
        } finally {
            exit();
        }
    }

    @Override
    public int lineNegotiateAPIVersion(int hLineApp, int dev, int lo, int hi, long lpdwAPIVersion, long lpExt) {
        enter();
        try {
            return tapi.lineNegotiateAPIVersion(hLineApp, dev, lo, hi, lpdwAPIVersion, lpExt);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetDevCapsW(int hLineApp, int dev, int version, int ext, long lpLineDevCaps) {
        enter();
        try {
            return tapi.lineGetDevCapsW(hLineApp, dev, version, ext, lpLineDevCaps);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetAddressCapsW(int hLineApp, int dev, int address, int version, int ext, long lpAddressCaps) {
        enter();
        try {
            return tapi.lineGetAddressCapsW(hLineApp, dev, address, version, ext, lpAddressCaps);
        } finally {
            exit();
        }
    }

    @Override
    public int lineOpenW(int hLineApp, int dev, long lphLine, int version, int ext, long instance,
                         int privileges, int mediaModes, long lpCallParams) {
        enter();
        try {
            return tapi.lineOpenW(hLineApp, dev, lphLine, version, ext, instance, privileges, mediaModes, lpCallParams);
        } finally {
            exit();
        }
    }

    @Override
    public int lineClose(int hLine) {
        enter();
        try {
            return tapi.lineClose(hLine);
        } finally {
            exit();
        }
    }

    @Override
    public int lineSetStatusMessages(int hLine, int lineStates, int addressStates) {
        enter();
        try {
            return tapi.lineSetStatusMessages(hLine, lineStates, addressStates);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetLineDevStatusW(int hLine, long lpLineDevStatus) {
        enter();
        try {
            return tapi.lineGetLineDevStatusW(hLine, lpLineDevStatus);
        } finally {
            exit();
        }
    }

    @Override
    public int lineMakeCallW(int hLine, long lphCall, String dest, int countryCode, long lpCallParams) {
        enter();
        try {
            return tapi.lineMakeCallW(hLine, lphCall, wide(dest, "lpszDestAddress"), countryCode, lpCallParams);
        } finally {
            exit();
        }
    }

    @Override
    public int lineAnswer(int hCall, long lpsUserUserInfo, int dwSize) {
        enter();
        try {
            return tapi.lineAnswer(hCall, lpsUserUserInfo, dwSize);
        } finally {
            exit();
        }
    }

    @Override
    public int lineDrop(int hCall, long lpsUserUserInfo, int dwSize) {
        enter();
        try {
            return tapi.lineDrop(hCall, lpsUserUserInfo, dwSize);
        } finally {
            exit();
        }
    }

    @Override
    public int lineDeallocateCall(int hCall) {
        enter();
        try {
            return tapi.lineDeallocateCall(hCall);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetCallInfoW(int hCall, long lpCallInfo) {
        enter();
        try {
            return tapi.lineGetCallInfoW(hCall, lpCallInfo);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetCallStatus(int hCall, long lpCallStatus) {
        enter();
        try {
            return tapi.lineGetCallStatus(hCall, lpCallStatus);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout) {
        enter();
        try {
            return tapi.lineGetMessage(hLineApp, lpMessage, dwTimeout);
        } finally {
            exit();
        }
    }

    @Override
    public int lineCompleteCall(int hCall, long lpdwCompletionID, int mode, int messageId) {
        enter();
        try {
            return tapi.lineCompleteCall(hCall, lpdwCompletionID, mode, messageId);
        } finally {
            exit();
        }
    }

    @Override
    public int lineUncompleteCall(int hLine, int completionId) {
        enter();
        try {
            return tapi.lineUncompleteCall(hLine, completionId);
        } finally {
            exit();
        }
    }

    // ---- simulator control ---------------------------------------------------------------

    @Override
    public boolean hasSimulatorControl() {
        return sim != null;
    }

    private SimFunctions sim() {
        if (sim == null) {
            throw new UnsupportedOperationException(description + " has no simulator control functions");
        }
        return sim;
    }

    @Override
    public int tapisimReset() {
        enter();
        try {
            return sim().tapisim_reset();
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetStation(String number, int state) {
        enter();
        try {
            return sim().tapisim_set_station(utf8(number, "number"), state);
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimAdvance(int ms) {
        enter();
        try {
            return sim().tapisim_advance(ms);
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimNow() {
        enter();
        try {
            return sim().tapisim_now();
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimFailNext(String function, int lineerr) {
        enter();
        try {
            return sim().tapisim_fail_next(utf8(function, "function"), lineerr);
        } finally {
            exit();
        }
    }

    // ---- topology ---------------------------------------------------------------------

    @Override
    public int tapisimSetLines(int count) {
        enter();
        try {
            return sim().tapisim_set_lines(count);
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetLine(int deviceId, String number, String name) {
        enter();
        try {
            return sim().tapisim_set_line(deviceId, utf8(number, "number"), utf8(name, "name"));
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetCompletionCaps(int deviceId, int maxCompletions, int modes, int conditions) {
        enter();
        try {
            return sim().tapisim_set_completion_caps(deviceId, maxCompletions, modes, conditions);
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetCompletionMessages(int deviceId, String texts) {
        enter();
        try {
            return sim().tapisim_set_completion_messages(deviceId, utf8(texts, "texts"));
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetOption(String name, int value) {
        enter();
        try {
            return sim().tapisim_set_option(utf8(name, "name"), value);
        } finally {
            exit();
        }
    }

    @Override
    public String tapisimTrace() {
        enter();
        try {
            SimFunctions s = sim();
            long needed = Native.malloc(4);
            if (needed == 0) {
                throw new OutOfMemoryError("native allocation failed");
            }
            try {
                for (;;) {
                    s.tapisim_trace(0, 0, needed);
                    int size = new Pointer(needed).getInt(0);
                    long buf = Native.malloc(size);
                    if (buf == 0) {
                        throw new OutOfMemoryError("native allocation of " + size + " bytes failed");
                    }
                    try {
                        if (s.tapisim_trace(buf, size, needed) == 0) {
                            byte[] text = new byte[size - 1];
                            new Pointer(buf).read(0, text, 0, text.length);
                            return new String(text, StandardCharsets.UTF_8);
                        }
                    } finally {
                        Native.free(buf);
                    }
                }
            } finally {
                Native.free(needed);
            }
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimTraceClear() {
        enter();
        try {
            return sim().tapisim_trace_clear();
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimPostMessages(int hLineApp, int count) {
        enter();
        try {
            return sim().tapisim_post_messages(hLineApp, count);
        } finally {
            exit();
        }
    }

    // ---- waiting for the event pump -------------------------------------------------------

    @Override
    public int tapisimSync(int hLineApp, int token) {
        enter();
        try {
            return sim().tapisim_sync(hLineApp, token);
        } finally {
            exit();
        }
    }

    // ---- simulator: remote stations driven by the test ----------------------------------------

    @Override
    public long tapisimRemoteCall(String from, String fromName, String to) {
        byte[] f = utf8(from, "from");
        byte[] n = utf8(fromName, "fromName");
        byte[] t = utf8(to, "to");
        enter();
        try {
            long callId = Native.malloc(4);
            try {
                int r = sim().tapisim_remote_call(f, n, t, callId);
                return r < 0 ? r : Integer.toUnsignedLong(new Pointer(callId).getInt(0));
            } finally {
                Native.free(callId);
            }
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimRemoteAnswer(String number) {
        byte[] s = utf8(number, "number");
        enter();
        try {
            return sim().tapisim_remote_answer(s);
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimRemoteHangup(String number) {
        byte[] s = utf8(number, "number");
        enter();
        try {
            return sim().tapisim_remote_hangup(s);
        } finally {
            exit();
        }
    }

    // ---- probes of the C side (tests compare Java's tables against them) -------------------

    /**
     * The value of a TAPI constant as the simulator was compiled ({@code tapisim_constant}).
     *
     * @return the value, or empty if the simulator does not know the name
     */
    public java.util.OptionalInt probeConstant(String name) {
        Objects.requireNonNull(name, "name");
        enter();
        try {
            long out = Native.malloc(4);
            try {
                return sim().tapisim_constant(utf8(name, "name"), out) == 0
                        ? java.util.OptionalInt.of(new Pointer(out).getInt(0)) : java.util.OptionalInt.empty();
            } finally {
                Native.free(out);
            }
        } finally {
            exit();
        }
    }

    /**
     * Offset and size of a structure field as the simulator was compiled ({@code
     * tapisim_layout}); a {@code null} field gives {@code {0, sizeof(type)}}.
     *
     * @return {@code {offset, size}}, or {@code null} if the simulator does not know the names
     */
    public int[] probeLayout(String type, String field) {
        Objects.requireNonNull(type, "type");
        enter();
        try {
            long out = Native.malloc(8);
            try {
                if (sim().tapisim_layout(utf8(type, "type"), utf8(field, "field"), out, out + 4) != 0) {
                    return null;
                }
                Pointer p = new Pointer(out);
                return new int[] { p.getInt(0), p.getInt(4) };
            } finally {
                Native.free(out);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void close() {
        guard.writeLock().lock();
        try {
            closed = true;
        } finally {
            guard.writeLock().unlock();
        }
    }
}
