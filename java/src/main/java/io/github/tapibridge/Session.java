package io.github.tapibridge;

import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.internal.EventPump;
import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.Layout;
import io.github.tapibridge.internal.Message;
import io.github.tapibridge.internal.PumpFuture;
import io.github.tapibridge.internal.RequestRegistry;
import io.github.tapibridge.internal.RequestRegistry.Pending;
import io.github.tapibridge.internal.StructBuffer;
import io.github.tapibridge.internal.Structs;
import io.github.tapibridge.internal.TapiConstants;
import io.github.tapibridge.spi.TapiBackend;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongToIntFunction;

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

    /** How many closed call handles to remember, to ignore late messages about them. */
    private static final int CLOSED_CALLS_REMEMBERED = 1024;

    final TapiConfig config;
    final TapiBackend backend;
    final int hLineApp;
    final TapiVersion apiVersion;
    final Guard guard;
    final RequestRegistry registry;
    private final EventPump pump;
    final Listeners listeners;
    private final AtomicInteger lineCount;
    private final ConcurrentHashMap<Integer, TapiVersion> negotiated = new ConcurrentHashMap<>();
    private final AtomicLong nextInstance = new AtomicLong(1);
    private final ConcurrentHashMap<Long, Line> lines = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Call> calls = new ConcurrentHashMap<>();
    final Completions completions;
    private final Map<Integer, Boolean> closedCalls = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > CLOSED_CALLS_REMEMBERED;
        }
    };

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
        this.registry = new RequestRegistry(this::discard);
        this.listeners = new Listeners(config);
        this.completions = new Completions(this);
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

    // ---- guards -----------------------------------------------------------------------------

    /** Enters the guards in order; on failure, exits those entered and rethrows. */
    static void enter(Guard... guards) {
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

    static void exit(Guard... guards) {
        for (int i = guards.length - 1; i >= 0; i--) {
            guards[i].exit();
        }
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
        enter(guard);
        try {
            TapiVersion version = negotiate(deviceId);
            StructBuffer s = Structs.fetch(backend, "lineGetDevCapsW",
                    Layout.LINEDEVCAPS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetDevCapsW(hLineApp, deviceId, version.dword(), 0, buf));
            return Decode.lineDevice(deviceId, version, s);
        } finally {
            exit(guard);
        }
    }

    AddressCaps addressCaps(Line line, int addressId) {
        enter(line.guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetAddressCapsW",
                    Layout.LINEADDRESSCAPS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetAddressCapsW(hLineApp, line.deviceId(), addressId,
                            line.apiVersion().dword(), 0, buf));
            return Decode.addressCaps(line.deviceId(), addressId, s);
        } finally {
            exit(line.guard, guard);
        }
    }

    LineStatus lineStatus(Line line) {
        enter(line.guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetLineDevStatusW",
                    Layout.LINEDEVSTATUS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetLineDevStatusW(line.handle(), buf));
            return Decode.lineStatus(s);
        } finally {
            exit(line.guard, guard);
        }
    }

    CallStatus callStatus(Call call) {
        enter(call.guard, call.line().guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetCallStatus",
                    Layout.LINECALLSTATUS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetCallStatus(call.handle(), buf));
            return Decode.callStatus(s);
        } finally {
            exit(call.guard, call.line().guard, guard);
        }
    }

    CallInfo callInfo(Call call) {
        enter(call.guard, call.line().guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetCallInfoW",
                    Layout.LINECALLINFO_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetCallInfoW(call.handle(), buf));
            return Decode.callInfo(s);
        } finally {
            exit(call.guard, call.line().guard, guard);
        }
    }

    // ---- lines ------------------------------------------------------------------------------

    Line openLine(int deviceId, LineOptions options) {
        enter(guard);
        try {
            TapiVersion version = negotiate(deviceId);
            long instance = nextInstance.getAndIncrement();
            Line line = new Line(this, deviceId, version, options, instance);
            int privileges = CallPrivilege.maskOf(options.privileges());
            int media = MediaMode.maskOf(options.mediaModes());
            lines.put(instance, line);
            long out = backend.allocate(4);
            int hLine;
            try {
                int r = backend.lineOpenW(hLineApp, deviceId, out, version.dword(), 0, instance,
                        privileges, media, 0);
                if (r != 0) {
                    lines.remove(instance);
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
                lines.remove(instance);
                backend.lineClose(hLine);
                throw e;
            }
            return line;
        } finally {
            exit(guard);
        }
    }

    List<Line> lines() {
        return new ArrayList<>(lines.values());
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
                enter(guard);
                try {
                    int r = backend.lineClose(line.handle());
                    if (r != 0) {
                        LOG.log(Level.DEBUG, "lineClose failed: {0}", new TapiException(r, "lineClose"));
                    }
                } finally {
                    exit(guard);
                }
            } catch (IllegalStateException closedMeanwhile) {
                // The application is shutting down, which closes the line natively.
            }
        }
        lines.remove(line.instance());
        for (Pending p : registry.abandon(line)) {
            Request q = (Request) p.context();
            resolved(q);
            q.future.completeExceptionally(new TapiException(TapiConstants.LINEERR_INVALLINEHANDLE,
                    p.function(), "the line was closed before the reply arrived"));
        }
        completions.lineClosed(line);
        for (Call call : line.callSet()) {
            forgetCall(call);
        }
    }

    // ---- calls ------------------------------------------------------------------------------

    /** The call object for a handle, created on first sight. */
    private Call callFor(Line line, int hCall, CallPrivilege privilege) {
        Call call = calls.computeIfAbsent(hCall, h -> {
            Call c = new Call(this, line, h, privilege);
            line.callSet().add(c);
            synchronized (closedCalls) {
                closedCalls.remove(h); // the provider handed the value out again
            }
            return c;
        });
        if (!line.isOpen()) {
            forgetCall(call); // the line closed meanwhile: the handle is invalid
        }
        return call;
    }

    /** lineDeallocateCall (if {@code nativeClose}) and forgets the call. */
    void closeCall(Call call, boolean nativeClose) {
        if (!call.guard.close()) {
            return;
        }
        call.guard.awaitQuiescent();
        if (nativeClose) {
            try {
                enter(call.line().guard, guard);
                try {
                    int r = backend.lineDeallocateCall(call.handle());
                    if (r != 0) {
                        LOG.log(Level.DEBUG, "lineDeallocateCall failed: {0}",
                                new TapiException(r, "lineDeallocateCall"));
                    }
                } finally {
                    exit(call.line().guard, guard);
                }
            } catch (IllegalStateException lineClosed) {
                // lineClose or lineShutdown already invalidated the handle.
            }
        }
        forgetCall(call);
    }

    private void forgetCall(Call call) {
        call.guard.close();
        // Recorded as closed before it leaves the map, so a late message for the handle is never
        // taken for a new call in between.
        synchronized (closedCalls) {
            closedCalls.put(call.handle(), Boolean.TRUE);
        }
        calls.remove(call.handle(), call);
        call.line().callSet().remove(call);
        completions.endBound(call, "the call was closed");
    }

    private boolean recentlyClosed(int hCall) {
        synchronized (closedCalls) {
            return closedCalls.containsKey(hCall);
        }
    }

    // ---- asynchronous requests --------------------------------------------------------------

    /**
     * Issues an asynchronous request: allocates the out-parameter, calls the function inside the
     * guards, registers the request ID, and processes a reply that arrived first. The future is
     * completed outside the guards.
     */
    @SuppressWarnings("unchecked")
    <T> PumpFuture<T> submit(Guard[] guards, String function, Object owner, boolean outParameter,
                             Request q, LongToIntFunction call) {
        Pending p = null;
        int earlyResult = 0;
        int outValue = 0;
        boolean processNow = false;
        TapiException failure = null;
        enter(guards);
        boolean issued = false;
        try {
            long out = outParameter ? backend.allocate(4) : 0;
            try {
                beforeIssue(q);
                issued = true;
                int r = call.applyAsInt(out);
                if (r >= 0) {
                    p = new Pending(function, owner, out, q);
                    out = 0; // owned by the request now
                    RequestRegistry.Registration reg = r == 0 ? RequestRegistry.Registration.REPLIED
                            : registry.register(r, p);
                    switch (reg) {
                        case WAITING:
                            break;
                        case REPLIED:
                            earlyResult = r == 0 ? 0 : p.earlyResult();
                            outValue = takeOut(p, earlyResult);
                            processNow = true;
                            break;
                        default:
                            takeOut(p, -1);
                            failure = shutdownException(function);
                            break;
                    }
                } else {
                    failure = new TapiException(r, function);
                }
            } finally {
                if (out != 0) {
                    backend.free(out);
                }
            }
        } catch (RuntimeException | Error e) {
            if (issued && p == null) {
                resolved(q);
            }
            throw e;
        } finally {
            exit(guards);
        }
        if (failure != null) {
            resolved(q);
            q.future.completeExceptionally(failure);
        } else if (processNow) {
            finish(p, earlyResult, outValue);
        }
        return (PumpFuture<T>) (PumpFuture<?>) q.future;
    }

    private void beforeIssue(Request q) {
        if (q.kind == Request.Kind.MAKE_CALL) {
            q.line.makeCallsInFlight.incrementAndGet();
        } else if (q.kind == Request.Kind.COMPLETE_CALL) {
            completions.requestIssued();
        }
    }

    /** Undoes {@link #beforeIssue} once per request. */
    private void resolved(Request q) {
        if (!q.markResolved()) {
            return;
        }
        if (q.kind == Request.Kind.MAKE_CALL) {
            q.line.makeCallsInFlight.decrementAndGet();
        } else if (q.kind == Request.Kind.COMPLETE_CALL) {
            completions.requestResolved();
        }
    }

    /** Reads the out-parameter of a successful reply and frees it. */
    private int takeOut(Pending p, int result) {
        long out = p.outParameter();
        if (out == 0) {
            return 0;
        }
        try {
            return result == 0 ? backend.getInt(out) : 0;
        } finally {
            backend.free(out);
        }
    }

    /** Frees a request the provider can no longer answer. */
    private void discard(Pending p) {
        if (p.outParameter() != 0) {
            backend.free(p.outParameter());
        }
    }

    /** Applies a reply: completes the future and updates the objects. No native calls. */
    private void finish(Pending p, int result, int outValue) {
        Request q = (Request) p.context();
        if (p.isAbandoned()) {
            resolved(q);
            return;
        }
        if (result != 0) {
            resolved(q);
            if (q.target != null) {
                q.target.cancelling = false;
            }
            q.future.completeExceptionally(new TapiException(result, p.function()));
            return;
        }
        switch (q.kind) {
            case MAKE_CALL: {
                Call call = callFor(q.line, outValue, CallPrivilege.OWNER);
                call.announced = true;
                resolved(q);
                if (q.line.isOpen()) {
                    q.future.complete(call);
                } else {
                    q.future.completeExceptionally(new TapiException(
                            TapiConstants.LINEERR_INVALLINEHANDLE, p.function(),
                            "the line was closed before the reply arrived"));
                }
                break;
            }
            case COMPLETE_CALL: {
                CallCompletion c = completions.register(q, outValue);
                resolved(q);
                completions.carriedOutOnAcceptance(c, q.call);
                q.future.complete(c);
                break;
            }
            case UNCOMPLETE_CALL:
                resolved(q);
                if (q.target != null) {
                    completions.uncompleted(q.target);
                }
                q.future.complete(null);
                break;
            default:
                resolved(q);
                q.future.complete(null);
                break;
        }
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
                Line line = lines.get(m.instance());
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
                Line line = lines.get(m.instance());
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
        Pending p = registry.reply(requestId, result);
        if (p != null) {
            int out = takeOut(p, result);
            finish(p, result, out);
        }
        Line line = lines.get(m.instance());
        if (listeners.listening(line)) {
            listeners.emit(line, new LineEvent.Reply(line, requestId, result));
        }
    }

    private void onCallState(Message m) {
        Line line = lines.get(m.instance());
        if (line == null || !line.isOpen()) {
            return;
        }
        int hCall = m.device();
        CallState state = CallState.decode((int) m.param1());
        int privilege = (int) m.param3();
        Call call = calls.get(hCall);
        if (call == null) {
            if (privilege != 0) {
                call = callFor(line, hCall, CallPrivilege.decode(privilege));
            } else if (line.makeCallsInFlight.get() > 0 && !recentlyClosed(hCall)) {
                // Our own new call, whose LINE_REPLY is not processed yet (it was dequeued before
                // the request was registered).
                call = callFor(line, hCall, CallPrivilege.OWNER);
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
        Line line = lines.get(m.instance());
        Call call = calls.get(m.device());
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
        Line line = lines.get(m.instance());
        if (line == null || !line.isOpen()) {
            return;
        }
        CallPrivilege privilege = CallPrivilege.decode((int) m.param3());
        Call call = callFor(line, (int) m.param2(), privilege);
        if (!call.announced) {
            call.announced = true;
            listeners.emit(line, new LineEvent.NewCall(line, call, (int) m.param1(), privilege));
        }
    }

    private void onLineDevState(Message m) {
        Line line = lines.get(m.instance());
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

    static TapiException shutdownException(String function) {
        return new TapiException(TapiConstants.LINEERR_INVALAPPHANDLE, function,
                "the application was shut down before the reply arrived");
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
        for (Pending p : registry.shutdown()) {
            Request q = (Request) p.context();
            discard(p);
            resolved(q);
            q.future.completeExceptionally(shutdownException(p.function()));
        }
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
