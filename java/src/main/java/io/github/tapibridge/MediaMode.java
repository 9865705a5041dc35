package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A media mode of calls ({@code LINEMEDIAMODE_} constants). There is no value {@code 0x00000001}.
 *
 * <p>An application that opens a line as owner names the media modes of the incoming calls it wants
 * to own ({@link LineOptions#mediaModes()}); ordinary voice calls are {@link #INTERACTIVEVOICE}.
 *
 * @see LineOptions
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linemediamode--constants">
 *      LINEMEDIAMODE_ constants (Microsoft)</a>
 */
public enum MediaMode {

    /** {@code LINEMEDIAMODE_UNKNOWN} ({@code 0x00000002}): the media mode is not known. */
    UNKNOWN(0x00000002),

    /**
     * {@code LINEMEDIAMODE_INTERACTIVEVOICE} ({@code 0x00000004}): voice with a person on the
     * line.
     */
    INTERACTIVEVOICE(0x00000004),

    /**
     * {@code LINEMEDIAMODE_AUTOMATEDVOICE} ({@code 0x00000008}): voice played or recorded by a
     * machine.
     */
    AUTOMATEDVOICE(0x00000008),

    /** {@code LINEMEDIAMODE_DATAMODEM} ({@code 0x00000010}): a data modem. */
    DATAMODEM(0x00000010),

    /** {@code LINEMEDIAMODE_G3FAX} ({@code 0x00000020}): group 3 fax. */
    G3FAX(0x00000020),

    /** {@code LINEMEDIAMODE_TDD} ({@code 0x00000040}): a telephony device for the deaf. */
    TDD(0x00000040),

    /** {@code LINEMEDIAMODE_G4FAX} ({@code 0x00000080}): group 4 fax. */
    G4FAX(0x00000080),

    /** {@code LINEMEDIAMODE_DIGITALDATA} ({@code 0x00000100}): digital data. */
    DIGITALDATA(0x00000100),

    /** {@code LINEMEDIAMODE_TELETEX} ({@code 0x00000200}): teletex. */
    TELETEX(0x00000200),

    /** {@code LINEMEDIAMODE_VIDEOTEX} ({@code 0x00000400}): videotex. */
    VIDEOTEX(0x00000400),

    /** {@code LINEMEDIAMODE_TELEX} ({@code 0x00000800}): telex. */
    TELEX(0x00000800),

    /** {@code LINEMEDIAMODE_MIXED} ({@code 0x00001000}): ISDN mixed mode. */
    MIXED(0x00001000),

    /** {@code LINEMEDIAMODE_ADSI} ({@code 0x00002000}): analog display services interface. */
    ADSI(0x00002000),

    /** {@code LINEMEDIAMODE_VOICEVIEW} ({@code 0x00004000}): VoiceView. */
    VOICEVIEW(0x00004000),

    /** {@code LINEMEDIAMODE_VIDEO} ({@code 0x00008000}): video (TAPI 2.1 and later). */
    VIDEO(0x00008000);

    private final int bits;

    MediaMode(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINEMEDIAMODE_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constant whose value is {@code bits}.
     *
     * @param bits exactly one {@code LINEMEDIAMODE_} bit
     * @return the constant
     * @throws IllegalArgumentException if {@code bits} is not the value of one constant
     */
    public static MediaMode of(int bits) {
        MediaMode c = find(bits);
        if (c == null) {
            throw new IllegalArgumentException(
                    String.format("Not a LINEMEDIAMODE_ value: 0x%08X", bits));
        }
        return c;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINEMEDIAMODE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<MediaMode> setOf(int mask) {
        EnumSet<MediaMode> set = EnumSet.noneOf(MediaMode.class);
        for (MediaMode c : values()) {
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
    public static int maskOf(Set<MediaMode> set) {
        int mask = 0;
        for (MediaMode c : set) {
            mask |= c.bits;
        }
        return mask;
    }

    /** Lenient decoding of a value reported by a provider: UNKNOWN if unknown. */
    static MediaMode decode(int bits) {
        MediaMode c = find(bits);
        return c != null ? c : UNKNOWN;
    }

    private static MediaMode find(int bits) {
        for (MediaMode c : values()) {
            if (c.bits == bits) {
                return c;
            }
        }
        return null;
    }
}
