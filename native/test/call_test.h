/*
 * Helpers shared by the call tests (test_dial.c, test_hold.c, test_redirect.c, ...): the
 * switch's invariants, a provider result on its delivery path, a call's features, the trace.
 */
#ifndef CALL_TEST_H
#define CALL_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_test.h"

#define V31 0x00030001u /* the API version the tests negotiate */
#define OWNER   LINECALLPRIVILEGE_OWNER
#define MONITOR LINECALLPRIVILEGE_MONITOR

/* The switch's invariants hold (tapisim_check); else the reason is printed. */
static inline void check_switch(void)
{
    char why[256] = "";
    CHECK_EQ(tapisim_check(why, sizeof why), 0);
    if (why[0])
        fprintf(stderr, "  %s\n", why);
}

/* A provider's answer `err` to a request that returned `result`: in LINE_REPLY, or (`literal`,
 * the error delivery option 1) as the function result. */
static inline void expect_provider(HLINEAPP app, LONG result, LONG err, int literal)
{
    if (literal && err != 0) {
        CHECK_ERR(result, err);
    } else {
        CHECK(result > 0);
        EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)result, (DWORD)err, 0);
    }
}

/* LINECALLSTATUS.dwCallFeatures of a call. */
static inline DWORD features(HCALL call)
{
    LINECALLSTATUS s;
    memset(&s, 0, sizeof s);
    s.dwTotalSize = sizeof s;
    CHECK_EQ(lineGetCallStatus(call, &s), 0);
    return s.dwCallFeatures;
}

/* Whether the trace contains `s`. */
static inline int trace_has(const char *s)
{
    char *t = trace_text();
    int found = t != NULL && strstr(t, s) != NULL;
    free(t);
    return found;
}

#endif /* CALL_TEST_H */
