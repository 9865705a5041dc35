/*
 * Call completion in the simulator: the golden traces A-E (docs/simulator.md, "Message
 * sequences"), every check of lineCompleteCall and lineUncompleteCall with its delivery path in
 * both delivery modes, drop/deallocate/close/shutdown with requests outstanding, the switch's
 * queueing (FIFO, skipped requesters, guard time, recall timeout, expiry) and the options.
 */
#include "sim_test.h"

#include <pthread.h>

#define V14 0x00010004u
#define V31 0x00030001u
#define OWNER   LINECALLPRIVILEGE_OWNER
#define MONITOR LINECALLPRIVILEGE_MONITOR
#define CAMPON   LINECALLCOMPLMODE_CAMPON
#define CALLBACK_ LINECALLCOMPLMODE_CALLBACK
#define INTRUDE  LINECALLCOMPLMODE_INTRUDE
#define MESSAGE  LINECALLCOMPLMODE_MESSAGE
#define STATES (LINEDEVSTATE_NUMCOMPLETIONS | LINEDEVSTATE_COMPLCANCEL | LINEDEVSTATE_RINGING \
                | LINEDEVSTATE_MSGWAITON)

/* An owner line with the completion status messages enabled. */
static HLINE owner_line(HLINEAPP app, DWORD dev, DWORD_PTR inst)
{
    HLINE l = open_line(app, dev, V31, OWNER, inst);
    CHECK_EQ(lineSetStatusMessages(l, STATES, 0), 0);
    return l;
}

/* A call from `line` to `number` that ends in `state` (BUSY or RINGBACK); messages drained. */
static HCALL call_in(HLINEAPP app, HLINE line, const char *number, DWORD stationState)
{
    CHECK_EQ(tapisim_set_station(number, stationState), 0);
    HCALL call = 0;
    CHECK(make_call(line, number, &call) > 0);
    drain(app);
    return call;
}

static DWORD num_completions(HLINE line)
{
    LINEDEVSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_EQ(lineGetLineDevStatusW(line, &st), 0);
    return st.dwNumCallCompletions;
}

static DWORD call_reason(HCALL call, DWORD *completionId)
{
    LINECALLINFO ci;
    memset(&ci, 0, sizeof ci);
    ci.dwTotalSize = sizeof ci;
    CHECK_EQ(lineGetCallInfoW(call, &ci), 0);
    *completionId = ci.dwCompletionID;
    return ci.dwReason;
}

/* Takes LINE_APPNEWCALL and returns the new call handle. */
static HCALL expect_new_call(HLINEAPP app, HLINE line, DWORD privilege)
{
    LINEMESSAGE m;
    int got = next_msg(app, &m);
    CHECK(got);
    if (!got)
        return 0;
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    CHECK_EQ(m.hDevice, line);
    CHECK_EQ(m.dwParam3, privilege);
    return (HCALL)m.dwParam2;
}

/* ---- golden traces (docs/simulator.md, "Message sequences") ------------------------------ */

TEST(trace_A_callback_on_busy_and_recall)
{
    HLINEAPP app = init_app("A");
    HLINE line = owner_line(app, 0, 0xA);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    HCALL call = 0;
    LONG req = make_call(line, "201", &call);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_DIALING, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_BUSY, LINEBUSYMODE_STATION, 0);
    DWORD id = 0xABCD;
    LONG creq = lineCompleteCall(call, &id, CALLBACK_, 0);
    CHECK(creq > 0 && creq != req);
    CHECK_EQ(id, 0xABCD);                           /* written only with the reply */
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)creq, 0, 0);
    CHECK_EQ(id, 1);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(lineDeallocateCall(call), 0);
    CHECK_EQ(num_completions(line), 1);

    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_advance(1999), 0);             /* guard time */
    EXPECT_NO_MSG(app);
    CHECK_EQ(tapisim_advance(1), 0);
    HCALL recall = expect_new_call(app, line, OWNER);
    EXPECT_MSG(app, recall, LINE_CALLSTATE, LINECALLSTATE_OFFERING, LINEOFFERINGMODE_ACTIVE, OWNER);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_RINGING, 1, 0);
    EXPECT_NO_MSG(app);
    DWORD cid = 0;
    CHECK_EQ(call_reason(recall, &cid), LINECALLREASON_CALLCOMPLETION);
    CHECK_EQ(cid, 1);
    CHECK_EQ(num_completions(line), 0);

    /* Answering the recall calls the target; it answers after its usual delay. */
    LONG ans = lineAnswer(recall, NULL, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)ans, 0, 0);
    EXPECT_MSG(app, recall, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    CHECK_EQ(tapisim_advance(3000), 0);
    EXPECT_MSG(app, recall, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    /* The ID is spent. */
    LONG u = lineUncompleteCall(line, 1);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)u, (DWORD)LINEERR_INVALCOMPLETIONID, 0);
}

