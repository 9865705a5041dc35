/*
 * Conference calls: a three-party conference built from a consultation call
 * (lineCompleteTransfer in CONFERENCE mode) with its golden message sequences for the owner and
 * a monitor, lineAddToConference, lineRemoveFromConference, a party hanging up, dropping the
 * conference, the features in each state, the address caps, and every error on its delivery
 * path in both "error_delivery" modes.
 */
#include "transfer_test.h"

/* Outside caller 0301 on line 0 (app a), consulted with line 1 (app b), which answers;
 * *call the held call, *consult the consultation call, *in line 1's call. */
static void consulted(HLINEAPP a, HLINE la, HLINEAPP b, HLINE lb, HCALL *call, HCALL *consult,
                      HCALL *in)
{
    *call = outside_call(a, la, "0301");
    *consult = setup(a, *call);
    dial_out(a, *consult, "101");
    *in = new_call(b, lb);
    drain(b);
    answer(b, *in);
    EXPECT_MSG(a, *consult, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
}

/* The conference of *call and *consult, checked to succeed with its messages. */
static HCALL conference(HLINEAPP a, HCALL call, HCALL consult)
{
    HCALL conf = 0;
    LONG req = lineCompleteTransfer(call, consult, &conf, LINETRANSFERMODE_CONFERENCE);
    CHECK(req > 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    CHECK(conf != 0);
    EXPECT_MSG(a, conf, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_CONFERENCED, conf, 0);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_CONFERENCED, conf, 0);
    return conf;
}

static void hold(HLINEAPP a, HCALL call)
{
    LONG req = lineHold(call);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
}

#define PARTY_FEATURES (LINECALLFEATURE_DROP | LINECALLFEATURE_MONITORDIGITS | LINECALLFEATURE_REMOVEFROMCONF)

TEST(three_party_conference_from_a_consultation_call)
{
    HLINEAPP a = init_app("a"), b = init_app("b"), mon = init_app("m");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HLINE lm = open_line(mon, 0, V31, MONITOR, 0);
    HCALL call, consult, in;
    consulted(a, la, b, lb, &call, &consult, &in);
    EXPECT_NO_MSG(a);
    HCALL mcall = new_call(mon, lm);
    drain(mon);
    HCALL conf = conference(a, call, consult);
    EXPECT_NO_MSG(a);
    EXPECT_NO_MSG(b); /* the far ends' calls stay connected */
    /* The monitor: the conference call is new to it, and named in CONFERENCED. */
    HCALL mconf = new_call(mon, lm);
    EXPECT_MSG(mon, mconf, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, MONITOR);
    EXPECT_MSG(mon, mcall, LINE_CALLSTATE, LINECALLSTATE_CONFERENCED, mconf, 0);
    LINEMESSAGE m;
    CHECK(next_msg(mon, &m));
    CHECK_EQ(m.dwMessageID, LINE_CALLSTATE);
    CHECK_EQ((DWORD)m.dwParam1, LINECALLSTATE_CONFERENCED);
    CHECK_EQ((DWORD)m.dwParam2, mconf);
    EXPECT_NO_MSG(mon);
    CHECK(trace_has("far end 0301 retrieved into the conference"));
    CHECK(trace_has("far end 101 joins the conference"));
    CHECK_EQ(features(call), PARTY_FEATURES);
    CHECK_EQ(features(consult), PARTY_FEATURES);
    DWORD f = features(conf);
    CHECK(f & LINECALLFEATURE_DROP);
    CHECK(f & LINECALLFEATURE_HOLD);
    CHECK_EQ(f & (LINECALLFEATURE_SETUPTRANSFER | LINECALLFEATURE_BLINDTRANSFER
                  | LINECALLFEATURE_ADDTOCONF | LINECALLFEATURE_COMPLETETRANSF), 0);
    const LINECALLINFO *c = info(conf);
    CHECK_EQ(c->dwOrigin, LINECALLORIGIN_CONFERENCE);
    CHECK_EQ(c->dwNumOwners, 1);
    CHECK_EQ(c->dwNumMonitors, 1);
    CHECK(c->dwCallStates & LINECALLSTATE_CONFERENCED);
    c = info(consult);
    CALLED(c, "101"); /* a party keeps its own IDs */
    CONNECTED(c, "101");
    /* Dropping the conference drops its parties, the first party first. */
    LONG req = lineDrop(conf, NULL, 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, conf, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    EXPECT_NO_MSG(b);
    CHECK_ERR(tapisim_remote_hangup("0301"), LINEERR_INVALCALLSTATE); /* in no call any more */
    check_switch();
}

TEST(party_hanging_up_ends_a_two_party_conference)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL call, consult, in;
    consulted(a, la, b, lb, &call, &consult, &in);
    HCALL conf = conference(a, call, consult);
    CHECK_EQ(tapisim_remote_hangup("0301"), 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_MSG(a, conf, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    EXPECT_NO_MSG(b);
    CHECK(features(consult) & LINECALLFEATURE_HOLD);
    CHECK_EQ(features(call) & LINECALLFEATURE_REMOVEFROMCONF, 0);
    check_switch();
}

TEST(removing_a_party_holds_it)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL call, consult, in;
    consulted(a, la, b, lb, &call, &consult, &in);
    HCALL conf = conference(a, call, consult);
    LONG req = lineRemoveFromConference(consult);
    CHECK(req > 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_MSG(a, conf, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    EXPECT_NO_MSG(b);
    CHECK(trace_has("far end 101 hears hold"));
    /* Back to a held call and a connected one. */
    req = lineSwapHold(call, consult);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    drain(a);
    CHECK_EQ(call_state(consult), LINECALLSTATE_CONNECTED);
    check_switch();
}

TEST(adding_a_fourth_party_and_removing_one)
{
    HLINEAPP a = init_app("a"), b = init_app("b"), c3 = init_app("c");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HLINE lc = open_line(c3, 2, V31, OWNER, 0);
    HCALL call, consult, in;
    consulted(a, la, b, lb, &call, &consult, &in);
    HCALL conf = conference(a, call, consult);
    hold(a, conf);
    EXPECT_NO_MSG(a); /* the parties stay CONFERENCED */
    CHECK(trace_has("far end 0301 hears hold"));
    CHECK(trace_has("far end 101 hears hold"));
    CHECK_EQ(features(conf) & LINECALLFEATURE_ADDTOCONF, 0); /* nothing to add yet */
    HCALL third = 0;
    CHECK(make_call(la, "102", &third) > 0);
    drain(a);
    HCALL in3 = new_call(c3, lc);
    drain(c3);
    CHECK_EQ(features(third) & LINECALLFEATURE_ADDTOCONF, 0); /* ringing */
    answer(c3, in3);
    EXPECT_MSG(a, third, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    CHECK(features(conf) & LINECALLFEATURE_ADDTOCONF);
    CHECK(features(third) & LINECALLFEATURE_ADDTOCONF);
    LONG req = lineAddToConference(conf, third);
    CHECK(req > 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, third, LINE_CALLSTATE, LINECALLSTATE_CONFERENCED, conf, 0);
    EXPECT_MSG(a, conf, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_NO_MSG(a);
    EXPECT_NO_MSG(c3);
    CHECK(trace_has("far end 0301 retrieved"));
    CHECK_EQ(features(third), PARTY_FEATURES);
    /* A party that leaves: the others stay in conference. */
    req = lineDrop(call, NULL, 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    CHECK_EQ(call_state(conf), LINECALLSTATE_CONNECTED);
    CHECK_EQ(call_state(consult), LINECALLSTATE_CONFERENCED);
    /* The last but one: the conference ends; a held conference leaves its party held. */
    hold(a, conf);
    req = lineRemoveFromConference(third);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, third, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    EXPECT_MSG(a, conf, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    EXPECT_NO_MSG(b);
    EXPECT_NO_MSG(c3);
    check_switch();
}

TEST(a_local_far_end_hanging_up_and_shutdown_with_a_conference)
{
    HLINEAPP a = init_app("a"), b = init_app("b"), c3 = init_app("c");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HLINE lc = open_line(c3, 2, V31, OWNER, 0);
    HCALL call, consult, in;
    consulted(a, la, b, lb, &call, &consult, &in);
    HCALL conf = conference(a, call, consult);
    LONG req = lineDrop(in, NULL, 0); /* line 1 hangs up */
    EXPECT_MSG(b, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_MSG(a, conf, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_NO_MSG(a);
    /* A new conference, and a transfer set up on line 2; then line 0's application goes. */
    CHECK_EQ(lineDeallocateCall(consult), 0);
    CHECK_EQ(lineDeallocateCall(conf), 0);
    consult = setup(a, call);
    dial_out(a, consult, "101");
    in = new_call(b, lb);
    drain(b);
    answer(b, in);
    drain(a);
    conf = conference(a, call, consult);
    HCALL out3 = 0;
    CHECK(make_call(lc, "0302", &out3) > 0);
    drain(c3);
    CHECK_EQ(tapisim_remote_answer("0302"), 0);
    drain(c3);
    HCALL consult3 = setup(c3, out3);
    (void)consult3;
    CHECK_EQ(lineShutdown(a), 0);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    EXPECT_NO_MSG(b);
    CHECK_ERR(tapisim_remote_hangup("0301"), LINEERR_INVALCALLSTATE); /* released */
    check_switch();
    CHECK_EQ(lineShutdown(c3), 0);
    CHECK_ERR(tapisim_remote_hangup("0302"), LINEERR_INVALCALLSTATE);
    check_switch();
}

TEST(address_caps_describe_conference)
{
    HLINEAPP app = init_app("a");
    static union { LINEADDRESSCAPS c; unsigned char b[2048]; } ac;
    ac.c.dwTotalSize = sizeof ac;
    CHECK_EQ(lineGetAddressCapsW(app, 0, 0, V31, 0, &ac.c), 0);
    CHECK_EQ(ac.c.dwMaxNumConference, 4);
    CHECK_EQ(ac.c.dwRemoveFromConfCaps, LINEREMOVEFROMCONF_ANY);
    CHECK_EQ(ac.c.dwRemoveFromConfState, LINECALLSTATE_ONHOLD);
    CHECK(ac.c.dwAddrCapFlags & LINEADDRCAPFLAGS_CONFDROP);
    CHECK_EQ(ac.c.dwAddrCapFlags & (LINEADDRCAPFLAGS_CONFERENCEMAKE | LINEADDRCAPFLAGS_SETUPCONFNULL), 0);
    CHECK_EQ(ac.c.dwCallFeatures & (LINECALLFEATURE_ADDTOCONF | LINECALLFEATURE_REMOVEFROMCONF),
             LINECALLFEATURE_ADDTOCONF | LINECALLFEATURE_REMOVEFROMCONF);
    CHECK(ac.c.dwCallStates & LINECALLSTATE_CONFERENCED);
}

/* ---- errors -------------------------------------------------------------------------------- */

static void conference_errors(int literal)
{
    CHECK_ERR(lineAddToConference(0x10001, 0x10002), LINEERR_UNINITIALIZED);
    CHECK_ERR(lineRemoveFromConference(0x10001), LINEERR_UNINITIALIZED);
    HLINEAPP a = init_app("a"), b = init_app("b"), c3 = init_app("c"), mon = init_app("m");
    CHECK_EQ(tapisim_set_option("error_delivery", (DWORD)literal), 0);
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HLINE lc = open_line(c3, 2, V31, OWNER, 0);
    open_line(mon, 0, V31, MONITOR, 0);
    HCALL call, consult, in;
    consulted(a, la, b, lb, &call, &consult, &in);
    drain(mon);
    /* No room for the conference call on a full address. */
    HCALL more[6];
    for (int i = 0; i < 6; i++)
        CHECK(lineMakeCallW(la, &more[i], NULL, 0, NULL) > 0);
    drain(a);
    HCALL conf = 0;
    expect_provider(a, lineCompleteTransfer(call, consult, &conf, LINETRANSFERMODE_CONFERENCE),
                    LINEERR_RESOURCEUNAVAIL, literal);
    CHECK_EQ(conf, 0);
    EXPECT_NO_MSG(a);
    for (int i = 0; i < 6; i++)
        CHECK(lineDrop(more[i], NULL, 0) > 0);
    drain(a);
    conf = conference(a, call, consult);
    HCALL mconf = 0, mparty = 0;
    LINEMESSAGE m;
    while (next_msg(mon, &m))
        if (m.dwMessageID == LINE_CALLSTATE && (DWORD)m.dwParam1 == LINECALLSTATE_CONFERENCED) {
            mconf = (HCALL)m.dwParam2;
            mparty = (HCALL)m.hDevice;
        }
    CHECK(mconf != 0);
    HCALL third = 0, elsewhere = 0;
    CHECK(make_call(la, "102", &third) > 0);
    drain(a);
    HCALL in3 = new_call(c3, lc);
    drain(c3);
    answer(c3, in3);
    drain(a);
    CHECK(make_call(lc, "0302", &elsewhere) > 0);
    drain(c3);
    /* tapisrv: results in both modes. */
    CHECK_ERR(lineAddToConference(conf + 0x777, third), LINEERR_INVALCONFCALLHANDLE);
    CHECK_ERR(lineAddToConference(third, conf), LINEERR_INVALCONFCALLHANDLE); /* not a conference */
    CHECK_ERR(lineAddToConference(mconf, third), LINEERR_NOTOWNER);
    CHECK_ERR(lineAddToConference(conf, third + 0x777), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineAddToConference(conf, conf), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineAddToConference(conf, call), LINEERR_INVALCALLHANDLE); /* a party already */
    CHECK_ERR(lineAddToConference(conf, elsewhere), LINEERR_INVALCALLHANDLE); /* another open */
    CHECK_ERR(lineRemoveFromConference(call + 0x777), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineRemoveFromConference(mparty), LINEERR_NOTOWNER);
    /* The provider. */
    expect_provider(a, lineAddToConference(conf, third), LINEERR_INVALCALLSTATE, literal); /* not held */
    expect_provider(a, lineRemoveFromConference(third), LINEERR_INVALCALLSTATE, literal);
    expect_provider(a, lineRemoveFromConference(conf), LINEERR_INVALCALLSTATE, literal);
    hold(a, conf);
    HCALL tone = 0;
    CHECK(lineMakeCallW(la, &tone, NULL, 0, NULL) > 0);
    drain(a);
    CHECK_EQ(features(tone) & LINECALLFEATURE_ADDTOCONF, 0);
    expect_provider(a, lineAddToConference(conf, tone), LINEERR_INVALCALLSTATE, literal);
    static const LONG faults[] = { (LONG)LINEERR_NOMEM, (LONG)LINEERR_OPERATIONFAILED };
    for (size_t i = 0; i < sizeof faults / sizeof *faults; i++) {
        CHECK_EQ(tapisim_fail_next("lineAddToConference", faults[i]), 0);
        expect_provider(a, lineAddToConference(conf, third), faults[i], 0);
        CHECK_EQ(tapisim_fail_next("lineRemoveFromConference", faults[i]), 0);
        expect_provider(a, lineRemoveFromConference(call), faults[i], 0);
    }
    EXPECT_NO_MSG(a);
    /* A full conference: three parties. */
    LONG req = lineAddToConference(conf, third);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    drain(a);
    hold(a, conf);
    CHECK_EQ(tapisim_set_station("203", TAPISIM_STATION_MANUAL), 0);
    LONG r = dial(tone, "203");
    CHECK(r > 0);
    CHECK_EQ(tapisim_remote_answer("203"), 0);
    drain(a);
    CHECK_EQ(call_state(tone), LINECALLSTATE_CONNECTED);
    CHECK_EQ(features(conf) & LINECALLFEATURE_ADDTOCONF, 0);
    CHECK_EQ(features(tone) & LINECALLFEATURE_ADDTOCONF, 0);
    expect_provider(a, lineAddToConference(conf, tone), LINEERR_CONFERENCEFULL, literal);
    EXPECT_NO_MSG(a);
    CHECK_EQ(call_state(conf), LINECALLSTATE_ONHOLD);
    CHECK_EQ(call_state(tone), LINECALLSTATE_CONNECTED);
    check_switch();
}

TEST(conference_errors_in_reply) { conference_errors(0); }
TEST(conference_errors_as_result) { conference_errors(1); }

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(three_party_conference_from_a_consultation_call),
        T(party_hanging_up_ends_a_two_party_conference),
        T(removing_a_party_holds_it),
        T(adding_a_fourth_party_and_removing_one),
        T(a_local_far_end_hanging_up_and_shutdown_with_a_conference),
        T(address_caps_describe_conference),
        T(conference_errors_in_reply),
        T(conference_errors_as_result),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
