/*
 * lineBlindTransferW: a single-step transfer of a CONNECTED call (LINECALLFEATURE_BLINDTRANSFER)
 * to a dialable address. The call leaves this station (IDLE; the handle stays valid until
 * lineDeallocateCall) and its other party is connected to the destination, which a local
 * address sees as an OFFERING call with LINECALLREASON_TRANSFER. redirect.c describes the
 * diversion, the party IDs and the checks; an outside party to an outside number is refused
 * with LINEERR_ADDRESSBLOCKED. No consultation call is made.
 */
#include "sim_internal.h"

/* ---- lineBlindTransferW ----------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineBlindTransferW(HCALL hCall, LPCWSTR lpszDestAddressW,
                                          DWORD dwCountryCode)
{
    return sim_divert_request("lineBlindTransfer", hCall, lpszDestAddressW, dwCountryCode,
                              LINECALLFEATURE_BLINDTRANSFER, LINECALLREASON_TRANSFER,
                              LINEERR_ADDRESSBLOCKED);
}
