package io.github.tapibridge.test;

import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.TapiException;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The resources of one test: its isolated switch and the applications opened on it, in the
 * order of the {@link Tapi} parameters (the first {@code Tapi} parameter of every method of the
 * test is the first application, ...), each with its {@link Tapi#nativeAllocations()} right after
 * opening. Thread-safe: JUnit may resolve parameters and close on different threads.
 */
final class SwitchFixture implements ExtensionContext.Store.CloseableResource {

    /** Rounds of {@link #check()}: chains of callbacks that issue requests get this many. */
    static final int SETTLE_ROUNDS = 16;

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(Simulator.IDLE_TIMEOUT_SECONDS);

    private final Simulator sim;
    private final Settings settings;
    private final List<Tapi> tapis = new ArrayList<>();
    private final List<Long> baselines = new ArrayList<>();
    private boolean closed;

    SwitchFixture(Simulator sim, Settings settings) {
        this.sim = sim;
        this.settings = settings;
    }

    Simulator simulator() {
        return sim;
    }

    /** The application for the {@code index}-th Tapi parameter, opened on first use. */
    synchronized Tapi tapi(int index) {
        if (closed) {
            throw new IllegalStateException("The test's switch is closed");
        }
        while (tapis.size() <= index) {
            Tapi t = Tapi.open(TapiConfig.builder().provider(sim.provider())
                    .backend(settings.backend()).appName("test app " + (tapis.size() + 1)).build());
            tapis.add(t);
            baselines.add(t.nativeAllocations());
        }
        return tapis.get(index);
    }

    /**
     * The leak check: lets the switch answer what it owes and every open application's pump
     * deliver it ({@link Tapi#awaitIdle}), and looks at what is left, for up to
     * {@value #SETTLE_ROUNDS} rounds (a callback may issue a request while the pump delivers,
     * whose reply comes after the wait). Returns what is wrong in the last round, or nothing.
     */
    List<String> check() throws InterruptedException {
        List<Tapi> open;
        List<Long> before;
        synchronized (this) {
            open = List.copyOf(tapis);
            before = List.copyOf(baselines);
        }
        List<String> problems = List.of();
        for (int round = 0; round < SETTLE_ROUNDS; round++) {
            problems = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                Tapi t = open.get(i);
                String stuck = settle(t);
                if (stuck != null) {
                    problems.add(name(i, t) + ": " + stuck);
                    return problems; // waiting again would take as long
                }
                if (!t.isOpen()) {
                    continue; // the test closed it, or reset the switch
                }
                try {
                    List<String> pending = t.pendingRequests();
                    if (!pending.isEmpty()) {
                        problems.add(name(i, t) + ": " + pending.size() + " request(s) still unanswered"
                                + " after the switch answered what it owes and the event pump delivered"
                                + " it " + (round + 1) + " time(s): " + pending);
                    }
                    long now = t.nativeAllocations();
                    if (now != before.get(i)) {
                        problems.add(name(i, t) + ": nativeAllocations() is " + now + ", it was "
                                + before.get(i) + " after opening");
                    }
                } catch (IllegalStateException closedMeanwhile) {
                    // closed by the switch while checking: nothing to leak any more
                }
            }
            if (problems.isEmpty()) {
                return problems;
            }
        }
        return problems;
    }

    /** Waits for the pump of an open application; returns why it could not, or null. */
    private static String settle(Tapi t) throws InterruptedException {
        if (!t.isOpen()) {
            return null;
        }
        try {
            t.awaitIdle(IDLE_TIMEOUT);
            return null;
        } catch (TimeoutException e) {
            return "the event pump did not become idle in " + IDLE_TIMEOUT.toSeconds()
                    + " s: a listener or callback blocks it";
        } catch (IllegalStateException | TapiException closedMeanwhile) {
            return null;
        }
    }

    private static String name(int index, Tapi t) {
        return "application " + (index + 1) + " (" + t + ")";
    }

    /** The switch's trace, or null if it is closed already. */
    synchronized String trace() {
        return closed || sim.isClosed() ? null : sim.trace();
    }

    /** Closes the applications, then the switch. Idempotent. */
    @Override
    public void close() {
        List<Tapi> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = List.copyOf(tapis);
        }
        RuntimeException failure = null;
        for (Tapi t : open) {
            try {
                t.close();
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
        }
        try {
            sim.close();
        } catch (RuntimeException e) {
            failure = add(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException add(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
