package io.github.tapibridge;

import static io.github.tapibridge.internal.Layout.*;

import io.github.tapibridge.internal.StructBuffer;
import io.github.tapibridge.internal.TapiConstants;

/**
 * Decoders from TAPI structure bytes to the public records. A structure has the fixed part of the
 * API version negotiated for its line: a field that a later version added is read only when the
 * version has it, since for an older version its offset lies in the variable part.
 */
final class Decode {

    private Decode() {
    }

    static LineDevice lineDevice(int id, TapiVersion version, StructBuffer s) {
        return new LineDevice(id,
                orEmpty(s.wstring(LINEDEVCAPS_LINENAME_SIZE, LINEDEVCAPS_LINENAME_OFFSET)),
                version,
                s.dword(LINEDEVCAPS_NUMADDRESSES),
                LineDeviceState.setOf(s.dword(LINEDEVCAPS_LINESTATES)),
                MediaMode.setOf(s.dword(LINEDEVCAPS_MEDIAMODES)),
                s.dword(LINEDEVCAPS_MAXNUMACTIVECALLS),
                orEmpty(s.wstring(LINEDEVCAPS_PROVIDERINFO_SIZE, LINEDEVCAPS_PROVIDERINFO_OFFSET)),
                orEmpty(s.wstring(LINEDEVCAPS_SWITCHINFO_SIZE, LINEDEVCAPS_SWITCHINFO_OFFSET)),
                s.dword(LINEDEVCAPS_PERMANENTLINEID));
    }

    static AddressCaps addressCaps(int deviceId, int addressId, TapiVersion version,
                                   StructBuffer s) {
        int flags = s.dword(LINEADDRESSCAPS_ADDRCAPFLAGS);
        return new AddressCaps(deviceId, addressId,
                orEmpty(s.wstring(LINEADDRESSCAPS_ADDRESS_SIZE, LINEADDRESSCAPS_ADDRESS_OFFSET)),
                s.dword(LINEADDRESSCAPS_MAXCALLCOMPLETIONS),
                CallCompletionMode.setOf(s.dword(LINEADDRESSCAPS_CALLCOMPLETIONMODES)),
                CompletionCondition.setOf(s.dword(LINEADDRESSCAPS_CALLCOMPLETIONCONDS)),
                s.wstringEntries(s.dword(LINEADDRESSCAPS_NUMCOMPLETIONMESSAGES),
                        s.dword(LINEADDRESSCAPS_COMPLETIONMSGTEXTENTRYSIZE),
                        s.dword(LINEADDRESSCAPS_COMPLETIONMSGTEXT_SIZE),
                        s.dword(LINEADDRESSCAPS_COMPLETIONMSGTEXT_OFFSET)),
                (flags & TapiConstants.LINEADDRCAPFLAGS_COMPLETIONID) != 0,
                CallState.setOf(s.dword(LINEADDRESSCAPS_CALLSTATES)),
                s.dword(LINEADDRESSCAPS_MAXNUMACTIVECALLS),
                flags,
                s.dword(LINEADDRESSCAPS_CALLFEATURES),
                since(version, TapiVersion.V2_0, s, LINEADDRESSCAPS_CALLFEATURES2),
                since(version, TapiVersion.V1_4, s, LINEADDRESSCAPS_ADDRESSFEATURES));
    }

    static LineStatus lineStatus(TapiVersion version, StructBuffer s) {
        return new LineStatus(s.dword(LINEDEVSTATUS_NUMOPENS),
                MediaMode.setOf(s.dword(LINEDEVSTATUS_OPENMEDIAMODES)),
                s.dword(LINEDEVSTATUS_NUMACTIVECALLS),
                s.dword(LINEDEVSTATUS_NUMONHOLDCALLS),
                s.dword(LINEDEVSTATUS_NUMONHOLDPENDCALLS),
                s.dword(LINEDEVSTATUS_LINEFEATURES),
                s.dword(LINEDEVSTATUS_NUMCALLCOMPLETIONS),
                s.dword(LINEDEVSTATUS_RINGMODE),
                s.dword(LINEDEVSTATUS_SIGNALLEVEL),
                s.dword(LINEDEVSTATUS_BATTERYLEVEL),
                s.dword(LINEDEVSTATUS_ROAMMODE),
                s.dword(LINEDEVSTATUS_DEVSTATUSFLAGS),
                MediaMode.setOf(
                        since(version, TapiVersion.V2_0, s, LINEDEVSTATUS_AVAILABLEMEDIAMODES)));
    }

