/*
 * LINECALLPARAMS: the checks every function that takes the structure makes (lineMakeCallW,
 * lineOpenW with LINEMAPPER), split as real TAPI splits them.
 *
 * tapisrv validates the structure itself before the provider sees it (its ValidateCallParams):
 * dwTotalSize against the fixed size of the negotiated version, bits that are not defined for
 * that version in dwBearerMode, dwMediaMode, dwCallParamFlags and dwAddressMode, more than one
 * bearer mode (or media mode, up to 2.1), dwPredictiveAutoTransferStates and dwAddressType, and
 * every dw*Size/dw*Offset pair. Its errors are function results. Everything that depends on
 * the device (a bearer mode, rate, media mode, address or size it does not offer) is the
 * provider's verdict, which tapisrv reports in LINE_REPLY for an asynchronous function.
 *
 * Where Microsoft's pages say nothing about a case the simulator does what tapisrv does, with
 * these choices of its own:
 * - a 1.x application gets the single-bearer-mode rule as well: tapisrv lets several bits
 *   through only when the provider too is older than 2.0, and the simulated provider is 3.1;
 * - DialParams outside LINEDEVCAPS MinDialParams..MaxDialParams are no error: the LINECALLPARAMS
 *   page says the nearest value in range is used;
 * - dwMinRate above the effective dwMaxRate (0 = LINEDEVCAPS.dwMaxRate) is INVALRATE; a range
 *   entirely above LINEDEVCAPS.dwMaxRate is RATEUNAVAIL; a range that reaches into the
 *   device's rates is accepted (the provider picks the highest rate it can in the range);
 * - CallData larger than LINEADDRESSCAPS.dwMaxCallDataSize is INVALPARAM, the error
 *   lineSetCallData gives for the same data;
 * - the defined dwCallParamFlags are accepted and have no effect, except IDLE: a line that has
 *   a call (or a busy station) has no dial tone, and the provider answers CALLUNAVAIL, as the
 *   TSPI_lineMakeCall page describes.
 */
#include "sim_internal.h"

#include <string.h>

#define V14 0x00010004u
#define V20 0x00020000u
#define V21 0x00020001u
#define V30 0x00030000u

/* LINEBEARERMODE_ values by version (1.3 already accepts PASSTHROUGH, as tapisrv does). */
static DWORD bearer_modes(DWORD v)
{
    return v < V20 ? 0x0000007Fu : 0x000000FFu;
}

static DWORD media_modes(DWORD v)
{
    if (v < V14)
        return 0x00003FFEu; /* UNKNOWN .. ADSI */
    return v < V20 ? 0x00007FFEu /* + VOICEVIEW */ : 0x0000FFFEu /* + VIDEO */;
}

static DWORD param_flags(DWORD v)
{
    return v < V20 ? 0x0000001Fu /* SECURE .. DESTOFFHOOK */ : 0x000000FFu /* .. ONESTEPTRANSFER */;
}

static int one_bit(DWORD x)
{
    return x != 0 && (x & (x - 1)) == 0;
}

/* A variable field must lie in the variable part: not in the fixed part, not past dwTotalSize. */
static int bad_field(DWORD total, DWORD fixed, DWORD size, DWORD offset)
{
    return size != 0 && (offset < fixed || offset > total || size > total - offset);
}

