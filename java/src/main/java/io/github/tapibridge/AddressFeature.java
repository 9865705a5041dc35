package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What can be done with an address ({@code LINEADDRFEATURE_} constants,
 * {@code LINEADDRESSCAPS.dwAddressFeatures}; TAPI 1.4, always empty below).
 *
 * <p>Constants are the TAPI names without their prefix: {@code AddressFeature.FORWARD} is
 * {@code LINEADDRFEATURE_FORWARD}. {@link #setOf(int)} ignores bits that have no constant here.
 *
 * @see AddressCaps#addressFeatureSet()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/lineaddrfeature--constants">
 *      LINEADDRFEATURE_ constants (Microsoft)</a>
 */
public enum AddressFeature {

    /** {@code LINEADDRFEATURE_FORWARD} ({@code 0x00000001}): {@code lineForward}: forward the address. */
    FORWARD(0x00000001),

    /**
     * {@code LINEADDRFEATURE_MAKECALL} ({@code 0x00000002}): {@code lineMakeCall}: place a call on the address.
     */
    MAKECALL(0x00000002),

    /** {@code LINEADDRFEATURE_PICKUP} ({@code 0x00000004}): {@code linePickup}: pick up a call. */
    PICKUP(0x00000004),

    /**
     * {@code LINEADDRFEATURE_SETMEDIACONTROL} ({@code 0x00000008}): {@code lineSetMediaControl}: set media control.
     */
    SETMEDIACONTROL(0x00000008),

    /**
     * {@code LINEADDRFEATURE_SETTERMINAL} ({@code 0x00000010}): {@code lineSetTerminal}: route the address to a terminal.
     */
    SETTERMINAL(0x00000010),

    /**
     * {@code LINEADDRFEATURE_SETUPCONF} ({@code 0x00000020}): {@code lineSetupConference}: start a conference without a call.
     */
    SETUPCONF(0x00000020),

    /**
     * {@code LINEADDRFEATURE_UNCOMPLETECALL} ({@code 0x00000040}): {@code lineUncompleteCall}: cancel a call completion ({@link CallCompletion#cancel()}).
     */
    UNCOMPLETECALL(0x00000040),

    /** {@code LINEADDRFEATURE_UNPARK} ({@code 0x00000080}): {@code lineUnpark}: take back a parked call. */
    UNPARK(0x00000080),

    /** {@code LINEADDRFEATURE_PICKUPHELD} ({@code 0x00000100}): {@code linePickup} of a held call. */
    PICKUPHELD(0x00000100),

    /** {@code LINEADDRFEATURE_PICKUPGROUP} ({@code 0x00000200}): {@code linePickup} within a pickup group. */
    PICKUPGROUP(0x00000200),

    /** {@code LINEADDRFEATURE_PICKUPDIRECT} ({@code 0x00000400}): {@code linePickup} of a given address. */
    PICKUPDIRECT(0x00000400),

    /** {@code LINEADDRFEATURE_PICKUPWAITING} ({@code 0x00000800}): {@code linePickup} of a waiting call. */
    PICKUPWAITING(0x00000800),

    /**
     * {@code LINEADDRFEATURE_FORWARDFWD} ({@code 0x00001000}): {@code lineForward}: unconditional forwarding.
     */
    FORWARDFWD(0x00001000),

    /** {@code LINEADDRFEATURE_FORWARDDND} ({@code 0x00002000}): {@code lineForward}: do not disturb. */
    FORWARDDND(0x00002000);

    private final int bits;

    AddressFeature(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINEADDRFEATURE_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINEADDRFEATURE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<AddressFeature> setOf(int mask) {
        EnumSet<AddressFeature> set = EnumSet.noneOf(AddressFeature.class);
        for (AddressFeature c : values()) {
            if ((mask & c.bits) != 0) {
                set.add(c);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /**
     * Returns the bit mask of a set of constants.
     *
     * @param values the constants
     * @return the OR of their {@link #bits()}
     * @throws NullPointerException if {@code values} or one of its elements is null
     */
    public static int maskOf(Set<AddressFeature> values) {
        int mask = 0;
        for (AddressFeature c : values) {
            mask |= c.bits;
        }
        return mask;
    }
}
