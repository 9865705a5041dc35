package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Why a call exists ({@code LINECALLREASON_} constants, {@code LINECALLINFO.dwReason}).
 *
 * <p>Constants are the TAPI names without their prefix. A call produced by a call completion (the
 * recall of {@link CallCompletionMode#CALLBACK}, or a camped-on call that now rings) has
 * {@link #CALLCOMPLETION}, and {@link CallInfo#completionId()} names the completion.
 *
 * @see CallInfo#reason()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linecallreason--constants">
 *      LINECALLREASON_ constants (Microsoft)</a>
 */
public enum CallReason {

    /** {@code LINECALLREASON_DIRECT} ({@code 0x00000001}): a direct incoming or outgoing call. */
    DIRECT(0x00000001),

    /**
     * {@code LINECALLREASON_FWDBUSY} ({@code 0x00000002}): forwarded from another address
     * because it was busy.
     */
    FWDBUSY(0x00000002),

    /**
     * {@code LINECALLREASON_FWDNOANSWER} ({@code 0x00000004}): forwarded from another address
     * because it did not answer.
     */
    FWDNOANSWER(0x00000004),

    /**
     * {@code LINECALLREASON_FWDUNCOND} ({@code 0x00000008}): forwarded unconditionally from
     * another address.
     */
    FWDUNCOND(0x00000008),

    /** {@code LINECALLREASON_PICKUP} ({@code 0x00000010}): picked up from another address. */
    PICKUP(0x00000010),

    /** {@code LINECALLREASON_UNPARK} ({@code 0x00000020}): retrieved from a park. */
    UNPARK(0x00000020),

    /** {@code LINECALLREASON_REDIRECT} ({@code 0x00000040}): redirected to this address. */
    REDIRECT(0x00000040),

    /**
     * {@code LINECALLREASON_CALLCOMPLETION} ({@code 0x00000080}): the result of a call
     * completion request.
     */
    CALLCOMPLETION(0x00000080),

    /** {@code LINECALLREASON_TRANSFER} ({@code 0x00000100}): transferred from another address. */
    TRANSFER(0x00000100),

    /**
     * {@code LINECALLREASON_REMINDER} ({@code 0x00000200}): a reminder (recall) of a call left
     * on hold or parked.
     */
    REMINDER(0x00000200),

    /**
     * {@code LINECALLREASON_UNKNOWN} ({@code 0x00000400}): the reason is not known (also used
     * by this library for values it does not know).
     */
    UNKNOWN(0x00000400),

    /** {@code LINECALLREASON_UNAVAIL} ({@code 0x00000800}): the reason is unavailable. */
    UNAVAIL(0x00000800),

    /**
     * {@code LINECALLREASON_INTRUDE} ({@code 0x00001000}): a call that intruded onto this
     * address.
     */
    INTRUDE(0x00001000),

    /** {@code LINECALLREASON_PARKED} ({@code 0x00002000}): a call parked at this address. */
    PARKED(0x00002000),

    /** {@code LINECALLREASON_CAMPEDON} ({@code 0x00004000}): a call camped on this address. */
    CAMPEDON(0x00004000),

    /** {@code LINECALLREASON_ROUTEREQUEST} ({@code 0x00008000}): a route request. */
    ROUTEREQUEST(0x00008000);

    private final int bits;

    CallReason(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINECALLREASON_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constant whose value is {@code bits}.
     *
     * @param bits exactly one {@code LINECALLREASON_} bit
     * @return the constant
     * @throws IllegalArgumentException if {@code bits} is not the value of one constant
     */
    public static CallReason of(int bits) {
        CallReason c = find(bits);
        if (c == null) {
            throw new IllegalArgumentException(
                    String.format("Not a LINECALLREASON_ value: 0x%08X", bits));
        }
        return c;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINECALLREASON_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<CallReason> setOf(int mask) {
        EnumSet<CallReason> set = EnumSet.noneOf(CallReason.class);
        for (CallReason c : values()) {
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
    public static int maskOf(Set<CallReason> set) {
        int mask = 0;
        for (CallReason c : set) {
            mask |= c.bits;
        }
        return mask;
    }

    /** Lenient decoding of a value reported by a provider: UNKNOWN if unknown. */
    static CallReason decode(int bits) {
        CallReason c = find(bits);
        return c != null ? c : UNKNOWN;
    }

    private static CallReason find(int bits) {
        for (CallReason c : values()) {
            if (c.bits == bits) {
                return c;
            }
        }
        return null;
    }
}
