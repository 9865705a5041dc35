package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The mode of {@link CallState#DIALTONE} ({@code LINEDIALTONEMODE_} constants): which dial tone.
 *
 * <p>Constants are the TAPI names without their prefix: {@code DialToneMode.NORMAL} is
 * {@code LINEDIALTONEMODE_NORMAL}. {@link #setOf(int)} ignores bits that have no constant here.
 *
 * @see CallStateMode
 * @see CallStatus#stateModeSet()
 * @see LineEvent.CallStateChanged#stateModeSet()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linedialtonemode--constants">
 *      LINEDIALTONEMODE_ constants (Microsoft)</a>
 */
public enum DialToneMode implements CallStateMode {

    /** {@code LINEDIALTONEMODE_NORMAL} ({@code 0x00000001}): a normal dial tone. */
    NORMAL(0x00000001),

    /**
     * {@code LINEDIALTONEMODE_SPECIAL} ({@code 0x00000002}): a special dial tone, for example for a message waiting.
     */
    SPECIAL(0x00000002),

    /** {@code LINEDIALTONEMODE_INTERNAL} ({@code 0x00000004}): an internal dial tone. */
    INTERNAL(0x00000004),

    /** {@code LINEDIALTONEMODE_EXTERNAL} ({@code 0x00000008}): an external (public network) dial tone. */
    EXTERNAL(0x00000008),

    /** {@code LINEDIALTONEMODE_UNKNOWN} ({@code 0x00000010}): a dial tone of a kind not known. */
    UNKNOWN(0x00000010),

    /** {@code LINEDIALTONEMODE_UNAVAIL} ({@code 0x00000020}): a dial tone of a kind not available. */
    UNAVAIL(0x00000020);

    private final int bits;

    DialToneMode(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINEDIALTONEMODE_} bit
     */
    @Override
    public int bits() {
        return bits;
    }

    /**
     * Returns the call state this is a mode of.
     *
     * @return {@link CallState#DIALTONE}
     */
    @Override
    public CallState state() {
        return CallState.DIALTONE;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINEDIALTONEMODE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<DialToneMode> setOf(int mask) {
        EnumSet<DialToneMode> set = EnumSet.noneOf(DialToneMode.class);
        for (DialToneMode c : values()) {
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
    public static int maskOf(Set<DialToneMode> values) {
        int mask = 0;
        for (DialToneMode c : values) {
            mask |= c.bits;
        }
        return mask;
    }
}
