package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What can be done with a line device now ({@code LINEFEATURE_} constants,
 * {@code LINEDEVSTATUS.dwLineFeatures}).
 *
 * <p>Constants are the TAPI names without their prefix: {@code LineFeature.DEVSPECIFIC} is
 * {@code LINEFEATURE_DEVSPECIFIC}. {@link #setOf(int)} ignores bits that have no constant here.
 *
 * @see LineStatus#lineFeatureSet()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linefeature--constants">
 *      LINEFEATURE_ constants (Microsoft)</a>
 */
public enum LineFeature {

    /**
     * {@code LINEFEATURE_DEVSPECIFIC} ({@code 0x00000001}): {@code lineDevSpecific}: device-specific requests.
     */
    DEVSPECIFIC(0x00000001),

    /**
     * {@code LINEFEATURE_DEVSPECIFICFEAT} ({@code 0x00000002}): {@code lineDevSpecificFeature}: device-specific features.
     */
    DEVSPECIFICFEAT(0x00000002),

    /** {@code LINEFEATURE_FORWARD} ({@code 0x00000004}): {@code lineForward}: forward the line. */
    FORWARD(0x00000004),

    /**
     * {@code LINEFEATURE_MAKECALL} ({@code 0x00000008}): {@code lineMakeCall}: place a call ({@link Line#makeCall(String)}).
     */
    MAKECALL(0x00000008),

    /**
     * {@code LINEFEATURE_SETMEDIACONTROL} ({@code 0x00000010}): {@code lineSetMediaControl}: set media control.
     */
    SETMEDIACONTROL(0x00000010),

    /**
     * {@code LINEFEATURE_SETTERMINAL} ({@code 0x00000020}): {@code lineSetTerminal}: route the line to a terminal.
     */
    SETTERMINAL(0x00000020),

    /**
     * {@code LINEFEATURE_SETDEVSTATUS} ({@code 0x00000040}): {@code lineSetLineDevStatus}: change the device status.
     */
    SETDEVSTATUS(0x00000040),

    /** {@code LINEFEATURE_FORWARDFWD} ({@code 0x00000080}): {@code lineForward}: unconditional forwarding. */
    FORWARDFWD(0x00000080),

    /** {@code LINEFEATURE_FORWARDDND} ({@code 0x00000100}): {@code lineForward}: do not disturb. */
    FORWARDDND(0x00000100);

    private final int bits;

    LineFeature(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINEFEATURE_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINEFEATURE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<LineFeature> setOf(int mask) {
        EnumSet<LineFeature> set = EnumSet.noneOf(LineFeature.class);
        for (LineFeature c : values()) {
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
    public static int maskOf(Set<LineFeature> values) {
        int mask = 0;
        for (LineFeature c : values) {
            mask |= c.bits;
        }
        return mask;
    }
}
