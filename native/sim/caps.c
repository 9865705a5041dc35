/*
 * Capabilities and the variable-size structure protocol: lineGetDevCapsW, lineGetAddressCapsW.
 */
#include "sim_internal.h"

#include <string.h>

/* Line states the simulator reports (LINEDEVCAPS.dwLineStates). */
const DWORD sim_line_states = LINEDEVSTATE_RINGING | LINEDEVSTATE_MSGWAITON | LINEDEVSTATE_MSGWAITOFF
                            | LINEDEVSTATE_OPEN | LINEDEVSTATE_CLOSE | LINEDEVSTATE_REINIT
                            | LINEDEVSTATE_NUMCOMPLETIONS | LINEDEVSTATE_COMPLCANCEL;

/* The status-message bits each API version defines, as tapi.h marks them: 1.3 has
 * LINEDEVSTATE_OTHER..LOCK and LINEADDRESSSTATE_OTHER..TERMINALS; 1.4 adds LINEDEVSTATE_
 * CAPSCHANGE, CONFIGCHANGE, TRANSLATECHANGE, COMPLCANCEL and REMOVED and
 * LINEADDRESSSTATE_CAPSCHANGE; 2.0 to 3.1 add none. lineSetStatusMessages refuses only bits
 * outside these (as tapisrv does); a defined bit the device never generates is accepted and
 * produces no message (TSPI_lineSetStatusMessages remarks,
 * https://learn.microsoft.com/windows/win32/api/tspi/nf-tspi-tspi_linesetstatusmessages). */
static const struct {
    DWORD since, lineStates, addressStates;
} k_status_bits[] = {
    { 0x00010003u,
      LINEDEVSTATE_OTHER | LINEDEVSTATE_RINGING | LINEDEVSTATE_CONNECTED | LINEDEVSTATE_DISCONNECTED
      | LINEDEVSTATE_MSGWAITON | LINEDEVSTATE_MSGWAITOFF | LINEDEVSTATE_INSERVICE
      | LINEDEVSTATE_OUTOFSERVICE | LINEDEVSTATE_MAINTENANCE | LINEDEVSTATE_OPEN | LINEDEVSTATE_CLOSE
      | LINEDEVSTATE_NUMCALLS | LINEDEVSTATE_NUMCOMPLETIONS | LINEDEVSTATE_TERMINALS
      | LINEDEVSTATE_ROAMMODE | LINEDEVSTATE_BATTERY | LINEDEVSTATE_SIGNAL | LINEDEVSTATE_DEVSPECIFIC
      | LINEDEVSTATE_REINIT | LINEDEVSTATE_LOCK,
      LINEADDRESSSTATE_OTHER | LINEADDRESSSTATE_DEVSPECIFIC | LINEADDRESSSTATE_INUSEZERO
      | LINEADDRESSSTATE_INUSEONE | LINEADDRESSSTATE_INUSEMANY | LINEADDRESSSTATE_NUMCALLS
      | LINEADDRESSSTATE_FORWARD | LINEADDRESSSTATE_TERMINALS },
    { 0x00010004u,
      LINEDEVSTATE_CAPSCHANGE | LINEDEVSTATE_CONFIGCHANGE | LINEDEVSTATE_TRANSLATECHANGE
      | LINEDEVSTATE_COMPLCANCEL | LINEDEVSTATE_REMOVED,
      LINEADDRESSSTATE_CAPSCHANGE },
};

DWORD sim_defined_line_states(DWORD version)
{
    DWORD bits = 0;
    for (size_t i = 0; i < sizeof k_status_bits / sizeof *k_status_bits; i++)
        if (version >= k_status_bits[i].since)
            bits |= k_status_bits[i].lineStates;
    return bits;
}

DWORD sim_defined_address_states(DWORD version)
{
    DWORD bits = 0;
    for (size_t i = 0; i < sizeof k_status_bits / sizeof *k_status_bits; i++)
        if (version >= k_status_bits[i].since)
            bits |= k_status_bits[i].addressStates;
    return bits;
}

