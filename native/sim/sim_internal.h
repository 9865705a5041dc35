/*
 * Internal state of the simulated switch. One switch per process, guarded by one mutex
 * (g_sim.lock): every exported function takes it on entry, every function in this header
 * expects it to be held.
 */
#ifndef SIM_INTERNAL_H
#define SIM_INTERNAL_H

#include "tapi_abi.h"
#include "tapisim.h"
#include "tapi_format.h"
#include "platform.h"

#include <stdatomic.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The TAPI functions and tapisim_*, and nothing else, leave the library. */
#ifdef _WIN32
#define SIM_EXPORT __declspec(dllexport)
#else
#define SIM_EXPORT __attribute__((visibility("default")))
#endif

#define SIM_NUMBER_MAX        32   /* dialable number incl. NUL */
#define SIM_APPNAME_MAX       64
#define SIM_NAME_MAX          64   /* a remote caller's name incl. NUL */
#define SIM_MAX_CALLS_PER_ADDR 8   /* LINEADDRESSCAPS.dwMaxNumActiveCalls */
#define SIM_ANSWER_DELAY_MS   3000 /* a remote idle station answers after this */
#define SIM_HANDLE_BUCKETS    4096

#define SIM_VERSION_LOW  0x00010003u
#define SIM_VERSION_HIGH 0x00030001u
#define SIM_NUM_VERSIONS 7

#define SIM_MEDIA_MODES (LINEMEDIAMODE_UNKNOWN | LINEMEDIAMODE_INTERACTIVEVOICE | \
                         LINEMEDIAMODE_AUTOMATEDVOICE | LINEMEDIAMODE_DATAMODEM)

/* What a line offers (its LINEDEVCAPS / LINEADDRESSCAPS, and what LINECALLPARAMS is checked
 * against): voice calls on a 64 kbit/s channel, no user-user information and no call data.
 * Its addresses (1 by default, up to TAPISIM_MAX_ADDRESSES) are in sim_device. */
#define SIM_BEARER_MODES       LINEBEARERMODE_VOICE
#define SIM_MAX_RATE           64000u
#define SIM_UUI_MAKECALL_SIZE  0u
#define SIM_MAX_CALL_DATA_SIZE 0u
/* The call states a call can be in (LINEADDRESSCAPS and LINECALLINFO dwCallStates). */
#define SIM_CALL_STATES (LINECALLSTATE_IDLE | LINECALLSTATE_OFFERING | LINECALLSTATE_DIALTONE \
                         | LINECALLSTATE_DIALING | LINECALLSTATE_PROCEEDING | LINECALLSTATE_RINGBACK \
                         | LINECALLSTATE_BUSY | LINECALLSTATE_CONNECTED | LINECALLSTATE_ONHOLD \
                         | LINECALLSTATE_ONHOLDPENDTRANSFER | LINECALLSTATE_CONFERENCED \
                         | LINECALLSTATE_DISCONNECTED | LINECALLSTATE_UNKNOWN)

enum sim_kind { SIM_APP = 1, SIM_LINE = 2, SIM_CALL = 3 };

/* Header of every object reachable by a handle value. */
typedef struct sim_obj {
    DWORD handle;
    int kind;
    struct sim_obj *hnext;
} sim_obj;

typedef struct sim_app {
    sim_obj obj;
    char name[SIM_APPNAME_MAX];
    DWORD apiVersion;               /* highest version the app said it supports */
    LINEMESSAGE *queue;             /* ring buffer */
    size_t qcap, qhead, qcount;
#ifdef _WIN32
    HANDLE event;                   /* LINEINITIALIZEEXPARAMS.Handles.hEvent: set while queued */
#endif
    int waiters;                    /* its threads blocked in lineGetMessage */
    int dead;                       /* shut down; freed by the last waiter */
    struct sim_open *opens;
    struct sim_app *next;
} sim_app;

