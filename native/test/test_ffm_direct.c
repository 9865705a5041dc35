/*
 * libtapibridge's plain C API for the FFM backend (jni/tapibridge_ffm.h), without a JVM: the
 * bridge is linked and never sees JNI_OnLoad, so its first open initialises the call guard
 * itself. Each wrapper must answer what the provider's own function answers, and a closed or
 * forged handle must reach no provider.
 *
 * The drain both backends share (tb_get_messages) is also tested on a provider table of the
 * test's own: the bridge's loader (jni/provider.c) is compiled in, so that a test can drop the
 * simulator's activity word and initialize as TapiJni.lineInitializeExW does.
 */
#include "sim_test.h"

#include "provider.h"
#include "tapibridge_ffm.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#ifndef TAPISIM_FILE
#error "TAPISIM_FILE: the simulator library's path (native/CMakeLists.txt defines it)"
#endif

/* tapibridge_ffm_open on an ASCII path; the result code, *handle on success. */
static int32_t open_path(const char *path, int32_t pinned, int64_t *handle)
{
    uint16_t units[1024];
    int32_t n = 0;
    for (; path[n] != '\0' && n < 1024; n++)
        units[n] = (uint16_t)(unsigned char)path[n];
    char err[512];
    return tapibridge_ffm_open(units, n, pinned, handle, err, (int32_t)sizeof err);
}

static int64_t open_simulator(void)
{
    int64_t handle = 0;
    CHECK_EQ(open_path(TAPISIM_FILE, 1, &handle), 0);
    CHECK(handle != 0);
    return handle;
}

/* A line of the simulator with a call to a busy station on it, for the completion functions. */
typedef struct {
    HLINEAPP app;
    HLINE line;
    HCALL call;
} busy_call;

static busy_call call_busy_station(void)
{
    busy_call b;
    b.app = init_app("ffm direct");
    b.line = open_line(b.app, 0, 0x00030001, LINECALLPRIVILEGE_OWNER, 0);
    CHECK_EQ(tapisim_set_station("201", 1), 0);
    b.call = 0;
    LONG request = make_call(b.line, "201", &b.call);
    CHECK(request > 0);
    CHECK_EQ(reply_of(b.app, request), 0);
    drain(b.app);
    return b;
}

TEST(abi_version_is_the_headers)
{
    CHECK_EQ(tapibridge_ffm_abi_version(), TAPIBRIDGE_FFM_ABI_VERSION);
}

TEST(open_refuses_what_the_loader_cannot_take)
{
    int64_t handle = 1;
    uint16_t nul[] = { 'a', 0, 'b' };
    char err[256];
    CHECK_EQ(tapibridge_ffm_open(NULL, 4, 1, &handle, err, (int32_t)sizeof err), TAPIBRIDGE_FFM_BADARG);
    CHECK_EQ(handle, 0);
    CHECK_EQ(tapibridge_ffm_open(nul, 0, 1, &handle, err, (int32_t)sizeof err), TAPIBRIDGE_FFM_BADARG);
    CHECK_EQ(tapibridge_ffm_open(nul, 3, 1, &handle, err, (int32_t)sizeof err), TAPIBRIDGE_FFM_BADARG);
    CHECK_EQ(tapibridge_ffm_open(nul, 1, 1, NULL, err, (int32_t)sizeof err), TAPIBRIDGE_FFM_BADARG);
    CHECK_EQ(open_path("no-such-provider-library", 1, &handle), TAPIBRIDGE_FFM_LOAD);
    CHECK_EQ(handle, 0);
}

