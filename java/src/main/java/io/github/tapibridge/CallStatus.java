package io.github.tapibridge;

import java.util.Set;

/**
 * The current status of a call ({@code LINECALLSTATUS}).
 *
 * <p>Immutable; a snapshot taken by {@link Call#status()}.
 *
 * @param state {@code dwCallState}
 * @param stateMode {@code dwCallStateMode}, the raw mask: the mode of the state, for example a
 *        {@code LINEBUSYMODE_} value in {@link CallState#BUSY}; decoded by {@link #stateModeSet()}
 * @param privilege {@code dwCallPrivilege}: this application's privilege on the call
 * @param callFeatures {@code dwCallFeatures}, the raw mask of {@code LINECALLFEATURE_} bits: what can
 *        be done now; decoded by {@link #callFeatureSet()}
 * @param callFeatures2 {@code dwCallFeatures2}, the raw mask of {@code LINECALLFEATURE2_} bits (0
 *        below 2.0); decoded by {@link #callFeature2Set()}
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetcallstatus">
 *      lineGetCallStatus (Microsoft)</a>
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/ns-tapi-linecallstatus">
 *      LINECALLSTATUS (Microsoft)</a>
 */
public record CallStatus(CallState state, int stateMode, CallPrivilege privilege, int callFeatures,
                         int callFeatures2) {

    /**
     * Returns the mode of the state, decoded for that state ({@link #stateMode()}): for example
     * {@code [BusyMode.STATION]} in {@link CallState#BUSY}.
     *
     * @return an unmodifiable set, empty for a state without a mode
     * @see CallStateMode#setOf(CallState, int)
     */
    public Set<CallStateMode> stateModeSet() {
        return CallStateMode.setOf(state, stateMode);
    }

    /**
     * Returns what can be done with the call now ({@link #callFeatures()}, decoded).
     *
     * @return an unmodifiable set
     */
    public Set<CallFeature> callFeatureSet() {
        return CallFeature.setOf(callFeatures);
    }

    /**
     * Returns the TAPI 2.0 features of the call ({@link #callFeatures2()}, decoded), such as the
     * completion modes possible now.
     *
     * @return an unmodifiable set, empty below 2.0
     */
    public Set<CallFeature2> callFeature2Set() {
        return CallFeature2.setOf(callFeatures2);
    }

    /**
     * Tells whether the provider says {@code lineCompleteCall} is possible now
     * ({@code LINECALLFEATURE_COMPLETECALL}). Providers that do not maintain feature bits report
     * false even where a request would be accepted.
     *
     * @return true if the completion feature bit is set
     */
    public boolean canCompleteCall() {
        return (callFeatures & CallFeature.COMPLETECALL.bits()) != 0;
    }
}
