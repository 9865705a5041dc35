/*
 * Redirect: lineRedirectW of an offered call from an outside caller and from a local line, to
 * a local line and to a remote station; the golden message sequences at each end; the
 * redirecting and redirection IDs and LINECALLREASON_REDIRECT in LINECALLINFO; a busy
 * destination; the REDIRECT feature; every error on its delivery path in both
 * "error_delivery" modes.
 */
#include "party_test.h"

static LONG redirect(HCALL call, const char *dest)
{
    WCHAR w[64];
    to_wide(dest, w, 64);
    return lineRedirectW(call, w, 0);
}

/* The redirecting and redirection IDs of the call whose info was read last. */
static void check_ids(const LINECALLINFO *c, const char *redirecting, const char *redirection)
{
    CHECK_EQ(c->dwRedirectingIDFlags, redirecting ? LINECALLPARTYID_ADDRESS : LINECALLPARTYID_UNKNOWN);
    CHECK(text_is(c->dwRedirectingIDSize, c->dwRedirectingIDOffset, redirecting));
    CHECK_EQ(c->dwRedirectionIDFlags & ~(DWORD)LINECALLPARTYID_NAME,
             redirection ? LINECALLPARTYID_ADDRESS : LINECALLPARTYID_UNKNOWN);
    CHECK(text_is(c->dwRedirectionIDSize, c->dwRedirectionIDOffset, redirection));
}

