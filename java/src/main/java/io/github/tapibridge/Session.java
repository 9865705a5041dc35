package io.github.tapibridge;

import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.internal.EventPump;
import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.Layout;
import io.github.tapibridge.internal.Message;
import io.github.tapibridge.internal.PumpFuture;
import io.github.tapibridge.internal.RequestRegistry;
import io.github.tapibridge.internal.TapiConstants;
import io.github.tapibridge.spi.TapiBackend;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One TAPI application ({@code hLineApp}) behind a {@link Tapi}, and its lifecycle: initialising
 * TAPI and starting the event pump ({@link #open}), opening and closing lines and calls, and
 * shutting down ({@link #close}). The rest is done by the pieces it creates and wires together,
 * each of which says what it owns and which threads touch it:
 * <ul>
 *   <li>{@link Queries}: the synchronous {@code lineGet...} queries and negotiated versions;</li>
 *   <li>{@link Requests}: asynchronous requests, their futures and out-parameters, and what
 *       happens when a {@code LINE_REPLY} arrives;</li>
 *   <li>{@link Dispatcher}: what each message does, on the event pump thread;</li>
 *   <li>{@link Completions}: the active completions, how each is matched to its recall, the
 *       early-event stash, {@code COMPLCANCEL};</li>
 *   <li>{@link Handles}: the tables of lines and calls;</li>
 *   <li>{@link Listeners}: listener delivery;</li>
 *   <li>{@link Idle}: the waits of {@link Tapi#whenIdle()}.</li>
 * </ul>
 * {@link Line}, {@link Call} and {@link CallCompletion} hold the session and call the piece they
 * need. Nothing here refers to the {@link Tapi} facade, so that an unreachable facade can be
 * cleaned.
 *
 * <p>Threading: application threads open, issue requests and close; the pump thread processes
 * messages, and may close lines ({@code LINE_CLOSE}) or the application (the provider shut it
 * down, or a listener closes it). Shared state is in concurrent maps and atomics; the only locks,
 * private to {@link Completions} and {@link Handles}, are held for a few map operations and never
 * while calling user code or native code. User code (listeners, future callbacks) is never called
 * inside a {@link Guard}.
 */
final class Session implements EventPump.Handler {

    static final System.Logger LOG = System.getLogger("io.github.tapibridge");

    final TapiConfig config;
    final TapiBackend backend;
    final int hLineApp;
    final TapiVersion apiVersion;
    final Guard guard;
    private final EventPump pump;

    final Queries queries;
    final Listeners listeners;
    final Completions completions;
    private final Handles handles;
    final Requests requests;
    /** The registry of {@link #requests}, here for tests. */
    final RequestRegistry registry;
    private final Dispatcher dispatcher;
    final Idle idle;

    private final AtomicBoolean closeStarted = new AtomicBoolean();
    /** The thread running {@link #close()}: a close it makes again (from a callback) returns. */
    private volatile Thread closingThread;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean releaseOnPumpExit;
    private volatile boolean released;

    private Session(TapiConfig config, TapiBackend backend) {
        this.config = config;
        this.backend = backend;
        long out = backend.allocate(12);
        long params = 0;
        int app;
        int devices;
        int version;
        try {
            params = backend.allocate(Layout.LINEINITIALIZEEXPARAMS_SIZE);
            backend.putInt(params + Layout.TOTAL_SIZE, Layout.LINEINITIALIZEEXPARAMS_SIZE);
            backend.putInt(params + Layout.LINEINITIALIZEEXPARAMS_OPTIONS,
                    TapiConstants.LINEINITIALIZEEXOPTION_USEEVENT);
            backend.putInt(out + 8, config.maxApiVersion().dword());
            int r = backend.lineInitializeExW(out, 0, config.appName(), out + 4, out + 8, params);
            if (r != 0) {
                throw new TapiException(r, "lineInitializeExW");
            }
            app = backend.getInt(out);
            devices = backend.getInt(out + 4);
            version = backend.getInt(out + 8);
        } finally {
            backend.free(params);
            backend.free(out);
        }
        this.hLineApp = app;
        this.apiVersion = TapiVersion.fromDword(version);
        this.guard = new Guard("Tapi");
        this.queries = new Queries(config, backend, app, guard, devices);
        this.listeners = new Listeners(config);
        this.completions = new Completions(this, queries);
        this.handles = new Handles(this, completions);
        this.requests = new Requests(backend, handles, completions);
        this.registry = requests.registry;
        this.dispatcher = new Dispatcher(this, queries, handles, requests, completions, listeners);
        this.idle = new Idle(this);
        this.pump = new EventPump(backend, app, String.format("tapibridge-pump-%08x", app), this);
    }

    /**
     * Opens a backend, initialises TAPI and starts the pump.
     *
     * @throws TapiException if lineInitializeExW fails
     */
    static Session open(TapiConfig config) {
        TapiBackend backend = Backends.open(config.backend(), config.provider());
        return open(config, backend);
    }

    /** Same, with a given backend (which the session closes). */
    static Session open(TapiConfig config, TapiBackend backend) {
        Session s;
        try {
            s = new Session(config, backend);
        } catch (RuntimeException | Error e) {
            backend.close();
            throw e;
        }
        try {
            s.pump.start();
        } catch (RuntimeException | Error e) {
            backend.lineShutdown(s.hLineApp);
            backend.close();
            throw e;
        }
        return s;
    }

    Thread pumpThread() {
        return pump.thread();
    }

    <T> PumpFuture<T> newFuture() {
        return new PumpFuture<>(pump::thread);
    }

    // ---- lines ------------------------------------------------------------------------------

    Line openLine(int deviceId, LineOptions options) {
        Guard.enterAll(guard);
        try {
            TapiVersion version = queries.negotiate(deviceId);
            long instance = handles.newInstance();
            Line line = new Line(this, deviceId, version, options, instance);
            int privileges = CallPrivilege.maskOf(options.privileges());
            int media = MediaMode.maskOf(options.mediaModes());
            handles.addLine(line);
            long out = backend.allocate(4);
            int hLine;
            try {
                int r = backend.lineOpenW(hLineApp, deviceId, out, version.dword(), 0, instance,
                        privileges, media, 0);
                if (r != 0) {
                    handles.removeLine(line);
                    throw new TapiException(r, "lineOpenW");
                }
                hLine = backend.getInt(out);
            } finally {
                backend.free(out);
            }
            line.opened(hLine);
            try {
                int states = LineDeviceState.maskOf(options.statusMessages());
                if (options.hasDefaultStatusMessages() && states != 0) {
                    states &= LineDeviceState.maskOf(queries.device(deviceId).lineStates());
                }
                if (states != 0) {
                    int r = backend.lineSetStatusMessages(hLine, states, 0);
                    if (r != 0) {
                        throw new TapiException(r, "lineSetStatusMessages");
                    }
                }
            } catch (RuntimeException | Error e) {
                line.guard.close();
                handles.removeLine(line);
                backend.lineClose(hLine);
                throw e;
            }
            return line;
        } finally {
            Guard.exitAll(guard);
        }
    }

    List<Line> lines() {
        return handles.lines();
    }

    /**
     * Closes a line: waits for its calls in flight, calls lineClose (if {@code nativeClose}),
     * closes its calls, fails its pending requests (freeing their memory once the provider can
     * no longer write it) and stops tracking its completions.
     */
    void closeLine(Line line, boolean nativeClose) {
        if (!line.guard.close()) {
            return;
        }
        line.guard.awaitQuiescent();
        // Whether the provider can no longer write the out-parameters of the line's requests:
        // once the line is closed (by lineClose here, or by the provider: LINE_CLOSE), TAPI
        // suppresses its outstanding replies. After lineShutdown, none are left.
        boolean providerDone = true;
        if (nativeClose && line.handle() != 0) {
            try {
                Guard.enterAll(guard);
                try {
                    int r = backend.lineClose(line.handle());
                    if (r != 0) {
                        providerDone = false; // freed at the reply or at shutdown
                        LOG.log(Level.DEBUG, "lineClose failed: {0}",
                                new TapiException(r, "lineClose"));
                    }
                } finally {
                    Guard.exitAll(guard);
                }
            } catch (IllegalStateException closedMeanwhile) {
                // The application is shutting down, which closes the line natively and frees
                // the requests' memory after lineShutdown.
                providerDone = false;
            }
        }
        handles.removeLine(line);
        requests.abandon(line, providerDone);
        completions.lineClosed(line);
        for (Call call : line.callSet()) {
            handles.forgetCall(call);
        }
    }

    // ---- calls ------------------------------------------------------------------------------

    /** lineDeallocateCall (if {@code nativeClose}) and forgets the call. */
    void closeCall(Call call, boolean nativeClose) {
        if (!call.guard.close()) {
            return;
        }
        call.guard.awaitQuiescent();
        if (nativeClose) {
            try {
                Guard.enterAll(call.line().guard, guard);
                try {
                    int r = backend.lineDeallocateCall(call.handle());
                    if (r != 0) {
                        LOG.log(Level.DEBUG, "lineDeallocateCall failed: {0}",
                                new TapiException(r, "lineDeallocateCall"));
                    }
                } finally {
                    Guard.exitAll(call.line().guard, guard);
                }
            } catch (IllegalStateException lineClosed) {
                // lineClose or lineShutdown already invalidated the handle.
            }
        }
        handles.forgetCall(call);
    }

    // ---- close ------------------------------------------------------------------------------

    boolean isOpen() {
        return !guard.isClosed();
    }

    /**
     * lineShutdown: refuses new calls, waits for those in flight, shuts TAPI down (which wakes
     * the pump), fails every pending future, frees every pending out-parameter, closes the lines
     * and calls, and (after the pump has ended) releases the backend. Idempotent; concurrent
     * callers wait for the first to finish, except on the pump thread and on the thread that is
     * closing (a future callback or listener run by this close), which would wait for itself.
     */
    void close() {
        if (!closeStarted.compareAndSet(false, true)) {
            Thread current = Thread.currentThread();
            if (current != pump.thread() && current != closingThread) {
                awaitTerminated();
            }
            return;
        }
        closingThread = Thread.currentThread();
        guard.close();
        guard.awaitQuiescent();
        pump.requestStop();
        try {
            int r = backend.lineShutdown(hLineApp);
            if (r != 0) {
                LOG.log(Level.DEBUG, "lineShutdown: {0}", new TapiException(r, "lineShutdown"));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "lineShutdown failed", e);
        }
        // TAPI writes no out-parameter after lineShutdown: the pending ones can be freed.
        requests.shutdown();
        completions.shutdown();
        idle.shutdown();
        for (Line line : lines()) {
            closeLine(line, false);
        }
        requests.slots.close(); // every request is settled and TAPI writes no slot any more
        if (Thread.currentThread() == pump.thread()) {
            releaseOnPumpExit = true;
        } else {
            pump.join();
            release();
        }
    }

    private void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            backend.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Closing the backend failed", e);
        }
        terminated.countDown();
    }

    private void awaitTerminated() {
        boolean interrupted = false;
        while (terminated.getCount() > 0) {
            try {
                terminated.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the event pump's handler (pump thread) ---------------------------------------------

    @Override
    public void message(Message m) {
        if (m.id() == Idle.TAPISIM_LINE_SYNC) {
            idle.reached((int) m.param1());
            return;
        }
        dispatcher.message(m);
    }

    @Override
    public boolean repliesOwed() {
        return registry.repliesOwed();
    }

    @Override
    public void stopped(int error) {
        // The provider shut the application down (for example a simulator reset).
        for (Line line : lines()) {
            if (line.isOpen()) {
                listeners.emit(line, new LineEvent.LineClosed(line));
            }
        }
        close();
    }

    @Override
    public void exited() {
        if (releaseOnPumpExit) {
            release();
        }
    }

    @Override
    public String toString() {
        return String.format("Tapi[hLineApp=0x%08X, %s, %s]", hLineApp, config.provider(),
                guard.isClosed() ? "closed" : "open");
    }
}
