package io.github.tapibridge;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The native library that implements the TAPI functions: the Windows telephony client
 * ({@code tapi32.dll}), the simulated switch bundled with tapibridge, or any other library that
 * exports the TAPI 2.x functions. The provider is chosen per {@link Tapi} instance.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @see TapiConfig.Builder#provider(Provider)
 */
public final class Provider {

    /** The kinds of provider. */
    public enum Kind {
        /** The simulated switch bundled with tapibridge ({@code libtapisim}). */
        SIMULATOR,
        /** Windows {@code tapi32.dll}, loaded from the system directory only. */
        SYSTEM,
        /** A library at a given path. */
        LIBRARY
    }

    private static final Provider SIMULATOR = new Provider(Kind.SIMULATOR, null);
    private static final Provider SYSTEM = new Provider(Kind.SYSTEM, null);

    private final Kind kind;
    private final Path path;

    private Provider(Kind kind, Path path) {
        this.kind = kind;
        this.path = path;
    }

    /**
     * The simulated TAPI switch bundled with tapibridge. There is one switch per process, shared
     * by every {@link Tapi} that uses this provider; {@link io.github.tapibridge.sim.Simulator}
     * controls it. Works on every supported operating system.
     *
     * @return the simulator provider
     */
    public static Provider simulator() {
        return SIMULATOR;
    }

    /**
     * The Windows telephony client {@code tapi32.dll}, loaded from the Windows system directory
     * only, so that a DLL planted in the working directory is never used. Windows only: opening a
     * {@link Tapi} with it elsewhere fails.
     *
     * @return the system provider
     */
    public static Provider system() {
        return SYSTEM;
    }

    /**
     * A library that exports the TAPI 2.x functions ({@code lineInitializeExW} ...), loaded from
     * the given path.
     *
     * @param path the library file
     * @return a provider for that library
     * @throws NullPointerException if {@code path} is null
     */
    public static Provider library(Path path) {
        return new Provider(Kind.LIBRARY, Objects.requireNonNull(path, "path"));
    }

    /**
     * Returns the kind of provider.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the library path of a {@link Kind#LIBRARY} provider.
     *
     * @return the path, or empty for the simulator and the system provider
     */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /**
     * Two providers are equal if they are of the same kind and, for libraries, have equal paths.
     *
     * @param obj the object to compare with
     * @return true if equal
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Provider && ((Provider) obj).kind == kind
                && Objects.equals(((Provider) obj).path, path);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Objects.hashCode(path);
    }

    /**
     * Returns {@code "simulator"}, {@code "system"} or {@code "library(<path>)"}.
     *
     * @return a description
     */
    @Override
    public String toString() {
        switch (kind) {
            case SIMULATOR:
                return "simulator";
            case SYSTEM:
                return "system";
            default:
                return "library(" + path + ")";
        }
    }
}
