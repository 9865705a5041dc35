package io.github.tapibridge;

/**
 * The current status of a call ({@code LINECALLSTATUS}).
 *
 * <p>Immutable; a snapshot taken by {@link Call#status()}.
 *
 * @param state {@code dwCallState}
 * @param stateMode {@code dwCallStateMode}: the mode of the state, for example a
 *        {@code LINEBUSYMODE_} value in {@link CallState#BUSY}
 * @param privilege {@code dwCallPrivilege}: this application's privilege on the call
 * @param callFeatures {@code dwCallFeatures} ({@code LINECALLFEATURE_} bits): what can be done now
 * @param callFeatures2 {@code dwCallFeatures2} ({@code LINECALLFEATURE2_} bits; 0 below 2.0)
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetcallstatus">
 *      lineGetCallStatus (Microsoft)</a>
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/ns-tapi-linecallstatus">
 *      LINECALLSTATUS (Microsoft)</a>
 */
public record CallStatus(CallState state, int stateMode, CallPrivilege privilege, int callFeatures,
                         int callFeatures2) {

    /** {@code LINECALLFEATURE_COMPLETECALL}. */
    private static final int LINECALLFEATURE_COMPLETECALL = 0x00000010;

    /**
     * Tells whether the provider says {@code lineCompleteCall} is possible now
     * ({@code LINECALLFEATURE_COMPLETECALL}). Providers that do not maintain feature bits report
     * false even where a request would be accepted.
     *
     * @return true if the completion feature bit is set
     */
    public boolean canCompleteCall() {
        return (callFeatures & LINECALLFEATURE_COMPLETECALL) != 0;
    }
}
