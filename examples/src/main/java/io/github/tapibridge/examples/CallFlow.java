package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.LineEvent;
import io.github.tapibridge.LineError;
import io.github.tapibridge.TapiException;
import io.github.tapibridge.sim.Simulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Prints a call flow: every TAPI message the application receives, in order, with the switch's
 * time. The listener only queues events (it runs on the event thread); the example's own thread
 * prints them when it waits for what it needs next ({@link #await} a call state or a future,
 * {@link #until} another event), so narrative and messages never interleave.
 */
public final class CallFlow implements Consumer<LineEvent> {

    /** An event and the switch's time when the application received it. */
    private record Stamped(LineEvent event, String time) {
    }

    private final BlockingQueue<Stamped> events = new LinkedBlockingQueue<>();
    /** Events {@link #await} printed, which {@link #until} has not looked at yet (example thread only). */
    private final Queue<LineEvent> printed = new ArrayDeque<>();
    /** Events received (event thread), and taken from {@link #events} (example thread). */
    private final AtomicLong received = new AtomicLong();
    private long taken;
    private final PrintStream out;
    private final Simulator simulator;
    private final Duration wait;
    private final long start = System.nanoTime();

    CallFlow(PrintStream out, Simulator simulator, Duration wait) {
        this.out = out;
        this.simulator = simulator;
        this.wait = wait;
    }

    @Override
    public void accept(LineEvent event) {
        events.add(new Stamped(event, time()));
        received.incrementAndGet();
    }

    /** Prints a line of the story. */
    public void say(String text) {
        out.printf("%11s ▶ %s%n", "", text);
    }

    /**
     * Prints events up to and including the first that matches (also one that {@link #await}
     * printed already).
     *
     * @throws IllegalStateException if none arrives within the wait time
     */
    public <T extends LineEvent> T until(Class<T> type, Predicate<? super T> match) throws InterruptedException {
        return until(type, match, () -> "matching " + type.getSimpleName() + " event");
    }

    private <T extends LineEvent> T until(Class<T> type, Predicate<? super T> match, Supplier<String> what)
            throws InterruptedException {
        for (;;) {
            LineEvent e = printed.poll();
            if (e == null) {
                Stamped s = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (s == null) {
                    throw new IllegalStateException("No " + what.get() + " within " + wait);
                }
                taken++;
                e = s.event();
                print(e, s.time());
            }
            if (type.isInstance(e) && match.test(type.cast(e))) {
                return type.cast(e);
            }
        }
    }

    /**
     * Waits for a call state, {@code flow.await(call, CallState.BUSY)} (through
     * {@link Call#whenState}), then prints the events up to and including the one that reported
     * it (the library completes the future after the listeners have been handed that event, so
     * it is there).
     *
     * @param call the call
     * @param first a state to wait for
     * @param more more states, any one of which will do
     * @return the state reached
     * @throws IllegalStateException if no such state is reached within the wait time; the message
     *         names the call, the states awaited and the last state the call reported
     * @throws ExecutionException if the future failed, for example because the call went idle
     */
    public CallState await(Call call, CallState first, CallState... more)
            throws InterruptedException, ExecutionException {
        String awaited = more.length == 0 ? first.toString() : "one of " + first + ", " + Arrays.toString(more);
        CallState reached;
        try {
            reached = get(call.whenState(first, more));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(call(call) + " did not reach " + awaited + " within " + wait
                    + " (its last reported state: " + call.lastReportedState() + ")", e.getCause());
        }
        until(LineEvent.CallStateChanged.class, e -> e.call() == call && e.state() == reached,
                () -> "LINE_CALLSTATE " + reached + " of " + call(call));
        return reached;
    }

    /**
     * Waits for a future of tapibridge, such as {@code line.whenNewCall()}, then prints the
     * events that had arrived when it completed.
     *
     * @return the future's result
     * @throws IllegalStateException if the future is not done within the wait time
     * @throws ExecutionException if the future failed
     */
    public <T> T await(CompletableFuture<T> future) throws InterruptedException, ExecutionException {
        // Counted on the event thread when the future completes: the events received by then.
        CompletableFuture<Long> mark = future.handle((r, e) -> received.get());
        try {
            return get(future);
        } finally {
            long upTo = mark.getNow(received.get());
            while (taken < upTo) {
                Stamped s = events.poll();
                if (s == null) {
                    break;
                }
                taken++;
                print(s.event(), s.time());
                printed.add(s.event());
            }
        }
    }

    /**
     * Waits for an asynchronous request, such as {@code completion.cancel()}, then prints the
     * events up to and including its {@code LINE_REPLY} (listeners get the reply just after the
     * future completes, so {@link #await(CompletableFuture)} would not show it): the first reply
     * not printed yet with the request's result. For requests answered in {@code LINE_REPLY}.
     *
     * @return the future's result
     * @throws IllegalStateException if the future or its reply does not arrive within the wait time
     * @throws ExecutionException if the request failed; its reply is printed first
     */
    public <T> T reply(CompletableFuture<T> request) throws InterruptedException, ExecutionException {
        T result;
        try {
            result = get(request);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TapiException t) {
                until(LineEvent.Reply.class, r -> r.result() == t.code(), () -> "LINE_REPLY " + t.error());
            }
            throw e;
        }
        until(LineEvent.Reply.class, r -> r.result() == 0, () -> "LINE_REPLY ok");
        return result;
    }

    private <T> T get(CompletableFuture<T> future) throws InterruptedException, ExecutionException {
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Nothing happened within " + wait, e);
        }
    }

    private String time() {
        double seconds = simulator != null
                ? simulator.now().toMillis() / 1000.0
                : (System.nanoTime() - start) / 1e9;
        return String.format("%9.3f s", seconds);
    }

    private static String call(Call call) {
        return String.format("call 0x%08X", call.handle());
    }

    private void print(LineEvent e, String time) {
        String text;
        if (e instanceof LineEvent.CallStateChanged c) {
            text = String.format("LINE_CALLSTATE     %s  %s", call(c.call()), c.state());
        } else if (e instanceof LineEvent.NewCall n) {
            text = String.format("LINE_APPNEWCALL    %s  privilege %s", call(n.call()), n.privilege());
        } else if (e instanceof LineEvent.CallInfoChanged i) {
            text = String.format("LINE_CALLINFO      %s  reason %s, completion id %d", call(i.call()),
                    i.call().info().reason(), i.call().info().completionId());
        } else if (e instanceof LineEvent.Reply r) {
            text = String.format("LINE_REPLY         request 0x%08X  %s", r.requestId(),
                    r.result() == 0 ? "ok" : LineError.of(r.result()).toString());
        } else if (e instanceof LineEvent.CompletionCancelled c) {
            text = String.format("LINE_LINEDEVSTATE  COMPLCANCEL  completion id %d", c.completionId());
        } else if (e instanceof LineEvent.LineDeviceStateChanged d) {
            text = String.format("LINE_LINEDEVSTATE  %s", d.states());
        } else if (e instanceof LineEvent.DigitsGenerated g) {
            text = String.format("LINE_GENERATE      %s  %s", call(g.call()), g.done() ? "DONE" : "CANCEL");
        } else if (e instanceof LineEvent.DigitReceived d) {
            text = String.format("LINE_MONITORDIGITS %s  '%c' %s", call(d.call()), d.digit(), d.mode());
        } else if (e instanceof LineEvent.CompletionFired f) {
            text = String.format("(completion %d fired: %s)", f.completion().id(), call(f.call()));
        } else {
            text = e.toString();
        }
        out.printf("%s  %s%n", time, text);
    }
}
