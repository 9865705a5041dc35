package io.github.tapibridge.internal.jna;

/** Direct-mapped transfer and digits functions; defined and registered like {@link DirectTapi}. */
public final class DirectTransferDigits implements TransferDigitsFunctions {

    private static native int lineRedirectW0(int a, char[] b, int c);
    private static native int lineBlindTransferW0(int a, char[] b, int c);
    private static native int lineGenerateDigitsW0(int a, int b, char[] c, int d);
    private static native int lineMonitorDigits0(int a, int b);

    /** For {@link DirectLoader}. */
    public DirectTransferDigits() {
    }

    @Override public int lineRedirectW(int a, char[] b, int c) { return lineRedirectW0(a, b, c); }
    @Override public int lineBlindTransferW(int a, char[] b, int c) { return lineBlindTransferW0(a, b, c); }
    @Override public int lineGenerateDigitsW(int a, int b, char[] c, int d) { return lineGenerateDigitsW0(a, b, c, d); }
    @Override public int lineMonitorDigits(int a, int b) { return lineMonitorDigits0(a, b); }
}
