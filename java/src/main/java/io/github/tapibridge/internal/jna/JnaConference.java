package io.github.tapibridge.internal.jna;

import io.github.tapibridge.internal.AppEvents;

/**
 * The consultation transfer and conference functions of {@link JnaBackend}
 * ({@code lineSetupTransferW}, {@code lineCompleteTransfer}, {@code lineAddToConference},
 * {@code lineRemoveFromConference}): a third optional group ({@link ConferenceFunctions});
 * without it each throws UnsupportedOperationException, as the JNI bridge does. Guarded like
 * every TAPI function of {@link JnaTapiCalls}.
 */
abstract class JnaConference extends JnaCallControl {

    private final ConferenceFunctions conference;

    JnaConference(DirectBinding binding, String description, AppEvents.Waits waits) {
        super(binding, description, waits);
        this.conference = binding.conference;
    }

    /** The functions; called inside the guard, so that a closed backend throws IllegalStateException first. */
    private ConferenceFunctions conference(String function) {
        if (conference == null) {
            throw new UnsupportedOperationException(function + ": the provider " + providerDescription()
                    + " does not export lineSetupTransferW, lineCompleteTransfer, lineAddToConference and"
                    + " lineRemoveFromConference");
        }
        return conference;
    }

    @Override
    public int lineSetupTransferW(int hCall, long lphConsultCall, long lpCallParams) {
        enter();
        try {
            return conference("lineSetupTransferW").lineSetupTransferW(hCall, lphConsultCall, lpCallParams);
        } finally {
            exit();
        }
    }

    @Override
    public int lineCompleteTransfer(int hCall, int hConsultCall, long lphConfCall, int dwTransferMode) {
        enter();
        try {
            return conference("lineCompleteTransfer").lineCompleteTransfer(hCall, hConsultCall, lphConfCall,
                    dwTransferMode);
        } finally {
            exit();
        }
    }

    @Override
    public int lineAddToConference(int hConfCall, int hConsultCall) {
        enter();
        try {
            return conference("lineAddToConference").lineAddToConference(hConfCall, hConsultCall);
        } finally {
            exit();
        }
    }

    @Override
    public int lineRemoveFromConference(int hCall) {
        enter();
        try {
            return conference("lineRemoveFromConference").lineRemoveFromConference(hCall);
        } finally {
            exit();
        }
    }
}
