/*
 * LINECALLSTATUS.dwCallFeatures2 of a consultation transfer: while dwCallFeatures has
 * COMPLETETRANSF, TRANSFERNORM and TRANSFERCONF name the modes lineCompleteTransfer would
 * accept now (TRANSFER unless both far ends are outside parties, CONFERENCE once the
 * consultation call is answered), on the held call and on its consultation call.
 */
#include "transfer_test.h"

#define NORM LINECALLFEATURE2_TRANSFERNORM
#define CONF LINECALLFEATURE2_TRANSFERCONF

static LINECALLSTATUS status_of(HCALL call)
{
    LINECALLSTATUS s;
    memset(&s, 0, sizeof s);
    s.dwTotalSize = sizeof s;
    CHECK_EQ(lineGetCallStatus(call, &s), 0);
    return s;
}

/* The transfer modes in dwCallFeatures2 are `modes`, and COMPLETETRANSF is offered with them. */
static void expect_modes(HCALL call, DWORD modes)
{
    LINECALLSTATUS s = status_of(call);
    CHECK_EQ(s.dwCallFeatures2 & (NORM | CONF), modes);
    CHECK_EQ(!!(s.dwCallFeatures & LINECALLFEATURE_COMPLETETRANSF), modes != 0);
}

TEST(transfer_modes_are_offered_with_complete_transfer)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL call = outside_call(a, la, "0301");
    expect_modes(call, 0); /* connected, nothing to join it with */
    HCALL consult = setup(a, call);
    expect_modes(call, 0); /* the consultation call has dial tone */
    expect_modes(consult, 0);
    dial_out(a, consult, "101");
    HCALL in = new_call(b, lb);
    drain(b);
    expect_modes(call, NORM); /* an unscreened transfer; a conference needs the answer */
    expect_modes(consult, NORM);
    answer(b, in);
    drain(a);
    expect_modes(call, NORM | CONF);
    expect_modes(consult, NORM | CONF);
    expect_modes(in, 0); /* line 1 has nothing on hold */
    LONG req = lineCompleteTransfer(call, consult, NULL, LINETRANSFERMODE_TRANSFER);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    drain(a);
    expect_modes(call, 0); /* IDLE */
    expect_modes(consult, 0);
    check_switch();
}

TEST(held_call_offers_transfer_modes_without_set_up)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL call = outside_call(a, la, "0301");
    LONG req = lineHold(call);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    expect_modes(call, 0);
    HCALL second = 0;
    CHECK(make_call(la, "101", &second) > 0);
    drain(a);
    HCALL in = new_call(b, lb);
    drain(b);
    answer(b, in);
    drain(a);
    expect_modes(call, NORM | CONF);
    expect_modes(second, 0); /* the held call completes it (LINEADDRCAPFLAGS_TRANSFERHELD) */
    check_switch();
}

TEST(trunk_to_trunk_offers_only_the_conference)
{
    HLINEAPP a = init_app("a");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HCALL call = outside_call(a, la, "0301");
    HCALL consult = setup(a, call);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_MANUAL), 0);
    dial_out(a, consult, "201");
    expect_modes(call, 0); /* two outside parties ringing: neither mode */
    expect_modes(consult, 0);
    CHECK_EQ(tapisim_remote_answer("201"), 0);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    expect_modes(call, CONF);
    expect_modes(consult, CONF);
    check_switch();
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(transfer_modes_are_offered_with_complete_transfer),
        T(held_call_offers_transfer_modes_without_set_up),
        T(trunk_to_trunk_offers_only_the_conference),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
