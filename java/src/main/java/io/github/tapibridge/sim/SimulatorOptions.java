package io.github.tapibridge.sim;

import io.github.tapibridge.LineError;
import io.github.tapibridge.TapiException;
import java.time.Duration;
import java.util.Objects;

/**
 * The behaviour options of a simulated switch ({@code tapisim_set_option}), with typed setters:
 * returned by {@link Simulator#options()}.
 *
 * <pre>{@code
 * sim.options()
 *    .errorDelivery(ErrorDelivery.RETURNED)
 *    .guardTime(Duration.ofSeconds(5))
 *    .trace(false);
 * }</pre>
 *
 * <p>Each setter applies at once, to the switch as a whole, and lasts until the next
 * {@link Simulator#reset()}, which sets every option back to its default (given with each
 * setter). Options can be set while applications are open. The four timers can also be part of a
 * {@link Topology} ({@link Topology.Builder#guardTime(Duration)}, ...), which
 * {@link Simulator#configure(Topology)} applies with the lines. {@link Simulator#option(String, int)}
 * sets an option by its C name and value, as {@code native/include/tapisim.h} lists them; each
 * setter here names the option it sets.
 *
 * <p>Thread-safe (the switch serialises the changes). Every setter throws a {@link TapiException}
 * (function {@code tapisim_set_option}) if the switch refuses, and IllegalStateException if the
 * simulator is an isolated switch that was closed.
 */
public final class SimulatorOptions {

    /** The default {@linkplain #guardTime(Duration) guard time}: 2 s. */
    public static final Duration DEFAULT_GUARD_TIME = Duration.ofSeconds(2);
    /** The default {@linkplain #recallRingTime(Duration) recall ring time}: 20 s. */
    public static final Duration DEFAULT_RECALL_RING_TIME = Duration.ofSeconds(20);
    /** The default {@linkplain #expiryBusy(Duration) lifetime of a BUSY request}: 45 min. */
    public static final Duration DEFAULT_EXPIRY_BUSY = Duration.ofMinutes(45);
    /** The default {@linkplain #expiryNoAnswer(Duration) lifetime of a NOANSWER request}: 180 min. */
    public static final Duration DEFAULT_EXPIRY_NOANSWER = Duration.ofMinutes(180);
    /** The default {@linkplain #maxCallCompletions(int) completions per address}: 4. */
    public static final int DEFAULT_MAX_CALL_COMPLETIONS = 4;
    /** The longest timer the switch takes: 2^31 - 1 ms (about 24.8 days). */
    public static final Duration MAX_TIMER = Duration.ofMillis(Integer.MAX_VALUE);

    private final Simulator sim;

    SimulatorOptions(Simulator sim) {
        this.sim = sim;
    }

    /**
     * Sets how errors of asynchronous functions are delivered ({@code "error_delivery"}).
     * Default: {@link ErrorDelivery#IN_REPLY}, as tapisrv.
     *
     * @param delivery the mode
     * @return this
     * @throws NullPointerException if {@code delivery} is null
     */
    public SimulatorOptions errorDelivery(ErrorDelivery delivery) {
        return set("error_delivery", Objects.requireNonNull(delivery, "delivery").value());
    }

    /**
     * Sets whether {@code lineCompleteCall} is also accepted on a call in {@code PROCEEDING}, with
     * the condition {@code NOANSWER} ({@code "allow_proceeding"}). Default: false, only in
     * {@code BUSY} and {@code RINGBACK}.
     *
     * @param allow true to accept it in {@code PROCEEDING}
     * @return this
     */
    public SimulatorOptions allowProceeding(boolean allow) {
        return set("allow_proceeding", allow ? 1 : 0);
    }

    /**
     * Sets whether only the application that created a completion may cancel it with
     * {@code lineUncompleteCall} ({@code "strict_completion_owner"}); others get
     * {@link LineError#LINEERR_INVALCOMPLETIONID}. Default: false, any application with the line
     * open may.
     *
     * @param strict true to allow only the creator
     * @return this
     */
    public SimulatorOptions strictCompletionOwner(boolean strict) {
        return set("strict_completion_owner", strict ? 1 : 0);
    }

    /**
     * Sets whether a freed completion ID is handed out again at once ({@code "reuse_freed_ids"}),
     * to test that an application does not confuse an old completion with a new one. Default:
     * false, IDs count up.
     *
     * @param reuse true to reuse freed IDs
     * @return this
     */
    public SimulatorOptions reuseFreedIds(boolean reuse) {
        return set("reuse_freed_ids", reuse ? 1 : 0);
    }

