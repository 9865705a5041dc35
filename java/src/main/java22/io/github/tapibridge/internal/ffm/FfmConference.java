package io.github.tapibridge.internal.ffm;

import io.github.tapibridge.internal.AppEvents;
import io.github.tapibridge.internal.GuardRecord;
/**
 * The consultation transfer and conference functions of {@link FfmBackend}
 * ({@code lineSetupTransferW}, {@code lineCompleteTransfer}, {@code lineAddToConference},
 * {@code lineRemoveFromConference}, a group resolved all or none: {@link FfmLibrary.Conference})
 * and {@code lineGetAddressStatusW} (a group of its own). Without a group each of its functions
 * throws UnsupportedOperationException, with the message of the other backends. Plain
 * downcalls, guarded like every TAPI function of {@link FfmTapiCalls}; the out-parameters
 * ({@code lphConsultCall}, {@code lphConfCall}) are native memory of the caller, written by the
 * provider when the {@code LINE_REPLY} is queued.
 */
abstract class FfmConference extends FfmCallControl {

    FfmConference(FfmLibrary library, String description, AppEvents.Waits waits) {
        super(library, description, waits);
    }

    /** The group; called inside the guard, so that a closed backend throws IllegalStateException first. */
    private FfmLibrary.Conference conference(String function) {
        FfmLibrary.Conference group = library.conference;
        if (group == null) {
            throw new UnsupportedOperationException(function + ": the provider " + description
                    + " does not export lineSetupTransferW, lineCompleteTransfer, lineAddToConference and"
                    + " lineRemoveFromConference");
        }
        return group;
    }

    @Override
    public int lineSetupTransferW(int hCall, long lphConsultCall, long lpCallParams) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT_PTR_PTR.invokeExact(conference("lineSetupTransferW").lineSetupTransferW(),
                    hCall, lphConsultCall, lpCallParams);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineCompleteTransfer(int hCall, int hConsultCall, long lphConfCall, int dwTransferMode) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT_INT_PTR_INT.invokeExact(
                    conference("lineCompleteTransfer").lineCompleteTransfer(), hCall, hConsultCall, lphConfCall,
                    dwTransferMode);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineAddToConference(int hConfCall, int hConsultCall) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT_INT.invokeExact(conference("lineAddToConference").lineAddToConference(),
                    hConfCall, hConsultCall);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineRemoveFromConference(int hCall) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT.invokeExact(
                    conference("lineRemoveFromConference").lineRemoveFromConference(), hCall);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineGetAddressStatusW(int hLine, int dwAddressID, long lpAddressStatus) {
        GuardRecord held = guard.enter();
        try {
            java.lang.foreign.MemorySegment function = library.lineGetAddressStatusW;
            if (function == null) {
                throw new UnsupportedOperationException("lineGetAddressStatusW: the provider " + description
                        + " does not export it");
            }
            return (int) Downcalls.INT_INT_PTR.invokeExact(function, hLine, dwAddressID, lpAddressStatus);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }
}
