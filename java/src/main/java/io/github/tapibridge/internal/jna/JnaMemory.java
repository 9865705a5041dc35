package io.github.tapibridge.internal.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.TapiStrings;
import io.github.tapibridge.spi.TapiBackend;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The guard and the native memory of {@link JnaBackend}: every call of the backend runs inside
 * one {@link Guard}, and native memory comes from {@code Native.malloc}, counted.
 * {@link JnaTapiCalls} adds the TAPI functions.
 */
abstract class JnaMemory implements TapiBackend {

    private final AtomicLong live = new AtomicLong();
    /** One fence per call (see Guard), against a JNA call's hundred nanoseconds. */
    final Guard guard;

    JnaMemory(String description) {
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
}
