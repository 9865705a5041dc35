/*
 * Consultation transfer: lineSetupTransferW and lineCompleteTransfer in TRANSFER mode. The
 * golden message sequences at every end (an outside caller to a local line, a local party to
 * a remote station, unscreened transfers while the destination rings), the party IDs, a
 * dropped consultation call reconnecting the held one, a held call transferred without set-up,
 * the features in each state, the address caps, and every error on its delivery path in both
 * "error_delivery" modes.
 */
#define _DEFAULT_SOURCE 1 /* MAP_ANONYMOUS */
#include "transfer_test.h"

#include <stdint.h>
#ifdef _WIN32
#include <windows.h>
#else
#include <sys/mman.h>
#include <unistd.h>
#endif

#define COMPLETE(h, c) lineCompleteTransfer((h), (c), NULL, LINETRANSFERMODE_TRANSFER)

TEST(consultation_transfer_of_an_outside_caller_to_a_local_line)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    CHECK_EQ(tapisim_remote_call("0301", "Alice", "100", NULL), 0);
    HCALL call = new_call(a, la);
    drain(a);
    answer(a, call);
    CHECK(features(call) & LINECALLFEATURE_SETUPTRANSFER);
    HCALL consult = setup(a, call);
    EXPECT_NO_MSG(a);
    CHECK(trace_has("far end 0301 hears hold"));
    CHECK_EQ(features(call), LINECALLFEATURE_DROP | LINECALLFEATURE_MONITORDIGITS);
    CHECK(features(consult) & LINECALLFEATURE_DIAL);
    CHECK_EQ(features(consult) & (LINECALLFEATURE_SETUPTRANSFER | LINECALLFEATURE_COMPLETETRANSF), 0);
    dial_out(a, consult, "101");
    EXPECT_NO_MSG(a);
    HCALL in = new_call(b, lb);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_OFFERING, LINEOFFERINGMODE_ACTIVE, OWNER);
    EXPECT_NO_MSG(b);
    CHECK(features(call) & LINECALLFEATURE_COMPLETETRANSF);
    CHECK(features(consult) & LINECALLFEATURE_COMPLETETRANSF);
    answer(b, in);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_NO_MSG(a);
    CHECK_EQ(features(consult) & LINECALLFEATURE_SETUPTRANSFER, 0); /* one transfer at a time */
    LONG req = COMPLETE(call, consult);
    CHECK(req > 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    EXPECT_MSG(b, in, LINE_CALLINFO, IDS | LINECALLINFOSTATE_CONNECTEDID, 0, 0);
    EXPECT_NO_MSG(b);
    const LINECALLINFO *c = info(in);
    CALLER(c, "100");
    CALLED(c, "101");
    CONNECTED(c, "0301");
    REDIRECTING(c, "100");
    REDIRECTION(c, "101");
    CHECK_EQ(features(call), 0);
    CHECK_EQ(features(consult), 0);
    CHECK_EQ(lineDeallocateCall(call), 0);
    CHECK_EQ(lineDeallocateCall(consult), 0);
    EXPECT_NO_MSG(a);
    CHECK_EQ(tapisim_remote_hangup("0301"), 0); /* the outside caller now talks to line 1 */
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    check_switch();
}

