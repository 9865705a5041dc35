package io.github.tapibridge.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The private copy of the simulator library behind one isolated switch
 * ({@code Simulator.create()}), and the count of the backends open on it.
 *
 * <p>Why a copy of the library rather than a switch handle inside it: the simulator mirrors
 * {@code tapi32.dll}, whose entry points carry no switch ({@code lineInitializeExW} has nothing
 * to name one), so a handle would need entry points of our own beside TAPI's, and every backend
 * and every provider library would have to know them. A loader maps each copy with its own
 * globals, so a copy is a whole switch (its clock, stations, applications, trace, lock and clock
 * thread) with the TAPI interface unchanged, and switches never contend for one lock. The cost is
 * a file copy and a load per switch (see the benchmarks), and a copy must be quiesced before its
 * last backend closes, which unmaps it ({@code native/jni/provider.h}).
 *
 * <p>Life: {@link #create()} copies the library; each backend opened on it {@link #acquire()}s
 * and, once closed, {@link #release()}s it; {@link #close()} refuses new backends. When it is
 * closed and the last backend has been released, the copy is deleted. Thread-safe.
 */
public final class IsolatedLibrary {

    private static final System.Logger LOG = System.getLogger(IsolatedLibrary.class.getName());
    private static final AtomicLong NEXT = new AtomicLong();

    private final long number;
    private final Path file;
    /** Guarded by this. */
    private int backends;
    /** Guarded by this. */
    private boolean closed;

    private IsolatedLibrary(long number, Path file) {
        this.number = number;
        this.file = file;
    }

    /**
     * Copies the simulator library for a new switch.
     *
     * @return the copy, open
     * @throws UnsatisfiedLinkError if the simulator library cannot be found
     * @throws java.io.UncheckedIOException if it cannot be copied
     */
    public static IsolatedLibrary create() {
        long n = NEXT.incrementAndGet();
        return new IsolatedLibrary(n, NativeLibraries.isolatedCopy(n));
    }

    /** @return the number of this switch in the process, from 1 */
    public long number() {
        return number;
    }

    /** @return the private copy of the library */
    public Path file() {
        return file;
    }

    /**
     * Counts a backend about to be opened on the copy.
     *
     * @throws IllegalStateException if the switch is closed
     */
    public synchronized void acquire() {
        if (closed) {
            throw new IllegalStateException("Isolated switch #" + number + " is closed");
        }
        backends++;
    }

    /** A backend counted by {@link #acquire()} has closed (or failed to open). */
    public void release() {
        synchronized (this) {
            if (--backends > 0 || !closed) {
                return;
            }
        }
        delete();
    }

    /**
     * Refuses new backends; the copy is deleted once the last backend is released.
     *
     * @return false if it was closed already
     */
    public boolean close() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            if (backends > 0) {
                return true;
            }
        }
        delete();
        return true;
    }

    /** @return whether {@link #close()} was called */
    public synchronized boolean isClosed() {
        return closed;
    }

    private void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            // A later process's clean-up of stale extraction directories deletes it.
            LOG.log(Level.DEBUG, "cannot delete {0}: {1}", file, e);
        }
    }

    @Override
    public String toString() {
        return "isolated switch #" + number;
    }
}
