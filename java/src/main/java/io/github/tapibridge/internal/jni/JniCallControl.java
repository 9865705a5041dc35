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
        guard.enter();
        try {
            return TapiJni.lineDialW(provider, hCall, lpszDestAddress, dwCountryCode);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineHold(int hCall) {
        guard.enter();
        try {
            return TapiJni.lineHold(provider, hCall);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineUnhold(int hCall) {
        guard.enter();
        try {
            return TapiJni.lineUnhold(provider, hCall);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineSwapHold(int hActiveCall, int hHeldCall) {
        guard.enter();
        try {
            return TapiJni.lineSwapHold(provider, hActiveCall, hHeldCall);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineRedirectW(int hCall, String lpszDestAddress, int dwCountryCode) {
        guard.enter();
        try {
            return TapiJni.lineRedirectW(provider, hCall, lpszDestAddress, dwCountryCode);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineBlindTransferW(int hCall, String lpszDestAddress, int dwCountryCode) {
        guard.enter();
        try {
            return TapiJni.lineBlindTransferW(provider, hCall, lpszDestAddress, dwCountryCode);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineGenerateDigitsW(int hCall, int dwDigitMode, String lpszDigits, int dwDuration) {
        guard.enter();
        try {
            return TapiJni.lineGenerateDigitsW(provider, hCall, dwDigitMode, lpszDigits, dwDuration);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineMonitorDigits(int hCall, int dwDigitModes) {
        guard.enter();
        try {
            return TapiJni.lineMonitorDigits(provider, hCall, dwDigitModes);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineGetAddressStatusW(int hLine, int dwAddressID, long lpAddressStatus) {
        guard.enter();
        try {
            return TapiJni.lineGetAddressStatusW(provider, hLine, dwAddressID, lpAddressStatus);
        } finally {
            guard.exit();
        }
    }
}
