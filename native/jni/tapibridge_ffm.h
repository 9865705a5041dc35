/*
 * The plain C API of libtapibridge for the FFM backend (Java's java.lang.foreign): the hot TAPI
 * functions of the bundled simulator called inside the bridge's C call guard (guard.h), so that
 * Java needs no guard, and no fence, of its own around them. No JNIEnv: the functions are
 * downcalls, and the library works when it is loaded by a symbol lookup alone (JNI_OnLoad never
 * runs); loading it with System.load as well is the same module.
 *
 * A handle comes from tapibridge_ffm_open and names one provider (a library loaded through the
 * bridge's provider loader, provider.h) until tapibridge_ffm_close. Each wrapper enters the guard
 * for the handle, calls the provider's function and leaves; a handle that names no open provider
 * (closed, or never opened) calls nothing. The wrappers return the TAPI function's LONG, or one
 * of the TAPIBRIDGE_FFM_ results below, which no TAPI function returns: LINEERR_ codes are
 * 0x8000xxxx, asynchronous functions return positive request IDs, and the TAPIERR_ codes of the
 * assisted-telephony functions are -1 to -18.
 */
#ifndef TAPIBRIDGE_FFM_H
#define TAPIBRIDGE_FFM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bump when a function here is added, removed or changes meaning (FfmDirect.ABI_VERSION). */
#define TAPIBRIDGE_FFM_ABI_VERSION 2

/* Results outside every TAPI result. */
#define TAPIBRIDGE_FFM_CLOSED ((int32_t)0xFFFF0001) /* the handle names no open provider */
#define TAPIBRIDGE_FFM_NOMEM  ((int32_t)0xFFFF0002) /* no memory (the thread's guard record) */
#define TAPIBRIDGE_FFM_BADARG ((int32_t)0xFFFF0003) /* an argument the bridge refuses itself */
#define TAPIBRIDGE_FFM_LOAD   ((int32_t)0xFFFF0004) /* open: the library did not load; err says why */
#define TAPIBRIDGE_FFM_FULL   ((int32_t)0xFFFF0005) /* open: every provider slot is taken */

#if defined(_WIN32) && defined(TAPIBRIDGE_FFM_BUILD)
#define TAPIBRIDGE_FFM_API __declspec(dllexport)
#elif defined(TAPIBRIDGE_FFM_BUILD)
#define TAPIBRIDGE_FFM_API __attribute__((visibility("default")))
#else
#define TAPIBRIDGE_FFM_API
#endif

/* TAPIBRIDGE_FFM_ABI_VERSION of the library. */
TAPIBRIDGE_FFM_API int32_t tapibridge_ffm_abi_version(void);

/*
 * Loads the provider library at path (length UTF-16 units, no terminator needed) and publishes
 * it: 0 and *handle set, or TAPIBRIDGE_FFM_BADARG (no path, an empty or over-long one, one with
 * U+0000), _NOMEM, _LOAD (err, errSize bytes, says why: not loadable or not a TAPI provider) or
 * _FULL. pinned 0 opens it unpinned (provider.h: the last close unloads it; for the private copy
 * behind an isolated switch), else it stays loaded for the life of the process.
 */
TAPIBRIDGE_FFM_API int32_t tapibridge_ffm_open(const uint16_t *path, int32_t length,
                                               int32_t pinned, int64_t *handle, char *err,
                                               int32_t errSize);

/*
 * Unpublishes the handle, waits for the calls running through it (a thread blocked in
 * lineGetMessage is waited for: wake it with lineShutdown first), then releases the provider:
 * 0, or TAPIBRIDGE_FFM_CLOSED. Must not run on a thread inside one of the wrappers.
 */
TAPIBRIDGE_FFM_API int32_t tapibridge_ffm_close(int64_t handle);

/* lineGetCallStatus(hCall, lpCallStatus) of the handle's provider. */
TAPIBRIDGE_FFM_API int32_t tapibridge_ffm_lineGetCallStatus(int64_t handle, uint32_t hCall,
                                                            void *lpCallStatus);

/* lineCompleteCall(hCall, lpdwCompletionID, dwCompletionMode, dwMessageID). */
TAPIBRIDGE_FFM_API int32_t tapibridge_ffm_lineCompleteCall(int64_t handle, uint32_t hCall,
                                                           void *lpdwCompletionID,
                                                           uint32_t dwCompletionMode,
                                                           uint32_t dwMessageID);

/* lineUncompleteCall(hLine, dwCompletionID). */
TAPIBRIDGE_FFM_API int32_t tapibridge_ffm_lineUncompleteCall(int64_t handle, uint32_t hLine,
                                                             uint32_t dwCompletionID);

/* lineGetMessage(hLineApp, lpMessage, dwTimeout); blocks up to dwTimeout milliseconds. */
TAPIBRIDGE_FFM_API int32_t tapibridge_ffm_lineGetMessage(int64_t handle, uint32_t hLineApp,
                                                         void *lpMessage, uint32_t dwTimeout);

/*
 * The event pump's drain, as the JNI bridge's: blocks once, as lineGetMessage(dwTimeout), then
 * takes what is already queued into the following LINEMESSAGEs of lpMessages, up to count in
 * all; with spinMicros > 0 and INFINITE it first spins on the simulator's activity word for up
 * to spinMicros in all (tb_get_messages). Returns how many it took (1 to count), the first
 * call's LINEERR_, or TAPIBRIDGE_FFM_BADARG if count is below 1 or spinMicros below 0.
 */
TAPIBRIDGE_FFM_API int32_t tapibridge_ffm_lineGetMessages(int64_t handle, uint32_t hLineApp,
                                                          void *lpMessages, int32_t count,
                                                          uint32_t dwTimeout, int32_t spinMicros);

#ifdef __cplusplus
}
#endif

#endif /* TAPIBRIDGE_FFM_H */