/* One address of a line: a station of its own, with its own number, state and caps. */
typedef struct sim_address {
    char number[SIM_NUMBER_MAX];    /* LINEADDRESSCAPS.dwAddress; unique in the switch */
    DWORD stationState;             /* TAPISIM_STATION_* */
    DWORD maxCompletions;           /* LINEADDRESSCAPS completion caps */
    DWORD complModes, complConds;
    DWORD numMessages;              /* LINEADDRESSCAPS.dwNumCompletionMessages */
    char messages[TAPISIM_MAX_COMPLETION_MESSAGES][TAPISIM_NAME_MAX + 1];
} sim_address;

typedef struct sim_device {
    DWORD id;
    char name[TAPISIM_NAME_MAX + 1];  /* LINEDEVCAPS line name */
    struct sim_open *opens;
    DWORD numAddresses;             /* LINEDEVCAPS.dwNumAddresses; address 0's number is the line's */
    sim_address addr[TAPISIM_MAX_ADDRESSES];
    DWORD numCompletions;           /* LINEDEVSTATUS.dwNumCallCompletions (all addresses) */
    DWORD nextCompletionId;
    int msgWait;                    /* LINEDEVSTATUSFLAGS_MSGWAIT */
    DWORD dialCaps;                 /* LINEDEVCAPFLAGS_DIALBILLING/DIALQUIET/DIALDIALTONE claimed */
} sim_device;

typedef struct sim_open {
    sim_obj obj;                    /* HLINE */
    sim_app *app;
    sim_device *dev;
    DWORD apiVersion;
    DWORD_PTR cbInst;
    DWORD privileges;               /* LINECALLPRIVILEGE_ bits (without options) */
    DWORD options;                  /* LINEOPENOPTION_ bits */
    DWORD mediaModes;
    DWORD addressId;                /* with LINEOPENOPTION_SINGLEADDRESS */
    DWORD lineStates, addressStates;
    DWORD seq;                      /* open order, for ownership priority */
    struct sim_chandle *calls;
    struct sim_open *app_next, *dev_next;
} sim_open;

typedef struct sim_call {
    DWORD callId;
    sim_device *dev;                /* every call is one local leg on one line device */
    DWORD addressId;
    DWORD state, stateMode, tStateEntry;
    DWORD states;                   /* every state the call has been in */
    DWORD origin, reason, completionId, mediaMode;
    int outgoing;
    int partial;                    /* DIALING, waiting for lineDial (the string ended in ';') */
    char remote[SIM_NUMBER_MAX];    /* the other party's number (dialled so far) */
    char remoteName[SIM_NAME_MAX];  /* the other party's name, "" if none (an outside caller's,
                                       or the ^Name of the dial string of an outgoing call) */
    DWORD remoteIdFlags;            /* LINECALLPARTYID_BLOCKED or _OUTOFAREA: remote not shown */
    char appName[SIM_APPNAME_MAX];  /* app that created an outgoing call */
    struct sim_call *peer;          /* other local leg (call between two local lines) */
    char station[SIM_NUMBER_MAX];   /* remote station engaged by this call, "" if none */
    int engaged;                    /* counted in the busy state of `station` */
    struct sim_chandle *handles;
    int refs;                       /* completion requests and entries that point here */
    struct sim_compl *camp;         /* CAMPON entry bound to this call */
    int recall;                     /* a CALLBACK recall not yet answered */
    /* Redirect and blind transfer (redirect.c): */
    char party[SIM_NUMBER_MAX];     /* the original other party (caller or called ID) once the
                                       call was diverted to `remote`; "" if never */
    char redirecting[SIM_NUMBER_MAX]; /* LINECALLINFO redirecting ID: who diverted it, "" none */
    char redirection[SIM_NUMBER_MAX]; /* redirection ID: where to */
    char redirectionName[SIM_NAME_MAX]; /* the ^Name of the destination string */
    DWORD routeReason;              /* reason sim_route gives the callee (0: DIRECT) */
    /* Digits (digits.c): generation in progress from this side, digits a remote station sends */
    struct sim_digits *gen, *farGen;
    /* Consultation transfer (transfer.c): the call on hold pending transfer and its
     * consultation call point at each other. Conference (conference.c): a conference call is
     * `isConf`, its parties point at it with `conf`. */
    struct sim_call *xferConsult;   /* ONHOLDPENDTRANSFER: its consultation call */
    struct sim_call *xferHeld;      /* a consultation call: the call it may be transferred to */
    struct sim_call *conf;          /* a party (CONFERENCED): its conference call */
    int isConf;
    struct sim_call *next;
} sim_call;