TEST(trace_B_rejected_by_provider)
{
    HLINEAPP app = init_app("B");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_IDLE);
    CHECK_EQ(tapisim_advance(3000), 0);
    drain(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_CONNECTED);
    DWORD id = 77;
    LONG creq = lineCompleteCall(call, &id, CALLBACK_, 0);
    CHECK(creq > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)creq, (DWORD)LINEERR_INVALCALLSTATE, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(id, 77);
}

TEST(trace_C_bad_mode_is_synchronous)
{
    HLINEAPP app = init_app("C");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 5;
    CHECK_ERR(lineCompleteCall(call, &id, 0x3, 0), LINEERR_INVALCALLCOMPLMODE);
    CHECK_ERR(lineCompleteCall(call, &id, 0, 0), LINEERR_INVALCALLCOMPLMODE);
    CHECK_ERR(lineCompleteCall(call, &id, 0x10, 0), LINEERR_INVALCALLCOMPLMODE);
    CHECK_ERR(lineCompleteCall(call, &id, 0x80000002, 0), LINEERR_INVALCALLCOMPLMODE);
    EXPECT_NO_MSG(app);
    CHECK_EQ(id, 5);
}

TEST(trace_D_switch_cancel_on_expiry)
{
    HLINEAPP app = init_app("D");
    HLINEAPP quiet = init_app("quiet");
    HLINE line = owner_line(app, 0, 0);
    HLINE other = open_line(quiet, 0, V31, MONITOR, 0);  /* COMPLCANCEL not enabled */
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    drain(quiet);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, CALLBACK_, 0) > 0);
    drain(app);
    drain(quiet);
    CHECK_EQ(tapisim_advance(45u * 60u * 1000u - 1), 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(tapisim_advance(1), 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_COMPLCANCEL, id, 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    EXPECT_NO_MSG(app);
    EXPECT_NO_MSG(quiet);
    CHECK_EQ(num_completions(line), 0);
    LONG u = lineUncompleteCall(line, id);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)u, (DWORD)LINEERR_INVALCOMPLETIONID, 0);
    (void)other;
}

TEST(trace_E_campon)
{
    HLINEAPP app = init_app("E");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 0;
    LONG creq = lineCompleteCall(call, &id, CAMPON, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)creq, 0, 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    EXPECT_NO_MSG(app);                              /* the call stays BUSY */
    CHECK_EQ(call_state(call), LINECALLSTATE_BUSY);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_advance(2000), 0);
    EXPECT_MSG(app, call, LINE_CALLINFO, LINECALLINFOSTATE_REASON | LINECALLINFOSTATE_COMPLETIONID, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    EXPECT_NO_MSG(app);
    DWORD cid = 0;
    CHECK_EQ(call_reason(call, &cid), LINECALLREASON_CALLCOMPLETION);
    CHECK_EQ(cid, id);
    CHECK_EQ(tapisim_advance(3000), 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(num_completions(line), 0);
}

/* ---- the other modes -------------------------------------------------------------------- */

TEST(intrude_joins_a_local_conversation)
{
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    HLINE la = owner_line(a, 0, 0);
    HLINE lb = owner_line(b, 1, 0);
    HCALL bcall = 0;
    CHECK(make_call(lb, "555", &bcall) > 0);         /* 101 is now busy */
    drain(b);
    HCALL call = 0;
    CHECK(make_call(la, "101", &call) > 0);
    drain(a);
    CHECK_EQ(call_state(call), LINECALLSTATE_BUSY);
    DWORD id = 0;
    LONG creq = lineCompleteCall(call, &id, INTRUDE, 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)creq, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLINFO, LINECALLINFOSTATE_REASON | LINECALLINFOSTATE_COMPLETIONID, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_NO_MSG(a);                                /* no entry: no NUMCOMPLETIONS */
    HCALL party = expect_new_call(b, lb, OWNER);
    EXPECT_MSG(b, party, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, OWNER);
    DWORD cid = 0;
    CHECK_EQ(call_reason(party, &cid), LINECALLREASON_INTRUDE);
    CHECK_EQ(call_reason(call, &cid), LINECALLREASON_CALLCOMPLETION);
    CHECK_EQ(cid, id);
    CHECK_EQ(num_completions(la), 0);
    CHECK(lineDrop(call, NULL, 0) > 0);
    drain(a);
    EXPECT_MSG(b, party, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
}

TEST(message_sets_message_waiting)
{
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    HLINE la = owner_line(a, 0, 0);
    HLINE lb = owner_line(b, 2, 0);
    CHECK_EQ(tapisim_set_station("102", TAPISIM_STATION_BUSY), 0);
    HCALL call = 0;
    CHECK(make_call(la, "102", &call) > 0);
    drain(a);
    DWORD id = 0;
    LONG creq = lineCompleteCall(call, &id, MESSAGE, 2);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)creq, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    EXPECT_MSG(b, lb, LINE_LINEDEVSTATE, LINEDEVSTATE_MSGWAITON, 0, 0);
    LINEDEVSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_EQ(lineGetLineDevStatusW(lb, &st), 0);
    CHECK(st.dwDevStatusFlags & LINEDEVSTATUSFLAGS_MSGWAIT);
    CHECK(id != 0);
    LONG u = lineUncompleteCall(la, id);            /* delivered: nothing left to cancel */
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)u, (DWORD)LINEERR_INVALCOMPLETIONID, 0);
}

