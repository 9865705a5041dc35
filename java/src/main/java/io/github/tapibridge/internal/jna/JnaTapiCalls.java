package io.github.tapibridge.internal.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.Layout;
import io.github.tapibridge.internal.TapiConstants;
import io.github.tapibridge.internal.TapiStrings;
import io.github.tapibridge.spi.TapiBackend;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The guard, the native memory and the TAPI functions of {@link JnaBackend}: the half of the
 * backend that every provider has. {@link JnaCallControl} adds the optional call control
 * functions, {@link JnaBackend} how a provider is opened, the
 * simulator's control functions and the probes of the C side.
 */
abstract class JnaTapiCalls implements TapiBackend {

    final TapiFunctions tapi;
    final SimFunctions sim;
    /** What the event pump's drain spins on, or null (it then blocks at once). */
    private final ActivityFunctions activity;
    private final AtomicLong live = new AtomicLong();
    /** One fence per call (see Guard), against a JNA call's hundred nanoseconds. */
    private final Guard guard;

    JnaTapiCalls(DirectBinding binding, String description) {
        this.tapi = binding.tapi;
        this.sim = binding.sim;
        this.activity = binding.activity;
        this.guard = new Guard("The JNA backend for " + description);
    }

    // ---- guard ---------------------------------------------------------------------------

    void enter() {
        guard.enter();
    }

    void exit() {
        guard.exit();
    }

    static void requireAddress(long address) {
        if (address == 0) {
            throw new IllegalArgumentException("NULL address");
        }
    }

    /** NUL-terminated UTF-16, checked as the JNI bridge checks it; null stays null. */
    static char[] wide(String s, String what) {
        if (s == null) {
            return null;
        }
        TapiStrings.check(s, what);
        char[] w = new char[s.length() + 1];
        s.getChars(0, s.length(), w, 0);
        return w;
    }

    /** NUL-terminated UTF-8 for the simulator's control API, checked as {@link #wide}. */
    static byte[] utf8(String s, String what) {
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

    /**
     * As the interface's default, inside one entry of the guard for the whole batch, and with
     * the JNI bridge's spin ({@code tb_get_messages}) run here in Java, on
     * {@code tapisim_activity} where the library exports it.
     */
    @Override
    public int lineGetMessages(int hLineApp, long lpMessages, int count, int dwTimeout,
                               int spinMicros) {
        if (count < 1) {
            throw new IllegalArgumentException("count: " + count + ", at least 1");
        }
        if (spinMicros < 0) {
            throw new IllegalArgumentException("spinMicros: " + spinMicros + ", at least 0");
        }
        enter();
        try {
            int r = spinMicros > 0 && dwTimeout == TapiConstants.INFINITE && activity != null
                    ? spinThenGet(hLineApp, lpMessages, spinMicros)
                    : tapi.lineGetMessage(hLineApp, lpMessages, dwTimeout);
            if (r != 0) {
                return r;
            }
            int n = 1;
            while (n < count && tapi.lineGetMessage(hLineApp, lpMessages + (long) n * Layout.LINEMESSAGE_SIZE, 0) == 0) {
                n++;
            }
            return n;
        } finally {
            exit();
        }
    }

    /** Takes with timeout 0 while the activity word changes, for up to spinMicros; then blocks. */
    private int spinThenGet(int hLineApp, long lpMessage, int spinMicros) {
        long deadline = 0;
        for (;;) {
            int seen = activity.tapisim_activity(); // before the take: no change is missed
            int r = tapi.lineGetMessage(hLineApp, lpMessage, 0);
            if (r != TapiConstants.LINEERR_OPERATIONFAILED) {
                return r; // a message, or an error
            }
            if (deadline == 0) {
                deadline = System.nanoTime() + spinMicros * 1000L;
            }
            while (activity.tapisim_activity() == seen) {
                if (System.nanoTime() - deadline >= 0) {
                    return tapi.lineGetMessage(hLineApp, lpMessage, TapiConstants.INFINITE);
                }
                Thread.onSpinWait();
            }
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

    /**
     * Waits for the calls in progress, then refuses every call. Idempotent: the first close runs
     * {@link #released()}.
     */
    @Override
    public void close() {
        if (guard.close()) {
            guard.awaitQuiescent();
            released();
        }
    }

    /** Run once by the first {@link #close()}, after the last call through this backend. */
    void released() {
    }
}
