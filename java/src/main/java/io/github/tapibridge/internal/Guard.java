package io.github.tapibridge.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lifecycle guard of one native object (a TAPI application, line or call): every native call
 * made for the object runs between {@link #enter()} and {@link #exit()}, so that {@link #close()}
 * can refuse new calls and then wait, in {@link #awaitQuiescent()}, until the calls already running
 * have returned, before the handle is released.
 *
 * <p>The state is one atomic integer: the sign bit is "closed", the other bits count the calls in
 * flight. {@code enter} and {@code exit} are lock-free; only a closing thread waits. Calls in
 * flight never block on anything this library holds, so the wait is bounded by the duration of a
 * native call. A thread must not wait for a guard it is itself inside (it would wait forever);
 * the library never calls user code (listeners, future callbacks) inside a guard.
 */
public final class Guard {

    private static final int CLOSED = Integer.MIN_VALUE;
    private static final int COUNT = Integer.MAX_VALUE;

    private final String name;
    private final AtomicInteger state = new AtomicInteger();

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
     * Counts a call in flight.
     *
     * @throws IllegalStateException if the guard is closed
     */
    public void enter() {
        for (;;) {
            int s = state.get();
            if (s < 0) {
                throw closedException();
            }
            if (state.compareAndSet(s, s + 1)) {
                return;
            }
        }
    }

    /** Ends a call counted by {@link #enter()}; call it in a {@code finally} block. */
    public void exit() {
        int s = state.decrementAndGet();
        if (s == CLOSED) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Enters several guards in order; if one is closed, exits those entered and rethrows.
     *
     * @param guards the guards, outermost first
     * @throws IllegalStateException if one of them is closed
     */
    public static void enterAll(Guard... guards) {
        int i = 0;
        try {
            for (; i < guards.length; i++) {
                guards[i].enter();
            }
        } catch (RuntimeException e) {
            while (--i >= 0) {
                guards[i].exit();
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
        for (int i = guards.length - 1; i >= 0; i--) {
            guards[i].exit();
        }
    }

    /**
     * Closes the guard: every later {@link #enter()} throws.
     *
     * @return true if this call closed it, false if it was already closed
     */
    public boolean close() {
        for (;;) {
            int s = state.get();
            if (s < 0) {
                return false;
            }
            if (state.compareAndSet(s, s | CLOSED)) {
                return true;
            }
        }
    }

    /**
     * Waits until no call is in flight. Call it after {@link #close()}. Not interruptible: the
     * interrupt status is kept and restored, since releasing a handle under a running native call
     * would be unsafe.
     */
    public void awaitQuiescent() {
        if ((state.get() & COUNT) == 0) {
            return;
        }
        boolean interrupted = false;
        synchronized (this) {
            while ((state.get() & COUNT) != 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
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
        return state.get() < 0;
    }

    /**
     * Throws IllegalStateException if the guard is closed.
     *
     * @throws IllegalStateException if closed
     */
    public void ensureOpen() {
        if (state.get() < 0) {
            throw closedException();
        }
    }

    /**
     * Number of calls in flight, for tests.
     *
     * @return the count
     */
    public int inFlight() {
        return state.get() & COUNT;
    }

    private IllegalStateException closedException() {
        return new IllegalStateException(name + " is closed");
    }

    @Override
    public String toString() {
        return name + (isClosed() ? " (closed)" : "") + ", " + inFlight() + " in flight";
    }
}
