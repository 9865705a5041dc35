package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The mode of {@link CallState#SPECIALINFO} ({@code LINESPECIALINFO_} constants): the special
 * information tone the network sent.
 *
 * <p>Constants are the TAPI names without their prefix: {@code SpecialInfo.NOCIRCUIT} is
 * {@code LINESPECIALINFO_NOCIRCUIT}. {@link #setOf(int)} ignores bits that have no constant here.
 *
 * @see CallStateMode
 * @see CallStatus#stateModeSet()
 * @see LineEvent.CallStateChanged#stateModeSet()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linespecialinfo--constants">
 *      LINESPECIALINFO_ constants (Microsoft)</a>
 */
public enum SpecialInfo implements CallStateMode {

    /** {@code LINESPECIALINFO_NOCIRCUIT} ({@code 0x00000001}): no circuit (vacant code, no route). */
    NOCIRCUIT(0x00000001),

    /**
     * {@code LINESPECIALINFO_CUSTIRREG} ({@code 0x00000002}): customer irregularity (number changed, unreachable).
     */
    CUSTIRREG(0x00000002),

    /** {@code LINESPECIALINFO_REORDER} ({@code 0x00000004}): reorder (congestion). */
    REORDER(0x00000004),

    /** {@code LINESPECIALINFO_UNKNOWN} ({@code 0x00000008}): special information of a kind not known. */
    UNKNOWN(0x00000008),

    /** {@code LINESPECIALINFO_UNAVAIL} ({@code 0x00000010}): special information not available. */
    UNAVAIL(0x00000010);

    private final int bits;

    SpecialInfo(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINESPECIALINFO_} bit
     */
    @Override
    public int bits() {
        return bits;
    }

    /**
     * Returns the call state this is a mode of.
     *
     * @return {@link CallState#SPECIALINFO}
     */
    @Override
    public CallState state() {
        return CallState.SPECIALINFO;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINESPECIALINFO_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<SpecialInfo> setOf(int mask) {
        EnumSet<SpecialInfo> set = EnumSet.noneOf(SpecialInfo.class);
        for (SpecialInfo c : values()) {
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
    public static int maskOf(Set<SpecialInfo> values) {
        int mask = 0;
        for (SpecialInfo c : values) {
            mask |= c.bits;
        }
        return mask;
    }
}
