/*
 * Blind transfer: lineBlindTransferW of a connected call whose other party is an outside
 * station or a local line, to a local line or a remote station; the golden message sequences
 * at every end; LINECALLREASON_TRANSFER and the party IDs; the remote station's state deciding
 * busy or answer; trunk-to-trunk refused; the BLINDTRANSFER feature; every error on its
 * delivery path in both "error_delivery" modes.
 */
#include "party_test.h"

static LONG transfer(HCALL call, const char *dest)
{
    WCHAR w[64];
    to_wide(dest, w, 64);
    return lineBlindTransferW(call, w, 0);
}

static HCALL new_call(HLINEAPP app, HLINE line)
{
    LINEMESSAGE m;
    CHECK(next_msg(app, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    CHECK_EQ(m.hDevice, line);
    return (HCALL)m.dwParam2;
}

static void answer(HLINEAPP app, HCALL call)
{
    LONG req = lineAnswer(call, NULL, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
}

/* Line 0 calls line 1 and line 1 answers: *out the caller's handle, *in the callee's. */
static void local_call(HLINEAPP a, HLINE la, HLINEAPP b, HLINE lb, HCALL *out, HCALL *in)
{
    CHECK(make_call(la, "101", out) > 0);
    *in = new_call(b, lb);
    drain(b);
    answer(b, *in);
    drain(a);
    CHECK_EQ(call_state(*out), LINECALLSTATE_CONNECTED);
}

TEST(blind_transfer_an_outside_party_to_a_local_line)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    CHECK_EQ(tapisim_remote_call("0301", "Alice", "100", NULL), 0);
    HCALL call = new_call(a, la);
    drain(a);
    answer(a, call);
    CHECK(features(call) & LINECALLFEATURE_BLINDTRANSFER);
    LONG req = transfer(call, "101");
    CHECK(req > 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    HCALL moved = new_call(b, lb);
    EXPECT_MSG(b, moved, LINE_CALLSTATE, LINECALLSTATE_OFFERING, LINEOFFERINGMODE_ACTIVE, OWNER);
    EXPECT_NO_MSG(b);
    const LINECALLINFO *c = info(moved);
    CHECK_EQ(c->dwReason, LINECALLREASON_TRANSFER);
    CHECK_EQ(c->dwOrigin, LINECALLORIGIN_EXTERNAL);
    CALLER(c, "0301");
    CHECK(text_is(c->dwCallerIDNameSize, c->dwCallerIDNameOffset, "Alice"));
    CALLED(c, "101");
    REDIRECTING(c, "100");
    REDIRECTION(c, "101");
    answer(b, moved);
    CONNECTED(info(moved), "0301");
    /* The transferring side: the handle stays valid, idle, until deallocated. */
    CHECK_EQ(call_state(call), LINECALLSTATE_IDLE);
    CHECK_EQ(features(call), 0);
    CHECK_EQ(lineDeallocateCall(call), 0);
    EXPECT_NO_MSG(a);
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    EXPECT_MSG(b, moved, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    check_switch();
}

TEST(blind_transfer_a_local_party_to_a_local_line)
{
    HLINEAPP a = init_app("a"), b = init_app("b"), c3 = init_app("c");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HLINE lc = open_line(c3, 2, V31, OWNER, 0);
    HCALL out = 0, in = 0;
    local_call(a, la, b, lb, &out, &in);
    /* The callee transfers its caller. */
    LONG req = transfer(in, "102");
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(b);
    EXPECT_MSG(a, out, LINE_CALLINFO, IDS, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    EXPECT_NO_MSG(a);
    HCALL moved = new_call(c3, lc);
    EXPECT_MSG(c3, moved, LINE_CALLSTATE, LINECALLSTATE_OFFERING, LINEOFFERINGMODE_ACTIVE, OWNER);
    EXPECT_NO_MSG(c3);
    const LINECALLINFO *c = info(moved);
    CHECK_EQ(c->dwReason, LINECALLREASON_TRANSFER);
    CHECK_EQ(c->dwOrigin, LINECALLORIGIN_INTERNAL);
    CALLER(c, "100");
    CALLED(c, "102");
    REDIRECTING(c, "101");
    REDIRECTION(c, "102");
    answer(c3, moved);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    c = info(out);
    CALLED(c, "101");
    CONNECTED(c, "102");
    REDIRECTING(c, "101");
    REDIRECTION(c, "102");
    check_switch();
}

TEST(blind_transfer_by_the_caller_keeps_the_callee_caller_id)
{
    HLINEAPP a = init_app("a"), b = init_app("b"), c3 = init_app("c");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HLINE lc = open_line(c3, 2, V31, OWNER, 0);
    HCALL out = 0, in = 0;
    local_call(a, la, b, lb, &out, &in);
    LONG req = transfer(out, "102");
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLINFO, IDS, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    HCALL moved = new_call(c3, lc);
    drain(c3);
    CALLER(info(moved), "101");
    answer(c3, moved);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    const LINECALLINFO *c = info(in);
    CALLER(c, "100"); /* who called it in the first place */
    CALLED(c, "101");
    CONNECTED(c, "102");
    check_switch();
}

TEST(blind_transfer_a_local_party_to_a_remote_station)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0, in = 0;
    local_call(a, la, b, lb, &out, &in);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_MANUAL), 0);
    LONG req = transfer(in, "201");
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLINFO, IDS, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    EXPECT_NO_MSG(a);
    CHECK_EQ(tapisim_remote_answer("201"), 0); /* the station rung by the transferred party */
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    CONNECTED(info(out), "201");
    CHECK_EQ(tapisim_remote_hangup("201"), 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    check_switch();
}

TEST(blind_transfer_to_a_busy_station_gives_busy)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0, in = 0;
    local_call(a, la, b, lb, &out, &in);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    LONG req = transfer(in, "201");
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLINFO, IDS, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_BUSY, LINEBUSYMODE_STATION, 0);
    EXPECT_NO_MSG(a);
    /* An idle station answers after 3 s. */
    req = lineDrop(out, NULL, 0);
    drain(a);
    local_call(a, la, b, lb, &out, &in);
    req = transfer(in, "202");
    drain(b);
    drain(a);
    CHECK_EQ(call_state(out), LINECALLSTATE_RINGBACK);
    CHECK_EQ(tapisim_advance(3000), 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    check_switch();
}

TEST(blind_transfer_an_outside_party_to_a_busy_line)
{
    HLINEAPP a = init_app("a");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_set_station("101", TAPISIM_STATION_BUSY), 0);
    CHECK_EQ(tapisim_remote_call("0301", NULL, "100", NULL), 0);
    HCALL call = new_call(a, la);
    drain(a);
    answer(a, call);
    LONG req = transfer(call, "101");
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    char *t = trace_text();
    CHECK(t != NULL && strstr(t, "station 0301 hears busy") != NULL);
    free(t);
    CHECK_ERR(tapisim_remote_hangup("0301"), LINEERR_INVALCALLSTATE); /* in no call any more */
    check_switch();
}

static void blind_transfer_errors(int literal)
{
    WCHAR dest[8];
    to_wide("101", dest, 8);
    CHECK_ERR(lineBlindTransferW(0x10001, dest, 0), LINEERR_UNINITIALIZED);
    HLINEAPP a = init_app("a"), mon = init_app("m");
    CHECK_EQ(tapisim_set_option("error_delivery", (DWORD)literal), 0);
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    open_line(mon, 0, V31, MONITOR, 0);
    CHECK_EQ(tapisim_remote_call("0301", NULL, "100", NULL), 0);
    HCALL call = new_call(a, la);
    drain(a);
    LINEMESSAGE m;
    CHECK(next_msg(mon, &m));
    HCALL watched = (HCALL)m.dwParam2;
    /* Offered, not connected yet. */
    CHECK_EQ(features(call) & LINECALLFEATURE_BLINDTRANSFER, 0);
    expect_provider(a, lineBlindTransferW(call, dest, 0), LINEERR_INVALCALLSTATE, literal);
    answer(a, call);
    drain(mon);
    /* tapi32 and tapisrv: results in both modes. */
    CHECK_ERR(lineBlindTransferW(call, NULL, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(lineBlindTransferW(call, (LPCWSTR)(uintptr_t)16, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(lineBlindTransferW(call + 0x777, dest, 0), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineBlindTransferW(watched, dest, 0), LINEERR_NOTOWNER);
    CHECK_EQ(features(watched) & LINECALLFEATURE_BLINDTRANSFER, 0);
    /* The provider. */
    expect_provider(a, lineBlindTransferW(call, dest, 1000), LINEERR_INVALCOUNTRYCODE, literal);
    static const char *const bad[] = { "", "1x1", "101;", "100", "?101", "$101" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        expect_provider(a, transfer(call, bad[i]), LINEERR_INVALADDRESS, literal);
    expect_provider(a, transfer(call, "0302"), LINEERR_ADDRESSBLOCKED, literal); /* trunk to trunk */
    static const LONG faults[] = {
        (LONG)LINEERR_NOMEM, (LONG)LINEERR_RESOURCEUNAVAIL, (LONG)LINEERR_OPERATIONUNAVAIL,
    };
    for (size_t i = 0; i < sizeof faults / sizeof *faults; i++) {
        CHECK_EQ(tapisim_fail_next("lineBlindTransferW", faults[i]), 0);
        expect_provider(a, transfer(call, "101"), faults[i], 0);
    }
    CHECK_EQ(tapisim_fail_next("lineBlindTransfer", LINEERR_OPERATIONFAILED), 0);
    expect_provider(a, transfer(call, "101"), LINEERR_OPERATIONFAILED, 0);
    /* Held: no transfer either. */
    LONG req = lineHold(call);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    CHECK_EQ(features(call) & LINECALLFEATURE_BLINDTRANSFER, 0);
    expect_provider(a, transfer(call, "101"), LINEERR_INVALCALLSTATE, literal);
    EXPECT_NO_MSG(a);
    CHECK_EQ(call_state(call), LINECALLSTATE_ONHOLD);
    check_switch();
}

TEST(blind_transfer_errors_in_reply) { blind_transfer_errors(0); }
TEST(blind_transfer_errors_as_result) { blind_transfer_errors(1); }

TEST(address_caps_offer_blind_transfer)
{
    HLINEAPP app = init_app("a");
    static union { LINEADDRESSCAPS c; unsigned char b[2048]; } ac;
    ac.c.dwTotalSize = sizeof ac;
    CHECK_EQ(lineGetAddressCapsW(app, 0, 0, V31, 0, &ac.c), 0);
    CHECK(ac.c.dwCallFeatures & LINECALLFEATURE_BLINDTRANSFER);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(blind_transfer_an_outside_party_to_a_local_line),
        T(blind_transfer_a_local_party_to_a_local_line),
        T(blind_transfer_by_the_caller_keeps_the_callee_caller_id),
        T(blind_transfer_a_local_party_to_a_remote_station),
        T(blind_transfer_to_a_busy_station_gives_busy),
        T(blind_transfer_an_outside_party_to_a_busy_line),
        T(blind_transfer_errors_in_reply),
        T(blind_transfer_errors_as_result),
        T(address_caps_offer_blind_transfer),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
