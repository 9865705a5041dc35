package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.LineEvent;
import io.github.tapibridge.LineError;
import io.github.tapibridge.sim.Simulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Prints a call flow: every TAPI message the application receives, in order, with the switch's
 * time. The listener only queues events (it runs on the event thread); the example's own thread
 * prints them when it waits for the event it needs next, so narrative and messages never
 * interleave.
 */
public final class CallFlow implements Consumer<LineEvent> {

    /** An event and the switch's time when the application received it. */
    private record Stamped(LineEvent event, String time) {
    }

    private final BlockingQueue<Stamped> events = new LinkedBlockingQueue<>();
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
    }

    /** Prints a line of the story. */
    public void say(String text) {
        out.printf("%11s ▶ %s%n", "", text);
    }

    /**
     * Prints events up to and including the first that matches.
     *
     * @throws IllegalStateException if none arrives within the wait time
     */
    public <T extends LineEvent> T until(Class<T> type, Predicate<? super T> match) throws InterruptedException {
        for (;;) {
            Stamped s = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (s == null) {
                throw new IllegalStateException("No " + type.getSimpleName() + " event within " + wait);
            }
            LineEvent e = s.event();
            print(e, s.time());
            if (type.isInstance(e) && match.test(type.cast(e))) {
                return type.cast(e);
            }
        }
    }

    /** Prints events until {@code call} reports {@code state}. */
    public void untilState(Call call, CallState state) throws InterruptedException {
        until(LineEvent.CallStateChanged.class, e -> e.call() == call && e.state() == state);
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
        } else if (e instanceof LineEvent.CompletionFired f) {
            text = String.format("(completion %d fired: %s)", f.completion().id(), call(f.call()));
        } else {
            text = e.toString();
        }
        out.printf("%s  %s%n", time, text);
    }
}