TEST(callback_on_noanswer_waits_for_the_targets_next_activity)
{
    HLINEAPP app = init_app("n");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "202", TAPISIM_STATION_NOANSWER);
    CHECK_EQ(call_state(call), LINECALLSTATE_RINGBACK);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, CALLBACK_, 0) > 0);
    drain(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_IDLE);
    CHECK_EQ(tapisim_advance(60000), 0);
    EXPECT_NO_MSG(app);                              /* idle, but not used since: no recall */
    CHECK_EQ(tapisim_set_station("202", TAPISIM_STATION_BUSY), 0);
    CHECK_EQ(tapisim_set_station("202", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_advance(2000), 0);
    HCALL recall = expect_new_call(app, line, OWNER);
    CHECK(recall != 0);
    /* NOANSWER entries expire after 180 min, not 45. */
    CHECK(lineDrop(recall, NULL, 0) > 0);
}

TEST(campon_and_intrude_refused_on_noanswer)
{
    HLINEAPP app = init_app("n");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "202", TAPISIM_STATION_NOANSWER);
    DWORD id = 0;
    LONG r1 = lineCompleteCall(call, &id, CAMPON, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r1, (DWORD)LINEERR_INVALCALLCOMPLMODE, 0);
    LONG r2 = lineCompleteCall(call, &id, INTRUDE, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r2, (DWORD)LINEERR_INVALCALLCOMPLMODE, 0);
    LONG r3 = lineCompleteCall(call, &id, MESSAGE, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r3, 0, 0);
}

TEST(noanswer_entry_expires_after_180_minutes)
{
    HLINEAPP app = init_app("n");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "202", TAPISIM_STATION_NOANSWER);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, CALLBACK_, 0) > 0);
    drain(app);
    CHECK_EQ(tapisim_advance(180u * 60u * 1000u - 1), 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(tapisim_advance(1), 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_COMPLCANCEL, id, 0);
}

/* ---- every check, both delivery modes ---------------------------------------------------- */

/* Skips other messages up to the LINE_REPLY for `request` and checks its result. */
static void expect_reply_for(HLINEAPP app, LONG request, LONG err)
{
    LINEMESSAGE m;
    while (next_msg(app, &m))
        if (m.dwMessageID == LINE_REPLY && (DWORD)m.dwParam1 == (DWORD)request) {
            CHECK_ERR((LONG)(DWORD)m.dwParam2, err);
            return;
        }
    CHECK(!"no LINE_REPLY for the request");
}

/* Expects `err`: synchronously in documentation-literal mode, else as LINE_REPLY. */
static void expect_provider_error(HLINEAPP app, LONG result, LONG err, int literal)
{
    if (literal) {
        CHECK_ERR(result, err);
    } else {
        CHECK(result > 0);
        expect_reply_for(app, result, err);
    }
}

