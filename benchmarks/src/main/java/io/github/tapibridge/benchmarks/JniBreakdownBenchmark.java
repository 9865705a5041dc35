package io.github.tapibridge.benchmarks;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Provider;
import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.Layout;
import io.github.tapibridge.internal.NativeLibraries;
import io.github.tapibridge.internal.TapiConstants;
import io.github.tapibridge.internal.jni.TapiJni;
import io.github.tapibridge.sim.Simulator;
import io.github.tapibridge.spi.TapiBackend;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where do the nanoseconds of a JNI backend call go? {@code lineGetMessage} with timeout 0 on an
 * empty queue (as {@link CrossingBenchmark#lineGetMessageEmpty}), taken apart:
 * <ul>
 *   <li>{@code emptyNative}: a JNI call that does nothing ({@code TapiJni.abiVersion()}): the
 *       transition into native code and back;</li>
 *   <li>{@code guard}: {@link Guard#enter()} and {@link Guard#exit(io.github.tapibridge.internal.GuardRecord)},
 *       the Java guard (a push onto the thread's own record, one fence, a pop) that the FFM and
 *       JNA backends and the API objects run; the JNI backend does not: libtapibridge guards its
 *       natives in C without a fence;</li>
 *   <li>{@code unguardedNative}: the native {@code TapiJni.lineGetMessage} called directly,
 *       without the backend's Java method (it runs the C guard);</li>
 *   <li>{@code backend}: {@code JniBackend.lineGetMessage}, the Java method and the native.</li>
 * </ul>
 * The C call alone is {@code lineGetMessage_empty} of native/bench.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JniBreakdownBenchmark {

    /** {@code TapiJni.lineGetMessage(long provider, int hLineApp, long lpMessage, int dwTimeout)},
     * package-private: reached through a private lookup (everything is in the unnamed module). */
    static final MethodHandle LINE_GET_MESSAGE;

    static {
        try {
            LINE_GET_MESSAGE = MethodHandles.privateLookupIn(TapiJni.class, MethodHandles.lookup())
                    .findStatic(TapiJni.class, "lineGetMessage",
                            MethodType.methodType(int.class, long.class, int.class, long.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Guard guard = new Guard("benchmark");
    TapiBackend backend;
    long provider;
    int hEmptyApp;
    long message;

    @Setup
    public void setup() throws Throwable {
        Simulator.get().reset();
        Simulator.get().option("trace", 0); // measure the calls, not the trace formatting
        backend = Backends.open(Backend.JNI, Provider.simulator());
        hEmptyApp = CrossingBenchmark.initialize(backend);
        message = backend.allocate(Layout.LINEMESSAGE_SIZE);
        // A provider handle of its own for the unguarded native (the backend keeps its private).
        provider = (long) MethodHandles.privateLookupIn(TapiJni.class, MethodHandles.lookup())
                .findStatic(TapiJni.class, "openProvider",
                        MethodType.methodType(long.class, String.class, boolean.class))
                .invokeExact(NativeLibraries.simulatorPath().toString(), true);
        CrossingBenchmark.expect(TapiConstants.LINEERR_OPERATIONFAILED, unguardedNative(), "lineGetMessage");
        CrossingBenchmark.expect(TapiConstants.LINEERR_OPERATIONFAILED, backend(), "lineGetMessage");
    }

    @TearDown
    public void tearDown() throws Throwable {
        MethodHandles.privateLookupIn(TapiJni.class, MethodHandles.lookup())
                .findStatic(TapiJni.class, "closeProvider", MethodType.methodType(void.class, long.class))
                .invokeExact(provider);
        backend.lineShutdown(hEmptyApp);
        backend.free(message);
        backend.close();
    }

    @Benchmark
    public int emptyNative() {
        return TapiJni.abiVersion();
    }

    @Benchmark
    public void guard() {
        guard.exit(guard.enter());
    }

    @Benchmark
    public int unguardedNative() throws Throwable {
        return (int) LINE_GET_MESSAGE.invokeExact(provider, hEmptyApp, message, 0);
    }

    @Benchmark
    public int backend() {
        return backend.lineGetMessage(hEmptyApp, message, 0);
    }

    public static void main(String[] args) throws Exception {
        Main.main(new String[] {JniBreakdownBenchmark.class.getName()});
    }
}