DWORD sim_fixed_size(enum sim_struct which, DWORD v)
{
    switch (which) {
    case SIM_DEVCAPS:
        if (v < 0x00010004u) return offsetof(LINEDEVCAPS, dwLineFeatures);
        if (v < 0x00020000u) return offsetof(LINEDEVCAPS, dwSettableDevStatus);
        if (v < 0x00020002u) return offsetof(LINEDEVCAPS, PermanentLineGuid);
        if (v < 0x00030000u) return offsetof(LINEDEVCAPS, dwAddressTypes);
        return sizeof(LINEDEVCAPS);
    case SIM_ADDRESSCAPS:
        if (v < 0x00010004u) return offsetof(LINEADDRESSCAPS, dwAddressFeatures);
        if (v < 0x00020000u) return offsetof(LINEADDRESSCAPS, dwPredictiveAutoTransferStates);
        return sizeof(LINEADDRESSCAPS);
    case SIM_CALLINFO:
        if (v < 0x00020000u) return offsetof(LINECALLINFO, dwCallTreatment);
        if (v < 0x00030000u) return offsetof(LINECALLINFO, dwCallerIDAddressType);
        return sizeof(LINECALLINFO);
    case SIM_CALLSTATUS:
        return v < 0x00020000u ? offsetof(LINECALLSTATUS, dwCallFeatures2) : sizeof(LINECALLSTATUS);
    case SIM_DEVSTATUS:
        return v < 0x00020000u ? offsetof(LINEDEVSTATUS, dwAvailableMediaModes) : sizeof(LINEDEVSTATUS);
    case SIM_CALLPARAMS:
        if (v < 0x00020000u) return offsetof(LINECALLPARAMS, dwPredictiveAutoTransferStates);
        if (v < 0x00030000u) return offsetof(LINECALLPARAMS, dwAddressType);
        return sizeof(LINECALLPARAMS);
    case SIM_ADDRESSSTATUS:
        return sizeof(LINEADDRESSSTATUS); /* unchanged since TAPI 1.0 */
    }
    return 0;
}

/* ---- variable-size structures ----------------------------------------------------------- */

LONG sim_var_begin(sim_var *v, void *buf, enum sim_struct which, DWORD version)
{
    v->base = buf;
    v->fixed = sim_fixed_size(which, version);
    memcpy(&v->total, buf, sizeof v->total); /* dwTotalSize */
    if (v->total < v->fixed)
        return LINEERR_STRUCTURETOOSMALL;
    v->used = v->needed = v->fixed;
    return 0;
}

DWORD sim_var_put(sim_var *v, const void *data, DWORD size)
{
    v->needed += size;
    if (size == 0 || v->used + size > v->total)
        return 0; /* never truncated: omitted, Size and Offset both 0 */
    DWORD off = v->used;
    memcpy(v->base + off, data, size);
    v->used += size;
    return off;
}

DWORD sim_var_wstr(sim_var *v, const char *s, DWORD *size)
{
    WCHAR w[128];
    size_t n = strlen(s);
    if (n >= sizeof w / sizeof *w)
        n = sizeof w / sizeof *w - 1;
    for (size_t i = 0; i < n; i++)
        w[i] = (WCHAR)(unsigned char)s[i];
    w[n] = 0;
    DWORD bytes = (DWORD)((n + 1) * sizeof(WCHAR));
    DWORD off = sim_var_put(v, w, bytes);
    *size = off ? bytes : 0;
    return off;
}

void sim_var_end(sim_var *v, const void *full)
{
    /* dwTotalSize (first DWORD) stays the caller's; everything else of the fixed part is ours. */
    memcpy(v->base + 4, (const unsigned char *)full + 4, v->fixed - 4);
    DWORD sizes[2] = { v->needed, v->used };
    memcpy(v->base + 4, sizes, sizeof sizes);
}

/* Shared checks of the two caps functions, in the order tapi32 and tapisrv make them. */
static LONG caps_prolog(HLINEAPP hLineApp, DWORD dev, DWORD ver, DWORD extVer, void *buf)
{
    if (!sim_struct_writable(buf))
        return LINEERR_INVALPOINTER;
    if (g_sim.numApps == 0)
        return LINEERR_UNINITIALIZED;
    if (sim_find(hLineApp, SIM_APP) == NULL)
        return LINEERR_INVALAPPHANDLE;
    if (dev >= g_sim.numDevices)
        return LINEERR_BADDEVICEID;
    if (!sim_version_ok(ver))
        return LINEERR_INCOMPATIBLEAPIVERSION;
    if (extVer != 0)
        return LINEERR_INCOMPATIBLEEXTVERSION;
    return 0;
}

