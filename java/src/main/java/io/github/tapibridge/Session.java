package io.github.tapibridge;

import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.internal.EventPump;
import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.Layout;
import io.github.tapibridge.internal.Message;
import io.github.tapibridge.internal.PumpFuture;
import io.github.tapibridge.internal.RequestRegistry;
import io.github.tapibridge.internal.StructBuffer;
import io.github.tapibridge.internal.Structs;
import io.github.tapibridge.internal.TapiConstants;
import io.github.tapibridge.spi.TapiBackend;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of one TAPI application ({@code hLineApp}) behind a {@link Tapi}: backend, guard,
 * request registry, event pump, the maps from handles to {@link Line} and {@link Call} objects,
 * and the {@link Completions} book-keeping. Everything the pump thread needs lives here, and nothing here
 * refers to the {@link Tapi} facade, so that an unreachable facade can be cleaned.
 *
 * <p>Threading: application threads issue requests; the pump thread processes messages. Shared
 * state is in concurrent maps; the locks (of {@link Completions} and of the closed-call table) are
 * held for a few map operations and never while calling user code or native code. User code (listeners, future callbacks) is never
 * called inside a {@link Guard}.
 */
final class Session implements EventPump.Handler {

    static final System.Logger LOG = System.getLogger("io.github.tapibridge");

    /** Room for the variable part of the Get structures, so that one call normally suffices. */
    private static final int VARIABLE_ROOM = 512;

    final TapiConfig config;
    final TapiBackend backend;
    final int hLineApp;
    final TapiVersion apiVersion;
    final Guard guard;
    /** The registry of {@link #requests}, here for tests. */
    final RequestRegistry registry;
    private final EventPump pump;
    final Listeners listeners;
    private final AtomicInteger lineCount;
    private final ConcurrentHashMap<Integer, TapiVersion> negotiated = new ConcurrentHashMap<>();
    final Completions completions;
    private final Handles handles;
    final Requests requests;

    private final AtomicBoolean closeStarted = new AtomicBoolean();
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
        this.lineCount = new AtomicInteger(devices);
        this.guard = new Guard("Tapi");
        this.listeners = new Listeners(config);
        this.completions = new Completions(this);
        this.handles = new Handles(this, completions);
        this.requests = new Requests(backend, handles, completions);
        this.registry = requests.registry;
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

    // ---- synchronous queries ----------------------------------------------------------------

    int lineCount() {
        guard.ensureOpen();
        return lineCount.get();
    }

    /** lineNegotiateAPIVersion, cached per device. Caller holds the session guard. */
    TapiVersion negotiate(int deviceId) {
        TapiVersion v = negotiated.get(deviceId);
        if (v != null) {
            return v;
        }
        long out = backend.allocate(4 + 16);
        try {
            int r = backend.lineNegotiateAPIVersion(hLineApp, deviceId, config.minApiVersion().dword(),
                    config.maxApiVersion().dword(), out, out + 4);
            if (r != 0) {
                throw new TapiException(r, "lineNegotiateAPIVersion");
            }
            v = TapiVersion.fromDword(backend.getInt(out));
        } finally {
            backend.free(out);
        }
        TapiVersion previous = negotiated.putIfAbsent(deviceId, v);
        return previous != null ? previous : v;
    }

    LineDevice device(int deviceId) {
        Guard.enterAll(guard);
        try {
            TapiVersion version = negotiate(deviceId);
            StructBuffer s = Structs.fetch(backend, "lineGetDevCapsW",
                    Layout.LINEDEVCAPS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetDevCapsW(hLineApp, deviceId, version.dword(), 0, buf));
            return Decode.lineDevice(deviceId, version, s);
        } finally {
            Guard.exitAll(guard);
        }
    }

