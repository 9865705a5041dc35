package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a call comes from ({@code LINECALLORIGIN_} constants, {@code LINECALLINFO.dwOrigin}).
 *
 * <p>Constants are the TAPI names without their prefix.
 *
 * @see CallInfo#origin()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linecallorigin--constants">
 *      LINECALLORIGIN_ constants (Microsoft)</a>
 */
public enum CallOrigin {

    /** {@code LINECALLORIGIN_OUTBOUND} ({@code 0x00000001}): an outgoing call. */
    OUTBOUND(0x00000001),

    /**
     * {@code LINECALLORIGIN_INTERNAL} ({@code 0x00000002}): an incoming call from a station on
     * the same switch.
     */
    INTERNAL(0x00000002),

    /**
     * {@code LINECALLORIGIN_EXTERNAL} ({@code 0x00000004}): an incoming call from outside the
     * switch.
     */
    EXTERNAL(0x00000004),

    /**
     * {@code LINECALLORIGIN_UNKNOWN} ({@code 0x00000010}): the origin is not known yet (also
     * used by this library for values it does not know).
     */
    UNKNOWN(0x00000010),

    /** {@code LINECALLORIGIN_UNAVAIL} ({@code 0x00000020}): the origin is unavailable. */
    UNAVAIL(0x00000020),

    /** {@code LINECALLORIGIN_CONFERENCE} ({@code 0x00000040}): a conference call. */
    CONFERENCE(0x00000040),

    /**
     * {@code LINECALLORIGIN_INBOUND} ({@code 0x00000080}): an incoming call whose origin is
     * not known.
     */
    INBOUND(0x00000080);

    private final int bits;

    CallOrigin(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINECALLORIGIN_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constant whose value is {@code bits}.
     *
     * @param bits exactly one {@code LINECALLORIGIN_} bit
     * @return the constant
     * @throws IllegalArgumentException if {@code bits} is not the value of one constant
     */
    public static CallOrigin of(int bits) {
        CallOrigin c = find(bits);
        if (c == null) {
            throw new IllegalArgumentException(
                    String.format("Not a LINECALLORIGIN_ value: 0x%08X", bits));
        }
        return c;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINECALLORIGIN_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<CallOrigin> setOf(int mask) {
        EnumSet<CallOrigin> set = EnumSet.noneOf(CallOrigin.class);
        for (CallOrigin c : values()) {
            if ((mask & c.bits) != 0) {
                set.add(c);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /**
     * Returns the bit mask of a set of constants, the inverse of {@link #setOf(int)}.
     *
     * @param set the constants
     * @return the OR of their {@link #bits()}
     * @throws NullPointerException if {@code set} or one of its elements is null
     */
    public static int maskOf(Set<CallOrigin> set) {
        int mask = 0;
        for (CallOrigin c : set) {
            mask |= c.bits;
        }
        return mask;
    }

    /** Lenient decoding of a value reported by a provider: UNKNOWN if unknown. */
    static CallOrigin decode(int bits) {
        CallOrigin c = find(bits);
        return c != null ? c : UNKNOWN;
    }

    private static CallOrigin find(int bits) {
        for (CallOrigin c : values()) {
            if (c.bits == bits) {
                return c;
            }
        }
        return null;
    }
}