/* Each wrapper answers what the function answers when called directly, on the same switch. */
TEST(wrappers_answer_as_the_providers_functions)
{
    int64_t h = open_simulator();
    busy_call b = call_busy_station();
    LINECALLSTATUS direct, wrapped;
    memset(&direct, 0, sizeof direct);
    memset(&wrapped, 0, sizeof wrapped);
    direct.dwTotalSize = wrapped.dwTotalSize = sizeof direct;
    CHECK_EQ(tapibridge_ffm_lineGetCallStatus(h, b.call, &wrapped), lineGetCallStatus(b.call, &direct));
    CHECK_EQ(wrapped.dwCallState, direct.dwCallState);
    CHECK(wrapped.dwCallState != 0);
    CHECK_ERR(tapibridge_ffm_lineGetCallStatus(h, 0x7FFF0000, &wrapped),
              lineGetCallStatus(0x7FFF0000, &direct));

    DWORD id = 0;
    LONG request = tapibridge_ffm_lineCompleteCall(h, b.call, &id, LINECALLCOMPLMODE_CALLBACK, 0);
    CHECK(request > 0);
    CHECK_EQ(reply_of(b.app, request), 0);
    CHECK(id != 0);
    CHECK_ERR(tapibridge_ffm_lineCompleteCall(h, b.call, NULL, LINECALLCOMPLMODE_CALLBACK, 0),
              lineCompleteCall(b.call, NULL, LINECALLCOMPLMODE_CALLBACK, 0));
    request = tapibridge_ffm_lineUncompleteCall(h, b.line, id);
    CHECK(request > 0);
    CHECK_EQ(reply_of(b.app, request), 0);
    /* Again: the completion is gone. Asynchronous (a request ID each), so the replies compare. */
    LONG wrappedAgain = tapibridge_ffm_lineUncompleteCall(h, b.line, id);
    LONG wrappedReply = wrappedAgain > 0 ? reply_of(b.app, wrappedAgain) : wrappedAgain;
    LONG directAgain = lineUncompleteCall(b.line, id);
    LONG directReply = directAgain > 0 ? reply_of(b.app, directAgain) : directAgain;
    CHECK(directReply != 0);
    CHECK_ERR(wrappedReply, directReply);
    drain(b.app);

    LINEMESSAGE m;
    CHECK_ERR(tapibridge_ffm_lineGetMessage(h, b.app, &m, 0), lineGetMessage(b.app, &m, 0));
    CHECK_ERR(tapibridge_ffm_lineGetMessage(h, 0x7FFF0000, &m, 0), lineGetMessage(0x7FFF0000, &m, 0));
    CHECK_EQ(lineShutdown(b.app), 0);
    CHECK_EQ(tapibridge_ffm_close(h), 0);
}

/* The batch blocks once, then takes what is queued, up to count, in queue order. */
TEST(batch_takes_the_queued_messages_in_order)
{
    int64_t h = open_simulator();
    HLINEAPP app = init_app("ffm batch");
    drain(app);
    CHECK_EQ(tapisim_post_messages(app, 5), 0);
    LINEMESSAGE got[8];
    memset(got, 0, sizeof got);
    CHECK_EQ(tapibridge_ffm_lineGetMessages(h, app, got, 2, 0, 0), 2);
    CHECK_EQ(tapibridge_ffm_lineGetMessages(h, app, got + 2, 6, 0, 0), 3);
    for (DWORD i = 0; i < 5; i++) {
        CHECK_EQ(got[i].dwMessageID, LINE_DEVSPECIFIC);
        CHECK_EQ(got[i].dwParam1, i);
        CHECK_EQ(got[i].dwParam2, 5);
    }
    /* An empty queue: the first call's LINEERR_, as lineGetMessage's. */
    LINEMESSAGE m;
    LONG empty = lineGetMessage(app, &m, 0);
    CHECK(empty < 0);
    CHECK_ERR(tapibridge_ffm_lineGetMessages(h, app, got, 3, 0, 0), empty);
    CHECK_EQ(tapibridge_ffm_lineGetMessages(h, app, got, 0, 0, 0), TAPIBRIDGE_FFM_BADARG);
    CHECK_EQ(lineShutdown(app), 0);
    CHECK_ERR(tapibridge_ffm_lineGetMessages(h, app, got, 3, 0, 0), lineGetMessage(app, &m, 0));
    CHECK_EQ(tapibridge_ffm_close(h), 0);
}