    AddressCaps addressCaps(Line line, int addressId) {
        Guard.enterAll(line.guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetAddressCapsW",
                    Layout.LINEADDRESSCAPS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetAddressCapsW(hLineApp, line.deviceId(), addressId,
                            line.apiVersion().dword(), 0, buf));
            return Decode.addressCaps(line.deviceId(), addressId, s);
        } finally {
            Guard.exitAll(line.guard, guard);
        }
    }

    LineStatus lineStatus(Line line) {
        Guard.enterAll(line.guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetLineDevStatusW",
                    Layout.LINEDEVSTATUS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetLineDevStatusW(line.handle(), buf));
            return Decode.lineStatus(s);
        } finally {
            Guard.exitAll(line.guard, guard);
        }
    }

    CallStatus callStatus(Call call) {
        Guard.enterAll(call.guard, call.line().guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetCallStatus",
                    Layout.LINECALLSTATUS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetCallStatus(call.handle(), buf));
            return Decode.callStatus(s);
        } finally {
            Guard.exitAll(call.guard, call.line().guard, guard);
        }
    }

    CallInfo callInfo(Call call) {
        Guard.enterAll(call.guard, call.line().guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetCallInfoW",
                    Layout.LINECALLINFO_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetCallInfoW(call.handle(), buf));
            return Decode.callInfo(s);
        } finally {
            Guard.exitAll(call.guard, call.line().guard, guard);
        }
    }

    // ---- lines ------------------------------------------------------------------------------

    Line openLine(int deviceId, LineOptions options) {
        Guard.enterAll(guard);
        try {
            TapiVersion version = negotiate(deviceId);
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
                    states &= LineDeviceState.maskOf(device(deviceId).lineStates());
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
     * closes its calls, abandons its pending requests and stops tracking its completions.
     */
    void closeLine(Line line, boolean nativeClose) {
        if (!line.guard.close()) {
            return;
        }
        line.guard.awaitQuiescent();
        if (nativeClose && line.handle() != 0) {
            try {
                Guard.enterAll(guard);
                try {
                    int r = backend.lineClose(line.handle());
                    if (r != 0) {
                        LOG.log(Level.DEBUG, "lineClose failed: {0}", new TapiException(r, "lineClose"));
                    }
                } finally {
                    Guard.exitAll(guard);
                }
            } catch (IllegalStateException closedMeanwhile) {
                // The application is shutting down, which closes the line natively.
            }
        }
        handles.removeLine(line);
        requests.abandon(line);
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

    // ---- messages (pump thread) ------------------------------------------------------------

    @Override
    public void message(Message m) {
        switch (m.id()) {
            case TapiConstants.LINE_REPLY:
                onReply(m);
                break;
            case TapiConstants.LINE_CALLSTATE:
                onCallState(m);
                break;
            case TapiConstants.LINE_CALLINFO:
                onCallInfo(m);
                break;
            case TapiConstants.LINE_APPNEWCALL:
                onAppNewCall(m);
                break;
            case TapiConstants.LINE_LINEDEVSTATE:
                onLineDevState(m);
                break;
            case TapiConstants.LINE_CLOSE: {
                Line line = handles.line(m.instance());
                if (line != null && line.isOpen()) {
                    closeLine(line, false);
                    listeners.emit(line, new LineEvent.LineClosed(line));
                }
                break;
            }
            case TapiConstants.LINE_CREATE:
                lineCount.accumulateAndGet((int) m.param1() + 1, Math::max);
                listeners.emit(null, new LineEvent.DeviceCreated((int) m.param1()));
                break;
            case TapiConstants.LINE_REMOVE:
                listeners.emit(null, new LineEvent.DeviceRemoved((int) m.param1()));
                break;
            default:
                Line line = handles.line(m.instance());
                if (listeners.listening(line)) {
                    listeners.emit(line, new LineEvent.Other(line, m.id(), m.device(), m.param1(),
                            m.param2(), m.param3()));
                }
                break;
        }
    }

    private void onReply(Message m) {
        int requestId = (int) m.param1();
        int result = (int) m.param2();
        requests.replied(requestId, result);
        Line line = handles.line(m.instance());
        if (listeners.listening(line)) {
            listeners.emit(line, new LineEvent.Reply(line, requestId, result));
        }
    }

    private void onCallState(Message m) {
        Line line = handles.line(m.instance());
        if (line == null || !line.isOpen()) {
            return;
        }
        int hCall = m.device();
        CallState state = CallState.decode((int) m.param1());
        int privilege = (int) m.param3();
        Call call = handles.call(hCall);
        if (call == null) {
            if (privilege != 0) {
                call = handles.callFor(line, hCall, CallPrivilege.decode(privilege));
            } else if (line.makeCallsInFlight.get() > 0 && !handles.recentlyClosed(hCall)) {
                // Our own new call, whose LINE_REPLY is not processed yet (it was dequeued before
                // the request was registered).
                call = handles.callFor(line, hCall, CallPrivilege.OWNER);
                call.announced = true;
            } else {
                LOG.log(Level.DEBUG, "Ignoring {0} for an unknown call", m);
                return;
            }
        }
        if (privilege != 0 && !call.announced) {
            call.announced = true;
            listeners.emit(line,
                    new LineEvent.NewCall(line, call, 0, CallPrivilege.decode(privilege)));
        }
        call.reported(state, (int) m.param2());
        if (state == CallState.IDLE) {
            completions.endBound(call, "the call went idle");
        }
        if (listeners.listening(line)) {
            listeners.emit(line,
                    new LineEvent.CallStateChanged(line, call, state, (int) m.param2()));
        }
        if (state == CallState.OFFERING) {
            checkCompletion(line, call);
        }
    }

    private void onCallInfo(Message m) {
        Line line = handles.line(m.instance());
        Call call = handles.call(m.device());
        if (line == null || call == null) {
            return;
        }
        int states = (int) m.param1();
        if (listeners.listening(line)) {
            listeners.emit(line, new LineEvent.CallInfoChanged(line, call, states));
        }
        if ((states & (TapiConstants.LINECALLINFOSTATE_REASON
                | TapiConstants.LINECALLINFOSTATE_COMPLETIONID)) != 0) {
            checkCompletion(line, call);
        }
    }

    private void onAppNewCall(Message m) {
        Line line = handles.line(m.instance());
        if (line == null || !line.isOpen()) {
            return;
        }
        CallPrivilege privilege = CallPrivilege.decode((int) m.param3());
        Call call = handles.callFor(line, (int) m.param2(), privilege);
        if (!call.announced) {
            call.announced = true;
            listeners.emit(line, new LineEvent.NewCall(line, call, (int) m.param1(), privilege));
        }
    }

    private void onLineDevState(Message m) {
        Line line = handles.line(m.instance());
        int states = (int) m.param1();
        int others = states & ~LineDeviceState.COMPLCANCEL.bits();
        if ((others != 0 || states == 0) && listeners.listening(line)) {
            listeners.emit(line, new LineEvent.LineDeviceStateChanged(line,
                    LineDeviceState.setOf(others), m.param2(), m.param3()));
        }
        if ((states & LineDeviceState.COMPLCANCEL.bits()) != 0 && line != null) {
            int id = (int) m.param2();
            CallCompletion c = completions.cancelledBySwitch(line, id);
            listeners.emit(line, new LineEvent.CompletionCancelled(line, id, c));
        }
    }

    /** Fires the completion the call results from, if any, and reports it. */
    private void checkCompletion(Line line, Call call) {
        CallCompletion c = completions.recalled(line, call);
        if (c != null) {
            listeners.emit(line, new LineEvent.CompletionFired(line, c, call));
        }
    }

    // ---- close ------------------------------------------------------------------------------

    boolean isOpen() {
        return !guard.isClosed();
    }

    /**
     * lineShutdown: refuses new calls, waits for those in flight, shuts TAPI down (which wakes
     * the pump), fails every pending future, frees every pending out-parameter, closes the lines
     * and calls, and (after the pump has ended) releases the backend. Idempotent; concurrent
     * callers wait for the first to finish, except on the pump thread.
     */
    void close() {
        if (!closeStarted.compareAndSet(false, true)) {
            if (Thread.currentThread() != pump.thread()) {
                awaitTerminated();
            }
            return;
        }
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
        for (Line line : lines()) {
            closeLine(line, false);
        }
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
