package io.github.tapibridge.internal.jni;

/**
 * The call control functions of the JNI backend ({@code lineDialW}, {@code lineHold},
 * {@code lineUnhold}, {@code lineSwapHold}) and the transfer and digits functions
 * ({@code lineRedirectW}, {@code lineBlindTransferW}, {@code lineGenerateDigitsW},
 * {@code lineMonitorDigits}), and {@code lineGetAddressStatusW}: three optional groups, as the
 * provider may not export them; the
 * bridge then throws UnsupportedOperationException ({@code native/jni/provider.h}). Guarded like
 * every TAPI function of {@link JniTapiCalls}.
 */
abstract class JniCallControl extends JniTapiCalls {

    JniCallControl(long provider, String description, Runnable onClose) {
        super(provider, description, onClose);
    }

    @Override
    public int lineDialW(int hCall, String lpszDestAddress, int dwCountryCode) {
        return TapiJni.lineDialW(provider, hCall, lpszDestAddress, dwCountryCode);
    }

    @Override
    public int lineHold(int hCall) {
        return TapiJni.lineHold(provider, hCall);
    }

    @Override
    public int lineUnhold(int hCall) {
        return TapiJni.lineUnhold(provider, hCall);
    }

    @Override
    public int lineSwapHold(int hActiveCall, int hHeldCall) {
        return TapiJni.lineSwapHold(provider, hActiveCall, hHeldCall);
    }

    @Override
    public int lineRedirectW(int hCall, String lpszDestAddress, int dwCountryCode) {
        return TapiJni.lineRedirectW(provider, hCall, lpszDestAddress, dwCountryCode);
    }

    @Override
    public int lineBlindTransferW(int hCall, String lpszDestAddress, int dwCountryCode) {
        return TapiJni.lineBlindTransferW(provider, hCall, lpszDestAddress, dwCountryCode);
    }

    @Override
    public int lineGenerateDigitsW(int hCall, int dwDigitMode, String lpszDigits, int dwDuration) {
        return TapiJni.lineGenerateDigitsW(provider, hCall, dwDigitMode, lpszDigits, dwDuration);
    }

    @Override
    public int lineMonitorDigits(int hCall, int dwDigitModes) {
        return TapiJni.lineMonitorDigits(provider, hCall, dwDigitModes);
    }

    @Override
    public int lineGetAddressStatusW(int hLine, int dwAddressID, long lpAddressStatus) {
        return TapiJni.lineGetAddressStatusW(provider, hLine, dwAddressID, lpAddressStatus);
    }
}
