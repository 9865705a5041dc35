/*
 * A TAPI provider loaded at run time (tapi32.dll, libtapisim or any library exporting the TAPI
 * 2.x functions), its function table and, on Windows, the USEEVENT hEvent of each application
 * initialized through it (for the drain's spin). The JNI side holds a tb_provider * as a Java
 * long.
 */
#ifndef TAPIBRIDGE_PROVIDER_H
#define TAPIBRIDGE_PROVIDER_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "tapi_abi.h"

/* The TAPI functions of spi.TapiBackend, all required: X(name, parameter types). */
#define TB_TAPI_FUNCTIONS(X)                                                                    \
    X(lineInitializeExW, (LPHLINEAPP, HINSTANCE, LINECALLBACK, LPCWSTR, LPDWORD, LPDWORD,       \
                          LPLINEINITIALIZEEXPARAMS))                                            \
    X(lineShutdown, (HLINEAPP))                                                                 \
    X(lineNegotiateAPIVersion, (HLINEAPP, DWORD, DWORD, DWORD, LPDWORD, LPLINEEXTENSIONID))     \
    X(lineGetDevCapsW, (HLINEAPP, DWORD, DWORD, DWORD, LPLINEDEVCAPS))                          \
    X(lineGetAddressCapsW, (HLINEAPP, DWORD, DWORD, DWORD, DWORD, LPLINEADDRESSCAPS))           \
    X(lineOpenW, (HLINEAPP, DWORD, LPHLINE, DWORD, DWORD, DWORD_PTR, DWORD, DWORD,              \
                  LPLINECALLPARAMS))                                                            \
    X(lineClose, (HLINE))                                                                       \
    X(lineSetStatusMessages, (HLINE, DWORD, DWORD))                                             \
    X(lineGetLineDevStatusW, (HLINE, LPLINEDEVSTATUS))                                          \
    X(lineMakeCallW, (HLINE, LPHCALL, LPCWSTR, DWORD, LPLINECALLPARAMS))                        \
    X(lineAnswer, (HCALL, LPCSTR, DWORD))                                                       \
    X(lineDrop, (HCALL, LPCSTR, DWORD))                                                         \
    X(lineDeallocateCall, (HCALL))                                                              \
    X(lineGetCallInfoW, (HCALL, LPLINECALLINFO))                                                \
    X(lineGetCallStatus, (HCALL, LPLINECALLSTATUS))                                             \
    X(lineGetMessage, (HLINEAPP, LPLINEMESSAGE, DWORD))                                         \
    X(lineCompleteCall, (HCALL, LPDWORD, DWORD, DWORD))                                         \
    X(lineUncompleteCall, (HLINE, DWORD))

/*
 * Call control beside completion, resolved on their own and all or none (callControl): a
 * provider library that lacks one still opens, and each of these natives then throws
 * UnsupportedOperationException. tapi32.dll (and Wine's) exports them, but a library that
 * exports only the completion subset (an older libtapisim had no lineSwapHold, a test double,
 * a shim) must not stop an application that never dials or holds.
 */
#define TB_TAPI_CALL_CONTROL_FUNCTIONS(X)                                                       \
    X(lineDialW, (HCALL, LPCWSTR, DWORD))                                                       \
    X(lineHold, (HCALL))                                                                        \
    X(lineUnhold, (HCALL))                                                                      \
    X(lineSwapHold, (HCALL, HCALL))

/*
 * Diversion and digits, a second group resolved like the first (transferDigits): a provider
 * that dials and holds but predates these (libtapisim before them, a shim) keeps dialling and
 * holding, and only these natives throw UnsupportedOperationException.
 */
#define TB_TAPI_TRANSFER_DIGITS_FUNCTIONS(X)                                                    \
    X(lineRedirectW, (HCALL, LPCWSTR, DWORD))                                                   \
    X(lineBlindTransferW, (HCALL, LPCWSTR, DWORD))                                              \
    X(lineGenerateDigitsW, (HCALL, DWORD, LPCWSTR, DWORD))                                      \
    X(lineMonitorDigits, (HCALL, DWORD))

/*
 * Address status, a group of its own (addressStatus): a provider that predates it (libtapisim
 * before it, a shim) still opens, and only this native throws UnsupportedOperationException.
 */
#define TB_TAPI_ADDRESS_STATUS_FUNCTIONS(X)                                                     \
    X(lineGetAddressStatusW, (HLINE, DWORD, LPLINEADDRESSSTATUS))

/*
 * Consultation transfer and conference, a third group resolved like the others (conference):
 * a provider that redirects and blind-transfers but predates these (libtapisim before them, a
 * shim) keeps the rest, and only these natives throw UnsupportedOperationException.
 */