    static AddressStatus addressStatus(int addressId, StructBuffer s) {
        return new AddressStatus(addressId,
                s.dword(LINEADDRESSSTATUS_NUMINUSE),
                s.dword(LINEADDRESSSTATUS_NUMACTIVECALLS),
                s.dword(LINEADDRESSSTATUS_NUMONHOLDCALLS),
                s.dword(LINEADDRESSSTATUS_NUMONHOLDPENDCALLS),
                s.dword(LINEADDRESSSTATUS_ADDRESSFEATURES),
                s.dword(LINEADDRESSSTATUS_NUMRINGSNOANSWER));
    }

    static CallStatus callStatus(TapiVersion version, StructBuffer s) {
        return new CallStatus(CallState.decode(s.dword(LINECALLSTATUS_CALLSTATE)),
                s.dword(LINECALLSTATUS_CALLSTATEMODE),
                CallPrivilege.decode(s.dword(LINECALLSTATUS_CALLPRIVILEGE)),
                s.dword(LINECALLSTATUS_CALLFEATURES),
                since(version, TapiVersion.V2_0, s, LINECALLSTATUS_CALLFEATURES2));
    }

    static CallInfo callInfo(StructBuffer s) {
        int caller = LINECALLINFO_CALLERIDFLAGS;
        int called = LINECALLINFO_CALLEDIDFLAGS;
        int connected = LINECALLINFO_CONNECTEDIDFLAGS;
        int redirection = LINECALLINFO_REDIRECTIONIDFLAGS;
        int redirecting = LINECALLINFO_REDIRECTINGIDFLAGS;
        return new CallInfo(s.dword(LINECALLINFO_LINEDEVICEID),
                s.dword(LINECALLINFO_ADDRESSID),
                s.dword(LINECALLINFO_CALLID),
                s.dword(LINECALLINFO_RELATEDCALLID),
                s.dword(LINECALLINFO_BEARERMODE),
                MediaMode.setOf(s.dword(LINECALLINFO_MEDIAMODE)),
                CallOrigin.decode(s.dword(LINECALLINFO_ORIGIN)),
                CallReason.decode(s.dword(LINECALLINFO_REASON)),
                s.dword(LINECALLINFO_COMPLETIONID),
                s.dword(LINECALLINFO_NUMOWNERS),
                s.dword(LINECALLINFO_NUMMONITORS),
                s.wstring(caller + 4, caller + 8), s.wstring(caller + 12, caller + 16),
                s.wstring(called + 4, called + 8), s.wstring(called + 12, called + 16),
                s.wstring(connected + 4, connected + 8), s.wstring(connected + 12, connected + 16),
                s.wstring(LINECALLINFO_APPNAME_SIZE, LINECALLINFO_APPNAME_OFFSET),
                PartyIdFlag.setOf(s.dword(caller)), PartyIdFlag.setOf(s.dword(called)),
                PartyIdFlag.setOf(s.dword(connected)),
                s.wstring(redirecting + 4, redirecting + 8), s.wstring(redirecting + 12, redirecting + 16),
                PartyIdFlag.setOf(s.dword(redirecting)),
                s.wstring(redirection + 4, redirection + 8), s.wstring(redirection + 12, redirection + 16),
                PartyIdFlag.setOf(s.dword(redirection)),
                CallState.setOf(s.dword(LINECALLINFO_CALLSTATES)));
    }

    /** A DWORD that API version {@code added} introduced: 0 for an older {@code version}. */
    private static int since(TapiVersion version, TapiVersion added, StructBuffer s, int offset) {
        return version.isAtLeast(added) ? s.dword(offset) : 0;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
