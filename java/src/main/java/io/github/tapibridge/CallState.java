package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The state of a call ({@code LINECALLSTATE_} constants), as reported by {@code LINE_CALLSTATE}
 * messages and {@code lineGetCallStatus}.
 *
 * <p>Constants are the TAPI names without their prefix: {@code CallState.BUSY} is
 * {@code LINECALLSTATE_BUSY}. A call completion can be requested in {@link #BUSY} (condition
 * {@link CompletionCondition#BUSY}) and {@link #RINGBACK} ({@link CompletionCondition#NOANSWER}).
 *
 * @see Call#state()
 * @see LineEvent.CallStateChanged
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linecallstate--constants">
 *      LINECALLSTATE_ constants (Microsoft)</a>
 */
public enum CallState {

    /**
     * {@code LINECALLSTATE_IDLE} ({@code 0x00000001}): no call exists; the handle should be
     * closed with {@link Call#close()}.
     */
    IDLE(0x00000001),

    /**
     * {@code LINECALLSTATE_OFFERING} ({@code 0x00000002}): a new incoming call is offered; it
     * can be answered or dropped.
     */
    OFFERING(0x00000002),

    /**
     * {@code LINECALLSTATE_ACCEPTED} ({@code 0x00000004}): the offered call was accepted by an
     * application.
     */
    ACCEPTED(0x00000004),

    /** {@code LINECALLSTATE_DIALTONE} ({@code 0x00000008}): the call receives dial tone. */
    DIALTONE(0x00000008),

    /** {@code LINECALLSTATE_DIALING} ({@code 0x00000010}): the destination is being dialled. */
    DIALING(0x00000010),

    /** {@code LINECALLSTATE_RINGBACK} ({@code 0x00000020}): the destination is ringing. */
    RINGBACK(0x00000020),

    /** {@code LINECALLSTATE_BUSY} ({@code 0x00000040}): the destination is busy. */
    BUSY(0x00000040),

    /**
     * {@code LINECALLSTATE_SPECIALINFO} ({@code 0x00000080}): special information is sent by
     * the network.
     */
    SPECIALINFO(0x00000080),

    /** {@code LINECALLSTATE_CONNECTED} ({@code 0x00000100}): the call is connected. */
    CONNECTED(0x00000100),

    /**
     * {@code LINECALLSTATE_PROCEEDING} ({@code 0x00000200}): dialling is complete and the call
     * is proceeding through the network.
     */
    PROCEEDING(0x00000200),

    /** {@code LINECALLSTATE_ONHOLD} ({@code 0x00000400}): the call is on hold. */
    ONHOLD(0x00000400),

    /**
     * {@code LINECALLSTATE_CONFERENCED} ({@code 0x00000800}): the call is a member of a
     * conference.
     */
    CONFERENCED(0x00000800),

    /**
     * {@code LINECALLSTATE_ONHOLDPENDCONF} ({@code 0x00001000}): the call is on hold pending a
     * conference.
     */
    ONHOLDPENDCONF(0x00001000),

    /**
     * {@code LINECALLSTATE_ONHOLDPENDTRANSFER} ({@code 0x00002000}): the call is on hold
     * pending a transfer.
     */
    ONHOLDPENDTRANSFER(0x00002000),

    /** {@code LINECALLSTATE_DISCONNECTED} ({@code 0x00004000}): the remote party disconnected. */
    DISCONNECTED(0x00004000),

    /**
     * {@code LINECALLSTATE_UNKNOWN} ({@code 0x00008000}): the state is not known (also used by
     * this library for values it does not know).
     */
    UNKNOWN(0x00008000);

    private final int bits;

    CallState(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINECALLSTATE_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constant whose value is {@code bits}.
     *
     * @param bits exactly one {@code LINECALLSTATE_} bit
     * @return the constant
     * @throws IllegalArgumentException if {@code bits} is not the value of one constant
     */
    public static CallState of(int bits) {
        CallState c = find(bits);
        if (c == null) {
            throw new IllegalArgumentException(
                    String.format("Not a LINECALLSTATE_ value: 0x%08X", bits));
        }
        return c;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINECALLSTATE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<CallState> setOf(int mask) {
        EnumSet<CallState> set = EnumSet.noneOf(CallState.class);
        for (CallState c : values()) {
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
    public static int maskOf(Set<CallState> set) {
        int mask = 0;
        for (CallState c : set) {
            mask |= c.bits;
        }
        return mask;
    }

    /** Lenient decoding of a value reported by a provider: UNKNOWN if unknown. */
    static CallState decode(int bits) {
        CallState c = find(bits);
        return c != null ? c : UNKNOWN;
    }

    private static CallState find(int bits) {
        for (CallState c : values()) {
            if (c.bits == bits) {
                return c;
            }
        }
        return null;
    }
}
