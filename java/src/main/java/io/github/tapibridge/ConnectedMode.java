package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The mode of {@link CallState#CONNECTED} ({@code LINECONNECTEDMODE_} constants; TAPI 1.4: 0, no
 * mode, from older providers).
 *
 * <p>Constants are the TAPI names without their prefix: {@code ConnectedMode.ACTIVE} is
 * {@code LINECONNECTEDMODE_ACTIVE}. {@link #setOf(int)} ignores bits that have no constant here.
 *
 * @see CallStateMode
 * @see CallStatus#stateModeSet()
 * @see LineEvent.CallStateChanged#stateModeSet()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/lineconnectedmode--constants">
 *      LINECONNECTEDMODE_ constants (Microsoft)</a>
 */
public enum ConnectedMode implements CallStateMode {

    /** {@code LINECONNECTEDMODE_ACTIVE} ({@code 0x00000001}): connected, and active at this station. */
    ACTIVE(0x00000001),

    /**
     * {@code LINECONNECTEDMODE_INACTIVE} ({@code 0x00000002}): connected, but active at another station of a shared line.
     */
    INACTIVE(0x00000002),

    /** {@code LINECONNECTEDMODE_ACTIVEHELD} ({@code 0x00000004}): connected, held here. */
    ACTIVEHELD(0x00000004),

    /** {@code LINECONNECTEDMODE_INACTIVEHELD} ({@code 0x00000008}): connected, held at another station. */
    INACTIVEHELD(0x00000008),

    /**
     * {@code LINECONNECTEDMODE_CONFIRMED} ({@code 0x00000010}): the connection is confirmed by the network.
     */
    CONFIRMED(0x00000010);

    private final int bits;

    ConnectedMode(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINECONNECTEDMODE_} bit
     */
    @Override
    public int bits() {
        return bits;
    }

    /**
     * Returns the call state this is a mode of.
     *
     * @return {@link CallState#CONNECTED}
     */
    @Override
    public CallState state() {
        return CallState.CONNECTED;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINECONNECTEDMODE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<ConnectedMode> setOf(int mask) {
        EnumSet<ConnectedMode> set = EnumSet.noneOf(ConnectedMode.class);
        for (ConnectedMode c : values()) {
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
    public static int maskOf(Set<ConnectedMode> values) {
        int mask = 0;
        for (ConnectedMode c : values) {
            mask |= c.bits;
        }
        return mask;
    }
}
