package io.github.tapibridge;

import io.github.tapibridge.internal.TapiConstants;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The completion book-keeping of one application: the active {@link CallCompletion}s, keyed by
 * device and completion ID, and how each is matched to what becomes of it: its recall or camp-on
 * ({@link #recalled}), {@code LINEDEVSTATE_COMPLCANCEL} ({@link #cancelledBySwitch}), a
 * successful {@code lineUncompleteCall} ({@link #uncompleted}), the end of the call it waits on
 * ({@link #endBound}), the close of its line or of the application.
 *
 * <p><b>The early-event stash.</b> A completion's fire or cancellation may be dequeued before its
 * {@code lineCompleteCall} reply has been processed (when the reply was dequeued before its
 * request was registered, the issuing thread processes it, possibly after the pump has moved on).
 * While such requests are unresolved ({@link #requestIssued()} without
 * {@link #requestResolved()}), events for unknown completion IDs are kept in {@link #early}, and
 * {@link #register} applies the one for its ID.
 *
 * <p>Threading: the event pump matches events ({@link #recalled}, {@link #cancelledBySwitch},
 * {@link #endBound}); {@link #register}, {@link #carriedOutOnAcceptance} and {@link #uncompleted}
 * run on whichever thread processes the reply; {@link #endBound}, {@link #lineClosed} and
 * {@link #shutdown} also on a thread that closes a call, a line or the application; lookups on
 * any thread. The table is a concurrent map, and each transition
 * removes the completion from it first ({@code remove(key, c)}), so that exactly one thread settles
 * it. The one lock, {@link #stash}, is held for a few map operations only, never while calling
 * user code or native code.
 */
final class Completions {

    /** Marker in {@link #early} for a completion cancelled by the switch. */
    private static final Object CANCELLED_BY_SWITCH = new Object();

    private final Session session;
    private final Queries queries;
    private final ConcurrentHashMap<Long, CallCompletion> completions = new ConcurrentHashMap<>();

    /**
     * Guards {@link #completions} registration and lookup against {@link #early}, and the count
     * of unresolved {@code lineCompleteCall} requests that decides whether to stash.
     */
    private final Object stash = new Object();
    private int unresolvedCompletions;
    private final Map<Long, Object> early = new HashMap<>();

    /**
     * @param session the application, which the {@link CallCompletion}s created here refer to
     * @param queries reads the call information that names a recall's completion
     */
    Completions(Session session, Queries queries) {
        this.session = session;
        this.queries = queries;
    }

    static long key(int deviceId, int completionId) {
        return ((long) deviceId << 32) | (completionId & 0xFFFFFFFFL);
    }

    private static long key(CallCompletion c) {
        return key(c.line().deviceId(), c.id());
    }

    // ---- lineCompleteCall requests in flight ------------------------------------------------

    /** A {@code lineCompleteCall} is about to be issued: stash events until it is resolved. */
    void requestIssued() {
        synchronized (stash) {
            unresolvedCompletions++;
        }
    }

    /** Undoes {@link #requestIssued()}; the last one resolved empties the stash. */
    void requestResolved() {
        synchronized (stash) {
            if (--unresolvedCompletions == 0) {
                early.clear();
            }
        }
    }

    /**
     * The switch accepted a {@code lineCompleteCall}: creates its completion, tracks it, and
     * applies a fire or cancellation stashed for its ID.
     */
    CallCompletion register(Request q, int id) {
        CallCompletion c = new CallCompletion(session, q.line, q.call, id, q.mode, q.messageId,
                session.newFuture());
        long key = key(c);
        CallCompletion stale;
        Object pending;
        synchronized (stash) {
            stale = completions.put(key, c);
            pending = early.remove(key);
        }
        if (stale != null) {
            // The provider handed the ID out again: the old completion ended unnoticed.
            stale.end("the provider reused its completion ID " + id);
        }
        if (pending == CANCELLED_BY_SWITCH) {
            if (completions.remove(key, c)) {
                c.cancelledBySwitch();
            }
        } else if (pending instanceof Call) {
            if (completions.remove(key, c)) {
                c.fire((Call) pending);
            }
        }
        return c;
    }

    /**
     * MESSAGE and INTRUDE completions are carried out on acceptance: the message is left, or the
     * call joins the callee's conversation; the switch keeps no entry.
     */
    void carriedOutOnAcceptance(CallCompletion c, Call call) {
        if ((c.mode() == CallCompletionMode.MESSAGE || c.mode() == CallCompletionMode.INTRUDE)
                && completions.remove(key(c), c)) {
            c.fire(call);
        }
    }

    // ---- what becomes of a completion -------------------------------------------------------

    /**
     * Reads LINECALLINFO of a call offered or changed on the line and fires the completion the
     * call results from, if any (the recall of CALLBACK, the original call of CAMPON). An event
     * for an ID not registered yet is stashed while {@code lineCompleteCall} requests are
     * unresolved.
     *
     * @return the completion fired, or null
     */
    CallCompletion recalled(Line line, Call call) {
        CallInfo info;
        try {
            info = queries.callInfo(call);
        } catch (RuntimeException e) {
            Session.LOG.log(Level.DEBUG, "Could not read the call info of " + call, e);
            return null;
        }
        if (!info.isCompletion()) {
            return null;
        }
        long key = key(line.deviceId(), info.completionId());
        CallCompletion c;
        synchronized (stash) {
            c = completions.remove(key);
            if (c == null && unresolvedCompletions > 0) {
                early.put(key, call);
            }
        }
        return c != null && c.fire(call) ? c : null;
    }

    /**
     * LINEDEVSTATE_COMPLCANCEL for a completion ID of the line's device: cancels the completion,
     * or stashes the cancellation while {@code lineCompleteCall} requests are unresolved.
     *
     * @return the completion cancelled, or null if it is not (yet) known
     */
    CallCompletion cancelledBySwitch(Line line, int id) {
        long key = key(line.deviceId(), id);
        CallCompletion c;
        synchronized (stash) {
            c = completions.remove(key);
            if (c == null && unresolvedCompletions > 0) {
                early.put(key, CANCELLED_BY_SWITCH);
            }
        }
        if (c != null) {
            c.cancelledBySwitch();
        }
        return c;
    }

    /** A {@code lineUncompleteCall} for this completion succeeded. */
    void uncompleted(CallCompletion target) {
        if (completions.remove(key(target), target)) {
            target.cancelled();
        }
    }

    /**
     * A {@code lineUncompleteCall} for this completion, still active here, failed with
     * {@code LINEERR_INVALCOMPLETIONID}: the switch no longer has it (another application
     * cancelled it, which TAPI reports only as {@code LINEDEVSTATE_NUMCOMPLETIONS}). Settles it
     * as cancelled.
     */
    void unknownToSwitch(CallCompletion target) {
        if (completions.remove(key(target), target)) {
            target.unknownToSwitch();
        }
    }

    /** Ends CAMPON and INTRUDE completions waiting on a call that is gone. */
    void endBound(Call call, String why) {
        if (call.activeBound.get() == 0) {
            return;
        }
        for (CallCompletion c : completions.values()) {
            if (c.call() == call && !c.cancelling
                    && c.bindsCall()
                    && completions.remove(key(c), c)) {
                c.end(why);
            }
        }
    }

    /** Stops tracking the completions requested on a line that was closed. */
    void lineClosed(Line line) {
        for (CallCompletion c : completions.values()) {
            if (c.line() == line && completions.remove(key(c), c)) {
                c.close(new TapiException(TapiConstants.LINEERR_INVALLINEHANDLE, "lineCompleteCall",
                        "the line was closed; the completion is no longer tracked"));
            }
        }
    }

    /** Stops tracking every completion: the application was shut down. */
    void shutdown() {
        for (CallCompletion c : completions.values()) {
            if (completions.remove(key(c), c)) {
                c.close(new TapiException(TapiConstants.LINEERR_INVALAPPHANDLE, "lineCompleteCall",
                        "the application was shut down; the completion is no longer tracked"));
            }
        }
    }

    // ---- lookups (any thread) ---------------------------------------------------------------

    /** The active completion with this ID requested on this line. */
    CallCompletion completion(Line line, int id) {
        CallCompletion c = completions.get(key(line.deviceId(), id));
        return c != null && c.line() == line ? c : null;
    }

    /** The active completion with this ID on the line's device, requested on any of our lines. */
    CallCompletion onDevice(Line line, int id) {
        return completions.get(key(line.deviceId(), id));
    }

    /** The active completions requested on this line. */
    List<CallCompletion> of(Line line) {
        List<CallCompletion> list = new ArrayList<>();
        for (CallCompletion c : completions.values()) {
            if (c.line() == line) {
                list.add(c);
            }
        }
        return list;
    }
}