typedef struct sim_chandle {
    sim_obj obj;                    /* HCALL */
    sim_open *open;
    sim_call *call;
    DWORD privilege;
    int announce;                   /* unsolicited handle: next LINE_CALLSTATE carries privilege */
    DWORD monitorDigits;            /* lineMonitorDigits: LINEDIGITMODE_ bits */
    struct sim_chandle *call_next, *open_next;
} sim_chandle;

typedef struct sim_station {
    char number[SIM_NUMBER_MAX];
    DWORD state;
    int engaged;                    /* calls ringing or connected to it */
    struct sim_station *next;
} sim_station;

typedef void (*sim_timer_fn)(void *arg);

typedef struct sim_timer {
    DWORD due;
    uint64_t seq;
    sim_timer_fn fn;
    void *arg;
    int ownsArg;                    /* arg is freed with the timer */
    struct sim_timer *next;
} sim_timer;

/* An accepted completion request waiting at the switch. */
typedef struct sim_compl {
    DWORD id;
    sim_device *dev;                /* requester's line device */
    DWORD addressId;
    sim_app *creator;
    DWORD mode, cond, messageId;
    char target[SIM_NUMBER_MAX];
    sim_call *call;                 /* CAMPON: the camped call */
    int firing;                     /* CAMPON: ringing the target */
    int sawActivity;                /* NOANSWER: the target was in use since the request */
    uint64_t seq;
    struct sim_compl *next;         /* g_sim.completions, in creation order */
} sim_compl;

/* lineCompleteCall / lineUncompleteCall between their return and their LINE_REPLY. */
typedef struct sim_creq {
    DWORD request;
    int uncomplete;
    sim_open *open;
    sim_call *call;                 /* lineCompleteCall: the call (referenced) */
    DWORD hCall;
    LPDWORD lpId;
    DWORD mode, messageId, cond, completionId;
    LONG err;                       /* provider's verdict at submission; 0 = accept */
    struct sim_creq *next;
} sim_creq;

/* A target being served: the recall call or camped call ringing it. */
typedef struct sim_firing {
    char target[SIM_NUMBER_MAX];
    sim_call *call;
    struct sim_firing *next;
} sim_firing;

typedef struct sim_options {
    DWORD errorDelivery;            /* 0 tapisrv, 1 documentation-literal */
    DWORD allowProceeding, strictOwner, reuseFreedIds;
    DWORD guardMs, recallRingMs, expiryBusyMs, expiryNoAnswerMs;
    DWORD realtime;
    DWORD trace;                    /* 1 (default): record the trace */
} sim_options;

typedef struct sim_fault {
    char function[40];
    LONG err;
    struct sim_fault *next;
} sim_fault;

