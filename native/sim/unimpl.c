/*
 * Exports that the simulator does not implement. Each returns LINEERR_OPERATIONUNAVAIL (never a
 * silent success) and leaves a line in the trace. The ANSI forms are absent on purpose: the
 * simulator speaks UTF-16 only (the W entry points).
 */
#include "sim_internal.h"

#pragma GCC diagnostic ignored "-Wunused-parameter"

/* The Windows <tapi.h> maps these unsuffixed names to their A or W form. tapi32.dll exports
 * them under their own names too (the TAPI 1.x ANSI entry points), and so does the simulator. */
#undef lineBlindTransfer
#undef lineDial
#undef lineGenerateDigits
#undef lineGetAddressCaps
#undef lineGetAddressStatus
#undef lineGetCallInfo
#undef lineGetDevCaps
#undef lineGetLineDevStatus
#undef lineMakeCall
#undef lineOpen
#undef lineRedirect
#undef lineSetupTransfer

static LONG unavailable(const char *function)
{
    sim_lock();
    LONG r = sim_ret(LINEERR_OPERATIONUNAVAIL, "%s()", function);
    sim_unlock();
    return r;
}

#define UNAVAILABLE(name, params) \
    SIM_EXPORT LONG WINAPI name params { return unavailable(#name); }

/* ---- ANSI and TAPI 1.x forms ------------------------------------------------------------ */
UNAVAILABLE(lineInitialize, (LPHLINEAPP lphLineApp, HINSTANCE hInstance, LINECALLBACK lpfnCallback,
                             LPCSTR lpszAppName, LPDWORD lpdwNumDevs))
UNAVAILABLE(lineInitializeExA, (LPHLINEAPP lphLineApp, HINSTANCE hInstance, LINECALLBACK lpfnCallback,
                                LPCSTR lpszFriendlyAppName, LPDWORD lpdwNumDevs,
                                LPDWORD lpdwAPIVersion, LPLINEINITIALIZEEXPARAMS lpParams))
UNAVAILABLE(lineOpenA, (HLINEAPP hLineApp, DWORD dwDeviceID, LPHLINE lphLine, DWORD dwAPIVersion,
                        DWORD dwExtVersion, DWORD_PTR dwCallbackInstance, DWORD dwPrivileges,
                        DWORD dwMediaModes, LPLINECALLPARAMS const lpCallParams))
UNAVAILABLE(lineOpen, (HLINEAPP hLineApp, DWORD dwDeviceID, LPHLINE lphLine, DWORD dwAPIVersion,
                       DWORD dwExtVersion, DWORD_PTR dwCallbackInstance, DWORD dwPrivileges,
                       DWORD dwMediaModes, LPLINECALLPARAMS const lpCallParams))
UNAVAILABLE(lineMakeCallA, (HLINE hLine, LPHCALL lphCall, LPCSTR lpszDestAddress, DWORD dwCountryCode,
                            LPLINECALLPARAMS const lpCallParams))
UNAVAILABLE(lineMakeCall, (HLINE hLine, LPHCALL lphCall, LPCSTR lpszDestAddress, DWORD dwCountryCode,
                           LPLINECALLPARAMS const lpCallParams))
UNAVAILABLE(lineGetDevCapsA, (HLINEAPP hLineApp, DWORD dwDeviceID, DWORD dwAPIVersion,
                              DWORD dwExtVersion, LPLINEDEVCAPS lpLineDevCaps))
UNAVAILABLE(lineGetDevCaps, (HLINEAPP hLineApp, DWORD dwDeviceID, DWORD dwAPIVersion,
                             DWORD dwExtVersion, LPLINEDEVCAPS lpLineDevCaps))
UNAVAILABLE(lineGetAddressCapsA, (HLINEAPP hLineApp, DWORD dwDeviceID, DWORD dwAddressID,
                                  DWORD dwAPIVersion, DWORD dwExtVersion,
                                  LPLINEADDRESSCAPS lpAddressCaps))
UNAVAILABLE(lineGetAddressCaps, (HLINEAPP hLineApp, DWORD dwDeviceID, DWORD dwAddressID,
                                 DWORD dwAPIVersion, DWORD dwExtVersion,
                                 LPLINEADDRESSCAPS lpAddressCaps))
UNAVAILABLE(lineGetCallInfoA, (HCALL hCall, LPLINECALLINFO lpCallInfo))
UNAVAILABLE(lineGetCallInfo, (HCALL hCall, LPLINECALLINFO lpCallInfo))
UNAVAILABLE(lineGetLineDevStatusA, (HLINE hLine, LPLINEDEVSTATUS lpLineDevStatus))
UNAVAILABLE(lineGetLineDevStatus, (HLINE hLine, LPLINEDEVSTATUS lpLineDevStatus))

/* ---- call control the switch does not model --------------------------------------------- */
UNAVAILABLE(lineDialA, (HCALL hCall, LPCSTR lpszDestAddress, DWORD dwCountryCode))
UNAVAILABLE(lineDial, (HCALL hCall, LPCSTR lpszDestAddress, DWORD dwCountryCode))
UNAVAILABLE(lineRedirectA, (HCALL hCall, LPCSTR lpszDestAddress, DWORD dwCountryCode))
UNAVAILABLE(lineRedirect, (HCALL hCall, LPCSTR lpszDestAddress, DWORD dwCountryCode))
UNAVAILABLE(lineBlindTransferA, (HCALL hCall, LPCSTR lpszDestAddress, DWORD dwCountryCode))
UNAVAILABLE(lineBlindTransfer, (HCALL hCall, LPCSTR lpszDestAddress, DWORD dwCountryCode))
UNAVAILABLE(lineSetupTransferA, (HCALL hCall, LPHCALL lphConsultCall, LPLINECALLPARAMS const lpCallParams))
UNAVAILABLE(lineSetupTransfer, (HCALL hCall, LPHCALL lphConsultCall, LPLINECALLPARAMS const lpCallParams))
UNAVAILABLE(lineGenerateDigitsA, (HCALL hCall, DWORD dwDigitMode, LPCSTR lpszDigits, DWORD dwDuration))
UNAVAILABLE(lineGenerateDigits, (HCALL hCall, DWORD dwDigitMode, LPCSTR lpszDigits, DWORD dwDuration))
UNAVAILABLE(lineSetAppSpecific, (HCALL hCall, DWORD dwAppSpecific))
UNAVAILABLE(lineGetNewCalls, (HLINE hLine, DWORD dwAddressID, DWORD dwSelect, LPLINECALLLIST lpCallList))
UNAVAILABLE(lineGetAddressStatusA, (HLINE hLine, DWORD dwAddressID, LPLINEADDRESSSTATUS lpAddressStatus))
UNAVAILABLE(lineGetAddressStatus, (HLINE hLine, DWORD dwAddressID, LPLINEADDRESSSTATUS lpAddressStatus))
