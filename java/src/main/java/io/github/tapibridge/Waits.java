package io.github.tapibridge;

import io.github.tapibridge.internal.PumpFuture;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * The waits of one call or one line: the futures of {@link Call#whenState} (a call reaches one of
 * some states) and {@link Line#whenNewCall} (TAPI hands the line a new call). Each wait is one
 * future of its own, completed by the event pump when it processes the message that meets it
 * ({@link Dispatcher}), or failed when the call goes idle first, or when the call, its line or the
 * application is closed ({@link Handles}). No thread waits and nothing polls.
 *
 * <p>Threading: any thread adds a wait; the pump completes them; a closing thread fails them. No
 * lock: the waits are in a concurrent queue (created with the first wait, so that a call nobody
 * waits on costs one field). A wait is added before the caller checks the state it may already be
 * in, so a change the pump records meanwhile is seen by one side or the other; if both act on
 * the future, the first wins. A wait leaves the queue as soon as its future is done, also when
 * the caller completed or cancelled it.
 *
 * @param <T> what a wait completes with: the state reached, or the new call
 */
final class Waits<T> {

    /** One wait: what it waits for, its future, and its name for the messages of failures. */
    private record Wait<T>(Predicate<? super T> match, PumpFuture<T> future, String what) {
    }

    private volatile ConcurrentLinkedQueue<Wait<T>> waits;

    /**
     * The last value {@link #settle}d: for a call, its last state whose message the pump has
     * processed completely. Unlike {@link Call#lastReportedState()}, which the pump sets before it
     * ends bound completions and tells listeners, a wait that completes at once with it sees
     * all of that done.
     */
    private volatile T settled;

    /**
     * Adds a wait for a value that matches, and returns its future.
     *
     * @param what the wait, for failure messages: {@code "whenState(BUSY) of call 0x..."}
     */
    PumpFuture<T> add(Session session, Predicate<? super T> match, String what) {
        PumpFuture<T> future = session.newFuture();
        Wait<T> w = new Wait<>(match, future, what);
        queue().add(w);
        future.whenComplete((r, e) -> waits.remove(w));
        return future;
    }

    private ConcurrentLinkedQueue<Wait<T>> queue() {
        ConcurrentLinkedQueue<Wait<T>> q = waits;
        if (q == null) {
            synchronized (this) {
                q = waits;
                if (q == null) {
                    q = new ConcurrentLinkedQueue<>();
                    waits = q;
                }
            }
        }
        return q;
    }

    /** The number of waits not settled yet (tests). */
    int size() {
        ConcurrentLinkedQueue<Wait<T>> q = waits;
        return q == null ? 0 : q.size();
    }

    /** Records {@code value} as {@link #settled}, then completes the waits it meets (pump thread). */
    void settle(T value) {
        settled = value;
        offer(value);
    }

    /** Completes the waits that {@code value} meets (pump thread). A filter that throws fails its own wait. */
    void offer(T value) {
        ConcurrentLinkedQueue<Wait<T>> q = waits;
        if (q == null || q.isEmpty()) {
            return;
        }
        for (Object o : q.toArray()) {
            @SuppressWarnings("unchecked")
            Wait<T> w = (Wait<T>) o;
            boolean met;
            try {
                met = w.match().test(value);
            } catch (RuntimeException | Error e) {
                q.remove(w);
                w.future().completeExceptionally(e);
                continue;
            }
            if (met) {
                // Let go of it first: a thread blocked on the future can wake before the removal
                // that add() registered has run, and must find the wait gone.
                q.remove(w);
                w.future().complete(value);
            }
        }
    }

    /** Fails every wait: none can be met any more. */
    void failAll(int code, String function, String detail) {
        ConcurrentLinkedQueue<Wait<T>> q = waits;
        if (q == null || q.isEmpty()) {
            return;
        }
        for (Object o : q.toArray()) {
            @SuppressWarnings("unchecked")
            Wait<T> w = (Wait<T>) o;
            q.remove(w);
            w.future().completeExceptionally(new TapiException(code, function, detail, w.what()));
        }
    }

    // ---- Call.whenState ---------------------------------------------------------------------

    private static final String CALLSTATE = "LINE_CALLSTATE";
    private static final String APPNEWCALL = "LINE_APPNEWCALL";

    /** Call.whenState: see its Javadoc. */
    static CompletableFuture<CallState> whenState(Session session, Call call, CallState first,
                                                  CallState... more) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(more, "more");
        Set<CallState> states = EnumSet.of(first);
        for (CallState s : more) {
            states.add(Objects.requireNonNull(s, "a state of more"));
        }
        call.guard.ensureOpen();
        StringJoiner what = new StringJoiner(", ", "whenState(", ") of " + call.name());
        states.forEach(s -> what.add(s.name()));
        PumpFuture<CallState> f = call.stateWaits.add(session, states::contains, what.toString());
        if (!call.isOpen()) {
            callClosed(session, call);
            return f;
        }
        CallState now = call.stateWaits.settled;
        if (now != null && states.contains(now)) {
            f.complete(now);
        } else if (now == CallState.IDLE) {
            f.completeExceptionally(new TapiException(LineError.LINEERR_INVALCALLSTATE.code(), CALLSTATE,
                    "the call is IDLE", what.toString()));
        }
        return f;
    }

    /** The pump recorded a call's state: completes the waits for it, fails the rest if IDLE. */
    static void stateReported(Call call, CallState state) {
        call.stateWaits.settle(state);
        if (state == CallState.IDLE) {
            call.stateWaits.failAll(LineError.LINEERR_INVALCALLSTATE.code(), CALLSTATE,
                    "the call went IDLE first");
        }
    }

    /** The call was closed, by itself, with its line, or with the application. */
    static void callClosed(Session session, Call call) {
        if (!session.isOpen()) {
            call.stateWaits.failAll(LineError.LINEERR_INVALAPPHANDLE.code(), CALLSTATE,
                    "the application was shut down first");
        } else if (!call.line().isOpen()) {
            call.stateWaits.failAll(LineError.LINEERR_INVALLINEHANDLE.code(), CALLSTATE,
                    "the line was closed first");
        } else {
            call.stateWaits.failAll(LineError.LINEERR_INVALCALLHANDLE.code(), CALLSTATE,
                    "the call was closed first");
        }
    }

    // ---- Line.whenNewCall -------------------------------------------------------------------

    /** Line.whenNewCall: see its Javadoc. */
    static CompletableFuture<Call> whenNewCall(Session session, Line line,
                                               Predicate<? super Call> filter, String what) {
        Objects.requireNonNull(filter, "filter");
        line.guard.ensureOpen();
        PumpFuture<Call> f = line.newCallWaits.add(session, filter,
                what + " of line " + line.deviceId());
        if (!line.isOpen()) {
            lineClosed(session, line);
        }
        return f;
    }

    /** The pump announced a new call of the line ({@link LineEvent.NewCall}). */
    static void newCall(Line line, Call call) {
        line.newCallWaits.offer(call);
    }

    /** The line was closed, by itself, by the provider, or with the application. */
    static void lineClosed(Session session, Line line) {
        if (!session.isOpen()) {
            line.newCallWaits.failAll(LineError.LINEERR_INVALAPPHANDLE.code(), APPNEWCALL,
                    "the application was shut down first");
        } else {
            line.newCallWaits.failAll(LineError.LINEERR_INVALLINEHANDLE.code(), APPNEWCALL,
                    "the line was closed first");
        }
    }
}