/* The next message announces a new call (LINE_APPNEWCALL): its handle. */
static HCALL new_call(HLINEAPP app, HLINE line)
{
    LINEMESSAGE m;
    CHECK(next_msg(app, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    CHECK_EQ(m.hDevice, line);
    return (HCALL)m.dwParam2;
}

/* An outside call from `from` (named `name`) offered on line 0: its OWNER handle. */
static HCALL outside_call(HLINEAPP app, HLINE line, const char *from, const char *name)
{
    CHECK_EQ(tapisim_remote_call(from, name, "100", NULL), 0);
    HCALL in = new_call(app, line);
    EXPECT_MSG(app, in, LINE_CALLSTATE, LINECALLSTATE_OFFERING, LINEOFFERINGMODE_ACTIVE, OWNER);
    EXPECT_NO_MSG(app);
    return in;
}

TEST(redirect_an_outside_caller_to_a_local_line)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL in = outside_call(a, la, "0301", "Alice");
    CHECK(features(in) & LINECALLFEATURE_REDIRECT);
    tapisim_trace_clear();
    LONG req = redirect(in, "101");
    CHECK(req > 0);
    /* The redirecting application: the reply, then the call goes idle. */
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    /* The destination: a new call from the same caller. */
    HCALL moved = new_call(b, lb);
    EXPECT_MSG(b, moved, LINE_CALLSTATE, LINECALLSTATE_OFFERING, LINEOFFERINGMODE_ACTIVE, OWNER);
    EXPECT_NO_MSG(b);
    CHECK(trace_has("0301 diverted to 101"));
    const LINECALLINFO *c = info(moved);
    CHECK_EQ(c->dwReason, LINECALLREASON_REDIRECT);
    CHECK_EQ(c->dwOrigin, LINECALLORIGIN_EXTERNAL);
    CHECK_EQ(c->dwCallerIDFlags, LINECALLPARTYID_ADDRESS | LINECALLPARTYID_NAME);
    CHECK(text_is(c->dwCallerIDSize, c->dwCallerIDOffset, "0301"));
    CHECK(text_is(c->dwCallerIDNameSize, c->dwCallerIDNameOffset, "Alice"));
    CHECK(text_is(c->dwCalledIDSize, c->dwCalledIDOffset, "101"));
    check_ids(c, "100", "101");
    CHECK_EQ(c->dwRedirectingIDAddressType, LINEADDRESSTYPE_PHONENUMBER);
    /* The redirected call keeps its handle, idle, with the same IDs. */
    c = info(in);
    CHECK_EQ(c->dwReason, LINECALLREASON_DIRECT);
    check_ids(c, "100", "101");
    CHECK_EQ(features(in), 0);
    /* The caller is now in the new call: hanging up withdraws it. */
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    EXPECT_MSG(b, moved, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    CHECK_EQ(lineDeallocateCall(in), 0);
    check_switch();
}

TEST(redirected_outside_caller_is_answered_and_keeps_its_name)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL in = outside_call(a, la, "0301", "Alice");
    LONG req = redirect(in, "101^Reception");
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    HCALL moved = new_call(b, lb);
    drain(b);
    req = lineAnswer(moved, NULL, 0);
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(b, moved, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    const LINECALLINFO *c = info(moved);
    CHECK(text_is(c->dwConnectedIDSize, c->dwConnectedIDOffset, "0301"));
    CHECK(text_is(c->dwConnectedIDNameSize, c->dwConnectedIDNameOffset, "Alice"));
    CHECK_EQ(c->dwRedirectionIDFlags, LINECALLPARTYID_ADDRESS | LINECALLPARTYID_NAME);
    CHECK(text_is(c->dwRedirectionIDNameSize, c->dwRedirectionIDNameOffset, "Reception"));
    /* The station is engaged by the new call. */
    CHECK_ERR(tapisim_remote_call("0301", NULL, "102", NULL), LINEERR_CALLUNAVAIL);
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    EXPECT_MSG(b, moved, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    check_switch();
}

TEST(redirect_a_local_caller_to_another_line)
{
    HLINEAPP a = init_app("a"), b = init_app("b"), c3 = init_app("c");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HLINE lc = open_line(c3, 2, V31, OWNER, 0);
    (void)la;
    HCALL out = 0;
    LONG req = make_call(la, "101", &out);
    CHECK(req > 0);
    drain(a);
    HCALL in = new_call(b, lb);
    drain(b);
    CHECK_EQ(call_state(out), LINECALLSTATE_RINGBACK);
    req = redirect(in, "102");
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(b);
    /* The caller is told the new IDs; it goes on ringing, now the new destination. */
    EXPECT_MSG(a, out, LINE_CALLINFO, IDS, 0, 0);
    EXPECT_NO_MSG(a);
    HCALL moved = new_call(c3, lc);
    EXPECT_MSG(c3, moved, LINE_CALLSTATE, LINECALLSTATE_OFFERING, LINEOFFERINGMODE_ACTIVE, OWNER);
    EXPECT_NO_MSG(c3);
    const LINECALLINFO *c = info(moved);
    CHECK_EQ(c->dwReason, LINECALLREASON_REDIRECT);
    CHECK(text_is(c->dwCallerIDSize, c->dwCallerIDOffset, "100"));
    CHECK(text_is(c->dwCalledIDSize, c->dwCalledIDOffset, "102"));
    check_ids(c, "101", "102");
    req = lineAnswer(moved, NULL, 0);
    EXPECT_MSG(c3, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(c3, moved, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    /* The caller: called ID the number it dialled, connected ID the one it reached. */
    c = info(out);
    CHECK(text_is(c->dwCalledIDSize, c->dwCalledIDOffset, "101"));
    CHECK(text_is(c->dwConnectedIDSize, c->dwConnectedIDOffset, "102"));
    check_ids(c, "101", "102");
    CHECK_EQ(c->dwReason, LINECALLREASON_DIRECT);
    /* 101 is free again, and the two are linked: a drop reaches the other side. */
    CHECK_EQ(call_state(in), LINECALLSTATE_IDLE);
    req = lineDrop(out, NULL, 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(c3, moved, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    check_switch();
}

TEST(redirect_a_local_caller_to_a_remote_station)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0;
    make_call(la, "101", &out);
    drain(a);
    HCALL in = new_call(b, lb);
    drain(b);
    LONG req = redirect(in, "201");
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLINFO, IDS, 0, 0);
    EXPECT_NO_MSG(a);
    CHECK_EQ(tapisim_advance(3000), 0); /* an idle station answers after 3 s */
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    const LINECALLINFO *c = info(out);
    CHECK(text_is(c->dwConnectedIDSize, c->dwConnectedIDOffset, "201"));
    check_ids(c, "101", "201");
    CHECK_EQ(tapisim_remote_hangup("201"), 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    check_switch();
}

TEST(redirect_to_a_busy_destination)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    (void)lb;
    CHECK_EQ(tapisim_set_station("101", TAPISIM_STATION_BUSY), 0);
    /* An outside caller hears busy tone and is free again. */
    HCALL in = outside_call(a, la, "0301", NULL);
    tapisim_trace_clear();
    LONG req = redirect(in, "101");
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    EXPECT_NO_MSG(b);
    CHECK(trace_has("station 0301 hears busy"));
    CHECK_EQ(lineDeallocateCall(in), 0);
    CHECK_EQ(tapisim_remote_call("0301", NULL, "100", NULL), 0); /* not engaged any more */
    drain(a);
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    drain(a);
    /* A local caller goes BUSY. */
    CHECK_EQ(tapisim_set_station("101", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    HCALL out = 0;
    make_call(lb, "100", &out);
    drain(b);
    in = new_call(a, la);
    drain(a);
    req = redirect(in, "201");
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(b, out, LINE_CALLINFO, IDS, 0, 0);
    EXPECT_MSG(b, out, LINE_CALLSTATE, LINECALLSTATE_BUSY, LINEBUSYMODE_STATION, 0);
    EXPECT_NO_MSG(b);
    check_switch();
}

static void redirect_errors(int literal)
{
    WCHAR dest[8];
    to_wide("101", dest, 8);
    CHECK_ERR(lineRedirectW(0x10001, dest, 0), LINEERR_UNINITIALIZED);
    HLINEAPP a = init_app("a"), mon = init_app("m");
    CHECK_EQ(tapisim_set_option("error_delivery", (DWORD)literal), 0);
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    open_line(mon, 0, V31, MONITOR, 0);
    HCALL in = outside_call(a, la, "0301", NULL);
    LINEMESSAGE m;
    CHECK(next_msg(mon, &m));
    HCALL watched = (HCALL)m.dwParam2;
    drain(mon);
    /* tapi32 and tapisrv: results in both modes. */
    CHECK_ERR(lineRedirectW(in, NULL, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(lineRedirectW(in, (LPCWSTR)(uintptr_t)16, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(lineRedirectW(in + 0x777, dest, 0), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineRedirectW(watched, dest, 0), LINEERR_NOTOWNER);
    CHECK_EQ(features(watched) & LINECALLFEATURE_REDIRECT, 0);
    /* The provider: LINE_REPLY, or the result with error_delivery 1. */
    expect_provider(a, lineRedirectW(in, dest, 1000), LINEERR_INVALCOUNTRYCODE, literal);
    static const char *const bad[] = {
        "", "1x1", "101;", "100", "0302", "?101", "@101", "$101", "101\r\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        expect_provider(a, redirect(in, bad[i]), LINEERR_INVALADDRESS, literal);
    /* The provider failing (fault injection): always LINE_REPLY. */
    static const LONG faults[] = {
        (LONG)LINEERR_RESOURCEUNAVAIL, (LONG)LINEERR_NOMEM, (LONG)LINEERR_OPERATIONUNAVAIL,
    };
    for (size_t i = 0; i < sizeof faults / sizeof *faults; i++) {
        CHECK_EQ(tapisim_fail_next("lineRedirectW", faults[i]), 0);
        expect_provider(a, redirect(in, "101"), faults[i], 0);
    }
    CHECK_EQ(tapisim_fail_next("lineRedirect", LINEERR_OPERATIONFAILED), 0);
    expect_provider(a, redirect(in, "0302"), LINEERR_OPERATIONFAILED, 0); /* before any check */
    EXPECT_NO_MSG(a);
    EXPECT_NO_MSG(mon);
    CHECK_EQ(call_state(in), LINECALLSTATE_OFFERING); /* nothing happened */
    /* An answered call can no longer be redirected. */
    LONG req = lineAnswer(in, NULL, 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, in, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    CHECK_EQ(features(in) & LINECALLFEATURE_REDIRECT, 0);
    expect_provider(a, lineRedirectW(in, dest, 0), LINEERR_INVALCALLSTATE, literal);
    EXPECT_NO_MSG(a);
    check_switch();
}

TEST(redirect_errors_in_reply) { redirect_errors(0); }
TEST(redirect_errors_as_result) { redirect_errors(1); }

TEST(redirect_feature_and_caps)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0;
    make_call(la, "101", &out);
    drain(a);
    HCALL in = new_call(b, lb);
    drain(b);
    CHECK(features(in) & LINECALLFEATURE_REDIRECT);
    CHECK_EQ(features(out) & LINECALLFEATURE_REDIRECT, 0); /* RINGBACK */
    static union { LINEADDRESSCAPS c; unsigned char b[2048]; } ac;
    ac.c.dwTotalSize = sizeof ac;
    CHECK_EQ(lineGetAddressCapsW(a, 0, 0, V31, 0, &ac.c), 0);
    CHECK(ac.c.dwCallFeatures & LINECALLFEATURE_REDIRECT);
    CHECK_EQ(ac.c.dwCallInfoStates & IDS, IDS);
    CHECK_EQ(ac.c.dwRedirectingIDFlags, LINECALLPARTYID_ADDRESS | LINECALLPARTYID_UNKNOWN);
    CHECK_EQ(ac.c.dwRedirectionIDFlags,
             LINECALLPARTYID_ADDRESS | LINECALLPARTYID_NAME | LINECALLPARTYID_UNKNOWN);
    /* A call never diverted has unknown redirecting and redirection IDs. */
    check_ids(info(in), NULL, NULL);
    check_switch();
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(redirect_an_outside_caller_to_a_local_line),
        T(redirected_outside_caller_is_answered_and_keeps_its_name),
        T(redirect_a_local_caller_to_another_line),
        T(redirect_a_local_caller_to_a_remote_station),
        T(redirect_to_a_busy_destination),
        T(redirect_errors_in_reply),
        T(redirect_errors_as_result),
        T(redirect_feature_and_caps),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
