package io.github.tapibridge.benchmarks;

import io.github.tapibridge.Backend;
import io.github.tapibridge.LineEvent;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.sim.Simulator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many messages per second travel from the simulator to a Java listener? One invocation
 * queues a batch of synthetic {@code LINE_DEVSPECIFIC} messages ({@link Simulator#postMessages})
 * and waits until the event pump has handed the last of them to the listener as a
 * {@link LineEvent.Other}; the score is per message. The path measured is the library's:
 * {@code lineGetMessage} into the pump's buffer, decoding, dispatch to the application's
 * listeners on the pump thread.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventDeliveryBenchmark {

    static final int BATCH = 10_000;

    /** FFM runs on a JDK 22+ only: run.sh passes {@code -p backend=JNI,JNA} on JDK 17. */
    @Param({"JNI", "JNA", "FFM"})
    Backend backend;

    Simulator sim;
    Tapi tapi;
    final Semaphore batches = new Semaphore(0);
    /** Messages seen; touched by the pump thread only. */
    long seen;

    @Setup
    public void open() {
        sim = Simulator.get();
        sim.reset();
        sim.option("trace", 0); // measure the calls, not the simulator's trace formatting
        tapi = Tapi.open(TapiConfig.builder().provider(Provider.simulator()).backend(backend)
                .appName("event delivery benchmark").build());
        tapi.addListener(this::onEvent); // no line is open: every event is a posted message
    }

    void onEvent(LineEvent event) {
        if (event instanceof LineEvent.Other && ++seen % BATCH == 0) {
            batches.release();
        }
    }

    @TearDown
    public void close() {
        tapi.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void deliver() throws InterruptedException {
        sim.postMessages(tapi, BATCH);
        if (!batches.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the batch did not arrive within 30 s");
        }
    }

    public static void main(String[] args) throws Exception {
        Main.main(new String[] {EventDeliveryBenchmark.class.getName()});
    }
}
