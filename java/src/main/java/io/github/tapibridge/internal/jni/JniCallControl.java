package io.github.tapibridge.internal.jni;

/**
 * The call control functions of the JNI backend ({@code lineDialW}, {@code lineHold},
 * {@code lineUnhold}, {@code lineSwapHold}): optional, as the provider may not export them; the
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
}
