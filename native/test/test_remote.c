/*
 * Remote stations driven by the test: tapisim_remote_call (an outside caller rings a local
 * line, with caller ID), tapisim_remote_answer and tapisim_remote_hangup (the far end answers
 * and hangs up when told), TAPISIM_STATION_MANUAL, busy lines and the errors.
 */
#include "call_test.h"

#define V20 0x00020000u


/* The string at `off`/`size` of a LINECALLINFO equals `s` (UTF-16 with terminator). */
static int wstr_is(const unsigned char *base, DWORD off, DWORD size, const char *s)
{
    size_t n = strlen(s);
    if (size != (n + 1) * sizeof(WCHAR) || off == 0)
        return 0;
    for (size_t i = 0; i <= n; i++) {
        WCHAR w;
        memcpy(&w, base + off + i * sizeof w, sizeof w);
        if (w != (WCHAR)(unsigned char)s[i])
            return 0;
    }
    return 1;
}

static LINECALLINFO *call_info(HCALL call, unsigned char *buf, size_t size)
{
    memset(buf, 0, size);
    LINECALLINFO *ci = (LINECALLINFO *)buf;
    ci->dwTotalSize = (DWORD)size;
    CHECK_EQ(lineGetCallInfoW(call, ci), 0);
    return ci;
}