static void error_rows(int literal)
{
    CHECK_EQ(tapisim_set_option("error_delivery", (DWORD)literal), 0);
    DWORD id = 0x5A5A;
    /* Steps 1-4, 6: synchronous in both modes. */
    CHECK_ERR(lineCompleteCall(0x10001, &id, CALLBACK_, 0), LINEERR_UNINITIALIZED);
    HLINEAPP app = init_app("err");
    HLINEAPP mon = init_app("mon");
    HLINE line = owner_line(app, 0, 0);
    HLINE mline = open_line(mon, 0, V31, MONITOR, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    LINEMESSAGE m;
    CHECK(next_msg(mon, &m));
    HCALL mcall = (HCALL)m.dwParam2;
    drain(mon);
    CHECK_ERR(lineCompleteCall(call, NULL, CALLBACK_, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(lineCompleteCall(call + 1000, &id, CALLBACK_, 0), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineCompleteCall(line, &id, CALLBACK_, 0), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineCompleteCall(mcall, &id, CALLBACK_, 0), LINEERR_NOTOWNER);
    CHECK_ERR(lineCompleteCall(call, &id, CALLBACK_ | CAMPON, 0), LINEERR_INVALCALLCOMPLMODE);
    EXPECT_NO_MSG(app);
    /* Step 9: message ID. */
    expect_provider_error(app, lineCompleteCall(call, &id, MESSAGE, 3), LINEERR_INVALMESSAGEID, literal);
    /* Step 7: state. */
    HCALL conn = call_in(app, owner_line(app, 1, 0), "301", TAPISIM_STATION_IDLE);
    CHECK_EQ(tapisim_advance(3000), 0);
    drain(app);
    expect_provider_error(app, lineCompleteCall(conn, &id, CAMPON, 0), LINEERR_INVALCALLSTATE, literal);
    HCALL proc = call_in(app, line, "302", TAPISIM_STATION_PROCEEDING);
    CHECK_EQ(call_state(proc), LINECALLSTATE_PROCEEDING);
    expect_provider_error(app, lineCompleteCall(proc, &id, CALLBACK_, 0), LINEERR_INVALCALLSTATE, literal);
    /* Step 8: mode against the condition. */
    HCALL ring = call_in(app, line, "303", TAPISIM_STATION_NOANSWER);
    expect_provider_error(app, lineCompleteCall(ring, &id, CAMPON, 0), LINEERR_INVALCALLCOMPLMODE, literal);
    /* Step 11: a second request on the same call while the first is pending. */
    LONG first = lineCompleteCall(call, &id, CAMPON, 0);
    CHECK(first > 0);
    LONG second = lineCompleteCall(call, &id, CAMPON, 0);
    if (literal) {
        CHECK_ERR(second, LINEERR_OPERATIONUNAVAIL);
        EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)first, 0, 0);
        EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    } else {
        EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)first, 0, 0);
        EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
        EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)second, (DWORD)LINEERR_OPERATIONUNAVAIL, 0);
    }
    EXPECT_NO_MSG(app);
    drain(app);
    CHECK_EQ(id, 1);
    /* Step 10: overrun (1 accepted + pending ones count against the limit of 4). */
    HCALL c2 = call_in(app, line, "212", TAPISIM_STATION_BUSY);
    HCALL c3 = call_in(app, line, "213", TAPISIM_STATION_BUSY);
    HCALL c4 = call_in(app, line, "214", TAPISIM_STATION_BUSY);
    HCALL c5 = call_in(app, line, "215", TAPISIM_STATION_BUSY);
    CHECK(lineCompleteCall(c2, &id, CAMPON, 0) > 0);
    CHECK(lineCompleteCall(c3, &id, CAMPON, 0) > 0);
    CHECK(lineCompleteCall(c4, &id, CAMPON, 0) > 0); /* still pending: not dispatched yet */
    expect_provider_error(app, lineCompleteCall(c5, &id, CAMPON, 0), LINEERR_COMPLETIONOVERRUN, literal);
    drain(app);
    CHECK_EQ(num_completions(line), 4);
    /* Step 12: injected switch refusal: always LINE_REPLY. */
    CHECK_EQ(tapisim_set_option("max_call_completions", 8), 0);
    CHECK_EQ(tapisim_fail_next("lineCompleteCall", LINEERR_RESOURCEUNAVAIL), 0);
    LONG f = lineCompleteCall(c5, &id, CAMPON, 0);
    CHECK(f > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)f, (DWORD)LINEERR_RESOURCEUNAVAIL, 0);
    /* Step 5: no completion support at all. */
    CHECK_EQ(tapisim_set_option("max_call_completions", 0), 0);
    expect_provider_error(app, lineCompleteCall(c5, &id, CAMPON, 0), LINEERR_OPERATIONUNAVAIL, literal);
    LINECALLSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_EQ(lineGetCallStatus(c5, &st), 0);
    CHECK(!(st.dwCallFeatures & LINECALLFEATURE_COMPLETECALL));
    expect_provider_error(app, lineUncompleteCall(line, 1), LINEERR_OPERATIONUNAVAIL, literal);
    CHECK_EQ(tapisim_set_option("max_call_completions", 4), 0);

    /* lineUncompleteCall. */
    CHECK_ERR(lineUncompleteCall(call, 1), LINEERR_INVALLINEHANDLE);
    expect_provider_error(app, lineUncompleteCall(line, 999), LINEERR_INVALCOMPLETIONID, literal);
    expect_provider_error(app, lineUncompleteCall(line, 0), LINEERR_INVALCOMPLETIONID, literal);
    /* Any app with a line on the device may cancel by default. */
    drain(mon);
    LONG u = lineUncompleteCall(mline, 1);
    CHECK(u > 0);
    expect_reply_for(mon, u, 0);
    CHECK_EQ(tapisim_set_option("strict_completion_owner", 1), 0);
    expect_provider_error(mon, lineUncompleteCall(mline, 2), LINEERR_INVALCOMPLETIONID, literal);
    u = lineUncompleteCall(line, 2);
    expect_reply_for(app, u, 0);
    CHECK_EQ(lineShutdown(app), 0);
    CHECK_EQ(lineShutdown(mon), 0);
    CHECK_ERR(lineUncompleteCall(line, 1), LINEERR_UNINITIALIZED);
}

TEST(error_rows_tapisrv_delivery)
{
    error_rows(0);
}

TEST(error_rows_documentation_literal_delivery)
{
    error_rows(1);
}

TEST(proceeding_accepted_with_option)
{
    CHECK_EQ(tapisim_set_option("allow_proceeding", 1), 0);
    HLINEAPP app = init_app("p");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "302", TAPISIM_STATION_PROCEEDING);
    LINECALLSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_EQ(lineGetCallStatus(call, &st), 0);
    CHECK(st.dwCallFeatures & LINECALLFEATURE_COMPLETECALL);
    CHECK_EQ(st.dwCallFeatures2, LINECALLFEATURE2_COMPLCALLBACK | LINECALLFEATURE2_COMPLMESSAGE);
    DWORD id = 0;
    LONG r = lineCompleteCall(call, &id, CALLBACK_, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, 0, 0);
}