/* ---- lineGetDevCapsW -------------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineGetDevCapsW(HLINEAPP hLineApp, DWORD dwDeviceID, DWORD dwAPIVersion,
                                       DWORD dwExtVersion, LPLINEDEVCAPS lpLineDevCaps)
{
    sim_lock();
    LONG r = caps_prolog(hLineApp, dwDeviceID, dwAPIVersion, dwExtVersion, lpLineDevCaps);
    sim_var v;
    if (r == 0)
        r = sim_var_begin(&v, lpLineDevCaps, SIM_DEVCAPS, dwAPIVersion);
    if (r == 0)
        r = sim_take_fault("lineGetDevCaps");
    if (r == 0) {
        const sim_device *dev = &g_sim.devices[dwDeviceID];
        LINEDEVCAPS c;
        memset(&c, 0, sizeof c);
        DWORD size;
        DWORD off = sim_var_wstr(&v, "tapibridge simulated switch", &size);
        c.dwProviderInfoSize = size;
        c.dwProviderInfoOffset = off;
        off = sim_var_wstr(&v, "tapisim", &size);
        c.dwSwitchInfoSize = size;
        c.dwSwitchInfoOffset = off;
        c.dwPermanentLineID = 0x100u + dev->id;
        off = sim_var_wstr(&v, dev->name, &size);
        c.dwLineNameSize = size;
        c.dwLineNameOffset = off;
        c.dwStringFormat = STRINGFORMAT_UNICODE;
        c.dwAddressModes = LINEADDRESSMODE_ADDRESSID;
        c.dwNumAddresses = dev->numAddresses;
        c.dwBearerModes = SIM_BEARER_MODES;
        c.dwMaxRate = SIM_MAX_RATE;
        c.dwMediaModes = SIM_MEDIA_MODES;
        c.dwUUIMakeCallSize = SIM_UUI_MAKECALL_SIZE;
        /* Dialing takes no time in the simulator; LINECALLPARAMS DialParams are clamped to
         * this range (no error), 0 meaning the default. */
        static const LINEDIALPARAMS minDial = { 100, 50, 50, 1000 }, maxDial = { 10000, 255, 255, 60000 },
                                    defDial = { 2000, 95, 95, 60000 };
        c.MinDialParams = minDial;
        c.MaxDialParams = maxDial;
        c.DefaultDialParams = defDial;
        /* The dial modifiers W, @ and $ that the line honours (dial.c). */
        c.dwDevCapFlags = LINEDEVCAPFLAGS_CLOSEDROP | dev->dialCaps;
        c.dwMaxNumActiveCalls = SIM_MAX_CALLS_PER_ADDR;
        c.dwAnswerMode = LINEANSWERMODE_NONE;
        c.dwRingModes = 1;
        c.dwLineStates = sim_line_states & sim_defined_line_states(dwAPIVersion);
        c.dwLineFeatures = LINEFEATURE_MAKECALL;
        c.dwGenerateDigitModes = SIM_DIGIT_MODES_GENERATE; /* digits.c */
        c.dwMonitorDigitModes = SIM_DIGIT_MODES_MONITOR;
        if (dwAPIVersion >= 0x00020000u) {
            static const char classes[] = "tapi/line\0";
            off = sim_var_put(&v, classes, sizeof classes);
            c.dwDeviceClassesSize = off ? (DWORD)sizeof classes : 0;
            c.dwDeviceClassesOffset = off;
        }
        c.PermanentLineGuid.Data1 = 0x7A9B1000u + dev->id;
        c.PermanentLineGuid.Data2 = 0x5157;
        c.PermanentLineGuid.Data3 = 0x4d31;
        c.dwAddressTypes = LINEADDRESSTYPE_PHONENUMBER;
        sim_var_end(&v, &c);
    }
    r = sim_ret(r, "lineGetDevCapsW(0x%08" PRIXDW ", %" PRIuDW ", 0x%08" PRIXDW ", %" PRIuDW ")", hLineApp, dwDeviceID, dwAPIVersion,
                dwExtVersion);
    sim_unlock();
    return r;
}

