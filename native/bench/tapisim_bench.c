/*
 * tapisim-bench: the C baseline of the Java benchmarks (benchmarks/). The same TAPI calls, made
 * from C against libtapisim on the same machine, so that the Java figures can be read as "C plus
 * the cost of the bridge".
 *
 *   tapisim-bench [--runs N] [--time-ms MS] [--json FILE] [--smoke] [--single-threaded] [NAME...]
 *   tapisim-bench --memory CYCLES [--json FILE]
 *   tapisim-bench --switches N [--json FILE]     (switches.c)
 *
 * Each benchmark runs once to warm up, then N times (default 7); a run repeats the operation for
 * at least MS milliseconds (default 200) of measured time. Reported: the median, minimum and
 * maximum of the runs. Time is CLOCK_MONOTONIC; nanosecond-scale calls are timed as a whole loop,
 * round trips one by one (their setup, such as making the busy call, is not timed).
 * --smoke: one short run of each, for ctest (checks that everything works, measures nothing).
 *
 * The process is made multi-threaded before anything is measured (an idle thread), because a JVM
 * always is, and glibc takes cheaper paths in a single-threaded process: uncontended
 * pthread_mutex_lock/unlock cost about 8 ns less per call here. --single-threaded skips the idle
 * thread, to see that difference.
 */
#include "tapi_abi.h"
#include "tapisim.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "switches.h"

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#include <malloc.h>
#define HAVE_MALLINFO2 1 /* mallinfo2, for --memory */
#endif

#define APP_VERSION 0x00030001u
#define STATUS_ROOM 512           /* the Java benchmark's buffer: LINECALLSTATUS + 512 bytes */
#define BATCH 10000u              /* messages per tapisim_post_messages in event delivery */
#define BUSY_TARGET "201"
#define INVALID_MODE 3u           /* two mode bits: LINEERR_INVALCALLCOMPLMODE synchronously */

static volatile DWORD g_sink;     /* keeps results alive (unsigned: the sums wrap) */

