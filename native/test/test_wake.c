/*
 * Waking threads blocked in lineGetMessage: every kind of change another thread makes (a
 * message queued by a control call, a LINE_REPLY that a waiter dispatches, lineShutdown)
 * reaches the reader it is for, and only that reader, with several readers of several apps
 * waiting at once. Every wait has a generous timeout so that a lost wake-up fails the test
 * instead of hanging it: lineGetMessage returns what is queued when its timeout passes, so a
 * reader counts the waits that lasted the whole timeout (they were never woken). A wake-up
 * takes far less than WAIT_MS; nothing here measures speed.
 */
#include "sim_test.h"

#include <pthread.h>
#include <stdint.h>
#include <time.h>

#define V31 0x00030001u
#define WAIT_MS 10000u
#define MAX_READS 200

/* A thread taking `count` messages of one app, each with lineGetMessage(WAIT_MS); it stops at
 * the first error. */
typedef struct reader {
    HLINEAPP app;
    int count;
    int got;                        /* messages taken */
    int timedOut;                   /* waits that lasted WAIT_MS */
    LONG result;                    /* of the last lineGetMessage */
    LINEMESSAGE m[MAX_READS];
    pthread_t thread;
} reader;

static uint64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

static void *read_messages(void *arg)
{
    reader *r = arg;
    for (r->got = 0; r->got < r->count; r->got++) {
        uint64_t start = now_ms();
        r->result = lineGetMessage(r->app, &r->m[r->got], WAIT_MS);
        if (now_ms() - start >= WAIT_MS)
            r->timedOut++;
        if (r->result != 0)
            break;
    }
    return NULL;
}

static void reader_start(reader *r, HLINEAPP app, int count)
{
    memset(r, 0, sizeof *r);
    r->app = app;
    r->count = count;
    r->result = 1;
    CHECK_EQ(pthread_create(&r->thread, NULL, read_messages, r), 0);
}

/* Joins the reader and checks that it was woken for each of its messages. */
static void reader_join(reader *r)
{
    pthread_join(r->thread, NULL);
    CHECK_EQ(r->result, 0);
    CHECK_EQ(r->got, r->count);
    CHECK_EQ(r->timedOut, 0);
}

/* Gives readers time to block; the tests pass either way, they just cover less. */
static void pause_ms(long ms)
{
    struct timespec t = { 0, ms * 1000000L };
    nanosleep(&t, NULL);
}

/* Checks that message i of the reader is the TAPISIM_LINE_SYNC marker with `token`. */
static void check_sync(const reader *r, int i, DWORD token)
{
    CHECK_EQ(r->m[i].dwMessageID, TAPISIM_LINE_SYNC);
    CHECK_EQ((DWORD)r->m[i].dwParam1, token);
}

/* A LINE_REPLY from the provider: lineUncompleteCall with a completion ID that does not exist
 * (answered asynchronously, by whichever thread next dispatches requests). */
static LONG request_reply(HLINE line)
{
    LONG req = lineUncompleteCall(line, 999);
    CHECK(req > 0);
    return req;
}

static void check_reply(const reader *r, int i, LONG request)
{
    CHECK_EQ(r->m[i].dwMessageID, LINE_REPLY);
    CHECK_EQ((LONG)r->m[i].dwParam1, request);
    CHECK_ERR((LONG)(DWORD)r->m[i].dwParam2, LINEERR_INVALCOMPLETIONID);
}

/* ---- one app ---------------------------------------------------------------------------- */

TEST(blocked_reader_gets_a_marker_queued_by_another_thread)
{
    HLINEAPP app = init_app("w");
    reader r;
    reader_start(&r, app, 1);
    pause_ms(20);
    CHECK_EQ(tapisim_sync(app, 7), 0);
    reader_join(&r);
    check_sync(&r, 0, 7);
}

TEST(blocked_reader_dispatches_replies_to_requests_of_another_thread)
{
    HLINEAPP app = init_app("w");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 0);
    reader r;
    reader_start(&r, app, MAX_READS);
    LONG req[MAX_READS];
    for (int i = 0; i < MAX_READS; i++) {
        if (i % 20 == 0)
            pause_ms(2); /* sometimes the reader is blocked, sometimes running */
        req[i] = request_reply(line);
    }
    reader_join(&r);
    for (int i = 0; i < r.got; i++)
        check_reply(&r, i, req[i]);
}

/* ---- two apps --------------------------------------------------------------------------- */

TEST(message_for_one_app_wakes_its_reader_and_leaves_the_other_waiting)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    reader ra, rb;
    reader_start(&ra, a, 1);
    reader_start(&rb, b, 1);
    pause_ms(20);
    CHECK_EQ(tapisim_sync(b, 2), 0);
    reader_join(&rb);
    check_sync(&rb, 0, 2);
    CHECK_EQ(tapisim_sync(a, 1), 0); /* A's reader was still waiting: it gets its own marker */
    reader_join(&ra);
    check_sync(&ra, 0, 1);
    LINEMESSAGE m;
    CHECK_ERR(lineGetMessage(a, &m, 0), LINEERR_OPERATIONFAILED);
    CHECK_ERR(lineGetMessage(b, &m, 0), LINEERR_OPERATIONFAILED);
}

/* A thread queueing MAX_READS markers, base + 0, base + 1, ...; counts what failed (the
 * checks themselves run on the main thread). */
