package io.github.tapibridge.internal;

import io.github.tapibridge.Provider;

/**
 * Reaches the parts of {@link Provider} that only the library itself uses: the provider of an
 * isolated switch and the private library behind it. {@link Provider} hands its hooks over when it
 * is initialised; this package is not exported, so applications cannot call them.
 */
public final class ProviderAccess {

    /** What {@link Provider} lets the library do. */
    public interface Hooks {
        /**
         * @param library the private copy of an isolated switch
         * @return a new provider of kind SIMULATOR on it
         */
        Provider isolated(IsolatedLibrary library);

        /**
         * @param provider any provider
         * @return the private copy behind it, or null if it is no isolated switch's
         */
        IsolatedLibrary library(Provider provider);
    }

    private static volatile Hooks hooks;

    private ProviderAccess() {
    }

    /**
     * Called once, by {@link Provider}'s initialiser.
     *
     * @param h the hooks
     * @throws IllegalStateException if hooks were set before
     */
    public static synchronized void set(Hooks h) {
        if (hooks != null) {
            throw new IllegalStateException("Provider hooks are set already");
        }
        hooks = h;
    }

    /**
     * @param library the private copy of an isolated switch
     * @return a new provider on it
     */
    public static Provider isolated(IsolatedLibrary library) {
        return hooks().isolated(library);
    }

    /**
     * @param provider any provider
     * @return the private copy behind it, or null if it is no isolated switch's
     */
    public static IsolatedLibrary library(Provider provider) {
        return hooks().library(provider);
    }

    private static Hooks hooks() {
        Hooks h = hooks;
        if (h == null) {
            Provider.simulator(); // runs Provider's initialiser, which sets them
            h = hooks;
        }
        return h;
    }
}
