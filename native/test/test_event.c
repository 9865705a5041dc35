/*
 * LINEINITIALIZEEXPARAMS.Handles.hEvent of an application initialised with
 * LINEINITIALIZEEXOPTION_USEEVENT. On Windows it is a Win32 event that is signalled exactly
 * while the application has messages queued, as tapi32 documents; elsewhere there is no Win32
 * event and it is a non-null token, different per application.
 */
#include "sim_test.h"

#define V31 0x00030001u

static HLINEAPP init_with_event(HANDLE *event)
{
    HLINEAPP h = init_app_event("e", event);
    CHECK(*event != NULL);
    return h;
}

#ifdef _WIN32

static int signalled(HANDLE event)
{
    return WaitForSingleObject(event, 0) == WAIT_OBJECT_0;
}

TEST(event_signalled_exactly_while_messages_are_queued)
{
    HANDLE ev;
    HLINEAPP app = init_with_event(&ev);
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 0);
    CHECK(!signalled(ev));
    HCALL call = 0;
    CHECK(make_call(line, "555", &call) > 0); /* LINE_REPLY and the first call states */
    int taken = 0;
    LINEMESSAGE m;
    while (signalled(ev)) {
        CHECK_EQ(lineGetMessage(app, &m, 0), 0);
        taken++;
    }
    CHECK(taken >= 2);
    CHECK_ERR(lineGetMessage(app, &m, 0), LINEERR_OPERATIONFAILED); /* reset means empty */
    CHECK_EQ(tapisim_post_messages(app, 3), 0);
    CHECK(signalled(ev));
    CHECK(signalled(ev)); /* manual reset: waiting does not consume it */
    for (int i = 0; i < 3; i++)
        CHECK_EQ(lineGetMessage(app, &m, 0), 0);
    CHECK(!signalled(ev));
    CHECK_EQ(lineShutdown(app), 0);
}

struct event_wait { HANDLE event; DWORD result; };

static DWORD WINAPI wait_for_event(LPVOID arg)
{
    struct event_wait *w = arg;
    w->result = WaitForSingleObject(w->event, 10000);
    return 0;
}

TEST(event_wakes_a_thread_waiting_on_it)
{
    HANDLE ev;
    HLINEAPP app = init_with_event(&ev);
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 0x42);
    struct event_wait w = { ev, WAIT_FAILED };
    HANDLE t = CreateThread(NULL, 0, wait_for_event, &w, 0, NULL);
    CHECK(t != NULL);
    Sleep(30); /* let it block; correctness does not depend on it */
    HCALL call = 0;
    LONG req = make_call(line, "555", &call);
    CHECK(req > 0);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    CHECK_EQ(w.result, WAIT_OBJECT_0);
    LINEMESSAGE m;
    CHECK_EQ(lineGetMessage(app, &m, 0), 0);
    CHECK_EQ(m.dwMessageID, LINE_REPLY);
    CHECK_EQ(m.dwParam1, (DWORD)req);
    CHECK_EQ(lineShutdown(app), 0);
}

TEST(each_application_has_its_own_event)
{
    HANDLE e1, e2;
    HLINEAPP a1 = init_with_event(&e1), a2 = init_with_event(&e2);
    CHECK(e1 != e2);
    CHECK_EQ(tapisim_post_messages(a2, 1), 0);
    CHECK(!signalled(e1));
    CHECK(signalled(e2));
    CHECK_EQ(lineShutdown(a1), 0);
    CHECK_EQ(lineShutdown(a2), 0);
}

#else /* !_WIN32 */

TEST(event_is_a_token_per_application)
{
    HANDLE e1, e2;
    HLINEAPP a1 = init_with_event(&e1), a2 = init_with_event(&e2);
    CHECK(e1 != e2);
    CHECK_EQ(lineShutdown(a1), 0);
    CHECK_EQ(lineShutdown(a2), 0);
}

#endif /* !_WIN32 */

int main(int argc, char **argv)
{
    static const test_case tests[] = {
#ifdef _WIN32
        T(event_signalled_exactly_while_messages_are_queued),
        T(event_wakes_a_thread_waiting_on_it),
        T(each_application_has_its_own_event),
#else
        T(event_is_a_token_per_application),
#endif
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
