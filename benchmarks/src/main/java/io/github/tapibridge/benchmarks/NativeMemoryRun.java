package io.github.tapibridge.benchmarks;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.Line;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.sim.Simulator;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Does native memory stay flat over 1,000,000 completion cycles (a target of docs/performance.md)?
 * Not a JMH benchmark: it measures memory, not time. One cycle is what an application does with a
 * completion: make a call to a busy station, read its state, {@code completeCall(CAMPON)}, read the
 * call's info, {@code cancel()}, close the call. Cycles run {@value #WINDOW} at a time (4 lines,
 * 8 calls each) so that a million of them take seconds.
 *
 * <p>After a warm-up of {@code --warm-up} cycles, and after every tenth of {@code --cycles}, it
 * records, after a full GC (so that nothing waits for a collection to be freed):
 * <ul>
 *   <li>the native blocks the backend holds ({@link Tapi#nativeAllocations()}): exact, and
 *       the same after every answered request;</li>
 *   <li>the bytes glibc's {@code malloc} has handed out and not taken back, process-wide
 *       ({@code mallinfo2}: {@code uordblks + hblkhd}): the simulator's, the JNI bridge's, JNA's
 *       and the JVM's own native allocations;</li>
 *   <li>the JVM's own share of it, when Native Memory Tracking is on
 *       ({@code -XX:NativeMemoryTracking=summary}; kilobyte resolution);</li>
 *   <li>the resident set size ({@code /proc/self/statm});</li>
 *   <li>the Java heap in use after the collection.</li>
 * </ul>
 * and prints the growth since the warm-up, in total and per cycle. A leak of one small block per
 * cycle would show as at least 16 MB of malloc growth. Linux with glibc only.
 *
 * <pre>
 * java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:NativeMemoryTracking=summary \
 *     -cp benchmarks/target/benchmarks.jar io.github.tapibridge.benchmarks.NativeMemoryRun \
 *     [--backend JNI|JNA] [--cycles N] [--warm-up N] [--json FILE]
 * </pre>
 */
public final class NativeMemoryRun {

    static final int WINDOW = 32;
    static final int LINES = 4;
    static final String BUSY_STATION = "320";
    static final int SAMPLES = 10;

    /** glibc's {@code struct mallinfo2} (all {@code size_t}). */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
            "uordblks", "fordblks", "keepcost"})
    public static class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }

    /** The part of glibc this program reads. */
    public interface LibC extends Library {
        MallInfo2 mallinfo2();
    }

    /** One measurement. */
    record Sample(long cycles, long bridgeBlocks, long mallocInUse, long jvmMalloc, long jvmBlocks,
                  long rss, long heapUsed, double seconds) {
    }

    private NativeMemoryRun() {
    }

    public static void main(String[] args) throws Exception {
        RunArgs a = RunArgs.parse("NativeMemoryRun", args, 1_000_000, 100_000);
        if (a == null) {
            return;
        }
        Backend backend = a.backend();
        long cycles = a.cycles();
        long warmUp = a.warmUp();
        Path json = a.json();
        if (cycles < SAMPLES * WINDOW || warmUp < 0) {
            RunArgs.usage("NativeMemoryRun",
                    "--cycles must be at least " + SAMPLES * WINDOW + " and --warm-up not negative");
        }
        LibC libc = Native.load("c", LibC.class);
        List<Sample> samples = run(backend, cycles, warmUp, libc);
        report(System.out, backend, samples);
        if (json != null) {
            Files.writeString(json, toJson(backend, warmUp, samples), StandardCharsets.UTF_8);
        }
    }

    static List<Sample> run(Backend backend, long cycles, long warmUp, LibC libc) throws Exception {
        Simulator sim = Simulator.get();
        sim.reset();
        sim.option("trace", 0); // the trace is a growing buffer by design
        sim.option("max_call_completions", WINDOW / LINES);
        sim.station(BUSY_STATION).busy();
        List<Sample> samples = new ArrayList<>();
        try (Tapi tapi = Tapi.open(TapiConfig.builder().provider(Provider.simulator()).backend(backend)
                .appName("native memory run").build())) {
            Line[] lines = new Line[LINES];
            for (int d = 0; d < LINES; d++) {
                lines[d] = tapi.openLine(d);
            }
            long t0 = System.nanoTime();
            runCycles(lines, warmUp);
            // Native Memory Tracking allocates its own report structures (untracked) on first
            // use: read it once before the first sample, or they count as growth of the rest.
            jvmMalloc();
            samples.add(sample(0, tapi, libc, t0));
            long step = cycles / SAMPLES;
            for (int s = 1; s <= SAMPLES; s++) {
                runCycles(lines, s == SAMPLES ? cycles - step * (SAMPLES - 1) : step);
                samples.add(sample(s == SAMPLES ? cycles : step * s, tapi, libc, t0));
                System.err.printf(Locale.ROOT, "%s: %,d cycles%n", backend, samples.get(s).cycles());
            }
        }
        return samples;
    }

    /** Runs {@code n} cycles, {@value #WINDOW} in flight at a time. */
    static void runCycles(Line[] lines, long n) throws Exception {
        @SuppressWarnings("unchecked")
        CompletableFuture<Call>[] made = new CompletableFuture[WINDOW];
        Call[] calls = new Call[WINDOW];
        CompletableFuture<?>[] trips = new CompletableFuture<?>[WINDOW];
        for (long done = 0; done < n; done += WINDOW) {
            int k = (int) Math.min(WINDOW, n - done);
            for (int i = 0; i < k; i++) {
                made[i] = lines[i % LINES].makeCall(BUSY_STATION);
            }
            for (int i = 0; i < k; i++) {
                calls[i] = made[i].get(30, TimeUnit.SECONDS);
                calls[i].state();
            }
            for (int i = 0; i < k; i++) {
                Call call = calls[i];
                trips[i] = call.completeCall(CallCompletionMode.CAMPON).thenCompose(c -> {
                    call.info();
                    return c.cancel();
                });
            }
            CompletableFuture.allOf(Arrays.copyOf(trips, k)).get(30, TimeUnit.SECONDS);
            for (int i = 0; i < k; i++) {
                calls[i].close();
            }
        }
    }

    static Sample sample(long cycles, Tapi tapi, LibC libc, long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        MallInfo2 m = libc.mallinfo2();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long[] jvm = jvmMalloc();
        return new Sample(cycles, tapi.nativeAllocations(), m.uordblks + m.hblkhd, jvm[0], jvm[1],
                RunArgs.rss(), heap, seconds);
    }

    private static final Pattern NMT_MALLOC = Pattern.compile("malloc: (\\d+)KB #(\\d+)");

    /**
     * The JVM's own malloc use, from Native Memory Tracking ({@code -XX:NativeMemoryTracking=summary}):
     * bytes and blocks, or {@code {-1, -1}} when it is off. It lets the JVM's share of malloc's total
     * be told from the rest (the simulator, the bridge, JNA).
     */
    static long[] jvmMalloc() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            Matcher m = NMT_MALLOC.matcher(String.valueOf(out));
            if (m.find()) {
                return new long[] {Long.parseLong(m.group(1)) * 1024, Long.parseLong(m.group(2))};
            }
        } catch (JMException | RuntimeException e) {
            // no DiagnosticCommand MBean, or a summary in another format: report it as off
        }
        return new long[] {-1, -1};
    }

    static void report(PrintStream out, Backend backend, List<Sample> samples) {
        Sample first = samples.get(0);
        out.printf(Locale.ROOT, "%s: native memory over %,d completion cycles after a warm-up%n",
                backend, samples.get(samples.size() - 1).cycles());
        out.printf(Locale.ROOT, "%12s %14s %16s %16s %16s %16s %9s%n", "cycles", "bridge blocks",
                "malloc in use", "JVM's malloc", "RSS", "heap after GC", "seconds");
        for (Sample s : samples) {
            out.printf(Locale.ROOT, "%,12d %,14d %,16d %,16d %,16d %,16d %9.1f%n", s.cycles(),
                    s.bridgeBlocks(), s.mallocInUse(), s.jvmMalloc(), s.rss(), s.heapUsed(),
                    s.seconds());
        }
        Sample last = samples.get(samples.size() - 1);
        out.printf(Locale.ROOT, "growth after warm-up: bridge %+,d blocks, malloc %+,d B (%.4f B/cycle),"
                        + " RSS %+,d B, heap %+,d B%n", last.bridgeBlocks() - first.bridgeBlocks(),
                last.mallocInUse() - first.mallocInUse(),
                (double) (last.mallocInUse() - first.mallocInUse()) / last.cycles(),
                last.rss() - first.rss(), last.heapUsed() - first.heapUsed());
    }

    static String toJson(Backend backend, long warmUp, List<Sample> samples) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"tool\": \"NativeMemoryRun\",\n  \"backend\": \"").append(backend)
                .append("\",\n  \"warmUpCycles\": ").append(warmUp)
                .append(",\n  \"window\": ").append(WINDOW)
                .append(",\n  \"samples\": [\n");
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            b.append(String.format(Locale.ROOT, "    {\"cycles\": %d, \"bridgeBlocks\": %d,"
                            + " \"mallocInUse\": %d, \"jvmMalloc\": %d, \"jvmBlocks\": %d, \"rss\": %d,"
                            + " \"heapUsed\": %d, \"seconds\": %.3f}%s%n",
                    s.cycles(), s.bridgeBlocks(), s.mallocInUse(), s.jvmMalloc(), s.jvmBlocks(),
                    s.rss(), s.heapUsed(), s.seconds(), i + 1 < samples.size() ? "," : ""));
        }
        return b.append("  ]\n}\n").toString();
    }
}