/* A drain on another thread, spinning for up to a minute on the activity word. */
typedef struct {
    int64_t handle;
    HLINEAPP app;
    LINEMESSAGE m[4];
    int32_t result;
} spinning_drain;

static void *drain_spinning(void *arg)
{
    spinning_drain *d = arg;
    d->result = tapibridge_ffm_lineGetMessages(d->handle, d->app, d->m, 4, INFINITE, 60000000);
    return NULL;
}

/* The spin takes what is posted while it spins as soon as the word changes: the test would
 * take a minute otherwise (and ctest's timeout would fail it). A negative spin is refused. */
TEST(a_spinning_batch_takes_a_message_posted_meanwhile_at_once)
{
    int64_t h = open_simulator();
    spinning_drain d;
    memset(&d, 0, sizeof d);
    d.handle = h;
    d.app = init_app("ffm spin");
    drain(d.app);
    CHECK_EQ(tapibridge_ffm_lineGetMessages(h, d.app, d.m, 4, INFINITE, -1), TAPIBRIDGE_FFM_BADARG);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, drain_spinning, &d), 0);
    struct timespec pause = { 0, 100 * 1000 * 1000 };
    nanosleep(&pause, NULL);
    CHECK_EQ(tapisim_post_messages(d.app, 1), 0);
    pthread_join(thread, NULL);
    clock_gettime(CLOCK_MONOTONIC, &end);
    CHECK(end.tv_sec - start.tv_sec < 30); /* not the minute of the spin */
    CHECK_EQ(d.result, 1);
    CHECK_EQ(d.m[0].dwMessageID, LINE_DEVSPECIFIC);
    CHECK_EQ(lineShutdown(d.app), 0);
    CHECK_EQ(tapibridge_ffm_close(h), 0);
}

/* ---- the drain without the activity word (tb_get_messages) ------------------------------- */

#ifdef _WIN32
#define TAPISIM_PATH L"" TAPISIM_FILE
#define EVENTS_RECORDED 1 /* tb_line_initialize records hEvent */
#else
#define TAPISIM_PATH TAPISIM_FILE
#define EVENTS_RECORDED 0 /* hEvent is the simulator's token, no event: nothing is recorded */
#endif

/* The simulator through the bridge's loader, as TapiJni.openProvider opens it. */
static tb_provider *open_table(void)
{
    tb_provider *p = NULL;
    char err[512];
    if (tb_provider_open(TAPISIM_PATH, TB_OPEN_PINNED, &p, err, sizeof err) != TB_OK) {
        fprintf(stderr, "tb_provider_open: %s\n", err);
        exit(1);
    }
    return p;
}

/*
 * The same, with its activity word dropped: it stands in for tapi32.dll, which has none, so that
 * the drain spins on the USEEVENT hEvent (Windows) or has nothing to watch and blocks at once.
 */
static tb_provider *open_without_activity_word(void)
{
    tb_provider *p = open_table();
    p->tapisim_activity = NULL;
    return p;
}

/* lineInitializeExW with LINEINITIALIZEEXOPTION_USEEVENT, as TapiJni.lineInitializeExW calls it. */
static HLINEAPP init_through_table(tb_provider *p, const char *name)
{
    WCHAR wname[64];
    to_wide(name, wname, 64);
    HLINEAPP app = 0;
    DWORD numDevs = 0, version = 0x00030001;
    LINEINITIALIZEEXPARAMS params;
    event_params(&params);
    CHECK_EQ(tb_line_initialize(p, &app, NULL, wname, &numDevs, &version, &params), 0);
    CHECK(app != 0);
    drain(app);
    return app;
}

/* Whether p records app's hEvent. */
static int recorded(tb_provider *p, HLINEAPP app)
{
#ifdef _WIN32
    tb_app_event *e = tb_event_enter(p, app);
    if (e != NULL)
        tb_event_leave(e);
    return e != NULL;
#else
    (void)p;
    (void)app;
    return 0;
#endif
}