static void die(const char *what, LONG r)
{
    fprintf(stderr, "tapisim-bench: %s failed: 0x%08X\n", what, (unsigned)r);
    exit(2);
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- TAPI set-up ------------------------------------------------------------------------ */

static HLINEAPP init_app(void)
{
    static const WCHAR name[] = { 'b', 'e', 'n', 'c', 'h', 0 };
    HLINEAPP h = 0;
    DWORD numDevs = 0, version = APP_VERSION;
    LINEINITIALIZEEXPARAMS p;
    memset(&p, 0, sizeof p);
    p.dwTotalSize = sizeof p;
    p.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
    LONG r = lineInitializeExW(&h, NULL, NULL, name, &numDevs, &version, &p);
    if (r != 0)
        die("lineInitializeExW", r);
    return h;
}

static HLINE open_owner_line(HLINEAPP app, DWORD device)
{
    HLINE h = 0;
    LONG r = lineOpenW(app, device, &h, APP_VERSION, 0, 1, LINECALLPRIVILEGE_OWNER,
                       LINEMEDIAMODE_INTERACTIVEVOICE, NULL);
    if (r != 0)
        die("lineOpenW", r);
    return h;
}

static void drain(HLINEAPP app)
{
    LINEMESSAGE m;
    while (lineGetMessage(app, &m, 0) == 0)
        ;
}

/* Takes messages until the LINE_REPLY of `request`; returns its result. */
static LONG await_reply(HLINEAPP app, LONG request)
{
    LINEMESSAGE m;
    for (;;) {
        LONG r = lineGetMessage(app, &m, INFINITE);
        if (r != 0)
            die("lineGetMessage", r);
        if (m.dwMessageID == LINE_REPLY && (DWORD)m.dwParam1 == (DWORD)request)
            return (LONG)(DWORD)m.dwParam2;
    }
}

static LONG make_call(HLINE line, const char *number, HCALL *call)
{
    WCHAR w[32];
    size_t i = 0;
    for (; number[i] && i + 1 < sizeof w / sizeof *w; i++)
        w[i] = (WCHAR)number[i];
    w[i] = 0;
    return lineMakeCallW(line, call, w, 0, NULL);
}

/* A call from `line` to the busy station, its messages consumed: BUSY, ready for completion. */
static HCALL busy_call(HLINEAPP app, HLINE line)
{
    HCALL call = 0;
    LONG request = make_call(line, BUSY_TARGET, &call);
    if (request <= 0)
        die("lineMakeCallW", request);
    LONG r = await_reply(app, request);
    if (r != 0)
        die("lineMakeCallW reply", r);
    drain(app);
    return call;
}

/* The state every benchmark starts from: a fresh switch, one app, line 0, a busy target. */
struct fixture {
    HLINEAPP app;
    HLINE line;
};

static struct fixture fixture_open(void)
{
    LONG r = tapisim_reset();
    if (r != 0)
        die("tapisim_reset", r);
    r = tapisim_set_option("trace", 0); /* as the JMH benchmarks: the calls, not the trace */
    if (r != 0)
        die("tapisim_set_option", r);
    r = tapisim_set_station(BUSY_TARGET, TAPISIM_STATION_BUSY);
    if (r != 0)
        die("tapisim_set_station", r);
    struct fixture f;
    f.app = init_app();
    f.line = open_owner_line(f.app, 0);
    drain(f.app);
    return f;
}

/* ---- measurement ------------------------------------------------------------------------ */

/* One benchmark: sets up, then measures `ops` operations and returns the nanoseconds they took
 * (time of set-up steps between operations excluded by the benchmark itself). */
typedef struct bench bench;
struct bench {
    const char *name;
    const char *unit;             /* "ns/op" or "ops/s" (derived from ns/op) */
    const char *what;
    int perMessage;               /* ops are messages (BATCH per round) */
    void (*setup)(void);
    uint64_t (*run)(uint64_t ops);
    void (*teardown)(void);
};

static struct fixture g_fx;
static HCALL g_call;
static LPLINECALLSTATUS g_status;
static DWORD g_completionId;
static HLINEAPP g_emptyApp;

static void setup_sync(void)
{
    g_fx = fixture_open();
    g_call = busy_call(g_fx.app, g_fx.line);
    g_status = calloc(1, sizeof(LINECALLSTATUS) + STATUS_ROOM);
    if (g_status == NULL)
        die("calloc", LINEERR_NOMEM);
    g_status->dwTotalSize = (DWORD)(sizeof(LINECALLSTATUS) + STATUS_ROOM);
    LONG r = lineGetCallStatus(g_call, g_status);
    if (r != 0 || g_status->dwCallState != LINECALLSTATE_BUSY)
        die("lineGetCallStatus (expected BUSY)", r);
    r = lineCompleteCall(g_call, &g_completionId, INVALID_MODE, 0);
    if (r != (LONG)LINEERR_INVALCALLCOMPLMODE)
        die("lineCompleteCall (expected LINEERR_INVALCALLCOMPLMODE)", r);
    g_emptyApp = init_app(); /* no line: its queue stays empty */
}

static void teardown_sync(void)
{
    free(g_status);
    g_status = NULL;
    tapisim_reset();
}

static uint64_t run_get_call_status(uint64_t ops)
{
    DWORD acc = 0;
    uint64_t t0 = now_ns();
    for (uint64_t i = 0; i < ops; i++)
        acc += (DWORD)lineGetCallStatus(g_call, g_status);
    uint64_t t = now_ns() - t0;
    g_sink = acc;
    return t;
}

static uint64_t run_complete_call_rejected(uint64_t ops)
{
    DWORD acc = 0;
    uint64_t t0 = now_ns();
    for (uint64_t i = 0; i < ops; i++)
        acc += (DWORD)lineCompleteCall(g_call, &g_completionId, INVALID_MODE, 0);
    uint64_t t = now_ns() - t0;
    g_sink = acc;
    return t;
}

static uint64_t run_get_message_empty(uint64_t ops)
{
    DWORD acc = 0;
    LINEMESSAGE m;
    uint64_t t0 = now_ns();
    for (uint64_t i = 0; i < ops; i++)
        acc += (DWORD)lineGetMessage(g_emptyApp, &m, 0);
    uint64_t t = now_ns() - t0;
    g_sink = acc;
    return t;
}

/* ---- completion round trip, one thread ---------------------------------------------------- */

static void setup_round_trip(void)
{
    g_fx = fixture_open();
}

/* completeCall(CAMPON) + LINE_REPLY + uncompleteCall + LINE_REPLY, the thread that issues the
 * requests also taking the replies (no hand-off between threads). */
static uint64_t run_round_trip_one_thread(uint64_t ops)
{
    uint64_t total = 0;
    for (uint64_t i = 0; i < ops; i++) {
        HCALL call = busy_call(g_fx.app, g_fx.line);
        DWORD id = 0;
        uint64_t t0 = now_ns();
        LONG request = lineCompleteCall(call, &id, LINECALLCOMPLMODE_CAMPON, 0);
        if (request <= 0 || await_reply(g_fx.app, request) != 0)
            die("lineCompleteCall", request);
        request = lineUncompleteCall(g_fx.line, id);
        if (request <= 0 || await_reply(g_fx.app, request) != 0)
            die("lineUncompleteCall", request);
        total += now_ns() - t0;
        lineDeallocateCall(call);
        drain(g_fx.app);
    }
    return total;
}

/* ---- completion round trip with an event pump thread ---------------------------------------- */

/* The shape of the Java library: one pump thread takes every message with
 * lineGetMessage(INFINITE) and hands each LINE_REPLY to the waiting thread (mutex + condition
 * variable, as a CompletableFuture parks and unparks). */
#define SLOTS 1024u
static struct {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    DWORD request[SLOTS];
    LONG result[SLOTS];
    _Atomic uint64_t messages;    /* written by the pump only; no lock per message */
    int spin;                     /* pump_take spins on tapisim_activity before it blocks */
    pthread_t thread;
} g_pump = { .lock = PTHREAD_MUTEX_INITIALIZER, .cond = PTHREAD_COND_INITIALIZER };

/* Round trips in flight (the pipelined shape, below): each entry is a busy call whose
 * lineCompleteCall, then lineUncompleteCall, is outstanding. Guarded by g_pump.lock. */
#define WINDOW 32u                /* 4 lines x 8 calls (LINEADDRESSCAPS.dwMaxNumActiveCalls) */
#define PIPE_LINES 4u
enum { IDLE_ENTRY, COMPLETING, CANCELLING, FINISHED };
static struct {
    HLINE line[PIPE_LINES];
    HCALL call[WINDOW];
    DWORD id[WINDOW];             /* written by the switch just before the LINE_REPLY */
    LONG request[WINDOW];
    int stage[WINDOW];
    unsigned finished;
} g_pipe;

/* Called by the pump with g_pump.lock held: a LINE_REPLY of a pipelined request issues the
 * next request from the pump thread, as a future's callback does in Java. */
static int pipeline_reply(LONG request, LONG result)
{
    for (DWORD i = 0; i < WINDOW; i++) {
        if (g_pipe.request[i] != request || g_pipe.stage[i] == IDLE_ENTRY
                || g_pipe.stage[i] == FINISHED)
            continue;
        if (result != 0)
            die(g_pipe.stage[i] == COMPLETING ? "lineCompleteCall reply" : "lineUncompleteCall reply",
                result);
        if (g_pipe.stage[i] == COMPLETING) {
            g_pipe.stage[i] = CANCELLING;
            g_pipe.request[i] = lineUncompleteCall(g_pipe.line[i % PIPE_LINES], g_pipe.id[i]);
            if (g_pipe.request[i] <= 0)
                die("lineUncompleteCall", g_pipe.request[i]);
        } else {
            g_pipe.stage[i] = FINISHED;
            if (++g_pipe.finished == WINDOW)
                pthread_cond_broadcast(&g_pump.cond);
        }
        return 1;
    }
    return 0;
}

/* The longest pump_take spins, as the Java event pump's (EventPump.SPIN_MICROS). */
#define PUMP_SPIN_NS 50000u

/* The pump's wait for its next message: lineGetMessage(INFINITE), or with g_pump.spin first the
 * Java library's drain (tb_get_messages): take with timeout 0 and, while the queue is empty,
 * watch tapisim_activity for up to PUMP_SPIN_NS before blocking. */
static LONG pump_take(HLINEAPP app, LINEMESSAGE *m)
{
    if (!g_pump.spin)
        return lineGetMessage(app, m, INFINITE);
    uint64_t deadline = 0;
    for (;;) {
        DWORD seen = tapisim_activity();
        LONG r = lineGetMessage(app, m, 0);
        if (r != (LONG)LINEERR_OPERATIONFAILED)
            return r;
        if (deadline == 0)
            deadline = now_ns() + PUMP_SPIN_NS;
        while (tapisim_activity() == seen) {
            if (now_ns() >= deadline)
                return lineGetMessage(app, m, INFINITE);
#if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause();
#endif
        }
    }
}

static void *pump_main(void *arg)
{
    HLINEAPP app = *(HLINEAPP *)arg;
    LINEMESSAGE m;
    while (pump_take(app, &m) == 0) {
        atomic_store_explicit(&g_pump.messages,
                              atomic_load_explicit(&g_pump.messages, memory_order_relaxed) + 1,
                              memory_order_release);
        if (m.dwMessageID == LINE_REPLY) {
            DWORD slot = (DWORD)m.dwParam1 % SLOTS;
            pthread_mutex_lock(&g_pump.lock);
            if (pipeline_reply((LONG)(DWORD)m.dwParam1, (LONG)(DWORD)m.dwParam2)) {
                pthread_mutex_unlock(&g_pump.lock);
                continue;
            }
            g_pump.request[slot] = (DWORD)m.dwParam1;
            g_pump.result[slot] = (LONG)(DWORD)m.dwParam2;
            pthread_cond_broadcast(&g_pump.cond);
            pthread_mutex_unlock(&g_pump.lock);
        } else if (m.dwMessageID == LINE_DEVSPECIFIC && m.dwParam1 + 1 == m.dwParam2) {
            pthread_mutex_lock(&g_pump.lock); /* the last message of a batch */
            pthread_cond_broadcast(&g_pump.cond);
            pthread_mutex_unlock(&g_pump.lock);
        }
    }
    return NULL; /* lineShutdown */
}

static LONG pump_await(LONG request)
{
    if (request <= 0)
        return request;
    DWORD slot = (DWORD)request % SLOTS;
    pthread_mutex_lock(&g_pump.lock);
    while (g_pump.request[slot] != (DWORD)request)
        pthread_cond_wait(&g_pump.cond, &g_pump.lock);
    LONG r = g_pump.result[slot];
    g_pump.request[slot] = 0;
    pthread_mutex_unlock(&g_pump.lock);
    return r;
}

static void setup_pump(void)
{
    g_fx = fixture_open();
    memset(g_pump.request, 0, sizeof g_pump.request);
    atomic_store(&g_pump.messages, 0);
    if (pthread_create(&g_pump.thread, NULL, pump_main, &g_fx.app) != 0)
        die("pthread_create", 0);
}

static void teardown_pump(void)
{
    lineShutdown(g_fx.app); /* wakes the pump with LINEERR_INVALAPPHANDLE */
    pthread_join(g_pump.thread, NULL);
    g_pump.spin = 0;
    tapisim_reset();
}

static uint64_t run_round_trip_pump(uint64_t ops)
{
    uint64_t total = 0;
    for (uint64_t i = 0; i < ops; i++) {
        HCALL call = 0;
        LONG r = pump_await(make_call(g_fx.line, BUSY_TARGET, &call));
        if (r != 0)
            die("lineMakeCallW", r);
        DWORD id = 0;
        uint64_t t0 = now_ns();
        r = pump_await(lineCompleteCall(call, &id, LINECALLCOMPLMODE_CAMPON, 0));
        if (r != 0)
            die("lineCompleteCall", r);
        r = pump_await(lineUncompleteCall(g_fx.line, id));
        if (r != 0)
            die("lineUncompleteCall", r);
        total += now_ns() - t0;
        lineDeallocateCall(call);
    }
    return total;
}

/* ---- completion round trips in flight, with an event pump thread ---------------------------- */

static void setup_pipeline(void)
{
    setup_pump();
    LONG r = tapisim_set_option("max_call_completions", WINDOW / PIPE_LINES);
    if (r != 0)
        die("tapisim_set_option", r);
    g_pipe.line[0] = g_fx.line;
    for (DWORD d = 1; d < PIPE_LINES; d++)
        g_pipe.line[d] = open_owner_line(g_fx.app, d);
}

/* The same pipeline with the pump spinning as the Java library's does while replies are owed. */
static void setup_pipeline_spin(void)
{
    g_pump.spin = 1;
    setup_pipeline();
}

/* The asynchronous API used as such: WINDOW busy calls (made before the clock starts), a
 * lineCompleteCall(CAMPON) on each, and the pump issuing each lineUncompleteCall when the
 * completion's LINE_REPLY arrives; timed until the last cancel's LINE_REPLY. */
static uint64_t run_round_trip_pipelined(uint64_t ops)
{
    uint64_t total = 0, performed = 0;
    LONG made[WINDOW];
    while (performed < ops) {
        for (DWORD i = 0; i < WINDOW; i++) {
            g_pipe.call[i] = 0;
            made[i] = make_call(g_pipe.line[i % PIPE_LINES], BUSY_TARGET, &g_pipe.call[i]);
        }
        for (DWORD i = 0; i < WINDOW; i++)
            if (pump_await(made[i]) != 0)
                die("lineMakeCallW", made[i]);
        pthread_mutex_lock(&g_pump.lock);
        g_pipe.finished = 0;
        pthread_mutex_unlock(&g_pump.lock);
        uint64_t t0 = now_ns();
        /* One request at a time under the lock, as the Java library registers each request:
         * the pump can take each reply while the next request is being issued. */
        for (DWORD i = 0; i < WINDOW; i++) {
            pthread_mutex_lock(&g_pump.lock);
            g_pipe.stage[i] = COMPLETING;
            g_pipe.request[i] = lineCompleteCall(g_pipe.call[i], &g_pipe.id[i],
                                                 LINECALLCOMPLMODE_CAMPON, 0);
            if (g_pipe.request[i] <= 0)
                die("lineCompleteCall", g_pipe.request[i]);
            pthread_mutex_unlock(&g_pump.lock);
        }
        pthread_mutex_lock(&g_pump.lock);
        while (g_pipe.finished < WINDOW)
            pthread_cond_wait(&g_pump.cond, &g_pump.lock);
        total += now_ns() - t0;
        for (DWORD i = 0; i < WINDOW; i++)
            g_pipe.stage[i] = IDLE_ENTRY;
        pthread_mutex_unlock(&g_pump.lock);
        for (DWORD i = 0; i < WINDOW; i++)
            lineDeallocateCall(g_pipe.call[i]);
        performed += WINDOW;
    }
    return (uint64_t)((double)total * (double)ops / (double)performed);
}

/* ---- event delivery ----------------------------------------------------------------------- */

static void setup_events(void)
{
    g_fx = fixture_open();
}

/* Messages from tapisim_post_messages to the thread that calls lineGetMessage, same thread. */
static uint64_t run_events_one_thread(uint64_t messages)
{
    LINEMESSAGE m;
    uint64_t taken = 0;
    uint64_t t0 = now_ns();
    while (taken < messages) {
        LONG r = tapisim_post_messages(g_fx.app, BATCH);
        if (r != 0)
            die("tapisim_post_messages", r);
        for (DWORD i = 0; i < BATCH; i++)
            if (lineGetMessage(g_fx.app, &m, 0) == 0)
                taken++;
    }
    uint64_t t = now_ns() - t0;
    g_sink = (DWORD)taken;
    return t;
}

/* The same, taken by the pump thread (blocked in lineGetMessage) while this thread waits. */
static uint64_t run_events_pump(uint64_t messages)
{
    uint64_t t0 = now_ns();
    uint64_t start = atomic_load(&g_pump.messages), target = start;
    while (target - start < messages) {
        target += BATCH;
        LONG r = tapisim_post_messages(g_fx.app, BATCH);
        if (r != 0)
            die("tapisim_post_messages", r);
        pthread_mutex_lock(&g_pump.lock);
        while (atomic_load(&g_pump.messages) < target)
            pthread_cond_wait(&g_pump.cond, &g_pump.lock);
        pthread_mutex_unlock(&g_pump.lock);
    }
    return now_ns() - t0;
}

static const bench k_benches[] = {
    { "lineGetCallStatus", "ns/op", "lineGetCallStatus of a BUSY call into a reused buffer",
      0, setup_sync, run_get_call_status, teardown_sync },
    { "lineCompleteCall_rejected", "ns/op",
      "lineCompleteCall with two mode bits: LINEERR_INVALCALLCOMPLMODE at once",
      0, setup_sync, run_complete_call_rejected, teardown_sync },
    { "lineGetMessage_empty", "ns/op", "lineGetMessage(timeout 0) on an empty queue",
      0, setup_sync, run_get_message_empty, teardown_sync },
    { "completionRoundTrip_oneThread", "ops/s",
      "lineCompleteCall + LINE_REPLY + lineUncompleteCall + LINE_REPLY, replies taken by the caller",
      0, setup_round_trip, run_round_trip_one_thread, teardown_sync },
    { "completionRoundTrip_pump", "ops/s",
      "the same, replies taken by a pump thread and handed over (mutex + condition variable)",
      0, setup_pump, run_round_trip_pump, teardown_pump },
    { "completionRoundTrip_pipelined", "ops/s",
      "32 round trips in flight (4 lines), each request registered under the pump lock, each cancel issued by the pump",
      0, setup_pipeline, run_round_trip_pipelined, teardown_pump },
    { "completionRoundTrip_pipelined_spin", "ops/s",
      "the same, the pump spinning on tapisim_activity for up to 50 us before it blocks, as the Java pump does",
      0, setup_pipeline_spin, run_round_trip_pipelined, teardown_pump },
    { "eventDelivery_oneThread", "msgs/s",
      "tapisim_post_messages batches of 10,000 taken with lineGetMessage by the same thread",
      1, setup_events, run_events_one_thread, teardown_sync },
    { "eventDelivery_pump", "msgs/s",
      "the same, taken by a pump thread blocked in lineGetMessage(INFINITE)",
      1, setup_pump, run_events_pump, teardown_pump },
};

/* ---- native memory over completion cycles (--memory N) ------------------------------------ */

#ifdef HAVE_MALLINFO2
/* Bytes malloc has handed out and not taken back: the simulator's, and this program's. */
static uint64_t malloc_in_use(void)
{
    struct mallinfo2 m = mallinfo2();
    return (uint64_t)m.uordblks + (uint64_t)m.hblkhd;
}

/* Takes messages until every request in `requests` has its LINE_REPLY; each must succeed. */
static void await_all(HLINEAPP app, const LONG *requests, DWORD n, const char *what)
{
    DWORD left = n;
    LINEMESSAGE m;
    for (DWORD i = 0; i < n; i++)
        if (requests[i] <= 0)
            die(what, requests[i]);
    while (left > 0) {
        LONG r = lineGetMessage(app, &m, INFINITE);
        if (r != 0)
            die("lineGetMessage", r);
        if (m.dwMessageID != LINE_REPLY)
            continue;
        for (DWORD i = 0; i < n; i++) {
            if ((DWORD)requests[i] == (DWORD)m.dwParam1) {
                if (m.dwParam2 != 0)
                    die(what, (LONG)(DWORD)m.dwParam2);
                left--;
                break;
            }
        }
    }
}

/* What an application does with a completion, WINDOW at a time: make a call to the busy station,
 * read its status, lineCompleteCall(CAMPON), read its info, lineUncompleteCall, deallocate. */
static void memory_cycles(HLINEAPP app, const HLINE *lines, LPLINECALLSTATUS status,
                          LPLINECALLINFO info, uint64_t n)
{
    HCALL calls[WINDOW];
    DWORD ids[WINDOW];
    LONG requests[WINDOW];
    for (uint64_t done = 0; done < n; done += WINDOW) {
        DWORD k = n - done < WINDOW ? (DWORD)(n - done) : WINDOW;
        for (DWORD i = 0; i < k; i++)
            requests[i] = make_call(lines[i % PIPE_LINES], BUSY_TARGET, &calls[i]);
        await_all(app, requests, k, "lineMakeCallW");
        for (DWORD i = 0; i < k; i++) {
            LONG r = lineGetCallStatus(calls[i], status);
            if (r != 0)
                die("lineGetCallStatus", r);
            requests[i] = lineCompleteCall(calls[i], &ids[i], LINECALLCOMPLMODE_CAMPON, 0);
        }
        await_all(app, requests, k, "lineCompleteCall");
        for (DWORD i = 0; i < k; i++) {
            LONG r = lineGetCallInfoW(calls[i], info);
            if (r != 0)
                die("lineGetCallInfoW", r);
            requests[i] = lineUncompleteCall(lines[i % PIPE_LINES], ids[i]);
        }
        await_all(app, requests, k, "lineUncompleteCall");
        for (DWORD i = 0; i < k; i++) {
            LONG r = lineDeallocateCall(calls[i]);
            if (r != 0)
                die("lineDeallocateCall", r);
        }
        drain(app);
    }
}
#endif /* HAVE_MALLINFO2 */

/* --memory N: N cycles after a warm-up of N / 10, malloc's bytes in use sampled after the
 * warm-up and after every tenth. Exit status 1 if they grew. */
static int run_memory(uint64_t cycles, const char *json)
{
#ifdef HAVE_MALLINFO2
    enum { STEPS = 10 };
    struct fixture fx = fixture_open();
    LONG r = tapisim_set_option("max_call_completions", WINDOW / PIPE_LINES);
    if (r != 0)
        die("tapisim_set_option", r);
    HLINE lines[PIPE_LINES];
    lines[0] = fx.line;
    for (DWORD d = 1; d < PIPE_LINES; d++)
        lines[d] = open_owner_line(fx.app, d);
    size_t room = 4096;
    LPLINECALLSTATUS status = calloc(1, room);
    LPLINECALLINFO info = calloc(1, room);
    if (status == NULL || info == NULL)
        die("calloc", LINEERR_NOMEM);
    status->dwTotalSize = (DWORD)room;
    info->dwTotalSize = (DWORD)room;

    uint64_t at[STEPS + 1], bytes[STEPS + 1];
    memory_cycles(fx.app, lines, status, info, cycles / 10 + 1);
    at[0] = 0;
    bytes[0] = malloc_in_use();
    for (int s = 1; s <= STEPS; s++) {
        uint64_t step = s == STEPS ? cycles - cycles / STEPS * (STEPS - 1) : cycles / STEPS;
        memory_cycles(fx.app, lines, status, info, step);
        at[s] = at[s - 1] + step;
        bytes[s] = malloc_in_use();
    }
    printf("%12s %16s\n", "cycles", "malloc in use");
    for (int s = 0; s <= STEPS; s++)
        printf("%12llu %16llu\n", (unsigned long long)at[s], (unsigned long long)bytes[s]);
    long long growth = (long long)bytes[STEPS] - (long long)bytes[0];
    printf("growth after warm-up: %+lld bytes\n", growth);
    if (json != NULL) {
        FILE *f = fopen(json, "w");
        if (f == NULL) {
            fprintf(stderr, "tapisim-bench: cannot write %s: %s\n", json, strerror(errno));
            return 2;
        }
        fprintf(f, "{\n  \"tool\": \"tapisim-bench --memory\",\n  \"warmUpCycles\": %llu,\n"
                   "  \"window\": %u,\n  \"samples\": [\n", (unsigned long long)(cycles / 10 + 1),
                WINDOW);
        for (int s = 0; s <= STEPS; s++)
            fprintf(f, "    {\"cycles\": %llu, \"mallocInUse\": %llu}%s\n",
                    (unsigned long long)at[s], (unsigned long long)bytes[s], s < STEPS ? "," : "");
        fprintf(f, "  ]\n}\n");
        fclose(f);
    }
    free(status);
    free(info);
    lineShutdown(fx.app);
    tapisim_reset();
    return growth > 0 ? 1 : 0;
#else
    (void)cycles;
    (void)json;
    /* Exit status 77: ctest reports the bench_memory test as skipped, with this reason. */
    printf("--memory skipped: it reads the heap through glibc's mallinfo2 (glibc 2.33 or later),"
           " which this C library does not have\n");
    return 77;
#endif
}

/* ---- driver ------------------------------------------------------------------------------- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

struct result {
    const bench *b;
    double nsPerOp[64];
    int runs;
    uint64_t opsPerRun;
    double median, min, max;      /* in the bench's unit */
};