typedef struct sim_switch {
    sim_mutex lock;
    int initialised;
    /*
     * What a thread blocked in lineGetMessage waits on: one condition variable for the whole
     * switch, not one per application, because it is signalled after the lock is released
     * (sim_unlock), and by then an application that was shut down may already have been freed
     * by its last waiter; g_sim lives as long as the library. The signal comes after the
     * unlock so that the woken thread finds the lock free instead of waking, blocking on the
     * lock and being woken a second time. No wake-up is lost: a waiter checks its condition
     * and starts waiting under the lock, releasing it atomically inside the wait, so a thread
     * that changes the condition and then broadcasts finds it already waiting. Every waiter
     * is woken (a broadcast: a signal could wake another app's waiter instead) and re-checks
     * its own queue, its app and g_sim.creqs; with one reader per app that costs little.
     */
    sim_cond wake;
    int wakeReady;                  /* `wake` was created (by the first sim_lock) */
    int waiters;                    /* threads blocked in lineGetMessage, all apps */
    int wakePending;                /* broadcast `wake` at the next unlock (sim_wake_waiters) */
    /* sim_unlock bumps sim_activity (below): like wakePending, but whether anyone waits or not. */
    int activityPending;
    DWORD now;
    uint64_t timerSeq;
    DWORD nextHandle, nextRequest, nextCallId, nextOpenSeq;
    DWORD numDevices;
    sim_device devices[TAPISIM_MAX_LINES];
    sim_app *apps;
    int numApps;
    sim_call *calls;
    sim_station *stations;
    sim_timer *timers;
    sim_fault *faults;
    sim_obj *handles[SIM_HANDLE_BUCKETS];
    sim_compl *completions;
    sim_creq *creqs;
    sim_firing *firing;
    uint64_t complSeq;
    sim_options opt;
    sim_thread clockThread;
    int clockRunning, clockStop;
    char *trace;
    size_t traceLen, traceCap;
    size_t traceMark;               /* where the current API call's own line goes */
} sim_switch;

extern sim_switch g_sim;

/* switch.c: lock, handles, requests, clock, stations, faults, message queues */
void sim_lock(void);
void sim_unlock(void);
void sim_wake_waiters(void);

/*
 * What a waiter can watch without the lock (tapisim_activity): bumped by sim_unlock, after the
 * lock is released, when the critical section did something lineGetMessage would see (a message
 * queued, a completion request queued, an app shut down). On a cache line of its own: a thread
 * spinning on it must not share a line with the lock and the state that every request writes.
 */
typedef struct sim_activity_word {
    _Alignas(64) _Atomic DWORD value;
    char pad[64 - sizeof(DWORD)];
} sim_activity_word;
extern sim_activity_word sim_activity;
DWORD sim_new_handle(sim_obj *obj, int kind);
void sim_drop_handle(sim_obj *obj);
void *sim_find(DWORD handle, int kind);
DWORD sim_new_request(void);
LONG sim_take_fault(const char *function);
sim_timer *sim_timer_add(DWORD delay, sim_timer_fn fn, void *arg);
sim_timer *sim_timer_add_owned(DWORD delay, sim_timer_fn fn, void *arg);
int sim_target_busy(const char *number);
void sim_timer_cancel_arg(void *arg);
sim_device *sim_device_by_number(const char *number);
/* The line one of whose addresses has `number`, and that address's ID in *addressId. */
sim_device *sim_address_by_number(const char *number, DWORD *addressId);
sim_station *sim_station_get(const char *number, int create);
int sim_valid_number(const char *number);
extern const DWORD sim_versions[SIM_NUM_VERSIONS]; /* highest first */
int sim_version_ok(DWORD version);
void sim_post(sim_app *app, DWORD hDevice, DWORD msg, DWORD_PTR inst,
              DWORD_PTR p1, DWORD_PTR p2, DWORD_PTR p3);
void sim_purge(sim_app *app, DWORD hDevice);
void sim_reply(sim_open *open, DWORD request, LONG result);
void sim_app_release(sim_app *app);
void sim_app_queue_changed(sim_app *app);
void sim_app_shutdown(sim_app *app);

/* topology.c: the lines of the switch and their caps */
void sim_topology_default(void);

/* line.c */
void sim_open_close(sim_open *open, int notifyOthers);
void sim_linedevstate(sim_device *dev, DWORD state, DWORD_PTR p2, DWORD_PTR p3);

