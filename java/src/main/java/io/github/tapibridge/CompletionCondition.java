package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The conditions under which an address accepts a call completion request
 * ({@code LINECALLCOMPLCOND_} constants, {@code LINEADDRESSCAPS.dwCallCompletionConds}).
 *
 * <p>A call can be completed when the callee is busy ({@link #BUSY}: the call is in
 * {@link CallState#BUSY}) or does not answer ({@link #NOANSWER}: the call is in
 * {@link CallState#RINGBACK}).
 *
 * @see AddressCaps#completionConditions()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linecallcomplcond--constants">
 *      LINECALLCOMPLCOND_ constants (Microsoft)</a>
 */
public enum CompletionCondition {

    /** {@code LINECALLCOMPLCOND_BUSY} ({@code 0x00000001}): the callee is busy. */
    BUSY(0x00000001),

    /** {@code LINECALLCOMPLCOND_NOANSWER} ({@code 0x00000002}): the callee does not answer. */
    NOANSWER(0x00000002);

    private final int bits;

    CompletionCondition(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this condition in {@code tapi.h}.
     *
     * @return the single {@code LINECALLCOMPLCOND_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the condition whose value is {@code bits}.
     *
     * @param bits exactly one {@code LINECALLCOMPLCOND_} bit
     * @return the condition
     * @throws IllegalArgumentException if {@code bits} is not exactly one known condition bit
     */
    public static CompletionCondition of(int bits) {
        for (CompletionCondition c : values()) {
            if (c.bits == bits) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                String.format("Not a LINECALLCOMPLCOND_ value: 0x%08X", bits));
    }

    /**
     * Returns the conditions whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINECALLCOMPLCOND_} bits
     * @return an unmodifiable set
     */
    public static Set<CompletionCondition> setOf(int mask) {
        EnumSet<CompletionCondition> set = EnumSet.noneOf(CompletionCondition.class);
        for (CompletionCondition c : values()) {
            if ((mask & c.bits) != 0) {
                set.add(c);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /**
     * Returns the bit mask of a set of conditions.
     *
     * @param conditions the conditions
     * @return the OR of their {@link #bits()}
     * @throws NullPointerException if {@code conditions} or one of its elements is null
     */
    public static int maskOf(Set<CompletionCondition> conditions) {
        int mask = 0;
        for (CompletionCondition c : conditions) {
            mask |= c.bits;
        }
        return mask;
    }
}