/* The announcement of a new incoming call: LINE_APPNEWCALL, then OFFERING with the privilege. */
static HCALL expect_offered(HLINEAPP app, HLINE line, DWORD privilege)
{
    LINEMESSAGE m;
    CHECK(next_msg(app, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    CHECK_EQ(m.hDevice, line);
    CHECK_EQ(m.dwParam1, 0);
    CHECK_EQ(m.dwParam3, privilege);
    HCALL call = (HCALL)m.dwParam2;
    CHECK(call != 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_OFFERING, LINEOFFERINGMODE_ACTIVE, privilege);
    return call;
}

TEST(outside_call_is_offered_with_caller_id)
{
    HLINEAPP app = init_app("callee");
    HLINEAPP mon = init_app("monitor");
    HLINE line = open_line(app, 1, V31, OWNER, 0xC1);
    HLINE watch = open_line(mon, 1, V31, MONITOR, 0);
    CHECK_EQ(lineSetStatusMessages(line, LINEDEVSTATE_RINGING, 0), 0);
    DWORD callId = 0;
    CHECK_EQ(tapisim_remote_call("0301", "Alice", "101", &callId), 0);
    CHECK(callId != 0);
    HCALL in = expect_offered(app, line, OWNER);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_RINGING, 1, 0);
    EXPECT_NO_MSG(app);
    HCALL seen = expect_offered(mon, watch, MONITOR);
    EXPECT_NO_MSG(mon);

    unsigned char buf[2048];
    LINECALLINFO *ci = call_info(in, buf, sizeof buf);
    CHECK_EQ(ci->dwCallID, callId);
    CHECK_EQ(ci->dwOrigin, LINECALLORIGIN_EXTERNAL);
    CHECK_EQ(ci->dwReason, LINECALLREASON_DIRECT);
    CHECK_EQ(ci->dwCallerIDFlags, LINECALLPARTYID_ADDRESS | LINECALLPARTYID_NAME);
    CHECK(wstr_is(buf, ci->dwCallerIDOffset, ci->dwCallerIDSize, "0301"));
    CHECK(wstr_is(buf, ci->dwCallerIDNameOffset, ci->dwCallerIDNameSize, "Alice"));
    CHECK_EQ(ci->dwCalledIDFlags, LINECALLPARTYID_ADDRESS);
    CHECK(wstr_is(buf, ci->dwCalledIDOffset, ci->dwCalledIDSize, "101"));
    CHECK_EQ(ci->dwConnectedIDFlags, LINECALLPARTYID_UNKNOWN);
    CHECK_EQ(ci->dwUsedSize, ci->dwNeededSize);
    CHECK_EQ(call_info(seen, buf, sizeof buf)->dwCallerIDFlags, LINECALLPARTYID_ADDRESS | LINECALLPARTYID_NAME);

    LONG ans = lineAnswer(in, NULL, 0);
    CHECK(ans > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)ans, 0, 0);
    EXPECT_MSG(app, in, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    ci = call_info(in, buf, sizeof buf);
    CHECK_EQ(ci->dwConnectedIDFlags, LINECALLPARTYID_ADDRESS | LINECALLPARTYID_NAME);
    CHECK(wstr_is(buf, ci->dwConnectedIDOffset, ci->dwConnectedIDSize, "0301"));
    CHECK(wstr_is(buf, ci->dwConnectedIDNameOffset, ci->dwConnectedIDNameSize, "Alice"));
    check_switch();
}

TEST(outside_call_without_name_has_address_only)
{
    HLINEAPP app = init_app("callee");
    HLINE line = open_line(app, 0, V20, OWNER, 0);
    CHECK_EQ(tapisim_remote_call("+4930123", NULL, "100", NULL), 0);
    HCALL in = expect_offered(app, line, OWNER);
    unsigned char buf[1024];
    LINECALLINFO *ci = call_info(in, buf, sizeof buf);
    CHECK_EQ(ci->dwCallerIDFlags, LINECALLPARTYID_ADDRESS);
    CHECK(wstr_is(buf, ci->dwCallerIDOffset, ci->dwCallerIDSize, "+4930123"));
    CHECK_EQ(ci->dwCallerIDNameSize, 0);
    CHECK_EQ(ci->dwOrigin, LINECALLORIGIN_EXTERNAL);
    check_switch();
}

TEST(far_end_hangs_up_an_answered_outside_call)
{
    HLINEAPP app = init_app("callee");
    HLINE line = open_line(app, 1, V31, OWNER, 0);
    CHECK_EQ(tapisim_remote_call("0301", "Alice", "101", NULL), 0);
    HCALL in = expect_offered(app, line, OWNER);
    LONG ans = lineAnswer(in, NULL, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)ans, 0, 0);
    EXPECT_MSG(app, in, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    EXPECT_MSG(app, in, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    EXPECT_NO_MSG(app);
    CHECK_ERR(tapisim_remote_hangup("0301"), LINEERR_INVALCALLSTATE); /* in no call any more */
    LONG drop = lineDrop(in, NULL, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)drop, 0, 0);
    EXPECT_MSG(app, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    CHECK_EQ(lineDeallocateCall(in), 0);
    check_switch();
    /* the line and the station are free again */
    CHECK_EQ(tapisim_remote_call("0301", NULL, "101", NULL), 0);
    expect_offered(app, line, OWNER);
    check_switch();
}

TEST(outside_caller_gives_up_before_answer)
{
    HLINEAPP app = init_app("callee");
    HLINE line = open_line(app, 1, V31, OWNER, 0);
    CHECK_EQ(tapisim_remote_call("0301", NULL, "101", NULL), 0);
    HCALL in = expect_offered(app, line, OWNER);
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    EXPECT_MSG(app, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    CHECK_EQ(lineDeallocateCall(in), 0);
    check_switch();
}

TEST(outside_call_to_a_line_nobody_owns_is_withdrawn_cleanly)
{
    DWORD callId = 0;
    CHECK_EQ(tapisim_remote_call("0301", NULL, "102", &callId), 0);
    CHECK(callId != 0);
    CHECK_ERR(tapisim_remote_call("0301", NULL, "103", NULL), LINEERR_CALLUNAVAIL);
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    check_switch();
}

TEST(far_end_hangs_up_a_local_call_to_it)
{
    HLINEAPP app = init_app("caller");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL out = 0;
    CHECK(make_call(line, "0301", &out) > 0);
    CHECK_EQ(tapisim_advance(3000), 0);
    CHECK_EQ(call_state(out), LINECALLSTATE_CONNECTED);
    drain(app);
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    EXPECT_MSG(app, out, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    EXPECT_NO_MSG(app);
    LONG drop = lineDrop(out, NULL, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)drop, 0, 0);
    EXPECT_MSG(app, out, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    CHECK_EQ(lineDeallocateCall(out), 0);
    check_switch();
}

TEST(far_end_rejects_while_ringing)
{
    HLINEAPP app = init_app("caller");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL out = 0;
    CHECK(make_call(line, "0301", &out) > 0);
    drain(app);
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    EXPECT_MSG(app, out, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_REJECT, 0);
    CHECK_EQ(tapisim_advance(5000), 0); /* the answer timer of the idle station does not fire */
    EXPECT_NO_MSG(app);
    CHECK(lineDrop(out, NULL, 0) > 0);
    CHECK_EQ(lineDeallocateCall(out), 0);
    check_switch();
}

TEST(manual_station_answers_only_when_told)
{
    HLINEAPP app = init_app("caller");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_set_station("0301", TAPISIM_STATION_MANUAL), 0);
    HCALL out = 0;
    CHECK(make_call(line, "0301", &out) > 0);
    CHECK_EQ(tapisim_advance(60000), 0);
    CHECK_EQ(call_state(out), LINECALLSTATE_RINGBACK);
    drain(app);
    CHECK_EQ(tapisim_remote_answer("0301"), 0);
    EXPECT_MSG(app, out, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    CHECK_ERR(tapisim_remote_answer("0301"), LINEERR_INVALCALLSTATE); /* already answered */
    CHECK(lineDrop(out, NULL, 0) > 0);
    CHECK_EQ(lineDeallocateCall(out), 0);
    CHECK_ERR(tapisim_remote_answer("0301"), LINEERR_INVALCALLSTATE); /* nothing rings it */
    check_switch();
}

TEST(idle_station_answers_early_when_told)
{
    HLINEAPP app = init_app("caller");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL out = 0;
    CHECK(make_call(line, "0302", &out) > 0);
    drain(app);
    CHECK_EQ(tapisim_remote_answer("0302"), 0);
    EXPECT_MSG(app, out, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    CHECK_EQ(tapisim_advance(3000), 0); /* the pending answer timer finds it connected */
    EXPECT_NO_MSG(app);
    check_switch();
}

TEST(outside_call_to_a_busy_line_hears_busy)
{
    HLINEAPP app = init_app("callee");
    HLINE line = open_line(app, 1, V31, OWNER, 0);
    HCALL out = 0;
    CHECK(make_call(line, "0400", &out) > 0); /* the line is in a call */
    drain(app);
    DWORD callId = 7;
    CHECK_EQ(tapisim_remote_call("0301", "Alice", "101", &callId), 0);
    CHECK_EQ(callId, 0);
    EXPECT_NO_MSG(app);
    char *trace = trace_text();
    CHECK(trace != NULL && strstr(trace, "tapisim_remote_call(\"0301\", \"Alice\", \"101\") busy") != NULL);
    free(trace);
    HCALL second = 0;
    CHECK(make_call(line, "0301", &second) > 0);
    CHECK_EQ(call_state(second), LINECALLSTATE_RINGBACK); /* the caller was not left engaged */
    CHECK_EQ(tapisim_set_station("101", TAPISIM_STATION_BUSY), 0);
    CHECK_EQ(tapisim_remote_call("0302", NULL, "101", &callId), 0);
    CHECK_EQ(callId, 0);
    check_switch();
}

TEST(remote_errors)
{
    DWORD id = 0;
    CHECK_ERR(tapisim_remote_call(NULL, NULL, "101", &id), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_remote_call("0301", NULL, NULL, &id), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_remote_call("0301", NULL, "101", (DWORD *)(uintptr_t)8), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_remote_call("", NULL, "101", &id), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_remote_call("03-01", NULL, "101", &id), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_remote_call("100", NULL, "101", &id), LINEERR_INVALADDRESS); /* a local line */
    CHECK_ERR(tapisim_remote_call("0301", NULL, "1x1", &id), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_remote_call("0301", NULL, "999", &id), LINEERR_BADDEVICEID);
    CHECK_ERR(tapisim_remote_call("0301", "", "101", &id), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_remote_call("0301", "Al\tice", "101", &id), LINEERR_INVALPARAM);
    char longName[80];
    memset(longName, 'a', sizeof longName - 1);
    longName[sizeof longName - 1] = '\0';
    CHECK_ERR(tapisim_remote_call("0301", longName, "101", &id), LINEERR_INVALPARAM);
    longName[64] = '\0';
    CHECK_ERR(tapisim_remote_call("0301", longName, "101", &id), LINEERR_INVALPARAM);
    longName[63] = '\0'; /* 63 characters: the longest name */
    CHECK_EQ(tapisim_remote_call("0301", longName, "101", &id), 0);
    CHECK_ERR(tapisim_remote_answer(NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_remote_hangup(NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_remote_answer("100"), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_remote_hangup("#x"), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_remote_answer("0301"), LINEERR_INVALCALLSTATE); /* its own call: not rung */
    CHECK_ERR(tapisim_remote_hangup("0555"), LINEERR_INVALCALLSTATE);
    CHECK_ERR(tapisim_set_station("0301", TAPISIM_STATION_MANUAL + 1), LINEERR_INVALPARAM);
    check_switch();
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(outside_call_is_offered_with_caller_id), T(outside_call_without_name_has_address_only),
        T(far_end_hangs_up_an_answered_outside_call), T(outside_caller_gives_up_before_answer),
        T(outside_call_to_a_line_nobody_owns_is_withdrawn_cleanly), T(far_end_hangs_up_a_local_call_to_it),
        T(far_end_rejects_while_ringing), T(manual_station_answers_only_when_told),
        T(idle_station_answers_early_when_told), T(outside_call_to_a_busy_line_hears_busy),
        T(remote_errors),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
