package io.github.tapibridge;

import java.util.Set;

/**
 * Information about a call ({@code LINECALLINFO}): who, why and where, and for a call produced by
 * a call completion, which completion.
 *
 * <p>Immutable; a snapshot taken by {@link Call#info()}. Party IDs and names are null when the
 * provider does not report them.
 *
 * @param lineDeviceId {@code dwLineDeviceID}
 * @param addressId {@code dwAddressID}
 * @param callId {@code dwCallID}: the switch's ID of the call, the same for every application
 * @param relatedCallId {@code dwRelatedCallID}
 * @param bearerMode {@code dwBearerMode} ({@code LINEBEARERMODE_} bits)
 * @param mediaModes {@code dwMediaMode}
 * @param origin {@code dwOrigin}
 * @param reason {@code dwReason}: {@link CallReason#CALLCOMPLETION} for the recall of a
 *        completion and for a camped-on call that now completes
 * @param completionId {@code dwCompletionID}: the completion the call results from; meaningful
 *        only when {@code reason} is {@link CallReason#CALLCOMPLETION} (the ID is then already
 *        invalid for {@link Line#uncompleteCall(int)}; use it only for correlation)
 * @param numOwners {@code dwNumOwners}
 * @param numMonitors {@code dwNumMonitors}
 * @param callerId {@code dwCallerID}
 * @param callerName {@code dwCallerIDName}
 * @param calledId {@code dwCalledID}
 * @param calledName {@code dwCalledIDName}: for a call this application made, the {@code ^name}
 *        of the dialled address, if it had one
 * @param connectedId {@code dwConnectedID}
 * @param connectedName {@code dwConnectedIDName}
 * @param appName {@code dwAppName}: the application that made the call
 * @param callerIdFlags {@code dwCallerIDFlags}: what {@code callerId} and {@code callerName}
 *        hold, for example {@link PartyIdFlag#ADDRESS} and {@link PartyIdFlag#NAME} for an
 *        outside caller who gave both, or why they are null ({@link PartyIdFlag#BLOCKED},
 *        {@link PartyIdFlag#UNKNOWN}, ...)
 * @param calledIdFlags {@code dwCalledIDFlags}: what {@code calledId} and {@code calledName}
 *        hold; {@link PartyIdFlag#NAME} when the dialled address carried a {@code ^name}
 * @param connectedIdFlags {@code dwConnectedIDFlags}: what {@code connectedId} and
 *        {@code connectedName} hold
 * @param redirectingId {@code dwRedirectingID}: for a redirected or blind-transferred call, the
 *        number of the address that diverted it ({@link Call#redirect}, {@link Call#blindTransfer})
 * @param redirectingName {@code dwRedirectingIDName}
 * @param redirectingIdFlags {@code dwRedirectingIDFlags}: what {@code redirectingId} and
 *        {@code redirectingName} hold
 * @param redirectionId {@code dwRedirectionID}: the number the call was diverted to
 * @param redirectionName {@code dwRedirectionIDName}: the {@code ^name} of the destination
 *        string, if it had one
 * @param redirectionIdFlags {@code dwRedirectionIDFlags}: what {@code redirectionId} and
 *        {@code redirectionName} hold
 * @param callStates {@code dwCallStates}: the states the call can be in on this address, for
 *        example {@link CallState#ONHOLDPENDTRANSFER} and {@link CallState#CONFERENCED} where
 *        {@link Call#setupTransfer()} and {@link Call#conference(Call)} are available
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetcallinfo">
 *      lineGetCallInfo (Microsoft)</a>
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/ns-tapi-linecallinfo">
 *      LINECALLINFO (Microsoft)</a>
 */
public record CallInfo(int lineDeviceId, int addressId, int callId, int relatedCallId,
                       int bearerMode, Set<MediaMode> mediaModes, CallOrigin origin,
                       CallReason reason, int completionId, int numOwners, int numMonitors,
                       String callerId, String callerName, String calledId, String calledName,
                       String connectedId, String connectedName, String appName,
                       Set<PartyIdFlag> callerIdFlags, Set<PartyIdFlag> calledIdFlags,
                       Set<PartyIdFlag> connectedIdFlags, String redirectingId, String redirectingName,
                       Set<PartyIdFlag> redirectingIdFlags, String redirectionId, String redirectionName,
                       Set<PartyIdFlag> redirectionIdFlags, Set<CallState> callStates) {

    /**
     * Tells whether the call results from a call completion.
     *
     * @return true if {@link #reason()} is {@link CallReason#CALLCOMPLETION}
     */
    public boolean isCompletion() {
        return reason == CallReason.CALLCOMPLETION;
    }
}
