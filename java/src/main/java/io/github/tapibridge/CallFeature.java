package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What can be done with a call now ({@code LINECALLFEATURE_} constants, {@code dwCallFeatures} of
 * {@code LINECALLSTATUS} and {@code LINEADDRESSCAPS}).
 *
 * <p>Constants are the TAPI names without their prefix: {@code CallFeature.ACCEPT} is
 * {@code LINECALLFEATURE_ACCEPT}. {@link #setOf(int)} ignores bits that have no constant here.
 *
 * @see CallStatus#callFeatureSet()
 * @see AddressCaps#callFeatureSet()
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/linecallfeature--constants">
 *      LINECALLFEATURE_ constants (Microsoft)</a>
 */
public enum CallFeature {

    /** {@code LINECALLFEATURE_ACCEPT} ({@code 0x00000001}): {@code lineAccept}: accept an offered call. */
    ACCEPT(0x00000001),

    /**
     * {@code LINECALLFEATURE_ADDTOCONF} ({@code 0x00000002}): {@code lineAddToConference}: add the call to a conference.
     */
    ADDTOCONF(0x00000002),

    /** {@code LINECALLFEATURE_ANSWER} ({@code 0x00000004}): {@code lineAnswer}: answer an offered call. */
    ANSWER(0x00000004),

    /**
     * {@code LINECALLFEATURE_BLINDTRANSFER} ({@code 0x00000008}): {@code lineBlindTransfer}: transfer without consultation.
     */
    BLINDTRANSFER(0x00000008),

    /**
     * {@code LINECALLFEATURE_COMPLETECALL} ({@code 0x00000010}): {@code lineCompleteCall}: request a call completion ({@link Call#completeCall(CallCompletionMode)}).
     */
    COMPLETECALL(0x00000010),

    /**
     * {@code LINECALLFEATURE_COMPLETETRANSF} ({@code 0x00000020}): {@code lineCompleteTransfer}: complete a consultation transfer.
     */
    COMPLETETRANSF(0x00000020),

    /** {@code LINECALLFEATURE_DIAL} ({@code 0x00000040}): {@code lineDial}: dial more digits. */
    DIAL(0x00000040),

    /** {@code LINECALLFEATURE_DROP} ({@code 0x00000080}): {@code lineDrop}: drop the call. */
    DROP(0x00000080),

    /**
     * {@code LINECALLFEATURE_GATHERDIGITS} ({@code 0x00000100}): {@code lineGatherDigits}: collect digits.
     */
    GATHERDIGITS(0x00000100),

    /**
     * {@code LINECALLFEATURE_GENERATEDIGITS} ({@code 0x00000200}): {@code lineGenerateDigits}: send digits.
     */
    GENERATEDIGITS(0x00000200),

    /** {@code LINECALLFEATURE_GENERATETONE} ({@code 0x00000400}): {@code lineGenerateTone}: send a tone. */
    GENERATETONE(0x00000400),

    /** {@code LINECALLFEATURE_HOLD} ({@code 0x00000800}): {@code lineHold}: put the call on hold. */
    HOLD(0x00000800),

    /**
     * {@code LINECALLFEATURE_MONITORDIGITS} ({@code 0x00001000}): {@code lineMonitorDigits}: watch for digits.
     */
    MONITORDIGITS(0x00001000),

    /**
     * {@code LINECALLFEATURE_MONITORMEDIA} ({@code 0x00002000}): {@code lineMonitorMedia}: watch for media modes.
     */
    MONITORMEDIA(0x00002000),

    /**
     * {@code LINECALLFEATURE_MONITORTONES} ({@code 0x00004000}): {@code lineMonitorTones}: watch for tones.
     */
    MONITORTONES(0x00004000),

    /** {@code LINECALLFEATURE_PARK} ({@code 0x00008000}): {@code linePark}: park the call. */
    PARK(0x00008000),

    /**
     * {@code LINECALLFEATURE_PREPAREADDCONF} ({@code 0x00010000}): {@code linePrepareAddToConference}: prepare to add a party.
     */
    PREPAREADDCONF(0x00010000),

    /**
     * {@code LINECALLFEATURE_REDIRECT} ({@code 0x00020000}): {@code lineRedirect}: deflect an offered call.
     */
    REDIRECT(0x00020000),

    /**
     * {@code LINECALLFEATURE_REMOVEFROMCONF} ({@code 0x00040000}): {@code lineRemoveFromConference}: remove the call from its conference.
     */
    REMOVEFROMCONF(0x00040000),

    /** {@code LINECALLFEATURE_SECURECALL} ({@code 0x00080000}): {@code lineSecureCall}: secure the call. */
    SECURECALL(0x00080000),

    /**
     * {@code LINECALLFEATURE_SENDUSERUSER} ({@code 0x00100000}): {@code lineSendUserUserInfo}: send user-user information.
     */
    SENDUSERUSER(0x00100000),

    /**
     * {@code LINECALLFEATURE_SETCALLPARAMS} ({@code 0x00200000}): {@code lineSetCallParams}: change the call parameters.
     */
    SETCALLPARAMS(0x00200000),

    /**
     * {@code LINECALLFEATURE_SETMEDIACONTROL} ({@code 0x00400000}): {@code lineSetMediaControl}: set media control.
     */
    SETMEDIACONTROL(0x00400000),

    /**
     * {@code LINECALLFEATURE_SETTERMINAL} ({@code 0x00800000}): {@code lineSetTerminal}: route the call to a terminal.
     */
    SETTERMINAL(0x00800000),

    /**
     * {@code LINECALLFEATURE_SETUPCONF} ({@code 0x01000000}): {@code lineSetupConference}: start a conference.
     */
    SETUPCONF(0x01000000),

    /**
     * {@code LINECALLFEATURE_SETUPTRANSFER} ({@code 0x02000000}): {@code lineSetupTransfer}: start a consultation transfer.
     */
    SETUPTRANSFER(0x02000000),

    /**
     * {@code LINECALLFEATURE_SWAPHOLD} ({@code 0x04000000}): {@code lineSwapHold}: swap the active and the held call.
     */
    SWAPHOLD(0x04000000),

    /** {@code LINECALLFEATURE_UNHOLD} ({@code 0x08000000}): {@code lineUnhold}: take the call off hold. */
    UNHOLD(0x08000000),

    /**
     * {@code LINECALLFEATURE_RELEASEUSERUSERINFO} ({@code 0x10000000}): {@code lineReleaseUserUserInfo}: release received user-user information.
     */
    RELEASEUSERUSERINFO(0x10000000),

    /**
     * {@code LINECALLFEATURE_SETTREATMENT} ({@code 0x20000000}): {@code lineSetCallTreatment}: set the call treatment.
     */
    SETTREATMENT(0x20000000),

    /**
     * {@code LINECALLFEATURE_SETQOS} ({@code 0x40000000}): {@code lineSetCallQualityOfService}: set the quality of service.
     */
    SETQOS(0x40000000),

    /**
     * {@code LINECALLFEATURE_SETCALLDATA} ({@code 0x80000000}): {@code lineSetCallData}: set the call data.
     */
    SETCALLDATA(0x80000000);

    private final int bits;

    CallFeature(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the value of this constant in {@code tapi.h}.
     *
     * @return the single {@code LINECALLFEATURE_} bit
     */
    public int bits() {
        return bits;
    }

    /**
     * Returns the constants whose bits are set in {@code mask}; other bits are ignored.
     *
     * @param mask a combination of {@code LINECALLFEATURE_} bits
     * @return an unmodifiable set, empty if none is set
     */
    public static Set<CallFeature> setOf(int mask) {
        EnumSet<CallFeature> set = EnumSet.noneOf(CallFeature.class);
        for (CallFeature c : values()) {
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
    public static int maskOf(Set<CallFeature> values) {
        int mask = 0;
        for (CallFeature c : values) {
            mask |= c.bits;
        }
        return mask;
    }
}