TEST(feature_bits_follow_the_state)
{
    HLINEAPP app = init_app("f");
    HLINE line = owner_line(app, 0, 0);
    HCALL busy = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    HCALL ring = call_in(app, line, "202", TAPISIM_STATION_NOANSWER);
    HCALL conn = call_in(app, line, "203", TAPISIM_STATION_IDLE);
    CHECK_EQ(tapisim_advance(3000), 0);
    LINECALLSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_EQ(lineGetCallStatus(busy, &st), 0);
    CHECK(st.dwCallFeatures & LINECALLFEATURE_COMPLETECALL);
    CHECK_EQ(st.dwCallFeatures2, LINECALLFEATURE2_COMPLCAMPON | LINECALLFEATURE2_COMPLCALLBACK
                                 | LINECALLFEATURE2_COMPLINTRUDE | LINECALLFEATURE2_COMPLMESSAGE);
    CHECK_EQ(lineGetCallStatus(ring, &st), 0);
    CHECK(st.dwCallFeatures & LINECALLFEATURE_COMPLETECALL);
    CHECK_EQ(st.dwCallFeatures2, LINECALLFEATURE2_COMPLCALLBACK | LINECALLFEATURE2_COMPLMESSAGE);
    CHECK_EQ(lineGetCallStatus(conn, &st), 0);
    CHECK(!(st.dwCallFeatures & LINECALLFEATURE_COMPLETECALL));
    CHECK_EQ(st.dwCallFeatures2, 0);
    DWORD id;
    CHECK(lineCompleteCall(busy, &id, CAMPON, 0) > 0);
    CHECK_EQ(lineGetCallStatus(busy, &st), 0);       /* a request is pending on it */
    CHECK(!(st.dwCallFeatures & LINECALLFEATURE_COMPLETECALL));
    drain(app);
    unsigned char buf[1024];
    memset(buf, 0, sizeof buf);
    LINEADDRESSCAPS *ac = (LINEADDRESSCAPS *)buf;
    ac->dwTotalSize = sizeof buf;
    CHECK_EQ(lineGetAddressCapsW(app, 0, 0, V31, 0, ac), 0);
    CHECK(ac->dwAddrCapFlags & LINEADDRCAPFLAGS_COMPLETIONID);
    CHECK(ac->dwCallFeatures & LINECALLFEATURE_COMPLETECALL);
    CHECK(ac->dwAddressFeatures & LINEADDRFEATURE_UNCOMPLETECALL);
    CHECK_EQ(ac->dwCallFeatures2 & 0x3C, 0x3C);
}

/* ---- drop, deallocate, close, shutdown --------------------------------------------------- */

TEST(drop_fails_pending_request)
{
    HLINEAPP app = init_app("d");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 9;
    LONG creq = lineCompleteCall(call, &id, CALLBACK_, 0);
    LONG drop = lineDrop(call, NULL, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)creq, (DWORD)LINEERR_OPERATIONFAILED, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)drop, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(id, 9);
    CHECK_EQ(num_completions(line), 0);
}

TEST(call_leaving_the_state_before_acceptance)
{
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    HLINE la = owner_line(a, 0, 0);
    open_line(b, 1, V31, OWNER, 0);
    HCALL call = 0;
    CHECK(make_call(la, "101", &call) > 0);          /* RINGBACK; b is offered the call */
    drain(a);
    LINEMESSAGE m;
    CHECK(next_msg(b, &m));
    HCALL in = (HCALL)m.dwParam2;
    DWORD id = 3;
    LONG creq = lineCompleteCall(call, &id, CALLBACK_, 0);
    CHECK(creq > 0);
    CHECK(lineDrop(in, NULL, 0) > 0);                /* b rejects before the switch answers a */
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_REJECT, 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)creq, (DWORD)LINEERR_INVALCALLSTATE, 0);
    CHECK_EQ(id, 3);
}

TEST(deallocate_keeps_the_pending_reply)
{
    HLINEAPP app = init_app("d");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 0;
    LONG creq = lineCompleteCall(call, &id, CALLBACK_, 0);
    CHECK_EQ(lineDeallocateCall(call), 0);           /* 2.0: the sole owner drops the call */
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)creq, (DWORD)LINEERR_INVALCALLSTATE, 0);
    EXPECT_NO_MSG(app);
}

TEST(close_suppresses_pending_and_last_close_cancels_entries)
{
    HLINEAPP app = init_app("c");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, CALLBACK_, 0) > 0);
    drain(app);                                        /* accepted: one entry */
    HCALL call2 = call_in(app, line, "202", TAPISIM_STATION_BUSY);
    DWORD id2 = 44;
    CHECK(lineCompleteCall(call2, &id2, CALLBACK_, 0) > 0);
    CHECK_EQ(lineClose(line), 0);
    EXPECT_NO_MSG(app);                                /* pending reply suppressed */
    CHECK_EQ(id2, 44);
    HLINE again = owner_line(app, 0, 0);
    CHECK_EQ(num_completions(again), 0);               /* the switch forgot the entry */
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_advance(60000), 0);
    EXPECT_NO_MSG(app);
}

