package io.github.tapibridge.benchmarks;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.Line;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.sim.Simulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
 * microseconds, not nanoseconds). The pump still handles the call's own messages in the background.
 * Each calling thread has its own line and busy target. Throughput is summed over the threads;
 * the latency of one operation on one thread is {@code threads / throughput}.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CompletionRoundTripBenchmark {

    @Param({"JNI", "JNA"})
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

    static CallCompletion roundTrip(Call call) throws Exception {
        CallCompletion c = call.completeCall(CallCompletionMode.CAMPON).get(30, TimeUnit.SECONDS);
        c.cancel().get(30, TimeUnit.SECONDS);
        return c;
    }

    public static void main(String[] args) throws Exception {
        Main.main(new String[] {CompletionRoundTripBenchmark.class.getName()});
    }
}