/* Drains polling app's hEvent now (none off Windows). */
static int pollers(tb_provider *p, HLINEAPP app)
{
#ifdef _WIN32
    for (int i = 0; i < TB_APP_EVENTS; i++) {
        if (atomic_load(&p->events[i].app) == app)
            return atomic_load(&p->events[i].pollers);
    }
#else
    (void)p;
    (void)app;
#endif
    return 0;
}

static void pause_ms(long ms)
{
    struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&t, NULL);
}

/* Gives a drain started on another thread the time to reach its wait: on Windows until it polls
 * app's hEvent (up to 10 s), elsewhere 100 ms (it blocks in lineGetMessage, which shows nothing). */
static void await_drain_waiting(tb_provider *p, HLINEAPP app)
{
#ifdef _WIN32
    for (int i = 0; i < 10000 && pollers(p, app) == 0; i++)
        pause_ms(1);
    CHECK_EQ(pollers(p, app), 1); /* spinning on the event, not blocked in lineGetMessage */
#else
    (void)p;
    (void)app;
    pause_ms(100);
#endif
}

/* A drain of p on another thread, as TapiJni.lineGetMessages runs it. */
typedef struct {
    tb_provider *p;
    HLINEAPP app;
    DWORD spinUs;
    LINEMESSAGE m[4];
    LONG result;
    atomic_int done;
} table_drain;

static void *drain_table(void *arg)
{
    table_drain *d = arg;
    d->result = tb_get_messages(d->p, d->app, d->m, 4, INFINITE, d->spinUs);
    atomic_store(&d->done, 1);
    return NULL;
}

static void start_drain(table_drain *d, pthread_t *thread, tb_provider *p, HLINEAPP app,
                        DWORD spinUs)
{
    memset(d, 0, sizeof *d);
    d->p = p;
    d->app = app;
    d->spinUs = spinUs;
    atomic_init(&d->done, 0);
    CHECK_EQ(pthread_create(thread, NULL, drain_table, d), 0);
}

#define SECONDS(n) ((uint64_t)(n) * 1000000000u)

/* A drain spinning for a minute takes what is posted meanwhile as soon as the event says so
 * (Windows) or, with nothing to watch, blocked at once and is woken (elsewhere): never the minute.
 * Both messages come in the one batch, in queue order. */
TEST(without_the_activity_word_a_spinning_batch_takes_a_message_posted_meanwhile_at_once)
{
    tb_provider *p = open_without_activity_word();
    HLINEAPP app = init_through_table(p, "event spin");
    CHECK_EQ(recorded(p, app), EVENTS_RECORDED);
    uint64_t start = tb_mono_ns();
    table_drain d;
    pthread_t thread;
    start_drain(&d, &thread, p, app, 60000000);
    await_drain_waiting(p, app);
    CHECK_EQ(atomic_load(&d.done), 0);
    CHECK_EQ(tapisim_post_messages(app, 2), 0);
    pthread_join(thread, NULL);
    CHECK(tb_mono_ns() - start < SECONDS(30)); /* not the minute of the spin */
    CHECK_EQ(d.result, 2);
    CHECK_EQ(d.m[0].dwMessageID, LINE_DEVSPECIFIC);
    CHECK_EQ(d.m[0].dwParam1, 0);
    CHECK_EQ(d.m[1].dwParam1, 1);
    CHECK_EQ(pollers(p, app), 0);
    CHECK_EQ(tb_line_shutdown(p, app), 0);
    CHECK_EQ(recorded(p, app), 0);
    tb_provider_close(p);
}

/* When a short spin runs out the drain blocks: it neither returns empty-handed nor polls on,
 * and returns with the message posted 200 ms later, not before. */
