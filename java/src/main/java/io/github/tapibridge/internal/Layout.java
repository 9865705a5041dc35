package io.github.tapibridge.internal;

/**
 * Byte offsets and sizes of the TAPI structures the library reads and writes, as declared in
 * {@code tapi.h} with {@code #pragma pack(1)}. Offsets of DWORD fields do not depend on
 * the pointer size; {@code LINEMESSAGE} and {@code LINEINITIALIZEEXPARAMS} do. {@code DriftTest}
 * recomputes every offset from the struct declarations in {@code native/include/tapi_abi.h}, and
 * {@code LayoutProbeTest} checks each against the simulator's layout probe (what the C compiler
 * laid out).
 */
public final class Layout {

    private Layout() {
    }

    /** Size of a native pointer ({@code DWORD_PTR}, {@code HANDLE}) in bytes: 8 or 4. */
    public static final int POINTER_SIZE = pointerSize();

    // ---- LINEMESSAGE ----------------------------------------------------------------------

    /** {@code sizeof(LINEMESSAGE)}: 40 on 64-bit, 24 on 32-bit. */
    public static final int LINEMESSAGE_SIZE = 8 + 4 * POINTER_SIZE;
    /** {@code LINEMESSAGE.hDevice}. */
    public static final int LINEMESSAGE_HDEVICE = 0;
    /** {@code LINEMESSAGE.dwMessageID}. */
    public static final int LINEMESSAGE_MESSAGEID = 4;
    /** {@code LINEMESSAGE.dwCallbackInstance}. */
    public static final int LINEMESSAGE_INSTANCE = 8;
    /** {@code LINEMESSAGE.dwParam1}. */
    public static final int LINEMESSAGE_PARAM1 = 8 + POINTER_SIZE;
    /** {@code LINEMESSAGE.dwParam2}. */
    public static final int LINEMESSAGE_PARAM2 = 8 + 2 * POINTER_SIZE;
    /** {@code LINEMESSAGE.dwParam3}. */
    public static final int LINEMESSAGE_PARAM3 = 8 + 3 * POINTER_SIZE;

    // ---- LINEINITIALIZEEXPARAMS -----------------------------------------------------------

    /** {@code sizeof(LINEINITIALIZEEXPARAMS)}: 28 on 64-bit (packed), 24 on 32-bit. */
    public static final int LINEINITIALIZEEXPARAMS_SIZE = 20 + POINTER_SIZE;
    /** {@code dwOptions}. */
    public static final int LINEINITIALIZEEXPARAMS_OPTIONS = 12;
    /** {@code Handles}: the {@code hEvent} of the event model, a pointer-sized handle. */
    public static final int LINEINITIALIZEEXPARAMS_HANDLES = 16;

    // ---- variable-size structures: common header ------------------------------------------

    /** {@code dwTotalSize}. */
    public static final int TOTAL_SIZE = 0;
    /** {@code dwNeededSize}. */
    public static final int NEEDED_SIZE = 4;
    /** {@code dwUsedSize}. */
    public static final int USED_SIZE = 8;

    // ---- LINEDEVCAPS (fixed part 236 / 240 / 252 / 268 / 292) -------------------------------

    /** {@code sizeof(LINEDEVCAPS)} of the current header. */
    public static final int LINEDEVCAPS_SIZE = 292;
    /** {@code dwProviderInfoSize}. */
    public static final int LINEDEVCAPS_PROVIDERINFO_SIZE = 12;
    /** {@code dwProviderInfoOffset}. */
    public static final int LINEDEVCAPS_PROVIDERINFO_OFFSET = 16;
    /** {@code dwSwitchInfoSize}. */
    public static final int LINEDEVCAPS_SWITCHINFO_SIZE = 20;
    /** {@code dwSwitchInfoOffset}. */
    public static final int LINEDEVCAPS_SWITCHINFO_OFFSET = 24;
    /** {@code dwPermanentLineID}. */
    public static final int LINEDEVCAPS_PERMANENTLINEID = 28;
    /** {@code dwLineNameSize}. */
    public static final int LINEDEVCAPS_LINENAME_SIZE = 32;
    /** {@code dwLineNameOffset}. */
    public static final int LINEDEVCAPS_LINENAME_OFFSET = 36;
    /** {@code dwStringFormat}. */
    public static final int LINEDEVCAPS_STRINGFORMAT = 40;
    /** {@code dwNumAddresses}. */
    public static final int LINEDEVCAPS_NUMADDRESSES = 48;
    /** {@code dwMediaModes}. */
    public static final int LINEDEVCAPS_MEDIAMODES = 60;
    /** {@code dwDevCapFlags}. */
    public static final int LINEDEVCAPS_DEVCAPFLAGS = 112;
    /** {@code dwMaxNumActiveCalls}. */
    public static final int LINEDEVCAPS_MAXNUMACTIVECALLS = 116;
    /** {@code dwLineStates}. */
    public static final int LINEDEVCAPS_LINESTATES = 128;
    /** {@code dwLineFeatures} (1.4). */
    public static final int LINEDEVCAPS_LINEFEATURES = 236;

