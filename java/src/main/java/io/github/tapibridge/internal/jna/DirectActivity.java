package io.github.tapibridge.internal.jna;

/** Direct-mapped {@code tapisim_activity}; defined and registered like {@link DirectTapi}. */
public final class DirectActivity implements ActivityFunctions {

    private static native int tapisim_activity0();

    /** For {@link DirectLoader}. */
    public DirectActivity() {
    }

    @Override public int tapisim_activity() { return tapisim_activity0(); }
}
