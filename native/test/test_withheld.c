/*
 * Outside callers whose identity the line does not learn (tapisim_remote_call_ex): withheld by
 * the caller (LINECALLPARTYID_BLOCKED) or not passed on by the network
 * (LINECALLPARTYID_OUTOFAREA), in LINECALLINFO and LINEADDRESSCAPS, and the flag errors.
 */
#include "sim_test.h"

#define V31 0x00030001u
#define OWNER LINECALLPRIVILEGE_OWNER

static void check_switch(void)
{
    char why[200] = "";
    CHECK_EQ(tapisim_check(why, sizeof why), 0);
    if (why[0])
        fprintf(stderr, "  %s\n", why);
}

static LINECALLINFO *call_info(HCALL call, unsigned char *buf, size_t size)
{
    memset(buf, 0, size);
    LINECALLINFO *ci = (LINECALLINFO *)buf;
    ci->dwTotalSize = (DWORD)size;
    CHECK_EQ(lineGetCallInfoW(call, ci), 0);
    return ci;
}

/* The next LINE_APPNEWCALL on `line` (other messages skipped), or 0. */
static HCALL new_call_on(HLINEAPP app, HLINE line)
{
    LINEMESSAGE m;
    while (next_msg(app, &m))
        if (m.dwMessageID == LINE_APPNEWCALL && m.hDevice == line)
            return (HCALL)m.dwParam2;
    return 0;
}

/* A caller of `flags` rings line 1, the call is answered; its caller ID and connected ID show
 * only `partyFlag`, with no number and no name. */
static void check_hidden(DWORD flags, DWORD partyFlag)
{
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 1, V31, OWNER, 0);
    drain(app);
    DWORD callId = 0;
    CHECK_EQ(tapisim_remote_call_ex("0301", "Alice", "101", flags, &callId), 0);
    CHECK(callId != 0);
    HCALL in = new_call_on(app, line);
    CHECK(in != 0);
    unsigned char buf[2048];
    LINECALLINFO *ci = call_info(in, buf, sizeof buf);
    CHECK_EQ(ci->dwCallID, callId);
    CHECK_EQ(ci->dwOrigin, LINECALLORIGIN_EXTERNAL);
    CHECK_EQ(ci->dwCallerIDFlags, partyFlag);
    CHECK_EQ(ci->dwCallerIDSize, 0);
    CHECK_EQ(ci->dwCallerIDOffset, 0);
    CHECK_EQ(ci->dwCallerIDNameSize, 0);
    CHECK_EQ(ci->dwCallerIDNameOffset, 0);
    CHECK_EQ(ci->dwCalledIDFlags, LINECALLPARTYID_ADDRESS); /* the line's own number */
    CHECK(ci->dwCalledIDSize != 0);
    CHECK_EQ(ci->dwConnectedIDFlags, LINECALLPARTYID_UNKNOWN); /* not connected yet */
    CHECK_EQ(reply_of(app, lineAnswer(in, NULL, 0)), 0);
    drain(app);
    ci = call_info(in, buf, sizeof buf);
    CHECK_EQ(ci->dwConnectedIDFlags, partyFlag);
    CHECK_EQ(ci->dwConnectedIDSize, 0);
    CHECK_EQ(ci->dwConnectedIDNameSize, 0);
    CHECK_EQ(ci->dwCallerIDFlags, partyFlag);
    /* The switch still knows the station: it hangs up by its number. */
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    drain(app);
    CHECK_EQ(call_state(in), LINECALLSTATE_DISCONNECTED);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(withheld_caller_id_is_blocked_without_number_or_name)
{
    check_hidden(TAPISIM_REMOTE_WITHHELD, LINECALLPARTYID_BLOCKED);
}

TEST(unavailable_caller_id_is_out_of_area_without_number_or_name)
{
    check_hidden(TAPISIM_REMOTE_UNAVAILABLE, LINECALLPARTYID_OUTOFAREA);
}