    /**
     * Sets the guard time: how long a completion target must stay free before the switch serves
     * a request ({@code "guard_ms"}). Default: {@link #DEFAULT_GUARD_TIME}, 2 s.
     *
     * @param time 0 to {@link #MAX_TIMER}, at millisecond resolution
     * @return this
     * @throws NullPointerException if {@code time} is null
     * @throws IllegalArgumentException if {@code time} is out of range
     */
    public SimulatorOptions guardTime(Duration time) {
        return set("guard_ms", millis("guard time", time));
    }

    /**
     * Sets how long a CALLBACK recall rings before it gives up ({@code "recall_ring_ms"}).
     * Default: {@link #DEFAULT_RECALL_RING_TIME}, 20 s.
     *
     * @param time 0 to {@link #MAX_TIMER}, at millisecond resolution
     * @return this
     * @throws NullPointerException if {@code time} is null
     * @throws IllegalArgumentException if {@code time} is out of range
     */
    public SimulatorOptions recallRingTime(Duration time) {
        return set("recall_ring_ms", millis("recall ring time", time));
    }

    /**
     * Sets how long a completion request on a BUSY target lives before it expires
     * ({@code "expiry_busy_ms"}). Default: {@link #DEFAULT_EXPIRY_BUSY}, 45 min.
     *
     * @param time 0 to {@link #MAX_TIMER}, at millisecond resolution
     * @return this
     * @throws NullPointerException if {@code time} is null
     * @throws IllegalArgumentException if {@code time} is out of range
     */
    public SimulatorOptions expiryBusy(Duration time) {
        return set("expiry_busy_ms", millis("busy expiry", time));
    }

    /**
     * Sets how long a completion request on a target that did not answer lives before it expires
     * ({@code "expiry_noanswer_ms"}). Default: {@link #DEFAULT_EXPIRY_NOANSWER}, 180 min.
     *
     * @param time 0 to {@link #MAX_TIMER}, at millisecond resolution
     * @return this
     * @throws NullPointerException if {@code time} is null
     * @throws IllegalArgumentException if {@code time} is out of range
     */
    public SimulatorOptions expiryNoAnswer(Duration time) {
        return set("expiry_noanswer_ms", millis("no-answer expiry", time));
    }

    /**
     * Sets whether a thread of the switch moves the clock with wall time ({@code "realtime"}),
     * for demonstrations against a running application; tests keep the virtual clock, which
     * moves only with {@link Simulator#advance(Duration)}. Default: false.
     *
     * @param realtime true to follow wall time
     * @return this
     * @throws TapiException {@link LineError#LINEERR_RESOURCEUNAVAIL} if the clock thread cannot
     *         be started
     */
    public SimulatorOptions realtime(boolean realtime) {
        return set("realtime", realtime ? 1 : 0);
    }

    /**
     * Sets whether the switch records its {@linkplain Simulator#trace() trace} ({@code "trace"}).
     * Turn it off for load tests and benchmarks, where formatting it costs more than the call
     * itself. Default: true.
     *
     * @param trace false to stop recording
     * @return this
     */
    public SimulatorOptions trace(boolean trace) {
        return set("trace", trace ? 1 : 0);
    }

    /**
     * Sets {@code LINEADDRESSCAPS.dwMaxCallCompletions} of every address of every line at once
     * ({@code "max_call_completions"}): how many completion requests may be outstanding on an
     * address, 0 for no completion support. Default: {@link #DEFAULT_MAX_CALL_COMPLETIONS}, 4,
     * or what a {@link Topology} gave a line. {@link Topology.Builder#completionCaps} sets it per
     * address.
     *
     * @param max 0 to {@link Topology#MAX_CALL_COMPLETIONS}
     * @return this
     * @throws IllegalArgumentException if {@code max} is out of range
     */
    public SimulatorOptions maxCallCompletions(int max) {
        if (max < 0 || max > Topology.MAX_CALL_COMPLETIONS) {
            throw new IllegalArgumentException(
                    "maxCallCompletions must be 0 to " + Topology.MAX_CALL_COMPLETIONS + ": " + max);
        }
        return set("max_call_completions", max);
    }

    private SimulatorOptions set(String name, int value) {
        sim.option(name, value);
        return this;
    }

    /** A timer in ms, 0 to 2^31 - 1. */
    static int millis(String what, Duration time) {
        Objects.requireNonNull(time, "time");
        if (time.isNegative() || time.compareTo(MAX_TIMER) > 0) {
            throw new IllegalArgumentException(what + " must be 0 to 2^31 - 1 ms: " + time);
        }
        return (int) time.toMillis();
    }

    @Override
    public String toString() {
        return "SimulatorOptions[" + sim + "]";
    }
}
