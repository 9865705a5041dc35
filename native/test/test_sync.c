/*
 * The testing hook tapisim_sync: a marker queued behind everything an application has waiting,
 * including the replies the switch still owed it.
 */
#include "sim_test.h"

#include <pthread.h>

#define V31 0x00030001u

static void expect_marker(HLINEAPP app, DWORD token)
{
    LINEMESSAGE m;
    int got = next_msg(app, &m);
    CHECK(got);
    if (got) {
        CHECK_EQ(m.dwMessageID, TAPISIM_LINE_SYNC);
        CHECK_EQ(m.hDevice, 0);
        CHECK_EQ(m.dwCallbackInstance, 0);
        CHECK_EQ((DWORD)m.dwParam1, token);
        CHECK_EQ((DWORD)m.dwParam2, 0);
        CHECK_EQ((DWORD)m.dwParam3, 0);
    }
}

TEST(the_marker_goes_after_the_messages_already_queued)
{
    HLINEAPP app = init_app("s");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 0x55);
    HCALL call = 0;
    CHECK(make_call(line, "555", &call) > 0);
    CHECK_EQ(tapisim_post_messages(app, 2), 0);
    CHECK_EQ(tapisim_sync(app, 0xFFFFFFFFu), 0);
    LINEMESSAGE m;
    int before = 0;
    while (next_msg(app, &m) && m.dwMessageID != TAPISIM_LINE_SYNC)
        before++;
    CHECK_EQ(m.dwMessageID, TAPISIM_LINE_SYNC);
    CHECK_EQ((DWORD)m.dwParam1, 0xFFFFFFFFu);
    CHECK(before > 2); /* the call's messages and the two posted ones */
    EXPECT_NO_MSG(app);
}

/* A reply the switch owes (a completion request is answered at the next lineGetMessage or clock
 * move) is queued before the marker, not after it. */
TEST(a_reply_still_owed_goes_before_the_marker)
{
    HLINEAPP app = init_app("s");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 0x55);
    drain(app);
    LONG request = lineUncompleteCall(line, 999);
    CHECK(request > 0);
    CHECK_EQ(tapisim_sync(app, 7), 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)request, (DWORD)LINEERR_INVALCOMPLETIONID, 0);
    expect_marker(app, 7);
    EXPECT_NO_MSG(app);
}

TEST(markers_keep_their_order_and_closing_a_line_keeps_them)
{
    HLINEAPP app = init_app("s");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 0x55);
    drain(app);
    CHECK_EQ(tapisim_sync(app, 1), 0);
    CHECK_EQ(tapisim_sync(app, 2), 0);
    CHECK_EQ(lineClose(line), 0);
    expect_marker(app, 1);
    expect_marker(app, 2);
    EXPECT_NO_MSG(app);
}

TEST(not_traced)
{
    HLINEAPP app = init_app("s");
    CHECK_EQ(tapisim_trace_clear(), 0);
    CHECK_EQ(tapisim_sync(app, 3), 0);
    char *t = trace_text();
    CHECK(t != NULL);
    if (t != NULL) {
        CHECK(strstr(t, "tapisim_sync") == NULL);
        free(t);
    }
    expect_marker(app, 3);
}

TEST(errors)
{
    CHECK_ERR(tapisim_sync(0x10001, 1), LINEERR_UNINITIALIZED);
    HLINEAPP app = init_app("s");
    CHECK_ERR(tapisim_sync(app + 7, 1), LINEERR_INVALAPPHANDLE);
    EXPECT_NO_MSG(app);
    CHECK_EQ(lineShutdown(app), 0);
    HLINEAPP other = init_app("t");
    CHECK_ERR(tapisim_sync(app, 1), LINEERR_INVALAPPHANDLE); /* stale handle */
    EXPECT_NO_MSG(other);
}

struct waiter {
    HLINEAPP app;
    LONG result;
    LINEMESSAGE m;
};

static void *wait_forever(void *arg)
{
    struct waiter *w = arg;
    w->result = lineGetMessage(w->app, &w->m, INFINITE);
    return NULL;
}

TEST(a_blocked_reader_wakes_up)
{
    HLINEAPP app = init_app("s");
    struct waiter w = { app, 1, { 0 } };
    pthread_t t;
    pthread_create(&t, NULL, wait_forever, &w);
    CHECK_EQ(tapisim_sync(app, 9), 0); /* before or after it blocks: it gets the marker */
    pthread_join(t, NULL);
    CHECK_EQ(w.result, 0);
    CHECK_EQ(w.m.dwMessageID, TAPISIM_LINE_SYNC);
    CHECK_EQ((DWORD)w.m.dwParam1, 9);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(the_marker_goes_after_the_messages_already_queued),
        T(a_reply_still_owed_goes_before_the_marker),
        T(markers_keep_their_order_and_closing_a_line_keeps_them), T(not_traced), T(errors),
        T(a_blocked_reader_wakes_up),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