LONG sim_callparams_check(const LINECALLPARAMS *cp, DWORD v)
{
    DWORD total = cp->dwTotalSize, fixed = sim_fixed_size(SIM_CALLPARAMS, v);
    if (total < fixed)
        return LINEERR_STRUCTURETOOSMALL;
    if (cp->dwBearerMode != 0 && (!one_bit(cp->dwBearerMode) || (cp->dwBearerMode & ~bearer_modes(v))))
        return LINEERR_INVALBEARERMODE;
    /* The high byte of a media mode is left to the provider, as tapisrv does. */
    DWORD media = cp->dwMediaMode & 0x00FFFFFFu;
    if (cp->dwMediaMode != 0
        && ((media & ~media_modes(v))
            || (v <= V21 && !one_bit(cp->dwMediaMode) && !(cp->dwMediaMode & LINEMEDIAMODE_UNKNOWN))))
        return LINEERR_INVALMEDIAMODE;
    if (cp->dwCallParamFlags & ~param_flags(v))
        return LINEERR_INVALCALLPARAMS;
    if (cp->dwAddressMode > LINEADDRESSMODE_DIALABLEADDR) /* 0 means ADDRESSID */
        return LINEERR_INVALADDRESSMODE;
    if (bad_field(total, fixed, cp->dwOrigAddressSize, cp->dwOrigAddressOffset)
        || bad_field(total, fixed, cp->dwUserUserInfoSize, cp->dwUserUserInfoOffset)
        || bad_field(total, fixed, cp->dwHighLevelCompSize, cp->dwHighLevelCompOffset)
        || bad_field(total, fixed, cp->dwLowLevelCompSize, cp->dwLowLevelCompOffset)
        || bad_field(total, fixed, cp->dwDevSpecificSize, cp->dwDevSpecificOffset))
        return LINEERR_INVALCALLPARAMS;
    /* The three informational strings: tapisrv forgives a 1.x application a bad pair (the
     * field is then ignored), a 2.0 application gets INVALCALLPARAMS. */
    if (v >= V20
        && (bad_field(total, fixed, cp->dwDisplayableAddressSize, cp->dwDisplayableAddressOffset)
            || bad_field(total, fixed, cp->dwCalledPartySize, cp->dwCalledPartyOffset)
            || bad_field(total, fixed, cp->dwCommentSize, cp->dwCommentOffset)))
        return LINEERR_INVALCALLPARAMS;
    if (v < V20)
        return 0;
    if (cp->dwPredictiveAutoTransferStates & ~0x0000FFFFu) /* LINECALLSTATE_ IDLE .. UNKNOWN */
        return LINEERR_INVALCALLPARAMS;
    if (bad_field(total, fixed, cp->dwTargetAddressSize, cp->dwTargetAddressOffset)
        || bad_field(total, fixed, cp->dwSendingFlowspecSize, cp->dwSendingFlowspecOffset)
        || bad_field(total, fixed, cp->dwReceivingFlowspecSize, cp->dwReceivingFlowspecOffset)
        || bad_field(total, fixed, cp->dwDeviceClassSize, cp->dwDeviceClassOffset)
        || bad_field(total, fixed, cp->dwDeviceConfigSize, cp->dwDeviceConfigOffset)
        || bad_field(total, fixed, cp->dwCallDataSize, cp->dwCallDataOffset)
        || bad_field(total, fixed, cp->dwCallingPartyIDSize, cp->dwCallingPartyIDOffset))
        return LINEERR_INVALCALLPARAMS;
    if (v >= V30 && cp->dwAddressType != 0
        && (!one_bit(cp->dwAddressType) || (cp->dwAddressType & ~0x0000001Fu)))
        return LINEERR_INVALCALLPARAMS;
    return 0;
}

/* The UTF-16 originating address equals `number` (lineOpen with LINEMAPPER, DIALABLEADDR). */
static int orig_address_is(const LINECALLPARAMS *cp, const char *number)
{
    const unsigned char *p = (const unsigned char *)cp + cp->dwOrigAddressOffset;
    DWORD n = cp->dwOrigAddressSize / (DWORD)sizeof(WCHAR);
    size_t len = strlen(number);
    for (DWORD i = 0; i < n; i++) {
        WCHAR c;
        memcpy(&c, p + i * sizeof(WCHAR), sizeof c);
        if (c == 0)
            return i == len;
        if (i >= len || c != (WCHAR)(unsigned char)number[i])
            return 0;
    }
    return n == len;
}

LONG sim_callparams_provider(const LINECALLPARAMS *cp, DWORD v, const sim_device *dev, int forOpen)
{
    DWORD bearer = cp->dwBearerMode ? cp->dwBearerMode : LINEBEARERMODE_VOICE;
    if (!(bearer & SIM_BEARER_MODES))
        return LINEERR_BEARERMODEUNAVAIL;
    DWORD maxRate = cp->dwMaxRate ? cp->dwMaxRate : SIM_MAX_RATE;
    if (cp->dwMinRate > maxRate)
        return LINEERR_INVALRATE;
    if (cp->dwMinRate > SIM_MAX_RATE)
        return LINEERR_RATEUNAVAIL;
    DWORD media = cp->dwMediaMode;
    if (media != 0 && (!one_bit(media) || !(media & SIM_MEDIA_MODES)))
        return LINEERR_INVALMEDIAMODE;
    if (forOpen) {
        /* lineOpen looks at the fields up to dwAddressMode, and with DIALABLEADDR at the
         * originating address: the number of one of the addresses of the line wanted. */
        if (cp->dwAddressMode != LINEADDRESSMODE_DIALABLEADDR)
            return 0;
        for (DWORD a = 0; a < dev->numAddresses; a++)
            if (orig_address_is(cp, dev->addr[a].number))
                return 0;
        return LINEERR_INVALADDRESS;
    }
    if (cp->dwAddressMode == LINEADDRESSMODE_DIALABLEADDR)
        return LINEERR_INVALADDRESSMODE; /* LINEDEVCAPS.dwAddressModes is ADDRESSID only */
    if (cp->dwAddressID >= dev->numAddresses)
        return LINEERR_INVALADDRESSID;
    if (cp->dwUserUserInfoSize > SIM_UUI_MAKECALL_SIZE)
        return LINEERR_USERUSERINFOTOOBIG;
    if (v >= V20 && cp->dwCallDataSize > SIM_MAX_CALL_DATA_SIZE)
        return LINEERR_INVALPARAM;
    if ((cp->dwCallParamFlags & LINECALLPARAMFLAGS_IDLE) && sim_address_busy(dev, cp->dwAddressID))
        return LINEERR_CALLUNAVAIL;
    return 0;
}