TEST(entries_survive_close_while_another_app_has_the_line)
{
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    HLINE la = owner_line(a, 0, 0);
    HLINE lb = owner_line(b, 0, 0);
    HCALL call = call_in(a, la, "201", TAPISIM_STATION_BUSY);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, CALLBACK_, 0) > 0);
    drain(a);
    CHECK_EQ(lineClose(la), 0);
    drain(b);
    CHECK_EQ(num_completions(lb), 1);
    /* The recall goes to whoever owns new calls now (docs/simulator.md, "Who gets the recall"). */
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_advance(2000), 0);
    HCALL recall = expect_new_call(b, lb, OWNER);
    DWORD cid = 0;
    CHECK_EQ(call_reason(recall, &cid), LINECALLREASON_CALLCOMPLETION);
    CHECK_EQ(cid, id);
}

TEST(shutdown_cancels_pending_without_reply)
{
    HLINEAPP app = init_app("s");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 12;
    CHECK(lineCompleteCall(call, &id, CALLBACK_, 0) > 0);
    CHECK_EQ(lineShutdown(app), 0);
    CHECK_EQ(tapisim_advance(1000), 0);
    CHECK_EQ(id, 12);
}

TEST(forced_line_close_acts_as_lineclose)
{
    HLINEAPP app = init_app("c");
    HLINEAPP other = init_app("o");
    HLINE line = owner_line(app, 0, 0x11);
    HLINE mon = open_line(other, 0, V31, MONITOR, 0x22);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, CALLBACK_, 0) > 0);
    drain(app);                                         /* one accepted entry */
    HCALL call2 = call_in(app, line, "202", TAPISIM_STATION_BUSY);
    drain(other);                                       /* (any lineGetMessage dispatches) */
    DWORD id2 = 55;
    CHECK(lineCompleteCall(call2, &id2, CAMPON, 0) > 0); /* pending */
    CHECK_ERR(tapisim_close_line(4), LINEERR_BADDEVICEID);
    CHECK_EQ(tapisim_close_line(0), 0);
    EXPECT_MSG(app, line, LINE_CLOSE, 0, 0, 0);         /* nothing else: pending reply suppressed */
    EXPECT_NO_MSG(app);
    EXPECT_MSG(other, mon, LINE_CLOSE, 0, 0, 0);
    EXPECT_NO_MSG(other);
    CHECK_EQ(id2, 55);
    CHECK_ERR(lineClose(line), LINEERR_INVALLINEHANDLE);
    CHECK_ERR(lineGetCallStatus(call, NULL), LINEERR_INVALPOINTER);
    LINECALLSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_ERR(lineGetCallStatus(call2, &st), LINEERR_INVALCALLHANDLE);
    HLINE again = owner_line(app, 0, 0);
    CHECK_EQ(num_completions(again), 0);                /* the switch forgot the entries */
    char why[200];
    CHECK_EQ(tapisim_check(why, sizeof why), 0);
}

TEST(drop_camped_call_ends_the_campon)
{
    HLINEAPP app = init_app("c");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, CAMPON, 0) > 0);
    drain(app);
    CHECK_EQ(num_completions(line), 1);
    LONG drop = lineDrop(call, NULL, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)drop, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    CHECK_EQ(num_completions(line), 0);
}

TEST(uncomplete_campon_releases_the_call)
{
    HLINEAPP app = init_app("c");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, CAMPON, 0) > 0);
    drain(app);
    LONG u = lineUncompleteCall(line, id);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)u, 0, 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_BUSY, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(app);                                /* no COMPLCANCEL for an own cancel */
}

/* ---- the switch: queues, guard, recall timeout, IDs ------------------------------------- */

TEST(fifo_with_three_requesters)
{
    HLINEAPP app = init_app("q");
    HLINE l[3];
    HCALL c[3];
    DWORD id[3];
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    for (int i = 0; i < 3; i++) {
        l[i] = owner_line(app, (DWORD)i, (DWORD_PTR)(100 + i));
        c[i] = call_in(app, l[i], "201", TAPISIM_STATION_BUSY);
        CHECK(lineCompleteCall(c[i], &id[i], CALLBACK_, 0) > 0);
        drain(app);
        CHECK_EQ(lineDeallocateCall(c[i]), 0);
    }
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_advance(2000), 0);
    /* First requester: its recall is answered, so the target is busy again. */
    HCALL r0 = expect_new_call(app, l[0], OWNER);
    drain(app);
    CHECK(lineAnswer(r0, NULL, 0) > 0);
    CHECK_EQ(tapisim_advance(60000), 0);
    drain(app);
    CHECK_EQ(call_state(r0), LINECALLSTATE_CONNECTED);
    CHECK(lineDrop(r0, NULL, 0) > 0);                  /* target free again */
    drain(app);
    CHECK_EQ(tapisim_advance(2000), 0);
    HCALL r1 = expect_new_call(app, l[1], OWNER);
    drain(app);
    DWORD cid = 0;
    CHECK_EQ(call_reason(r1, &cid), LINECALLREASON_CALLCOMPLETION);
    CHECK_EQ(cid, id[1]);
    /* Second requester rejects; the target is still free, so the third is served at once. */
    CHECK(lineDrop(r1, NULL, 0) > 0);
    drain(app);
    CHECK_EQ(tapisim_advance(0), 0);
    HCALL r2 = expect_new_call(app, l[2], OWNER);
    CHECK_EQ(call_reason(r2, &cid), LINECALLREASON_CALLCOMPLETION);
    CHECK_EQ(cid, id[2]);
    CHECK_EQ(num_completions(l[0]) + num_completions(l[1]) + num_completions(l[2]), 0);
}

