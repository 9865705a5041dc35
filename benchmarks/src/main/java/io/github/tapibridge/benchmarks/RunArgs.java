package io.github.tapibridge.benchmarks;

import io.github.tapibridge.Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The command line the long runs share ({@code --backend JNI|JNA|FFM}, {@code --cycles N},
 * {@code --warm-up N}, {@code --json FILE}), and what they read of the process from
 * {@code /proc/self}.
 *
 * @param backend the backend to run through (default JNI)
 * @param cycles how many cycles are measured
 * @param warmUp how many cycles run before the first sample
 * @param json where to write the result as JSON, or null
 */
record RunArgs(Backend backend, long cycles, long warmUp, Path json) {

    /**
     * Parses the arguments of {@code tool}. {@code --help} prints the usage and returns null; a
     * bad argument is reported on standard error and exits with status 2.
     */
    static RunArgs parse(String tool, String[] args, long cycles, long warmUp) {
        Backend backend = Backend.JNI;
        Path json = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println("usage: " + tool
                        + " [--backend JNI|JNA|FFM] [--cycles N] [--warm-up N] [--json FILE]");
                return null;
            }
            if (i + 1 >= args.length) {
                usage(tool, "missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--backend" -> backend = Backend.valueOf(v.toUpperCase(Locale.ROOT));
                case "--cycles" -> cycles = Long.parseLong(v);
                case "--warm-up" -> warmUp = Long.parseLong(v);
                case "--json" -> json = Path.of(v);
                default -> usage(tool, "unknown option " + a);
            }
        }
        return new RunArgs(backend, cycles, warmUp, json);
    }

    /** Reports a bad command line of {@code tool} and exits with status 2. */
    static void usage(String tool, String problem) {
        System.err.println(tool + ": " + problem + " (see --help)");
        System.exit(2);
    }

    /** Resident set size in bytes ({@code /proc/self/statm}, second field, in pages of 4 KiB). */
    static long rss() {
        try {
            String[] f = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
            return Long.parseLong(f[1]) * 4096;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
