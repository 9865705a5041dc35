/*
 * Test fixtures for the provider loader of libtapibridge (not bundled): TAPI libraries that are
 * not the simulator. Every TAPI function returns LINEERR_OPERATIONUNAVAIL.
 *   FAKE_TAPISIM             also export the tapisim_ control functions, but not
 *                            tapisim_set_option (a simulator that predates it)
 *   FAKE_NO_UNCOMPLETECALL   leave out lineUncompleteCall (not a complete TAPI provider)
 *   FAKE_NO_CONFERENCE       also export the call control and the transfer and digits groups,
 *                            but not the transfer and conference group (a provider predating it)
 *   FAKE_NO_ADDRESS_STATUS   also export the call control, the transfer and digits and the
 *                            transfer and conference groups, but not lineGetAddressStatusW
 *   FAKE_PLANTED             also export tapifake_planted: the tapi32.dll that the JNI test host
 *                            plants in its working directory, which must never be loaded
 */
#include "tapisim.h"

#ifdef _WIN32
#define EXPORT __declspec(dllexport)
#else
#define EXPORT __attribute__((visibility("default")))
#endif
#define UNAVAIL return LINEERR_OPERATIONUNAVAIL;

#pragma GCC diagnostic ignored "-Wunused-parameter"

EXPORT LONG lineInitializeExW(LPHLINEAPP a, HINSTANCE b, LINECALLBACK c, LPCWSTR d, LPDWORD e,
                              LPDWORD f, LPLINEINITIALIZEEXPARAMS g) { UNAVAIL }
EXPORT LONG lineShutdown(HLINEAPP a) { UNAVAIL }
EXPORT LONG lineNegotiateAPIVersion(HLINEAPP a, DWORD b, DWORD c, DWORD d, LPDWORD e,
                                    LPLINEEXTENSIONID f) { UNAVAIL }
EXPORT LONG lineGetDevCapsW(HLINEAPP a, DWORD b, DWORD c, DWORD d, LPLINEDEVCAPS e) { UNAVAIL }
EXPORT LONG lineGetAddressCapsW(HLINEAPP a, DWORD b, DWORD c, DWORD d, DWORD e,
                                LPLINEADDRESSCAPS f) { UNAVAIL }
EXPORT LONG lineOpenW(HLINEAPP a, DWORD b, LPHLINE c, DWORD d, DWORD e, DWORD_PTR f, DWORD g,
                      DWORD h, LPLINECALLPARAMS const i) { UNAVAIL }
EXPORT LONG lineClose(HLINE a) { UNAVAIL }
EXPORT LONG lineSetStatusMessages(HLINE a, DWORD b, DWORD c) { UNAVAIL }
EXPORT LONG lineGetLineDevStatusW(HLINE a, LPLINEDEVSTATUS b) { UNAVAIL }
EXPORT LONG lineMakeCallW(HLINE a, LPHCALL b, LPCWSTR c, DWORD d, LPLINECALLPARAMS const e) { UNAVAIL }
EXPORT LONG lineAnswer(HCALL a, LPCSTR b, DWORD c) { UNAVAIL }
EXPORT LONG lineDrop(HCALL a, LPCSTR b, DWORD c) { UNAVAIL }
EXPORT LONG lineDeallocateCall(HCALL a) { UNAVAIL }
EXPORT LONG lineGetCallInfoW(HCALL a, LPLINECALLINFO b) { UNAVAIL }
EXPORT LONG lineGetCallStatus(HCALL a, LPLINECALLSTATUS b) { UNAVAIL }
EXPORT LONG lineGetMessage(HLINEAPP a, LPLINEMESSAGE b, DWORD c) { UNAVAIL }
EXPORT LONG lineCompleteCall(HCALL a, LPDWORD b, DWORD c, DWORD d) { UNAVAIL }
#ifndef FAKE_NO_UNCOMPLETECALL
EXPORT LONG lineUncompleteCall(HLINE a, DWORD b) { UNAVAIL }
#endif

#if defined(FAKE_NO_CONFERENCE) || defined(FAKE_NO_ADDRESS_STATUS)
EXPORT LONG lineDialW(HCALL a, LPCWSTR b, DWORD c) { UNAVAIL }
EXPORT LONG lineHold(HCALL a) { UNAVAIL }
EXPORT LONG lineUnhold(HCALL a) { UNAVAIL }
EXPORT LONG lineSwapHold(HCALL a, HCALL b) { UNAVAIL }
EXPORT LONG lineRedirectW(HCALL a, LPCWSTR b, DWORD c) { UNAVAIL }
EXPORT LONG lineBlindTransferW(HCALL a, LPCWSTR b, DWORD c) { UNAVAIL }
EXPORT LONG lineGenerateDigitsW(HCALL a, DWORD b, LPCWSTR c, DWORD d) { UNAVAIL }
EXPORT LONG lineMonitorDigits(HCALL a, DWORD b) { UNAVAIL }
#endif

#ifdef FAKE_NO_ADDRESS_STATUS
EXPORT LONG lineSetupTransferW(HCALL a, LPHCALL b, LPLINECALLPARAMS const c) { UNAVAIL }
EXPORT LONG lineCompleteTransfer(HCALL a, HCALL b, LPHCALL c, DWORD d) { UNAVAIL }
EXPORT LONG lineAddToConference(HCALL a, HCALL b) { UNAVAIL }
EXPORT LONG lineRemoveFromConference(HCALL a) { UNAVAIL }
#endif

#ifdef FAKE_TAPISIM
EXPORT LONG tapisim_reset(void) { return 0; }
EXPORT LONG tapisim_set_station(const char *number, DWORD state) { return 0; }
EXPORT LONG tapisim_advance(DWORD ms) { return 0; }
EXPORT DWORD tapisim_now(void) { return 42; }
EXPORT LONG tapisim_fail_next(const char *function, LONG lineerr) { return 0; }
EXPORT LONG tapisim_trace(char *buf, DWORD size, DWORD *needed) { UNAVAIL }
EXPORT LONG tapisim_trace_clear(void) { return 0; }
#endif

#ifdef FAKE_PLANTED
EXPORT int tapifake_planted(void) { return 1; }
#endif
