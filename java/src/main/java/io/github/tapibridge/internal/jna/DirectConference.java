package io.github.tapibridge.internal.jna;

/** Direct-mapped transfer and conference functions; defined and registered like {@link DirectTapi}. */
public final class DirectConference implements ConferenceFunctions {

    private static native int lineSetupTransferW0(int a, long b, long c);
    private static native int lineCompleteTransfer0(int a, int b, long c, int d);
    private static native int lineAddToConference0(int a, int b);
    private static native int lineRemoveFromConference0(int a);

    /** For {@link DirectLoader}. */
    public DirectConference() {
    }

    @Override public int lineSetupTransferW(int a, long b, long c) { return lineSetupTransferW0(a, b, c); }
    @Override public int lineCompleteTransfer(int a, int b, long c, int d) { return lineCompleteTransfer0(a, b, c, d); }
    @Override public int lineAddToConference(int a, int b) { return lineAddToConference0(a, b); }
    @Override public int lineRemoveFromConference(int a) { return lineRemoveFromConference0(a); }
}