/* call.c */
sim_call *sim_call_new(sim_device *dev, DWORD addressId, int outgoing);
sim_chandle *sim_chandle_new(sim_call *call, sim_open *open, DWORD privilege, int announce);
void sim_chandle_free(sim_chandle *ch, int dropIfSoleOwner);
void sim_call_set_state(sim_call *call, DWORD state, DWORD mode);
void sim_call_maybe_free(sim_call *call);
int sim_device_busy(const sim_device *dev);            /* one of its addresses is busy */
int sim_address_busy(const sim_device *dev, DWORD addressId);
const char *sim_call_number(const sim_call *call);     /* the number of the call's address */
DWORD sim_call_features(const sim_call *call, DWORD privilege);
void sim_reset_calls(void);
void sim_route(sim_call *call);
void sim_call_end(sim_call *call);
void sim_call_attach(sim_call *call, int withOwner);
void sim_offer(sim_call *call, int ring);
void sim_callinfo(sim_call *call, DWORD states);
void sim_call_add_monitors(sim_call *call, const sim_open *skip);
DWORD sim_active_calls(const sim_device *dev, DWORD addressId);
/* A remote station `call` now rings answers after SIM_ANSWER_DELAY_MS if it is IDLE. */
void sim_station_answers_later(sim_call *call);
LONG sim_owner_prolog(HCALL hCall, sim_chandle **ch);  /* UNINITIALIZED, INVALCALLHANDLE, NOTOWNER */

/* dial.c: dialable addresses and lineDialW */
#define SIM_DIAL_CAPS (LINEDEVCAPFLAGS_DIALBILLING | LINEDEVCAPFLAGS_DIALQUIET | LINEDEVCAPFLAGS_DIALDIALTONE)
typedef struct sim_dial {
    char number[SIM_NUMBER_MAX];    /* what routes the call: the digits of the first address */
    int digits;                     /* how many of them are digits (a leading '+' is not) */
    char name[SIM_NAME_MAX];        /* its ^Name, "" if none */
    int partial;                    /* ends in ';': more digits follow with lineDial */
} sim_dial;
/* Parses a dialable address for line `dev`: 0, or the provider's error (INVALADDRESS, or
 * DIALDIALTONE / DIALQUIET / DIALBILLING / DIALPROMPT for the first modifier it refuses). */
LONG sim_dial_parse(const WCHAR *s, const sim_device *dev, sim_dial *out);
LONG sim_dial_country(DWORD countryCode);             /* 0 or INVALCOUNTRYCODE */
/* Takes `d` into `call` (appended to what was dialled): DIALING, then, unless partial, on to
 * PROCEEDING and the switch. A call whose string is only ';' stays in DIALTONE. */
void sim_dial_apply(sim_call *call, const sim_dial *d);
/* `d` appended to what was dialled so far fits, and is a number once complete. */
LONG sim_dial_fits(const char *sofar, const sim_dial *d);
int sim_call_dialable(const sim_call *call);          /* lineDial allowed in its state */

/* hold.c: lineHold, lineUnhold, lineSwapHold */
/* Another call of the line device of `call` is in `state` (LINECALLFEATURE_SWAPHOLD). */
int sim_hold_counterpart(const sim_call *call, DWORD state);

/* redirect.c, blindxfer.c: lineRedirectW, lineBlindTransferW */
/* The other party of `call` can be diverted: a local call linked to it, or a remote station. */
int sim_divert_party(const sim_call *call);
/* The whole function: `feature` the call must offer, `reason` the destination gets, `trunkErr`
 * the refusal of an outside party to an outside number. */
LONG sim_divert_request(const char *function, HCALL hCall, LPCWSTR dest, DWORD countryCode,
                        DWORD feature, DWORD reason, LONG trunkErr);

/* digits.c: lineGenerateDigitsW, lineMonitorDigits, tapisim_remote_digits */
#define SIM_DIGIT_MODES_GENERATE (LINEDIGITMODE_PULSE | LINEDIGITMODE_DTMF)
#define SIM_DIGIT_MODES_MONITOR  (LINEDIGITMODE_PULSE | LINEDIGITMODE_DTMF | LINEDIGITMODE_DTMFEND)
/* The call changed state (after its LINE_CALLSTATE): generation stops when it leaves CONNECTED,
 * monitoring when it goes IDLE. */
