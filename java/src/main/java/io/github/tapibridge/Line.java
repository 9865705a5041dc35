package io.github.tapibridge;

import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.TapiStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An open line device ({@code HLINE}): makes calls, reports address capabilities and line status,
 * cancels call completions, and delivers the events of its calls to listeners.
 *
 * <p>Obtain one with {@link Tapi#openLine(int, LineOptions)}. All methods are thread-safe.
 * Asynchronous methods return a {@link CompletableFuture} that the event pump completes when the
 * {@code LINE_REPLY} arrives; a request TAPI refuses at once completes the future exceptionally
 * before it is returned. Errors are reported as {@link TapiException}. Do not block on a future on
 * the event pump thread (in a listener or a future callback): chain a callback instead. Each
 * future is its caller's alone: cancelling it gives up waiting, the request still runs (for
 * {@link #makeCall(String)}, the call is then dropped when it arrives).
 *
 * <p><b>Lifecycle.</b> {@link #close()} calls {@code lineClose}. It waits for calls of this line
 * that are in flight on other threads, closes the line's {@link Call}s, fails the futures of its
 * pending requests at once with a {@link TapiException} ({@link LineError#LINEERR_INVALLINEHANDLE},
 * what TAPI answers a request on a closed line, naming the request's function: TAPI suppresses
 * their replies), frees their native memory (see {@link Tapi#nativeAllocations()}), and stops
 * tracking its {@link CallCompletion}s. Closing twice is safe. After close, every method
 * except {@link #close()}, {@link #isOpen()} and the simple accessors throws
 * IllegalStateException. Closing the {@link Tapi} closes its lines.
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineopen">lineOpen
 *      (Microsoft)</a>
 */
public final class Line implements AutoCloseable {

    final Guard guard;
    final AtomicInteger makeCallsInFlight = new AtomicInteger();
    private final Session session;
    private final int deviceId;
    private final TapiVersion apiVersion;
    private final LineOptions options;
    private final long instance;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private final ListenerArray listeners = new ListenerArray();
    /** The futures of {@link #whenNewCall}. */
    final Waits<Call> newCallWaits = new Waits<>();
    private volatile int handle;

    Line(Session session, int deviceId, TapiVersion apiVersion, LineOptions options, long instance) {
        this.session = session;
        this.deviceId = deviceId;
        this.apiVersion = apiVersion;
        this.options = options;
        this.instance = instance;
        this.guard = new Guard("Line " + deviceId);
    }

    void opened(int hLine) {
        this.handle = hLine;
    }

    long instance() {
        return instance;
    }

    Set<Call> callSet() {
        return calls;
    }

    Object[] listenerArray() {
        return listeners.snapshot();
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /**
     * Returns the line device ID.
     *
     * @return the device ID this line was opened on
     */
    public int deviceId() {
        return deviceId;
    }

    /**
     * Returns the {@code HLINE} handle TAPI gave this line.
     *
     * @return the handle (still returned after close, but then invalid)
     */
    public int handle() {
        return handle;
    }

    /**
     * Returns the API version negotiated for the device and used to open the line.
     *
     * @return the version
     */
    public TapiVersion apiVersion() {
        return apiVersion;
    }

    /**
     * Returns the options the line was opened with.
     *
     * @return the options
     */
    public LineOptions options() {
        return options;
    }

    /**
     * Returns the capabilities of one address of the line, including its call completion support
     * ({@code lineGetAddressCapsW} at the negotiated version).
     *
     * @param addressId the address, 0 to {@link LineDevice#numAddresses()} - 1
     * @return the capabilities
     * @throws TapiException for example {@link LineError#LINEERR_INVALADDRESSID}, with the
     *         {@linkplain TapiException#context() context} {@code addressCaps(addressId) of line
     *         deviceId}
     * @throws IllegalStateException if the line is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetaddresscaps">
     *      lineGetAddressCaps (Microsoft)</a>
     */
    public AddressCaps addressCaps(int addressId) {
        try {
            return session.queries.addressCaps(this, addressId);
        } catch (TapiException e) {
            throw e.withContext("addressCaps(" + addressId + ") of line " + deviceId);
        }
    }

    /**
     * Returns the current status of one address of the line: its calls by state and the address
     * features it allows now ({@code lineGetAddressStatusW}).
     *
     * @param addressId the address, 0 to {@link LineDevice#numAddresses()} - 1
     * @return the status
     * @throws TapiException for example {@link LineError#LINEERR_INVALADDRESSID}, with the
     *         {@linkplain TapiException#context() context} {@code addressStatus(addressId) of line
     *         deviceId}
     * @throws IllegalStateException if the line is closed
     * @throws UnsupportedOperationException if the provider does not export
     *         {@code lineGetAddressStatusW}
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetaddressstatus">
     *      lineGetAddressStatus (Microsoft)</a>
     */
    public AddressStatus addressStatus(int addressId) {
        try {
            return session.queries.addressStatus(this, addressId);
        } catch (TapiException e) {
            throw e.withContext("addressStatus(" + addressId + ") of line " + deviceId);
        }
    }

    /**
     * Returns the current status of the line device, including the number of outstanding call
     * completions ({@code lineGetLineDevStatusW}).
     *
     * @return the status
     * @throws TapiException if TAPI fails, with the {@linkplain TapiException#context() context}
     *         {@code status() of line deviceId}
     * @throws IllegalStateException if the line is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetlinedevstatus">
     *      lineGetLineDevStatus (Microsoft)</a>
     */
    public LineStatus status() {
        try {
            return session.queries.lineStatus(this);
        } catch (TapiException e) {
            throw e.withContext("status() of line " + deviceId);
        }
    }

    /**
     * Makes an outgoing call ({@code lineMakeCallW}, no call parameters, address 0, country code
     * 0). The future completes with the {@link Call} when TAPI replies, which is before any event
     * about the call; its state changes then arrive as {@link LineEvent.CallStateChanged} events.
     *
     * <p>The destination is a dialable address: the digits {@code 0}-{@code 9}, {@code A}-{@code D},
     * {@code *}, {@code #} (with a leading {@code +}), the dial modifiers ({@code , ! P T W @ $ ?}),
     * a {@code |subaddress}, a {@code ^name} (the called name in {@link CallInfo#calledName()}),
     * several addresses separated by CRLF, or the canonical form {@code +49 (30) 12345}. A
     * {@code ;} at its end leaves the call in {@link CallState#DIALING} for
     * {@link Call#dial(String)}; {@link #makeCall()} gives a call in dial tone. What the provider
     * refuses in it fails the future from the {@code LINE_REPLY}:
     * {@link LineError#LINEERR_INVALADDRESS}, {@link LineError#LINEERR_DIALDIALTONE},
     * {@link LineError#LINEERR_DIALQUIET}, {@link LineError#LINEERR_DIALBILLING} (a {@code W},
     * {@code @} or {@code $} the line does not support), {@link LineError#LINEERR_DIALPROMPT}
     * ({@code ?}).
     *
     * <p>Cancelling the future before TAPI has replied (or completing it, or letting
     * {@code orTimeout} fail it) gives the call up, since the future is the only way it reaches
     * the application: the request still runs, and when its reply arrives the call is dropped
     * and deallocated ({@code lineDeallocateCall}, which from TAPI 2.0 drops a call this
     * application alone owns; before 2.0, {@code lineDrop} first). It is never in
     * {@link #calls()} after the reply and no {@link LineEvent.NewCall} is sent for it; state
     * changes TAPI queued before the reply, if any, may still reach listeners. Dependent stages
     * ({@code thenApply} ...) are futures of their own: cancelling one of those does not cancel
     * this one.
     *
     * @param destination the number to dial
     * @return a future completed with the new call, or exceptionally with a {@link TapiException}
     *         (for example {@link LineError#LINEERR_INVALADDRESS}, {@link LineError#LINEERR_CALLUNAVAIL})
     * @throws NullPointerException if {@code destination} is null
     * @throws IllegalArgumentException if {@code destination} is longer than 1,024 UTF-16 units or
     *         contains U+0000 (nothing is sent to TAPI)
     * @throws IllegalStateException if the line is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linemakecall">
     *      lineMakeCall (Microsoft)</a>
     */
    public CompletableFuture<Call> makeCall(String destination) {
        TapiStrings.check(Objects.requireNonNull(destination, "destination"), "destination");
        return makeCall0(destination);
    }

    /**
     * Makes an outgoing call without a destination ({@code lineMakeCallW} with a {@code NULL}
     * address): the call goes {@link CallState#DIALTONE}, and {@link Call#dial(String)} dials
     * on it, in one or several steps. Otherwise as {@link #makeCall(String)}, whose errors and
     * cancellation apply (a provider without dial tone answers, for example,
     * {@link LineError#LINEERR_INVALADDRESS} or {@link LineError#LINEERR_OPERATIONUNAVAIL}).
     *
     * @return a future completed with the new call, or exceptionally with a {@link TapiException}
     * @throws IllegalStateException if the line is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linemakecall">
     *      lineMakeCall (Microsoft)</a>
     */
    public CompletableFuture<Call> makeCall() {
        return makeCall0(null);
    }

    private CompletableFuture<Call> makeCall0(String destination) {
        Request q = new Request(Request.Kind.MAKE_CALL, session.newFuture(), this, null, null, 0,
                null);
        return session.requests.submit(new Guard[] {guard, session.guard}, "lineMakeCallW", this,
                true, q, out -> session.backend.lineMakeCallW(handle, out, destination, 0, 0));
    }

    /**
     * Cancels a call completion request ({@code lineUncompleteCall}). Any completion of the line
     * device can be cancelled, also one requested by another application. If this application
     * requested it (on any of its lines of this device), its {@link CallCompletion} becomes
     * {@link CallCompletion.State#CANCELLED} when TAPI confirms. Prefer
     * {@link CallCompletion#cancel()}, which refuses to cancel a completion that is no longer active
     * (its ID may already name another request). If this application holds an active
     * completion with this ID and the switch answers {@link LineError#LINEERR_INVALCOMPLETIONID}
     * (it no longer has it: another application cancelled it), that completion is settled as
     * {@link CallCompletion.State#CANCELLED}.
     *
     * <p>Cancelling the returned future (or completing it, or letting {@code orTimeout} fail it)
     * only gives up waiting: the request has been issued and still runs.
     *
     * @param completionId the completion ID
     * @return a future completed when the switch has cancelled the request, or exceptionally with
     *         a {@link TapiException} (for example {@link LineError#LINEERR_INVALCOMPLETIONID})
     * @throws IllegalStateException if the line is closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineuncompletecall">
     *      lineUncompleteCall (Microsoft)</a>
     */
    public CompletableFuture<Void> uncompleteCall(int completionId) {
        return uncomplete(completionId, session.completions.onDevice(this, completionId));
    }

    CompletableFuture<Void> uncomplete(int completionId, CallCompletion target) {
        if (target != null) {
            target.cancelling = true;
        }
        Request q = new Request(Request.Kind.UNCOMPLETE_CALL, session.newFuture(), this, null,
                null, 0, target);
        try {
            return session.requests.submit(new Guard[] {guard, session.guard},
                    "lineUncompleteCall", this, false, q,
                    out -> session.backend.lineUncompleteCall(handle, completionId));
        } catch (RuntimeException e) {
            if (target != null) {
                target.cancelling = false;
            }
            throw e;
        }
    }

    /**
     * Returns the completion with this ID that this application requested on this line and that
     * is still {@linkplain CallCompletion.State#ACTIVE active}.
     *
     * @param completionId the completion ID
     * @return the completion, or empty
     */
    public Optional<CallCompletion> completion(int completionId) {
        return Optional.ofNullable(session.completions.completion(this, completionId));
    }

    /**
     * Returns the active completions this application requested on this line.
     *
     * @return a snapshot, in no particular order
     */
    public List<CallCompletion> completions() {
        return session.completions.of(this);
    }

    /**
     * Returns a future that completes with the next call TAPI hands this line: the call of the
     * next {@link LineEvent.NewCall} event, such as an incoming call or the recall of a
     * {@link CallCompletionMode#CALLBACK} completion. Calls made with {@link #makeCall} do not
     * count. Ask before the call can arrive; a call announced before this method is called is not
     * seen. Then wait for its state with {@link Call#whenState}:
     *
     * <pre>{@code
     * CompletableFuture<Call> incoming = line.whenNewCall();
     * // ... the other party dials this line ...
     * Call call = incoming.get(30, TimeUnit.SECONDS);
     * call.whenState(CallState.OFFERING).get(30, TimeUnit.SECONDS);
     * call.answer().get();
     * }</pre>
     *
     * <p>The future fails with a {@link TapiException}, {@link LineError#LINEERR_INVALLINEHANDLE}
     * if the line is closed first (also by the provider) and {@link LineError#LINEERR_INVALAPPHANDLE}
     * if the {@link Tapi} is closed first; its {@link TapiException#function()} is
     * {@code LINE_APPNEWCALL}. Threads and sharing as for {@link Call#whenState}: completed on the
     * event pump thread after the listeners have been handed the event (when the call has no
     * state reported yet: chain {@code whenState(CallState.OFFERING)} to wait for it); a callback
     * that blocks stalls the pump; each call returns a new future of its own.
     *
     * @return a future completed with the new call
     * @throws IllegalStateException if the line is closed
     */
    public CompletableFuture<Call> whenNewCall() {
        return Waits.whenNewCall(session, this, c -> true, "whenNewCall()");
    }

    /**
     * Returns a future that completes with the next call TAPI hands this line for which
     * {@code filter} is true, as {@link #whenNewCall()}. The filter runs on the event pump thread
     * when the call is announced, before any of its states is reported: it may look at
     * {@link Call#privilege()} or query {@link Call#info()}. A filter that throws fails the future
     * with its exception.
     *
     * <pre>{@code
     * CompletableFuture<Call> recall = line.whenNewCall(
     *         c -> c.info().reason() == CallReason.CALLCOMPLETION);
     * }</pre>
     *
     * @param filter which call to wait for
     * @return a future completed with the first new call that passes the filter
     * @throws NullPointerException if {@code filter} is null
     * @throws IllegalStateException if the line is closed
     */
    public CompletableFuture<Call> whenNewCall(Predicate<? super Call> filter) {
        return Waits.whenNewCall(session, this, filter, "whenNewCall(filter)");
    }

    /**
     * Returns the calls of this line that this application holds a handle for and has not closed.
     *
     * @return a snapshot, in no particular order
     */
    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    /**
     * Adds a listener for the events of this line and its calls. Listeners run in the order they
     * were added, one event at a time, in message order, on the event pump thread or the configured
     * listener executor (see {@link LineEvent}). Adding the same listener twice delivers every
     * event to it twice.
     *
     * @param listener the listener
     * @throws NullPointerException if {@code listener} is null
     */
    public void addListener(Consumer<LineEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes one registration of a listener. An event already being delivered may still reach
     * it.
     *
     * @param listener the listener
     * @return true if it was registered
     */
    public boolean removeListener(Consumer<LineEvent> listener) {
        return listeners.remove(listener);
    }

    /**
     * Tells whether the line is open.
     *
     * @return false once closed by {@link #close()}, by closing the {@link Tapi}, or by the
     *         provider
     */
    public boolean isOpen() {
        return !guard.isClosed();
    }

    /**
     * Closes the line ({@code lineClose}) and its calls; see the class comment. Closing twice is
     * safe; after close, using the line throws IllegalStateException. May be called from any
     * thread, including a listener.
     *
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineclose">
     *      lineClose (Microsoft)</a>
     */
    @Override
    public void close() {
        session.closeLine(this, true);
    }

    @Override
    public String toString() {
        return String.format("Line[device=%d, hLine=0x%08X%s]", deviceId, handle,
                isOpen() ? "" : ", closed");
    }
}
