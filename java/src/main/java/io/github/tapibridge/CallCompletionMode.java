package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How the switch should complete a call that could not be completed
 * ({@code LINECALLCOMPLMODE_} constants), the {@code dwCompletionMode} of
 * {@code lineCompleteCall}.
 *
 * <p>A request names exactly one mode; {@link AddressCaps#completionModes()} says which modes an
 * address supports. What each mode does ({@code docs/simulator.md} has the details):
 * <ul>
 *   <li>{@link #CAMPON}: the call stays busy and is queued until the callee can take it; then the
 *       same call rings back and connects.</li>
 *   <li>{@link #CALLBACK}: the original call goes idle; when the callee becomes free the switch
 *       offers a new call (the recall) to the requester's address.</li>
 *   <li>{@link #INTRUDE}: the call is added to the callee's existing call.</li>
 *   <li>{@link #MESSAGE}: one of the address's predefined messages
 *       ({@link AddressCaps#completionMessages()}) is left for the callee.</li>
 * </ul>
 *
 * @see Call#completeCall(CallCompletionMode)
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linecallcomplmode--constants">
 *      LINECALLCOMPLMODE_ constants (Microsoft)</a>
 */
public enum CallCompletionMode {

    /** {@code LINECALLCOMPLMODE_CAMPON} ({@code 0x00000001}): queue the call at the callee. */
    CAMPON(0x00000001),

    /** {@code LINECALLCOMPLMODE_CALLBACK} ({@code 0x00000002}): call the requester back. */
    CALLBACK(0x00000002),

    /** {@code LINECALLCOMPLMODE_INTRUDE} ({@code 0x00000004}): barge into the callee's call. */
    INTRUDE(0x00000004),

    /** {@code LINECALLCOMPLMODE_MESSAGE} ({@code 0x00000008}): leave a predefined message. */
    MESSAGE(0x00000008);

    private static final int ALL = 0x0000000F;

    private final int bits;

    CallCompletionMode(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this mode in {@code tapi.h}.
     *
     * @return the single {@code LINECALLCOMPLMODE_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the mode whose value is {@code bits}.
     *
     * @param bits exactly one {@code LINECALLCOMPLMODE_} bit
     * @return the mode
     * @throws IllegalArgumentException if {@code bits} is zero, has several bits set, or has a bit
     *         that is not a completion mode
     */
    public static CallCompletionMode of(int bits) {
        for (CallCompletionMode m : values()) {
            if (m.bits == bits) {
                return m;
            }
        }
        throw new IllegalArgumentException(String.format(
                "Not exactly one LINECALLCOMPLMODE_ bit (CAMPON 0x1, CALLBACK 0x2, INTRUDE 0x4, "
                        + "MESSAGE 0x8): 0x%08X", bits));
    }

    /**
     * Returns the modes whose bits are set in {@code mask}, for example
     * {@code LINEADDRESSCAPS.dwCallCompletionModes}. Bits that are not completion modes are
     * ignored (they are reserved, and a provider may set them).
     *
     * @param mask a combination of {@code LINECALLCOMPLMODE_} bits
     * @return an unmodifiable set, empty if no mode bit is set
     */
    public static Set<CallCompletionMode> setOf(int mask) {
        EnumSet<CallCompletionMode> set = EnumSet.noneOf(CallCompletionMode.class);
        for (CallCompletionMode m : values()) {
            if ((mask & m.bits) != 0) {
                set.add(m);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /**
     * Returns the bit mask of a set of modes, the inverse of {@link #setOf(int)}.
     *
     * @param modes the modes
     * @return the OR of their {@link #bits()}, {@code 0} for an empty set
     * @throws NullPointerException if {@code modes} or one of its elements is null
     */
    public static int maskOf(Set<CallCompletionMode> modes) {
        int mask = 0;
        for (CallCompletionMode m : modes) {
            mask |= m.bits;
        }
        return mask & ALL;
    }
}