static double in_unit(const bench *b, double nsPerOp)
{
    return strcmp(b->unit, "ns/op") == 0 ? nsPerOp : 1e9 / nsPerOp;
}

/* Picks an operation count that takes at least `timeNs`, then warms up and measures. */
static void measure(const bench *b, int runs, uint64_t timeNs, int smoke, struct result *out)
{
    b->setup();
    uint64_t ops = b->perMessage ? BATCH : 1;
    if (smoke) {
        ops = b->perMessage ? BATCH : 10;
    } else {
        for (;;) {
            uint64_t t = b->run(ops);
            if (t >= timeNs / 4)
                break;
            ops *= 4;
        }
        ops = (uint64_t)((double)ops * (double)timeNs / (double)(b->run(ops) + 1)) + 1;
        if (b->perMessage)
            ops = (ops + BATCH - 1) / BATCH * BATCH;
        b->run(ops); /* warm-up run */
    }
    out->b = b;
    out->runs = runs;
    out->opsPerRun = ops;
    for (int i = 0; i < runs; i++)
        out->nsPerOp[i] = (double)b->run(ops) / (double)ops;
    b->teardown();
    double sorted[64];
    memcpy(sorted, out->nsPerOp, sizeof(double) * (size_t)runs);
    qsort(sorted, (size_t)runs, sizeof *sorted, cmp_double);
    double mid = runs % 2 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
    /* In ops/s the fastest run is the largest number: min and max swap. */
    double lo = in_unit(b, sorted[0]), hi = in_unit(b, sorted[runs - 1]);
    out->median = in_unit(b, mid);
    out->min = lo < hi ? lo : hi;
    out->max = lo < hi ? hi : lo;
}