#define TB_TAPI_CONFERENCE_FUNCTIONS(X)                                                         \
    X(lineSetupTransferW, (HCALL, LPHCALL, LPLINECALLPARAMS))                                   \
    X(lineCompleteTransfer, (HCALL, HCALL, LPHCALL, DWORD))                                     \
    X(lineAddToConference, (HCALL, HCALL))                                                      \
    X(lineRemoveFromConference, (HCALL))

/* The simulator control functions (tapisim.h): X(name, result type, parameter types).
 * hasSimulatorControl = all of these resolved. */
#define TB_TAPISIM_FUNCTIONS(X)                                                                 \
    X(tapisim_reset, LONG, (void))                                                              \
    X(tapisim_set_station, LONG, (const char *, DWORD))                                         \
    X(tapisim_advance, LONG, (DWORD))                                                           \
    X(tapisim_now, DWORD, (void))                                                               \
    X(tapisim_fail_next, LONG, (const char *, LONG))                                            \
    X(tapisim_trace, LONG, (char *, DWORD, DWORD *))                                            \
    X(tapisim_trace_clear, LONG, (void))

/* Control functions resolved on their own: a simulator may predate them. */
#define TB_TAPISIM_OPTIONAL_FUNCTIONS(X)                                                        \
    X(tapisim_set_option, LONG, (const char *, DWORD))                                          \
    X(tapisim_post_messages, LONG, (HLINEAPP, DWORD))                                          \
    X(tapisim_sync, LONG, (HLINEAPP, DWORD))                                                  \
    X(tapisim_activity, DWORD, (void))                                                        \
    TB_TAPISIM_TOPOLOGY_FUNCTIONS(X)                                                          \
    TB_TAPISIM_REMOTE_FUNCTIONS(X)

/* The topology setters (tapisim.h), optional as well. */
#define TB_TAPISIM_TOPOLOGY_FUNCTIONS(X)                                                        \
    X(tapisim_set_lines, LONG, (DWORD))                                                         \
    X(tapisim_set_line, LONG, (DWORD, const char *, const char *))                              \
    X(tapisim_set_completion_caps, LONG, (DWORD, DWORD, DWORD, DWORD))                          \
    X(tapisim_set_completion_messages, LONG, (DWORD, const char *))                             \
    X(tapisim_set_addresses, LONG, (DWORD, const char *))                                       \
    X(tapisim_set_address_completion_caps, LONG, (DWORD, DWORD, DWORD, DWORD, DWORD))           \
    X(tapisim_set_address_completion_messages, LONG, (DWORD, DWORD, const char *))

/* Remote stations driven by the test (optional, as above). */
#define TB_TAPISIM_REMOTE_FUNCTIONS(X)                                                          \
    X(tapisim_remote_call, LONG, (const char *, const char *, const char *, DWORD *))           \
    X(tapisim_remote_answer, LONG, (const char *))                                              \
    X(tapisim_remote_hangup, LONG, (const char *))                                              \
    X(tapisim_remote_call_ex, LONG, (const char *, const char *, const char *, DWORD, DWORD *)) \
    X(tapisim_remote_digits, LONG, (const char *, const char *))

#ifdef _WIN32
/* Applications per provider whose hEvent the drain can spin on; later ones block at once. */
#define TB_APP_EVENTS 16

/* One application's hEvent (tb_line_initialize), read by the drain without a lock. */
typedef struct tb_app_event {
    _Atomic(HLINEAPP) app; /* 0: a free entry */
    HANDLE event;          /* the bridge's own duplicate, SYNCHRONIZE access only */
    atomic_int pollers;    /* drains polling it now (tb_event_enter) */
} tb_app_event;
#endif

typedef struct tb_provider {
    void *module;              /* dlopen handle or HMODULE */
    char *label;               /* the library as given (UTF-8), for messages */
    int simulator;             /* every TB_TAPISIM_FUNCTIONS entry resolved */
    int callControl;           /* every TB_TAPI_CALL_CONTROL_FUNCTIONS entry resolved */
    int transferDigits;        /* every TB_TAPI_TRANSFER_DIGITS_FUNCTIONS entry resolved */
    int addressStatus;         /* every TB_TAPI_ADDRESS_STATUS_FUNCTIONS entry resolved */
    int conference;            /* every TB_TAPI_CONFERENCE_FUNCTIONS entry resolved */
    atomic_llong live;         /* blocks from tb_mem_alloc not yet freed */
    uint32_t generation;       /* of its Java handle (guard.h) */
#ifdef _WIN32
    SRWLOCK eventsLock;        /* held by the writers of events (zeroed: unlocked) */
    tb_app_event events[TB_APP_EVENTS];
#endif
#define TB_FIELD(fn, params) LONG (WINAPI *fn) params;
    TB_TAPI_FUNCTIONS(TB_FIELD)
    TB_TAPI_CALL_CONTROL_FUNCTIONS(TB_FIELD)
    TB_TAPI_TRANSFER_DIGITS_FUNCTIONS(TB_FIELD)
    TB_TAPI_ADDRESS_STATUS_FUNCTIONS(TB_FIELD)
    TB_TAPI_CONFERENCE_FUNCTIONS(TB_FIELD)
#undef TB_FIELD
#define TB_FIELD(fn, result, params) result (*fn) params;
    TB_TAPISIM_FUNCTIONS(TB_FIELD)
    TB_TAPISIM_OPTIONAL_FUNCTIONS(TB_FIELD)
#undef TB_FIELD
} tb_provider;

