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
 * @param addressCapFlags {@code dwAddrCapFlags}, the raw mask of {@code LINEADDRCAPFLAGS_} bits;
 *        decoded by {@link #addressCapFlagSet()}
 * @param callFeatures {@code dwCallFeatures}, the raw mask of {@code LINECALLFEATURE_} bits: what a
 *        call on the address can offer; decoded by {@link #callFeatureSet()}
 * @param callFeatures2 {@code dwCallFeatures2}, the raw mask of {@code LINECALLFEATURE2_} bits (0
 *        below 2.0); decoded by {@link #callFeature2Set()}
 * @param addressFeatures {@code dwAddressFeatures}, the raw mask of {@code LINEADDRFEATURE_} bits (0
 *        below 1.4); decoded by {@link #addressFeatureSet()}
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
     * Returns the properties of the address ({@link #addressCapFlags()}, decoded).
     *
     * @return an unmodifiable set
     */
    public Set<AddressCapFlag> addressCapFlagSet() {
        return AddressCapFlag.setOf(addressCapFlags);
    }

    /**
     * Returns what calls on the address can offer ({@link #callFeatures()}, decoded).
     *
     * @return an unmodifiable set
     */
    public Set<CallFeature> callFeatureSet() {
        return CallFeature.setOf(callFeatures);
    }

    /**
     * Returns the TAPI 2.0 call features of the address ({@link #callFeatures2()}, decoded).
     *
     * @return an unmodifiable set, empty below 2.0
     */
    public Set<CallFeature2> callFeature2Set() {
        return CallFeature2.setOf(callFeatures2);
    }

    /**
     * Returns what can be done with the address ({@link #addressFeatures()}, decoded).
     *
     * @return an unmodifiable set, empty below 1.4
     */
    public Set<AddressFeature> addressFeatureSet() {
        return AddressFeature.setOf(addressFeatures);
    }

    /**
     * Tells whether the address supports call completion at all.
     *
     * @return true if {@link #maxCallCompletions()} and {@link #completionModes()} are not empty
     */
    public boolean supportsCompletion() {
        return maxCallCompletions > 0 && !completionModes.isEmpty();
    }
}