TEST(busy_requester_is_skipped_and_served_later)
{
    HLINEAPP app = init_app("q");
    HLINE l0 = owner_line(app, 0, 0);
    HLINE l1 = owner_line(app, 1, 0);
    HCALL c0 = call_in(app, l0, "201", TAPISIM_STATION_BUSY);
    DWORD id0 = 0, id1 = 0;
    CHECK(lineCompleteCall(c0, &id0, CALLBACK_, 0) > 0);
    drain(app);
    HCALL c1 = call_in(app, l1, "201", TAPISIM_STATION_BUSY);
    CHECK(lineCompleteCall(c1, &id1, CALLBACK_, 0) > 0);
    drain(app);
    HCALL other = call_in(app, l0, "555", TAPISIM_STATION_NOANSWER); /* line 100 busy */
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_advance(2000), 0);
    HCALL r1 = expect_new_call(app, l1, OWNER);        /* line 100 skipped */
    drain(app);
    DWORD cid = 0;
    CHECK_EQ(call_reason(r1, &cid), LINECALLREASON_CALLCOMPLETION);
    CHECK_EQ(cid, id1);
    CHECK(lineDrop(r1, NULL, 0) > 0);                  /* declined: target still free */
    CHECK_EQ(tapisim_advance(0), 0);
    drain(app);
    CHECK_EQ(num_completions(l0), 1);                  /* requester 100 still busy: waits */
    CHECK(lineDrop(other, NULL, 0) > 0);               /* now free: served at once */
    drain(app);
    CHECK_EQ(tapisim_advance(0), 0);
    HCALL r0 = expect_new_call(app, l0, OWNER);
    CHECK_EQ(call_reason(r0, &cid), LINECALLREASON_CALLCOMPLETION);
    CHECK_EQ(cid, id0);
}

TEST(unanswered_recall_rings_out)
{
    HLINEAPP app = init_app("r");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, CALLBACK_, 0) > 0);
    drain(app);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_advance(2000), 0);
    HCALL recall = expect_new_call(app, line, OWNER);
    drain(app);
    CHECK_EQ(tapisim_advance(19999), 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(tapisim_advance(1), 0);
    EXPECT_MSG(app, recall, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NOANSWER, 0);
    EXPECT_MSG(app, recall, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(app);                                /* consumed: no COMPLCANCEL */
}

TEST(recall_with_nobody_to_offer_it_to_is_consumed)
{
    HLINEAPP app = init_app("r");
    HLINE line = owner_line(app, 0, 0);
    HLINEAPP watcher = init_app("w");
    HLINE wl = owner_line(watcher, 1, 0);              /* keeps the entries alive (another open) */
    (void)wl;
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, CALLBACK_, 0) > 0);
    drain(app);
    CHECK_EQ(lineDeallocateCall(call), 0);
    HLINE mon = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    CHECK_EQ(lineSetStatusMessages(mon, LINEDEVSTATE_NUMCOMPLETIONS, 0), 0);
    CHECK_EQ(lineClose(line), 0);                      /* no owner left on line 100 */
    drain(app);
    CHECK_EQ(num_completions(mon), 1);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_advance(2000), 0);
    EXPECT_MSG(app, mon, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(num_completions(mon), 0);
}

TEST(ids_count_up_per_device_and_reuse_option)
{
    HLINEAPP app = init_app("i");
    HLINE l0 = owner_line(app, 0, 0);
    HLINE l1 = owner_line(app, 1, 0);
    DWORD ids[3];
    for (int i = 0; i < 3; i++) {
        HCALL c = call_in(app, l0, "201", TAPISIM_STATION_BUSY);
        CHECK(lineCompleteCall(c, &ids[i], CALLBACK_, 0) > 0);
        drain(app);
    }
    CHECK(ids[0] == 1 && ids[1] == 2 && ids[2] == 3);
    HCALL c1 = call_in(app, l1, "201", TAPISIM_STATION_BUSY);
    DWORD other = 0;
    CHECK(lineCompleteCall(c1, &other, CALLBACK_, 0) > 0);
    drain(app);
    CHECK_EQ(other, 1);                                /* per line device */
    CHECK(lineUncompleteCall(l0, 1) > 0);
    drain(app);
    HCALL c = call_in(app, l0, "201", TAPISIM_STATION_BUSY);
    DWORD next = 0;
    CHECK(lineCompleteCall(c, &next, CALLBACK_, 0) > 0);
    drain(app);
    CHECK_EQ(next, 4);                                 /* not reused by default */
    CHECK_EQ(tapisim_set_option("reuse_freed_ids", 1), 0);
    CHECK(lineUncompleteCall(l0, 2) > 0);
    drain(app);
    c = call_in(app, l0, "201", TAPISIM_STATION_BUSY);
    CHECK(lineCompleteCall(c, &next, CALLBACK_, 0) > 0);
    drain(app);
    CHECK_EQ(next, 1);                                 /* lowest free value */
}

