package io.github.tapibridge.internal;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The {@code LINEINITIALIZEEXOPTION_USEEVENT} events of one provider's applications, for an
 * event pump's drain that spins on them: the Java twin of the JNI bridge's table
 * ({@code native/jni/provider.c}), for the backends that call {@code lineInitializeExW} from Java
 * (JNA, and FFM on every library but the bundled simulator). {@code tapi32.dll} has no activity
 * word to watch, but it keeps each application's {@code hEvent} signalled exactly while the
 * application has messages queued; see {@code docs/architecture.md}, "The event pump's spin".
 *
 * <p>When {@code lineInitializeExW} succeeds with that option, {@link #initialized} records the
 * application's event: it keeps a duplicate of its own that can only be waited on (so the drain
 * can never set or reset the event, and TAPI closing its handle cannot leave a drain polling a
 * closed or reused one). At most {@link #CAPACITY} applications are recorded; past that, or when
 * the duplicate cannot be made, an application's drain blocks at once, without an error. A drain
 * holds its application's entry with {@link #enter} and {@link #leave} and polls it with
 * {@link #await}; {@link #shutdown} after {@code lineShutdown} forgets the application, ends the
 * spin of a drain polling it, waits for that drain to stop polling and closes the duplicate.
 *
 * <p>Thread-safe. Entering, polling and leaving take no lock and allocate nothing.
 */
public final class AppEvents {

    /** What the table needs of the system ({@code kernel32.dll} on Windows). */
    public interface Waits {
        /**
         * A duplicate of {@code event} with {@code SYNCHRONIZE} access only, in this process.
         *
         * @param event the application's {@code hEvent}
         * @return the duplicate, or 0 if it cannot be made
         */
        long duplicate(long event);

        /**
         * {@code WaitForSingleObject(handle, 0)}.
         *
         * @param handle a duplicate made by {@link #duplicate}
         * @return {@link #WAIT_OBJECT_0}, {@link #WAIT_TIMEOUT}, or another value for a failure
         */
        int poll(long handle);

        /**
         * Closes a duplicate made by {@link #duplicate}.
         *
         * @param handle the duplicate
         */
        void close(long handle);
    }

    /** A provider's {@code lineGetMessage}, called by {@link #take} inside the caller's guard. */
    @FunctionalInterface
    public interface Taker {
        /**
         * {@code lineGetMessage(hLineApp, lpMessage, dwTimeout)}.
         *
         * @param hLineApp the application
         * @param lpMessage where the message goes
         * @param dwTimeout milliseconds, or {@code INFINITE}
         * @return its result
         */
        int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout);
    }

    /** Applications whose events are recorded; later ones block at once, as in the JNI bridge. */
    public static final int CAPACITY = 16;

    /** {@code WAIT_OBJECT_0}: the event is signalled. */
    public static final int WAIT_OBJECT_0 = 0;
    /** {@code WAIT_TIMEOUT}: it is not. */
    public static final int WAIT_TIMEOUT = 0x102;

    /** {@code LINEINITIALIZEEXOPTION_CALLHUBTRACKING}, ignored beside the event model. */
    private static final int CALLHUBTRACKING = 0x80000000;

    /** Polls between two reads of the clock (each poll is a system call). */
    private static final int POLLS_PER_CLOCK_READ = 32;

    /** One application's event. */
    public static final class Entry {
        /** The application, or 0: a free entry. Written under the table's lock. */
        private volatile int app;
        /** The duplicate; written before {@link #app} publishes it. */
        private long handle;
        /** Drains polling it now. */
        private final AtomicInteger pollers = new AtomicInteger();

        private Entry() {
        }
    }

    private static final System.Logger LOG = System.getLogger("io.github.tapibridge");

    private final Waits waits;
    private final Entry[] entries = new Entry[CAPACITY];
    private final Object lock = new Object();

    /**
     * An empty table.
     *
     * @param waits the system's waits
     */
    public AppEvents(Waits waits) {
        if (waits == null) {
            throw new NullPointerException("waits");
        }
        this.waits = waits;
        for (int i = 0; i < CAPACITY; i++) {
            entries[i] = new Entry();
        }
    }

    /**
     * A backend's binding of kernel32's waits, made on Windows only: elsewhere there are no
     * events to wait on. A binding that fails is logged (a WARNING) and gives null, so that the
     * backend's drain blocks at once, as without the spin. Call it once per backend class.
     *
     * @param backend the backend's name, for the log
     * @param bind binds kernel32
     * @return the waits, or null
     */
    public static Waits windowsWaits(String backend, Supplier<Waits> bind) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return null;
        }
        try {
            return bind.get();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "kernel32 could not be bound: the " + backend
                    + " event pump blocks at once, without a spin", e);
            return null;
        }
    }

    /**
     * Records the event of an application that {@code lineInitializeExW} just initialized, if it
     * asked for the event model and got an event: {@code totalSize} covers {@code Handles}, the
     * options are {@code USEEVENT} (and perhaps {@code CALLHUBTRACKING}), the event is not null.
     * An entry of the same application handle (one that ended without {@link #shutdown}) is
     * replaced.
     *
     * @param hLineApp the application
     * @param totalSize the parameters' {@code dwTotalSize}
     * @param options their {@code dwOptions}
     * @param event their {@code Handles.hEvent}
     */
    public void initialized(int hLineApp, int totalSize, int options, long event) {
        if (hLineApp == 0 || event == 0 || !coversEvent(totalSize)
                || (options & ~CALLHUBTRACKING) != TapiConstants.LINEINITIALIZEEXOPTION_USEEVENT) {
            return;
        }
        long own = waits.duplicate(event);
        if (own == 0) {
            return; // no spin for this application
        }
        synchronized (lock) {
            forget(hLineApp);
            for (Entry e : entries) {
                if (e.app == 0) {
                    e.handle = own;
                    e.app = hLineApp; // publishes the handle to enter()
                    return;
                }
            }
        }
        waits.close(own); // the table is full: this application's drain blocks at once
    }

    /**
     * Whether parameters of this {@code dwTotalSize} reach past {@code Handles.hEvent}: read the
     * options and the event only then.
     *
     * @param totalSize the parameters' {@code dwTotalSize}
     * @return true if it covers the event
     */
    public static boolean coversEvent(int totalSize) {
        return Integer.compareUnsigned(totalSize,
                Layout.LINEINITIALIZEEXPARAMS_HANDLES + Layout.POINTER_SIZE) >= 0;
    }

    /**
     * Forgets an application after {@code lineShutdown}, whatever that returned (a forgotten
     * application that lives on only loses its spin): ends the spin of a drain polling its
     * event, waits until no drain polls it and closes the duplicate. A drain blocked in
     * {@code lineGetMessage} is not waited for.
     *
     * @param hLineApp the application
     */
    public void shutdown(int hLineApp) {
        if (hLineApp == 0) {
            return;
        }
        synchronized (lock) {
            forget(hLineApp);
        }
    }

    /** Forgets every application, as the provider is released. */
    public void clear() {
        synchronized (lock) {
            for (Entry e : entries) {
                int app = e.app;
                if (app != 0) {
                    forget(app);
                }
            }
        }
    }

    /** Empties hLineApp's entry, waits until no drain polls it, closes the duplicate. Lock held. */
    private void forget(int hLineApp) {
        for (Entry e : entries) {
            if (e.app != hLineApp) {
                continue;
            }
            e.app = 0;
            while (e.pollers.get() != 0) {
                Thread.yield(); // a drain leaves within a poll of seeing the entry empty
            }
            waits.close(e.handle);
            e.handle = 0;
            return;
        }
    }

    /**
     * The recorded event of an application, held against {@link #shutdown} until
     * {@link #leave}; or null if none is recorded.
     *
     * @param hLineApp the application
     * @return its entry, or null
     */
    public Entry enter(int hLineApp) {
        if (hLineApp == 0) {
            return null;
        }
        for (Entry e : entries) {
            if (e.app != hLineApp) {
                continue;
            }
            // Counted, then looked at again: either forget() sees the count and waits, or this
            // sees the entry forgotten (both sequentially consistent).
            e.pollers.incrementAndGet();
            if (e.app == hLineApp) {
                return e;
            }
            e.pollers.decrementAndGet();
            return null;
        }
        return null;
    }

    /**
     * Ends a hold of {@link #enter}: before the drain blocks, since {@link #shutdown} waits for
     * the drains that hold the entry.
     *
     * @param e the entry
     */
    public void leave(Entry e) {
        e.pollers.decrementAndGet();
    }

    /**
     * Polls the event between spin-wait hints until it is signalled (true), or the deadline
     * passes or {@link #shutdown} forgets the application (false). An event found signalled
     * after the deadline also answers false, so that an event that stayed signalled over an
     * empty queue cannot keep the drain spinning past it (the blocking take that follows returns
     * at once if a message is queued). Never resets the event.
     *
     * @param e the entry, held with {@link #enter}
     * @param hLineApp its application
     * @param deadlineNanos the end of the spin, on {@link System#nanoTime()}
     * @return whether to take again before the deadline
     */
    public boolean await(Entry e, int hLineApp, long deadlineNanos) {
        for (;;) {
            for (int i = 0; i < POLLS_PER_CLOCK_READ; i++) {
                if (e.app != hLineApp) {
                    return false; // forgotten: shutdown() waits for this drain
                }
                int w = waits.poll(e.handle);
                if (w == WAIT_OBJECT_0) {
                    return System.nanoTime() - deadlineNanos < 0;
                }
                if (w != WAIT_TIMEOUT) {
                    return false; // WAIT_FAILED: block instead
                }
                Thread.onSpinWait();
            }
            if (System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
        }
    }

    /**
     * The first take of a drain ({@code tb_get_messages} of the JNI bridge): with
     * {@code spinMicros} above 0, {@code dwTimeout} {@code INFINITE} and the application's
     * event recorded, takes with timeout 0 and, while the queue is empty, polls the event for up
     * to {@code spinMicros} in all, taking again while it is signalled; then, or at once
     * otherwise, takes with {@code dwTimeout}. The spin changes when the take returns, never what
     * it returns.
     *
     * @param taker the provider's {@code lineGetMessage}
     * @param hLineApp the application
     * @param lpMessage where the message goes
     * @param dwTimeout the drain's timeout
     * @param spinMicros the longest spin, 0 for none
     * @return the result of the last {@code lineGetMessage}
     */
    public int take(Taker taker, int hLineApp, long lpMessage, int dwTimeout, int spinMicros) {
        Entry e = spinMicros > 0 && dwTimeout == TapiConstants.INFINITE ? enter(hLineApp) : null;
        if (e == null) {
            return taker.lineGetMessage(hLineApp, lpMessage, dwTimeout);
        }
        int r;
        try {
            long deadline = 0;
            boolean started = false;
            for (;;) {
                r = taker.lineGetMessage(hLineApp, lpMessage, 0); // it may be signalled already
                if (r != TapiConstants.LINEERR_OPERATIONFAILED) {
                    return r; // a message, or an error
                }
                if (!started) {
                    deadline = System.nanoTime() + spinMicros * 1000L;
                    started = true;
                }
                if (!await(e, hLineApp, deadline)) {
                    break;
                }
            }
        } finally {
            leave(e); // before it blocks: shutdown() waits for the pollers
        }
        return taker.lineGetMessage(hLineApp, lpMessage, dwTimeout);
    }

    /**
     * Applications recorded now, for tests.
     *
     * @return the count
     */
    public int recorded() {
        int n = 0;
        for (Entry e : entries) {
            if (e.app != 0) {
                n++;
            }
        }
        return n;
    }
}
