package io.github.tapibridge;

import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.TapiStrings;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A call handle ({@code HCALL}) of this application: a call it made with
 * {@link Line#makeCall(String)}, or one TAPI gave it ({@link LineEvent.NewCall}), such as an
 * incoming call or the recall of a completion.
 *
 * <p>All methods are thread-safe. Asynchronous methods return a {@link CompletableFuture} that the
 * event pump completes when the {@code LINE_REPLY} arrives; a request TAPI refuses at once completes
 * the future exceptionally before it is returned. Errors are {@link TapiException}s. Do not block on
 * a future on the event pump thread (in a listener or a future callback): chain a callback instead.
 * Each future is its caller's alone: cancelling it (or completing it, or letting {@code orTimeout}
 * fail it) only gives up waiting, and the request still runs.
 *
 * <p><b>Lifecycle.</b> A call that has gone {@link CallState#IDLE} should be closed
 * ({@link #close()}, {@code lineDeallocateCall}). Closing twice is safe; after close, every method
 * except {@link #close()}, {@link #isOpen()} and the simple accessors throws
 * IllegalStateException. Closing the {@link Line} or the {@link Tapi} closes its calls without
 * {@code lineDeallocateCall} (TAPI invalidates the handles itself).
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/call-handles">Call handles
 *      (Microsoft)</a>
 */
public final class Call implements AutoCloseable {

    final Guard guard;
    volatile boolean announced;
    private final Session session;
    private final Line line;
    private final int handle;
    private final CallPrivilege privilege;
    /**
     * Active CAMPON and INTRUDE completions of this call, kept by {@link CallCompletion}: when it is
     * 0, a call going idle or closed has no completion to end, and the table is not searched.
     */
    final AtomicInteger activeBound = new AtomicInteger();
    /** The futures of {@link #whenState}. */
    final Waits<CallState> stateWaits = new Waits<>();
    private volatile CallState lastState;
    private volatile int lastStateMode;
    /** Its {@link Conference} view, made when it is first known to be a conference call. */
    private volatile Conference conferenceView;

    Call(Session session, Line line, int handle, CallPrivilege privilege) {
        this.session = session;
        this.line = line;
        this.handle = handle;
        this.privilege = privilege;
        this.guard = new Guard("Call 0x" + hex8(handle));
    }

    /** {@code %08X} without {@link String#format}, which costs microseconds per new call. */
    private static String hex8(int value) {
        String h = Integer.toHexString(value).toUpperCase(Locale.ROOT);
        return "00000000".substring(h.length()) + h;
    }

    /** {@code "call 0x0001000A"}, for messages. */
    String name() {
        return "call 0x" + hex8(handle);
    }

    Session session() {
        return session;
    }

    /** This call as a conference call; one object per call. */
    Conference asConference() {
        Conference c = conferenceView;
        if (c == null) {
            synchronized (this) {
                c = conferenceView;
                if (c == null) {
                    c = new Conference(this);
                    conferenceView = c;
                }
            }
        }
        return c;
    }

    void reported(CallState state, int mode) {
        this.lastState = state;
        this.lastStateMode = mode;
    }

    /**
     * Returns the line of the call.
     *
     * @return the line
     */
    public Line line() {
        return line;
    }

    /**
     * Returns the {@code HCALL} handle.
     *
     * @return the handle (still returned after close, but then invalid)
     */
    public int handle() {
        return handle;
    }

    /**
     * Returns this application's privilege on the call, as TAPI gave it with the handle.
     *
     * @return {@link CallPrivilege#OWNER} for calls made by this application; the privilege of
     *         {@link LineEvent.NewCall} for others
     */
    public CallPrivilege privilege() {
        return privilege;
    }

    /**
     * Returns the state of the call now ({@code lineGetCallStatus}). Unlike
     * {@link #lastReportedState()} it asks TAPI, so it may be ahead of the events a listener has
     * seen.
     *
     * @return the current state
     * @throws TapiException if TAPI fails (for example the handle became invalid), with the
     *         {@linkplain TapiException#context() context} {@code state() of call 0x...}
     * @throws IllegalStateException if the call is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetcallstatus">
     *      lineGetCallStatus (Microsoft)</a>
     */
    public CallState state() {
        return status("state()").state();
    }

    /**
     * Returns the status of the call now: state, mode, privilege and the features available
     * ({@code lineGetCallStatus}).
     *
     * @return the status
     * @throws TapiException if TAPI fails, with the {@linkplain TapiException#context() context}
     *         {@code status() of call 0x...}
     * @throws IllegalStateException if the call is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetcallstatus">
     *      lineGetCallStatus (Microsoft)</a>
     */
    public CallStatus status() {
        return status("status()");
    }

    private CallStatus status(String method) {
        try {
            return session.queries.callStatus(this);
        } catch (TapiException e) {
            throw e.withContext(method + " of " + name());
        }
    }

    /**
     * Returns the state of the last {@code LINE_CALLSTATE} message the event pump processed for
     * this call, without calling TAPI.
     *
     * @return the last reported state, or null if none was reported yet
     */
    public CallState lastReportedState() {
        return lastState;
    }

    /**
     * Returns the mode of the last reported state ({@code dwParam2} of {@code LINE_CALLSTATE});
     * for {@link CallState#CONFERENCED}, the handle of the conference call
     * ({@link #currentConference()}).
     *
     * @return the mode, 0 if none was reported yet
     */
    public int lastReportedStateMode() {
        return lastStateMode;
    }

    /**
     * Returns a future that completes when the call reaches one of the given states: when the event
     * pump has processed a {@code LINE_CALLSTATE} message for this call with one of them, or at
     * once if the last state it processed is one of them (the {@linkplain #lastReportedState()
     * last reported state}, once the pump has finished with its message: ended the completions
     * of a call gone idle, handed the event to the listeners). This is how to
     * wait before the next step of a call flow, since on a real switch a call reaches its states
     * some time after the request that caused them:
     *
     * <pre>{@code
     * Call call = line.makeCall("201").get();
     * CallState s = call.whenState(CallState.BUSY, CallState.CONNECTED).get(30, TimeUnit.SECONDS);
     * if (s == CallState.BUSY) {
     *     CallCompletion c = call.completeCall(CallCompletionMode.CALLBACK).get();
     * }
     * // or without blocking a thread:
     * call.whenState(CallState.BUSY)
     *     .thenCompose(busy -> call.completeCall(CallCompletionMode.CAMPON))
     *     .thenAccept(c -> log("camping on, completion " + c.id()));
     * }</pre>
     *
     * <p>Only states reported from now on count, besides the last reported one: a state the call
     * passed through before is not seen, so ask for every state that would do (for an outgoing
     * call, for example, {@code RINGBACK} and {@code CONNECTED}).
     *
     * <p>The future fails with a {@link TapiException} when the state can no longer be reached:
     * {@link LineError#LINEERR_INVALCALLSTATE} if the call goes (or is) {@link CallState#IDLE}
     * and IDLE is not one of the states asked for; {@link LineError#LINEERR_INVALCALLHANDLE} if
     * the call is closed, {@link LineError#LINEERR_INVALLINEHANDLE} if its line is closed, and
     * {@link LineError#LINEERR_INVALAPPHANDLE} if the {@link Tapi} is closed first. Its
     * {@link TapiException#function()} is {@code LINE_CALLSTATE}; its
     * {@link TapiException#context()} names the wait, for example
     * {@code whenState(BUSY) of call 0x00010004}. It never times out by itself: add
     * {@link CompletableFuture#orTimeout} or use {@link CompletableFuture#get(long,
     * java.util.concurrent.TimeUnit)}.
     *
     * <p><b>Threads.</b> The future is completed on the event pump thread, after the line's and
     * the application's listeners have been handed the {@link LineEvent.CallStateChanged} event
     * (on the pump thread, or queued to the {@linkplain TapiConfig.Builder#listenerExecutor
     * listener executor}). Callbacks chained without an executor run on the pump thread, like
     * listeners: they may call this library, but one that blocks stalls every event of the
     * application; {@code get()} and {@code join()} on the pump thread throw
     * IllegalStateException instead of deadlocking. Each call returns a new future, shared with
     * nobody: completing or cancelling it (also through {@code orTimeout}) ends this wait and
     * affects no other.
     *
     * @param first a state to wait for
     * @param more more states; the future completes with whichever comes first
     * @return a future completed with the state reached
     * @throws NullPointerException if a state is null
     * @throws IllegalStateException if the call is closed
     */
    public CompletableFuture<CallState> whenState(CallState first, CallState... more) {
        return Waits.whenState(session, this, first, more);
    }

    /**
     * Returns information about the call ({@code lineGetCallInfoW}): parties, origin, reason, and
     * for a call produced by a completion, the completion ID.
     *
     * @return the information
     * @throws TapiException if TAPI fails, with the {@linkplain TapiException#context() context}
     *         {@code info() of call 0x...}
     * @throws IllegalStateException if the call is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetcallinfo">
     *      lineGetCallInfo (Microsoft)</a>
     */
    public CallInfo info() {
        try {
            return session.queries.callInfo(this);
        } catch (TapiException e) {
            throw e.withContext("info() of " + name());
        }
    }

    /**
     * Requests completion of this call in a mode that needs no message
     * ({@code lineCompleteCall(hCall, &id, mode, 0)}). The call must be busy or ringing back; the
     * address must support the mode ({@link AddressCaps#completionModes()}).
     *
     * <p>The future completes when the switch has <em>accepted</em> the request, with a
     * {@link CallCompletion} that carries the completion ID; {@link CallCompletion#whenFired()}
     * completes when the completion is carried out. Errors the provider detects arrive in the
     * {@code LINE_REPLY}, for example {@link LineError#LINEERR_INVALCALLSTATE},
     * {@link LineError#LINEERR_COMPLETIONOVERRUN}, {@link LineError#LINEERR_INVALCALLCOMPLMODE};
     * others fail the future at once ({@link LineError#LINEERR_NOTOWNER},
     * {@link LineError#LINEERR_OPERATIONUNAVAIL} ...).
     *
     * <p>Cancelling the returned future (or completing it, or letting {@code orTimeout} fail it)
     * only gives up waiting: the request still runs, and if the switch accepts it the completion
     * is active all the same, in {@link Line#completions()}, where it can be found and
     * {@linkplain CallCompletion#cancel() cancelled}.
     *
     * @param mode the completion mode
     * @return a future completed with the completion, or exceptionally with a TapiException
     * @throws NullPointerException if {@code mode} is null
     * @throws IllegalStateException if the call is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linecompletecall">
     *      lineCompleteCall (Microsoft)</a>
     */
    public CompletableFuture<CallCompletion> completeCall(CallCompletionMode mode) {
        return completeCall(mode, 0);
    }

    /**
     * Requests completion of this call ({@code lineCompleteCall}), with a message ID for
     * {@link CallCompletionMode#MESSAGE}. As {@link #completeCall(CallCompletionMode)}; in
     * addition, a message ID that is not one of the address's
     * {@linkplain AddressCaps#completionMessages() messages} fails with
     * {@link LineError#LINEERR_INVALMESSAGEID}. Cancelling the returned future only gives up
     * waiting, as there.
     *
     * @param mode the completion mode
     * @param messageId the index of the completion message for {@link CallCompletionMode#MESSAGE};
     *        ignored (0 is passed) for the other modes
     * @return a future completed with the completion, or exceptionally with a TapiException
     * @throws NullPointerException if {@code mode} is null
     * @throws IllegalStateException if the call is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linecompletecall">
     *      lineCompleteCall (Microsoft)</a>
     */
    public CompletableFuture<CallCompletion> completeCall(CallCompletionMode mode, int messageId) {
        Objects.requireNonNull(mode, "mode");
        return complete(mode, mode.bits(), mode == CallCompletionMode.MESSAGE ? messageId : 0);
    }

    /** lineCompleteCall with raw mode bits (tests pass invalid combinations). */
    CompletableFuture<CallCompletion> complete(CallCompletionMode mode, int modeBits, int messageId) {
        Request q = new Request(Request.Kind.COMPLETE_CALL, session.newFuture(), line, this, mode,
                messageId, null);
        return session.requests.submit(new Guard[] {guard, line.guard, session.guard},
                "lineCompleteCall", line, true, q,
                out -> session.backend.lineCompleteCall(handle, out, modeBits, messageId));
    }

    /**
     * Answers an offered call ({@code lineAnswer}, no user-user information).
     *
     * <p>Cancelling the returned future (or completing it, or letting {@code orTimeout} fail it)
     * only gives up waiting: the request has been issued and still runs.
     *
     * @return a future completed when TAPI confirms, or exceptionally with a TapiException (for
     *         example {@link LineError#LINEERR_INVALCALLSTATE} if the call is not offering,
     *         {@link LineError#LINEERR_NOTOWNER})
     * @throws IllegalStateException if the call is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineanswer">
     *      lineAnswer (Microsoft)</a>
     */
    public CompletableFuture<Void> answer() {
        return request(Request.Kind.ANSWER, "lineAnswer", new Guard[] {guard, line.guard, session.guard},
                () -> session.backend.lineAnswer(handle, 0, 0));
    }

    /**
     * Drops the call ({@code lineDrop}, no user-user information). The handle stays valid: close
     * it when the call has gone idle.
     *
     * <p>Cancelling the returned future (or completing it, or letting {@code orTimeout} fail it)
     * only gives up waiting: the request has been issued and still runs.
     *
     * @return a future completed when TAPI confirms, or exceptionally with a TapiException (for
     *         example {@link LineError#LINEERR_INVALCALLSTATE} if the call is idle)
     * @throws IllegalStateException if the call is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linedrop">
     *      lineDrop (Microsoft)</a>
     */
    public CompletableFuture<Void> drop() {
        return request(Request.Kind.DROP, "lineDrop", new Guard[] {guard, line.guard, session.guard},
                () -> session.backend.lineDrop(handle, 0, 0));
    }

    /**
     * Dials on this call ({@code lineDialW}, country code 0): a call in
     * {@link CallState#DIALTONE} (from {@link Line#makeCall()}), or one left in
     * {@link CallState#DIALING} by a dialable address that ended in {@code ;}. The address has the
     * format of {@link Line#makeCall(String)}; a {@code ;} at its end leaves the call dialling for
     * more digits, otherwise the call goes on to {@link CallState#PROCEEDING} and beyond.
     *
     * <p>The future completes when the {@code LINE_REPLY} reports success; the state changes
     * follow as {@link LineEvent.CallStateChanged} events. It fails with a {@link TapiException}
     * whose {@link TapiException#function()} is {@code lineDialW}: at once (the function result)
     * for {@link LineError#LINEERR_INVALCALLHANDLE} or {@link LineError#LINEERR_NOTOWNER}; in the
     * {@code LINE_REPLY} for what the provider refuses, {@link LineError#LINEERR_INVALCALLSTATE}
     * (the call does not wait for digits), {@link LineError#LINEERR_INVALADDRESS},
     * {@link LineError#LINEERR_DIALDIALTONE}, {@link LineError#LINEERR_DIALQUIET},
     * {@link LineError#LINEERR_DIALBILLING} (a {@code W}, {@code @} or {@code $} the line does
     * not support) and {@link LineError#LINEERR_DIALPROMPT} ({@code ?}). Thread-safe; futures as
     * the class comment says.
     *
     * @param address the digits to dial (a dialable address)
     * @return a future completed when TAPI confirms, or exceptionally with a TapiException
     * @throws NullPointerException if {@code address} is null
     * @throws IllegalArgumentException if {@code address} is longer than 1,024 UTF-16 units or
     *         contains U+0000 (nothing is sent to TAPI)
     * @throws IllegalStateException if the call is closed
     * @throws UnsupportedOperationException if the provider library does not export
     *         {@code lineDialW} (nor the hold functions)
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linedial">
     *      lineDial (Microsoft)</a>
     */
    public CompletableFuture<Void> dial(String address) {
        TapiStrings.check(Objects.requireNonNull(address, "address"), "address");
        return request(Request.Kind.DIAL, "lineDialW", new Guard[] {guard, line.guard, session.guard},
                () -> session.backend.lineDialW(handle, address, 0));
    }

    /**
     * Puts this call on hold ({@code lineHold}): a {@link CallState#CONNECTED} call goes
     * {@link CallState#ONHOLD}; the other party hears hold. The future completes when the
     * {@code LINE_REPLY} reports success. Errors are {@link TapiException}s whose
     * {@link TapiException#function()} is {@code lineHold}: at once for
     * {@link LineError#LINEERR_INVALCALLHANDLE} or {@link LineError#LINEERR_NOTOWNER}, in the
     * {@code LINE_REPLY} for {@link LineError#LINEERR_INVALCALLSTATE} (the call is not connected)
     * and other refusals of the provider. Thread-safe; futures as the class comment says.
     *
     * @return a future completed when TAPI confirms, or exceptionally with a TapiException
     * @throws IllegalStateException if the call is closed
     * @throws UnsupportedOperationException if the provider library does not export
     *         {@code lineHold}
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linehold">
     *      lineHold (Microsoft)</a>
     */
    public CompletableFuture<Void> hold() {
        return request(Request.Kind.HOLD, "lineHold", new Guard[] {guard, line.guard, session.guard},
                () -> session.backend.lineHold(handle));
    }

    /**
     * Takes this call back from hold ({@code lineUnhold}): an {@link CallState#ONHOLD} call goes
     * {@link CallState#CONNECTED}. Errors as for {@link #hold()}, with {@code lineUnhold}:
     * {@link LineError#LINEERR_INVALCALLSTATE} in the {@code LINE_REPLY} if the call is not on
     * hold. Thread-safe; futures as the class comment says.
     *
     * @return a future completed when TAPI confirms, or exceptionally with a TapiException
     * @throws IllegalStateException if the call is closed
     * @throws UnsupportedOperationException if the provider library does not export
     *         {@code lineUnhold}
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineunhold">
     *      lineUnhold (Microsoft)</a>
     */
    public CompletableFuture<Void> unhold() {
        return request(Request.Kind.UNHOLD, "lineUnhold", new Guard[] {guard, line.guard, session.guard},
                () -> session.backend.lineUnhold(handle));
    }

    /**
     * Swaps this active call with a held one ({@code lineSwapHold(this, held)}): this call goes
     * {@link CallState#ONHOLD} and {@code held} {@link CallState#CONNECTED}, for example to
     * alternate between a consultation call and the call on hold. Errors are
     * {@link TapiException}s whose {@link TapiException#function()} is {@code lineSwapHold}: at
     * once for {@link LineError#LINEERR_INVALCALLHANDLE} (the simulator also answers it for a
     * call of another line device) or {@link LineError#LINEERR_NOTOWNER}; in the
     * {@code LINE_REPLY} for {@link LineError#LINEERR_INVALCALLSTATE} (this call is not connected
     * or {@code held} not on hold). Thread-safe; futures as the class comment says.
     *
     * @param held the call on hold, of the same {@link Tapi}
     * @return a future completed when TAPI confirms, or exceptionally with a TapiException
     * @throws NullPointerException if {@code held} is null
     * @throws IllegalArgumentException if {@code held} is this call or a call of another
     *         {@link Tapi}
     * @throws IllegalStateException if this call or {@code held} is closed
     * @throws UnsupportedOperationException if the provider library does not export
     *         {@code lineSwapHold}
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineswaphold">
     *      lineSwapHold (Microsoft)</a>
     */
    public CompletableFuture<Void> swapHold(Call held) {
        Objects.requireNonNull(held, "held");
        if (held == this) {
            throw new IllegalArgumentException(name() + " cannot be swapped with itself");
        }
        if (held.session != session) {
            throw new IllegalArgumentException(held.name() + " belongs to another Tapi");
        }
        Guard[] guards = held.line == line
                ? new Guard[] {guard, held.guard, line.guard, session.guard}
                : new Guard[] {guard, held.guard, line.guard, held.line.guard, session.guard};
        return request(Request.Kind.SWAP_HOLD, "lineSwapHold", guards,
                () -> session.backend.lineSwapHold(handle, held.handle));
    }

    /**
     * Deflects this offered call to another address before it is answered ({@code lineRedirectW},
     * country code 0): the call leaves this station (it goes {@link CallState#IDLE}; close it then)
     * and the caller reaches {@code destination} as a new call would; the destination sees
     * {@link CallReason#REDIRECT}, and {@link CallInfo#redirectingId()} and
     * {@link CallInfo#redirectionId()} of the calls involved name this address and the
     * destination.
     *
     * <p>The future completes when the {@code LINE_REPLY} reports success. It fails with a
     * {@link TapiException} whose {@link TapiException#function()} is {@code lineRedirectW}: at
     * once for {@link LineError#LINEERR_INVALCALLHANDLE} or {@link LineError#LINEERR_NOTOWNER};
     * in the {@code LINE_REPLY} for {@link LineError#LINEERR_INVALCALLSTATE} (the call is not
     * {@link CallState#OFFERING}, or is a completion recall), {@link LineError#LINEERR_INVALADDRESS}
     * (not a dialable address with a number, this address's own number, a dial modifier the line
     * refuses, or an outside caller sent to an outside number) and other refusals of the
     * provider. Thread-safe; futures as the class comment says.
     *
     * @param destination the dialable address to deflect the call to
     * @return a future completed when TAPI confirms, or exceptionally with a TapiException
     * @throws NullPointerException if {@code destination} is null
     * @throws IllegalArgumentException if {@code destination} is longer than 1,024 UTF-16 units
     *         or contains U+0000 (nothing is sent to TAPI)
     * @throws IllegalStateException if the call is closed
     * @throws UnsupportedOperationException if the provider library does not export
     *         {@code lineRedirectW} (nor the blind transfer and digits functions)
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineredirect">
     *      lineRedirect (Microsoft)</a>
     */
    public CompletableFuture<Void> redirect(String destination) {
        TapiStrings.check(Objects.requireNonNull(destination, "destination"), "destination");
        return request(Request.Kind.REDIRECT, "lineRedirectW", new Guard[] {guard, line.guard, session.guard},
                () -> session.backend.lineRedirectW(handle, destination, 0));
    }

    /**
     * Transfers this connected call to another address without consultation
     * ({@code lineBlindTransferW}, country code 0): the call leaves this station (it goes
     * {@link CallState#IDLE}; close it then) and the other party reaches {@code destination},
     * which sees {@link CallReason#TRANSFER}; {@link CallInfo#redirectingId()} and
     * {@link CallInfo#redirectionId()} of the calls involved name this address and the
     * destination. Errors as for {@link #redirect(String)}, with {@code lineBlindTransferW}:
     * {@link LineError#LINEERR_INVALCALLSTATE} in the {@code LINE_REPLY} if the call is not
     * {@link CallState#CONNECTED} (a held call cannot be transferred this way),
     * {@link LineError#LINEERR_INVALADDRESS} for a bad destination, and
     * {@link LineError#LINEERR_ADDRESSBLOCKED} for an outside party sent to an outside number.
     * Thread-safe; futures as the class comment says.
     *
     * @param destination the dialable address to transfer the call to
     * @return a future completed when TAPI confirms, or exceptionally with a TapiException
     * @throws NullPointerException if {@code destination} is null
     * @throws IllegalArgumentException if {@code destination} is longer than 1,024 UTF-16 units
     *         or contains U+0000 (nothing is sent to TAPI)
     * @throws IllegalStateException if the call is closed
     * @throws UnsupportedOperationException if the provider library does not export
     *         {@code lineBlindTransferW} (nor the redirect and digits functions)
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineblindtransfer">
     *      lineBlindTransfer (Microsoft)</a>
     */
    public CompletableFuture<Void> blindTransfer(String destination) {
        TapiStrings.check(Objects.requireNonNull(destination, "destination"), "destination");
        return request(Request.Kind.BLIND_TRANSFER, "lineBlindTransferW",
                new Guard[] {guard, line.guard, session.guard},
                () -> session.backend.lineBlindTransferW(handle, destination, 0));
    }

    /**
     * Sends digits on this connected call ({@code lineGenerateDigitsW}), for example DTMF to an
     * interactive voice menu. The call returns once the generation has started; when it ends, the
     * line's listeners get {@link LineEvent.DigitsGenerated}: {@code done} once every digit was
     * sent, not done if it was cancelled (by the next {@code generateDigits} on this call, which
     * replaces it, by {@link #cancelDigits()}, or by the call leaving
     * {@link CallState#CONNECTED}). {@link DigitMode#DTMF} sends {@code 0}-{@code 9},
     * {@code A}-{@code D}, {@code *} and {@code #}; {@link DigitMode#PULSE} sends {@code 0}-{@code 9};
     * {@code ,} pauses and {@code !} flashes the hook; other characters are skipped.
     *
     * <p>Synchronous: errors are {@link TapiException}s whose {@link TapiException#function()} is
     * {@code lineGenerateDigitsW}, thrown here: {@link LineError#LINEERR_INVALCALLHANDLE},
     * {@link LineError#LINEERR_NOTOWNER} (a monitored call),
     * {@link LineError#LINEERR_INVALDIGITMODE} ({@link DigitMode#DTMFEND}, which only monitoring
     * knows), {@link LineError#LINEERR_INVALCALLSTATE} (the call is not connected),
     * {@link LineError#LINEERR_NOMEM}. Thread-safe.
     *
     * @param digits the digits to send, not empty
     * @param mode {@link DigitMode#DTMF} or {@link DigitMode#PULSE}
     * @param duration how long each DTMF tone lasts, and the spacing after it; null or zero for
     *        the line's default (the provider may round it into its range)
     * @throws NullPointerException if {@code digits} or {@code mode} is null
     * @throws IllegalArgumentException if {@code digits} is empty, longer than 1,024 UTF-16 units
     *         or contains U+0000, or {@code duration} is negative or over {@code 0xFFFFFFFF} ms
     *         (nothing is sent to TAPI)
     * @throws IllegalStateException if the call is closed
     * @throws UnsupportedOperationException if the provider library does not export
     *         {@code lineGenerateDigitsW} (nor the redirect and transfer functions)
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegeneratedigits">
     *      lineGenerateDigits (Microsoft)</a>
     */
    public void generateDigits(String digits, DigitMode mode, Duration duration) {
        Objects.requireNonNull(digits, "digits");
        Objects.requireNonNull(mode, "mode");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("digits is empty (cancelDigits() cancels a generation)");
        }
        TapiStrings.check(digits, "digits");
        long ms = duration == null ? 0 : duration.toMillis();
        if (ms < 0 || ms > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("duration out of range: " + duration);
        }
        int dwDuration = (int) ms;
        synchronous("generateDigits()", "lineGenerateDigitsW",
                () -> session.backend.lineGenerateDigitsW(handle, mode.bits(), digits, dwDuration));
    }

    /**
     * Cancels the digit generation in progress on this call ({@code lineGenerateDigitsW} with
     * {@code NULL} digits): the line's listeners get {@link LineEvent.DigitsGenerated}, not done.
     * Nothing happens if no generation is in progress. Errors as for
     * {@link #generateDigits(String, DigitMode, Duration)}. Thread-safe.
     *
     * @throws IllegalStateException if the call is closed
     * @throws UnsupportedOperationException as for {@link #generateDigits(String, DigitMode, Duration)}
     */
    public void cancelDigits() {
        synchronous("cancelDigits()", "lineGenerateDigitsW",
                () -> session.backend.lineGenerateDigitsW(handle, DigitMode.DTMF.bits(), null, 0));
    }

    /**
     * Turns on, changes or (with an empty set) turns off the detection of digits the far end of
     * this call sends ({@code lineMonitorDigits}); each detected digit reaches the line's
     * listeners as {@link LineEvent.DigitReceived}. {@link DigitMode#DTMF} reports a tone as it
     * starts, {@link DigitMode#DTMFEND} as it ends. Any privilege may monitor; monitoring lasts
     * until turned off, the call goes {@link CallState#IDLE} or the call is closed.
     *
     * <p>Synchronous: errors are {@link TapiException}s whose {@link TapiException#function()} is
     * {@code lineMonitorDigits}, thrown here: {@link LineError#LINEERR_INVALCALLHANDLE},
     * {@link LineError#LINEERR_INVALCALLSTATE} (the call is idle or disconnected),
     * {@link LineError#LINEERR_INVALDIGITMODE} (a mode the line cannot detect). Thread-safe.
     *
     * @param modes the modes to detect; empty to stop
     * @throws NullPointerException if {@code modes} or one of its elements is null
     * @throws IllegalStateException if the call is closed
     * @throws UnsupportedOperationException if the provider library does not export
     *         {@code lineMonitorDigits} (nor the redirect, transfer and generation functions)
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linemonitordigits">
     *      lineMonitorDigits (Microsoft)</a>
     */
    public void monitorDigits(Set<DigitMode> modes) {
        int mask = DigitMode.maskOf(Objects.requireNonNull(modes, "modes"));
        synchronous("monitorDigits()", "lineMonitorDigits",
                () -> session.backend.lineMonitorDigits(handle, mask));
    }

    /**
     * Starts a consultation transfer of this connected call ({@code lineSetupTransferW}, no call
     * parameters): this call goes {@link CallState#ONHOLDPENDTRANSFER} (its far end hears hold),
     * and the future completes with the consultation call, a new call of this application on the
     * same address, in {@link CallState#DIALTONE}: dial the destination on it with
     * {@link #dial(String)}, then finish with {@link #completeTransfer(Call)} or
     * {@link #conference(Call)} on this call, or drop the consultation call to get this one back
     * ({@link CallState#CONNECTED} again).
     *
     * <p>The future completes when the {@code LINE_REPLY} reports success, before any event about
     * the consultation call. It fails with a {@link TapiException} whose
     * {@link TapiException#function()} is {@code lineSetupTransferW}: at once (before this method
     * returns) for {@link LineError#LINEERR_INVALCALLHANDLE} or {@link LineError#LINEERR_NOTOWNER}
     * (a monitored call); in the {@code LINE_REPLY} for {@link LineError#LINEERR_INVALCALLSTATE}
     * (the call is not connected, or already in a transfer or a conference),
     * {@link LineError#LINEERR_CALLUNAVAIL} (the address has no room for another call) and the
     * provider's other refusals. Cancelling the future before the reply gives the consultation
     * call up as {@link Line#makeCall(String)} does (it is dropped and deallocated, which gives
     * this call back). Thread-safe; futures as the class comment says.
     *
     * @return a future completed with the consultation call, or exceptionally with a TapiException
     * @throws IllegalStateException if the call is closed
     * @throws UnsupportedOperationException if the provider library does not export
     *         {@code lineSetupTransferW} (nor the other transfer and conference functions)
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linesetuptransfer">
     *      lineSetupTransfer (Microsoft)</a>
     */
    public CompletableFuture<Call> setupTransfer() {
        return Transfers.setupTransfer(this);
    }

    /**
     * Completes the consultation transfer of this held call to {@code consultation}
     * ({@code lineCompleteTransfer(this, consultation, NULL, LINETRANSFERMODE_TRANSFER)}): the two
     * far ends are connected with each other and both calls leave this station (they go
     * {@link CallState#IDLE}; close them then). This call is the one {@link #setupTransfer()}
     * put {@link CallState#ONHOLDPENDTRANSFER} and {@code consultation} its consultation call,
     * {@link CallState#CONNECTED} or, for an unscreened transfer, still
     * {@link CallState#RINGBACK}; or this call is {@link CallState#ONHOLD} and
     * {@code consultation} another call of the line device. The far end that stays on a local
     * line gets {@code LINE_CALLINFO}: its {@link CallInfo#connectedId()} is the other party,
     * {@link CallInfo#redirectingId()} this address, {@link CallInfo#redirectionId()} the
     * consultation call's destination.
     *
     * <p>The future fails with a {@link TapiException} whose {@link TapiException#function()} is
     * {@code lineCompleteTransfer}: at once (before this method returns) for
     * {@link LineError#LINEERR_INVALCALLHANDLE}, {@link LineError#LINEERR_NOTOWNER} and
     * {@link LineError#LINEERR_INVALCONSULTCALLHANDLE} ({@code consultation} is on another line
     * device); in the {@code LINE_REPLY} for {@link LineError#LINEERR_INVALCALLSTATE} (this call
     * is not on hold, or {@code consultation} is not connected or ringing back),
     * {@link LineError#LINEERR_INVALCONSULTCALLHANDLE} ({@code consultation} is not this call's
     * consultation call) and {@link LineError#LINEERR_OPERATIONUNAVAIL} (both far ends are
     * outside parties, which the switch does not join: {@link #conference(Call)} can).
     * Thread-safe; futures as the class comment says.
     *
     * @param consultation the consultation call, of the same {@link Tapi}
     * @return a future completed when TAPI confirms, or exceptionally with a TapiException
     * @throws NullPointerException if {@code consultation} is null
     * @throws IllegalArgumentException if {@code consultation} is this call or a call of another
     *         {@link Tapi}
     * @throws IllegalStateException if this call or {@code consultation} is closed
     * @throws UnsupportedOperationException if the provider library does not export
     *         {@code lineCompleteTransfer} (nor the other transfer and conference functions)
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linecompletetransfer">
     *      lineCompleteTransfer (Microsoft)</a>
     */
    public CompletableFuture<Void> completeTransfer(Call consultation) {
        return Transfers.completeTransfer(this, Objects.requireNonNull(consultation, "consultation"));
    }

    /**
     * Makes a three-party conference of this held call and {@code consultation}
     * ({@code lineCompleteTransfer} in {@code LINETRANSFERMODE_CONFERENCE}): TAPI creates a
     * conference call, which goes {@link CallState#CONNECTED}, and both calls become its parties
     * ({@link CallState#CONFERENCED}, this call first). The future completes with the
     * {@link Conference} when the {@code LINE_REPLY} reports success; its parties appear as their
     * {@code LINE_CALLSTATE} messages arrive. The calls are those of
     * {@link #completeTransfer(Call)}, but {@code consultation} must be connected.
     *
     * <p>The future fails with a {@link TapiException} whose {@link TapiException#function()} is
     * {@code lineCompleteTransfer}: at once for the errors {@link #completeTransfer(Call)} has at
     * once; in the {@code LINE_REPLY} for {@link LineError#LINEERR_INVALCALLSTATE} (also when
     * {@code consultation} still rings), {@link LineError#LINEERR_INVALCONSULTCALLHANDLE} and
     * {@link LineError#LINEERR_RESOURCEUNAVAIL} (no room on the address for the conference
     * call). Cancelling the future only gives up waiting: the conference is made all the same,
     * and its call is in {@link Line#calls()}. Thread-safe; futures as the class comment says.
     *
     * @param consultation the consultation call, connected, of the same {@link Tapi}
     * @return a future completed with the conference, or exceptionally with a TapiException
     * @throws NullPointerException if {@code consultation} is null
     * @throws IllegalArgumentException if {@code consultation} is this call or a call of another
     *         {@link Tapi}
     * @throws IllegalStateException if this call or {@code consultation} is closed
     * @throws UnsupportedOperationException as for {@link #completeTransfer(Call)}
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linecompletetransfer">
     *      lineCompleteTransfer (Microsoft)</a>
     */
    public CompletableFuture<Conference> conference(Call consultation) {
        return Transfers.conference(this, Objects.requireNonNull(consultation, "consultation"));
    }

    /**
     * Takes this party out of its conference ({@code lineRemoveFromConference}): it goes
     * {@link CallState#ONHOLD}, and the others stay in the conference; when one party is left,
     * the conference ends and that party takes its place. Errors are {@link TapiException}s whose
     * {@link TapiException#function()} is {@code lineRemoveFromConference}: at once for
     * {@link LineError#LINEERR_INVALCALLHANDLE} and {@link LineError#LINEERR_NOTOWNER}; in the
     * {@code LINE_REPLY} for {@link LineError#LINEERR_INVALCALLSTATE} (the call is not
     * {@link CallState#CONFERENCED}). Thread-safe; futures as the class comment says.
     *
     * @return a future completed when TAPI confirms, or exceptionally with a TapiException
     * @throws IllegalStateException if the call is closed
     * @throws UnsupportedOperationException as for {@link #completeTransfer(Call)}
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineremovefromconference">
     *      lineRemoveFromConference (Microsoft)</a>
     */
    public CompletableFuture<Void> removeFromConference() {
        return Transfers.removeFromConference(this);
    }

    /**
     * Returns the conference this call is a party of, as the events this application processed
     * report it: the conference call named by the last {@code LINE_CALLSTATE}
     * {@link CallState#CONFERENCED} ({@code dwParam2}, the {@code hConfCall}). No TAPI function
     * is called.
     *
     * @return the conference, or empty if the last reported state is not CONFERENCED or the
     *         conference call is not a call of this application's line
     */
    public Optional<Conference> currentConference() {
        if (lastState != CallState.CONFERENCED) {
            return Optional.empty();
        }
        int hConfCall = lastStateMode;
        for (Call c : line.calls()) {
            if (c.handle == hConfCall) {
                return Optional.of(c.asConference());
            }
        }
        return Optional.empty();
    }

    /** A synchronous function on this call: a negative result is thrown. */
    private void synchronous(String method, String function, IntSupplier call) {
        Guard.enterAll(guard, line.guard, session.guard);
        int r;
        try {
            r = call.getAsInt();
        } finally {
            Guard.exitAll(guard, line.guard, session.guard);
        }
        if (r < 0) {
            throw new TapiException(r, function, null, method + " of " + name());
        }
    }

    /** Issues an asynchronous request on this call whose reply carries no value. */
    private CompletableFuture<Void> request(Request.Kind kind, String function, Guard[] guards,
                                            IntSupplier call) {
        Request q = new Request(kind, session.newFuture(), line, this, null, 0, null);
        return session.requests.submit(guards, function, line, false, q, out -> call.getAsInt());
    }

    /**
     * Tells whether the call handle is open.
     *
     * @return false once closed
     */
    public boolean isOpen() {
        return !guard.isClosed();
    }

    /**
     * Releases the call handle ({@code lineDeallocateCall}). If this application is the only owner
     * of a call that is not idle, TAPI (2.0 and later) drops the call. Requests already issued for
     * the call still complete. A {@link CallCompletionMode#CAMPON} or
     * {@link CallCompletionMode#INTRUDE} completion of this call that has not fired ends
     * ({@link CallCompletion.State#ENDED}). Closing twice is safe; after close, using the call
     * throws IllegalStateException.
     *
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linedeallocatecall">
     *      lineDeallocateCall (Microsoft)</a>
     */
    @Override
    public void close() {
        session.closeCall(this, true);
    }

    @Override
    public String toString() {
        return String.format("Call[hCall=0x%08X, %s, %s%s]", handle, privilege,
                lastState == null ? "no state yet" : lastState, isOpen() ? "" : ", closed");
    }
}
