package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The mode of {@link CallState#DISCONNECTED} ({@code LINEDISCONNECTMODE_} constants): why the call
 * was disconnected.
 *
 * <p>Constants are the TAPI names without their prefix: {@code DisconnectMode.NORMAL} is
 * {@code LINEDISCONNECTMODE_NORMAL}. {@link #setOf(int)} ignores bits that have no constant here.
 *
 * @see CallStateMode
 * @see CallStatus#stateModeSet()
 * @see LineEvent.CallStateChanged#stateModeSet()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linedisconnectmode--constants">
 *      LINEDISCONNECTMODE_ constants (Microsoft)</a>
 */
public enum DisconnectMode implements CallStateMode {

    /** {@code LINEDISCONNECTMODE_NORMAL} ({@code 0x00000001}): the remote party hung up. */
    NORMAL(0x00000001),

    /** {@code LINEDISCONNECTMODE_UNKNOWN} ({@code 0x00000002}): for a reason not known. */
    UNKNOWN(0x00000002),

    /** {@code LINEDISCONNECTMODE_REJECT} ({@code 0x00000004}): the remote party rejected the call. */
    REJECT(0x00000004),

    /** {@code LINEDISCONNECTMODE_PICKUP} ({@code 0x00000008}): the call was picked up elsewhere. */
    PICKUP(0x00000008),

    /** {@code LINEDISCONNECTMODE_FORWARDED} ({@code 0x00000010}): the call was forwarded. */
    FORWARDED(0x00000010),

    /** {@code LINEDISCONNECTMODE_BUSY} ({@code 0x00000020}): the remote station is busy. */
    BUSY(0x00000020),

    /** {@code LINEDISCONNECTMODE_NOANSWER} ({@code 0x00000040}): the remote party did not answer. */
    NOANSWER(0x00000040),

    /** {@code LINEDISCONNECTMODE_BADADDRESS} ({@code 0x00000080}): the number is not valid. */
    BADADDRESS(0x00000080),

    /** {@code LINEDISCONNECTMODE_UNREACHABLE} ({@code 0x00000100}): the remote party could not be reached. */
    UNREACHABLE(0x00000100),

    /** {@code LINEDISCONNECTMODE_CONGESTION} ({@code 0x00000200}): the network is congested. */
    CONGESTION(0x00000200),

    /**
     * {@code LINEDISCONNECTMODE_INCOMPATIBLE} ({@code 0x00000400}): the remote equipment is not compatible.
     */
    INCOMPATIBLE(0x00000400),

    /** {@code LINEDISCONNECTMODE_UNAVAIL} ({@code 0x00000800}): for a reason not available. */
    UNAVAIL(0x00000800),

    /** {@code LINEDISCONNECTMODE_NODIALTONE} ({@code 0x00001000}): no dial tone was detected. */
    NODIALTONE(0x00001000),

    /** {@code LINEDISCONNECTMODE_NUMBERCHANGED} ({@code 0x00002000}): the number has changed. */
    NUMBERCHANGED(0x00002000),

    /** {@code LINEDISCONNECTMODE_OUTOFORDER} ({@code 0x00004000}): the remote station is out of order. */
    OUTOFORDER(0x00004000),

    /** {@code LINEDISCONNECTMODE_TEMPFAILURE} ({@code 0x00008000}): a temporary failure of the network. */
    TEMPFAILURE(0x00008000),

    /**
     * {@code LINEDISCONNECTMODE_QOSUNAVAIL} ({@code 0x00010000}): the quality of service asked for is not available.
     */
    QOSUNAVAIL(0x00010000),

    /**
     * {@code LINEDISCONNECTMODE_BLOCKED} ({@code 0x00020000}): the remote party blocks calls from this caller.
     */
    BLOCKED(0x00020000),

    /**
     * {@code LINEDISCONNECTMODE_DONOTDISTURB} ({@code 0x00040000}): the remote party has do not disturb on.
     */
    DONOTDISTURB(0x00040000),

    /** {@code LINEDISCONNECTMODE_CANCELLED} ({@code 0x00080000}): the call was cancelled. */
    CANCELLED(0x00080000);

    private final int bits;

    DisconnectMode(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINEDISCONNECTMODE_} bit
     */
    @Override
    public int bits() {
        return bits;
    }

    /**
     * Returns the call state this is a mode of.
     *
     * @return {@link CallState#DISCONNECTED}
     */
    @Override
    public CallState state() {
        return CallState.DISCONNECTED;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINEDISCONNECTMODE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<DisconnectMode> setOf(int mask) {
        EnumSet<DisconnectMode> set = EnumSet.noneOf(DisconnectMode.class);
        for (DisconnectMode c : values()) {
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
    public static int maskOf(Set<DisconnectMode> values) {
        int mask = 0;
        for (DisconnectMode c : values) {
            mask |= c.bits;
        }
        return mask;
    }
}