/* Path characters of the platform's loader: UTF-8 for dlopen, UTF-16 for LoadLibraryExW. */
#ifdef _WIN32
typedef WCHAR tb_path_char;
#else
typedef char tb_path_char;
#endif

/* tb_provider_open results (besides TB_OK) */
#define TB_OK           0
#define TB_ERR_NOMEM    1 /* out of memory */
#define TB_ERR_LOAD     2 /* the loader refused the library; err says why */
#define TB_ERR_SYMBOLS  3 /* a required TAPI function is missing; err names it */
#define TB_ERR_NOSYSTEM 4 /* no system TAPI on this OS */

/* tb_provider_open flags */
#define TB_OPEN_PINNED   0 /* the library stays mapped for the life of the process */
#define TB_OPEN_UNPINNED 1 /* the last tb_provider_close of the library unmaps it */

/*
 * Loads `path` (NULL: the system tapi32.dll from System32; Windows only) and resolves the
 * function table. On failure returns a TB_ERR_ code and writes a message to err.
 *
 * `flags` is TB_OPEN_PINNED or TB_OPEN_UNPINNED. An unpinned library is for a private copy of
 * libtapisim (an isolated switch): each open takes a loader reference and each close drops it,
 * so the copy is unmapped when the last provider on it closes. The caller must make sure that by
 * then no thread runs in it: every call through the provider has returned and the switch's own
 * clock thread has stopped (tapisim_reset stops it). An unpinned open of a library that is
 * already pinned leaves it pinned.
 */
int tb_provider_open(const tb_path_char *path, int flags, tb_provider **out, char *err,
                     size_t errSize);

/* Releases the library reference and frees p. A pinned library stays mapped. */
void tb_provider_close(tb_provider *p);

/* Native memory for out-parameters, zeroed, counted per provider. */
void *tb_mem_alloc(tb_provider *p, size_t size);
void tb_mem_free(tb_provider *p, void *block);
long long tb_mem_live(tb_provider *p);

/*
 * lineInitializeExW through p, without a callback (the event model is the only one used), for
 * TapiJni.lineInitializeExW. On Windows, an application that asked for
 * LINEINITIALIZEEXOPTION_USEEVENT and got it has its hEvent recorded for tb_get_messages: the
 * bridge keeps a duplicate of its own that can only be waited on, so the event can neither be
 * set or reset through it nor be closed under a drain by TAPI's lineShutdown (or a tapisim_reset)
 * that ends the application. With every entry taken the application is not recorded, and its
 * drain blocks at once. Elsewhere hEvent is no event (the simulator writes a token) and nothing
 * is recorded.
 */
LONG tb_line_initialize(tb_provider *p, LPHLINEAPP lphLineApp, HINSTANCE hInstance,
                        LPCWSTR lpszFriendlyAppName, LPDWORD lpdwNumDevs, LPDWORD lpdwAPIVersion,
                        LPLINEINITIALIZEEXPARAMS lpLineInitializeExParams);

/*
 * lineShutdown through p, for TapiJni.lineShutdown. On Windows it then forgets the
 * application's hEvent, whatever lineShutdown returned: after a failure the application may be
 * gone, and a forgotten one that lives on only loses its spin. Forgetting waits for the drains
 * polling the event to see that (a poll or so) and closes the bridge's duplicate; a drain that
 * is blocked in lineGetMessage is not waited for.
 */
LONG tb_line_shutdown(tb_provider *p, HLINEAPP hLineApp);

/*
 * Waits, spinning, until p->tapisim_activity() differs from `seen` (1) or the monotonic clock
 * passes `deadlineNs` (0). For tb_get_messages; p->tapisim_activity must be set.
 */
int tb_await_activity(tb_provider *p, DWORD seen, uint64_t deadlineNs);

#ifdef _WIN32
/* The recorded hEvent of hLineApp, held against tb_line_shutdown until tb_event_leave; or NULL. */
tb_app_event *tb_event_enter(tb_provider *p, HLINEAPP hLineApp);

