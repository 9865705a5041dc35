package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The mode of {@link CallState#BUSY} ({@code LINEBUSYMODE_} constants): what is busy.
 *
 * <p>Constants are the TAPI names without their prefix: {@code BusyMode.STATION} is
 * {@code LINEBUSYMODE_STATION}. {@link #setOf(int)} ignores bits that have no constant here.
 *
 * @see CallStateMode
 * @see CallStatus#stateModeSet()
 * @see LineEvent.CallStateChanged#stateModeSet()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linebusymode--constants">
 *      LINEBUSYMODE_ constants (Microsoft)</a>
 */
public enum BusyMode implements CallStateMode {

    /** {@code LINEBUSYMODE_STATION} ({@code 0x00000001}): the called station is busy. */
    STATION(0x00000001),

    /** {@code LINEBUSYMODE_TRUNK} ({@code 0x00000002}): a trunk or circuit is busy. */
    TRUNK(0x00000002),

    /** {@code LINEBUSYMODE_UNKNOWN} ({@code 0x00000004}): busy, for a reason not known. */
    UNKNOWN(0x00000004),

    /** {@code LINEBUSYMODE_UNAVAIL} ({@code 0x00000008}): busy, for a reason not available. */
    UNAVAIL(0x00000008);

    private final int bits;

    BusyMode(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINEBUSYMODE_} bit
     */
    @Override
    public int bits() {
        return bits;
    }

    /**
     * Returns the call state this is a mode of.
     *
     * @return {@link CallState#BUSY}
     */
    @Override
    public CallState state() {
        return CallState.BUSY;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINEBUSYMODE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<BusyMode> setOf(int mask) {
        EnumSet<BusyMode> set = EnumSet.noneOf(BusyMode.class);
        for (BusyMode c : values()) {
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
    public static int maskOf(Set<BusyMode> values) {
        int mask = 0;
        for (BusyMode c : values) {
            mask |= c.bits;
        }
        return mask;
    }
}