void sim_digits_state(sim_call *call);
/* The call is freed, or handle `ch` is (generation goes on without its LINE_GENERATE). */
void sim_digits_call_freed(sim_call *call);
void sim_digits_handle_freed(sim_chandle *ch);
DWORD sim_digits_monitor_modes(const sim_call *call);  /* LINECALLINFO.dwMonitorDigitModes */

/* transfer.c, conference.c: lineSetupTransferW, lineCompleteTransfer, lineAddToConference,
 * lineRemoveFromConference */
#define SIM_MAX_CONF_PARTIES 3      /* party calls of a conference: 4 people with this station */
/* The call changed state from `prev` (after its LINE_CALLSTATE): links between a held call
 * and its consultation call, and between a conference and its parties, follow. */
void sim_xfer_state(sim_call *call, DWORD prev);
void sim_xfer_call_freed(sim_call *call);
/* The transfer and conference features of `call` for its owner, in its state. */
DWORD sim_xfer_features(const sim_call *call);
/* LINECALLFEATURE2_TRANSFERNORM / _TRANSFERCONF: the modes lineCompleteTransfer would accept
 * now, with LINECALLFEATURE_COMPLETETRANSF (0 without it). */
DWORD sim_xfer_features2(const sim_call *call);
DWORD sim_conf_features(const sim_call *call);
/* The handle `open` has on the conference of party `call` (LINE_CALLSTATE CONFERENCED). */
DWORD sim_conf_handle(const sim_call *call, const sim_open *open);
int sim_conf_parties(const sim_call *conf);
void sim_conf_state(sim_call *call, DWORD prev);
/* lineCompleteTransfer in CONFERENCE mode: the conference call for `open`, its handle
 * written to *lphConfCall (0, or RESOURCEUNAVAIL, INVALPOINTER, NOMEM); then, after the
 * LINE_REPLY, the two calls become its parties. */
LONG sim_conf_create(sim_open *open, const sim_call *held, LPHCALL lphConfCall, sim_chandle **out);
void sim_conf_start(sim_call *conf, sim_call *a, sim_call *b);
/* Link handling in transfer.c that conference.c shares: the provider's answer to a request
 * (see hold.c), and a party's far end hearing hold or coming back. */
LONG sim_xfer_submit(sim_open *open, LONG err, int fault, DWORD *request);
void sim_far_end(const sim_call *call, const char *what);

/* remote.c */
sim_call *sim_station_call(const char *number);         /* the call that engages the station */
LONG sim_remote_number(const char *number);             /* INVALPOINTER, INVALADDRESS or 0 */

/* completion.c: the switch side of call completion */
void sim_compl_dispatch(void);
void sim_compl_activity(const char *number);
void sim_compl_target_free(const char *number);
void sim_compl_requester_free(sim_device *dev);
void sim_compl_call_ended(sim_call *call, int dropped);
void sim_compl_call_connected(sim_call *call);
void sim_compl_call_answered(sim_call *call);
void sim_compl_call_deallocated(sim_call *call, DWORD hCall, DWORD apiVersion);
void sim_compl_open_closed(sim_open *open);
void sim_compl_reset(void);
DWORD sim_compl_features(const sim_call *call, DWORD privilege, DWORD *features2);
int sim_compl_pending_on(const sim_call *call);

/* memcheck.c: pointer probes, never faulting (see there for what they cannot see). The last
 * region found readable, and readable and writable: the inline fast path of the probes. */
typedef struct { uintptr_t lo, span; } sim_span;
extern sim_span sim_hot_r, sim_hot_rw;
int sim_mem_probe(const void *p, size_t n, int write);
int sim_mem_struct(const void *p, int write);

static inline int sim_in_span(const sim_span *s, const void *p, size_t n)
{
    uintptr_t off = (uintptr_t)p - s->lo; /* wraps above the span when p is below it */
    return off < s->span && n <= s->span - off;
}