static void write_json(FILE *f, const struct result *r, int n, int runs, uint64_t timeNs,
                       int singleThreaded)
{
    fprintf(f, "{\n  \"tool\": \"tapisim-bench\",\n  \"runs\": %d,\n  \"timePerRunMs\": %llu,\n"
               "  \"multiThreaded\": %s,\n  \"benchmarks\": [\n", runs,
            (unsigned long long)(timeNs / 1000000u), singleThreaded ? "false" : "true");
    for (int i = 0; i < n; i++) {
        fprintf(f, "    {\"name\": \"%s\", \"unit\": \"%s\", \"description\": \"%s\", "
                   "\"median\": %.3f, \"min\": %.3f, \"max\": %.3f, \"opsPerRun\": %llu, "
                   "\"nsPerOp\": [", r[i].b->name, r[i].b->unit, r[i].b->what, r[i].median,
                r[i].min, r[i].max, (unsigned long long)r[i].opsPerRun);
        for (int k = 0; k < r[i].runs; k++)
            fprintf(f, "%s%.3f", k ? ", " : "", r[i].nsPerOp[k]);
        fprintf(f, "]}%s\n", i + 1 < n ? "," : "");
    }
    fprintf(f, "  ]\n}\n");
}

/* The idle thread that makes the process multi-threaded, as a JVM is; it never wakes. */
static pthread_mutex_t g_idleLock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_idleCond = PTHREAD_COND_INITIALIZER;

