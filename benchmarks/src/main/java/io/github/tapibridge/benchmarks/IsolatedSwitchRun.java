package io.github.tapibridge.benchmarks;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.sim.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What does an isolated switch cost? One cycle creates one ({@link Simulator#create()}: a private
 * copy of the simulator library, loaded), opens a {@link Tapi} on it through the backend under
 * test, closes the {@code Tapi} and then the switch (which unloads and deletes the copy). Timed
 * and sampled as {@link OpenCloseRun} does (median and 90th percentile of the cycles; RSS, memory
 * mappings, classes loaded and native blocks after a full GC, after the warm-up and every tenth of
 * the cycles). At the end it counts the copies left in the folder of the switches' libraries,
 * which must be 0. Linux only.
 *
 * <pre>
 * java -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
 *     io.github.tapibridge.benchmarks.IsolatedSwitchRun [--backend JNI|JNA] [--cycles N] [--warm-up N] [--json FILE]
 * </pre>
 */
public final class IsolatedSwitchRun {

    private IsolatedSwitchRun() {
    }

    public static void main(String[] args) throws Exception {
        RunArgs a = RunArgs.parse("IsolatedSwitchRun", args, 1_000, 200);
        if (a == null) {
            return;
        }
        int cycles = Math.toIntExact(a.cycles());
        int warmUp = Math.toIntExact(a.warmUp());
        if (cycles < OpenCloseRun.SAMPLES || warmUp < 0) {
            RunArgs.usage("IsolatedSwitchRun",
                    "--cycles must be at least " + OpenCloseRun.SAMPLES + " and --warm-up not negative");
        }
        Path[] folder = new Path[1];
        Backend backend = a.backend();
        OpenCloseRun.Result result = OpenCloseRun.measure("IsolatedSwitchRun",
                "Simulator.create + Tapi.open + close both", backend, cycles, warmUp,
                () -> cycle(backend, folder));
        long left = copiesLeft(folder[0]);
        OpenCloseRun.report(System.out, result);
        System.out.printf("switch libraries left in %s: %d%n", folder[0], left);
        if (a.json() != null) {
            String json = OpenCloseRun.toJson(result);
            json = json.substring(0, json.lastIndexOf('}')).stripTrailing()
                    + ",\n  \"copiesLeft\": " + left + "\n}\n";
            Files.writeString(a.json(), json, StandardCharsets.UTF_8);
        }
    }

    /** One switch and one application on it, both closed; the folder of the copies noted. */
    static long cycle(Backend backend, Path[] folder) {
        long blocks;
        try (Simulator sim = Simulator.create()) {
            folder[0] = sim.provider().path().orElseThrow().getParent();
            Tapi tapi = Tapi.open(TapiConfig.builder().provider(sim.provider()).backend(backend)
                    .appName("isolated switch run").build());
            blocks = tapi.nativeAllocations();
            tapi.close();
        }
        return blocks;
    }

    /** Copies of the simulator still in the folder (any name with {@code tapisim-switch-}). */
    static long copiesLeft(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().contains("tapisim-switch-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
