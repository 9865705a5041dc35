package io.github.tapibridge;

import io.github.tapibridge.internal.TapiConstants;
import java.util.Set;

/**
 * The current status of a line device ({@code LINEDEVSTATUS}), including the number of
 * outstanding call completions.
 *
 * <p>Immutable; a snapshot taken by {@link Line#status()}.
 *
 * @param numOpens {@code dwNumOpens}: how many times the device is open, by all applications
 * @param openMediaModes {@code dwOpenMediaModes}: the media modes the opens own
 * @param numActiveCalls {@code dwNumActiveCalls}
 * @param numOnHoldCalls {@code dwNumOnHoldCalls}
 * @param numOnHoldPendingCalls {@code dwNumOnHoldPendCalls}
 * @param lineFeatures {@code dwLineFeatures}, the raw mask of {@code LINEFEATURE_} bits; decoded by
 *        {@link #lineFeatureSet()}
 * @param numCallCompletions {@code dwNumCallCompletions}: completion requests outstanding on the
 *        device, of all applications
 * @param ringMode {@code dwRingMode}
 * @param signalLevel {@code dwSignalLevel}
 * @param batteryLevel {@code dwBatteryLevel}
 * @param roamMode {@code dwRoamMode}
 * @param devStatusFlags {@code dwDevStatusFlags} ({@code LINEDEVSTATUSFLAGS_} bits)
 * @param availableMediaModes {@code dwAvailableMediaModes} (2.0; empty below)
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetlinedevstatus">
 *      lineGetLineDevStatus (Microsoft)</a>
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/ns-tapi-linedevstatus">
 *      LINEDEVSTATUS (Microsoft)</a>
 */
public record LineStatus(int numOpens, Set<MediaMode> openMediaModes, int numActiveCalls,
                         int numOnHoldCalls, int numOnHoldPendingCalls, int lineFeatures,
                         int numCallCompletions, int ringMode, int signalLevel, int batteryLevel,
                         int roamMode, int devStatusFlags, Set<MediaMode> availableMediaModes) {

    /**
     * Returns what can be done with the line device now ({@link #lineFeatures()}, decoded).
     *
     * @return an unmodifiable set
     */
    public Set<LineFeature> lineFeatureSet() {
        return LineFeature.setOf(lineFeatures);
    }

    /**
     * Tells whether the message-waiting indicator is on ({@code LINEDEVSTATUSFLAGS_MSGWAIT}).
     *
     * @return true if a message is waiting
     */
    public boolean messageWaiting() {
        return (devStatusFlags & TapiConstants.LINEDEVSTATUSFLAGS_MSGWAIT) != 0;
    }

    /**
     * Tells whether the line is in service ({@code LINEDEVSTATUSFLAGS_INSERVICE}).
     *
     * @return true if in service
     */
    public boolean inService() {
        return (devStatusFlags & TapiConstants.LINEDEVSTATUSFLAGS_INSERVICE) != 0;
    }

    /**
     * Tells whether the line is connected to TAPI ({@code LINEDEVSTATUSFLAGS_CONNECTED}).
     *
     * @return true if connected
     */
    public boolean connected() {
        return (devStatusFlags & TapiConstants.LINEDEVSTATUSFLAGS_CONNECTED) != 0;
    }
}
