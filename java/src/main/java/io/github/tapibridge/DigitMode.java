package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How digits travel on a call ({@code LINEDIGITMODE_} constants): what
 * {@link Call#generateDigits(String, DigitMode, java.time.Duration)} sends, what
 * {@link Call#monitorDigits(Set)} detects, and how a {@link LineEvent.DigitReceived} digit was
 * detected.
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linedigitmode--constants">
 *      LINEDIGITMODE_ constants (Microsoft)</a>
 */
public enum DigitMode {

    /** {@code LINEDIGITMODE_PULSE} ({@code 0x00000001}): rotary pulses, digits 0-9 only. */
    PULSE(0x00000001),

    /** {@code LINEDIGITMODE_DTMF} ({@code 0x00000002}): tones; detected as a tone starts. */
    DTMF(0x00000002),

    /**
     * {@code LINEDIGITMODE_DTMFEND} ({@code 0x00000004}): for monitoring only, the end of a DTMF
     * tone. Not a generation mode.
     */
    DTMFEND(0x00000004);

    private final int bits;

    DigitMode(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINEDIGITMODE_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINEDIGITMODE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<DigitMode> setOf(int mask) {
        EnumSet<DigitMode> set = EnumSet.noneOf(DigitMode.class);
        for (DigitMode c : values()) {
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
    public static int maskOf(Set<DigitMode> set) {
        int mask = 0;
        for (DigitMode c : set) {
            mask |= c.bits;
        }
        return mask;
    }

    /** The one constant of {@code bits}, or null if it is not exactly one. */
    static DigitMode decode(int bits) {
        for (DigitMode c : values()) {
            if (c.bits == bits) {
                return c;
            }
        }
        return null;
    }
}
