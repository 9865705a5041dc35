/*
 * Hold: lineHold, lineUnhold and lineSwapHold on calls to remote stations, from remote
 * stations and between local lines; the far end hearing hold in the trace; the features HOLD,
 * UNHOLD and SWAPHOLD; every error on its delivery path in both "error_delivery" modes.
 */
#include "call_test.h"


/* A call to remote station `number`, answered. */
static HCALL connected_call(HLINEAPP app, HLINE line, const char *number)
{
    HCALL call = 0;
    LONG req = make_call(line, number, &call);
    CHECK(req > 0);
    CHECK_EQ(tapisim_set_station(number, TAPISIM_STATION_MANUAL), 0);
    drain(app);
    CHECK_EQ(tapisim_remote_answer(number), 0);
    drain(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_CONNECTED);
    return call;
}

static HCALL monitor_handle(HLINEAPP mon)
{
    HCALL h = 0;
    LINEMESSAGE m;
    while (next_msg(mon, &m))
        if (m.dwMessageID == LINE_APPNEWCALL)
            h = (HCALL)m.dwParam2;
    return h;
}

TEST(hold_and_unhold_a_call_to_a_remote_station)
{
    HLINEAPP app = init_app("h");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = connected_call(app, line, "201");
    CHECK_EQ(features(call) & (LINECALLFEATURE_HOLD | LINECALLFEATURE_UNHOLD | LINECALLFEATURE_SWAPHOLD),
             LINECALLFEATURE_HOLD);
    tapisim_trace_clear();
    LONG req = lineHold(call);
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    EXPECT_NO_MSG(app);
    CHECK(trace_has("far end 201 hears hold"));
    CHECK_EQ(features(call), LINECALLFEATURE_DROP | LINECALLFEATURE_UNHOLD | LINECALLFEATURE_MONITORDIGITS);
    req = lineUnhold(call);
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_NO_MSG(app);
    CHECK(trace_has("far end 201 retrieved"));
    CHECK(features(call) & LINECALLFEATURE_HOLD);
    check_switch();
}

