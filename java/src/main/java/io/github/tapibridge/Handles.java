package io.github.tapibridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The handle tables of one application: its {@link Line}s by callback instance (the
 * {@code dwCallbackInstance} of {@code lineOpenW}, which TAPI returns in every message of the
 * line), its {@link Call}s by {@code HCALL}, and the call handles closed recently, so that a late
 * message about one is not taken for a new call. Forgetting a call or removing a line fails the
 * {@link Waits} still open on it.
 *
 * <p>Threading: lines are added by the thread that opens them and removed by the one that closes
 * them; calls are created on the event pump, or on the thread that processes a
 * {@code lineMakeCall} reply, and forgotten by the thread that closes them; the event pump looks
 * them up. The tables are concurrent maps; the closed-call table is guarded by its own monitor,
 * held for one map operation, never while calling user code or native code.
 */
final class Handles {

    /** How many closed call handles to remember, to ignore late messages about them. */
    private static final int CLOSED_CALLS_REMEMBERED = 1024;

    private final Session session;
    private final Completions completions;
    private final AtomicLong nextInstance = new AtomicLong(1);
    private final ConcurrentHashMap<Long, Line> lines = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Call> calls = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> closedCalls = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > CLOSED_CALLS_REMEMBERED;
        }
    };

    /**
     * @param session the application, which the {@link Call}s created here refer to
     * @param completions told when a call is forgotten, to end the completions bound to it
     */
    Handles(Session session, Completions completions) {
        this.session = session;
        this.completions = completions;
    }

    // ---- lines ------------------------------------------------------------------------------

    /** A callback instance for a line about to be opened, unique in the application. */
    long newInstance() {
        return nextInstance.getAndIncrement();
    }

    void addLine(Line line) {
        lines.put(line.instance(), line);
    }

    void removeLine(Line line) {
        lines.remove(line.instance());
        Waits.lineClosed(session, line);
    }

    /** The line of a message's callback instance, or null. */
    Line line(long instance) {
        return lines.get(instance);
    }

    List<Line> lines() {
        return new ArrayList<>(lines.values());
    }

    // ---- calls ------------------------------------------------------------------------------

    /** The call of a handle, or null if it is not (or no longer) known. */
    Call call(int hCall) {
        return calls.get(hCall);
    }

    /** The call object for a handle, created on first sight. */
    Call callFor(Line line, int hCall, CallPrivilege privilege) {
        Call call = calls.computeIfAbsent(hCall, h -> {
            Call c = new Call(session, line, h, privilege);
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

    /**
     * Forgets a call whose handle is released or invalid: closes its guard, remembers the handle
     * as closed, and ends the completions waiting on the call.
     */
    void forgetCall(Call call) {
        call.guard.close();
        // Recorded as closed before it leaves the map, so a late message for the handle is never
        // taken for a new call in between.
        synchronized (closedCalls) {
            closedCalls.put(call.handle(), Boolean.TRUE);
        }
        calls.remove(call.handle(), call);
        call.line().callSet().remove(call);
        completions.endBound(call, "the call was closed");
        Waits.callClosed(session, call);
    }

    boolean recentlyClosed(int hCall) {
        synchronized (closedCalls) {
            return closedCalls.containsKey(hCall);
        }
    }
}
