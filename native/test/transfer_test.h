/*
 * Helpers shared by test_transfer.c and test_conference.c: lines, calls, expected replies
 * and party IDs.
 */
#ifndef TRANSFER_TEST_H
#define TRANSFER_TEST_H

#include "party_test.h"


static inline HCALL new_call(HLINEAPP app, HLINE line)
{
    LINEMESSAGE m;
    CHECK(next_msg(app, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    CHECK_EQ(m.hDevice, line);
    return (HCALL)m.dwParam2;
}

static inline void answer(HLINEAPP app, HCALL call)
{
    LONG req = lineAnswer(call, NULL, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
}

/* Line 0 calls line 1 and line 1 answers: *out the caller's handle, *in the callee's. */
static inline void local_call(HLINEAPP a, HLINE la, HLINEAPP b, HLINE lb, HCALL *out, HCALL *in)
{
    CHECK(make_call(la, "101", out) > 0);
    *in = new_call(b, lb);
    drain(b);
    answer(b, *in);
    drain(a);
    CHECK_EQ(call_state(*out), LINECALLSTATE_CONNECTED);
}

/* An outside caller `from` rings line 0 (app a), which answers. */
static inline HCALL outside_call(HLINEAPP a, HLINE la, const char *from)
{
    CHECK_EQ(tapisim_remote_call(from, NULL, "100", NULL), 0);
    HCALL call = new_call(a, la);
    drain(a);
    answer(a, call);
    return call;
}

static inline LONG dial(HCALL call, const char *dest)
{
    WCHAR w[64];
    to_wide(dest, w, 64);
    return lineDialW(call, w, 0);
}

/* lineSetupTransferW of `call`, checked to succeed with its messages: the consultation call. */
static inline HCALL setup(HLINEAPP app, HCALL call)
{
    HCALL consult = 0;
    LONG req = lineSetupTransferW(call, &consult, NULL);
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    CHECK(consult != 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_ONHOLDPENDTRANSFER, 0, 0);
    EXPECT_MSG(app, consult, LINE_CALLSTATE, LINECALLSTATE_DIALTONE, LINEDIALTONEMODE_NORMAL, 0);
    return consult;
}

/* Dials `dest` on a call in dial tone: reply, DIALING, PROCEEDING and RINGBACK. */
static inline void dial_out(HLINEAPP app, HCALL call, const char *dest)
{
    LONG req = dial(call, dest);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_DIALING, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
}

#endif /* TRANSFER_TEST_H */
