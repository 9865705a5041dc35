package io.github.tapibridge.internal.jna;

/**
 * The call control functions beside completion ({@code lineDialW}, {@code lineHold},
 * {@code lineUnhold}, {@code lineSwapHold}), bound like {@link TapiFunctions} but on their own
 * and all or none: a provider library that lacks one still binds, without them (as the JNI
 * bridge resolves them, {@code native/jni/provider.h}). Strings as in {@link TapiFunctions}.
 */
public interface CallControlFunctions {

    int lineDialW(int hCall, char[] lpszDestAddress, int dwCountryCode);

    int lineHold(int hCall);

    int lineUnhold(int hCall);

    int lineSwapHold(int hActiveCall, int hHeldCall);
}