static inline void tb_event_leave(tb_app_event *e)
{
    atomic_fetch_sub_explicit(&e->pollers, 1, memory_order_release);
}

/*
 * Waits, polling e's event with WaitForSingleObject(0) between spin-wait hints, until it is
 * signalled (1), or the monotonic clock passes `deadlineNs` or tb_line_shutdown forgets hLineApp
 * (0). Never resets the event. An event found signalled after the deadline also answers 0, so
 * that a provider whose event stays signalled over an empty queue cannot keep the drain spinning
 * past it. For tb_get_messages, between tb_event_enter and tb_event_leave.
 */
int tb_await_event(tb_app_event *e, HLINEAPP hLineApp, uint64_t deadlineNs);
#endif

/* The monotonic clock, in nanoseconds. */
uint64_t tb_mono_ns(void);

/*
 * The event pump's drain (TapiJni.lineGetMessages and tapibridge_ffm_lineGetMessages): blocks
 * once, as lineGetMessage(dwTimeout), for the first message, then takes what is already queued
 * (timeout 0) into the following LINEMESSAGEs of m, up to count (at least 1) in all, so that a
 * burst costs one crossing. Returns how many it took (1 to count), or the first call's LINEERR_;
 * a later call that finds the queue empty (or the application shut down) ends the batch, and the
 * next drain reports it. Queue order is kept.
 *
 * spinUs > 0 with dwTimeout INFINITE: before it blocks, the drain takes with timeout 0 and, while
 * the queue is empty, spins for up to spinUs microseconds in all, taking again whenever what it
 * watches says something may be queued; only then does it block as above. It watches, in this
 * order of preference:
 * - the simulator's activity word (p->tapisim_activity), taking again whenever it changes;
 * - on Windows, the application's hEvent recorded by tb_line_initialize (tapi32.dll, which has
 *   no activity word: TAPI keeps it signalled exactly while messages are queued), polled with
 *   WaitForSingleObject(0) and never reset, taking again while it is signalled; a
 *   tb_line_shutdown of the application ends the spin;
 * and otherwise nothing: the drain blocks at once (an application not recorded, because it was
 * initialized other than through tb_line_initialize or when every entry was taken; a provider
 * without the word off Windows). The pump asks for the spin while replies are owed, so that a
 * message queued meanwhile reaches it without waking a blocked thread (on the simulator, no futex
 * call for the requester) and without the pump's wake-up latency; neither way takes a lock while
 * nothing happens. The spin changes when the drain returns, never what it returns or in which
 * order.
 */
static inline LONG tb_get_messages(tb_provider *p, HLINEAPP hLineApp, LINEMESSAGE *m, LONG count,
                                   DWORD dwTimeout, DWORD spinUs)
{
    LONG r;
    int spin = spinUs != 0 && dwTimeout == INFINITE;
#ifdef _WIN32
    tb_app_event *e;
#endif
    if (spin && p->tapisim_activity != NULL) {
        uint64_t deadline = 0;
        for (;;) {
            DWORD seen = p->tapisim_activity(); /* before the take: no change is missed */
            r = p->lineGetMessage(hLineApp, m, 0);
            if (r != (LONG)LINEERR_OPERATIONFAILED)
                break; /* a message, or an error */
            if (deadline == 0)
                deadline = tb_mono_ns() + (uint64_t)spinUs * 1000u;
            if (!tb_await_activity(p, seen, deadline)) {
                r = p->lineGetMessage(hLineApp, m, dwTimeout);
                break;
            }
        }
#ifdef _WIN32
    } else if (spin && (e = tb_event_enter(p, hLineApp)) != NULL) {
        uint64_t deadline = 0;
        for (;;) {
            r = p->lineGetMessage(hLineApp, m, 0); /* the event may be signalled already */
            if (r != (LONG)LINEERR_OPERATIONFAILED)
                break; /* a message, or an error */
            if (deadline == 0)
                deadline = tb_mono_ns() + (uint64_t)spinUs * 1000u;
            if (!tb_await_event(e, hLineApp, deadline))
                break;
        }
        tb_event_leave(e); /* before it blocks: tb_line_shutdown waits for the pollers */
        if (r == (LONG)LINEERR_OPERATIONFAILED)
            r = p->lineGetMessage(hLineApp, m, dwTimeout);
#endif
    } else {
        r = p->lineGetMessage(hLineApp, m, dwTimeout);
    }
    if (r != 0)
        return r;
    LONG n = 1;
    while (n < count && p->lineGetMessage(hLineApp, m + n, 0) == 0)
        n++;
    return n;
}

#endif /* TAPIBRIDGE_PROVIDER_H */
