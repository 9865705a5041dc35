package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a party ID of a call holds ({@code LINECALLPARTYID_} constants), such as
 * {@link CallInfo#callerIdFlags()}: a number ({@link #ADDRESS}), a name ({@link #NAME}), or why
 * there is none ({@link #BLOCKED}, {@link #OUTOFAREA}, {@link #UNKNOWN}, {@link #UNAVAIL}).
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linecallpartyid--constants">
 *      LINECALLPARTYID_ constants (Microsoft)</a>
 */
public enum PartyIdFlag {

    /** {@code LINECALLPARTYID_BLOCKED} ({@code 0x00000001}): withheld by the party. */
    BLOCKED(0x00000001),

    /** {@code LINECALLPARTYID_OUTOFAREA} ({@code 0x00000002}): not passed on by the network. */
    OUTOFAREA(0x00000002),

    /** {@code LINECALLPARTYID_NAME} ({@code 0x00000004}): the party's name is given. */
    NAME(0x00000004),

    /** {@code LINECALLPARTYID_ADDRESS} ({@code 0x00000008}): the party's number is given. */
    ADDRESS(0x00000008),

    /** {@code LINECALLPARTYID_PARTIAL} ({@code 0x00000010}): only part of the number is given. */
    PARTIAL(0x00000010),

    /** {@code LINECALLPARTYID_UNKNOWN} ({@code 0x00000020}): the party ID is not known. */
    UNKNOWN(0x00000020),

    /** {@code LINECALLPARTYID_UNAVAIL} ({@code 0x00000040}): the party ID is unavailable. */
    UNAVAIL(0x00000040);

    private final int bits;

    PartyIdFlag(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINECALLPARTYID_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINECALLPARTYID_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<PartyIdFlag> setOf(int mask) {
        EnumSet<PartyIdFlag> set = EnumSet.noneOf(PartyIdFlag.class);
        for (PartyIdFlag c : values()) {
            if ((mask & c.bits) != 0) {
                set.add(c);
            }
        }
        return Collections.unmodifiableSet(set);
    }
}
