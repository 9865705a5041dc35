/*
 * Helpers of the tests that read party IDs (redirect, transfer, conference): the LINECALLINFO of
 * a call, and its UTF-16 strings compared with ASCII.
 */
#ifndef PARTY_TEST_H
#define PARTY_TEST_H

#include "call_test.h"

/* LINE_CALLINFO states of the two party IDs a diversion fills. */
#define IDS (LINECALLINFOSTATE_REDIRECTINGID | LINECALLINFOSTATE_REDIRECTIONID)

static union { LINECALLINFO c; unsigned char b[4096]; } g_info;

static inline const LINECALLINFO *info(HCALL call)
{
    memset(&g_info, 0, sizeof g_info);
    g_info.c.dwTotalSize = sizeof g_info;
    CHECK_EQ(lineGetCallInfoW(call, &g_info.c), 0);
    return &g_info.c;
}

static inline int text_is(DWORD size, DWORD off, const char *expect)
{
    if (expect == NULL)
        return size == 0 && off == 0;
    size_t n = strlen(expect);
    if (size != (n + 1) * sizeof(WCHAR) || off == 0)
        return 0;
    for (size_t i = 0; i <= n; i++) {
        WCHAR w;
        memcpy(&w, g_info.b + off + i * sizeof w, sizeof w);
        if (w != (WCHAR)(unsigned char)expect[i])
            return 0;
    }
    return 1;
}

#define CALLER(c, s) CHECK(text_is((c)->dwCallerIDSize, (c)->dwCallerIDOffset, s))
#define CALLED(c, s) CHECK(text_is((c)->dwCalledIDSize, (c)->dwCalledIDOffset, s))
#define CONNECTED(c, s) CHECK(text_is((c)->dwConnectedIDSize, (c)->dwConnectedIDOffset, s))
#define REDIRECTING(c, s) CHECK(text_is((c)->dwRedirectingIDSize, (c)->dwRedirectingIDOffset, s))
#define REDIRECTION(c, s) CHECK(text_is((c)->dwRedirectionIDSize, (c)->dwRedirectionIDOffset, s))

#endif /* PARTY_TEST_H */