static void *idle_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&g_idleLock);
    for (;;)
        pthread_cond_wait(&g_idleCond, &g_idleLock);
    return NULL;
}

static void usage(FILE *f)
{
    fprintf(f, "usage: tapisim-bench [--runs N] [--time-ms MS] [--json FILE] [--smoke] "
               "[--single-threaded] [NAME...]\n"
               "       tapisim-bench --memory CYCLES [--json FILE]\n"
               "       tapisim-bench --switches N [--json FILE]\n"
               "benchmarks:\n");
    for (size_t i = 0; i < sizeof k_benches / sizeof *k_benches; i++)
        fprintf(f, "  %-30s %s\n", k_benches[i].name, k_benches[i].what);
}

int main(int argc, char **argv)
{
    int runs = 7, smoke = 0, singleThreaded = 0;
    uint64_t memoryCycles = 0, switches = 0;
    uint64_t timeNs = 200u * 1000000u;
    const char *json = NULL;
    const char *only[16];
    int nOnly = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
            runs = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--time-ms") == 0 && i + 1 < argc) {
            timeNs = (uint64_t)strtoull(argv[++i], NULL, 10) * 1000000u;
        } else if (strcmp(argv[i], "--json") == 0 && i + 1 < argc) {
            json = argv[++i];
        } else if (strcmp(argv[i], "--memory") == 0 && i + 1 < argc) {
            memoryCycles = strtoull(argv[++i], NULL, 10);
            if (memoryCycles < 10) {
                usage(stderr);
                return 2;
            }
        } else if (strcmp(argv[i], "--switches") == 0 && i + 1 < argc) {
            switches = strtoull(argv[++i], NULL, 10);
            if (switches < 10) {
                fprintf(stderr, "tapisim-bench: --switches needs at least 10\n");
                return 2;
            }
        } else if (strcmp(argv[i], "--smoke") == 0) {
            smoke = 1;
        } else if (strcmp(argv[i], "--single-threaded") == 0) {
            singleThreaded = 1;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (argv[i][0] != '-' && nOnly < 16) {
            only[nOnly++] = argv[i];
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (smoke)
        runs = 1;
    if (runs < 1 || runs > 64 || timeNs == 0) {
        usage(stderr);
        return 2;
    }

    if (memoryCycles > 0)
        return run_memory(memoryCycles, json);
    if (switches > 0)
        return run_switches(switches, json);

    if (!singleThreaded) {
        pthread_t idle;
        if (pthread_create(&idle, NULL, idle_main, NULL) != 0)
            die("pthread_create", 0);
        pthread_detach(idle);
    }

    struct result results[sizeof k_benches / sizeof *k_benches];
    int n = 0;
    printf("%-32s %14s %14s %14s  %s\n", "benchmark", "median", "min", "max", "unit");
    for (size_t i = 0; i < sizeof k_benches / sizeof *k_benches; i++) {
        int selected = nOnly == 0;
        for (int k = 0; k < nOnly; k++)
            selected |= strcmp(only[k], k_benches[i].name) == 0;
        if (!selected)
            continue;
        measure(&k_benches[i], runs, timeNs, smoke, &results[n]);
        printf("%-32s %14.1f %14.1f %14.1f  %s\n", results[n].b->name, results[n].median,
               results[n].min, results[n].max, results[n].b->unit);
        fflush(stdout);
        n++;
    }
    if (json != NULL) {
        FILE *f = fopen(json, "w");
        if (f == NULL) {
            fprintf(stderr, "tapisim-bench: cannot write %s: %s\n", json, strerror(errno));
            return 2;
        }
        write_json(f, results, n, runs, timeNs, singleThreaded);
        fclose(f);
    }
    return 0;
}
