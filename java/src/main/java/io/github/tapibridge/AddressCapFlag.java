package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Properties of an address ({@code LINEADDRCAPFLAGS_} constants, {@code LINEADDRESSCAPS.dwAddrCapFlags}).
 *
 * <p>Constants are the TAPI names without their prefix: {@code AddressCapFlag.FWDNUMRINGS} is
 * {@code LINEADDRCAPFLAGS_FWDNUMRINGS}. {@link #setOf(int)} ignores bits that have no constant here.
 *
 * @see AddressCaps#addressCapFlagSet()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/lineaddrcapflags--constants">
 *      LINEADDRCAPFLAGS_ constants (Microsoft)</a>
 */
public enum AddressCapFlag {

    /**
     * {@code LINEADDRCAPFLAGS_FWDNUMRINGS} ({@code 0x00000001}): the number of rings before forwarding on no answer can be set.
     */
    FWDNUMRINGS(0x00000001),

    /** {@code LINEADDRCAPFLAGS_PICKUPGROUPID} ({@code 0x00000002}): pickup needs a group ID. */
    PICKUPGROUPID(0x00000002),

    /** {@code LINEADDRCAPFLAGS_SECURE} ({@code 0x00000004}): calls can be secured. */
    SECURE(0x00000004),

    /** {@code LINEADDRCAPFLAGS_BLOCKIDDEFAULT} ({@code 0x00000008}): caller ID is blocked by default. */
    BLOCKIDDEFAULT(0x00000008),

    /**
     * {@code LINEADDRCAPFLAGS_BLOCKIDOVERRIDE} ({@code 0x00000010}): the caller ID default can be overridden per call.
     */
    BLOCKIDOVERRIDE(0x00000010),

    /**
     * {@code LINEADDRCAPFLAGS_DIALED} ({@code 0x00000020}): a number can be given to {@code lineMakeCall}.
     */
    DIALED(0x00000020),

    /**
     * {@code LINEADDRCAPFLAGS_ORIGOFFHOOK} ({@code 0x00000040}): the originating party's phone goes off hook automatically.
     */
    ORIGOFFHOOK(0x00000040),

    /**
     * {@code LINEADDRCAPFLAGS_DESTOFFHOOK} ({@code 0x00000080}): the called party's phone goes off hook automatically.
     */
    DESTOFFHOOK(0x00000080),

    /** {@code LINEADDRCAPFLAGS_FWDCONSULT} ({@code 0x00000100}): forwarding makes a consultation call. */
    FWDCONSULT(0x00000100),

    /**
     * {@code LINEADDRCAPFLAGS_SETUPCONFNULL} ({@code 0x00000200}): {@code lineSetupConference} works without a call.
     */
    SETUPCONFNULL(0x00000200),

    /**
     * {@code LINEADDRCAPFLAGS_AUTORECONNECT} ({@code 0x00000400}): a dropped consultation call reconnects the held call.
     */
    AUTORECONNECT(0x00000400),

    /**
     * {@code LINEADDRCAPFLAGS_COMPLETIONID} ({@code 0x00000800}): completion IDs are unique and usable for correlation ({@link AddressCaps#completionIdsUnique()}).
     */
    COMPLETIONID(0x00000800),

    /** {@code LINEADDRCAPFLAGS_TRANSFERHELD} ({@code 0x00001000}): a transfer may use a held call. */
    TRANSFERHELD(0x00001000),

    /**
     * {@code LINEADDRCAPFLAGS_TRANSFERMAKE} ({@code 0x00002000}): a transfer may make the consultation call.
     */
    TRANSFERMAKE(0x00002000),

    /** {@code LINEADDRCAPFLAGS_CONFERENCEHELD} ({@code 0x00004000}): a conference may use a held call. */
    CONFERENCEHELD(0x00004000),

    /**
     * {@code LINEADDRCAPFLAGS_CONFERENCEMAKE} ({@code 0x00008000}): a conference may make the consultation call.
     */
    CONFERENCEMAKE(0x00008000),

    /** {@code LINEADDRCAPFLAGS_PARTIALDIAL} ({@code 0x00010000}): a number can be dialled in parts. */
    PARTIALDIAL(0x00010000),

    /** {@code LINEADDRCAPFLAGS_FWDSTATUSVALID} ({@code 0x00020000}): the forwarding status is valid. */
    FWDSTATUSVALID(0x00020000),

    /**
     * {@code LINEADDRCAPFLAGS_FWDINTEXTADDR} ({@code 0x00040000}): internal and external forwarding addresses are told apart.
     */
    FWDINTEXTADDR(0x00040000),

    /**
     * {@code LINEADDRCAPFLAGS_FWDBUSYNAADDR} ({@code 0x00080000}): busy and no-answer forwarding addresses are told apart.
     */
    FWDBUSYNAADDR(0x00080000),

    /**
     * {@code LINEADDRCAPFLAGS_ACCEPTTOALERT} ({@code 0x00100000}): an offered call must be accepted before it alerts.
     */
    ACCEPTTOALERT(0x00100000),

    /**
     * {@code LINEADDRCAPFLAGS_CONFDROP} ({@code 0x00200000}): dropping the conference owner drops the conference.
     */
    CONFDROP(0x00200000),

    /** {@code LINEADDRCAPFLAGS_PICKUPCALLWAIT} ({@code 0x00400000}): a waiting call can be picked up. */
    PICKUPCALLWAIT(0x00400000),

    /** {@code LINEADDRCAPFLAGS_PREDICTIVEDIALER} ({@code 0x00800000}): predictive dialling is supported. */
    PREDICTIVEDIALER(0x00800000),

    /** {@code LINEADDRCAPFLAGS_QUEUE} ({@code 0x01000000}): the address is an ACD queue. */
    QUEUE(0x01000000),

    /** {@code LINEADDRCAPFLAGS_ROUTEPOINT} ({@code 0x02000000}): the address is a route point. */
    ROUTEPOINT(0x02000000),

    /** {@code LINEADDRCAPFLAGS_HOLDMAKESNEW} ({@code 0x04000000}): holding a call makes a new call. */
    HOLDMAKESNEW(0x04000000),

    /** {@code LINEADDRCAPFLAGS_NOINTERNALCALLS} ({@code 0x08000000}): no internal calls can be made. */
    NOINTERNALCALLS(0x08000000),

    /** {@code LINEADDRCAPFLAGS_NOEXTERNALCALLS} ({@code 0x10000000}): no external calls can be made. */
    NOEXTERNALCALLS(0x10000000),

    /** {@code LINEADDRCAPFLAGS_SETCALLINGID} ({@code 0x20000000}): the calling ID can be set. */
    SETCALLINGID(0x20000000),

    /** {@code LINEADDRCAPFLAGS_ACDGROUP} ({@code 0x40000000}): the address is an ACD group. */
    ACDGROUP(0x40000000),

    /**
     * {@code LINEADDRCAPFLAGS_NOPSTNADDRESSTRANSLATION} ({@code 0x80000000}): numbers are not translated to PSTN form.
     */
    NOPSTNADDRESSTRANSLATION(0x80000000);

    private final int bits;

    AddressCapFlag(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINEADDRCAPFLAGS_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINEADDRCAPFLAGS_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<AddressCapFlag> setOf(int mask) {
        EnumSet<AddressCapFlag> set = EnumSet.noneOf(AddressCapFlag.class);
        for (AddressCapFlag c : values()) {
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
    public static int maskOf(Set<AddressCapFlag> values) {
        int mask = 0;
        for (AddressCapFlag c : values) {
            mask |= c.bits;
        }
        return mask;
    }
}