    // ---- LINEADDRESSCAPS (fixed part 176 / 180 / 228) ---------------------------------------

    /** {@code sizeof(LINEADDRESSCAPS)} of the current header. */
    public static final int LINEADDRESSCAPS_SIZE = 228;
    /** {@code dwLineDeviceID}. */
    public static final int LINEADDRESSCAPS_LINEDEVICEID = 12;
    /** {@code dwAddressSize}. */
    public static final int LINEADDRESSCAPS_ADDRESS_SIZE = 16;
    /** {@code dwAddressOffset}. */
    public static final int LINEADDRESSCAPS_ADDRESS_OFFSET = 20;
    /** {@code dwCallStates}. */
    public static final int LINEADDRESSCAPS_CALLSTATES = 64;
    /** {@code dwMaxNumActiveCalls}. */
    public static final int LINEADDRESSCAPS_MAXNUMACTIVECALLS = 84;
    /** {@code dwAddrCapFlags}. */
    public static final int LINEADDRESSCAPS_ADDRCAPFLAGS = 104;
    /** {@code dwCallFeatures}. */
    public static final int LINEADDRESSCAPS_CALLFEATURES = 108;
    /** {@code dwMaxCallCompletions}. */
    public static final int LINEADDRESSCAPS_MAXCALLCOMPLETIONS = 148;
    /** {@code dwCallCompletionConds}. */
    public static final int LINEADDRESSCAPS_CALLCOMPLETIONCONDS = 152;
    /** {@code dwCallCompletionModes}. */
    public static final int LINEADDRESSCAPS_CALLCOMPLETIONMODES = 156;
    /** {@code dwNumCompletionMessages}. */
    public static final int LINEADDRESSCAPS_NUMCOMPLETIONMESSAGES = 160;
    /** {@code dwCompletionMsgTextEntrySize}. */
    public static final int LINEADDRESSCAPS_COMPLETIONMSGTEXTENTRYSIZE = 164;
    /** {@code dwCompletionMsgTextSize}. */
    public static final int LINEADDRESSCAPS_COMPLETIONMSGTEXT_SIZE = 168;
    /** {@code dwCompletionMsgTextOffset}. */
    public static final int LINEADDRESSCAPS_COMPLETIONMSGTEXT_OFFSET = 172;
    /** {@code dwAddressFeatures} (1.4). */
    public static final int LINEADDRESSCAPS_ADDRESSFEATURES = 176;
    /** {@code dwCallFeatures2} (2.0). */
    public static final int LINEADDRESSCAPS_CALLFEATURES2 = 208;

    // ---- LINECALLINFO (fixed part 296 / 324 / 344) ------------------------------------------

    /** {@code sizeof(LINECALLINFO)} of the current header. */
    public static final int LINECALLINFO_SIZE = 344;
    /** {@code hLine}. */
    public static final int LINECALLINFO_HLINE = 12;
    /** {@code dwLineDeviceID}. */
    public static final int LINECALLINFO_LINEDEVICEID = 16;
    /** {@code dwAddressID}. */
    public static final int LINECALLINFO_ADDRESSID = 20;
    /** {@code dwBearerMode}. */
    public static final int LINECALLINFO_BEARERMODE = 24;
    /** {@code dwMediaMode}. */
    public static final int LINECALLINFO_MEDIAMODE = 32;
    /** {@code dwCallID}. */
    public static final int LINECALLINFO_CALLID = 40;
    /** {@code dwRelatedCallID}. */
    public static final int LINECALLINFO_RELATEDCALLID = 44;
    /** {@code dwCallStates}. */
    public static final int LINECALLINFO_CALLSTATES = 52;
    /** {@code dwOrigin}. */
    public static final int LINECALLINFO_ORIGIN = 80;
    /** {@code dwReason}. */
    public static final int LINECALLINFO_REASON = 84;
    /** {@code dwCompletionID}. */
    public static final int LINECALLINFO_COMPLETIONID = 88;
    /** {@code dwNumOwners}. */
    public static final int LINECALLINFO_NUMOWNERS = 92;
    /** {@code dwNumMonitors}. */
    public static final int LINECALLINFO_NUMMONITORS = 96;
    /** {@code dwCallerIDFlags}; Size, Offset, NameSize, NameOffset follow. */
    public static final int LINECALLINFO_CALLERIDFLAGS = 108;
    /** {@code dwCalledIDFlags}; Size, Offset, NameSize, NameOffset follow. */
    public static final int LINECALLINFO_CALLEDIDFLAGS = 128;
    /** {@code dwConnectedIDFlags}; Size, Offset, NameSize, NameOffset follow. */
    public static final int LINECALLINFO_CONNECTEDIDFLAGS = 148;
    /** {@code dwRedirectionIDFlags}; Size, Offset, NameSize, NameOffset follow. */
    public static final int LINECALLINFO_REDIRECTIONIDFLAGS = 168;
    /** {@code dwRedirectingIDFlags}; Size, Offset, NameSize, NameOffset follow. */
    public static final int LINECALLINFO_REDIRECTINGIDFLAGS = 188;
    /** {@code dwAppNameSize}. */
    public static final int LINECALLINFO_APPNAME_SIZE = 208;
    /** {@code dwAppNameOffset}. */
    public static final int LINECALLINFO_APPNAME_OFFSET = 212;