typedef struct poster {
    HLINEAPP app;
    DWORD base;
    int failed;
    pthread_t thread;
} poster;

static void *post_markers(void *arg)
{
    poster *p = arg;
    for (DWORD i = 0; i < MAX_READS; i++) {
        if (i % 25 == 0)
            pause_ms(1);
        if (tapisim_sync(p->app, p->base + i) != 0)
            p->failed++;
    }
    return NULL;
}

TEST(readers_of_two_apps_get_exactly_their_own_markers)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    reader ra, rb;
    reader_start(&ra, a, MAX_READS);
    reader_start(&rb, b, MAX_READS);
    poster pa = { .app = a, .base = 1000 }, pb = { .app = b, .base = 2000 };
    CHECK_EQ(pthread_create(&pa.thread, NULL, post_markers, &pa), 0);
    CHECK_EQ(pthread_create(&pb.thread, NULL, post_markers, &pb), 0);
    pthread_join(pa.thread, NULL);
    pthread_join(pb.thread, NULL);
    CHECK_EQ(pa.failed, 0);
    CHECK_EQ(pb.failed, 0);
    reader_join(&ra);
    reader_join(&rb);
    for (int i = 0; i < ra.got; i++)
        check_sync(&ra, i, 1000u + (DWORD)i);
    for (int i = 0; i < rb.got; i++)
        check_sync(&rb, i, 2000u + (DWORD)i);
}

/* B's replies may be dispatched by A's waiter: B's reader still gets every one of them, and A's
 * reader none. */
TEST(replies_for_one_app_reach_its_reader_whoever_dispatches_them)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE lb = open_line(b, 0, V31, LINECALLPRIVILEGE_OWNER, 0);
    reader ra, rb;
    reader_start(&ra, a, 1);
    reader_start(&rb, b, MAX_READS);
    LONG req[MAX_READS];
    for (int i = 0; i < MAX_READS; i++) {
        if (i % 20 == 0)
            pause_ms(2);
        req[i] = request_reply(lb);
    }
    reader_join(&rb);
    for (int i = 0; i < rb.got; i++)
        check_reply(&rb, i, req[i]);
    CHECK_EQ(tapisim_sync(a, 3), 0);
    reader_join(&ra);
    check_sync(&ra, 0, 3);
}

/* ---- shutdown --------------------------------------------------------------------------- */

TEST(shutdown_ends_the_wait_of_its_reader_only)
{
    for (int round = 0; round < 20; round++) {
        HLINEAPP a = init_app("a"), b = init_app("b");
        reader ra, rb;
        reader_start(&ra, a, 1);
        reader_start(&rb, b, 1);
        if (round % 2 == 0)
            pause_ms(5); /* odd rounds: shut down while A's reader may still be starting */
        CHECK_EQ(lineShutdown(a), 0);
        pthread_join(ra.thread, NULL);
        CHECK_ERR(ra.result, LINEERR_INVALAPPHANDLE);
        CHECK_EQ(ra.timedOut, 0);
        CHECK_EQ(tapisim_sync(b, (DWORD)round), 0);
        reader_join(&rb);
        check_sync(&rb, 0, (DWORD)round);
        CHECK_EQ(lineShutdown(b), 0);
    }
}

/* tapisim_activity changes with what lineGetMessage would see, and only then: a waiter spinning
 * on it misses nothing and is not sent back to the lock by calls that change nothing for it. */
TEST(activity_word_changes_with_what_a_reader_would_see)
{
    HLINEAPP app = init_app("activity");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 0);
    CHECK_EQ(tapisim_set_station("201", 1), 0);
    HCALL call = 0;
    LONG request = make_call(line, "201", &call);
    CHECK(request > 0);
    CHECK_EQ(reply_of(app, request), 0);
    drain(app);

    DWORD a = tapisim_activity();
    LINECALLSTATUS status;
    memset(&status, 0, sizeof status);
    status.dwTotalSize = sizeof status;
    CHECK_EQ(lineGetCallStatus(call, &status), 0);
    LINEMESSAGE m;
    CHECK(lineGetMessage(app, &m, 0) < 0);
    CHECK_EQ(tapisim_activity(), a); /* a query and an empty take change nothing */

    CHECK_EQ(tapisim_post_messages(app, 1), 0);
    DWORD b = tapisim_activity();
    CHECK(b != a); /* a message queued */
    CHECK_EQ(lineGetMessage(app, &m, 0), 0);

    DWORD id = 0;
    b = tapisim_activity();
    request = lineCompleteCall(call, &id, LINECALLCOMPLMODE_CAMPON, 0);
    CHECK(request > 0);
    CHECK(tapisim_activity() != b); /* a request queued for its LINE_REPLY */
    CHECK_EQ(reply_of(app, request), 0);
    drain(app);

    b = tapisim_activity();
    CHECK_EQ(lineShutdown(app), 0);
    CHECK(tapisim_activity() != b); /* its waiters must look again */
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(blocked_reader_gets_a_marker_queued_by_another_thread),
        T(blocked_reader_dispatches_replies_to_requests_of_another_thread),
        T(message_for_one_app_wakes_its_reader_and_leaves_the_other_waiting),
        T(readers_of_two_apps_get_exactly_their_own_markers),
        T(replies_for_one_app_reach_its_reader_whoever_dispatches_them),
        T(shutdown_ends_the_wait_of_its_reader_only),
        T(activity_word_changes_with_what_a_reader_would_see),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
