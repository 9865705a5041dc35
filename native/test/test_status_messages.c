/*
 * lineSetStatusMessages refuses only bits that are not LINEDEVSTATE_ (LINEADDRESSSTATE_)
 * constants of the line handle's negotiated API version; a defined bit the switch never
 * generates is accepted and simply produces no message. Clients such as ATAPI.NET pass
 * "everything" masks and must then see NUMCOMPLETIONS and COMPLCANCEL.
 */
#include "sim_test.h"

#define V13 0x00010003u
#define V14 0x00010004u
#define V20 0x00020000u
#define V31 0x00030001u
#define OWNER LINECALLPRIVILEGE_OWNER

#define ALL_LINE_STATES_14    0x01FFFFFFu /* what ATAPI.NET passes */
#define ALL_ADDRESS_STATES_14 0x000001FFu
#define ALL_LINE_STATES_13    0x000FFFFFu /* OTHER .. LOCK */
#define ALL_ADDRESS_STATES_13 0x000000FFu /* OTHER .. TERMINALS */

/* A CALLBACK request on busy "201" that the switch accepts and then cancels on expiry: with the
 * masks enabled, the app sees NUMCOMPLETIONS on acceptance, then COMPLCANCEL and NUMCOMPLETIONS. */
static void completion_messages_with_masks(DWORD version)
{
    HLINEAPP app = init_app("atapi");
    HLINE line = open_line(app, 0, version, OWNER, 0x77);
    CHECK_EQ(lineSetStatusMessages(line, ALL_LINE_STATES_14, ALL_ADDRESS_STATES_14), 0);
    CHECK_EQ(tapisim_set_option("expiry_busy_ms", 60000), 0);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    HCALL call = 0;
    CHECK(make_call(line, "201", &call) > 0);
    drain(app);
    DWORD id = 0;
    LONG req = lineCompleteCall(call, &id, LINECALLCOMPLMODE_CALLBACK, 0);
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    CHECK(id != 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(tapisim_advance(60000), 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_COMPLCANCEL, id, 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    EXPECT_NO_MSG(app);
}

TEST(everything_masks_of_atapi_net_are_accepted_and_deliver_completion_messages)
{
    completion_messages_with_masks(V31);
}

TEST(everything_masks_are_accepted_on_a_1_4_line)
{
    completion_messages_with_masks(V14);
}

/* Defined bits for events the switch never has (BATTERY, SIGNAL, ...) are accepted and bring no
 * message; the address states are accepted although the switch sends no LINE_ADDRESSSTATE. */
TEST(defined_states_the_switch_never_generates_are_accepted)
{
    HLINEAPP app = init_app("s");
    HLINE l = open_line(app, 1, V20, LINECALLPRIVILEGE_NONE, 0);
    CHECK_EQ(lineSetStatusMessages(l, LINEDEVSTATE_BATTERY | LINEDEVSTATE_SIGNAL | LINEDEVSTATE_ROAMMODE
                                      | LINEDEVSTATE_OTHER | LINEDEVSTATE_REMOVED,
                                   LINEADDRESSSTATE_NUMCALLS | LINEADDRESSSTATE_CAPSCHANGE), 0);
    HLINEAPP caller = init_app("c");
    HLINE cl = open_line(caller, 0, V31, OWNER, 0);
    HCALL call = 0;
    CHECK(make_call(cl, "101", &call) > 0);          /* rings line 101 */
    CHECK_EQ(tapisim_advance(5000), 0);
    CHECK(lineDrop(call, NULL, 0) > 0);
    EXPECT_NO_MSG(app);
}

TEST(undefined_status_bits_are_refused)
{
    HLINEAPP app = init_app("s");
    HLINE l = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    CHECK_ERR(lineSetStatusMessages(l, 0x02000000, 0), LINEERR_INVALLINESTATE);
    CHECK_ERR(lineSetStatusMessages(l, 0x80000000, 0), LINEERR_INVALLINESTATE);
    CHECK_ERR(lineSetStatusMessages(l, 0xFFFFFFFF, 0), LINEERR_INVALLINESTATE);
    CHECK_ERR(lineSetStatusMessages(l, 0, 0x00000200), LINEERR_INVALADDRESSSTATE);
    CHECK_ERR(lineSetStatusMessages(l, 0, 0xFFFFFFFF), LINEERR_INVALADDRESSSTATE);
    /* Both bad: the line states are checked first. */
    CHECK_ERR(lineSetStatusMessages(l, 0x02000000, 0x00000200), LINEERR_INVALLINESTATE);
    CHECK_ERR(lineSetStatusMessages(l, ALL_LINE_STATES_14, 0x00000200), LINEERR_INVALADDRESSSTATE);
}

/* A refused request leaves the previous filter in place. */
TEST(refused_masks_keep_the_previous_filter)
{
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    HLINE la = open_line(a, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    CHECK_EQ(lineSetStatusMessages(la, LINEDEVSTATE_OPEN, 0), 0);
    CHECK_ERR(lineSetStatusMessages(la, LINEDEVSTATE_CLOSE | 0x04000000, 0), LINEERR_INVALLINESTATE);
    HLINE lb = open_line(b, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    EXPECT_MSG(a, la, LINE_LINEDEVSTATE, LINEDEVSTATE_OPEN, 0, 0);
    CHECK_EQ(lineClose(lb), 0);
    EXPECT_NO_MSG(a);
}

/* The 1.4 additions are not constants of 1.3: refused on a line opened with 1.3, accepted on
 * one opened with 1.4 by the same application. */
TEST(states_added_in_1_4_are_refused_on_a_1_3_line)
{
    HLINEAPP app = init_app("s");
    HLINE l13 = open_line(app, 0, V13, LINECALLPRIVILEGE_NONE, 0);
    HLINE l14 = open_line(app, 0, V14, LINECALLPRIVILEGE_NONE, 0);
    static const DWORD added[] = { LINEDEVSTATE_CAPSCHANGE, LINEDEVSTATE_CONFIGCHANGE,
                                   LINEDEVSTATE_TRANSLATECHANGE, LINEDEVSTATE_COMPLCANCEL,
                                   LINEDEVSTATE_REMOVED };
    for (size_t i = 0; i < sizeof added / sizeof *added; i++) {
        CHECK_ERR(lineSetStatusMessages(l13, added[i], 0), LINEERR_INVALLINESTATE);
        CHECK_EQ(lineSetStatusMessages(l14, added[i], 0), 0);
    }
    CHECK_ERR(lineSetStatusMessages(l13, ALL_LINE_STATES_14, 0), LINEERR_INVALLINESTATE);
    CHECK_ERR(lineSetStatusMessages(l13, 0, LINEADDRESSSTATE_CAPSCHANGE), LINEERR_INVALADDRESSSTATE);
    CHECK_EQ(lineSetStatusMessages(l14, 0, LINEADDRESSSTATE_CAPSCHANGE), 0);
    CHECK_EQ(lineSetStatusMessages(l13, ALL_LINE_STATES_13, ALL_ADDRESS_STATES_13), 0);
    CHECK_EQ(lineSetStatusMessages(l14, ALL_LINE_STATES_14, ALL_ADDRESS_STATES_14), 0);
}

/* LINEDEVCAPS.dwLineStates lists only constants of the version asked for, so an application
 * that enables what the caps list is never refused. */
TEST(devcaps_line_states_can_always_be_enabled)
{
    HLINEAPP app = init_app("s");
    static const DWORD versions[] = { V13, V14, V20, V31 };
    for (size_t i = 0; i < sizeof versions / sizeof *versions; i++) {
        unsigned char buf[2048];
        memset(buf, 0, sizeof buf);
        LINEDEVCAPS *dc = (LINEDEVCAPS *)buf;
        dc->dwTotalSize = sizeof buf;
        CHECK_EQ(lineGetDevCapsW(app, 0, versions[i], 0, dc), 0);
        CHECK(dc->dwLineStates & LINEDEVSTATE_NUMCOMPLETIONS);
        CHECK_EQ((dc->dwLineStates & LINEDEVSTATE_COMPLCANCEL) != 0, versions[i] >= V14);
        HLINE l = open_line(app, 0, versions[i], LINECALLPRIVILEGE_NONE, 0);
        CHECK_EQ(lineSetStatusMessages(l, dc->dwLineStates, 0), 0);
        CHECK_EQ(lineClose(l), 0);
    }
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(everything_masks_of_atapi_net_are_accepted_and_deliver_completion_messages),
        T(everything_masks_are_accepted_on_a_1_4_line),
        T(defined_states_the_switch_never_generates_are_accepted),
        T(undefined_status_bits_are_refused),
        T(refused_masks_keep_the_previous_filter),
        T(states_added_in_1_4_are_refused_on_a_1_3_line),
        T(devcaps_line_states_can_always_be_enabled),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
