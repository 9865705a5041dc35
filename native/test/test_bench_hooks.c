/*
 * The benchmarking hook tapisim_post_messages: synthetic LINE_DEVSPECIFIC messages, queued in
 * order after the messages already there, one trace line per batch.
 */
#include "sim_test.h"

#include <pthread.h>
#include <time.h>

#define V31 0x00030001u

/* Expects the next `count` messages to be the batch tapisim_post_messages(app, count) queued. */
static void expect_batch(HLINEAPP app, DWORD count)
{
    for (DWORD i = 0; i < count; i++) {
        LINEMESSAGE m;
        int got = next_msg(app, &m);
        CHECK(got);
        if (!got)
            return;
        if (m.dwMessageID != LINE_DEVSPECIFIC || m.hDevice != 0 || m.dwCallbackInstance != 0
            || m.dwParam1 != i || m.dwParam2 != count || m.dwParam3 != 0) {
            CHECK(!"synthetic message as documented");
            fprintf(stderr, "  message %" PRIuDW " of %" PRIuDW ": id %" PRIuDW " on 0x%" PRIXDW ", inst 0x%llX (%llu, %llu, %llu)\n", i,
                    count, m.dwMessageID, m.hDevice, (unsigned long long)m.dwCallbackInstance,
                    (unsigned long long)m.dwParam1, (unsigned long long)m.dwParam2,
                    (unsigned long long)m.dwParam3);
            return;
        }
    }
}

TEST(posted_messages_arrive_in_order_with_their_fields)
{
    HLINEAPP app = init_app("b");
    CHECK_EQ(tapisim_post_messages(app, 3), 0);
    expect_batch(app, 3);
    EXPECT_NO_MSG(app);
    CHECK_EQ(tapisim_post_messages(app, 0), 0);
    EXPECT_NO_MSG(app);
}

TEST(posted_messages_go_after_those_already_queued)
{
    HLINEAPP app = init_app("b");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 0x55);
    HCALL call = 0;
    LONG request = make_call(line, "555", &call);
    CHECK(request > 0);
    LINEMESSAGE first;
    CHECK(next_msg(app, &first)); /* leaves the rest of the call's messages queued */
    size_t before = 0;
    LINEMESSAGE m;
    CHECK_EQ(tapisim_post_messages(app, 5), 0);
    /* The call's remaining messages, then the batch. */
    for (;;) {
        CHECK(next_msg(app, &m));
        if (m.dwMessageID == LINE_DEVSPECIFIC)
            break;
        before++;
    }
    CHECK(before > 0);
    CHECK_EQ(m.dwParam1, 0);
    for (DWORD i = 1; i < 5; i++) {
        CHECK(next_msg(app, &m));
        CHECK_EQ(m.dwMessageID, LINE_DEVSPECIFIC);
        CHECK_EQ(m.dwParam1, i);
    }
    EXPECT_NO_MSG(app);
}

TEST(a_wrapped_queue_grows_in_order)
{
    HLINEAPP app = init_app("b");
    /* 40 then 30 read: the ring's head is inside the buffer; then a batch that makes it grow. */
    CHECK_EQ(tapisim_post_messages(app, 40), 0);
    LINEMESSAGE m;
    for (int i = 0; i < 30; i++)
        CHECK(next_msg(app, &m));
    CHECK_EQ(tapisim_post_messages(app, 50), 0); /* wraps around the 64-entry ring */
    for (DWORD i = 30; i < 40; i++) {
        CHECK(next_msg(app, &m));
        CHECK_EQ(m.dwParam1, i);
        CHECK_EQ(m.dwParam2, 40);
    }
    expect_batch(app, 50);
    CHECK_EQ(tapisim_post_messages(app, 1000), 0); /* grows the ring */
    expect_batch(app, 1000);
    EXPECT_NO_MSG(app);
}

TEST(errors)
{
    CHECK_ERR(tapisim_post_messages(0x10001, 1), LINEERR_UNINITIALIZED);
    HLINEAPP app = init_app("b");
    CHECK_ERR(tapisim_post_messages(app + 7, 1), LINEERR_INVALAPPHANDLE);
    CHECK_ERR(tapisim_post_messages(app, TAPISIM_POST_MAX + 1), LINEERR_INVALPARAM);
    EXPECT_NO_MSG(app);
    CHECK_EQ(lineShutdown(app), 0);
    HLINEAPP other = init_app("c");
    CHECK_ERR(tapisim_post_messages(app, 1), LINEERR_INVALAPPHANDLE); /* stale handle */
    EXPECT_NO_MSG(other);
}

TEST(the_largest_batch)
{
    HLINEAPP app = init_app("b");
    CHECK_EQ(tapisim_post_messages(app, TAPISIM_POST_MAX), 0);
    expect_batch(app, TAPISIM_POST_MAX);
    EXPECT_NO_MSG(app);
}

TEST(one_trace_line_per_batch)
{
    HLINEAPP app = init_app("b");
    CHECK_EQ(tapisim_trace_clear(), 0);
    CHECK_EQ(tapisim_post_messages(app, 100), 0);
    char *t = trace_text();
    CHECK(t != NULL);
    if (t != NULL) {
        CHECK(strstr(t, "tapisim_post_messages(") != NULL);
        size_t lines = 0;
        for (const char *p = t; *p; p++)
            lines += *p == '\n';
        CHECK_EQ(lines, 1);
        free(t);
    }
}

TEST(closing_a_line_keeps_them_and_shutdown_discards_them)
{
    HLINEAPP app = init_app("b");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 0);
    drain(app);
    CHECK_EQ(tapisim_post_messages(app, 4), 0);
    CHECK_EQ(lineClose(line), 0);
    expect_batch(app, 4);
    CHECK_EQ(tapisim_post_messages(app, 4), 0);
    CHECK_EQ(lineShutdown(app), 0);
    LINEMESSAGE m;
    CHECK_ERR(lineGetMessage(app, &m, 0), LINEERR_INVALAPPHANDLE);
    char buf[256];
    CHECK_EQ(tapisim_check(buf, sizeof buf), 0);
}

struct waiter { HLINEAPP app; LONG result; LINEMESSAGE m; };

static void *wait_forever(void *arg)
{
    struct waiter *w = arg;
    w->result = lineGetMessage(w->app, &w->m, INFINITE);
    return NULL;
}

TEST(a_blocked_reader_wakes_up)
{
    HLINEAPP app = init_app("b");
    struct waiter w[2] = { { app, 1, { 0 } }, { app, 1, { 0 } } };
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, wait_forever, &w[i]);
    struct timespec pause = { 0, 20 * 1000000L };
    nanosleep(&pause, NULL); /* let them block; correctness does not depend on it */
    CHECK_EQ(tapisim_post_messages(app, 2), 0);
    for (int i = 0; i < 2; i++) {
        pthread_join(t[i], NULL);
        CHECK_EQ(w[i].result, 0);
        CHECK_EQ(w[i].m.dwMessageID, LINE_DEVSPECIFIC);
    }
    CHECK(w[0].m.dwParam1 != w[1].m.dwParam1);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(posted_messages_arrive_in_order_with_their_fields),
        T(posted_messages_go_after_those_already_queued), T(a_wrapped_queue_grows_in_order),
        T(errors), T(the_largest_batch), T(one_trace_line_per_batch),
        T(closing_a_line_keeps_them_and_shutdown_discards_them), T(a_blocked_reader_wakes_up),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
