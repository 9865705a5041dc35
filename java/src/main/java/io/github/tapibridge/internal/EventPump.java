package io.github.tapibridge.internal;

import io.github.tapibridge.spi.TapiBackend;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The event pump of one TAPI application: a Java-owned daemon thread that drains the message
 * queue in batches ({@link TapiBackend#lineGetMessages}: block once with {@code INFINITE}, then
 * take up to {@link #BATCH} - 1 more already queued) into one reused native array of
 * {@code LINEMESSAGE}s, reads them through {@link TapiBackend#view} into one reused
 * {@link Message}, and hands each message to the {@link Handler}, in queue order. No native thread ever calls into Java
 * ({@code docs/architecture.md}, "Threads", "The data flow of an event").
 *
 * <p>The loop ends when {@code lineGetMessage} fails: normally because {@code lineShutdown} (on
 * another thread, after {@link #requestStop()}) invalidated the application handle, otherwise
 * because the provider shut the application down (for example a simulator reset), which is
 * reported to {@link Handler#stopped(int)}. A handler that throws is logged; the pump goes on.
 */
public final class EventPump {

    private static final System.Logger LOG = System.getLogger("io.github.tapibridge");

    /** Consecutive spurious timeouts tolerated before the pump gives up. */
    private static final int MAX_SPURIOUS = 1000;

    /** Most messages taken from the queue in one drain. */
    public static final int BATCH = 32;

    private static final int BUFFER_SIZE = BATCH * Layout.LINEMESSAGE_SIZE;

    /**
     * The longest a drain spins before it blocks while replies are owed: long enough to cover
     * the gap between two requests of a thread issuing them in a row, short enough that a pump
     * waiting for a slow switch soon blocks.
     */
    public static final int SPIN_MICROS = 50;

    /** Receives what the pump dequeues. Called on the pump thread only. */
    public interface Handler {
        /**
         * Processes one message.
         *
         * @param message the message, valid during this call only: the pump overwrites it with
         *        the next one ({@link Message#copy()} keeps one)
         */
        void message(Message message);

        /**
         * Whether replies are owed to the application: asked before each drain. While they
         * are, the drain spins for up to {@link #SPIN_MICROS} before it blocks.
         *
         * @return true if requests wait for their {@code LINE_REPLY}
         */
        default boolean repliesOwed() {
            return false;
        }

        /**
         * The pump stopped without {@link #requestStop()}: {@code lineGetMessage} failed.
         *
         * @param error the LINEERR_ code it returned
         */
        void stopped(int error);

        /** Last call on the pump thread, after its LINEMESSAGE array was freed. */
        void exited();
    }

    private final TapiBackend backend;
    private final int hLineApp;
    private final Handler handler;
    private final Thread thread;
    private volatile boolean stopping;
    private long buffer;

    /**
     * Creates the pump; {@link #start()} starts it.
     *
     * @param backend the backend
     * @param hLineApp the application handle
     * @param threadName the thread's name
     * @param handler receives the messages
     */
    public EventPump(TapiBackend backend, int hLineApp, String threadName, Handler handler) {
        this.backend = backend;
        this.hLineApp = hLineApp;
        this.handler = handler;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Allocates the LINEMESSAGE array (on the calling thread, so that a failure is reported
     * to it) and starts the thread, which frees the array when it ends. */
    public void start() {
        buffer = backend.allocate(BUFFER_SIZE);
        try {
            thread.start();
        } catch (RuntimeException | Error e) {
            backend.free(buffer);
            throw e;
        }
    }

    /** @return the pump thread */
    public Thread thread() {
        return thread;
    }

    /**
     * Tells the pump that the next failure of {@code lineGetMessage} is the expected result of
     * {@code lineShutdown}. Call it before {@code lineShutdown}.
     */
    public void requestStop() {
        stopping = true;
    }

    /**
     * Waits for the thread to end (not interruptible; the interrupt status is kept). Does
     * nothing on the pump thread itself.
     */
    public void join() {
        if (Thread.currentThread() == thread) {
            return;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            ByteBuffer view = backend.view(buffer, BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            loop(buffer, view);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "The TAPI event pump failed; no more events will be delivered", e);
            if (!stopping) {
                try {
                    handler.stopped(TapiConstants.LINEERR_OPERATIONFAILED);
                } catch (RuntimeException | Error e2) {
                    LOG.log(Level.ERROR, "Closing after the pump failed threw", e2);
                }
            }
        } finally {
            try {
                backend.free(buffer);
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "Could not free the LINEMESSAGE array", e);
            }
            handler.exited();
        }
    }

    private void loop(long buffer, ByteBuffer view) {
        Message m = new Message(0, 0, 0, 0, 0, 0); // overwritten with each message
        int spurious = 0;
        for (;;) {
            int r = backend.lineGetMessages(hLineApp, buffer, BATCH, TapiConstants.INFINITE,
                    handler.repliesOwed() ? SPIN_MICROS : 0);
            if (r <= 0) {
                if (stopping) {
                    return;
                }
                if (r == TapiConstants.LINEERR_OPERATIONFAILED && ++spurious < MAX_SPURIOUS) {
                    continue; // a timeout with an empty queue; INFINITE should not produce it
                }
                LOG.log(Level.DEBUG, "lineGetMessage failed with 0x{0}: the application was shut"
                        + " down by the provider", Integer.toHexString(r));
                handler.stopped(r);
                return;
            }
            spurious = 0;
            for (int i = 0; i < r; i++) {
                if (i > 0 && stopping) {
                    // Closing: lineShutdown discards what is still queued, and the rest of the
                    // batch is what it would have discarded had the pump not taken it yet.
                    return;
                }
                read(view, i * Layout.LINEMESSAGE_SIZE, m);
                try {
                    handler.message(m);
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.WARNING, "Processing " + m + " threw; the pump goes on", e);
                }
            }
        }
    }

    /** Reads the LINEMESSAGE at {@code at} into {@code m}. */
    private static void read(ByteBuffer v, int at, Message m) {
        int device = v.getInt(at + Layout.LINEMESSAGE_HDEVICE);
        int id = v.getInt(at + Layout.LINEMESSAGE_MESSAGEID);
        if (Layout.POINTER_SIZE == 8) {
            m.set(device, id, v.getLong(at + Layout.LINEMESSAGE_INSTANCE),
                    v.getLong(at + Layout.LINEMESSAGE_PARAM1), v.getLong(at + Layout.LINEMESSAGE_PARAM2),
                    v.getLong(at + Layout.LINEMESSAGE_PARAM3));
            return;
        }
        m.set(device, id, Integer.toUnsignedLong(v.getInt(at + Layout.LINEMESSAGE_INSTANCE)),
                Integer.toUnsignedLong(v.getInt(at + Layout.LINEMESSAGE_PARAM1)),
                Integer.toUnsignedLong(v.getInt(at + Layout.LINEMESSAGE_PARAM2)),
                Integer.toUnsignedLong(v.getInt(at + Layout.LINEMESSAGE_PARAM3)));
    }
}
