package io.github.tapibridge.internal.jna;

/**
 * The call control functions of {@link JnaBackend} ({@code lineDialW}, {@code lineHold},
 * {@code lineUnhold}, {@code lineSwapHold}): optional, as the provider may not export them
 * ({@link CallControlFunctions}); without them each throws UnsupportedOperationException, as the
 * JNI bridge does. Guarded like every TAPI function of {@link JnaTapiCalls}.
 */
abstract class JnaCallControl extends JnaTapiCalls {

    private final CallControlFunctions callControl;

    JnaCallControl(DirectBinding binding) {
        super(binding);
        this.callControl = binding.callControl;
    }

    /** The functions; called inside the guard, so that a closed backend throws IllegalStateException first. */
    private CallControlFunctions callControl(String function) {
        if (callControl == null) {
            throw new UnsupportedOperationException(function + ": the provider " + providerDescription()
                    + " does not export lineDialW, lineHold, lineUnhold and lineSwapHold");
        }
        return callControl;
    }

    @Override
    public int lineDialW(int hCall, String lpszDestAddress, int dwCountryCode) {
        enter();
        try {
            return callControl("lineDialW").lineDialW(hCall, wide(lpszDestAddress, "lpszDestAddress"),
                    dwCountryCode);
        } finally {
            exit();
        }
    }

    @Override
    public int lineHold(int hCall) {
        enter();
        try {
            return callControl("lineHold").lineHold(hCall);
        } finally {
            exit();
        }
    }

    @Override
    public int lineUnhold(int hCall) {
        enter();
        try {
            return callControl("lineUnhold").lineUnhold(hCall);
        } finally {
            exit();
        }
    }

    @Override
    public int lineSwapHold(int hActiveCall, int hHeldCall) {
        enter();
        try {
            return callControl("lineSwapHold").lineSwapHold(hActiveCall, hHeldCall);
        } finally {
            exit();
        }
    }
}
