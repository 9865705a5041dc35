/*
 * Simulator core: calls. lineMakeCallW, lineAnswer, lineDrop, lineDeallocateCall,
 * lineGetCallStatus, lineGetCallInfoW; stations and the virtual clock; owner and monitor apps;
 * message order; stale handles; fault injection; the trace.
 */
#include "sim_test.h"

#define V14 0x00010004u
#define V20 0x00020000u
#define V31 0x00030001u

#define OWNER   LINECALLPRIVILEGE_OWNER
#define MONITOR LINECALLPRIVILEGE_MONITOR

/* The standard outgoing prefix: LINE_REPLY, then DIALING and PROCEEDING (no privilege: the app
 * asked for this handle). */
static void expect_dial(HLINEAPP app, LONG req, HCALL call)
{
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_DIALING, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
}

TEST(call_to_idle_remote_station_answers_after_3s)
{
    HLINEAPP app = init_app("c");
    HLINE line = open_line(app, 0, V31, OWNER, 0x55);
    HCALL call = 0;
    LONG req = make_call(line, "201", &call);
    CHECK(req > 0);
    CHECK(call != 0);
    expect_dial(app, req, call);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(tapisim_advance(2999), 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(tapisim_advance(1), 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    CHECK_EQ(call_state(call), LINECALLSTATE_CONNECTED);
    LONG drop = lineDrop(call, NULL, 0);
    CHECK(drop > 0 && drop != req);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)drop, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(lineDeallocateCall(call), 0);
    CHECK_ERR(lineGetCallStatus(call, NULL), LINEERR_INVALPOINTER);
    LINECALLSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_ERR(lineGetCallStatus(call, &st), LINEERR_INVALCALLHANDLE);
}

TEST(reply_carries_callback_instance_and_hcall_written_before_reply)
{
    HLINEAPP app = init_app("c");
    HLINE line = open_line(app, 1, V31, OWNER, (DWORD_PTR)0x1122334455667788ull);
    HCALL call = 0;
    LONG req = make_call(line, "201", &call);
    LINEMESSAGE m;
    CHECK(next_msg(app, &m));
    CHECK_EQ(m.dwMessageID, LINE_REPLY);
    CHECK_EQ(m.dwCallbackInstance, (DWORD_PTR)0x1122334455667788ull);
    CHECK_EQ(m.dwParam1, (DWORD_PTR)(DWORD)req);
    CHECK(call != 0);
}

TEST(call_to_busy_station)
{
    HLINEAPP app = init_app("c");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    HCALL call = 0;
    LONG req = make_call(line, "201", &call);
    expect_dial(app, req, call);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_BUSY, LINEBUSYMODE_STATION, 0);
    CHECK_EQ(tapisim_advance(60000), 0);
    EXPECT_NO_MSG(app);
    LINECALLSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_EQ(lineGetCallStatus(call, &st), 0);
    CHECK_EQ(st.dwCallState, LINECALLSTATE_BUSY);
    CHECK_EQ(st.dwCallStateMode, LINEBUSYMODE_STATION);
    CHECK_EQ(st.dwCallPrivilege, OWNER);
    CHECK(st.dwCallFeatures & LINECALLFEATURE_DROP);
    CHECK(!(st.dwCallFeatures & LINECALLFEATURE_ANSWER));
}

TEST(call_to_noanswer_station_rings_forever)
{
    HLINEAPP app = init_app("c");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_set_station("202", TAPISIM_STATION_NOANSWER), 0);
    HCALL call = 0;
    LONG req = make_call(line, "202", &call);
    expect_dial(app, req, call);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    CHECK_EQ(tapisim_advance(3600000), 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_RINGBACK);
}

TEST(remote_station_is_busy_while_in_a_call)
{
    HLINEAPP app = init_app("c");
    HLINE l0 = open_line(app, 0, V31, OWNER, 0);
    HLINE l1 = open_line(app, 1, V31, OWNER, 0);
    HCALL c0 = 0, c1 = 0;
    CHECK(make_call(l0, "300", &c0) > 0);
    CHECK(make_call(l1, "300", &c1) > 0);
    CHECK_EQ(call_state(c0), LINECALLSTATE_RINGBACK);
    CHECK_EQ(call_state(c1), LINECALLSTATE_BUSY);
    CHECK(lineDrop(c0, NULL, 0) > 0);
    HCALL c2 = 0;
    CHECK(make_call(l1, "300", &c2) > 0);
    CHECK_EQ(call_state(c2), LINECALLSTATE_RINGBACK);
}

