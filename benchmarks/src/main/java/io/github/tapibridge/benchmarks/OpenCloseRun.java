package io.github.tapibridge.benchmarks;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.sim.Simulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What does one {@code Tapi.open}/{@code close} cost, in time and in memory, per backend? Not a JMH
 * benchmark: it follows the process's memory over many cycles as well. One cycle opens a
 * {@link Tapi} on the simulator ({@code lineInitializeExW}, the event pump thread) and closes it
 * ({@code lineShutdown}, the pump joined, the backend closed).
 *
 * <p>Every cycle is timed on its own ({@code System.nanoTime}); the report gives the median and
 * the 90th percentile of the cycles after the warm-up. After the warm-up and after every tenth
 * of {@code --cycles} it records, after a full GC: the resident set size ({@code /proc/self/statm}),
 * the number of memory mappings ({@code /proc/self/maps}), the classes loaded at that moment (unloaded ones not counted), and the
 * native blocks of the backend ({@link Tapi#nativeAllocations()} of the last application, 0 when
 * every block is freed). The RSS slope is the least-squares line through the samples, in bytes
 * per cycle. Linux only.
 *
 * <pre>
 * java -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
 *     io.github.tapibridge.benchmarks.OpenCloseRun [--backend JNI|JNA] [--cycles N] [--warm-up N] [--json FILE]
 * </pre>
 */
public final class OpenCloseRun {

    static final int SAMPLES = 10;

    /**
     * One memory sample. {@code mallocOutsideJvm}: what glibc's malloc has handed out, less the
     * JVM's own share by Native Memory Tracking (the simulator's, the bridge's and JNA's blocks);
     * -1 without {@code -XX:NativeMemoryTracking=summary}.
     */
    record Sample(long cycles, long rss, long mappings, long classesLoaded, long nativeBlocks,
                  long mallocOutsideJvm) {
    }

    /** One measured cycle; returns the native blocks the backend held before it was closed. */
    @FunctionalInterface
    interface Cycle {
        long run();
    }

    /**
     * A run: the samples and the time of each measured cycle, in nanoseconds; {@code tool} and
     * {@code what} name it in the report.
     */
    record Result(String tool, String what, Backend backend, long warmUp, List<Sample> samples,
                  long[] cycleNanos) {

        double medianMicros() {
            return percentile(0.5) / 1e3;
        }

        double p90Micros() {
            return percentile(0.9) / 1e3;
        }

        private double percentile(double p) {
            long[] sorted = cycleNanos.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
        }

        /** Least-squares slope of RSS over cycles, bytes per cycle. */
        double rssSlope() {
            int n = samples.size();
            double mx = samples.stream().mapToLong(Sample::cycles).average().orElse(0);
            double my = samples.stream().mapToLong(Sample::rss).average().orElse(0);
            double num = 0;
            double den = 0;
            for (Sample s : samples) {
                num += (s.cycles() - mx) * (s.rss() - my);
                den += (s.cycles() - mx) * (s.cycles() - mx);
            }
            return n < 2 || den == 0 ? 0 : num / den;
        }
    }

    private OpenCloseRun() {
    }

    public static void main(String[] args) throws Exception {
        RunArgs a = RunArgs.parse("OpenCloseRun", args, 10_000, 5_000);
        if (a == null) {
            return;
        }
        Backend backend = a.backend();
        int cycles = Math.toIntExact(a.cycles());
        int warmUp = Math.toIntExact(a.warmUp());
        Path json = a.json();
        if (cycles < SAMPLES || warmUp < 0) {
            RunArgs.usage("OpenCloseRun",
                    "--cycles must be at least " + SAMPLES + " and --warm-up not negative");
        }
        Result result = run(backend, cycles, warmUp);
        report(System.out, result);
        if (json != null) {
            Files.writeString(json, toJson(result), StandardCharsets.UTF_8);
        }
    }

    static Result run(Backend backend, int cycles, int warmUp) {
        Simulator sim = Simulator.get();
        sim.reset();
        sim.option("trace", 0); // the trace is a growing buffer by design
        TapiConfig config = TapiConfig.builder().provider(Provider.simulator()).backend(backend)
                .appName("open close run").build();
        return measure("OpenCloseRun", "Tapi.open/close", backend, cycles, warmUp, () -> cycle(config));
    }

    /** Runs {@code warmUp} cycles, then {@code cycles} timed ones, sampling memory as it goes. */
    static Result measure(String tool, String what, Backend backend, int cycles, int warmUp, Cycle cycle) {
        long[] last = new long[1];
        for (int i = 0; i < warmUp; i++) {
            last[0] = cycle.run();
        }
        NativeMemoryRun.jvmMalloc(); // NMT's first report allocates its own structures
        List<Sample> samples = new ArrayList<>();
        samples.add(sample(0, last[0]));
        long[] nanos = new long[cycles];
        int step = cycles / SAMPLES;
        int done = 0;
        for (int s = 1; s <= SAMPLES; s++) {
            int until = s == SAMPLES ? cycles : step * s;
            for (; done < until; done++) {
                long t0 = System.nanoTime();
                last[0] = cycle.run();
                nanos[done] = System.nanoTime() - t0;
            }
            samples.add(sample(done, last[0]));
            System.err.printf(Locale.ROOT, "%s: %,d cycles%n", backend, done);
        }
        return new Result(tool, what, backend, warmUp, samples, nanos);
    }

    /** One open and close; returns the blocks the backend still held before it was closed. */
    static long cycle(TapiConfig config) {
        Tapi tapi = Tapi.open(config);
        long blocks = tapi.nativeAllocations();
        tapi.close();
        return blocks;
    }

    static Sample sample(long cycles, long nativeBlocks) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return new Sample(cycles, RunArgs.rss(), mappings(),
                ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(), nativeBlocks,
                mallocOutsideJvm());
    }

    /** {@link Sample#mallocOutsideJvm()} now. */
    static long mallocOutsideJvm() {
        long jvm = NativeMemoryRun.jvmMalloc()[0];
        if (jvm < 0) {
            return -1;
        }
        NativeMemoryRun.MallInfo2 m = Libc.LIBC.mallinfo2();
        return m.uordblks + m.hblkhd - jvm;
    }

    /** glibc, loaded on first use. */
    private static final class Libc {
        static final NativeMemoryRun.LibC LIBC = com.sun.jna.Native.load("c", NativeMemoryRun.LibC.class);
    }

    /** The number of memory mappings of the process ({@code /proc/self/maps}). */
    static long mappings() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void report(PrintStream out, Result r) {
        out.printf(Locale.ROOT, "%s: %s, %,d cycles after a warm-up of %,d%n", r.backend(), r.what(),
                r.cycleNanos().length, r.warmUp());
        out.printf(Locale.ROOT, "%10s %16s %10s %16s %14s %20s%n", "cycles", "RSS", "mappings",
                "classes loaded", "native blocks", "malloc outside JVM");
        for (Sample s : r.samples()) {
            out.printf(Locale.ROOT, "%,10d %,16d %,10d %,16d %,14d %,20d%n", s.cycles(), s.rss(),
                    s.mappings(), s.classesLoaded(), s.nativeBlocks(), s.mallocOutsideJvm());
        }
        Sample first = r.samples().get(0);
        Sample last = r.samples().get(r.samples().size() - 1);
        out.printf(Locale.ROOT, "per cycle: median %.1f us, p90 %.1f us; RSS slope %+.1f B/cycle;"
                        + " mappings %+,d; classes %+,d%n", r.medianMicros(), r.p90Micros(), r.rssSlope(),
                last.mappings() - first.mappings(), last.classesLoaded() - first.classesLoaded());
    }

    static String toJson(Result r) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"tool\": \"").append(r.tool()).append("\",\n  \"backend\": \"").append(r.backend())
                .append("\",\n  \"warmUpCycles\": ").append(r.warmUp())
                .append(",\n  \"cycles\": ").append(r.cycleNanos().length)
                .append(String.format(Locale.ROOT, ",\n  \"medianMicros\": %.2f", r.medianMicros()))
                .append(String.format(Locale.ROOT, ",\n  \"p90Micros\": %.2f", r.p90Micros()))
                .append(String.format(Locale.ROOT, ",\n  \"rssSlopeBytesPerCycle\": %.2f", r.rssSlope()))
                .append(",\n  \"samples\": [\n");
        List<Sample> samples = r.samples();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            b.append(String.format(Locale.ROOT, "    {\"cycles\": %d, \"rss\": %d, \"mappings\": %d,"
                            + " \"classesLoaded\": %d, \"nativeBlocks\": %d, \"mallocOutsideJvm\": %d}%s%n",
                    s.cycles(), s.rss(), s.mappings(), s.classesLoaded(), s.nativeBlocks(),
                    s.mallocOutsideJvm(), i + 1 < samples.size() ? "," : ""));
        }
        return b.append("  ]\n}\n").toString();
    }
}
