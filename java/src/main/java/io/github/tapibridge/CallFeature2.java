package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * More of what can be done with a call ({@code LINECALLFEATURE2_} constants, {@code dwCallFeatures2}
 * of {@code LINECALLSTATUS} and {@code LINEADDRESSCAPS}; TAPI 2.0, always empty below), in
 * particular which call completion modes are possible now.
 *
 * <p>Constants are the TAPI names without their prefix: {@code CallFeature2.NOHOLDCONFERENCE} is
 * {@code LINECALLFEATURE2_NOHOLDCONFERENCE}. {@link #setOf(int)} ignores bits that have no constant here.
 *
 * @see CallStatus#callFeature2Set()
 * @see AddressCaps#callFeature2Set()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linecallfeature2--constants">
 *      LINECALLFEATURE2_ constants (Microsoft)</a>
 */
public enum CallFeature2 {

    /**
     * {@code LINECALLFEATURE2_NOHOLDCONFERENCE} ({@code 0x00000001}): a conference can be set up without putting the call on hold.
     */
    NOHOLDCONFERENCE(0x00000001),

    /** {@code LINECALLFEATURE2_ONESTEPTRANSFER} ({@code 0x00000002}): a transfer can be made in one step. */
    ONESTEPTRANSFER(0x00000002),

    /**
     * {@code LINECALLFEATURE2_COMPLCAMPON} ({@code 0x00000004}): {@code lineCompleteCall} with {@link CallCompletionMode#CAMPON}.
     */
    COMPLCAMPON(0x00000004),

    /**
     * {@code LINECALLFEATURE2_COMPLCALLBACK} ({@code 0x00000008}): {@code lineCompleteCall} with {@link CallCompletionMode#CALLBACK}.
     */
    COMPLCALLBACK(0x00000008),

    /**
     * {@code LINECALLFEATURE2_COMPLINTRUDE} ({@code 0x00000010}): {@code lineCompleteCall} with {@link CallCompletionMode#INTRUDE}.
     */
    COMPLINTRUDE(0x00000010),

    /**
     * {@code LINECALLFEATURE2_COMPLMESSAGE} ({@code 0x00000020}): {@code lineCompleteCall} with {@link CallCompletionMode#MESSAGE}.
     */
    COMPLMESSAGE(0x00000020),

    /**
     * {@code LINECALLFEATURE2_TRANSFERNORM} ({@code 0x00000040}): a consultation transfer to a normal call.
     */
    TRANSFERNORM(0x00000040),

    /**
     * {@code LINECALLFEATURE2_TRANSFERCONF} ({@code 0x00000080}): a consultation transfer that becomes a conference.
     */
    TRANSFERCONF(0x00000080),

    /** {@code LINECALLFEATURE2_PARKDIRECT} ({@code 0x00000100}): park at a given address. */
    PARKDIRECT(0x00000100),

    /** {@code LINECALLFEATURE2_PARKNONDIRECT} ({@code 0x00000200}): park at an address the switch chooses. */
    PARKNONDIRECT(0x00000200);

    private final int bits;

    CallFeature2(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINECALLFEATURE2_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINECALLFEATURE2_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<CallFeature2> setOf(int mask) {
        EnumSet<CallFeature2> set = EnumSet.noneOf(CallFeature2.class);
        for (CallFeature2 c : values()) {
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
    public static int maskOf(Set<CallFeature2> values) {
        int mask = 0;
        for (CallFeature2 c : values) {
            mask |= c.bits;
        }
        return mask;
    }
}
