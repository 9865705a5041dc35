package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;
import io.github.tapibridge.LineError;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiException;
import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.internal.IsolatedLibrary;
import io.github.tapibridge.internal.ProviderAccess;
import io.github.tapibridge.internal.TapiStrings;
import io.github.tapibridge.spi.TapiBackend;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A simulated TAPI switch ({@code libtapisim}), seen from its control API ({@code tapisim.h}):
 * not part of TAPI, but what tests need to drive the switch.
 *
 * <p>There are two kinds. {@link #get()} is the switch of this process, shared by every
 * {@link Tapi} opened on {@link Provider#simulator()}, as there is one TAPI per machine.
 * {@link #create()} makes an <em>isolated</em> switch: a private one with its own clock, stations,
 * applications, options, faults and trace, whose {@link #provider()} opens applications on it
 * alone; any number can exist at once, so tests that each create one run in parallel. Close it
 * when done.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.create();
 *      Tapi tapi = Tapi.open(TapiConfig.builder().provider(sim.provider()).build())) {
 *     sim.station("201").busy();
 *     // ... make a call to 201 (BUSY), request a CALLBACK completion ...
 *     sim.station("201").idle();
 *     sim.advance(Duration.ofSeconds(2), tapi);   // guard time: the recall is offered
 * }
 * }</pre>
 *
 * <p>The default topology after {@link #reset()}: line devices 0 to 3 with one address each and the
 * numbers {@code "100"} to {@code "103"} ({@link #configure(Topology)} sets another); every other number is a remote station, idle by default,
 * that answers after 3 seconds. Timers run on a <em>virtual clock</em> that moves only through
 * {@link #advance(Duration)} (unless the {@code "realtime"} {@linkplain #option option} is set), so
 * tests are deterministic: after {@code advance} returns, every message it caused is queued, and
 * after {@link #advance(Duration, Tapi...)} returns it has also reached the listeners and futures
 * of the applications given.
 *
 * <p>Thread-safe. Every method throws a {@link TapiException} if the switch rejects the request,
 * with the function name of {@code tapisim.h} (for example {@code tapisim_set_station}).
 */
public final class Simulator implements AutoCloseable {

    /** The largest batch of {@link #postMessages(Tapi, int)} ({@code TAPISIM_POST_MAX}). */
    public static final int MAX_POSTED_MESSAGES = 1 << 20;

    /**
     * The last time the virtual clock can show: {@code 2^32 - 1} ms after {@link #reset()} (the
     * switch counts milliseconds in a {@code DWORD}).
     */
    public static final Duration CLOCK_END = Duration.ofMillis(0xFFFF_FFFFL);

    /** The bound of the wait of {@link #advance(Duration, Tapi...)}, in seconds. */
    public static final long IDLE_TIMEOUT_SECONDS = 60;

    /** Station states of {@code tapisim_set_station}. */
    static final int STATION_IDLE = 0;
    static final int STATION_BUSY = 1;
    static final int STATION_NOANSWER = 2;
    static final int STATION_MANUAL = 4;

    private static final Object LOCK = new Object();
    private static volatile Simulator instance;

    private final TapiBackend backend;
    private final Provider provider;
    /** The private library of an isolated switch, or null for the process's switch. */
    private final IsolatedLibrary isolated;

    private Simulator(TapiBackend backend, Provider provider, IsolatedLibrary isolated) {
        this.backend = backend;
        this.provider = provider;
        this.isolated = isolated;
    }

    /**
     * Returns the simulated switch of this process, the one of {@link Provider#simulator()},
     * loading the bundled simulator (through the JNI backend) on first use. It stays loaded for
     * the life of the process and cannot be {@linkplain #close() closed}.
     *
     * @return the simulator
     * @throws IllegalStateException if the provider has no simulator control functions
     * @throws UnsatisfiedLinkError if the native libraries cannot be loaded
     */
    public static Simulator get() {
        Simulator s = instance;
        if (s == null) {
            synchronized (LOCK) {
                s = instance;
                if (s == null) {
                    TapiBackend backend = Backends.open(Backend.JNI, Provider.simulator());
                    if (!backend.hasSimulatorControl()) {
                        backend.close();
                        throw new IllegalStateException("The simulator provider ("
                                + backend.providerDescription() + ") exports no tapisim_ functions");
                    }
                    s = new Simulator(backend, Provider.simulator(), null);
                    instance = s;
                }
            }
        }
        return s;
    }

    /**
     * Creates an isolated switch: a simulated switch of its own, in the default state of
     * {@link #reset()}, apart from the process's switch ({@link #get()}) and from every other
     * isolated switch. Open applications on it with its {@link #provider()}:
     * {@code Tapi.open(TapiConfig.builder().provider(sim.provider()).build())}, with either
     * backend. {@link #close()} it when done.
     *
     * <p>Each isolated switch is a private copy of the simulator library, loaded on its own, so
     * it shares no state, lock or thread with another; creating one copies the library file (about
     * 150 KB) into this process's folder of extracted libraries, and closing it unloads and
     * deletes the copy. Thread-safe.
     *
     * @return a new switch, open
     * @throws UnsatisfiedLinkError if the native libraries cannot be loaded
     * @throws java.io.UncheckedIOException if the library cannot be copied
     */
    public static Simulator create() {
        IsolatedLibrary library = IsolatedLibrary.create();
        Provider provider = ProviderAccess.isolated(library);
        TapiBackend backend = null;
        try {
            backend = Backends.open(Backend.JNI, provider);
            check(backend.tapisimReset(), "tapisim_reset");
            return new Simulator(backend, provider, library);
        } catch (RuntimeException | Error e) {
            library.close();
            if (backend != null) {
                backend.close();
            }
            throw e;
        }
    }

    /**
     * Returns the provider of this switch, to open applications on it with
     * {@link io.github.tapibridge.TapiConfig.Builder#provider(Provider)}: {@link Provider#simulator()}
     * for the process's switch, a provider of its own ({@link Provider#isIsolated()}) for an
     * isolated switch.
     *
     * @return the provider
     */
    public Provider provider() {
        return provider;
    }

    /**
     * Whether this is an isolated switch ({@link #create()}).
     *
     * @return true for an isolated switch, false for the process's switch
     */
    public boolean isIsolated() {
        return isolated != null;
    }

    /**
     * Closes an isolated switch. Every application on it is shut down first, as by
     * {@link #reset()} (each {@link Tapi} on it closes itself, its lines report
     * {@link io.github.tapibridge.LineEvent.LineClosed}); opening another fails with
     * IllegalStateException, and every method of this object throws IllegalStateException. The
     * switch's library is unloaded, and its copy deleted, once the last application on it has
     * finished closing. Idempotent.
     *
     * @throws UnsupportedOperationException for the process's switch ({@link #get()}), which
     *         lives as long as the process
     */
    @Override
    public void close() {
        if (isolated == null) {
            throw new UnsupportedOperationException("Simulator.get() is the switch of the process"
                    + " and cannot be closed; Simulator.create() makes switches that can");
        }
        if (!isolated.close()) {
            return;
        }
        try {
            // Shuts every application down and stops the real-time clock thread: nothing may run
            // in the library when its last backend unloads it.
            backend.tapisimReset();
        } finally {
            backend.close();
        }
    }

    /**
     * Whether {@link #close()} was called on this isolated switch.
     *
     * @return true once closed; always false for the process's switch
     */
    public boolean isClosed() {
        return isolated != null && isolated.isClosed();
    }

    /**
     * Puts the switch back into its default state ({@code tapisim_reset}): default topology,
     * virtual clock at 0, all stations idle, default options, no faults, empty trace. Every
     * application is shut down: each open {@link io.github.tapibridge.Tapi} on the simulator closes
     * itself and its lines report {@link io.github.tapibridge.LineEvent.LineClosed}.
     *
     * @throws TapiException if the switch fails
     */
    public void reset() {
        check(backend.tapisimReset(), "tapisim_reset");
    }

    /**
     * Returns a station by its dialable number: a local line ({@code "100"} ...) or a remote
     * number. Nothing is checked until a state is set.
     *
     * @param number the dialable number (digits, {@code * # +} and {@code A} to {@code D})
     * @return the station
     * @throws NullPointerException if {@code number} is null
     * @throws IllegalArgumentException if {@code number} is longer than 1,024 UTF-16 units or
     *         contains U+0000
     */
    public Station station(String number) {
        return new Station(this, TapiStrings.check(Objects.requireNonNull(number, "number"), "number"));
    }

    void setStation(String number, int state) {
        check(backend.tapisimSetStation(number, state), "tapisim_set_station");
    }

    // ---- remote stations driven by the test ----------------------------------------------

    RemoteCall remoteCall(Station from, String to) {
        int flags = from.callerId().flags;
        // a caller that shows its ID through the function that older simulators have as well
        long r = flags == 0 ? backend.tapisimRemoteCall(from.number(), from.name(), to)
                : backend.tapisimRemoteCallEx(from.number(), from.name(), to, flags);
        if (r < 0) {
            throw new TapiException((int) r, flags == 0 ? "tapisim_remote_call" : "tapisim_remote_call_ex");
        }
        return new RemoteCall(from, to, (int) r);
    }

    void remoteAnswer(String number) {
        check(backend.tapisimRemoteAnswer(number), "tapisim_remote_answer");
    }

    void remoteHangup(String number) {
        check(backend.tapisimRemoteHangup(number), "tapisim_remote_hangup");
    }

    void remoteDigits(String number, String digits) {
        check(backend.tapisimRemoteDigits(number, digits), "tapisim_remote_digits");
    }

    /**
     * Moves the virtual clock forward ({@code tapisim_advance}), firing every timer that falls due
     * in order of due time: remote answers, completion guard times, recall rings, service expiry.
     * When it returns, the messages the timers produced are queued for the applications (their
     * event pumps deliver them asynchronously; {@link #advance(Duration, Tapi...)} waits for
     * that).
     *
     * <p>The switch's clock counts milliseconds since the last {@link #reset()} in 32 bits, so it
     * ends at {@link #CLOCK_END} (about 49.7 days). A duration that would take it past the end is
     * refused as a whole before the clock moves: no timer fires and {@link #now()} is unchanged.
     * (Another thread advancing at the same time may still move the clock in between; then the
     * switch refuses the step that would wrap.)
     *
     * @param duration how far to move, at millisecond resolution
     * @throws NullPointerException if {@code duration} is null
     * @throws IllegalArgumentException if {@code duration} is negative
     * @throws TapiException {@link LineError#LINEERR_INVALPARAM} (function {@code tapisim_advance},
     *         as the switch itself answers) if the clock would pass {@link #CLOCK_END}; nothing has
     *         moved then
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Negative duration: " + duration);
        }
        long now = Integer.toUnsignedLong(backend.tapisimNow());
        long end = CLOCK_END.toMillis();
        if (duration.compareTo(Duration.ofMillis(end - now)) > 0) {
            throw new TapiException(LineError.LINEERR_INVALPARAM.code(), "tapisim_advance",
                    "the virtual clock is at " + now + " ms and ends at " + end + " ms since the"
                    + " last reset: it cannot move by " + duration + "; nothing was moved");
        }
        long ms = duration.toMillis();
        do {
            int step = (int) Math.min(ms, Integer.MAX_VALUE);
            check(backend.tapisimAdvance(step), "tapisim_advance");
            ms -= step;
        } while (ms > 0);
    }

    /**
     * Moves the virtual clock forward ({@link #advance(Duration)}), then waits until each given
     * application's event pump has dispatched every message queued for it by then, with all
     * that dispatch did ({@link Tapi#whenIdle()}): when it returns, the events the timers caused
     * have reached those applications' listeners and futures. So a test needs no sleep and no
     * polling loop:
     *
     * <pre>{@code
     * sim.advance(Duration.ofSeconds(2), tapi);        // guard time: the recall is offered
     * assertTrue(completion.whenFired().isDone());
     * }</pre>
     *
     * <p>The wait is bounded by {@value #IDLE_TIMEOUT_SECONDS} seconds for all the applications
     * together, a guard against a hanging test rather than a time to wait for. Messages caused by
     * TAPI calls that listeners or callbacks make meanwhile are queued after the wait began and
     * are not waited for; see {@link Tapi#whenIdle()}.
     *
     * @param duration how far to move, as {@link #advance(Duration)}
     * @param tapis the applications to wait for, open on this switch (its {@link #provider()})
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code duration} is negative, or an application was not
     *         opened on this switch (checked before the clock moves)
     * @throws IllegalStateException if an application is closed (checked before the clock
     *         moves), or if this is called in a listener or callback of one of them, which would
     *         wait for itself (the clock has moved then)
     * @throws TapiException as {@link #advance(Duration)}; or
     *         {@link LineError#LINEERR_INVALAPPHANDLE} (function {@code whenIdle}) if an
     *         application closed while waiting
     * @throws InterruptedException if interrupted while waiting
     * @throws TimeoutException if the applications were not idle in time
     */
    public void advance(Duration duration, Tapi... tapis) throws InterruptedException, TimeoutException {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(tapis, "tapis");
        for (Tapi t : tapis) {
            Objects.requireNonNull(t, "tapis has a null element");
            requireOnThisSwitch(t);
            if (!t.isOpen()) {
                throw new IllegalStateException(t + " is closed");
            }
        }
        advance(duration);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(IDLE_TIMEOUT_SECONDS);
        for (Tapi t : tapis) {
            t.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    /**
     * Returns the virtual time since the last reset ({@code tapisim_now}).
     *
     * @return the virtual time, at millisecond resolution
     */
    public Duration now() {
        return Duration.ofMillis(Integer.toUnsignedLong(backend.tapisimNow()));
    }

    /**
     * Makes the next call of a TAPI function fail with {@code error} ({@code tapisim_fail_next}),
     * so that an application's error paths can be tested.
     *
     * <p>The fault is taken by the next call of that function that passes every check the
     * simulator answers with a function result (handles, pointers, privileges, structure sizes,
     * versions, parameter values): it stands for the provider or the switch failing, which only
     * a request that got that far can meet. A call refused by one of those checks fails with
     * its own error and leaves the fault for the next call.
     * <ul>
     * <li>An asynchronous function ({@code lineMakeCall}, {@code lineAnswer}, {@code lineDrop},
     * {@code lineCompleteCall}, {@code lineUncompleteCall}) returns a request ID and fails in
     * {@code LINE_REPLY} with {@code error}, whatever the switch would have answered: the
     * future of the operation completes exceptionally with a {@link TapiException}.
     * <li>A synchronous function ({@code lineInitializeEx}, {@code lineShutdown},
     * {@code lineNegotiateAPIVersion}, {@code lineGetDevCaps}, {@code lineGetAddressCaps},
     * {@code lineOpen}, {@code lineClose}, {@code lineSetStatusMessages},
     * {@code lineGetLineDevStatus}, {@code lineGetCallStatus}, {@code lineGetCallInfo},
     * {@code lineDeallocateCall}) returns {@code error} and changes nothing: the method that
     * called it, such as {@link io.github.tapibridge.Tapi#openLine(int)} or
     * {@link io.github.tapibridge.Line#addressCaps(int)}, throws a {@link TapiException}.
     * </ul>
     * {@code lineGetMessage} cannot be made to fail. Any {@link LineError} but
     * {@link LineError#UNKNOWN} may be injected, not only those documented for the function;
     * {@code LINEERR_NOMEM}, {@code LINEERR_RESOURCEUNAVAIL} and {@code LINEERR_OPERATIONFAILED}
     * are the usual ones. A new fault for the same function replaces the old one;
     * {@link #reset()} removes them all.
     *
     * @param function the function, as above (a trailing {@code W} is ignored:
     *        {@code "lineOpenW"} is {@code "lineOpen"})
     * @param error the error to fail with
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code error} is {@link LineError#UNKNOWN}, or if
     *         {@code function} is longer than 1,024 UTF-16 units or contains U+0000
     * @throws TapiException {@link LineError#LINEERR_OPERATIONUNAVAIL} if the simulator cannot
     *         make the function fail
     */
    public void failNext(String function, LineError error) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(error, "error");
        TapiStrings.check(function, "function");
        if (error == LineError.UNKNOWN) {
            throw new IllegalArgumentException("LineError.UNKNOWN has no code to inject");
        }
        check(backend.tapisimFailNext(function, error.code()), "tapisim_fail_next");
    }

    /**
     * Returns the typed setters of the switch's behaviour options, with their defaults:
     * {@code sim.options().guardTime(Duration.ofSeconds(5)).trace(false)}. The options last until
     * the next {@link #reset()}.
     *
     * @return a view of this switch's options
     */
    public SimulatorOptions options() {
        return new SimulatorOptions(this);
    }

    /**
     * Sets a behaviour option of the switch by its C name until the next {@link #reset()}
     * ({@code tapisim_set_option}): {@code "error_delivery"} (0 as tapisrv: provider errors in
     * {@code LINE_REPLY}; 1 as the documentation reads: returned at once),
     * {@code "allow_proceeding"}, {@code "strict_completion_owner"}, {@code "reuse_freed_ids"},
     * the timers {@code "guard_ms"}, {@code "recall_ring_ms"}, {@code "expiry_busy_ms"},
     * {@code "expiry_noanswer_ms"}, {@code "realtime"} (1: the clock follows wall time),
     * {@code "trace"} and {@code "max_call_completions"}. {@link #options()} has a typed setter
     * for each, which says its range and default.
     *
     * @param name the option
     * @param value its value (an unsigned 32-bit number)
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is longer than 1,024 UTF-16 units or
     *         contains U+0000
     * @throws TapiException {@link LineError#LINEERR_OPERATIONUNAVAIL} for an unknown option,
     *         {@link LineError#LINEERR_INVALPARAM} for a value out of range
     */
    public void option(String name, int value) {
        TapiStrings.check(Objects.requireNonNull(name, "name"), "name");
        check(backend.tapisimSetOption(name, value), "tapisim_set_option");
    }

    /**
     * Shapes the switch ({@code tapisim_set_lines}, {@code tapisim_set_line},
     * {@code tapisim_set_addresses}, {@code tapisim_set_completion_caps},
     * {@code tapisim_set_completion_messages}, their per-address forms and the timer options): the lines of {@code topology} replace the switch's, until the next
     * {@link #reset()}, which restores the default topology. Only while no application is open on
     * the simulator: call it after {@link #reset()}, before opening a {@link Tapi}.
     *
     * @param topology the topology
     * @throws NullPointerException if {@code topology} is null
     * @throws TapiException {@link LineError#LINEERR_INUSE} if an application is initialised on
     *         the simulator (nothing is changed)
     * @throws UnsupportedOperationException if the loaded simulator predates topologies
     */
    public void configure(Topology topology) {
        Objects.requireNonNull(topology, "topology");
        check(backend.tapisimSetLines(topology.lines), "tapisim_set_lines");
        topology.names.forEach((id, l) ->
                check(backend.tapisimSetLine(id, l.number(), l.name()), "tapisim_set_line"));
        topology.addresses.forEach((id, numbers) ->
                check(backend.tapisimSetAddresses(id, numbers), "tapisim_set_addresses"));
        // address 0 through the functions that older simulators have as well
        topology.caps.forEach((a, c) -> check(a.address() == 0
                ? backend.tapisimSetCompletionCaps(a.device(), c.max(), c.modes(), c.conditions())
                : backend.tapisimSetAddressCompletionCaps(a.device(), a.address(), c.max(), c.modes(), c.conditions()),
                a.address() == 0 ? "tapisim_set_completion_caps" : "tapisim_set_address_completion_caps"));
        topology.messages.forEach((a, t) -> check(a.address() == 0
                ? backend.tapisimSetCompletionMessages(a.device(), t)
                : backend.tapisimSetAddressCompletionMessages(a.device(), a.address(), t),
                a.address() == 0 ? "tapisim_set_completion_messages" : "tapisim_set_address_completion_messages"));
        topology.timers.forEach((name, ms) -> check(backend.tapisimSetOption(name, ms), "tapisim_set_option"));
    }

    /**
     * Returns the trace ({@code tapisim_trace}): one line per TAPI call (arguments and result) and
     * per message queued for an application, each prefixed with the virtual time in ms. The trace
     * keeps the newest 4 MiB.
     *
     * @return the trace text
     */
    public String trace() {
        return backend.tapisimTrace();
    }

    /** Empties the trace ({@code tapisim_trace_clear}). */
    public void clearTrace() {
        check(backend.tapisimTraceClear(), "tapisim_trace_clear");
    }

    /**
     * Queues synthetic messages for an application ({@code tapisim_post_messages}): a hook for
     * benchmarks and tests of event delivery, not a behaviour of TAPI. The messages are queued
     * after those already waiting and delivered by the application's event pump in order, each as
     * a {@link io.github.tapibridge.LineEvent.Other} to the listeners of the {@link Tapi}
     * ({@link Tapi#addListener}): message ID {@code LINE_DEVSPECIFIC} (4), no line, device 0,
     * {@code param1} its index in the batch (0 to {@code count - 1}), {@code param2} the count,
     * {@code param3} 0. The simulator sends no other {@code LINE_DEVSPECIFIC}. The trace records
     * the batch in one line.
     *
     * @param tapi an open application on this switch (its {@link #provider()})
     * @param count how many messages, 0 to {@value #MAX_POSTED_MESSAGES}
     * @throws NullPointerException if {@code tapi} is null
     * @throws IllegalArgumentException if {@code count} is out of range or {@code tapi} was not
     *         opened on this switch
     * @throws IllegalStateException if {@code tapi} is closed
     * @throws UnsupportedOperationException if the loaded simulator predates this hook
     * @throws TapiException if the switch refuses, for example {@link LineError#LINEERR_NOMEM}
     */
    public void postMessages(Tapi tapi, int count) {
        Objects.requireNonNull(tapi, "tapi");
        if (count < 0 || count > MAX_POSTED_MESSAGES) {
            throw new IllegalArgumentException("count must be 0 to " + MAX_POSTED_MESSAGES + ": " + count);
        }
        requireOnThisSwitch(tapi);
        check(backend.tapisimPostMessages(tapi.handle(), count), "tapisim_post_messages");
    }

    private void requireOnThisSwitch(Tapi tapi) {
        if (!tapi.config().provider().equals(provider)) {
            throw new IllegalArgumentException(tapi + " was not opened on this switch (" + provider
                    + ") but on " + tapi.config().provider());
        }
    }

    private static void check(int result, String function) {
        if (result < 0) {
            throw new TapiException(result, function);
        }
    }

    @Override
    public String toString() {
        return "Simulator[" + provider + (isClosed() ? ", closed]" : ", now=" + now() + "]");
    }
}