/* ---- lineGetAddressCapsW ---------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineGetAddressCapsW(HLINEAPP hLineApp, DWORD dwDeviceID, DWORD dwAddressID,
                                           DWORD dwAPIVersion, DWORD dwExtVersion,
                                           LPLINEADDRESSCAPS lpAddressCaps)
{
    sim_lock();
    LONG r = caps_prolog(hLineApp, dwDeviceID, dwAPIVersion, dwExtVersion, lpAddressCaps);
    if (r == 0 && dwAddressID >= g_sim.devices[dwDeviceID].numAddresses)
        r = LINEERR_INVALADDRESSID;
    sim_var v;
    if (r == 0)
        r = sim_var_begin(&v, lpAddressCaps, SIM_ADDRESSCAPS, dwAPIVersion);
    if (r == 0)
        r = sim_take_fault("lineGetAddressCaps");
    if (r == 0) {
        const sim_address *dev = &g_sim.devices[dwDeviceID].addr[dwAddressID]; /* its caps */
        LINEADDRESSCAPS c;
        memset(&c, 0, sizeof c);
        c.dwLineDeviceID = dwDeviceID;
        DWORD size;
        DWORD off = sim_var_wstr(&v, dev->number, &size);
        c.dwAddressSize = size;
        c.dwAddressOffset = off;
        c.dwAddressSharing = LINEADDRESSSHARING_PRIVATE;
        c.dwCallInfoStates = LINECALLINFOSTATE_CALLID | LINECALLINFOSTATE_RELATEDCALLID
                           | LINECALLINFOSTATE_ORIGIN | LINECALLINFOSTATE_REASON
                           | LINECALLINFOSTATE_COMPLETIONID | LINECALLINFOSTATE_NUMOWNERINCR
                           | LINECALLINFOSTATE_NUMOWNERDECR | LINECALLINFOSTATE_NUMMONITORS
                           | LINECALLINFOSTATE_CALLERID | LINECALLINFOSTATE_CALLEDID
                           | LINECALLINFOSTATE_CONNECTEDID | LINECALLINFOSTATE_REDIRECTIONID
                           | LINECALLINFOSTATE_REDIRECTINGID;
        /* The called name is the ^Name of a dial string. */
        c.dwCalledIDFlags = LINECALLPARTYID_ADDRESS | LINECALLPARTYID_NAME | LINECALLPARTYID_UNKNOWN;
        c.dwCallerIDFlags = c.dwConnectedIDFlags /* outside callers may give a name, or hide */
                          = LINECALLPARTYID_ADDRESS | LINECALLPARTYID_NAME | LINECALLPARTYID_UNKNOWN
                          | LINECALLPARTYID_BLOCKED | LINECALLPARTYID_OUTOFAREA;
        /* A redirected or transferred call: who diverted it, and where to (with the ^Name of
         * the destination string). */
        c.dwRedirectingIDFlags = LINECALLPARTYID_ADDRESS | LINECALLPARTYID_UNKNOWN;
        c.dwRedirectionIDFlags = LINECALLPARTYID_ADDRESS | LINECALLPARTYID_NAME | LINECALLPARTYID_UNKNOWN;
        c.dwCallStates = SIM_CALL_STATES;
        c.dwDialToneModes = LINEDIALTONEMODE_NORMAL;
        c.dwBusyModes = LINEBUSYMODE_STATION;
        c.dwDisconnectModes = LINEDISCONNECTMODE_NORMAL | LINEDISCONNECTMODE_REJECT
                            | LINEDISCONNECTMODE_BUSY | LINEDISCONNECTMODE_NOANSWER;
        c.dwMaxNumActiveCalls = SIM_MAX_CALLS_PER_ADDR;
        int completion = dev->maxCompletions > 0 && dev->complModes != 0;
        /* Transfer and conference (transfer.c, conference.c): a held call can be transferred
         * without lineSetupTransfer, dropping a consultation call reconnects the held one,
         * dropping a conference drops its parties; 3 parties by lineCompleteTransfer, 4 in all. */
        c.dwAddrCapFlags = LINEADDRCAPFLAGS_DIALED | LINEADDRCAPFLAGS_PARTIALDIAL
                         | LINEADDRCAPFLAGS_TRANSFERHELD | LINEADDRCAPFLAGS_AUTORECONNECT
                         | LINEADDRCAPFLAGS_CONFDROP
                         | (completion ? LINEADDRCAPFLAGS_COMPLETIONID : 0);
        c.dwMaxNumOnHoldPendingCalls = SIM_MAX_CALLS_PER_ADDR / 2;
        c.dwMaxNumConference = SIM_MAX_CONF_PARTIES + 1;
        c.dwMaxNumTransConf = 3;
        c.dwTransferModes = LINETRANSFERMODE_TRANSFER | LINETRANSFERMODE_CONFERENCE;
        c.dwRemoveFromConfCaps = LINEREMOVEFROMCONF_ANY;
        c.dwRemoveFromConfState = LINECALLSTATE_ONHOLD;
        c.dwCallFeatures = LINECALLFEATURE_ANSWER | LINECALLFEATURE_DROP | LINECALLFEATURE_DIAL
                         | LINECALLFEATURE_HOLD | LINECALLFEATURE_UNHOLD | LINECALLFEATURE_SWAPHOLD
                         | LINECALLFEATURE_REDIRECT | LINECALLFEATURE_BLINDTRANSFER
                         | LINECALLFEATURE_GENERATEDIGITS | LINECALLFEATURE_MONITORDIGITS
                         | LINECALLFEATURE_SETUPTRANSFER | LINECALLFEATURE_COMPLETETRANSF
                         | LINECALLFEATURE_ADDTOCONF | LINECALLFEATURE_REMOVEFROMCONF
                         | (completion ? LINECALLFEATURE_COMPLETECALL : 0);
        if (completion) {
            c.dwCallFeatures2 = ((dev->complModes & LINECALLCOMPLMODE_CAMPON) ? LINECALLFEATURE2_COMPLCAMPON : 0)
                              | ((dev->complModes & LINECALLCOMPLMODE_CALLBACK) ? LINECALLFEATURE2_COMPLCALLBACK : 0)
                              | ((dev->complModes & LINECALLCOMPLMODE_INTRUDE) ? LINECALLFEATURE2_COMPLINTRUDE : 0)
                              | ((dev->complModes & LINECALLCOMPLMODE_MESSAGE) ? LINECALLFEATURE2_COMPLMESSAGE : 0);
        }
        c.dwMaxCallCompletions = dev->maxCompletions;
        c.dwCallCompletionConds = dev->complConds;
        c.dwCallCompletionModes = dev->complModes;
        c.dwNumCompletionMessages = dev->numMessages;
        /* Fixed-size entries, NUL-padded UTF-16, as long as the longest text. */
        DWORD longest = 0;
        for (DWORD i = 0; i < dev->numMessages; i++)
            if (strlen(dev->messages[i]) > longest)
                longest = (DWORD)strlen(dev->messages[i]);
        DWORD entry = (longest + 1) * (DWORD)sizeof(WCHAR);
        WCHAR packed[TAPISIM_MAX_COMPLETION_MESSAGES * (TAPISIM_NAME_MAX + 1)];
        memset(packed, 0, sizeof packed);
        for (DWORD i = 0; i < dev->numMessages; i++)
            for (DWORD j = 0; dev->messages[i][j]; j++)
                packed[i * (longest + 1) + j] = (WCHAR)dev->messages[i][j];
        off = sim_var_put(&v, packed, entry * dev->numMessages);
        c.dwCompletionMsgTextEntrySize = dev->numMessages ? entry : 0;
        c.dwCompletionMsgTextSize = off ? entry * dev->numMessages : 0;
        c.dwCompletionMsgTextOffset = off;
        c.dwAddressFeatures = LINEADDRFEATURE_MAKECALL | (completion ? LINEADDRFEATURE_UNCOMPLETECALL : 0);
        if (dwAPIVersion >= 0x00020000u) {
            static const char classes[] = "tapi/line\0";
            off = sim_var_put(&v, classes, sizeof classes);
            c.dwDeviceClassesSize = off ? (DWORD)sizeof classes : 0;
            c.dwDeviceClassesOffset = off;
        }
        c.dwConnectedModes = LINECONNECTEDMODE_ACTIVE;
        c.dwOfferingModes = LINEOFFERINGMODE_ACTIVE;
        c.dwAvailableMediaModes = SIM_MEDIA_MODES;
        c.dwMaxCallDataSize = SIM_MAX_CALL_DATA_SIZE;
        sim_var_end(&v, &c);
    }
    r = sim_ret(r, "lineGetAddressCapsW(0x%08" PRIXDW ", %" PRIuDW ", %" PRIuDW ", 0x%08" PRIXDW ", %" PRIuDW ")", hLineApp, dwDeviceID,
                dwAddressID, dwAPIVersion, dwExtVersion);
    sim_unlock();
    return r;
}