TEST(without_the_activity_word_a_spin_that_runs_out_blocks_until_a_message_comes)
{
    tb_provider *p = open_without_activity_word();
    HLINEAPP app = init_through_table(p, "event spin out");
    CHECK_EQ(recorded(p, app), EVENTS_RECORDED);
    uint64_t start = tb_mono_ns();
    table_drain d;
    pthread_t thread;
    start_drain(&d, &thread, p, app, 1000);
    pause_ms(200);
    CHECK_EQ(atomic_load(&d.done), 0);
    CHECK_EQ(pollers(p, app), 0); /* the 1 ms spin is over: blocked in lineGetMessage */
    CHECK_EQ(tapisim_post_messages(app, 1), 0);
    pthread_join(thread, NULL);
    CHECK(tb_mono_ns() - start < SECONDS(30));
    CHECK_EQ(d.result, 1);
    CHECK_EQ(d.m[0].dwMessageID, LINE_DEVSPECIFIC);
    CHECK_EQ(tb_line_shutdown(p, app), 0);
    tb_provider_close(p);
}

/* lineShutdown through the bridge ends a drain spinning on the event (it forgets the event,
 * and the drain then blocks on an application that is gone), as it wakes a blocked one. */
TEST(without_the_activity_word_line_shutdown_ends_a_spinning_batch)
{
    tb_provider *p = open_without_activity_word();
    HLINEAPP app = init_through_table(p, "event shutdown");
    uint64_t start = tb_mono_ns();
    table_drain d;
    pthread_t thread;
    start_drain(&d, &thread, p, app, 60000000);
    await_drain_waiting(p, app);
    CHECK_EQ(tb_line_shutdown(p, app), 0);
    pthread_join(thread, NULL);
    CHECK(tb_mono_ns() - start < SECONDS(30));
    CHECK_ERR(d.result, LINEERR_INVALAPPHANDLE);
    CHECK_EQ(recorded(p, app), 0);
    tb_provider_close(p);
}

#ifdef _WIN32
/* The simulator with its activity word: the drain spins on the word, never on the event. */
TEST(the_activity_word_is_watched_before_the_event)
{
    tb_provider *p = open_table();
    HLINEAPP app = init_through_table(p, "word first");
    CHECK_EQ(recorded(p, app), 1);
    uint64_t start = tb_mono_ns();
    table_drain d;
    pthread_t thread;
    start_drain(&d, &thread, p, app, 60000000);
    pause_ms(100);
    CHECK_EQ(pollers(p, app), 0);
    CHECK_EQ(tapisim_post_messages(app, 1), 0);
    pthread_join(thread, NULL);
    CHECK(tb_mono_ns() - start < SECONDS(30));
    CHECK_EQ(d.result, 1);
    CHECK_EQ(tb_line_shutdown(p, app), 0);
    tb_provider_close(p);
}

/* Past TB_APP_EVENTS applications nothing is recorded and the drain blocks at once (no error);
 * a lineShutdown frees an entry for the next. */
TEST(a_full_event_table_leaves_later_applications_blocking_at_once)
{
    tb_provider *p = open_without_activity_word();
    HLINEAPP apps[TB_APP_EVENTS + 1];
    for (int i = 0; i <= TB_APP_EVENTS; i++)
        apps[i] = init_through_table(p, "event table");
    for (int i = 0; i < TB_APP_EVENTS; i++)
        CHECK_EQ(recorded(p, apps[i]), 1);
    HLINEAPP late = apps[TB_APP_EVENTS];
    CHECK_EQ(recorded(p, late), 0);
    uint64_t start = tb_mono_ns();
    table_drain d;
    pthread_t thread;
    start_drain(&d, &thread, p, late, 60000000);
    pause_ms(100);
    CHECK_EQ(tapisim_post_messages(late, 1), 0);
    pthread_join(thread, NULL);
    CHECK(tb_mono_ns() - start < SECONDS(30));
    CHECK_EQ(d.result, 1);
    CHECK_EQ(tb_line_shutdown(p, apps[0]), 0);
    HLINEAPP next = init_through_table(p, "event table");
    CHECK_EQ(recorded(p, next), 1);
    CHECK_EQ(tb_line_shutdown(p, next), 0);
    for (int i = 1; i <= TB_APP_EVENTS; i++)
        CHECK_EQ(tb_line_shutdown(p, apps[i]), 0);
    tb_provider_close(p);
}
#endif

