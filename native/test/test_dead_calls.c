/*
 * Calls nobody can reach any more must not be kept: a CALLBACK recall that rang only on MONITOR
 * handles which then went away, and a disconnected call whose last (MONITOR) handle went away.
 * tapisim_check reports a kept call that is idle and unreachable.
 */
#include "sim_test.h"

#define V31 0x00030001u
#define OWNER   LINECALLPRIVILEGE_OWNER
#define MONITOR LINECALLPRIVILEGE_MONITOR

static void expect_consistent(void)
{
    char why[200] = "";
    LONG r = tapisim_check(why, sizeof why);
    CHECK_EQ(r, 0);
    if (r != 0)
        fprintf(stderr, "  tapisim_check: %s\n", why);
}

/* Line 100: app `req` requests a CALLBACK on busy "201", `mon` monitors the line, `req` closes its
 * line (the entry survives: `mon` still has the line open), "201" frees and the recall is offered
 * to the monitor alone. Returns the monitor's handle of the recall. */
static HCALL recall_on_monitor_only(HLINEAPP req, HLINEAPP mon, HLINE *monLine)
{
    HLINE line = open_line(req, 0, V31, OWNER, 0);
    *monLine = open_line(mon, 0, V31, MONITOR, 0);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    HCALL call = 0;
    CHECK(make_call(line, "201", &call) > 0);
    drain(req);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, LINECALLCOMPLMODE_CALLBACK, 0) > 0);
    drain(req);
    CHECK(id != 0);
    CHECK_EQ(lineClose(line), 0);
    drain(mon);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_advance(2000), 0);                /* guard time: the recall fires */
    LINEMESSAGE m;
    CHECK(next_msg(mon, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    CHECK_EQ(m.dwParam3, MONITOR);
    HCALL recall = (HCALL)m.dwParam2;
    CHECK_EQ(call_state(recall), LINECALLSTATE_OFFERING);
    drain(mon);
    expect_consistent();
    return recall;
}

TEST(dead_recall_offered_only_to_monitors_is_freed_after_ring_out)
{
    HLINEAPP req = init_app("req");
    HLINEAPP mon = init_app("mon");
    HLINE monLine = 0;
    recall_on_monitor_only(req, mon, &monLine);
    CHECK_EQ(lineClose(monLine), 0);                   /* nobody holds the recall now */
    expect_consistent();
    CHECK_EQ(tapisim_advance(20000), 0);               /* the recall rings out */
    expect_consistent();
}

TEST(dead_recall_after_monitor_app_shutdown_is_freed_after_ring_out)
{
    HLINEAPP req = init_app("req");
    HLINEAPP mon = init_app("mon");
    HLINE monLine = 0;
    recall_on_monitor_only(req, mon, &monLine);
    CHECK_EQ(lineShutdown(mon), 0);
    CHECK_EQ(tapisim_advance(20000), 0);
    expect_consistent();
}

TEST(dead_recall_after_forced_line_close_is_freed_after_ring_out)
{
    HLINEAPP req = init_app("req");
    HLINEAPP mon = init_app("mon");
    HLINE monLine = 0;
    recall_on_monitor_only(req, mon, &monLine);
    CHECK_EQ(tapisim_close_line(0), 0);
    CHECK_EQ(tapisim_advance(20000), 0);
    expect_consistent();
}

/* The monitor still holds the recall when it rings out: the call stays (idle) until the handle
 * goes, and then it is freed. */
TEST(rung_out_recall_held_by_a_monitor_is_freed_with_its_handle)
{
    HLINEAPP req = init_app("req");
    HLINEAPP mon = init_app("mon");
    HLINE monLine = 0;
    HCALL recall = recall_on_monitor_only(req, mon, &monLine);
    CHECK_EQ(tapisim_advance(20000), 0);
    EXPECT_MSG(mon, recall, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NOANSWER, 0);
    EXPECT_MSG(mon, recall, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(mon);
    expect_consistent();
    CHECK_EQ(lineDeallocateCall(recall), 0);
    expect_consistent();
}

/* Line 100 (owner) intrudes on busy line 101, which only a monitor has open: the intruded party
 * is held by the monitor alone. The intruder hangs up (the party is DISCONNECTED), then the
 * monitor closes its line: nobody can reach or drop the party any more, so it is cleared. */
TEST(disconnected_call_whose_last_monitor_handle_goes_is_freed)
{
    HLINEAPP own = init_app("own");
    HLINEAPP mon = init_app("mon");
    HLINE line = open_line(own, 0, V31, OWNER, 0);
    HLINE monLine = open_line(mon, 1, V31, MONITOR, 0);
    CHECK_EQ(tapisim_set_station("101", TAPISIM_STATION_BUSY), 0);
    HCALL call = 0;
    CHECK(make_call(line, "101", &call) > 0);
    drain(own);
    drain(mon);
    CHECK_EQ(call_state(call), LINECALLSTATE_BUSY);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, LINECALLCOMPLMODE_INTRUDE, 0) > 0);
    drain(own);
    CHECK_EQ(call_state(call), LINECALLSTATE_CONNECTED);
    LINEMESSAGE m;
    CHECK(next_msg(mon, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    HCALL party = (HCALL)m.dwParam2;
    drain(mon);
    CHECK_EQ(call_state(party), LINECALLSTATE_CONNECTED);
    CHECK(lineDrop(call, NULL, 0) > 0);
    drain(own);
    EXPECT_MSG(mon, party, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    EXPECT_NO_MSG(mon);
    CHECK_EQ(lineDeallocateCall(call), 0);
    expect_consistent();
    CHECK_EQ(lineClose(monLine), 0);
    expect_consistent();
    /* Line 101 has no call left: a new call to it is offered, not refused as busy. */
    CHECK_EQ(tapisim_set_station("101", TAPISIM_STATION_IDLE), 0);
    HLINE again = open_line(mon, 1, V31, OWNER, 0);
    HCALL call2 = 0;
    CHECK(make_call(line, "101", &call2) > 0);
    drain(own);
    CHECK_EQ(call_state(call2), LINECALLSTATE_RINGBACK);
    (void)again;
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(dead_recall_offered_only_to_monitors_is_freed_after_ring_out),
        T(dead_recall_after_monitor_app_shutdown_is_freed_after_ring_out),
        T(dead_recall_after_forced_line_close_is_freed_after_ring_out),
        T(rung_out_recall_held_by_a_monitor_is_freed_with_its_handle),
        T(disconnected_call_whose_last_monitor_handle_goes_is_freed),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
