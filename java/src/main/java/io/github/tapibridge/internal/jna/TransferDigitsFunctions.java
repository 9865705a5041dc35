package io.github.tapibridge.internal.jna;

/**
 * The transfer and digits functions ({@code lineRedirectW}, {@code lineBlindTransferW},
 * {@code lineGenerateDigitsW}, {@code lineMonitorDigits}), bound like {@link CallControlFunctions}
 * but as a group of their own and all or none: a provider that dials and holds but lacks one of
 * these keeps dialling and holding (as the JNI bridge resolves them, {@code native/jni/provider.h}).
 * Strings as in {@link TapiFunctions}; a null {@code lpszDigits} is {@code NULL}.
 */
public interface TransferDigitsFunctions {

    int lineRedirectW(int hCall, char[] lpszDestAddress, int dwCountryCode);

    int lineBlindTransferW(int hCall, char[] lpszDestAddress, int dwCountryCode);

    int lineGenerateDigitsW(int hCall, int dwDigitMode, char[] lpszDigits, int dwDuration);

    int lineMonitorDigits(int hCall, int dwDigitModes);
}
