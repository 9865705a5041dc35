package io.github.tapibridge.internal.ffm;

import io.github.tapibridge.spi.TapiBackend;
import java.nio.file.Path;

/**
 * The stand-in for the FFM backend in the base (Java 17) part of the jar: the real class is in
 * {@code META-INF/versions/22} ({@code java/src/main/java22/}), which only a JDK 22+ reads, and
 * only from a jar. Its factories throw IllegalStateException saying that Backend.FFM needs JDK 22+
 * and that part of the jar. It also keeps the package {@code internal.ffm} in every version of
 * the jar, so that the module has the same packages on every JDK (jlink and the module path check
 * the descriptor against them).
 */
public final class FfmBackend {

    private FfmBackend() {
    }

    /**
     * The simulator bundled with tapibridge; here: unavailable.
     *
     * @return never
     * @throws IllegalStateException always, saying that Backend.FFM needs JDK 22+
     */
    public static TapiBackend openSimulator() {
        throw unavailable();
    }

    /**
     * Windows {@code tapi32.dll}; here: unavailable.
     *
     * @return never
     * @throws IllegalStateException always, saying that Backend.FFM needs JDK 22+
     */
    public static TapiBackend openSystem() {
        throw unavailable();
    }

    /**
     * A library exporting the TAPI 2.x W functions; here: unavailable.
     *
     * @param path the library file
     * @return never
     * @throws IllegalStateException always, saying that Backend.FFM needs JDK 22+
     */
    public static TapiBackend openLibrary(Path path) {
        throw unavailable();
    }

    /**
     * A private copy of the simulator; here: unavailable.
     *
     * @param copy the copy
     * @param description what the backend is on
     * @param onClose run once after the backend released the copy
     * @return never
     * @throws IllegalStateException always, saying that Backend.FFM needs JDK 22+
     */
    public static TapiBackend openIsolated(Path copy, String description, Runnable onClose) {
        throw unavailable();
    }

    private static IllegalStateException unavailable() {
        return new IllegalStateException("Backend.FFM needs JDK 22+ at run time and a tapibridge jar with"
                + " its FFM part (META-INF/versions/22): this JVM (Java " + Runtime.version().feature()
                + ") did not load it (a jar built without a JDK 22+, or the library's classes not loaded"
                + " from the multi-release jar); use Backend.JNI or Backend.JNA");
    }
}
