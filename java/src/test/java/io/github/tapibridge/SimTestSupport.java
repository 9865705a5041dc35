package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the conformance suite: the tests that run the public API against the bundled
 * simulator. Each {@code *Contract} class holds the tests and is abstract; a {@code *JniTest}, a
 * {@code *JnaTest} and a {@code *FfmTest} subclass choose the {@link #backend()} and run every
 * test of it in full (the JNA ones in the build's separate {@code jna-backend} execution, the FFM
 * ones in its {@code ffm-backend} execution on a JDK 22+). A difference between the backends is a
 * bug: no test may be overridden or skipped for one backend.
 *
 * <p>Each test starts from a reset switch (virtual clock at 0) and one open {@link Tapi}.
 * Waits are hang guards only ({@value #HANG_GUARD_SECONDS} s): every expected event is produced
 * by a deterministic action (a request, a station change, {@link Simulator#advance}).
 */
abstract class SimTestSupport {

    static final long HANG_GUARD_SECONDS = 60;

    Simulator sim;
    Tapi tapi;
    private final List<Tapi> opened = new ArrayList<>();

    @BeforeEach
    void resetSimulator() {
        sim = Simulator.get();
        sim.reset();
        tapi = openTapi(TapiConfig.builder().provider(Provider.simulator()).appName("java test"));
    }

    /** The backend under test: the only thing a {@code *JniTest}, {@code *JnaTest} or {@code *FfmTest} subclass adds. */
    abstract Backend backend();

    @AfterEach
    void closeApplications() {
        for (Tapi t : opened) {
            t.close();
        }
    }

    Tapi openTapi(TapiConfig.Builder config) {
        Tapi t = Tapi.open(config.backend(backend()).build());
        opened.add(t);
        assertEquals(backend().name(), t.backend().name(), "the application runs on the backend under test");
        return t;
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }

    static TapiException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> f.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        return assertInstanceOf(TapiException.class, e.getCause());
    }

    /** Waits until the pump of {@link #tapi} has dispatched everything queued so far. */
    void awaitIdle() throws Exception {
        tapi.awaitIdle(Duration.ofSeconds(HANG_GUARD_SECONDS));
    }

    void advance(long ms) {
        sim.advance(Duration.ofMillis(ms));
    }

    /** Records events and lets a test consume them in order. */
    static final class Recorder implements Consumer<LineEvent> {
        private final BlockingQueue<LineEvent> queue = new LinkedBlockingQueue<>();

        @Override
        public void accept(LineEvent e) {
            queue.add(e);
        }

        /** Consumes events up to and including the first that matches. */
        List<LineEvent> until(Predicate<LineEvent> last) throws InterruptedException {
            List<LineEvent> seen = new ArrayList<>();
            for (;;) {
                LineEvent e = queue.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
                if (e == null) {
                    fail("expected event not delivered; seen " + seen);
                }
                seen.add(e);
                if (last.test(e)) {
                    return seen;
                }
            }
        }

        /** Consumes the next event. */
        LineEvent next() throws InterruptedException {
            return until(e -> true).get(0);
        }

        boolean isEmpty() {
            return queue.isEmpty();
        }

        void clear() {
            queue.clear();
        }
    }

    static Predicate<LineEvent> state(CallState s) {
        return e -> e instanceof LineEvent.CallStateChanged c && c.state() == s;
    }

    static Predicate<LineEvent> lineState(LineDeviceState s) {
        return e -> e instanceof LineEvent.LineDeviceStateChanged d && d.states().contains(s);
    }

    static Predicate<LineEvent> reply() {
        return e -> e instanceof LineEvent.Reply;
    }

    /** Short description of an event, for sequence assertions. */
    static String describe(LineEvent e) {
        if (e instanceof LineEvent.CallStateChanged c) {
            return "CALLSTATE " + c.state();
        }
        if (e instanceof LineEvent.Reply r) {
            return r.isSuccess() ? "REPLY ok" : "REPLY " + r.error();
        }
        if (e instanceof LineEvent.LineDeviceStateChanged d) {
            return "LINEDEVSTATE " + d.states();
        }
        if (e instanceof LineEvent.NewCall n) {
            return "NEWCALL " + n.privilege();
        }
        if (e instanceof LineEvent.CallInfoChanged i) {
            return String.format("CALLINFO 0x%X", i.infoStates());
        }
        if (e instanceof LineEvent.CompletionFired f) {
            return "FIRED " + f.completion().id();
        }
        if (e instanceof LineEvent.CompletionCancelled c) {
            return "COMPLCANCEL " + c.completionId();
        }
        return e.getClass().getSimpleName();
    }

    static List<String> describe(List<LineEvent> events) {
        List<String> list = new ArrayList<>();
        for (LineEvent e : events) {
            list.add(describe(e));
        }
        return list;
    }

    /** Opens device {@code device} as owner with RINGING enabled too, and records its events. */
    Line openRecorded(int device, Recorder recorder) {
        Line line = tapi.openLine(device, LineOptions.owner().withStatusMessages(
                LineDeviceState.NUMCOMPLETIONS, LineDeviceState.COMPLCANCEL, LineDeviceState.RINGING));
        line.addListener(recorder);
        return line;
    }

    /**
     * Holds the event pump of {@link #tapi} in a listener of {@code helper} (a line of
     * {@link #tapi}) until the returned action is run. Meanwhile the application calls no
     * {@code lineGetMessage}: replies the simulator queued stay queued, and it answers no
     * completion request (it does when an application looks at its messages), as a switch that
     * takes its time would. Nothing else may call the simulator's clock meanwhile.
     */
    Runnable holdPump(Line helper) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean(true);
        Consumer<LineEvent> blocker = e -> {
            if (e instanceof LineEvent.Reply && armed.compareAndSet(true, false)) {
                held.countDown();
                try {
                    released.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        helper.addListener(blocker);
        helper.uncompleteCall(0x7777); // its reply (INVALCOMPLETIONID) stops the pump in the listener
        assertTrue(held.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the pump is held");
        return () -> {
            helper.removeListener(blocker);
            released.countDown();
        };
    }

    /** Consumes the events recorded so far. */
    static List<LineEvent> drain(Recorder recorder) throws InterruptedException {
        List<LineEvent> list = new ArrayList<>();
        while (!recorder.isEmpty()) {
            list.add(recorder.next());
        }
        return list;
    }

    /**
     * Makes a call to a busy station, waits until it is BUSY, and consumes the recorder's events
     * up to that state (the line's listeners have them before the wait completes).
     */
    Call busyCall(Line line, Recorder recorder, String number) throws Exception {
        sim.station(number).busy();
        Call call = await(line.makeCall(number));
        await(call.whenState(CallState.BUSY));
        recorder.until(state(CallState.BUSY));
        return call;
    }
}
