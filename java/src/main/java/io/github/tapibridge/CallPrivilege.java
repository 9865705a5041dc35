package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * An application's privilege on a line or a call ({@code LINECALLPRIVILEGE_} constants).
 *
 * <p>An owner may operate on a call (answer, drop, complete); a monitor may only watch it. The
 * privilege of a line is chosen when it is opened ({@link LineOptions}); the privilege of a call the
 * application did not make is announced with the call ({@link LineEvent.NewCall}).
 *
 * @see Call#privilege()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linecallprivilege--constants">
 *      LINECALLPRIVILEGE_ constants (Microsoft)</a>
 */
public enum CallPrivilege {

    /**
     * {@code LINECALLPRIVILEGE_NONE} ({@code 0x00000001}): no privilege (a line opened only to
     * make calls and receive status).
     */
    NONE(0x00000001),

    /**
     * {@code LINECALLPRIVILEGE_MONITOR} ({@code 0x00000002}): the application may watch calls
     * but not change them.
     */
    MONITOR(0x00000002),

    /**
     * {@code LINECALLPRIVILEGE_OWNER} ({@code 0x00000004}): the application may operate on
     * calls.
     */
    OWNER(0x00000004);

    private final int bits;

    CallPrivilege(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINECALLPRIVILEGE_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constant whose value is {@code bits}.
     *
     * @param bits exactly one {@code LINECALLPRIVILEGE_} bit
     * @return the constant
     * @throws IllegalArgumentException if {@code bits} is not the value of one constant
     */
    public static CallPrivilege of(int bits) {
        CallPrivilege c = find(bits);
        if (c == null) {
            throw new IllegalArgumentException(
                    String.format("Not a LINECALLPRIVILEGE_ value: 0x%08X", bits));
        }
        return c;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINECALLPRIVILEGE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<CallPrivilege> setOf(int mask) {
        EnumSet<CallPrivilege> set = EnumSet.noneOf(CallPrivilege.class);
        for (CallPrivilege c : values()) {
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
    public static int maskOf(Set<CallPrivilege> set) {
        int mask = 0;
        for (CallPrivilege c : set) {
            mask |= c.bits;
        }
        return mask;
    }

    /** Lenient decoding of a value reported by a provider: NONE if unknown. */
    static CallPrivilege decode(int bits) {
        CallPrivilege c = find(bits);
        return c != null ? c : NONE;
    }

    private static CallPrivilege find(int bits) {
        for (CallPrivilege c : values()) {
            if (c.bits == bits) {
                return c;
            }
        }
        return null;
    }
}
