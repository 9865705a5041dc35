/*
 * The plain C API of tapibridge_ffm.h: providers opened and closed for the FFM backend, and the
 * wrappers of its hot calls, each inside the call guard as a JNI native is (guard.h).
 */
#define TAPIBRIDGE_FFM_BUILD 1
#include "tapibridge_ffm.h"

#include <stdio.h>
#include <stdlib.h>

#include "guard.h"
#include "jni_util.h" /* utf16_to_utf8 */
#include "provider.h"

_Static_assert(sizeof(LONG) == sizeof(int32_t), "LONG is 32 bits");
_Static_assert(sizeof(DWORD) == sizeof(uint32_t), "DWORD is 32 bits");

/* The bridge's own results are none of TAPI's: no LINEERR_ (0x8000xxxx), no request ID (> 0),
 * no TAPIERR_ (-1 to -18). */
#define TB_FFM_OUTSIDE_TAPI(v) ((v) < -18 && ((uint32_t)(v) & 0xFFFF0000u) != 0x80000000u)
_Static_assert(TB_FFM_OUTSIDE_TAPI(TAPIBRIDGE_FFM_CLOSED) && TB_FFM_OUTSIDE_TAPI(TAPIBRIDGE_FFM_NOMEM)
                   && TB_FFM_OUTSIDE_TAPI(TAPIBRIDGE_FFM_BADARG)
                   && TB_FFM_OUTSIDE_TAPI(TAPIBRIDGE_FFM_LOAD)
                   && TB_FFM_OUTSIDE_TAPI(TAPIBRIDGE_FFM_FULL),
               "a TAPIBRIDGE_FFM_ result that a TAPI function could return");

/* Longest provider path (the Windows extended-length limit), as for TapiJni.openProvider. */
#define TB_FFM_MAX_PATH 32767

/* Enters the guard for handle and declares p, or returns the result that says why not. */
#define DIRECT_ENTER(handle)                                                                    \
    tb_reader *r = tb_guard_reader();                                                           \
    if (r == NULL)                                                                              \
        return TAPIBRIDGE_FFM_NOMEM;                                                            \
    tb_provider *p = tb_guard_enter(r, (handle));                                               \
    if (p == NULL)                                                                              \
        return TAPIBRIDGE_FFM_CLOSED;

/* ---- library ------------------------------------------------------------------------------ */

/* The ABI version of this API. */
int32_t tapibridge_ffm_abi_version(void)
{
    return TAPIBRIDGE_FFM_ABI_VERSION;
}

/* Copies path into a NUL-terminated string for the loader, or NULL (misuse or no memory). */
static tb_path_char *loader_path(const uint16_t *path, int32_t length, int32_t *why)
{
    *why = TAPIBRIDGE_FFM_BADARG;
    if (path == NULL || length < 1 || length > TB_FFM_MAX_PATH)
        return NULL;
    for (int32_t i = 0; i < length; i++) {
        if (path[i] == 0)
            return NULL;
    }
    *why = TAPIBRIDGE_FFM_NOMEM;
#ifdef _WIN32
    WCHAR *w = malloc(((size_t)length + 1) * sizeof *w);
    if (w == NULL)
        return NULL;
    for (int32_t i = 0; i < length; i++)
        w[i] = (WCHAR)path[i];
    w[length] = 0;
    return w;
#else
    char *u = malloc(3 * (size_t)length + 1);
    if (u == NULL)
        return NULL;
    _Static_assert(sizeof(WCHAR) == sizeof(uint16_t), "WCHAR is a UTF-16 code unit");
    utf16_to_utf8((const WCHAR *)path, (size_t)length, u);
    return u;
#endif
}

