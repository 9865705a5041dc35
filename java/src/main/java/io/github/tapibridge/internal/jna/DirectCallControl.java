package io.github.tapibridge.internal.jna;

/** Direct-mapped call control functions; defined and registered like {@link DirectTapi}. */
public final class DirectCallControl implements CallControlFunctions {

    private static native int lineDialW0(int a, char[] b, int c);
    private static native int lineHold0(int a);
    private static native int lineUnhold0(int a);
    private static native int lineSwapHold0(int a, int b);

    /** For {@link DirectLoader}. */
    public DirectCallControl() {
    }

    @Override public int lineDialW(int a, char[] b, int c) { return lineDialW0(a, b, c); }
    @Override public int lineHold(int a) { return lineHold0(a); }
    @Override public int lineUnhold(int a) { return lineUnhold0(a); }
    @Override public int lineSwapHold(int a, int b) { return lineSwapHold0(a, b); }
}
