package io.github.tapibridge;

import io.github.tapibridge.internal.IsolatedLibrary;
import io.github.tapibridge.internal.ProviderAccess;
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

    private static final Provider SIMULATOR = new Provider(Kind.SIMULATOR, null, null);
    private static final Provider SYSTEM = new Provider(Kind.SYSTEM, null, null);

    static {
        ProviderAccess.set(new ProviderAccess.Hooks() {
            @Override
            public Provider isolated(IsolatedLibrary library) {
                return new Provider(Kind.SIMULATOR, library.file(), library);
            }

            @Override
            public IsolatedLibrary library(Provider provider) {
                return provider.isolated;
            }
        });
    }

    private final Kind kind;
    private final Path path;
    /** The private switch behind this provider, or null. */
    private final IsolatedLibrary isolated;

    private Provider(Kind kind, Path path, IsolatedLibrary isolated) {
        this.kind = kind;
        this.path = path;
        this.isolated = isolated;
    }

    /**
     * The simulated TAPI switch bundled with tapibridge. There is one such switch per process,
     * shared by every {@link Tapi} that uses this provider; {@link io.github.tapibridge.sim.Simulator#get()}
     * controls it. Works on every supported operating system. (A private switch of its own, for a
     * test that runs beside others, comes from {@link io.github.tapibridge.sim.Simulator#create()},
     * whose {@code provider()} is also of kind {@link Kind#SIMULATOR}.)
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
        return new Provider(Kind.LIBRARY, Objects.requireNonNull(path, "path"), null);
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
     * Returns the library path of a {@link Kind#LIBRARY} provider, or of the private copy of the
     * simulator behind an {@linkplain #isIsolated() isolated switch}.
     *
     * @return the path, or empty for the process-wide simulator and the system provider
     */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /**
     * Whether this is the provider of an isolated switch ({@link
     * io.github.tapibridge.sim.Simulator#create()}): a simulator of its own, apart from the
     * process-wide one of {@link #simulator()}.
     *
     * @return true for an isolated switch's provider
     */
    public boolean isIsolated() {
        return isolated != null;
    }

    /**
     * Two providers are equal if they are of the same kind and have equal paths: for libraries the
     * same file, for isolated switches the same switch.
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
     * Returns {@code "simulator"}, {@code "simulator(isolated switch #<n>)"}, {@code "system"} or
     * {@code "library(<path>)"}.
     *
     * @return a description
     */
    @Override
    public String toString() {
        switch (kind) {
            case SIMULATOR:
                return isolated == null ? "simulator" : "simulator(" + isolated + ")";
            case SYSTEM:
                return "system";
            default:
                return "library(" + path + ")";
        }
    }
}
