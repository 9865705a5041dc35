package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The mode of {@link CallState#OFFERING} ({@code LINEOFFERINGMODE_} constants; TAPI 1.4): whether
 * the offered call alerts here.
 *
 * <p>Constants are the TAPI names without their prefix: {@code OfferingMode.ACTIVE} is
 * {@code LINEOFFERINGMODE_ACTIVE}. {@link #setOf(int)} ignores bits that have no constant here.
 *
 * @see CallStateMode
 * @see CallStatus#stateModeSet()
 * @see LineEvent.CallStateChanged#stateModeSet()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/lineofferingmode--constants">
 *      LINEOFFERINGMODE_ constants (Microsoft)</a>
 */
public enum OfferingMode implements CallStateMode {

    /** {@code LINEOFFERINGMODE_ACTIVE} ({@code 0x00000001}): offered and alerting at this station. */
    ACTIVE(0x00000001),

    /** {@code LINEOFFERINGMODE_INACTIVE} ({@code 0x00000002}): offered, but alerting at another station. */
    INACTIVE(0x00000002);

    private final int bits;

    OfferingMode(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINEOFFERINGMODE_} bit
     */
    @Override
    public int bits() {
        return bits;
    }

    /**
     * Returns the call state this is a mode of.
     *
     * @return {@link CallState#OFFERING}
     */
    @Override
    public CallState state() {
        return CallState.OFFERING;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINEOFFERINGMODE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<OfferingMode> setOf(int mask) {
        EnumSet<OfferingMode> set = EnumSet.noneOf(OfferingMode.class);
        for (OfferingMode c : values()) {
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
    public static int maskOf(Set<OfferingMode> values) {
        int mask = 0;
        for (OfferingMode c : values) {
            mask |= c.bits;
        }
        return mask;
    }
}
