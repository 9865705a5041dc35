package io.github.tapibridge.benchmarks;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.LineError;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.internal.Layout;
import io.github.tapibridge.internal.NativeLibraries;
import io.github.tapibridge.internal.TapiConstants;
import io.github.tapibridge.sim.Simulator;
import io.github.tapibridge.spi.TapiBackend;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does one synchronous TAPI call cost from Java, per backend? The raw layer
 * ({@link TapiBackend}) calls the simulator; native/bench makes the same calls from C, so the
 * difference is the crossing. Run with {@code -prof gc} for the bytes allocated per call.
 *
 * <ul>
 *   <li>{@code lineGetCallStatus}: a BUSY call's status into a reused native buffer (the
 *       simulator fills 56 bytes plus the variable part and traces the call);</li>
 *   <li>{@code lineCompleteCallRejected}: {@code lineCompleteCall} with two mode bits, refused
 *       synchronously with {@code LINEERR_INVALCALLCOMPLMODE} (traced);</li>
 *   <li>{@code lineGetMessageEmpty}: {@code lineGetMessage} with timeout 0 on an application whose
 *       queue is empty: the cheapest call the simulator has (a lock, a lookup, no trace), so most
 *       of what it measures is the crossing.</li>
 * </ul>
 *
 * {@code JNA_INTERFACE} calls the same functions through a JNA interface mapping (a proxy, boxed
 * arguments) instead of the direct mapping the JNA backend uses, for reference; it has no
 * backend guard around it.
 *
 * <p>{@code FFM} is the FFM backend on the simulator, whose hot functions it calls critically
 * ({@code Linker.Option.critical(false)}); {@code FFM_PLAIN} the same backend on the same library
 * opened by path ({@code Provider.library}), where every call is a plain downcall. Both need a
 * JDK 22+: {@code run.sh} passes {@code -p variant=JNI,JNA,JNA_INTERFACE} on JDK 17.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CrossingBenchmark {

    /** How Java reaches the simulator. */
    public enum Variant { JNI, JNA, JNA_INTERFACE, FFM, FFM_PLAIN }

    /** Two mode bits: not one mode, so {@code LINEERR_INVALCALLCOMPLMODE} at once. */
    static final int INVALID_MODE = 3;

    /** The buffer of native/bench: LINECALLSTATUS and room for its variable part. */
    static final int STATUS_SIZE = Layout.LINECALLSTATUS_SIZE + 512;

    @Param
    Variant variant;

    Tapi tapi;
    TapiBackend raw;
    Calls calls;
    int hCall;
    int hEmptyApp;
    long status;
    long completionId;
    long message;

    @Setup
    public void setup() throws Exception {
        Simulator sim = Simulator.get();
        sim.reset();
        sim.option("trace", 0); // measure the calls, not the simulator's trace formatting
        sim.station("201").busy();
        Backend backend = variant == Variant.JNI ? Backend.JNI
                : variant == Variant.FFM || variant == Variant.FFM_PLAIN ? Backend.FFM : Backend.JNA;
        tapi = Tapi.open(TapiConfig.builder().provider(Provider.simulator()).backend(backend)
                .appName("crossing benchmark").build());
        Call call = tapi.openLine(0).makeCall("201").get(30, TimeUnit.SECONDS);
        if (call.state() != CallState.BUSY) {
            throw new IllegalStateException("expected a BUSY call: " + call);
        }
        hCall = call.handle();

        raw = Backends.open(backend, variant == Variant.FFM_PLAIN
                ? Provider.library(NativeLibraries.simulatorPath()) : Provider.simulator());
        status = raw.allocate(STATUS_SIZE);
        raw.putInt(status + Layout.TOTAL_SIZE, STATUS_SIZE);
        completionId = raw.allocate(4);
        message = raw.allocate(Layout.LINEMESSAGE_SIZE);
        hEmptyApp = initialize(raw);
        calls = variant == Variant.JNA_INTERFACE ? new OfInterface() : new OfBackend(raw);

        expect(0, lineGetCallStatus(), "lineGetCallStatus");
        expect(LineError.LINEERR_INVALCALLCOMPLMODE.code(), lineCompleteCallRejected(), "lineCompleteCall");
        expect(TapiConstants.LINEERR_OPERATIONFAILED, lineGetMessageEmpty(), "lineGetMessage");
    }

    @TearDown
    public void tearDown() {
        raw.lineShutdown(hEmptyApp);
        raw.free(message);
        raw.free(completionId);
        raw.free(status);
        raw.close();
        tapi.close();
    }

    @Benchmark
    public int lineGetCallStatus() {
        return calls.lineGetCallStatus(hCall, status);
    }

    @Benchmark
    public int lineCompleteCallRejected() {
        return calls.lineCompleteCall(hCall, completionId, INVALID_MODE, 0);
    }

    @Benchmark
    public int lineGetMessageEmpty() {
        return calls.lineGetMessage(hEmptyApp, message, 0);
    }

    /** lineInitializeExW for an application without lines: nothing is ever queued for it. */
    static int initialize(TapiBackend b) {
        long out = b.allocate(12);
        long params = b.allocate(Layout.LINEINITIALIZEEXPARAMS_SIZE);
        try {
            b.putInt(params + Layout.TOTAL_SIZE, Layout.LINEINITIALIZEEXPARAMS_SIZE);
            b.putInt(params + Layout.LINEINITIALIZEEXPARAMS_OPTIONS,
                    TapiConstants.LINEINITIALIZEEXOPTION_USEEVENT);
            b.putInt(out + 8, 0x00030001);
            expect(0, b.lineInitializeExW(out, 0, "empty queue", out + 4, out + 8, params),
                    "lineInitializeExW");
            return b.getInt(out);
        } finally {
            b.free(params);
            b.free(out);
        }
    }

    static void expect(int expected, int actual, String function) {
        if (actual != expected) {
            throw new IllegalStateException(String.format("%s returned 0x%08X, expected 0x%08X",
                    function, actual, expected));
        }
    }

    /** The three calls; one implementation per fork, so the call site stays monomorphic. */
    interface Calls {
        int lineGetCallStatus(int hCall, long lpCallStatus);

        int lineCompleteCall(int hCall, long lpdwCompletionID, int dwCompletionMode, int dwMessageID);

        int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout);
    }

    static final class OfBackend implements Calls {
        private final TapiBackend backend;

        OfBackend(TapiBackend backend) {
            this.backend = backend;
        }

        @Override
        public int lineGetCallStatus(int hCall, long lpCallStatus) {
            return backend.lineGetCallStatus(hCall, lpCallStatus);
        }

        @Override
        public int lineCompleteCall(int hCall, long lpdwCompletionID, int dwCompletionMode, int dwMessageID) {
            return backend.lineCompleteCall(hCall, lpdwCompletionID, dwCompletionMode, dwMessageID);
        }

        @Override
        public int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout) {
            return backend.lineGetMessage(hLineApp, lpMessage, dwTimeout);
        }
    }

    /** JNA interface mapping of the simulator library. */
    public interface SimulatorLibrary extends Library {
        int lineGetCallStatus(int hCall, long lpCallStatus);

        int lineCompleteCall(int hCall, long lpdwCompletionID, int dwCompletionMode, int dwMessageID);

        int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout);
    }

    static final class OfInterface implements Calls {
        private final SimulatorLibrary library =
                Native.load(NativeLibraries.simulatorPath().toString(), SimulatorLibrary.class);

        @Override
        public int lineGetCallStatus(int hCall, long lpCallStatus) {
            return library.lineGetCallStatus(hCall, lpCallStatus);
        }

        @Override
        public int lineCompleteCall(int hCall, long lpdwCompletionID, int dwCompletionMode, int dwMessageID) {
            return library.lineCompleteCall(hCall, lpdwCompletionID, dwCompletionMode, dwMessageID);
        }

        @Override
        public int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout) {
            return library.lineGetMessage(hLineApp, lpMessage, dwTimeout);
        }
    }

    public static void main(String[] args) throws Exception {
        Main.main(new String[] {CrossingBenchmark.class.getName()});
    }
}