/* Loads and publishes a provider (tb_guard_init first: JNI_OnLoad may never have run). */
int32_t tapibridge_ffm_open(const uint16_t *path, int32_t length, int32_t pinned,
                            int64_t *handle, char *err, int32_t errSize)
{
    char none[1];
    if (err == NULL || errSize < 1) {
        err = none;
        errSize = (int32_t)sizeof none;
    }
    err[0] = '\0';
    if (handle == NULL)
        return TAPIBRIDGE_FFM_BADARG;
    *handle = 0;
    tb_guard_init();
    int32_t why;
    tb_path_char *file = loader_path(path, length, &why);
    if (file == NULL)
        return why;
    tb_provider *p = NULL;
    int r = tb_provider_open(file, pinned ? TB_OPEN_PINNED : TB_OPEN_UNPINNED, &p, err,
                             (size_t)errSize);
    free(file);
    switch (r) {
    case TB_OK:
        break;
    case TB_ERR_NOMEM:
        return TAPIBRIDGE_FFM_NOMEM;
    default:
        return TAPIBRIDGE_FFM_LOAD;
    }
    *handle = tb_guard_publish(p);
    if (*handle == 0) {
        tb_provider_close(p);
        snprintf(err, (size_t)errSize, "%d TAPI providers are open: close one first",
                 TB_GUARD_SLOTS);
        return TAPIBRIDGE_FFM_FULL;
    }
    return 0;
}

/* Waits for the calls running through the provider (guard.h), then releases it. */
int32_t tapibridge_ffm_close(int64_t handle)
{
    tb_provider *p = tb_guard_retire(handle);
    if (p == NULL)
        return TAPIBRIDGE_FFM_CLOSED;
    tb_provider_close(p);
    return 0;
}

/* ---- TAPI --------------------------------------------------------------------------------- */

/* Guarded lineGetCallStatus. */
int32_t tapibridge_ffm_lineGetCallStatus(int64_t handle, uint32_t hCall, void *lpCallStatus)
{
    DIRECT_ENTER(handle)
    LONG result = p->lineGetCallStatus((HCALL)hCall, (LPLINECALLSTATUS)lpCallStatus);
    tb_guard_leave(&r);
    return result;
}

/* Guarded lineCompleteCall. */
int32_t tapibridge_ffm_lineCompleteCall(int64_t handle, uint32_t hCall, void *lpdwCompletionID,
                                        uint32_t dwCompletionMode, uint32_t dwMessageID)
{
    DIRECT_ENTER(handle)
    LONG result = p->lineCompleteCall((HCALL)hCall, (LPDWORD)lpdwCompletionID,
                                      (DWORD)dwCompletionMode, (DWORD)dwMessageID);
    tb_guard_leave(&r);
    return result;
}

/* Guarded lineUncompleteCall. */
int32_t tapibridge_ffm_lineUncompleteCall(int64_t handle, uint32_t hLine, uint32_t dwCompletionID)
{
    DIRECT_ENTER(handle)
    LONG result = p->lineUncompleteCall((HLINE)hLine, (DWORD)dwCompletionID);
    tb_guard_leave(&r);
    return result;
}

/* Guarded lineGetMessage. */
int32_t tapibridge_ffm_lineGetMessage(int64_t handle, uint32_t hLineApp, void *lpMessage,
                                      uint32_t dwTimeout)
{
    DIRECT_ENTER(handle)
    LONG result = p->lineGetMessage((HLINEAPP)hLineApp, (LPLINEMESSAGE)lpMessage, (DWORD)dwTimeout);
    tb_guard_leave(&r);
    return result;
}

/* Guarded batch of lineGetMessage (tb_get_messages, shared with TapiJni.lineGetMessages). */
int32_t tapibridge_ffm_lineGetMessages(int64_t handle, uint32_t hLineApp, void *lpMessages,
                                       int32_t count, uint32_t dwTimeout, int32_t spinMicros)
{
    if (count < 1 || spinMicros < 0)
        return TAPIBRIDGE_FFM_BADARG;
    DIRECT_ENTER(handle)
    LONG result = tb_get_messages(p, (HLINEAPP)hLineApp, (LINEMESSAGE *)lpMessages, count,
                                  (DWORD)dwTimeout, (DWORD)spinMicros);
    tb_guard_leave(&r);
    return result;
}
