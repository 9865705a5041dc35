package io.github.tapibridge.internal.jna;

/** Direct-mapped {@code lineGetAddressStatusW}; defined and registered like {@link DirectTapi}. */
public final class DirectAddressStatus implements AddressStatusFunctions {

    private static native int lineGetAddressStatusW0(int a, int b, long c);

    /** For {@link DirectLoader}. */
    public DirectAddressStatus() {
    }

    @Override public int lineGetAddressStatusW(int a, int b, long c) { return lineGetAddressStatusW0(a, b, c); }
}