/* After close, and for handles never opened, no wrapper reaches the provider. */
TEST(closed_or_forged_handles_reach_no_provider)
{
    int64_t h = open_simulator();
    CHECK_EQ(tapibridge_ffm_close(h), 0);
    CHECK_EQ(tapibridge_ffm_close(h), TAPIBRIDGE_FFM_CLOSED);
    CHECK_EQ(tapisim_trace_clear(), 0);
    LINECALLSTATUS s;
    memset(&s, 0, sizeof s);
    s.dwTotalSize = sizeof s;
    LINEMESSAGE m[2];
    DWORD id = 0;
    int64_t forged[] = { h, 0, 1, (int64_t)((uint64_t)h ^ ((uint64_t)1 << 32)), -1, h + 1 };
    for (size_t i = 0; i < sizeof forged / sizeof *forged; i++) {
        int64_t f = forged[i];
        CHECK_EQ(tapibridge_ffm_lineGetCallStatus(f, 1, &s), TAPIBRIDGE_FFM_CLOSED);
        CHECK_EQ(tapibridge_ffm_lineCompleteCall(f, 1, &id, LINECALLCOMPLMODE_CALLBACK, 0),
                 TAPIBRIDGE_FFM_CLOSED);
        CHECK_EQ(tapibridge_ffm_lineUncompleteCall(f, 1, 1), TAPIBRIDGE_FFM_CLOSED);
        CHECK_EQ(tapibridge_ffm_lineGetMessage(f, 1, m, 0), TAPIBRIDGE_FFM_CLOSED);
        CHECK_EQ(tapibridge_ffm_lineGetMessages(f, 1, m, 2, 0, 0), TAPIBRIDGE_FFM_CLOSED);
        if (f != h)
            CHECK_EQ(tapibridge_ffm_close(f), TAPIBRIDGE_FFM_CLOSED);
    }
    char *trace = trace_text();
    CHECK(trace != NULL);
    if (trace != NULL) {
        CHECK(strstr(trace, "lineGetCallStatus") == NULL);
        CHECK(strstr(trace, "lineCompleteCall") == NULL);
        CHECK(strstr(trace, "lineUncompleteCall") == NULL);
        free(trace);
    }
    /* A handle opened again is a new one: the old one stays refused. */
    int64_t again = open_simulator();
    CHECK(again != h);
    CHECK_EQ(tapibridge_ffm_lineGetCallStatus(h, 1, &s), TAPIBRIDGE_FFM_CLOSED);
    CHECK(tapibridge_ffm_lineGetCallStatus(again, 1, &s) != TAPIBRIDGE_FFM_CLOSED);
    CHECK_EQ(tapibridge_ffm_close(again), 0);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(abi_version_is_the_headers),
        T(open_refuses_what_the_loader_cannot_take),
        T(wrappers_answer_as_the_providers_functions),
        T(batch_takes_the_queued_messages_in_order),
        T(a_spinning_batch_takes_a_message_posted_meanwhile_at_once),
        T(without_the_activity_word_a_spinning_batch_takes_a_message_posted_meanwhile_at_once),
        T(without_the_activity_word_a_spin_that_runs_out_blocks_until_a_message_comes),
        T(without_the_activity_word_line_shutdown_ends_a_spinning_batch),
#ifdef _WIN32
        T(the_activity_word_is_watched_before_the_event),
        T(a_full_event_table_leaves_later_applications_blocking_at_once),
#endif
        T(closed_or_forged_handles_reach_no_provider),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
