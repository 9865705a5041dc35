package io.github.tapibridge.internal.jna;

/**
 * The consultation transfer and conference functions ({@code lineSetupTransferW},
 * {@code lineCompleteTransfer}, {@code lineAddToConference}, {@code lineRemoveFromConference}),
 * bound like {@link CallControlFunctions} but as a group of their own and all or none: a
 * provider that lacks one of these keeps the other groups (as the JNI bridge resolves them,
 * {@code native/jni/provider.h}). The {@code LPHCALL} out-parameters and {@code LPLINECALLPARAMS}
 * are native addresses, 0 for {@code NULL}.
 */
public interface ConferenceFunctions {

    int lineSetupTransferW(int hCall, long lphConsultCall, long lpCallParams);

    int lineCompleteTransfer(int hCall, int hConsultCall, long lphConfCall, int dwTransferMode);

    int lineAddToConference(int hConfCall, int hConsultCall);

    int lineRemoveFromConference(int hCall);
}
