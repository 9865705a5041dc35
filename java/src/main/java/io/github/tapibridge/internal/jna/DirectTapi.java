package io.github.tapibridge.internal.jna;

/**
 * Direct-mapped TAPI functions. Never used as loaded by the library's own class loader: {@link
 * DirectLoader} defines a copy of this class for each provider library, once per process, and
 * registers that copy with {@code Native.register}. The natives carry a trailing {@code 0}, which
 * the function mapper removes, so that the instance methods can have the C names.
 */
public final class DirectTapi implements TapiFunctions {

    private static native int lineInitializeExW0(long a, long b, long c, char[] d, long e, long f, long g);
    private static native int lineShutdown0(int a);
    private static native int lineNegotiateAPIVersion0(int a, int b, int c, int d, long e, long f);
    private static native int lineGetDevCapsW0(int a, int b, int c, int d, long e);
    private static native int lineGetAddressCapsW0(int a, int b, int c, int d, int e, long f);
    private static native int lineOpenW0(int a, int b, long c, int d, int e, long f, int g, int h, long i);
    private static native int lineClose0(int a);
    private static native int lineSetStatusMessages0(int a, int b, int c);
    private static native int lineGetLineDevStatusW0(int a, long b);
    private static native int lineMakeCallW0(int a, long b, char[] c, int d, long e);
    private static native int lineAnswer0(int a, long b, int c);
    private static native int lineDrop0(int a, long b, int c);
    private static native int lineDeallocateCall0(int a);
    private static native int lineGetCallInfoW0(int a, long b);
    private static native int lineGetCallStatus0(int a, long b);
    private static native int lineGetMessage0(int a, long b, int c);
    private static native int lineCompleteCall0(int a, long b, int c, int d);
    private static native int lineUncompleteCall0(int a, int b);

    /** For {@link DirectLoader}. */
    public DirectTapi() {
    }

    @Override public int lineInitializeExW(long a, long b, long c, char[] d, long e, long f, long g) {
        return lineInitializeExW0(a, b, c, d, e, f, g);
    }
    @Override public int lineShutdown(int a) { return lineShutdown0(a); }
    @Override public int lineNegotiateAPIVersion(int a, int b, int c, int d, long e, long f) {
        return lineNegotiateAPIVersion0(a, b, c, d, e, f);
    }
    @Override public int lineGetDevCapsW(int a, int b, int c, int d, long e) { return lineGetDevCapsW0(a, b, c, d, e); }
    @Override public int lineGetAddressCapsW(int a, int b, int c, int d, int e, long f) {
        return lineGetAddressCapsW0(a, b, c, d, e, f);
    }
    @Override public int lineOpenW(int a, int b, long c, int d, int e, long f, int g, int h, long i) {
        return lineOpenW0(a, b, c, d, e, f, g, h, i);
    }
    @Override public int lineClose(int a) { return lineClose0(a); }
    @Override public int lineSetStatusMessages(int a, int b, int c) { return lineSetStatusMessages0(a, b, c); }
    @Override public int lineGetLineDevStatusW(int a, long b) { return lineGetLineDevStatusW0(a, b); }
    @Override public int lineMakeCallW(int a, long b, char[] c, int d, long e) { return lineMakeCallW0(a, b, c, d, e); }
    @Override public int lineAnswer(int a, long b, int c) { return lineAnswer0(a, b, c); }
    @Override public int lineDrop(int a, long b, int c) { return lineDrop0(a, b, c); }
    @Override public int lineDeallocateCall(int a) { return lineDeallocateCall0(a); }
    @Override public int lineGetCallInfoW(int a, long b) { return lineGetCallInfoW0(a, b); }
    @Override public int lineGetCallStatus(int a, long b) { return lineGetCallStatus0(a, b); }
    @Override public int lineGetMessage(int a, long b, int c) { return lineGetMessage0(a, b, c); }
    @Override public int lineCompleteCall(int a, long b, int c, int d) { return lineCompleteCall0(a, b, c, d); }
    @Override public int lineUncompleteCall(int a, int b) { return lineUncompleteCall0(a, b); }
}
