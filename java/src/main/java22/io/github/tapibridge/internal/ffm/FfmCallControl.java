package io.github.tapibridge.internal.ffm;

import io.github.tapibridge.internal.AppEvents;
import io.github.tapibridge.internal.GuardRecord;
/**
 * The call control functions of {@link FfmBackend} ({@code lineDialW}, {@code lineHold},
 * {@code lineUnhold}, {@code lineSwapHold}) and its transfer and digits functions
 * ({@code lineRedirectW}, {@code lineBlindTransferW}, {@code lineGenerateDigitsW},
 * {@code lineMonitorDigits}): two optional groups, resolved all or none
 * ({@link FfmLibrary.CallControl}, {@link FfmLibrary.TransferDigits}); without a group each of
 * its functions throws UnsupportedOperationException, with the message of the other backends.
 * Plain downcalls, guarded like every TAPI function of {@link FfmTapiCalls}.
 */
abstract class FfmCallControl extends FfmTapiCalls {

    FfmCallControl(FfmLibrary library, String description, AppEvents.Waits waits) {
        super(library, description, waits);
    }

    /** The group; called inside the guard, so that a closed backend throws IllegalStateException first. */
    private FfmLibrary.CallControl callControl(String function) {
        FfmLibrary.CallControl group = library.callControl;
        if (group == null) {
            throw new UnsupportedOperationException(function + ": the provider " + description
                    + " does not export lineDialW, lineHold, lineUnhold and lineSwapHold");
        }
        return group;
    }

    /** The group; called inside the guard, as {@link #callControl(String)}. */
    private FfmLibrary.TransferDigits transferDigits(String function) {
        FfmLibrary.TransferDigits group = library.transferDigits;
        if (group == null) {
            throw new UnsupportedOperationException(function + ": the provider " + description
                    + " does not export lineRedirectW, lineBlindTransferW, lineGenerateDigitsW and"
                    + " lineMonitorDigits");
        }
        return group;
    }

    @Override
    public int lineDialW(int hCall, String lpszDestAddress, int dwCountryCode) {
        GuardRecord held = guard.enter();
        try {
            long dest = wide(lpszDestAddress, "lpszDestAddress", 0);
            return (int) Downcalls.INT_PTR_INT.invokeExact(callControl("lineDialW").lineDialW(), hCall, dest, dwCountryCode);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineHold(int hCall) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT.invokeExact(callControl("lineHold").lineHold(), hCall);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineUnhold(int hCall) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT.invokeExact(callControl("lineUnhold").lineUnhold(), hCall);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineSwapHold(int hActiveCall, int hHeldCall) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT_INT.invokeExact(callControl("lineSwapHold").lineSwapHold(), hActiveCall, hHeldCall);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineRedirectW(int hCall, String lpszDestAddress, int dwCountryCode) {
        GuardRecord held = guard.enter();
        try {
            long dest = wide(lpszDestAddress, "lpszDestAddress", 0);
            return (int) Downcalls.INT_PTR_INT.invokeExact(transferDigits("lineRedirectW").lineRedirectW(), hCall, dest, dwCountryCode);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineBlindTransferW(int hCall, String lpszDestAddress, int dwCountryCode) {
        GuardRecord held = guard.enter();
        try {
            long dest = wide(lpszDestAddress, "lpszDestAddress", 0);
            return (int) Downcalls.INT_PTR_INT.invokeExact(transferDigits("lineBlindTransferW").lineBlindTransferW(), hCall, dest, dwCountryCode);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineGenerateDigitsW(int hCall, int dwDigitMode, String lpszDigits, int dwDuration) {
        GuardRecord held = guard.enter();
        try {
            long digits = wide(lpszDigits, "lpszDigits", 0);
            return (int) Downcalls.LINE_GENERATE_DIGITS_W.invokeExact(transferDigits("lineGenerateDigitsW").lineGenerateDigitsW(), hCall, dwDigitMode, digits, dwDuration);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineMonitorDigits(int hCall, int dwDigitModes) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT_INT.invokeExact(transferDigits("lineMonitorDigits").lineMonitorDigits(), hCall, dwDigitModes);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }
}
