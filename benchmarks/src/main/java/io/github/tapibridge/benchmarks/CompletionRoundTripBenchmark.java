package io.github.tapibridge.benchmarks;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.sim.Simulator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * How many completion round trips per second does the public API sustain? One operation is
 * {@code call.completeCall(CAMPON)} until its {@code LINE_REPLY} completes the future, then
 * {@code completion.cancel()} until its {@code LINE_REPLY}: two requests, each a hand-off from the
 * calling thread to the event pump (which dequeues the reply) and back.
 *
 * <p>Each operation needs a fresh BUSY call (the switch releases a camped call when the request is
 * cancelled), so every invocation makes one before it and closes it after it, outside the
 * measured time ({@link Level#Invocation} fixtures: acceptable here, where an operation takes
 * microseconds, not nanoseconds). The fixture waits until the event pump has reported the call
 * BUSY, so that the pump is not still taking the messages of making it when the clock starts.
 * Each calling thread has its own line and busy target. Throughput is summed over the threads;
 * the latency of one operation on one thread is {@code threads / throughput}.
 *
 * <p>{@link #oneThread} and {@link #twoThreads} wait for each reply before the next request: they
 * measure latency, and mostly the cost of waking threads. {@link #pipelined} uses the API as the
 * asynchronous API it is: {@value #WINDOW} round trips in flight from one thread (4 lines, 8
 * calls each, the simulator's {@code dwMaxNumActiveCalls}), each {@code cancel()} issued from the
 * completion future's callback on the event pump, as an application reacting to replies would.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CompletionRoundTripBenchmark {

    /** FFM runs on a JDK 22+ only: run.sh passes {@code -p backend=JNI,JNA} on JDK 17. */
    @Param({"JNI", "JNA", "FFM"})
    Backend backend;

    Simulator sim;
    Tapi tapi;

    @Setup
    public void open() {
        sim = Simulator.get();
        sim.reset();
        sim.option("trace", 0); // measure the calls, not the simulator's trace formatting
        tapi = Tapi.open(TapiConfig.builder().provider(Provider.simulator()).backend(backend)
                .appName("round trip benchmark").build());
    }

    @TearDown
    public void close() {
        tapi.close();
    }

    /** One calling thread: its line (device = thread index), busy target and current call. */
    @State(Scope.Thread)
    public static class Caller {
        Line line;
        String target;
        Call call;

        @Setup
        public void openLine(CompletionRoundTripBenchmark b, ThreadParams thread) {
            line = b.tapi.openLine(thread.getThreadIndex());
            target = "30" + thread.getThreadIndex();
            b.sim.station(target).busy();
        }

        @Setup(Level.Invocation)
        public void makeBusyCall() throws Exception {
            call = line.makeCall(target).get(30, TimeUnit.SECONDS);
            awaitBusyReported(call);
        }

        @TearDown(Level.Invocation)
        public void closeCall() {
            call.close();
        }
    }

    @Benchmark
    @Threads(1)
    public CallCompletion oneThread(Caller caller) throws Exception {
        return roundTrip(caller.call);
    }

    @Benchmark
    @Threads(2)
    public CallCompletion twoThreads(Caller caller) throws Exception {
        return roundTrip(caller.call);
    }

    /**
     * Waits until the event pump has reported the call BUSY: by then it has taken the messages of
     * making the call (and those of closing the previous ones), which are not part of the
     * measured round trip.
     */
    static void awaitBusyReported(Call call) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (call.lastReportedState() != CallState.BUSY) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(call + " was not reported BUSY within 30 s");
            }
            LockSupport.parkNanos(20_000); // not a spin: with two callers, it would starve the pump
        }
    }

    /** Round trips in flight in {@link #pipelined}. */
    static final int WINDOW = 32;
    static final int WINDOW_LINES = 4;

    /** The busy calls of one {@link #pipelined} invocation, spread over {@value #WINDOW_LINES} lines. */
    @State(Scope.Thread)
    public static class Window {
        final Line[] lines = new Line[WINDOW_LINES];
        final Call[] calls = new Call[WINDOW];
        @SuppressWarnings("unchecked")
        final CompletableFuture<Call>[] made = new CompletableFuture[WINDOW];
        final CompletableFuture<?>[] trips = new CompletableFuture<?>[WINDOW];

        @Setup
        public void openLines(CompletionRoundTripBenchmark b) {
            b.sim.option("max_call_completions", WINDOW / WINDOW_LINES);
            b.sim.station("310").busy();
            for (int d = 0; d < WINDOW_LINES; d++) {
                lines[d] = b.tapi.openLine(d);
            }
        }

        @Setup(Level.Invocation)
        public void makeBusyCalls() throws Exception {
            for (int i = 0; i < WINDOW; i++) {
                made[i] = lines[i % WINDOW_LINES].makeCall("310");
            }
            for (int i = 0; i < WINDOW; i++) {
                calls[i] = made[i].get(30, TimeUnit.SECONDS);
            }
            for (Call call : calls) {
                awaitBusyReported(call);
            }
        }

        @TearDown(Level.Invocation)
        public void closeCalls() {
            for (Call call : calls) {
                call.close();
            }
        }
    }

    /**
     * {@value #WINDOW} round trips in flight. A longer warm-up than the class's: most of each
     * invocation is its untimed fixture, so the measured code reaches the JIT's thresholds late
     * (on 2 cores, 10 to 20 s of running before the throughput settles).
     */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(WINDOW)
    @Warmup(iterations = 10, time = 2)
    @Measurement(iterations = 5, time = 2)
    public void pipelined(Window w) throws Exception {
        for (int i = 0; i < WINDOW; i++) {
            w.trips[i] = w.calls[i].completeCall(CallCompletionMode.CAMPON)
                    .thenCompose(CallCompletion::cancel);
        }
        CompletableFuture.allOf(w.trips).join();
    }

    static CallCompletion roundTrip(Call call) throws Exception {
        CallCompletion c = call.completeCall(CallCompletionMode.CAMPON).get(30, TimeUnit.SECONDS);
        c.cancel().get(30, TimeUnit.SECONDS);
        return c;
    }

    public static void main(String[] args) throws Exception {
        Main.main(new String[] {CompletionRoundTripBenchmark.class.getName()});
    }
}
