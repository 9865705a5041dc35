package io.github.tapibridge.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The lifecycle guard of one native object (a TAPI application, line or call, or a backend's
 * provider): every native call made for the object runs between {@link #enter()} and
 * {@link #exit()}, so that {@link #close()} can refuse new calls and then wait, in
 * {@link #awaitQuiescent()}, until the calls already running have returned, before the handle is
 * released.
 *
 * <p>Entering writes nothing another thread writes: the guard is pushed onto the calling thread's
 * own {@linkplain GuardRecord record} (a short stack of the guards it is inside) with a release
 * store, followed by one full fence, and then the guard's {@code closed} flag is read. Exiting is
 * one release store. The closing side pays instead: it sets the flag (a volatile write) and then
 * reads every thread's record until none holds the guard. Either the closer sees the entering
 * thread's push, and waits for its exit, or the entering thread sees the flag, and backs out; the
 * two fences order each side's write before its read (the Dekker pattern), so both cannot miss
 * the other. So calls on one object from several threads (a caller and the event pump) never
 * contend for a cache line, and a call costs one fence and a thread-local lookup (two when the
 * caller does not hand {@link #enter()}'s result to {@link #exit(GuardRecord)}); the old counter
 * of calls in flight cost two locked read-modify-writes of a line every caller shared.
 * See {@code docs/architecture.md}, "The guards".
 *
 * <p>A thread must not wait for a guard it is itself inside (it would wait forever); the library
 * never calls user code (listeners, future callbacks) inside a guard. {@link #exit()} must run on
 * the thread that entered (a {@code finally} block); nesting deeper than a record holds falls back
 * to a shared counter.
 */
public final class Guard {

    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(Guard.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Longest wait of a closer between two looks at the records, in nanoseconds. */
    private static final long MAX_PARK_NANOS = 1_000_000;

    private final String name;
    private volatile boolean closed;
    /** Calls that entered while their thread's record was full. */
    private final AtomicInteger overflow = new AtomicInteger();
    /** The thread in {@link #awaitQuiescent()}, unparked by the exit of a call in flight. */
    private volatile Thread closer;

    /**
     * Creates an open guard.
     *
     * @param name what it guards, for the message of the IllegalStateException after close, for
     *        example {@code "Line 0"}
     */
    public Guard(String name) {
        this.name = name;
    }

    /**
     * Counts a call in flight on the calling thread.
     *
     * @return the calling thread's record, for {@link #exit(GuardRecord)} (which spares looking
     *         it up again), or null if the call was counted apart
     * @throws IllegalStateException if the guard is closed
     */
    public GuardRecord enter() {
        GuardRecord r = GuardRecord.current();
        if (!r.push(this)) {
            enterOverflow();
            return null;
        }
        VarHandle.fullFence();
        if (closed) {
            r.pop(this);
            wakeCloser(); // it may have seen the push
            throw closedException();
        }
        return r;
    }

    private void enterOverflow() {
        overflow.incrementAndGet(); // a full fence too
        if (closed) {
            overflow.decrementAndGet();
            wakeCloser();
            throw closedException();
        }
    }

    /** Ends a call counted by {@link #enter()} on this thread; call it in a {@code finally} block. */
    public void exit() {
        exit(GuardRecord.current());
    }

    /**
     * Ends a call counted by {@link #enter()} on this thread, given what it returned.
     *
     * @param entered the result of {@link #enter()}
     */
    public void exit(GuardRecord entered) {
        if (entered == null || !entered.pop(this)) {
            overflow.decrementAndGet();
        }
        if (closed) {
            wakeCloser();
        }
    }

    private void wakeCloser() {
        Thread t = closer;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Enters several guards in order, with one fence for all; if one is closed, exits those
     * entered and throws.
     *
     * @param guards the guards, outermost first
     * @throws IllegalStateException if one of them is closed
     */
    public static void enterAll(Guard... guards) {
        GuardRecord r = GuardRecord.current();
        int pushed = 0;
        while (pushed < guards.length && r.push(guards[pushed])) {
            pushed++;
        }
        VarHandle.fullFence();
        int i = 0;
        try {
            for (; i < pushed; i++) {
                if (guards[i].closed) {
                    throw guards[i].closedException();
                }
            }
            for (; i < guards.length; i++) {
                guards[i].enterOverflow();
            }
        } catch (RuntimeException e) {
            for (int j = guards.length - 1; j >= 0; j--) {
                if (j < pushed) {
                    r.pop(guards[j]);
                } else if (j < i) {
                    guards[j].overflow.decrementAndGet();
                } else {
                    continue;
                }
                if (guards[j].closed) {
                    guards[j].wakeCloser(); // it may have seen the entry
                }
            }
            throw e;
        }
    }

    /**
     * Exits guards entered with {@link #enterAll}, in reverse order.
     *
     * @param guards the same guards, in the same order
     */
    public static void exitAll(Guard... guards) {
        GuardRecord r = GuardRecord.current();
        for (int i = guards.length - 1; i >= 0; i--) {
            Guard g = guards[i];
            if (!r.pop(g)) {
                g.overflow.decrementAndGet();
            }
            if (g.closed) {
                g.wakeCloser();
            }
        }
    }

    /**
     * Closes the guard: every later {@link #enter()} throws.
     *
     * @return true if this call closed it, false if it was already closed
     */
    public boolean close() {
        return CLOSED.compareAndSet(this, false, true);
    }

    /**
     * Waits until no call is in flight. Call it after {@link #close()}. Not interruptible: the
     * interrupt status is kept and restored, since releasing a handle under a running native call
     * would be unsafe.
     */
    public void awaitQuiescent() {
        if (inFlight() == 0) {
            return;
        }
        boolean interrupted = false;
        closer = Thread.currentThread();
        try {
            long park = 1_000;
            while (inFlight() != 0) {
                // An exit unparks this thread; the timeout covers an exit that read the flag
                // before this thread set it, and so did not know to.
                LockSupport.parkNanos(this, park);
                park = Math.min(park * 2, MAX_PARK_NANOS);
                interrupted |= Thread.interrupted();
            }
        } finally {
            closer = null;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Tells whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Throws IllegalStateException if the guard is closed.
     *
     * @throws IllegalStateException if closed
     */
    public void ensureOpen() {
        if (closed) {
            throw closedException();
        }
    }

    /**
     * Number of calls in flight, over every thread's record (the closing side's read).
     *
     * @return the count
     */
    public int inFlight() {
        return GuardRecord.count(this) + overflow.get();
    }

    private IllegalStateException closedException() {
        return new IllegalStateException(name + " is closed");
    }

    @Override
    public String toString() {
        return name + (isClosed() ? " (closed)" : "") + ", " + inFlight() + " in flight";
    }
}
