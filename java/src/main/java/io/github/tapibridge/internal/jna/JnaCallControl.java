package io.github.tapibridge.internal.jna;

import io.github.tapibridge.internal.AppEvents;

/**
 * The call control functions of {@link JnaBackend} ({@code lineDialW}, {@code lineHold},
 * {@code lineUnhold}, {@code lineSwapHold}) and its transfer and digits functions
 * ({@code lineRedirectW}, {@code lineBlindTransferW}, {@code lineGenerateDigitsW},
 * {@code lineMonitorDigits}), and {@code lineGetAddressStatusW}: three optional groups, as the
 * provider may not export them ({@link CallControlFunctions}, {@link TransferDigitsFunctions},
 * {@link AddressStatusFunctions}); without a group each of its
 * functions throws UnsupportedOperationException, as the JNI bridge does. Guarded like every TAPI function of {@link JnaTapiCalls}.
 */
abstract class JnaCallControl extends JnaTapiCalls {

    private final CallControlFunctions callControl;
    private final TransferDigitsFunctions transferDigits;
    private final AddressStatusFunctions addressStatus;

    JnaCallControl(DirectBinding binding, String description, AppEvents.Waits waits) {
        super(binding, description, waits);
        this.callControl = binding.callControl;
        this.transferDigits = binding.transferDigits;
        this.addressStatus = binding.addressStatus;
    }

    /** The functions; called inside the guard, as {@link #callControl(String)}. */
    private TransferDigitsFunctions transferDigits(String function) {
        if (transferDigits == null) {
            throw new UnsupportedOperationException(function + ": the provider " + providerDescription()
                    + " does not export lineRedirectW, lineBlindTransferW, lineGenerateDigitsW and"
                    + " lineMonitorDigits");
        }
        return transferDigits;
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

    @Override
    public int lineRedirectW(int hCall, String lpszDestAddress, int dwCountryCode) {
        char[] dest = wide(lpszDestAddress, "lpszDestAddress");
        enter();
        try {
            return transferDigits("lineRedirectW").lineRedirectW(hCall, dest, dwCountryCode);
        } finally {
            exit();
        }
    }

    @Override
    public int lineBlindTransferW(int hCall, String lpszDestAddress, int dwCountryCode) {
        char[] dest = wide(lpszDestAddress, "lpszDestAddress");
        enter();
        try {
            return transferDigits("lineBlindTransferW").lineBlindTransferW(hCall, dest, dwCountryCode);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGenerateDigitsW(int hCall, int dwDigitMode, String lpszDigits, int dwDuration) {
        char[] digits = wide(lpszDigits, "lpszDigits");
        enter();
        try {
            return transferDigits("lineGenerateDigitsW").lineGenerateDigitsW(hCall, dwDigitMode, digits,
                    dwDuration);
        } finally {
            exit();
        }
    }

    @Override
    public int lineMonitorDigits(int hCall, int dwDigitModes) {
        enter();
        try {
            return transferDigits("lineMonitorDigits").lineMonitorDigits(hCall, dwDigitModes);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetAddressStatusW(int hLine, int dwAddressID, long lpAddressStatus) {
        enter();
        try {
            if (addressStatus == null) {
                throw new UnsupportedOperationException("lineGetAddressStatusW: the provider "
                        + providerDescription() + " does not export it");
            }
            return addressStatus.lineGetAddressStatusW(hLine, dwAddressID, lpAddressStatus);
        } finally {
            exit();
        }
    }
}
