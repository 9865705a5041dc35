/*
 * A small test harness for the simulator tests: named test functions, CHECK macros that record
 * failures without stopping the run, and helpers that drive the TAPI API.
 */
#ifndef SIM_TEST_H
#define SIM_TEST_H

#include "tapi_abi.h"
#include "tapisim.h"
#include "tapi_format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int t_failed, t_checks;
static const char *t_current;

#define CHECK(cond) do { t_checks++; if (!(cond)) { t_failed++; \
    fprintf(stderr, "FAIL %s (%s:%d): %s\n", t_current, __FILE__, __LINE__, #cond); } } while (0)

#define CHECK_EQ(actual, expected) do { long long a_ = (long long)(actual), e_ = (long long)(expected); \
    t_checks++; if (a_ != e_) { t_failed++; fprintf(stderr, "FAIL %s (%s:%d): %s == 0x%llX, expected 0x%llX\n", \
    t_current, __FILE__, __LINE__, #actual, (unsigned long long)a_, (unsigned long long)e_); } } while (0)

/* LINEERR_ values are unsigned in tapi.h; compare results as LONG. */
#define CHECK_ERR(actual, err) CHECK_EQ((LONG)(actual), (LONG)(err))

typedef void (*test_fn)(void);
typedef struct { const char *name; test_fn fn; } test_case;

static inline int run_tests(const test_case *tests, size_t n, int argc, char **argv)
{
    int ran = 0, failedTests = 0;
    for (size_t i = 0; i < n; i++) {
        if (argc > 1 && strcmp(argv[1], tests[i].name) != 0)
            continue;
        int before = t_failed;
        t_current = tests[i].name;
        tapisim_reset();
        tests[i].fn();
        ran++;
        if (t_failed != before)
            failedTests++;
    }
    tapisim_reset();
    printf("%d passed, %d failed\n", ran - failedTests, failedTests);
    return failedTests ? 1 : 0;
}

#define TEST(name) static void name(void)
#define T(name) { #name, name }

/* ---- TAPI helpers ----------------------------------------------------------------------- */

static inline void to_wide(const char *s, WCHAR *w, size_t n)
{
    size_t i = 0;
    for (; s[i] && i + 1 < n; i++)
        w[i] = (WCHAR)(unsigned char)s[i];
    w[i] = 0;
}

/* The LINEINITIALIZEEXPARAMS of the event model (LINEINITIALIZEEXOPTION_USEEVENT). */
static inline void event_params(LINEINITIALIZEEXPARAMS *p)
{
    memset(p, 0, sizeof *p);
    p->dwTotalSize = sizeof *p;
    p->dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
}

/* lineInitializeExW with LINEINITIALIZEEXOPTION_USEEVENT; *event (if not NULL) gets hEvent. */
static inline HLINEAPP init_app_event(const char *name, HANDLE *event)
{
    WCHAR wname[64];
    to_wide(name, wname, 64);
    HLINEAPP h = 0;
    DWORD numDevs = 0, ver = 0x00030001;
    LINEINITIALIZEEXPARAMS p;
    event_params(&p);
    LONG r = lineInitializeExW(&h, NULL, NULL, wname, &numDevs, &ver, &p);
    CHECK_EQ(r, 0);
    CHECK(h != 0);
    if (event != NULL)
        *event = p.Handles.hEvent;
    return h;
}

static inline HLINEAPP init_app(const char *name)
{
    return init_app_event(name, NULL);
}

static inline HLINE open_line(HLINEAPP app, DWORD dev, DWORD version, DWORD priv, DWORD_PTR inst)
{
    HLINE h = 0;
    DWORD media = (priv & LINECALLPRIVILEGE_OWNER) ? LINEMEDIAMODE_INTERACTIVEVOICE : 0;
    LONG r = lineOpenW(app, dev, &h, version, 0, inst, priv, media, NULL);
    CHECK_EQ(r, 0);
    return h;
}

static inline LONG make_call(HLINE line, const char *dest, HCALL *call)
{
    WCHAR w[64];
    to_wide(dest, w, 64);
    return lineMakeCallW(line, call, w, 0, NULL);
}

/* Takes the next message, or returns 0 if the queue is empty. */
static inline int next_msg(HLINEAPP app, LINEMESSAGE *m)
{
    return lineGetMessage(app, m, 0) == 0;
}

/* Takes messages until LINE_REPLY for `request` and returns its result (a check fails if none). */
static inline LONG reply_of(HLINEAPP app, LONG request)
{
    LINEMESSAGE m;
    while (next_msg(app, &m))
        if (m.dwMessageID == LINE_REPLY && (LONG)m.dwParam1 == request)
            return (LONG)m.dwParam2;
    CHECK(!"no LINE_REPLY");
    return 1;
}

/* Expects the next message to be exactly this one. */
#define EXPECT_MSG(app, dev, msg, p1, p2, p3) do { LINEMESSAGE m_; \
    int got_ = next_msg(app, &m_); CHECK(got_); if (got_) { \
    CHECK_EQ(m_.dwMessageID, msg); CHECK_EQ(m_.hDevice, dev); CHECK_EQ((DWORD)m_.dwParam1, p1); \
    CHECK_EQ((DWORD)m_.dwParam2, p2); CHECK_EQ((DWORD)m_.dwParam3, p3); } } while (0)

#define EXPECT_NO_MSG(app) do { LINEMESSAGE m_; int got_ = next_msg(app, &m_); CHECK(!got_); \
    if (got_) fprintf(stderr, "  unexpected message %" PRIuDW " on 0x%" PRIXDW " (0x%llX, 0x%llX, 0x%llX)\n", \
    m_.dwMessageID, m_.hDevice, (unsigned long long)m_.dwParam1, (unsigned long long)m_.dwParam2, \
    (unsigned long long)m_.dwParam3); } while (0)

static inline void drain(HLINEAPP app)
{
    LINEMESSAGE m;
    while (next_msg(app, &m))
        ;
}

static inline DWORD call_state(HCALL call)
{
    LINECALLSTATUS s;
    memset(&s, 0, sizeof s);
    s.dwTotalSize = sizeof s;
    LONG r = lineGetCallStatus(call, &s);
    return r == 0 ? s.dwCallState : 0;
}

static inline char *trace_text(void)
{
    DWORD needed = 0;
    tapisim_trace(NULL, 0, &needed);
    char *buf = malloc(needed);
    if (buf != NULL && tapisim_trace(buf, needed, &needed) != 0) {
        free(buf);
        buf = NULL;
    }
    return buf;
}

#endif /* SIM_TEST_H */
