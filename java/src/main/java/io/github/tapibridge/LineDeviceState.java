package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A change of state of a line device ({@code LINEDEVSTATE_} constants): the
 * {@code LINE_LINEDEVSTATE} message, the status messages an application enables with
 * {@code lineSetStatusMessages}, and {@code LINEDEVCAPS.dwLineStates}.
 *
 * <p>Constants are the TAPI names without their prefix. Call completion uses two of them:
 * {@link #NUMCOMPLETIONS} (the number of outstanding completions changed) and {@link #COMPLCANCEL}
 * (the switch cancelled a completion). Both are off until enabled; {@link LineOptions} enables
 * them by default.
 *
 * @see LineEvent.LineDeviceStateChanged
 * @see LineOptions#statusMessages()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linedevstate--constants">
 *      LINEDEVSTATE_ constants (Microsoft)</a>
 */
public enum LineDeviceState {

    /** {@code LINEDEVSTATE_OTHER} ({@code 0x00000001}): a state not listed here changed. */
    OTHER(0x00000001),

    /** {@code LINEDEVSTATE_RINGING} ({@code 0x00000002}): the line is ringing. */
    RINGING(0x00000002),

    /** {@code LINEDEVSTATE_CONNECTED} ({@code 0x00000004}): the line is connected to TAPI. */
    CONNECTED(0x00000004),

    /**
     * {@code LINEDEVSTATE_DISCONNECTED} ({@code 0x00000008}): the line is disconnected from
     * TAPI.
     */
    DISCONNECTED(0x00000008),

    /**
     * {@code LINEDEVSTATE_MSGWAITON} ({@code 0x00000010}): the message-waiting indicator was
     * turned on.
     */
    MSGWAITON(0x00000010),

    /**
     * {@code LINEDEVSTATE_MSGWAITOFF} ({@code 0x00000020}): the message-waiting indicator was
     * turned off.
     */
    MSGWAITOFF(0x00000020),

    /** {@code LINEDEVSTATE_INSERVICE} ({@code 0x00000040}): the line is in service. */
    INSERVICE(0x00000040),

    /** {@code LINEDEVSTATE_OUTOFSERVICE} ({@code 0x00000080}): the line is out of service. */
    OUTOFSERVICE(0x00000080),

    /** {@code LINEDEVSTATE_MAINTENANCE} ({@code 0x00000100}): the line is in maintenance. */
    MAINTENANCE(0x00000100),

    /** {@code LINEDEVSTATE_OPEN} ({@code 0x00000200}): another application opened the line. */
    OPEN(0x00000200),

    /** {@code LINEDEVSTATE_CLOSE} ({@code 0x00000400}): another application closed the line. */
    CLOSE(0x00000400),

    /** {@code LINEDEVSTATE_NUMCALLS} ({@code 0x00000800}): the number of calls changed. */
    NUMCALLS(0x00000800),

    /**
     * {@code LINEDEVSTATE_NUMCOMPLETIONS} ({@code 0x00001000}): the number of outstanding call
     * completions changed.
     */
    NUMCOMPLETIONS(0x00001000),

    /** {@code LINEDEVSTATE_TERMINALS} ({@code 0x00002000}): the terminal settings changed. */
    TERMINALS(0x00002000),

    /** {@code LINEDEVSTATE_ROAMMODE} ({@code 0x00004000}): the roam mode changed. */
    ROAMMODE(0x00004000),

    /** {@code LINEDEVSTATE_BATTERY} ({@code 0x00008000}): the battery level changed. */
    BATTERY(0x00008000),

    /** {@code LINEDEVSTATE_SIGNAL} ({@code 0x00010000}): the signal level changed. */
    SIGNAL(0x00010000),

    /** {@code LINEDEVSTATE_DEVSPECIFIC} ({@code 0x00020000}): a device-specific state changed. */
    DEVSPECIFIC(0x00020000),

    /**
     * {@code LINEDEVSTATE_REINIT} ({@code 0x00040000}): TAPI must be reinitialized; always
     * delivered.
     */
    REINIT(0x00040000),

    /** {@code LINEDEVSTATE_LOCK} ({@code 0x00080000}): the lock state changed. */
    LOCK(0x00080000),

    /**
     * {@code LINEDEVSTATE_CAPSCHANGE} ({@code 0x00100000}): the capabilities changed (TAPI
     * 1.4).
     */
    CAPSCHANGE(0x00100000),

    /**
     * {@code LINEDEVSTATE_CONFIGCHANGE} ({@code 0x00200000}): the configuration changed (TAPI
     * 1.4).
     */
    CONFIGCHANGE(0x00200000),

    /**
     * {@code LINEDEVSTATE_TRANSLATECHANGE} ({@code 0x00400000}): the address translation
     * settings changed (TAPI 1.4).
     */
    TRANSLATECHANGE(0x00400000),

    /**
     * {@code LINEDEVSTATE_COMPLCANCEL} ({@code 0x00800000}): the switch cancelled a call
     * completion (TAPI 1.4).
     */
    COMPLCANCEL(0x00800000),

    /** {@code LINEDEVSTATE_REMOVED} ({@code 0x01000000}): the device was removed (TAPI 1.4). */
    REMOVED(0x01000000);

    private final int bits;

    LineDeviceState(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINEDEVSTATE_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constant whose value is {@code bits}.
     *
     * @param bits exactly one {@code LINEDEVSTATE_} bit
     * @return the constant
     * @throws IllegalArgumentException if {@code bits} is not the value of one constant
     */
    public static LineDeviceState of(int bits) {
        LineDeviceState c = find(bits);
        if (c == null) {
            throw new IllegalArgumentException(
                    String.format("Not a LINEDEVSTATE_ value: 0x%08X", bits));
        }
        return c;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINEDEVSTATE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<LineDeviceState> setOf(int mask) {
        EnumSet<LineDeviceState> set = EnumSet.noneOf(LineDeviceState.class);
        for (LineDeviceState c : values()) {
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
    public static int maskOf(Set<LineDeviceState> set) {
        int mask = 0;
        for (LineDeviceState c : set) {
            mask |= c.bits;
        }
        return mask;
    }

    /** Lenient decoding of a value reported by a provider: null if unknown. */
    static LineDeviceState decode(int bits) {
        LineDeviceState c = find(bits);
        return c != null ? c : null;
    }

    private static LineDeviceState find(int bits) {
        for (LineDeviceState c : values()) {
            if (c.bits == bits) {
                return c;
            }
        }
        return null;
    }
}