    // ---- LINECALLSTATUS (fixed part 36 / 56) ------------------------------------------------

    /** {@code sizeof(LINECALLSTATUS)} of the current header. */
    public static final int LINECALLSTATUS_SIZE = 56;
    /** {@code dwCallState}. */
    public static final int LINECALLSTATUS_CALLSTATE = 12;
    /** {@code dwCallStateMode}. */
    public static final int LINECALLSTATUS_CALLSTATEMODE = 16;
    /** {@code dwCallPrivilege}. */
    public static final int LINECALLSTATUS_CALLPRIVILEGE = 20;
    /** {@code dwCallFeatures}. */
    public static final int LINECALLSTATUS_CALLFEATURES = 24;
    /** {@code dwCallFeatures2} (2.0). */
    public static final int LINECALLSTATUS_CALLFEATURES2 = 36;

    // ---- LINEDEVSTATUS (fixed part 76 / 88) -------------------------------------------------

    /** {@code sizeof(LINEDEVSTATUS)} of the current header. */
    public static final int LINEDEVSTATUS_SIZE = 88;
    /** {@code dwNumOpens}. */
    public static final int LINEDEVSTATUS_NUMOPENS = 12;
    /** {@code dwOpenMediaModes}. */
    public static final int LINEDEVSTATUS_OPENMEDIAMODES = 16;
    /** {@code dwNumActiveCalls}. */
    public static final int LINEDEVSTATUS_NUMACTIVECALLS = 20;
    /** {@code dwNumOnHoldCalls}. */
    public static final int LINEDEVSTATUS_NUMONHOLDCALLS = 24;
    /** {@code dwNumOnHoldPendCalls}. */
    public static final int LINEDEVSTATUS_NUMONHOLDPENDCALLS = 28;
    /** {@code dwLineFeatures}. */
    public static final int LINEDEVSTATUS_LINEFEATURES = 32;
    /** {@code dwNumCallCompletions}. */
    public static final int LINEDEVSTATUS_NUMCALLCOMPLETIONS = 36;
    /** {@code dwRingMode}. */
    public static final int LINEDEVSTATUS_RINGMODE = 40;
    /** {@code dwSignalLevel}. */
    public static final int LINEDEVSTATUS_SIGNALLEVEL = 44;
    /** {@code dwBatteryLevel}. */
    public static final int LINEDEVSTATUS_BATTERYLEVEL = 48;
    /** {@code dwRoamMode}. */
    public static final int LINEDEVSTATUS_ROAMMODE = 52;
    /** {@code dwDevStatusFlags}. */
    public static final int LINEDEVSTATUS_DEVSTATUSFLAGS = 56;
    /** {@code dwAvailableMediaModes} (2.0). */
    public static final int LINEDEVSTATUS_AVAILABLEMEDIAMODES = 76;

    // ---- LINEADDRESSSTATUS (fixed part 64 in every version) --------------------------------

    /** {@code sizeof(LINEADDRESSSTATUS)}. */
    public static final int LINEADDRESSSTATUS_SIZE = 64;
    /** {@code dwNumInUse}. */
    public static final int LINEADDRESSSTATUS_NUMINUSE = 12;
    /** {@code dwNumActiveCalls}. */
    public static final int LINEADDRESSSTATUS_NUMACTIVECALLS = 16;
    /** {@code dwNumOnHoldCalls}. */
    public static final int LINEADDRESSSTATUS_NUMONHOLDCALLS = 20;
    /** {@code dwNumOnHoldPendCalls}. */
    public static final int LINEADDRESSSTATUS_NUMONHOLDPENDCALLS = 24;
    /** {@code dwAddressFeatures}. */
    public static final int LINEADDRESSSTATUS_ADDRESSFEATURES = 28;
    /** {@code dwNumRingsNoAnswer}. */
    public static final int LINEADDRESSSTATUS_NUMRINGSNOANSWER = 32;

    private static int pointerSize() {
        String model = System.getProperty("sun.arch.data.model", "");
        if (model.equals("32")) {
            return 4;
        }
        if (model.equals("64")) {
            return 8;
        }
        return System.getProperty("os.arch", "").contains("64") ? 8 : 4;
    }
}
