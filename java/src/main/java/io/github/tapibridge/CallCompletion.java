package io.github.tapibridge;

import io.github.tapibridge.internal.PumpFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A call completion request the switch has accepted ({@code lineCompleteCall} succeeded): its
 * completion ID, its mode, and what became of it.
 *
 * <p>The switch carries a completion out later, or cancels it. The library follows it through the
 * events of the line it was requested on ({@code docs/simulator.md}, "Call completion"):
 * <ul>
 *   <li>{@link CallCompletionMode#CALLBACK}: when the callee is free, the switch offers a new call
 *       whose {@link CallInfo#reason()} is {@link CallReason#CALLCOMPLETION} and whose
 *       {@link CallInfo#completionId()} is this ID; {@link #whenFired()} completes with that
 *       recall. The recall goes to whichever application owns incoming calls of its media mode on
 *       the device (normally this one, opened with {@link LineOptions#owner()}); if this
 *       application gets no handle for it, the completion is not seen to fire.</li>
 *   <li>{@link CallCompletionMode#CAMPON}: when the callee is free, the original call reports
 *       reason {@link CallReason#CALLCOMPLETION} ({@code LINE_CALLINFO}), rings back and
 *       connects; {@link #whenFired()} completes with the original call.</li>
 *   <li>{@link CallCompletionMode#INTRUDE} and {@link CallCompletionMode#MESSAGE}: carried out on
 *       acceptance (the call joins the callee's conversation, or the message is left);
 *       {@link #whenFired()} is complete, with the original call, when {@link Call#completeCall}
 *       completes, and no {@link LineEvent.CompletionFired} is sent.</li>
 * </ul>
 * A completion is matched to its recall or camp-on through the completion ID of the
 * {@code LINE_REPLY}. If the switch carries a completion out so soon that the event pump sees it
 * before it has processed that reply (possible only while another thread moves the switch's clock,
 * or with a real-time clock), {@link #whenFired()} still completes, when the reply is processed,
 * but no {@link LineEvent.CompletionFired} (and a {@link LineEvent.CompletionCancelled} without the
 * completion) is sent: rely on the future, not on the event.
 *
 * <p>The future behind {@link #whenFired()} is settled exactly once, according to the final
 * {@link #state()} (with the one exception below):
 * <ul>
 *   <li>{@link State#FIRED}: completed normally with the recall or the original call;</li>
 *   <li>{@link State#CANCELLED} ({@link #cancel()} or {@link Line#uncompleteCall(int)} succeeded,
 *       or failed with {@link LineError#LINEERR_INVALCOMPLETIONID} because the switch no longer
 *       had the completion): completed exceptionally with a {@link CancellationException} whose
 *       message names the completion ({@link CompletableFuture#isCancelled()} is true);</li>
 *   <li>{@link State#CANCELLED_BY_SWITCH} ({@code LINEDEVSTATE_COMPLCANCEL}, for example the
 *       service time expired): completed exceptionally with a {@link CancellationException} whose
 *       message says the switch cancelled it ({@link CompletableFuture#isCancelled()} is true);</li>
 *   <li>{@link State#ENDED} (the camped-on call went idle or was closed before the completion
 *       fired): completed exceptionally with a {@link CancellationException};</li>
 *   <li>{@link State#CLOSED} (the line or the application was closed, so the completion can no
 *       longer be followed): completed exceptionally with a {@link TapiException}
 *       ({@link LineError#LINEERR_INVALLINEHANDLE} or {@link LineError#LINEERR_INVALAPPHANDLE}).</li>
 * </ul>
 * <b>A completion cancelled by another application is not settled by itself.</b> Any application
 * with the device open may cancel any of its completions ({@code lineUncompleteCall}); TAPI then
 * tells the others only that the number changed ({@link LineDeviceState#NUMCOMPLETIONS}, with
 * {@link LineStatus#numCallCompletions()} one lower), not which completion went, and no TAPI
 * function lists the active completion IDs. Such a completion stays {@link State#ACTIVE} here
 * (a {@link CallCompletionMode#CAMPON} one still ends with its call, which the switch releases).
 * An application that sees the count drop below the completions it holds
 * ({@link Line#completions()}) can call {@link #cancel()} on those it no longer needs: a
 * completion the switch no longer has fails the cancel with
 * {@link LineError#LINEERR_INVALCOMPLETIONID} and is settled as {@link State#CANCELLED}; one it
 * still has is cancelled. (TAPI's IDs are unique only among active completions: if the switch has
 * since handed the ID to another request, that request is cancelled instead, which is true of
 * every {@code lineUncompleteCall}.)
 *
 * <p>{@link #whenFired()} returns a new future on every call, completed from the completion's own
 * future (in the same way, on the same thread): completing, cancelling or timing out the one a
 * caller got ({@code orTimeout}, {@code cancel}, {@code obtrudeValue} ...) changes neither the
 * completion nor what other callers see. The futures are completed on the event pump thread;
 * callbacks chained to them run there, in message order, and must not block. The
 * {@link CancellationException}s carry no stack trace: they are created on the event pump, where a
 * trace would show only the pump's own frames, and filling one in was the largest single cost of
 * a cancelled round trip. {@code handle}, {@code exceptionally} and {@code whenComplete} see such
 * an exception as it is; so do {@code get} and {@code join} on JDK 17, while newer JDKs (25, for
 * one) throw from those two a new {@link CancellationException} of their own ({@code "get"},
 * {@code "join"}) whose {@linkplain Throwable#getCause() cause} is the completion's: read the
 * message there.
 *
 * <p>Thread-safe.
 *
 * @see Call#completeCall(CallCompletionMode)
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linecompletecall">
 *      lineCompleteCall (Microsoft)</a>
 */
public final class CallCompletion {

    /** What became of a completion. */
    public enum State {
        /** Accepted by the switch, waiting to be carried out. */
        ACTIVE,
        /** Carried out: the recall was offered, or the original call completes. */
        FIRED,
        /** Cancelled by this application ({@code lineUncompleteCall}). */
        CANCELLED,
        /** Cancelled by the switch ({@code LINEDEVSTATE_COMPLCANCEL}). */
        CANCELLED_BY_SWITCH,
        /** A camp-on or intrusion ended with its call before it fired. */
        ENDED,
        /** No longer followed: its line or the application was closed. */
        CLOSED
    }

    volatile boolean cancelling;
    private final Session session;
    private final Line line;
    private final Call call;
    private final int id;
    private final CallCompletionMode mode;
    private final int messageId;
    private final PumpFuture<Call> fired;
    private final AtomicReference<State> state = new AtomicReference<>(State.ACTIVE);

    CallCompletion(Session session, Line line, Call call, int id, CallCompletionMode mode,
                   int messageId, PumpFuture<Call> fired) {
        this.session = session;
        this.line = line;
        this.call = call;
        this.id = id;
        this.mode = mode;
        this.messageId = messageId;
        this.fired = fired;
        if (bindsCall()) {
            call.activeBound.incrementAndGet();
        }
    }

    /** CAMPON and INTRUDE completions wait on their call: they end if it goes away. */
    boolean bindsCall() {
        return call != null && (mode == CallCompletionMode.CAMPON || mode == CallCompletionMode.INTRUDE);
    }

    /** The one transition out of {@link State#ACTIVE}; keeps the call's count of bound ones. */
    private boolean leave(State to) {
        if (!state.compareAndSet(State.ACTIVE, to)) {
            return false;
        }
        if (bindsCall()) {
            call.activeBound.decrementAndGet();
        }
        return true;
    }

    /**
     * Returns the completion ID the switch assigned ({@code *lpdwCompletionID}), unique on the
     * line device while the completion is active.
     *
     * @return the completion ID
     */
    public int id() {
        return id;
    }

    /**
     * Returns the mode requested.
     *
     * @return the mode
     */
    public CallCompletionMode mode() {
        return mode;
    }

    /**
     * Returns the message ID requested for {@link CallCompletionMode#MESSAGE}.
     *
     * @return the message ID, 0 for other modes
     */
    public int messageId() {
        return messageId;
    }

    /**
     * Returns the call whose completion was requested.
     *
     * @return the original call (possibly closed since)
     */
    public Call call() {
        return call;
    }

    /**
     * Returns the line the completion was requested on.
     *
     * @return the line
     */
    public Line line() {
        return line;
    }

    /**
     * Returns a future settled when the completion is carried out or ends; see the class comment
     * for what each outcome does to it. Each call returns a new future, which only its caller
     * can spoil: cancelling it, completing it or letting {@code orTimeout} fail it gives up
     * waiting for this caller and does not cancel the completion (use {@link #cancel()}) or
     * change the future of any other caller, nor what a later call returns. Call it once and keep
     * the future, rather than in a polling loop ({@link #state()} is for polling): until the
     * completion is settled, each future is held by it.
     *
     * @return a new future of the recall (CALLBACK) or of the original call (other modes)
     */
    public CompletableFuture<Call> whenFired() {
        PumpFuture<Call> view = session.newFuture();
        fired.whenComplete((call, failure) -> {
            if (failure == null) {
                view.complete(call);
            } else {
                view.completeExceptionally(failure);
            }
        });
        return view;
    }

    /**
     * Returns what became of the completion so far.
     *
     * @return the state
     */
    public State state() {
        return state.get();
    }

    /**
     * Tells whether the completion is still waiting to be carried out.
     *
     * @return true if {@link #state()} is {@link State#ACTIVE}
     */
    public boolean isActive() {
        return state.get() == State.ACTIVE;
    }

    /**
     * Tells whether the switch cancelled the completion on its own
     * ({@code LINEDEVSTATE_COMPLCANCEL}; see {@link LineEvent.CompletionCancelled}).
     *
     * @return true if {@link #state()} is {@link State#CANCELLED_BY_SWITCH}
     */
    public boolean isCancelledBySwitch() {
        return state.get() == State.CANCELLED_BY_SWITCH;
    }

    /**
     * Cancels the completion ({@code lineUncompleteCall(hLine, id)} on its line). When TAPI
     * confirms, the state becomes {@link State#CANCELLED} and {@link #whenFired()} is cancelled.
     * If the switch no longer has the completion (another application cancelled it: see the class
     * comment), the future fails with {@link LineError#LINEERR_INVALCOMPLETIONID} and the
     * completion is settled as {@link State#CANCELLED} all the same.
     *
     * <p>Cancelling the returned future (or completing it, or letting {@code orTimeout} fail it)
     * only gives up waiting: the {@code lineUncompleteCall} still runs.
     * If the completion is no longer {@linkplain #isActive() active}, TAPI is not called (its ID
     * may already name another request) and the future fails with
     * {@link LineError#LINEERR_INVALCOMPLETIONID}.
     *
     * @return a future completed when the switch has cancelled the request, or exceptionally with
     *         a {@link TapiException}
     * @throws IllegalStateException if the line is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineuncompletecall">
     *      lineUncompleteCall (Microsoft)</a>
     */
    public CompletableFuture<Void> cancel() {
        line.guard.ensureOpen();
        State s = state.get();
        if (s != State.ACTIVE) {
            CompletableFuture<Void> f = session.newFuture();
            f.completeExceptionally(new TapiException(LineError.LINEERR_INVALCOMPLETIONID.code(),
                    "lineUncompleteCall", "the completion is no longer active (" + s + ")"));
            return f;
        }
        return line.uncomplete(id, this);
    }

    // ---- transitions (event pump, or the thread that processed the reply) -------------------

    boolean fire(Call result) {
        if (leave(State.FIRED)) {
            fired.complete(result);
            return true;
        }
        return false;
    }

    void cancelled() {
        if (leave(State.CANCELLED)) {
            fired.completeExceptionally(new Cancelled("Completion " + id + " was cancelled"));
        }
    }

    void cancelledBySwitch() {
        if (leave(State.CANCELLED_BY_SWITCH)) {
            fired.completeExceptionally(new Cancelled(
                    "Completion " + id + " was cancelled by the switch (LINEDEVSTATE_COMPLCANCEL)"));
        }
    }

    void unknownToSwitch() {
        if (leave(State.CANCELLED)) {
            fired.completeExceptionally(new Cancelled("Completion " + id + " is no longer known to"
                    + " the switch (LINEERR_INVALCOMPLETIONID): another application cancelled it"));
        }
    }

    void end(String why) {
        if (leave(State.ENDED)) {
            fired.completeExceptionally(new Cancelled("Completion " + id + " ended: " + why));
        }
    }

    /**
     * The cancellation of {@link #whenFired()}, without a stack trace (see the class comment). A
     * {@link CancellationException}, so {@link CompletableFuture#isCancelled()} is true, and
     * {@code get} and {@code join} throw it, itself on JDK 17, as the cause of their own on newer
     * JDKs.
     */
    private static final class Cancelled extends CancellationException {
        private static final long serialVersionUID = 1L;

        Cancelled(String message) {
            super(message);
        }

        @Override
        public Throwable fillInStackTrace() {
            return this;
        }
    }

    void close(TapiException why) {
        if (leave(State.CLOSED)) {
            fired.completeExceptionally(why);
        }
    }

    @Override
    public String toString() {
        return "CallCompletion[id=" + id + ", " + mode + ", " + state.get() + ", device "
                + line.deviceId() + "]";
    }
}