TEST(held_remote_station_stays_engaged_and_can_hang_up)
{
    HLINEAPP app = init_app("h");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = connected_call(app, line, "201");
    LONG req = lineHold(call);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    HCALL other = 0;
    make_call(line, "201", &other); /* the station is in the held call: busy */
    drain(app);
    CHECK_EQ(call_state(other), LINECALLSTATE_BUSY);
    CHECK_EQ(tapisim_remote_hangup("201"), 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    req = lineDrop(call, NULL, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    check_switch();
}

TEST(hold_an_answered_outside_call_and_drop_it_held)
{
    HLINEAPP app = init_app("h");
    open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_remote_call("0301", NULL, "100", NULL), 0);
    LINEMESSAGE m;
    CHECK(next_msg(app, &m));
    HCALL in = (HCALL)m.dwParam2;
    drain(app);
    LONG req = lineAnswer(in, NULL, 0);
    drain(app);
    tapisim_trace_clear();
    req = lineHold(in);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, in, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    CHECK(trace_has("far end 0301 hears hold"));
    req = lineDrop(in, NULL, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    CHECK_ERR(tapisim_remote_hangup("0301"), LINEERR_INVALCALLSTATE); /* already free */
    check_switch();
}

TEST(line_to_line_hold_leaves_the_other_party_connected)
{
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0;
    make_call(la, "101", &out);
    drain(a);
    LINEMESSAGE m;
    CHECK(next_msg(b, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    HCALL in = (HCALL)m.dwParam2;
    drain(b);
    lineAnswer(in, NULL, 0);
    drain(a);
    drain(b);
    tapisim_trace_clear();
    LONG req = lineHold(out);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    EXPECT_NO_MSG(a);
    EXPECT_NO_MSG(b); /* its call stays CONNECTED: it only hears hold */
    CHECK_EQ(call_state(in), LINECALLSTATE_CONNECTED);
    CHECK(trace_has("far end 101 hears hold"));
    /* The held side may hold its own end too, and each takes its own back. */
    req = lineHold(in);
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    CHECK(trace_has("far end 100 hears hold"));
    EXPECT_NO_MSG(a);
    req = lineUnhold(out);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_NO_MSG(b);
    CHECK_EQ(call_state(in), LINECALLSTATE_ONHOLD);
    /* The held party hangs up: the holder's call is disconnected. */
    req = lineDrop(in, NULL, 0);
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    check_switch();
}

TEST(swap_hold_exchanges_the_active_and_the_held_call)
{
    HLINEAPP app = init_app("h");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL first = connected_call(app, line, "201");
    LONG req = lineHold(first);
    drain(app);
    HCALL second = connected_call(app, line, "202");
    CHECK(features(first) & LINECALLFEATURE_SWAPHOLD);
    CHECK(features(second) & LINECALLFEATURE_SWAPHOLD);
    tapisim_trace_clear();
    req = lineSwapHold(second, first);
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, second, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    EXPECT_MSG(app, first, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_NO_MSG(app);
    CHECK(trace_has("far end 202 hears hold"));
    CHECK(trace_has("far end 201 retrieved"));
    req = lineSwapHold(first, second);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, first, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    EXPECT_MSG(app, second, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    /* One of the pair gone: no SWAPHOLD any more. */
    req = lineDrop(second, NULL, 0);
    drain(app);
    CHECK_EQ(features(first) & LINECALLFEATURE_SWAPHOLD, 0);
    check_switch();
}

static void hold_errors(int literal)
{
    CHECK_ERR(lineHold(0x10001), LINEERR_UNINITIALIZED);
    CHECK_ERR(lineUnhold(0x10001), LINEERR_UNINITIALIZED);
    CHECK_ERR(lineSwapHold(0x10001, 0x10002), LINEERR_UNINITIALIZED);
    HLINEAPP app = init_app("h");
    HLINEAPP mon = init_app("m");
    CHECK_EQ(tapisim_set_option("error_delivery", (DWORD)literal), 0);
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    open_line(mon, 0, V31, MONITOR, 0);
    HCALL call = connected_call(app, line, "201");
    HCALL watched = monitor_handle(mon);
    CHECK(watched != 0);
    CHECK_EQ(features(watched), LINECALLFEATURE_MONITORDIGITS);
    /* tapisrv: results in both modes. */
    CHECK_ERR(lineHold(call + 0x777), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineUnhold(call + 0x777), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineHold(watched), LINEERR_NOTOWNER);
    CHECK_ERR(lineUnhold(watched), LINEERR_NOTOWNER);
    /* The provider: the state (no HOLD / UNHOLD feature). */
    expect_provider(app, lineUnhold(call), LINEERR_INVALCALLSTATE, literal);
    HCALL ringing = 0;
    make_call(line, "202", &ringing);
    drain(app);
    CHECK_EQ(call_state(ringing), LINECALLSTATE_RINGBACK);
    CHECK_EQ(features(ringing) & LINECALLFEATURE_HOLD, 0);
    expect_provider(app, lineHold(ringing), LINEERR_INVALCALLSTATE, literal);
    LONG req = lineHold(call);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    expect_provider(app, lineHold(call), LINEERR_INVALCALLSTATE, literal);
    EXPECT_NO_MSG(app);
    /* Faults always arrive in LINE_REPLY and change nothing. */
    CHECK_EQ(tapisim_fail_next("lineUnhold", LINEERR_OPERATIONFAILED), 0);
    expect_provider(app, lineUnhold(call), LINEERR_OPERATIONFAILED, 0);
    CHECK_EQ(tapisim_fail_next("lineHold", LINEERR_RESOURCEUNAVAIL), 0);
    expect_provider(app, lineHold(ringing), LINEERR_RESOURCEUNAVAIL, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_ONHOLD);
    check_switch();
}

TEST(hold_errors_in_reply) { hold_errors(0); }
TEST(hold_errors_as_result) { hold_errors(1); }

static void swap_hold_errors(int literal)
{
    HLINEAPP app = init_app("h");
    HLINEAPP mon = init_app("m");
    CHECK_EQ(tapisim_set_option("error_delivery", (DWORD)literal), 0);
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HLINE other = open_line(app, 1, V31, OWNER, 0);
    open_line(mon, 0, V31, MONITOR, 0);
    HCALL held = connected_call(app, line, "201");
    LONG req = lineHold(held);
    drain(app);
    HCALL watchedHeld = monitor_handle(mon);
    HCALL active = connected_call(app, line, "202");
    HCALL watchedActive = monitor_handle(mon);
    HCALL elsewhere = connected_call(app, other, "203");
    lineHold(elsewhere);
    drain(app);
    /* tapisrv: both handles, the privilege on both, one line; results in both modes. */
    CHECK_ERR(lineSwapHold(active + 0x777, held), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineSwapHold(active, held + 0x777), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineSwapHold(watchedActive, held), LINEERR_NOTOWNER);
    CHECK_ERR(lineSwapHold(active, watchedHeld), LINEERR_NOTOWNER);
    CHECK_ERR(lineSwapHold(active, elsewhere), LINEERR_INVALCALLHANDLE);
    /* The provider: an active CONNECTED and a held ONHOLD call, two of them. */
    expect_provider(app, lineSwapHold(held, active), LINEERR_INVALCALLSTATE, literal);
    expect_provider(app, lineSwapHold(active, active), LINEERR_INVALCALLSTATE, literal);
    expect_provider(app, lineSwapHold(held, held), LINEERR_INVALCALLSTATE, literal);
    CHECK_EQ(tapisim_fail_next("lineSwapHold", LINEERR_NOMEM), 0);
    expect_provider(app, lineSwapHold(active, held), LINEERR_NOMEM, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(call_state(active), LINECALLSTATE_CONNECTED);
    CHECK_EQ(call_state(held), LINECALLSTATE_ONHOLD);
    (void)req;
    check_switch();
}

TEST(swap_hold_errors_in_reply) { swap_hold_errors(0); }
TEST(swap_hold_errors_as_result) { swap_hold_errors(1); }

TEST(address_caps_offer_hold)
{
    HLINEAPP app = init_app("h");
    static union { LINEADDRESSCAPS c; unsigned char b[2048]; } a;
    a.c.dwTotalSize = sizeof a;
    CHECK_EQ(lineGetAddressCapsW(app, 0, 0, V31, 0, &a.c), 0);
    DWORD hold = LINECALLFEATURE_HOLD | LINECALLFEATURE_UNHOLD | LINECALLFEATURE_SWAPHOLD;
    CHECK_EQ(a.c.dwCallFeatures & hold, hold);
    CHECK(a.c.dwCallStates & LINECALLSTATE_ONHOLD);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(hold_and_unhold_a_call_to_a_remote_station),
        T(held_remote_station_stays_engaged_and_can_hang_up),
        T(hold_an_answered_outside_call_and_drop_it_held),
        T(line_to_line_hold_leaves_the_other_party_connected),
        T(swap_hold_exchanges_the_active_and_the_held_call),
        T(hold_errors_in_reply),
        T(hold_errors_as_result),
        T(swap_hold_errors_in_reply),
        T(swap_hold_errors_as_result),
        T(address_caps_offer_hold),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