TEST(timer_options)
{
    CHECK_EQ(tapisim_set_option("guard_ms", 10), 0);
    CHECK_EQ(tapisim_set_option("expiry_busy_ms", 500), 0);
    CHECK_EQ(tapisim_set_option("recall_ring_ms", 100), 0);
    HLINEAPP app = init_app("t");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, CALLBACK_, 0) > 0);
    drain(app);
    CHECK_EQ(tapisim_advance(500), 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_COMPLCANCEL, id, 0);
    drain(app);
    HCALL call2 = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    CHECK(lineCompleteCall(call2, &id, CALLBACK_, 0) > 0);
    drain(app);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_advance(10), 0);
    HCALL recall = expect_new_call(app, line, OWNER);
    drain(app);
    CHECK_EQ(tapisim_advance(100), 0);
    EXPECT_MSG(app, recall, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NOANSWER, 0);
}

TEST(option_errors)
{
    CHECK_ERR(tapisim_set_option(NULL, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_set_option("no_such_option", 0), LINEERR_OPERATIONUNAVAIL);
    CHECK_ERR(tapisim_set_option("error_delivery", 2), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_option("max_call_completions", 65), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_option("guard_ms", 0x80000000u), LINEERR_INVALPARAM);
    CHECK_EQ(tapisim_set_option("guard_ms", 0), 0);
}

struct recv { HLINEAPP app; DWORD msg; LONG r; };

static void *receive(void *arg)
{
    struct recv *x = arg;
    LINEMESSAGE m;
    for (int i = 0; i < 100; i++) {
        x->r = lineGetMessage(x->app, &m, 10000);
        if (x->r != 0 || m.dwMessageID == LINE_APPNEWCALL) {
            x->msg = m.dwMessageID;
            return NULL;
        }
    }
    return NULL;
}

TEST(realtime_clock_fires_timers_by_itself)
{
    HLINEAPP app = init_app("rt");
    HLINE line = owner_line(app, 0, 0);
    HCALL call = call_in(app, line, "201", TAPISIM_STATION_BUSY);
    DWORD id = 0;
    CHECK(lineCompleteCall(call, &id, CALLBACK_, 0) > 0);
    drain(app);
    CHECK_EQ(tapisim_set_option("guard_ms", 30), 0);
    CHECK_EQ(tapisim_set_option("realtime", 1), 0);
    CHECK_ERR(tapisim_advance(10), LINEERR_OPERATIONUNAVAIL);
    struct recv x = { app, 0, 1 };
    pthread_t t;
    pthread_create(&t, NULL, receive, &x);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_IDLE), 0);
    pthread_join(t, NULL);                              /* bounded by lineGetMessage's timeout */
    CHECK_EQ(x.r, 0);
    CHECK_EQ(x.msg, LINE_APPNEWCALL);
    CHECK(tapisim_now() >= 30);
    CHECK_EQ(tapisim_set_option("realtime", 0), 0);
    CHECK_EQ(tapisim_advance(1), 0);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(trace_A_callback_on_busy_and_recall), T(trace_B_rejected_by_provider),
        T(trace_C_bad_mode_is_synchronous), T(trace_D_switch_cancel_on_expiry), T(trace_E_campon),
        T(intrude_joins_a_local_conversation), T(message_sets_message_waiting),
        T(callback_on_noanswer_waits_for_the_targets_next_activity),
        T(campon_and_intrude_refused_on_noanswer), T(noanswer_entry_expires_after_180_minutes),
        T(error_rows_tapisrv_delivery), T(error_rows_documentation_literal_delivery),
        T(proceeding_accepted_with_option), T(feature_bits_follow_the_state),
        T(drop_fails_pending_request), T(call_leaving_the_state_before_acceptance),
        T(deallocate_keeps_the_pending_reply), T(close_suppresses_pending_and_last_close_cancels_entries),
        T(entries_survive_close_while_another_app_has_the_line), T(shutdown_cancels_pending_without_reply),
        T(forced_line_close_acts_as_lineclose),
        T(drop_camped_call_ends_the_campon), T(uncomplete_campon_releases_the_call),
        T(fifo_with_three_requesters), T(busy_requester_is_skipped_and_served_later),
        T(unanswered_recall_rings_out), T(recall_with_nobody_to_offer_it_to_is_consumed),
        T(ids_count_up_per_device_and_reuse_option), T(timer_options), T(option_errors),
        T(realtime_clock_fires_timers_by_itself),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
