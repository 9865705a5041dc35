package io.github.tapibridge;

import java.util.Set;

/**
 * The current status of one address of an open line ({@code LINEADDRESSSTATUS}): how many calls
 * it has in which states, and which address functions it would accept now.
 *
 * <p>Immutable; a snapshot taken by {@link Line#addressStatus(int)}. Providers keep the features
 * up to date as calls change state (the simulator does); one that does not maintain them may
 * report fewer than it would accept.
 *
 * @param addressId the address, as asked
 * @param numInUse {@code dwNumInUse}: the stations using the address (for a private address 1
 *        while it is in use, else 0)
 * @param numActiveCalls {@code dwNumActiveCalls}: calls in any state but idle, on hold and on
 *        hold pending transfer or conference
 * @param numOnHoldCalls {@code dwNumOnHoldCalls}
 * @param numOnHoldPendingCalls {@code dwNumOnHoldPendCalls}: calls on hold pending a transfer or
 *        a conference
 * @param addressFeatures {@code dwAddressFeatures}, the raw mask of {@code LINEADDRFEATURE_}
 *        bits; decoded by {@link #addressFeatureSet()}, as in {@link AddressCaps}
 * @param numRingsNoAnswer {@code dwNumRingsNoAnswer}: rings before an unanswered call counts as
 *        not answered (for forwarding on no answer)
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linegetaddressstatus">
 *      lineGetAddressStatus (Microsoft)</a>
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/ns-tapi-lineaddressstatus">
 *      LINEADDRESSSTATUS (Microsoft)</a>
 */
public record AddressStatus(int addressId, int numInUse, int numActiveCalls, int numOnHoldCalls,
                            int numOnHoldPendingCalls, int addressFeatures, int numRingsNoAnswer) {

    /**
     * Returns what can be done with the address now ({@link #addressFeatures()}, decoded), for
     * example {@link AddressFeature#MAKECALL} while it can take another call and
     * {@link AddressFeature#UNCOMPLETECALL} while a completion request of it can be cancelled.
     *
     * @return an unmodifiable set; bits without an {@link AddressFeature} constant are left out
     */
    public Set<AddressFeature> addressFeatureSet() {
        return AddressFeature.setOf(addressFeatures);
    }

    /**
     * Tells whether the address would accept {@code feature} now.
     *
     * @param feature the feature
     * @return true if its bit is set
     * @throws NullPointerException if {@code feature} is null
     */
    public boolean can(AddressFeature feature) {
        return (addressFeatures & feature.bits()) != 0;
    }
}