TEST(local_call_offered_answered_and_hung_up)
{
    HLINEAPP caller = init_app("caller");
    HLINEAPP callee = init_app("callee");
    HLINE l0 = open_line(caller, 0, V31, OWNER, 0xC0);
    HLINE l1 = open_line(callee, 1, V31, OWNER, 0xC1);
    CHECK_EQ(lineSetStatusMessages(l1, LINEDEVSTATE_RINGING, 0), 0);
    HCALL out = 0;
    LONG req = make_call(l0, "101", &out);
    expect_dial(caller, req, out);
    EXPECT_MSG(caller, out, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    LINEMESSAGE m;
    CHECK(next_msg(callee, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    CHECK_EQ(m.hDevice, l1);
    CHECK_EQ(m.dwParam1, 0);
    CHECK_EQ(m.dwParam3, OWNER);
    CHECK_EQ(m.dwCallbackInstance, 0xC1);
    HCALL in = (HCALL)m.dwParam2;
    CHECK(in != 0 && in != out);
    EXPECT_MSG(callee, in, LINE_CALLSTATE, LINECALLSTATE_OFFERING, LINEOFFERINGMODE_ACTIVE, OWNER);
    EXPECT_MSG(callee, l1, LINE_LINEDEVSTATE, LINEDEVSTATE_RINGING, 1, 0);
    EXPECT_NO_MSG(callee);

    unsigned char buf[2048];
    memset(buf, 0, sizeof buf);
    LINECALLINFO *ci = (LINECALLINFO *)buf;
    ci->dwTotalSize = sizeof buf;
    CHECK_EQ(lineGetCallInfoW(in, ci), 0);
    CHECK_EQ(ci->hLine, l1);
    CHECK_EQ(ci->dwLineDeviceID, 1);
    CHECK_EQ(ci->dwOrigin, LINECALLORIGIN_INTERNAL);
    CHECK_EQ(ci->dwReason, LINECALLREASON_DIRECT);
    CHECK_EQ(ci->dwNumOwners, 1);
    CHECK_EQ(ci->dwCallerIDFlags, LINECALLPARTYID_ADDRESS);
    CHECK_EQ(ci->dwCallerIDSize, 8);               /* "100" + NUL in UTF-16 */
    WCHAR w[4];
    memcpy(w, buf + ci->dwCallerIDOffset, 8);
    CHECK(w[0] == '1' && w[1] == '0' && w[2] == '0' && w[3] == 0);
    CHECK_EQ(ci->dwUsedSize, ci->dwNeededSize);

    LONG ans = lineAnswer(in, NULL, 0);
    CHECK(ans > 0);
    EXPECT_MSG(callee, 0, LINE_REPLY, (DWORD)ans, 0, 0);
    EXPECT_MSG(callee, in, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_MSG(caller, out, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);

    CHECK_EQ(lineGetCallInfoW(out, ci), 0);
    CHECK_EQ(ci->dwOrigin, LINECALLORIGIN_OUTBOUND);
    CHECK_EQ(ci->dwConnectedIDFlags, LINECALLPARTYID_ADDRESS);
    CHECK(ci->dwRelatedCallID != 0);
    CHECK(ci->dwAppNameSize > 0);

    LONG drop = lineDrop(out, NULL, 0);
    EXPECT_MSG(caller, 0, LINE_REPLY, (DWORD)drop, 0, 0);
    EXPECT_MSG(caller, out, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(callee, in, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    drop = lineDrop(in, NULL, 0);
    EXPECT_MSG(callee, 0, LINE_REPLY, (DWORD)drop, 0, 0);
    EXPECT_MSG(callee, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(caller);
    EXPECT_NO_MSG(callee);
}

TEST(local_line_busy_while_it_has_a_call)
{
    HLINEAPP app = init_app("c");
    HLINE l0 = open_line(app, 0, V31, OWNER, 0);
    HLINE l2 = open_line(app, 2, V31, OWNER, 0);
    HCALL busyMaker = 0, c = 0;
    CHECK(make_call(l2, "999", &busyMaker) > 0);   /* line 102 now has an active call */
    CHECK(make_call(l0, "102", &c) > 0);
    CHECK_EQ(call_state(c), LINECALLSTATE_BUSY);
    HCALL self = 0;
    CHECK(make_call(l0, "100", &self) > 0);         /* dialling yourself: your own line is busy */
    CHECK_EQ(call_state(self), LINECALLSTATE_BUSY);
    CHECK_EQ(tapisim_set_station("103", TAPISIM_STATION_BUSY), 0);
    HCALL c3 = 0;
    CHECK(make_call(l0, "103", &c3) > 0);
    CHECK_EQ(call_state(c3), LINECALLSTATE_BUSY);
}

TEST(reject_offering_call)
{
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    HLINE l0 = open_line(a, 0, V31, OWNER, 0);
    open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0;
    CHECK(make_call(l0, "101", &out) > 0);
    drain(a);
    LINEMESSAGE m;
    CHECK(next_msg(b, &m));
    HCALL in = (HCALL)m.dwParam2;
    drain(b);
    LONG drop = lineDrop(in, NULL, 0);
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)drop, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_REJECT, 0);
}

TEST(caller_gives_up_before_answer)
{
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    HLINE l0 = open_line(a, 0, V31, OWNER, 0);
    open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0;
    CHECK(make_call(l0, "101", &out) > 0);
    LINEMESSAGE m;
    CHECK(next_msg(b, &m));
    HCALL in = (HCALL)m.dwParam2;
    drain(b);
    CHECK(lineDrop(out, NULL, 0) > 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    CHECK_EQ(lineDeallocateCall(in), 0);
}

TEST(monitor_app_gets_its_own_handles)
{
    HLINEAPP owner = init_app("owner");
    HLINEAPP mon = init_app("monitor");
    HLINEAPP mon14 = init_app("monitor 1.4");
    HLINE lo = open_line(owner, 0, V31, OWNER, 1);
    HLINE lm = open_line(mon, 0, V20, MONITOR, 2);
    HLINE lm14 = open_line(mon14, 0, V14, MONITOR, 3);
    HCALL call = 0;
    LONG req = make_call(lo, "201", &call);
    expect_dial(owner, req, call);
    /* 2.0+ monitor: LINE_APPNEWCALL, then the first LINE_CALLSTATE carries the privilege. */
    LINEMESSAGE m;
    CHECK(next_msg(mon, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    CHECK_EQ(m.hDevice, lm);
    CHECK_EQ(m.dwParam3, MONITOR);
    HCALL mcall = (HCALL)m.dwParam2;
    CHECK(mcall != call && mcall != 0);
    EXPECT_MSG(mon, mcall, LINE_CALLSTATE, LINECALLSTATE_DIALING, 0, MONITOR);
    EXPECT_MSG(mon, mcall, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
    EXPECT_MSG(mon, mcall, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    EXPECT_NO_MSG(mon);
    /* 1.4 monitor: no LINE_APPNEWCALL; the handle arrives with the first LINE_CALLSTATE. */
    CHECK(next_msg(mon14, &m));
    CHECK_EQ(m.dwMessageID, LINE_CALLSTATE);
    CHECK_EQ(m.dwParam1, LINECALLSTATE_DIALING);
    CHECK_EQ(m.dwParam3, MONITOR);
    CHECK_EQ(m.dwCallbackInstance, 3);
    HCALL m14 = (HCALL)m.hDevice;
    CHECK(m14 != mcall && m14 != call);
    (void)lm14;
    /* A monitor may look but not act. */
    CHECK_ERR(lineDrop(mcall, NULL, 0), LINEERR_NOTOWNER);
    CHECK_ERR(lineAnswer(mcall, NULL, 0), LINEERR_NOTOWNER);
    LINECALLSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_EQ(lineGetCallStatus(mcall, &st), 0);
    CHECK_EQ(st.dwCallPrivilege, MONITOR);
    CHECK_EQ(st.dwCallFeatures, LINECALLFEATURE_MONITORDIGITS); /* the one call feature of a monitor */
    LINECALLINFO ci;
    memset(&ci, 0, sizeof ci);
    ci.dwTotalSize = sizeof ci;
    CHECK_EQ(lineGetCallInfoW(mcall, &ci), 0);
    CHECK_EQ(ci.hLine, lm);
    CHECK_EQ(ci.dwNumOwners, 1);
    CHECK_EQ(ci.dwNumMonitors, 2);
    /* The monitor deallocating does not end the call; the owner's drop reaches the monitor. */
    CHECK_EQ(lineDeallocateCall(m14), 0);
    CHECK_EQ(call_state(call), LINECALLSTATE_RINGBACK);
    CHECK(lineDrop(call, NULL, 0) > 0);
    EXPECT_MSG(mon, mcall, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
}

TEST(incoming_call_goes_to_first_owner_others_monitor)
{
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    HLINEAPP c = init_app("c");
    HLINEAPP d = init_app("d");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HLINE lc = open_line(c, 1, V31, OWNER | MONITOR, 0);
    HLINE ld = open_line(d, 1, V31, MONITOR, 0);
    (void)lb; (void)lc; (void)ld;
    HCALL out = 0;
    CHECK(make_call(la, "101", &out) > 0);
    LINEMESSAGE m;
    CHECK(next_msg(b, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    CHECK_EQ(m.dwParam3, OWNER);
    CHECK(next_msg(c, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    CHECK_EQ(m.dwParam3, MONITOR);
    CHECK(next_msg(d, &m));
    CHECK_EQ(m.dwParam3, MONITOR);
}

TEST(no_owner_call_still_rings_for_the_caller)
{
    HLINEAPP a = init_app("a");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HCALL out = 0;
    CHECK(make_call(la, "103", &out) > 0);
    CHECK_EQ(call_state(out), LINECALLSTATE_RINGBACK);
    CHECK_EQ(tapisim_advance(100000), 0);
    CHECK_EQ(call_state(out), LINECALLSTATE_RINGBACK);
    CHECK(lineDrop(out, NULL, 0) > 0);
    CHECK_EQ(call_state(out), LINECALLSTATE_IDLE);
}

TEST(handles_differ_per_app_and_are_never_reused)
{
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER | MONITOR, 0);
    HLINE lb = open_line(b, 0, V31, MONITOR, 0);
    HCALL c1 = 0;
    CHECK(make_call(la, "201", &c1) > 0);
    LINEMESSAGE m;
    CHECK(next_msg(b, &m));
    HCALL bc = (HCALL)m.dwParam2;
    CHECK(bc != c1);
    CHECK(lineDrop(c1, NULL, 0) > 0);
    CHECK_EQ(lineDeallocateCall(c1), 0);
    CHECK_EQ(lineClose(la), 0);
    CHECK_EQ(lineShutdown(a), 0);
    HLINEAPP a2 = init_app("a2");
    HLINE la2 = open_line(a2, 0, V31, OWNER, 0);
    HCALL c2 = 0;
    CHECK(make_call(la2, "201", &c2) > 0);
    CHECK(a2 != a && la2 != la && c2 != c1 && c2 != bc && la2 != lb);
    /* Stale handles of every kind are refused, never confused with live ones. */
    CHECK_ERR(lineDrop(c1, NULL, 0), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineDeallocateCall(c1), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(make_call(la, "201", &c1), LINEERR_INVALLINEHANDLE);
    CHECK_ERR(lineClose(la), LINEERR_INVALLINEHANDLE);
    CHECK_ERR(lineShutdown(a), LINEERR_INVALAPPHANDLE);
    CHECK_ERR(lineDrop(la2, NULL, 0), LINEERR_INVALCALLHANDLE);  /* a line handle is not a call */
    CHECK_ERR(lineClose(c2), LINEERR_INVALLINEHANDLE);
    CHECK_ERR(lineDrop(0, NULL, 0), LINEERR_INVALCALLHANDLE);
}

TEST(make_call_errors)
{
    HCALL call = 0;
    CHECK_ERR(make_call(1, "201", &call), LINEERR_UNINITIALIZED);
    HLINEAPP app = init_app("e");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    CHECK_ERR(make_call(line + 99, "201", &call), LINEERR_INVALLINEHANDLE);
    WCHAR dest[] = { '2', '0', '1', 0 };
    CHECK_ERR(lineMakeCallW(line, NULL, dest, 0, NULL), LINEERR_INVALPOINTER);
    LINECALLPARAMS cp;
    memset(&cp, 0, sizeof cp);
    cp.dwTotalSize = 32;
    CHECK_ERR(lineMakeCallW(line, &call, dest, 0, &cp), LINEERR_STRUCTURETOOSMALL);
    EXPECT_NO_MSG(app);
    /* Provider-level refusals come back in LINE_REPLY (docs/simulator.md, "Who checks what");
     * *lphCall is untouched. */
    call = 0xDEAD;
    LONG req = make_call(line, "20?1", &call);
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_DIALPROMPT, 0);
    req = make_call(line, "", &call);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_INVALADDRESS, 0);
    req = make_call(line, "20 1", &call);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_INVALADDRESS, 0);
    req = make_call(line, "123456789012345678901234567890123456", &call);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_INVALADDRESS, 0);
    cp.dwTotalSize = sizeof cp;
    cp.dwAddressMode = LINEADDRESSMODE_ADDRESSID;
    cp.dwAddressID = 1;
    req = lineMakeCallW(line, &call, dest, 0, &cp);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_INVALADDRESSID, 0);
    cp.dwAddressID = 0;
    cp.dwMediaMode = LINEMEDIAMODE_INTERACTIVEVOICE | LINEMEDIAMODE_DATAMODEM;
    req = lineMakeCallW(line, &call, dest, 0, &cp);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_INVALMEDIAMODE, 0);
    CHECK_EQ(call, 0xDEAD);
    EXPECT_NO_MSG(app);
    /* Eight active calls per address, then CALLUNAVAIL. */
    for (int i = 0; i < 8; i++) {
        HCALL c = 0;
        char num[8];
        snprintf(num, sizeof num, "40%d", i);
        CHECK(make_call(line, num, &c) > 0);
    }
    drain(app);
    req = make_call(line, "499", &call);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_CALLUNAVAIL, 0);
}

TEST(answer_drop_errors)
{
    HLINEAPP app = init_app("e");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_ERR(lineAnswer(12345, NULL, 0), LINEERR_INVALCALLHANDLE);
    HCALL call = 0;
    CHECK(make_call(line, "201", &call) > 0);
    drain(app);
    LONG req = lineAnswer(call, NULL, 0);             /* not offering */
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_INVALCALLSTATE, 0);
    req = lineDrop(call, "hi", 2);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_USERUSERINFOTOOBIG, 0);
    CHECK(lineDrop(call, NULL, 0) > 0);
    drain(app);
    req = lineDrop(call, NULL, 0);                     /* already idle */
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_INVALCALLSTATE, 0);
    CHECK_EQ(lineShutdown(app), 0);
    CHECK_ERR(lineDrop(call, NULL, 0), LINEERR_UNINITIALIZED);
}

TEST(fail_next_replies_the_injected_error_once)
{
    HLINEAPP app = init_app("f");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_fail_next("lineMakeCall", LINEERR_RESOURCEUNAVAIL), 0);
    HCALL call = 0;
    LONG req = make_call(line, "201", &call);
    CHECK(req > 0);
    CHECK_EQ(call, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_RESOURCEUNAVAIL, 0);
    EXPECT_NO_MSG(app);
    req = make_call(line, "201", &call);
    CHECK(call != 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    drain(app);
    CHECK_EQ(tapisim_fail_next("lineDrop", LINEERR_OPERATIONFAILED), 0);
    req = lineDrop(call, NULL, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_OPERATIONFAILED, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_RINGBACK);
}

TEST(deallocate_rules_by_version)
{
    HLINEAPP app = init_app("d");
    HLINE l14 = open_line(app, 0, V14, OWNER, 0);
    HLINE l20 = open_line(app, 1, V20, OWNER, 0);
    HCALL c14 = 0, c20 = 0;
    CHECK(make_call(l14, "201", &c14) > 0);
    CHECK(make_call(l20, "202", &c20) > 0);
    CHECK_ERR(lineDeallocateCall(c14), LINEERR_INVALCALLSTATE); /* 1.x sole owner, not idle */
    CHECK_EQ(lineDeallocateCall(c20), 0);                       /* 2.0: allowed, call dropped */
    HCALL again = 0;
    CHECK(make_call(l14, "202", &again) > 0);                   /* 202 is free again */
    CHECK_EQ(call_state(again), LINECALLSTATE_RINGBACK);
    CHECK_ERR(lineDeallocateCall(0), LINEERR_INVALCALLHANDLE);
}

TEST(close_line_drops_owned_calls_and_purges_messages)
{
    HLINEAPP a = init_app("a");
    HLINEAPP m = init_app("m");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lm = open_line(m, 0, V31, MONITOR, 0);
    HCALL call = 0;
    CHECK(make_call(la, "201", &call) > 0);
    LINEMESSAGE msg;
    CHECK(next_msg(m, &msg));
    HCALL mc = (HCALL)msg.dwParam2;
    drain(m);
    CHECK_EQ(lineClose(la), 0);
    /* The LINE_REPLY was already queued and stays; messages about la and its calls are gone. */
    CHECK(next_msg(a, &msg));
    CHECK_EQ(msg.dwMessageID, LINE_REPLY);
    EXPECT_NO_MSG(a);
    EXPECT_MSG(m, mc, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    CHECK_ERR(lineGetCallStatus(call, NULL), LINEERR_INVALPOINTER);
    LINECALLSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_ERR(lineGetCallStatus(call, &st), LINEERR_INVALCALLHANDLE);
    CHECK_EQ(lineDeallocateCall(mc), 0);
    (void)lm;
}

TEST(no_event_before_reply)
{
    /* For every app, nothing about a call precedes the LINE_REPLY that created it. */
    HLINEAPP app = init_app("o");
    HLINE line = open_line(app, 0, V31, OWNER | MONITOR, 0);
    HCALL call = 0;
    LONG req = make_call(line, "100", &call);
    LINEMESSAGE m;
    CHECK(next_msg(app, &m));
    CHECK_EQ(m.dwMessageID, LINE_REPLY);
    CHECK_EQ(m.dwParam1, (DWORD)req);
    while (next_msg(app, &m))
        CHECK(m.dwMessageID != LINE_APPNEWCALL); /* its own OWNER|MONITOR line gets one handle */
}

TEST(call_status_and_info_sizes_per_version)
{
    HLINEAPP app = init_app("v");
    HLINE l14 = open_line(app, 0, V14, OWNER, 0);
    HLINE l20 = open_line(app, 1, V20, OWNER, 0);
    HLINE l31 = open_line(app, 2, V31, OWNER, 0);
    HCALL c14 = 0, c20 = 0, c31 = 0;
    CHECK(make_call(l14, "201", &c14) > 0);
    CHECK(make_call(l20, "202", &c20) > 0);
    CHECK(make_call(l31, "203", &c31) > 0);
    unsigned char buf[1024];
    LINECALLSTATUS *st = (LINECALLSTATUS *)buf;
    memset(buf, 0, sizeof buf);
    st->dwTotalSize = 36;
    CHECK_EQ(lineGetCallStatus(c14, st), 0);
    CHECK_EQ(st->dwUsedSize, 36);
    CHECK_ERR(lineGetCallStatus(c20, st), LINEERR_STRUCTURETOOSMALL);
    st->dwTotalSize = 56;
    CHECK_EQ(lineGetCallStatus(c20, st), 0);
    CHECK_EQ(st->dwUsedSize, 56);
    CHECK_EQ(st->tStateEntryTime.wYear, 2000);
    LINECALLINFO *ci = (LINECALLINFO *)buf;
    const struct { HCALL *call; DWORD fixed; } rows[] = { { &c14, 296 }, { &c20, 324 }, { &c31, 344 } };
    for (int i = 0; i < 3; i++) {
        memset(buf, 0, sizeof buf);
        ci->dwTotalSize = rows[i].fixed - 1;
        CHECK_ERR(lineGetCallInfoW(*rows[i].call, ci), LINEERR_STRUCTURETOOSMALL);
        ci->dwTotalSize = rows[i].fixed;
        CHECK_EQ(lineGetCallInfoW(*rows[i].call, ci), 0);
        CHECK_EQ(ci->dwUsedSize, rows[i].fixed);
        CHECK(ci->dwNeededSize > rows[i].fixed);
        CHECK_EQ(ci->dwCallerIDSize, 0);
        CHECK_EQ(ci->dwCallerIDFlags, LINECALLPARTYID_ADDRESS); /* fixed part complete */
    }
    CHECK_ERR(lineGetCallInfoW(c31, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(lineGetCallInfoW(l31, ci), LINEERR_INVALCALLHANDLE);
}

TEST(state_entry_time_follows_virtual_clock)
{
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_advance(86400000u + 3723004u), 0); /* 1 day, 01:02:03.004 */
    HCALL call = 0;
    CHECK(make_call(line, "201", &call) > 0);
    LINECALLSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_EQ(lineGetCallStatus(call, &st), 0);
    CHECK_EQ(st.tStateEntryTime.wDay, 2);
    CHECK_EQ(st.tStateEntryTime.wDayOfWeek, 0); /* 2000-01-02 was a Sunday */
    CHECK_EQ(st.tStateEntryTime.wHour, 1);
    CHECK_EQ(st.tStateEntryTime.wMinute, 2);
    CHECK_EQ(st.tStateEntryTime.wSecond, 3);
    CHECK_EQ(st.tStateEntryTime.wMilliseconds, 4);
}

TEST(trace_of_a_simple_call)
{
    HLINEAPP app = init_app("trace");
    HLINE line = open_line(app, 0, V31, OWNER, 0x42);
    tapisim_trace_clear();
    HCALL call = 0;
    LONG req = make_call(line, "201", &call);
    tapisim_advance(3000);
    char *t = trace_text();
    CHECK(t != NULL);
    if (t == NULL)
        return;
    char expected[2048];
    snprintf(expected, sizeof expected,
        "       0 lineMakeCallW(0x%08" PRIXDW ", \"201\") hCall=0x%08" PRIXDW " -> request 0x%08" PRIXDW "\n"
        "       0   => app 0x%08" PRIXDW " LINE_REPLY(0x00000000, inst=0x42, 0x%" PRIXDW ", 0x0, 0x0)\n"
        "       0   => app 0x%08" PRIXDW " LINE_CALLSTATE(0x%08" PRIXDW ", inst=0x42, 0x10, 0x0, 0x0) DIALING\n"
        "       0   => app 0x%08" PRIXDW " LINE_CALLSTATE(0x%08" PRIXDW ", inst=0x42, 0x200, 0x0, 0x0) PROCEEDING\n"
        "       0   => app 0x%08" PRIXDW " LINE_CALLSTATE(0x%08" PRIXDW ", inst=0x42, 0x20, 0x0, 0x0) RINGBACK\n"
        "       0 advance 3000 ms\n"
        "    3000   => app 0x%08" PRIXDW " LINE_CALLSTATE(0x%08" PRIXDW ", inst=0x42, 0x100, 0x1, 0x0) CONNECTED\n",
        line, call, (DWORD)req, app, (DWORD)req, app, call, app, call, app, call, app, call);
    CHECK(strcmp(t, expected) == 0);
    if (strcmp(t, expected) != 0)
        fprintf(stderr, "trace was:\n%s\nexpected:\n%s", t, expected);
    free(t);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(call_to_idle_remote_station_answers_after_3s),
        T(reply_carries_callback_instance_and_hcall_written_before_reply),
        T(call_to_busy_station), T(call_to_noanswer_station_rings_forever),
        T(remote_station_is_busy_while_in_a_call), T(local_call_offered_answered_and_hung_up),
        T(local_line_busy_while_it_has_a_call), T(reject_offering_call), T(caller_gives_up_before_answer),
        T(monitor_app_gets_its_own_handles), T(incoming_call_goes_to_first_owner_others_monitor),
        T(no_owner_call_still_rings_for_the_caller), T(handles_differ_per_app_and_are_never_reused),
        T(make_call_errors), T(answer_drop_errors), T(fail_next_replies_the_injected_error_once),
        T(deallocate_rules_by_version), T(close_line_drops_owned_calls_and_purges_messages),
        T(no_event_before_reply), T(call_status_and_info_sizes_per_version),
        T(state_entry_time_follows_virtual_clock), T(trace_of_a_simple_call),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
