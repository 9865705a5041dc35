package io.github.tapibridge;

import java.util.List;
import java.util.Set;

/**
 * The capabilities of one address of a line device ({@code LINEADDRESSCAPS}), in particular what
 * it offers for call completion.
 *
 * <p>Immutable; a snapshot taken by {@link Line#addressCaps(int)}.
 *
 * @param deviceId {@code dwLineDeviceID}
 * @param addressId the address ID the caps were asked for
 * @param address {@code dwAddress}: the address (number) as text; empty if absent
 * @param maxCallCompletions {@code dwMaxCallCompletions}: how many completion requests may be
 *        outstanding at once on the line device (0: completion is not available)
 * @param completionModes {@code dwCallCompletionModes}: the modes a request may use
 * @param completionConditions {@code dwCallCompletionConds}: when a request is accepted
 * @param completionMessages the completion message texts; index {@code i} is message ID
 *        {@code i} of {@link CallCompletionMode#MESSAGE}
 * @param completionIdsUnique {@code LINEADDRCAPFLAGS_COMPLETIONID}: the completion IDs the
 *        provider returns are unique and usable for correlation
 * @param callStates {@code dwCallStates}: the call states the address can report
 * @param maxActiveCalls {@code dwMaxNumActiveCalls}
 * @param addressCapFlags {@code dwAddrCapFlags} ({@code LINEADDRCAPFLAGS_} bits)
 * @param callFeatures {@code dwCallFeatures} ({@code LINECALLFEATURE_} bits)
 * @param callFeatures2 {@code dwCallFeatures2} ({@code LINECALLFEATURE2_} bits; 0 below 2.0)
 * @param addressFeatures {@code dwAddressFeatures} ({@code LINEADDRFEATURE_} bits; 0 below 1.4)
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetaddresscaps">
 *      lineGetAddressCaps (Microsoft)</a>
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/ns-tapi-lineaddresscaps">
 *      LINEADDRESSCAPS (Microsoft)</a>
 */
public record AddressCaps(int deviceId, int addressId, String address, int maxCallCompletions,
                          Set<CallCompletionMode> completionModes,
                          Set<CompletionCondition> completionConditions,
                          List<String> completionMessages, boolean completionIdsUnique,
                          Set<CallState> callStates, int maxActiveCalls, int addressCapFlags,
                          int callFeatures, int callFeatures2, int addressFeatures) {

    /**
     * Tells whether the address supports call completion at all.
     *
     * @return true if {@link #maxCallCompletions()} and {@link #completionModes()} are not empty
     */
    public boolean supportsCompletion() {
        return maxCallCompletions > 0 && !completionModes.isEmpty();
    }
}
