package io.github.tapibridge;

import io.github.tapibridge.spi.TapiBackend;
import java.lang.System.Logger.Level;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A TAPI application: the entry point of tapibridge. Opening one initialises TAPI
 * ({@code lineInitializeExW} with the event model) and starts the event pump, one Java thread that
 * pulls messages with {@code lineGetMessage} and delivers them to listeners and futures.
 *
 * <pre>{@code
 * try (Tapi tapi = Tapi.open(TapiConfig.defaults())) {
 *     Line line = tapi.openLine(0);
 *     Call call = line.makeCall("201").get();
 *     call.whenState(CallState.BUSY).get(30, TimeUnit.SECONDS);
 *     CallCompletion c = call.completeCall(CallCompletionMode.CALLBACK).get();
 *     c.whenFired().thenAccept(recall -> recall.answer());
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> All methods are thread-safe. Events (see {@link LineEvent}) and the completion
 * of futures happen on the event pump thread, in message order; listeners may run on an executor
 * instead ({@link TapiConfig.Builder#listenerExecutor}). On the simulator, {@link #whenIdle()}
 * tells when the pump has delivered everything queued so far.
 *
 * <p><b>Lifecycle.</b> {@link #close()} shuts TAPI down ({@code lineShutdown}): it waits for
 * native calls in flight on other threads, stops the event pump, fails every pending future with a
 * {@link TapiException} ({@link LineError#LINEERR_INVALAPPHANDLE}) saying the application was shut
 * down, frees the native memory of pending requests, and closes every {@link Line} and
 * {@link Call}. Closing twice is safe. After close, every method except {@link #close()},
 * {@link #isOpen()} and {@link #config()} throws IllegalStateException. If the provider shuts the
 * application down (for example {@link io.github.tapibridge.sim.Simulator#reset()}), the instance
 * closes itself the same way and its lines report {@link LineEvent.LineClosed}. A {@code Tapi} that
 * becomes unreachable without being closed is closed by a {@link Cleaner} as a safety net, with a
 * warning in the log; do not rely on it.
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineinitializeexw">
 *      lineInitializeExW (Microsoft)</a>
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineshutdown">
 *      lineShutdown (Microsoft)</a>
 */
public final class Tapi implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final Session session;
    private final Cleaner.Cleanable cleanable;

    private Tapi(Session session) {
        this.session = session;
        this.cleanable = CLEANER.register(this, new Leak(session));
    }

    /** The cleaning action: refers to the session only, never to the Tapi. */
    private static final class Leak implements Runnable {
        private final Session session;

        Leak(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            if (session.isOpen()) {
                Session.LOG.log(Level.WARNING, "{0} became unreachable without close(); closing it",
                        session);
                session.close();
            }
        }
    }

    /**
     * Opens a TAPI application with the given configuration: loads the backend and the provider,
     * calls {@code lineInitializeExW} (event model, the configured application name and highest API
     * version) and starts the event pump thread.
     *
     * @param config the configuration
     * @return the open application; close it
     * @throws NullPointerException if {@code config} is null
     * @throws TapiException if {@code lineInitializeExW} fails
     * @throws IllegalStateException if the configured backend is not available, for example
     *         {@link Backend#JNA} without JNA on the class path (the message says how to add it)
     * @throws UnsupportedOperationException if {@link Provider#system()} is asked for on an
     *         operating system other than Windows
     * @throws UnsatisfiedLinkError if the native bridge or the provider cannot be loaded, or the
     *         provider library lacks a TAPI function
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineinitializeexw">
     *      lineInitializeExW (Microsoft)</a>
     */
    public static Tapi open(TapiConfig config) {
        Objects.requireNonNull(config, "config");
        return new Tapi(Session.open(config));
    }

    /**
     * Opens a TAPI application with {@link TapiConfig#defaults()}.
     *
     * @return the open application; close it
     * @throws TapiException if {@code lineInitializeExW} fails
     * @throws UnsatisfiedLinkError if the native bridge or the provider cannot be loaded
     */
    public static Tapi open() {
        return open(TapiConfig.defaults());
    }

    /** Opens on a given backend, which the application closes (tests). */
    static Tapi open(TapiConfig config, TapiBackend backend) {
        return new Tapi(Session.open(config, backend));
    }

    Session session() {
        return session;
    }

    TapiBackend backend() {
        return session.backend;
    }

    /**
     * Returns the configuration this application was opened with.
     *
     * @return the configuration
     */
    public TapiConfig config() {
        return session.config;
    }

    /**
     * Returns the {@code HLINEAPP} handle.
     *
     * @return the application handle
     * @throws IllegalStateException if closed
     */
    public int handle() {
        session.guard.ensureOpen();
        return session.hLineApp;
    }

    /**
     * Returns the highest API version TAPI supports, as {@code lineInitializeExW} reported it.
     *
     * @return the version
     * @throws IllegalStateException if closed
     */
    public TapiVersion apiVersion() {
        session.guard.ensureOpen();
        return session.apiVersion;
    }

    /**
     * Returns the number of line devices: device IDs are 0 to {@code lineCount() - 1}. Starts as
     * {@code lineInitializeExW} reported it and grows with {@link LineEvent.DeviceCreated}.
     *
     * @return the number of line devices
     * @throws IllegalStateException if closed
     */
    public int lineCount() {
        return session.queries.lineCount();
    }

    /**
     * Describes a line device: negotiates its API version ({@code lineNegotiateAPIVersion} within
     * the configured range; the result is cached) and reads its capabilities
     * ({@code lineGetDevCapsW}).
     *
     * @param deviceId the device ID
     * @return the device's description
     * @throws TapiException for example {@link LineError#LINEERR_BADDEVICEID} or
     *         {@link LineError#LINEERR_INCOMPATIBLEAPIVERSION}, with the
     *         {@linkplain TapiException#context() context} {@code device(deviceId)}
     * @throws IllegalStateException if closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetdevcaps">
     *      lineGetDevCaps (Microsoft)</a>
     */
    public LineDevice device(int deviceId) {
        try {
            return session.queries.device(deviceId);
        } catch (TapiException e) {
            throw e.withContext("device(" + deviceId + ")");
        }
    }

    /**
     * Opens a line device as owner of interactive voice calls ({@link LineOptions#owner()}).
     *
     * @param deviceId the device ID
     * @return the open line
     * @throws TapiException if {@code lineNegotiateAPIVersion}, {@code lineGetDevCapsW},
     *         {@code lineOpenW} or {@code lineSetStatusMessages} fails, with the
     *         {@linkplain TapiException#context() context} {@code openLine(deviceId)}
     * @throws IllegalStateException if closed
     * @see #openLine(int, LineOptions)
     */
    public Line openLine(int deviceId) {
        return openLine(deviceId, LineOptions.owner());
    }

    /**
     * Opens a line device ({@code lineOpenW} at the negotiated API version, then
     * {@code lineSetStatusMessages} with the options' status messages). A device may be opened
     * several times, also with different privileges.
     *
     * @param deviceId the device ID
     * @param options privilege, media modes and status messages
     * @return the open line
     * @throws NullPointerException if {@code options} is null
     * @throws TapiException for example {@link LineError#LINEERR_BADDEVICEID},
     *         {@link LineError#LINEERR_INVALMEDIAMODE}, {@link LineError#LINEERR_INVALLINESTATE},
     *         with the {@linkplain TapiException#context() context} {@code openLine(deviceId)}
     *         and the function of the step that failed
     * @throws IllegalStateException if closed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineopen">
     *      lineOpen (Microsoft)</a>
     */
    public Line openLine(int deviceId, LineOptions options) {
        Objects.requireNonNull(options, "options");
        try {
            return session.openLine(deviceId, options);
        } catch (TapiException e) {
            throw e.withContext("openLine(" + deviceId + ")");
        }
    }

    /**
     * Returns the lines of this application that are open.
     *
     * @return a snapshot, in no particular order
     * @throws IllegalStateException if closed
     */
    public List<Line> lines() {
        session.guard.ensureOpen();
        return session.lines();
    }

    /**
     * Adds a listener for every event of every line of this application, plus the device events
     * ({@link LineEvent.DeviceCreated}, {@link LineEvent.DeviceRemoved}) and line events TAPI sends
     * without a line ({@code LINEDEVSTATE_REINIT}). For one event, the line's own listeners run
     * first. See {@link LineEvent} for order and threads.
     *
     * @param listener the listener
     * @throws NullPointerException if {@code listener} is null
     * @throws IllegalStateException if closed
     */
    public void addListener(Consumer<LineEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        session.guard.ensureOpen();
        session.listeners.add(listener);
    }

    /**
     * Removes one registration of a listener added with {@link #addListener(Consumer)}.
     *
     * @param listener the listener
     */
    public void removeListener(Consumer<LineEvent> listener) {
        session.listeners.remove(listener);
    }

    /**
     * Returns a future that completes once the event pump has dispatched every message that was
     * queued for this application when this method was called, with everything that dispatch
     * did: the futures it completed ({@link Line#makeCall}, {@link Call#whenState},
     * {@link CallCompletion#whenFired}, ...), the callbacks that run on the pump when they
     * complete, and the listener calls of those events. So a test can move the clock and then
     * check what happened without sleeping or polling:
     *
     * <pre>{@code
     * sim.advance(Duration.ofSeconds(2));
     * tapi.awaitIdle(Duration.ofSeconds(30));      // or sim.advance(Duration.ofSeconds(2), tapi)
     * assertTrue(completion.whenFired().isDone());
     * }</pre>
     *
     * <p><b>Simulator only.</b> It asks the switch ({@code tapisim_sync}) to answer the requests
     * it still owes a reply (as moving the clock would: the simulator answers a completion
     * request at the application's next {@code lineGetMessage} or clock move) and to queue a
     * marker message behind everything queued for this application. Messages are dispatched one
     * at a time in queue order, so when the pump takes the marker it has dispatched all of them;
     * the marker itself reaches no listener and is not traced. Real TAPI has no such marker, and
     * the length of its queue says nothing about the message being dispatched, so a
     * {@code Tapi} on another provider refuses.
     *
     * <p><b>What is not included.</b> Messages queued after the call: in particular those caused
     * by TAPI calls that listeners or callbacks made while the earlier messages were dispatched
     * (the {@code LINE_REPLY} of {@code call.answer()} in a {@code whenFired} callback). Call
     * again to wait for those too. Callbacks registered with an {@code ...Async} method run on
     * their own executor and are not waited for either.
     *
     * <p><b>Threads.</b> The future completes on the event pump thread or, with a
     * {@linkplain TapiConfig.Builder#listenerExecutor listener executor}, on that executor after
     * the listener calls of the events before the marker (so a stopped executor never
     * completes it). Calling this method from a listener or callback is allowed, but blocking on
     * the result there would wait for itself: on the pump thread {@code get} and {@code join}
     * throw IllegalStateException; on a listener executor do not block on it (use
     * {@link #awaitIdle}, which refuses).
     *
     * <p>If the application closes before the marker is dispatched (by {@link #close()}, a
     * simulator reset, or the provider), the future fails with a {@link TapiException}
     * ({@link LineError#LINEERR_INVALAPPHANDLE}, function {@code whenIdle}).
     *
     * @return the future
     * @throws IllegalStateException if closed
     * @throws UnsupportedOperationException if the provider is not the simulator, or a simulator
     *         that predates {@code tapisim_sync}
     * @throws TapiException if the switch refuses, for example {@link LineError#LINEERR_NOMEM}
     */
    public CompletableFuture<Void> whenIdle() {
        return session.idle.when();
    }

    /**
     * Waits until the event pump has dispatched every message queued for this application when
     * this method was called, and all that dispatch did: {@link #whenIdle()}, blocking.
     *
     * @param timeout how long to wait at most; meant as a guard against a test that hangs, not
     *        as a time to wait for (a normal wait ends as soon as the pump is there)
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalStateException if closed, or if called on the event pump thread or in a
     *         listener run by the listener executor (each would wait for itself)
     * @throws UnsupportedOperationException if the provider is not the simulator
     * @throws TapiException {@link LineError#LINEERR_INVALAPPHANDLE} if the application closed
     *         while waiting; or if the switch refuses
     * @throws InterruptedException if interrupted while waiting
     * @throws TimeoutException if the pump did not get there in time: it is stuck in a listener,
     *         or the listener executor does not run its tasks
     */
    public void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
        session.idle.await(timeout, this);
    }

    /**
     * Tells whether the application is open.
     *
     * @return false once closed, by {@link #close()} or by the provider
     */
    public boolean isOpen() {
        return session.isOpen();
    }

    /**
     * Returns the number of native memory blocks this application's backend holds: out-parameters
     * of requests still waiting for their {@code LINE_REPLY}, and structure buffers in use. Once
     * every request has been answered it is back at its value before them, which makes it a leak
     * check for tests of telephony code. The simulator's own memory is not counted. The 4-byte
     * out-parameters come from a slab the application allocates in chunks and reuses; each one
     * handed out to a request counts as one block here, the chunks themselves do not.
     *
     * <p>The out-parameter of a request ({@link Line#makeCall}, {@link Call#completeCall}) is
     * freed exactly when the provider can no longer write it:
     * <ul>
     *   <li>when its {@code LINE_REPLY} has been processed, or at once if TAPI refuses the
     *       request;</li>
     *   <li>when its line is closed, by {@link Line#close()} once {@code lineClose} has returned
     *       success, or by the provider ({@code LINE_CLOSE}): TAPI suppresses the outstanding
     *       replies of a closed line, and writes an out-parameter only as it queues the reply
     *       (a reply queued before the close still arrives and is ignored). The request's future
     *       has already failed, at the close;</li>
     *   <li>if {@code lineClose} failed, at its reply or at {@link #close()}, after
     *       {@code lineShutdown}, which frees every block left.</li>
     * </ul>
     * A structure buffer is freed before the query that used it returns.
     *
     * @return the count
     * @throws IllegalStateException if the application is closed
     */
    public long nativeAllocations() {
        session.guard.ensureOpen();
        return session.requests.slots.liveBlocks();
    }

    /**
     * Returns the asynchronous requests of this application that are still waiting for their
     * {@code LINE_REPLY}: those whose future has not been settled by a reply yet, and those whose
     * line was closed while the provider could still answer them (their future has already
     * failed; they hold their out-parameter until the reply or {@link #close()}). Each is
     * described as {@code "lineMakeCall request 0x00010002"}, with {@code " (abandoned)"} for the
     * second kind. Together with {@link #nativeAllocations()} it is a check for tests of telephony
     * code: on the simulator, once the switch has answered what it owes and the event pump has
     * delivered it ({@link #awaitIdle(Duration)}), the list is empty unless a listener or callback
     * issued new requests meanwhile or the pump is stuck.
     *
     * <p>A snapshot: on other threads requests are issued and answered while it is taken. No
     * TAPI function is called. Thread-safe.
     *
     * @return the descriptions, in no particular order; empty if nothing is pending
     * @throws IllegalStateException if the application is closed
     */
    public List<String> pendingRequests() {
        session.guard.ensureOpen();
        return List.copyOf(session.registry.pendingDescriptions());
    }

    /**
     * Shuts the application down ({@code lineShutdown}); see the class comment. Closing twice is
     * safe. When it returns (on a thread other than the event pump) the event pump has ended and
     * the native resources are released; a second call on another thread while the first is
     * running waits for it to finish.
     *
     * <p>Two calls return at once instead, because they would wait for themselves: a call from a
     * listener or future callback on the event pump thread (the pump releases the resources as
     * it ends), and a call made again by the thread that is already closing, from a future
     * callback that this close runs when it fails the pending futures (for example
     * {@code c.whenFired().whenComplete((r, e) -> tapi.close())}, then {@code tapi.close()} or
     * the end of a try-with-resources block). Such a call finds the application closing
     * ({@link #isOpen()} is already false); the outer call finishes the shutdown.
     *
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineshutdown">
     *      lineShutdown (Microsoft)</a>
     */
    @Override
    public void close() {
        session.close();
        cleanable.clean();
    }

    @Override
    public String toString() {
        return session.toString();
    }
}
