package io.github.tapibridge.internal.jni;

/**
 * The consultation transfer and conference functions of the JNI backend
 * ({@code lineSetupTransferW}, {@code lineCompleteTransfer}, {@code lineAddToConference},
 * {@code lineRemoveFromConference}): a third optional group, as the provider may not export
 * them; the bridge then throws UnsupportedOperationException ({@code native/jni/provider.h}).
 * Guarded like every TAPI function of {@link JniTapiCalls}.
 */
abstract class JniConference extends JniCallControl {

    JniConference(long provider, String description, Runnable onClose) {
        super(provider, description, onClose);
    }

    @Override
    public int lineSetupTransferW(int hCall, long lphConsultCall, long lpCallParams) {
        return TapiJni.lineSetupTransferW(provider, hCall, lphConsultCall, lpCallParams);
    }

    @Override
    public int lineCompleteTransfer(int hCall, int hConsultCall, long lphConfCall, int dwTransferMode) {
        return TapiJni.lineCompleteTransfer(provider, hCall, hConsultCall, lphConfCall, dwTransferMode);
    }

    @Override
    public int lineAddToConference(int hConfCall, int hConsultCall) {
        return TapiJni.lineAddToConference(provider, hConfCall, hConsultCall);
    }

    @Override
    public int lineRemoveFromConference(int hCall) {
        return TapiJni.lineRemoveFromConference(provider, hCall);
    }
}