TEST(no_flags_give_the_callers_number_and_name)
{
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 1, V31, OWNER, 0);
    drain(app);
    CHECK_EQ(tapisim_remote_call_ex("0301", "Alice", "101", 0, NULL), 0);
    HCALL in = new_call_on(app, line);
    CHECK(in != 0);
    unsigned char buf[2048];
    LINECALLINFO *ci = call_info(in, buf, sizeof buf);
    CHECK_EQ(ci->dwCallerIDFlags, LINECALLPARTYID_ADDRESS | LINECALLPARTYID_NAME);
    CHECK_EQ(ci->dwCallerIDSize, 5 * sizeof(WCHAR));
    CHECK_EQ(ci->dwCallerIDNameSize, 6 * sizeof(WCHAR));
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(withheld_caller_to_a_busy_line_hears_busy)
{
    CHECK_EQ(tapisim_set_station("101", TAPISIM_STATION_BUSY), 0);
    DWORD callId = 7;
    CHECK_EQ(tapisim_remote_call_ex("0301", NULL, "101", TAPISIM_REMOTE_WITHHELD, &callId), 0);
    CHECK_EQ(callId, 0);
    CHECK_ERR(tapisim_remote_hangup("0301"), LINEERR_INVALCALLSTATE);
    check_switch();
}

TEST(bad_flags_are_refused_and_nothing_is_offered)
{
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 1, V31, OWNER, 0);
    drain(app);
    DWORD callId = 7;
    CHECK_ERR(tapisim_remote_call_ex("0301", NULL, "101", 4, &callId), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_remote_call_ex("0301", NULL, "101",
                                     TAPISIM_REMOTE_WITHHELD | TAPISIM_REMOTE_UNAVAILABLE, &callId),
              LINEERR_INVALPARAM);
    CHECK_EQ(callId, 7);
    CHECK_ERR(tapisim_remote_call_ex("0301", "", "101", TAPISIM_REMOTE_WITHHELD, NULL),
              LINEERR_INVALPARAM); /* a name is checked even when it is not shown */
    CHECK_ERR(tapisim_remote_call_ex("100", NULL, "101", TAPISIM_REMOTE_WITHHELD, NULL),
              LINEERR_INVALADDRESS);
    CHECK(new_call_on(app, line) == 0);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(address_caps_list_the_hidden_caller_id_flags)
{
    HLINEAPP app = init_app("t");
    union { LINEADDRESSCAPS c; unsigned char raw[4096]; } u;
    memset(&u, 0, sizeof u);
    u.c.dwTotalSize = sizeof u;
    CHECK_EQ(lineGetAddressCapsW(app, 0, 0, V31, 0, &u.c), 0);
    CHECK((u.c.dwCallerIDFlags & LINECALLPARTYID_BLOCKED) != 0);
    CHECK((u.c.dwCallerIDFlags & LINECALLPARTYID_OUTOFAREA) != 0);
    CHECK((u.c.dwConnectedIDFlags & LINECALLPARTYID_BLOCKED) != 0);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(trace_names_the_hidden_caller)
{
    CHECK_EQ(tapisim_remote_call_ex("0301", NULL, "101", TAPISIM_REMOTE_WITHHELD, NULL), 0);
    char *trace = trace_text();
    CHECK(trace != NULL && strstr(trace, "tapisim_remote_call(\"0301\", \"\", \"101\", WITHHELD)") != NULL);
    free(trace);
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    check_switch();
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(withheld_caller_id_is_blocked_without_number_or_name),
        T(unavailable_caller_id_is_out_of_area_without_number_or_name),
        T(no_flags_give_the_callers_number_and_name),
        T(withheld_caller_to_a_busy_line_hears_busy),
        T(bad_flags_are_refused_and_nothing_is_offered),
        T(address_caps_list_the_hidden_caller_id_flags),
        T(trace_names_the_hidden_caller),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
