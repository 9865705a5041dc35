/*
 * lineGetLineDevStatusW's call counts follow the states of the line's calls as its
 * LINEDEVSTATUS page defines them: held calls in dwNumOnHoldCalls, calls held pending a
 * transfer or conference in dwNumOnHoldPendCalls, and only the others (not idle) in
 * dwNumActiveCalls. The simulator counted every call that was not idle as active.
 */
#include "transfer_test.h"

static LINEDEVSTATUS dev_status(HLINE line)
{
    union { LINEDEVSTATUS s; unsigned char raw[1024]; } u;
    memset(&u, 0, sizeof u);
    u.s.dwTotalSize = sizeof u;
    CHECK_EQ(lineGetLineDevStatusW(line, &u.s), 0);
    return u.s;
}

#define DEV_COUNTS(line, active, held, pend) do { LINEDEVSTATUS s_ = dev_status(line); \
    CHECK_EQ(s_.dwNumActiveCalls, active); CHECK_EQ(s_.dwNumOnHoldCalls, held); \
    CHECK_EQ(s_.dwNumOnHoldPendCalls, pend); } while (0)

TEST(line_dev_status_counts_held_calls_apart_from_active_ones)
{
    HLINEAPP a = init_app("a");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    DEV_COUNTS(la, 0, 0, 0);
    CHECK((dev_status(la).dwLineFeatures & LINEFEATURE_MAKECALL) != 0);

    HCALL call = outside_call(a, la, "0301");
    DEV_COUNTS(la, 1, 0, 0);

    LONG req = lineHold(call);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    DEV_COUNTS(la, 0, 1, 0);
    req = lineUnhold(call);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    DEV_COUNTS(la, 1, 0, 0);

    HCALL consult = setup(a, call); /* held pending transfer, the consultation call in dial tone */
    DEV_COUNTS(la, 1, 0, 1);
    CHECK_EQ(lineDrop(consult, NULL, 0) > 0, 1);
    CHECK_EQ(lineShutdown(a), 0);
    check_switch();
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(line_dev_status_counts_held_calls_apart_from_active_ones),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