TEST(consultation_transfer_of_a_local_party_to_a_remote_station)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0, in = 0;
    local_call(a, la, b, lb, &out, &in);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_MANUAL), 0);
    HCALL consult = setup(b, in);
    EXPECT_NO_MSG(a); /* hold is heard, not signalled */
    dial_out(b, consult, "201");
    CHECK_EQ(tapisim_remote_answer("201"), 0);
    EXPECT_MSG(b, consult, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    LONG req = COMPLETE(in, consult);
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(b, consult, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(b);
    EXPECT_MSG(a, out, LINE_CALLINFO, IDS | LINECALLINFOSTATE_CONNECTEDID, 0, 0);
    EXPECT_NO_MSG(a);
    const LINECALLINFO *c = info(out);
    CALLER(c, "100");
    CALLED(c, "101");
    CONNECTED(c, "201");
    REDIRECTING(c, "101");
    REDIRECTION(c, "201");
    CHECK_EQ(tapisim_remote_hangup("201"), 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    check_switch();
}

TEST(unscreened_transfer_while_a_local_line_rings)
{
    HLINEAPP a = init_app("a"), b = init_app("b"), c3 = init_app("c");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HLINE lc = open_line(c3, 2, V31, OWNER, 0);
    HCALL out = 0, in = 0;
    local_call(a, la, b, lb, &out, &in);
    HCALL consult = setup(b, in);
    dial_out(b, consult, "102");
    HCALL ringing = new_call(c3, lc);
    drain(c3);
    LONG req = COMPLETE(in, consult);
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(b, consult, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(b);
    EXPECT_MSG(a, out, LINE_CALLINFO, IDS, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    EXPECT_NO_MSG(a);
    EXPECT_NO_MSG(c3);
    const LINECALLINFO *c = info(ringing);
    CALLER(c, "100"); /* the transferred party rings it now */
    CALLED(c, "102");
    REDIRECTING(c, "101");
    REDIRECTION(c, "102");
    answer(c3, ringing);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    CONNECTED(info(out), "102");
    CONNECTED(info(ringing), "100");
    req = lineDrop(ringing, NULL, 0);
    EXPECT_MSG(c3, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(c3, ringing, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    check_switch();
}

TEST(unscreened_transfer_to_a_remote_station_that_answers_by_itself)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0, in = 0;
    local_call(a, la, b, lb, &out, &in);
    HCALL consult = setup(b, in);
    dial_out(b, consult, "202");
    CHECK_EQ(tapisim_advance(1000), 0);
    LONG req = COMPLETE(in, consult);
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)req, 0, 0);
    drain(b);
    EXPECT_MSG(a, out, LINE_CALLINFO, IDS, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    CHECK_EQ(tapisim_advance(2999), 0); /* the station's 3 s start again with the new caller */
    EXPECT_NO_MSG(a);
    CHECK_EQ(tapisim_advance(1), 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    CONNECTED(info(out), "202");
    EXPECT_NO_MSG(b);
    check_switch();
}

TEST(dropping_the_consultation_call_reconnects_the_held_call)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL call = outside_call(a, la, "0301");
    HCALL consult = setup(a, call);
    dial_out(a, consult, "101");
    HCALL in = new_call(b, lb);
    drain(b);
    LONG req = lineDrop(consult, NULL, 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_NO_MSG(a);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0); /* the caller gave up */
    CHECK(trace_has("far end 0301 retrieved"));
    CHECK(features(call) & LINECALLFEATURE_SETUPTRANSFER);
    /* Deallocating the sole owner handle of a new consultation call does the same. */
    consult = setup(a, call);
    CHECK_EQ(lineDeallocateCall(consult), 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_NO_MSG(a);
    check_switch();
}

/* The simulator's choice: the way back from a transfer set-up is dropping the consultation call. */
TEST(call_pending_transfer_is_not_unheld_or_swapped)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL call = outside_call(a, la, "0301");
    HCALL consult = setup(a, call);
    dial_out(a, consult, "101");
    HCALL in = new_call(b, lb);
    drain(b);
    answer(b, in);
    drain(a);
    CHECK_EQ(features(call) & (LINECALLFEATURE_UNHOLD | LINECALLFEATURE_SWAPHOLD), 0);
    CHECK_EQ(features(consult) & (LINECALLFEATURE_HOLD | LINECALLFEATURE_SWAPHOLD),
             LINECALLFEATURE_HOLD); /* no SWAPHOLD partner */
    expect_provider(a, lineUnhold(call), LINEERR_INVALCALLSTATE, 0);
    expect_provider(a, lineSwapHold(consult, call), LINEERR_INVALCALLSTATE, 0);
    EXPECT_NO_MSG(a);
    CHECK_EQ(call_state(call), LINECALLSTATE_ONHOLDPENDTRANSFER);
    check_switch();
}

TEST(held_party_hanging_up_leaves_an_ordinary_consultation_call)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL call = outside_call(a, la, "0301");
    HCALL consult = setup(a, call);
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    EXPECT_NO_MSG(a);
    dial_out(a, consult, "101");
    HCALL in = new_call(b, lb);
    drain(b);
    answer(b, in);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    CHECK_EQ(features(consult) & LINECALLFEATURE_COMPLETETRANSF, 0);
    CHECK(features(consult) & LINECALLFEATURE_SETUPTRANSFER);
    LONG req = lineDrop(consult, NULL, 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a); /* nothing to reconnect */
    CHECK_EQ(call_state(call), LINECALLSTATE_DISCONNECTED);
    check_switch();
}

TEST(held_call_is_transferred_without_set_up)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL call = outside_call(a, la, "0301");
    LONG req = lineHold(call);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    CHECK_EQ(features(call) & LINECALLFEATURE_COMPLETETRANSF, 0); /* nothing to join it with */
    HCALL second = 0;
    CHECK(make_call(la, "101", &second) > 0);
    drain(a);
    HCALL in = new_call(b, lb);
    drain(b);
    answer(b, in);
    drain(a);
    CHECK(features(call) & LINECALLFEATURE_COMPLETETRANSF);
    req = COMPLETE(call, second);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, second, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    EXPECT_MSG(b, in, LINE_CALLINFO, IDS | LINECALLINFOSTATE_CONNECTEDID, 0, 0);
    CONNECTED(info(in), "0301");
    check_switch();
}

TEST(consultation_call_is_announced_to_monitors)
{
    HLINEAPP a = init_app("a"), mon = init_app("m");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lm = open_line(mon, 0, V31, MONITOR, 0);
    HCALL call = outside_call(a, la, "0301");
    HCALL watched = new_call(mon, lm);
    drain(mon);
    HCALL consult = setup(a, call);
    (void)consult;
    EXPECT_MSG(mon, watched, LINE_CALLSTATE, LINECALLSTATE_ONHOLDPENDTRANSFER, 0, 0);
    HCALL seen = new_call(mon, lm);
    EXPECT_MSG(mon, seen, LINE_CALLSTATE, LINECALLSTATE_DIALTONE, LINEDIALTONEMODE_NORMAL, MONITOR);
    EXPECT_NO_MSG(mon);
    CHECK_EQ(features(seen), LINECALLFEATURE_MONITORDIGITS);
    check_switch();
}

TEST(address_caps_and_call_info_describe_transfer)
{
    HLINEAPP app = init_app("a");
    static union { LINEADDRESSCAPS c; unsigned char b[2048]; } ac;
    ac.c.dwTotalSize = sizeof ac;
    CHECK_EQ(lineGetAddressCapsW(app, 0, 0, V31, 0, &ac.c), 0);
    CHECK_EQ(ac.c.dwTransferModes, LINETRANSFERMODE_TRANSFER | LINETRANSFERMODE_CONFERENCE);
    CHECK_EQ(ac.c.dwMaxNumTransConf, 3);
    CHECK(ac.c.dwMaxNumOnHoldPendingCalls >= 1);
    CHECK(ac.c.dwAddrCapFlags & LINEADDRCAPFLAGS_TRANSFERHELD);
    CHECK(ac.c.dwAddrCapFlags & LINEADDRCAPFLAGS_AUTORECONNECT);
    CHECK_EQ(ac.c.dwAddrCapFlags & LINEADDRCAPFLAGS_TRANSFERMAKE, 0);
    CHECK_EQ(ac.c.dwCallFeatures & (LINECALLFEATURE_SETUPTRANSFER | LINECALLFEATURE_COMPLETETRANSF),
             LINECALLFEATURE_SETUPTRANSFER | LINECALLFEATURE_COMPLETETRANSF);
    CHECK(ac.c.dwCallStates & LINECALLSTATE_ONHOLDPENDTRANSFER);
    HLINE la = open_line(app, 0, V31, OWNER, 0);
    HCALL call = outside_call(app, la, "0301");
    CHECK(info(call)->dwCallStates & LINECALLSTATE_ONHOLDPENDTRANSFER);
}

/* ---- errors -------------------------------------------------------------------------------- */

static void setup_errors(int literal)
{
    HCALL h = 0;
    CHECK_ERR(lineSetupTransferW(0x10001, &h, NULL), LINEERR_UNINITIALIZED);
    HLINEAPP a = init_app("a"), mon = init_app("m");
    CHECK_EQ(tapisim_set_option("error_delivery", (DWORD)literal), 0);
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lm = open_line(mon, 0, V31, MONITOR, 0);
    CHECK_EQ(tapisim_remote_call("0301", NULL, "100", NULL), 0);
    HCALL call = new_call(a, la);
    drain(a);
    HCALL watched = new_call(mon, lm);
    /* Offered, not connected yet. */
    CHECK_EQ(features(call) & LINECALLFEATURE_SETUPTRANSFER, 0);
    expect_provider(a, lineSetupTransferW(call, &h, NULL), LINEERR_INVALCALLSTATE, literal);
    answer(a, call);
    /* tapi32 and tapisrv: results in both modes. */
    CHECK_ERR(lineSetupTransferW(call, NULL, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(lineSetupTransferW(call, (LPHCALL)(uintptr_t)16, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(lineSetupTransferW(call, &h, (LPLINECALLPARAMS)(uintptr_t)16), LINEERR_INVALPOINTER);
    CHECK_ERR(lineSetupTransferW(call + 0x777, &h, NULL), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineSetupTransferW(watched, &h, NULL), LINEERR_NOTOWNER);
    CHECK_EQ(features(watched) & LINECALLFEATURE_SETUPTRANSFER, 0);
    static union { LINECALLPARAMS p; unsigned char b[512]; } cp;
    memset(&cp, 0, sizeof cp);
    cp.p.dwTotalSize = 8;
    CHECK_ERR(lineSetupTransferW(call, &h, &cp.p), LINEERR_STRUCTURETOOSMALL);
    /* The provider. */
    cp.p.dwTotalSize = sizeof cp;
    cp.p.dwBearerMode = LINEBEARERMODE_DATA;
    expect_provider(a, lineSetupTransferW(call, &h, &cp.p), LINEERR_BEARERMODEUNAVAIL, literal);
    static const LONG faults[] = {
        (LONG)LINEERR_NOMEM, (LONG)LINEERR_RESOURCEUNAVAIL, (LONG)LINEERR_OPERATIONUNAVAIL,
    };
    for (size_t i = 0; i < sizeof faults / sizeof *faults; i++) {
        CHECK_EQ(tapisim_fail_next("lineSetupTransferW", faults[i]), 0);
        expect_provider(a, lineSetupTransferW(call, &h, NULL), faults[i], 0);
    }
    CHECK_EQ(tapisim_fail_next("lineSetupTransfer", LINEERR_OPERATIONFAILED), 0);
    expect_provider(a, lineSetupTransferW(call, &h, NULL), LINEERR_OPERATIONFAILED, 0);
    /* Held: no transfer set-up. */
    LONG req = lineHold(call);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    CHECK_EQ(features(call) & LINECALLFEATURE_SETUPTRANSFER, 0);
    expect_provider(a, lineSetupTransferW(call, &h, NULL), LINEERR_INVALCALLSTATE, literal);
    req = lineUnhold(call);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    /* A full address: no room for the consultation call. */
    for (int i = 1; i < 8; i++) {
        HCALL other = 0;
        CHECK(lineMakeCallW(la, &other, NULL, 0, NULL) > 0);
    }
    drain(a);
    expect_provider(a, lineSetupTransferW(call, &h, NULL), LINEERR_CALLUNAVAIL, literal);
    EXPECT_NO_MSG(a);
    CHECK_EQ(h, 0); /* never written */
    CHECK_EQ(call_state(call), LINECALLSTATE_CONNECTED);
    check_switch();
}

TEST(setup_transfer_errors_in_reply) { setup_errors(0); }
TEST(setup_transfer_errors_as_result) { setup_errors(1); }

static void complete_errors(int literal)
{
    CHECK_ERR(COMPLETE(0x10001, 0x10002), LINEERR_UNINITIALIZED);
    HLINEAPP a = init_app("a"), b = init_app("b"), mon = init_app("m");
    CHECK_EQ(tapisim_set_option("error_delivery", (DWORD)literal), 0);
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HLINE lm = open_line(mon, 0, V31, MONITOR, 0);
    (void)lb;
    HCALL call = outside_call(a, la, "0301");
    HCALL watched = new_call(mon, lm);
    drain(mon);
    /* Connected, not held. */
    CHECK_EQ(features(call) & LINECALLFEATURE_COMPLETETRANSF, 0);
    HCALL other = 0;
    CHECK(lineMakeCallW(la, &other, NULL, 0, NULL) > 0);
    drain(a);
    expect_provider(a, COMPLETE(call, other), LINEERR_INVALCALLSTATE, literal);
    HCALL consult = setup(a, call);
    HCALL watchedConsult = 0;
    LINEMESSAGE m;
    while (next_msg(mon, &m))
        if (m.dwMessageID == LINE_APPNEWCALL)
            watchedConsult = (HCALL)m.dwParam2;
    CHECK(watchedConsult != 0);
    HCALL elsewhere = 0;
    CHECK(lineMakeCallW(lb, &elsewhere, NULL, 0, NULL) > 0);
    drain(b);
    /* tapi32 and tapisrv: results in both modes. */
    CHECK_ERR(COMPLETE(call + 0x777, consult), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(COMPLETE(watched, consult), LINEERR_NOTOWNER);
    CHECK_ERR(COMPLETE(call, consult + 0x777), LINEERR_INVALCONSULTCALLHANDLE);
    CHECK_ERR(COMPLETE(call, watchedConsult), LINEERR_NOTOWNER);
    CHECK_ERR(COMPLETE(call, elsewhere), LINEERR_INVALCONSULTCALLHANDLE); /* another line */
    CHECK_ERR(lineCompleteTransfer(call, consult, NULL, 0), LINEERR_INVALTRANSFERMODE);
    CHECK_ERR(lineCompleteTransfer(call, consult, NULL, 3), LINEERR_INVALTRANSFERMODE);
    CHECK_ERR(lineCompleteTransfer(call, consult, NULL, 4), LINEERR_INVALTRANSFERMODE);
    CHECK_ERR(lineCompleteTransfer(call, consult, NULL, LINETRANSFERMODE_CONFERENCE),
              LINEERR_INVALPOINTER);
    CHECK_ERR(lineCompleteTransfer(call, consult, (LPHCALL)(uintptr_t)16, LINETRANSFERMODE_CONFERENCE),
              LINEERR_INVALPOINTER);
    /* The provider. */
    HCALL conf = 0;
    expect_provider(a, COMPLETE(call, consult), LINEERR_INVALCALLSTATE, literal); /* dial tone */
    expect_provider(a, COMPLETE(call, other), LINEERR_INVALCONSULTCALLHANDLE, literal); /* not its own */
    expect_provider(a, COMPLETE(call, call), LINEERR_INVALCONSULTCALLHANDLE, literal);
    expect_provider(a, COMPLETE(consult, call), LINEERR_INVALCALLSTATE, literal);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_MANUAL), 0);
    dial_out(a, consult, "201");
    /* Two outside parties: never joined, and not offered. */
    CHECK_EQ(features(call) & LINECALLFEATURE_COMPLETETRANSF, 0);
    CHECK_EQ(features(consult) & LINECALLFEATURE_COMPLETETRANSF, 0);
    expect_provider(a, COMPLETE(call, consult), LINEERR_OPERATIONUNAVAIL, literal);
    expect_provider(a, lineCompleteTransfer(call, consult, &conf, LINETRANSFERMODE_CONFERENCE),
                    LINEERR_INVALCALLSTATE, literal); /* a conference needs the answer */
    CHECK_EQ(tapisim_remote_answer("201"), 0);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    CHECK(features(call) & LINECALLFEATURE_COMPLETETRANSF); /* as a conference */
    expect_provider(a, COMPLETE(call, consult), LINEERR_OPERATIONUNAVAIL, literal);
    static const LONG faults[] = {
        (LONG)LINEERR_NOMEM, (LONG)LINEERR_RESOURCEUNAVAIL, (LONG)LINEERR_OPERATIONFAILED,
    };
    for (size_t i = 0; i < sizeof faults / sizeof *faults; i++) {
        CHECK_EQ(tapisim_fail_next("lineCompleteTransfer", faults[i]), 0);
        expect_provider(a, lineCompleteTransfer(call, consult, &conf, LINETRANSFERMODE_CONFERENCE),
                        faults[i], 0);
    }
    EXPECT_NO_MSG(a);
    CHECK_EQ(conf, 0);
    CHECK_EQ(call_state(call), LINECALLSTATE_ONHOLDPENDTRANSFER);
    CHECK_EQ(call_state(consult), LINECALLSTATE_CONNECTED);
    check_switch();
}

TEST(complete_transfer_errors_in_reply) { complete_errors(0); }
TEST(complete_transfer_errors_as_result) { complete_errors(1); }

/* ---- out-parameters written at reply time --------------------------------------------------- */

static size_t page_size(void)
{
#ifdef _WIN32
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    return si.dwPageSize;
#else
    return (size_t)sysconf(_SC_PAGESIZE);
#endif
}

static unsigned char *map_page(void)
{
#ifdef _WIN32
    unsigned char *p = VirtualAlloc(NULL, page_size(), MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
#else
    unsigned char *p = mmap(NULL, page_size(), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        p = NULL;
#endif
    CHECK(p != NULL);
    if (p == NULL)
        exit(1);
    return p;
}

static void unmap_page(unsigned char *p)
{
#ifdef _WIN32
    CHECK(VirtualFree(p, 0, MEM_RELEASE));
#else
    CHECK_EQ(munmap(p, page_size()), 0);
#endif
}

/* A pointer that went bad after a probe passed it: the synchronous probe may still take it
 * (its cache), the one made when the reply is built does not; either way nothing is written
 * and nothing is created. */
TEST(out_parameters_unmapped_after_a_probe_are_refused_at_reply_time)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL call = outside_call(a, la, "0301");
    unsigned char *page = map_page();
    HCALL *h = (HCALL *)(void *)page;
    CHECK_ERR(lineSetupTransferW(call + 0x777, h, NULL), LINEERR_INVALCALLHANDLE); /* probed */
    unmap_page(page);
    LONG req = lineSetupTransferW(call, h, NULL);
    if (req > 0)
        EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_INVALPOINTER, 0);
    else
        CHECK_ERR(req, LINEERR_INVALPOINTER);
    EXPECT_NO_MSG(a);
    CHECK_EQ(call_state(call), LINECALLSTATE_CONNECTED);
    /* The conference call likewise. */
    HCALL consult = setup(a, call);
    dial_out(a, consult, "101");
    HCALL in = new_call(b, lb);
    drain(b);
    answer(b, in);
    drain(a);
    page = map_page();
    h = (HCALL *)(void *)page;
    CHECK_ERR(lineCompleteTransfer(call, consult + 0x777, h, LINETRANSFERMODE_CONFERENCE),
              LINEERR_INVALCONSULTCALLHANDLE); /* probed */
    unmap_page(page);
    req = lineCompleteTransfer(call, consult, h, LINETRANSFERMODE_CONFERENCE);
    if (req > 0)
        EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_INVALPOINTER, 0);
    else
        CHECK_ERR(req, LINEERR_INVALPOINTER);
    EXPECT_NO_MSG(a);
    CHECK_EQ(call_state(call), LINECALLSTATE_ONHOLDPENDTRANSFER);
    CHECK_EQ(call_state(consult), LINECALLSTATE_CONNECTED);
    check_switch();
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(consultation_transfer_of_an_outside_caller_to_a_local_line),
        T(consultation_transfer_of_a_local_party_to_a_remote_station),
        T(unscreened_transfer_while_a_local_line_rings),
        T(unscreened_transfer_to_a_remote_station_that_answers_by_itself),
        T(dropping_the_consultation_call_reconnects_the_held_call),
        T(call_pending_transfer_is_not_unheld_or_swapped),
        T(held_party_hanging_up_leaves_an_ordinary_consultation_call),
        T(held_call_is_transferred_without_set_up),
        T(consultation_call_is_announced_to_monitors),
        T(address_caps_and_call_info_describe_transfer),
        T(setup_transfer_errors_in_reply),
        T(setup_transfer_errors_as_result),
        T(complete_transfer_errors_in_reply),
        T(complete_transfer_errors_as_result),
        T(out_parameters_unmapped_after_a_probe_are_refused_at_reply_time),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