static inline int sim_readable(const void *p, size_t n)
{
    return sim_in_span(&sim_hot_r, p, n) || sim_mem_probe(p, n, 0);
}

static inline int sim_writable(void *p, size_t n)  /* read and write */
{
    return sim_in_span(&sim_hot_rw, p, n) || sim_mem_probe(p, n, 1);
}

/* A structure that declares its size in its first DWORD (dwTotalSize): that DWORD, then the
 * declared size. */
static inline int sim_struct_ok(const sim_span *s, const void *p, int write)
{
    DWORD total;
    if (!sim_in_span(s, p, sizeof total))
        return sim_mem_struct(p, write);
    memcpy(&total, p, sizeof total);
    return sim_in_span(s, p, total) || sim_mem_struct(p, write);
}

static inline int sim_struct_readable(const void *p)
{
    return sim_struct_ok(&sim_hot_r, p, 0);
}

static inline int sim_struct_writable(void *p)
{
    return sim_struct_ok(&sim_hot_rw, p, 1);
}

int sim_str_readable(const char *s);           /* up to and including the terminator */
int sim_wstr_readable(const WCHAR *s);
int sim_writable_now(void *p, size_t n);       /* for a write at reply time: asks the system */
void sim_mem_forget(void);                     /* empties the cache of known-good regions */
int sim_cstr_ok(const char *s);                /* sim_str_readable, taking the lock itself */

/* caps.c */
enum sim_struct { SIM_DEVCAPS, SIM_ADDRESSCAPS, SIM_CALLINFO, SIM_CALLSTATUS, SIM_DEVSTATUS,
                  SIM_CALLPARAMS, SIM_ADDRESSSTATUS };
extern const DWORD sim_line_states;
/* The LINEDEVSTATE_ and LINEADDRESSSTATE_ bits defined for an API version. */
DWORD sim_defined_line_states(DWORD version);
DWORD sim_defined_address_states(DWORD version);
/* Fixed size of a structure for a negotiated API version. */
DWORD sim_fixed_size(enum sim_struct which, DWORD version);

/* callparams.c: LINECALLPARAMS. The checks tapisrv makes for API version `version` (their
 * errors are function results), then the provider's against line `dev` (LINE_REPLY for an
 * asynchronous function); `forOpen`: only what lineOpen with LINEMAPPER looks at. */
LONG sim_callparams_check(const LINECALLPARAMS *cp, DWORD version);
LONG sim_callparams_provider(const LINECALLPARAMS *cp, DWORD version, const sim_device *dev, int forOpen);

/* trace.c */
void sim_trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *sim_err_name(LONG err);
const char *sim_msg_name(DWORD msg);
const char *sim_state_name(DWORD state);
void sim_wstr_to_ascii(const WCHAR *src, char *dst, size_t dstSize);
LONG sim_ret(LONG result, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Variable-size TAPI structures: fixed part, then variable fields all-or-nothing. */
typedef struct sim_var {
    unsigned char *base;
    DWORD fixed, total, used, needed;
} sim_var;

/* Starts a structure whose fixed part is that of `which` for API `version`. If dwTotalSize is
 * smaller, returns LINEERR_STRUCTURETOOSMALL and nothing is written. */
LONG sim_var_begin(sim_var *v, void *buf, enum sim_struct which, DWORD version);
/* Appends `size` bytes; returns the offset, or 0 (and adds to dwNeededSize only) if it does not fit. */
DWORD sim_var_put(sim_var *v, const void *data, DWORD size);
/* Appends an ASCII string as NUL-terminated UTF-16; *size receives the byte size or 0. */
DWORD sim_var_wstr(sim_var *v, const char *s, DWORD *size);
/* Copies the fixed part of `full` (a zero-initialised full-size struct) into the buffer and
 * writes dwNeededSize and dwUsedSize. */
void sim_var_end(sim_var *v, const void *full);

#endif /* SIM_INTERNAL_H */
