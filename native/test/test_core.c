/*
 * Simulator core: initialisation, version negotiation, capabilities, line handles, message
 * queue, control API, and the errors of those functions (docs/simulator.md, "The functions").
 */
#include "sim_test.h"

#include <pthread.h>
#include <stddef.h>
#include <time.h>

#define V14 0x00010004u
#define V20 0x00020000u
#define V22 0x00020002u
#define V30 0x00030000u
#define V31 0x00030001u

static void wide_to_ascii(const unsigned char *base, DWORD off, DWORD size, char *out, size_t n)
{
    size_t i = 0;
    for (; i + 1 < n && i * 2 + 1 < size; i++) {
        WCHAR w;
        memcpy(&w, base + off + i * 2, 2);
        if (w == 0)
            break;
        out[i] = (char)w;
    }
    out[i] = '\0';
}

/* ---- lineInitializeExW / lineShutdown ---------------------------------------------------- */

TEST(initialize_success_fills_outputs)
{
    HLINEAPP h = 0;
    DWORD numDevs = 0, ver = V20;
    LINEINITIALIZEEXPARAMS p;
    memset(&p, 0, sizeof p);
    p.dwTotalSize = sizeof p;
    p.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
    CHECK_EQ(lineInitializeExW(&h, NULL, NULL, NULL, &numDevs, &ver, &p), 0);
    CHECK(h != 0);
    CHECK_EQ(numDevs, 4);
    CHECK_EQ(ver, V31);
    CHECK_EQ(p.dwNeededSize, sizeof p);
    CHECK_EQ(p.dwUsedSize, sizeof p);
    CHECK(p.Handles.hEvent != NULL);
    CHECK_EQ(lineShutdown(h), 0);
}

TEST(initialize_rejects_bad_arguments)
{
    HLINEAPP h = 0;
    DWORD numDevs = 0, ver = V31;
    LINEINITIALIZEEXPARAMS p;
    memset(&p, 0, sizeof p);
    p.dwTotalSize = sizeof p;
    p.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
    CHECK_ERR(lineInitializeExW(NULL, NULL, NULL, NULL, &numDevs, &ver, &p), LINEERR_INVALPOINTER);
    CHECK_ERR(lineInitializeExW(&h, NULL, NULL, NULL, NULL, &ver, &p), LINEERR_INVALPOINTER);
    CHECK_ERR(lineInitializeExW(&h, NULL, NULL, NULL, &numDevs, NULL, &p), LINEERR_INVALPOINTER);
    CHECK_ERR(lineInitializeExW(&h, NULL, NULL, NULL, &numDevs, &ver, NULL), LINEERR_INVALPOINTER);
    p.dwTotalSize = sizeof p - 1;
    CHECK_ERR(lineInitializeExW(&h, NULL, NULL, NULL, &numDevs, &ver, &p), LINEERR_STRUCTURETOOSMALL);
    p.dwTotalSize = sizeof p;
    p.dwOptions = LINEINITIALIZEEXOPTION_USEHIDDENWINDOW;
    CHECK_ERR(lineInitializeExW(&h, NULL, NULL, NULL, &numDevs, &ver, &p), LINEERR_OPERATIONUNAVAIL);
    p.dwOptions = LINEINITIALIZEEXOPTION_USECOMPLETIONPORT;
    CHECK_ERR(lineInitializeExW(&h, NULL, NULL, NULL, &numDevs, &ver, &p), LINEERR_OPERATIONUNAVAIL);
    p.dwOptions = 0;
    CHECK_ERR(lineInitializeExW(&h, NULL, NULL, NULL, &numDevs, &ver, &p), LINEERR_INVALPARAM);
    p.dwOptions = 7;
    CHECK_ERR(lineInitializeExW(&h, NULL, NULL, NULL, &numDevs, &ver, &p), LINEERR_INVALPARAM);
    p.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT | LINEINITIALIZEEXOPTION_CALLHUBTRACKING;
    CHECK_EQ(lineInitializeExW(&h, NULL, NULL, NULL, &numDevs, &ver, &p), 0);
    CHECK_EQ(lineShutdown(h), 0);
}

TEST(shutdown_errors_and_stale_app_handle)
{
    CHECK_ERR(lineShutdown(0x12345), LINEERR_UNINITIALIZED);
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    CHECK(a != b);
    CHECK_ERR(lineShutdown(0x12345), LINEERR_INVALAPPHANDLE);
    CHECK_EQ(lineShutdown(a), 0);
    CHECK_ERR(lineShutdown(a), LINEERR_INVALAPPHANDLE);        /* b still alive */
    HLINE line = 0;
    CHECK_ERR(lineOpenW(a, 0, &line, V31, 0, 0, LINECALLPRIVILEGE_NONE, 0, NULL), LINEERR_INVALAPPHANDLE);
    CHECK_EQ(lineShutdown(b), 0);
    CHECK_ERR(lineShutdown(b), LINEERR_UNINITIALIZED);         /* nobody left */
}

/* ---- lineNegotiateAPIVersion ------------------------------------------------------------ */

TEST(negotiate_picks_highest_in_range)
{
    HLINEAPP app = init_app("neg");
    DWORD v = 0;
    LINEEXTENSIONID ext;
    memset(&ext, 0xAB, sizeof ext);
    CHECK_EQ(lineNegotiateAPIVersion(app, 0, V14, V31, &v, &ext), 0);
    CHECK_EQ(v, V31);
    CHECK_EQ(ext.dwExtensionID0, 0);
    CHECK_EQ(ext.dwExtensionID3, 0);
    CHECK_EQ(lineNegotiateAPIVersion(app, 3, 0x00010000, V22, &v, &ext), 0);
    CHECK_EQ(v, V22);
    CHECK_EQ(lineNegotiateAPIVersion(app, 1, V14, V14, &v, &ext), 0);
    CHECK_EQ(v, V14);
    CHECK_EQ(lineNegotiateAPIVersion(app, 1, V20, 0x0002FFFF, &v, &ext), 0);
    CHECK_EQ(v, V22);
    CHECK_EQ(lineNegotiateAPIVersion(app, 1, 0x00040000, 0x00050000, &v, &ext), (LONG)LINEERR_INCOMPATIBLEAPIVERSION);
    CHECK_ERR(lineNegotiateAPIVersion(app, 1, 0x00010000, 0x00010002, &v, &ext), LINEERR_INCOMPATIBLEAPIVERSION);
    CHECK_ERR(lineNegotiateAPIVersion(app, 1, V31, V14, &v, &ext), LINEERR_INCOMPATIBLEAPIVERSION);
    CHECK_ERR(lineNegotiateAPIVersion(app, 4, V14, V31, &v, &ext), LINEERR_BADDEVICEID);
    CHECK_ERR(lineNegotiateAPIVersion(app, 0, V14, V31, NULL, &ext), LINEERR_INVALPOINTER);
    CHECK_ERR(lineNegotiateAPIVersion(app, 0, V14, V31, &v, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(lineNegotiateAPIVersion(app + 1000, 0, V14, V31, &v, &ext), LINEERR_INVALAPPHANDLE);
}

/* ---- lineGetDevCapsW -------------------------------------------------------------------- */

TEST(devcaps_fixed_sizes_per_version)
{
    HLINEAPP app = init_app("caps");
    static const struct { DWORD ver, fixed; } rows[] = {
        { V14, 240 }, { V20, 252 }, { 0x00020001, 252 }, { V22, 268 }, { V30, 292 }, { V31, 292 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        unsigned char buf[4096];
        memset(buf, 0xEE, sizeof buf);
        LINEDEVCAPS *dc = (LINEDEVCAPS *)buf;
        dc->dwTotalSize = rows[i].fixed - 1;
        CHECK_ERR(lineGetDevCapsW(app, 0, rows[i].ver, 0, dc), LINEERR_STRUCTURETOOSMALL);
        CHECK_EQ(buf[8], 0xEE); /* nothing else written */
        dc->dwTotalSize = rows[i].fixed;
        CHECK_EQ(lineGetDevCapsW(app, 0, rows[i].ver, 0, dc), 0);
        CHECK_EQ(dc->dwUsedSize, rows[i].fixed);
        CHECK(dc->dwNeededSize > rows[i].fixed);  /* the strings did not fit */
        CHECK_EQ(dc->dwLineNameSize, 0);
        CHECK_EQ(dc->dwLineNameOffset, 0);
        CHECK_EQ(buf[rows[i].fixed], 0xEE);       /* nothing past dwTotalSize */
        DWORD needed = dc->dwNeededSize;
        dc->dwTotalSize = needed;
        CHECK_EQ(lineGetDevCapsW(app, 0, rows[i].ver, 0, dc), 0);
        CHECK_EQ(dc->dwNeededSize, needed);
        CHECK_EQ(dc->dwUsedSize, needed);
        CHECK(dc->dwLineNameOffset >= rows[i].fixed);
    }
}

TEST(devcaps_content)
{
    HLINEAPP app = init_app("caps");
    unsigned char buf[4096];
    memset(buf, 0, sizeof buf);
    LINEDEVCAPS *dc = (LINEDEVCAPS *)buf;
    dc->dwTotalSize = sizeof buf;
    CHECK_EQ(lineGetDevCapsW(app, 2, V31, 0, dc), 0);
    char name[64];
    wide_to_ascii(buf, dc->dwLineNameOffset, dc->dwLineNameSize, name, sizeof name);
    CHECK(strcmp(name, "Simulated line 102") == 0);
    CHECK_EQ(dc->dwLineNameSize, (strlen("Simulated line 102") + 1) * 2);
    CHECK_EQ(dc->dwStringFormat, STRINGFORMAT_UNICODE);
    CHECK_EQ(dc->dwNumAddresses, 1);
    CHECK(dc->dwMediaModes & LINEMEDIAMODE_INTERACTIVEVOICE);
    CHECK(dc->dwLineStates & LINEDEVSTATE_NUMCOMPLETIONS);
    CHECK(dc->dwLineStates & LINEDEVSTATE_COMPLCANCEL);
    CHECK(dc->dwLineStates & LINEDEVSTATE_RINGING);
    CHECK_EQ(dc->dwLineFeatures, LINEFEATURE_MAKECALL);
    CHECK_EQ(dc->dwAddressTypes, LINEADDRESSTYPE_PHONENUMBER);
    CHECK(dc->dwDeviceClassesSize > 0);
    CHECK(strcmp((const char *)buf + dc->dwDeviceClassesOffset, "tapi/line") == 0);
    CHECK_EQ(dc->dwUsedSize, dc->dwNeededSize);
}

TEST(devcaps_errors)
{
    LINEDEVCAPS dc;
    memset(&dc, 0, sizeof dc);
    dc.dwTotalSize = sizeof dc;
    CHECK_ERR(lineGetDevCapsW(1, 0, V31, 0, &dc), LINEERR_UNINITIALIZED);
    HLINEAPP app = init_app("caps");
    CHECK_ERR(lineGetDevCapsW(app, 0, V31, 0, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(lineGetDevCapsW(app + 77, 0, V31, 0, &dc), LINEERR_INVALAPPHANDLE);
    CHECK_ERR(lineGetDevCapsW(app, 4, V31, 0, &dc), LINEERR_BADDEVICEID);
    CHECK_ERR(lineGetDevCapsW(app, 0xFFFFFFFF, V31, 0, &dc), LINEERR_BADDEVICEID);
    CHECK_ERR(lineGetDevCapsW(app, 0, 0x00010002, 0, &dc), LINEERR_INCOMPATIBLEAPIVERSION);
    CHECK_ERR(lineGetDevCapsW(app, 0, 0x00020003, 0, &dc), LINEERR_INCOMPATIBLEAPIVERSION);
    CHECK_ERR(lineGetDevCapsW(app, 0, 0x00030002, 0, &dc), LINEERR_INCOMPATIBLEAPIVERSION);
    CHECK_ERR(lineGetDevCapsW(app, 0, V31, 1, &dc), LINEERR_INCOMPATIBLEEXTVERSION);
    dc.dwTotalSize = 0;
    CHECK_ERR(lineGetDevCapsW(app, 0, V31, 0, &dc), LINEERR_STRUCTURETOOSMALL);
}

/* ---- lineGetAddressCapsW ---------------------------------------------------------------- */

TEST(addresscaps_completion_fields_and_texts)
{
    HLINEAPP app = init_app("caps");
    unsigned char buf[4096];
    memset(buf, 0, sizeof buf);
    LINEADDRESSCAPS *ac = (LINEADDRESSCAPS *)buf;
    ac->dwTotalSize = sizeof buf;
    CHECK_EQ(lineGetAddressCapsW(app, 1, 0, V31, 0, ac), 0);
    CHECK_EQ(ac->dwLineDeviceID, 1);
    char text[64];
    wide_to_ascii(buf, ac->dwAddressOffset, ac->dwAddressSize, text, sizeof text);
    CHECK(strcmp(text, "101") == 0);
    CHECK_EQ(ac->dwMaxCallCompletions, 4);
    CHECK_EQ(ac->dwCallCompletionModes, LINECALLCOMPLMODE_CAMPON | LINECALLCOMPLMODE_CALLBACK
                                        | LINECALLCOMPLMODE_INTRUDE | LINECALLCOMPLMODE_MESSAGE);
    CHECK_EQ(ac->dwCallCompletionConds, LINECALLCOMPLCOND_BUSY | LINECALLCOMPLCOND_NOANSWER);
    CHECK_EQ(ac->dwNumCompletionMessages, 3);
    CHECK_EQ(ac->dwCompletionMsgTextSize, 3 * ac->dwCompletionMsgTextEntrySize);
    CHECK(ac->dwCompletionMsgTextOffset >= 228);
    CHECK(ac->dwCompletionMsgTextEntrySize % 2 == 0);
    const char *expected[] = { "Please call me back", "I will call again later", "Urgent: please call me" };
    for (DWORD i = 0; i < 3; i++) {
        wide_to_ascii(buf, ac->dwCompletionMsgTextOffset + i * ac->dwCompletionMsgTextEntrySize,
                      ac->dwCompletionMsgTextEntrySize, text, sizeof text);
        CHECK(strcmp(text, expected[i]) == 0);
    }
    CHECK_EQ(ac->dwBusyModes, LINEBUSYMODE_STATION);
    CHECK(ac->dwCallStates & LINECALLSTATE_BUSY);
    CHECK(ac->dwCallStates & LINECALLSTATE_RINGBACK);
    CHECK(ac->dwAddressFeatures & LINEADDRFEATURE_MAKECALL);
    CHECK_EQ(ac->dwUsedSize, ac->dwNeededSize);
}

TEST(addresscaps_sizes_and_errors)
{
    HLINEAPP app = init_app("caps");
    static const struct { DWORD ver, fixed; } rows[] = { { V14, 180 }, { V20, 228 }, { V31, 228 } };
    for (size_t i = 0; i < 3; i++) {
        unsigned char buf[1024];
        memset(buf, 0, sizeof buf);
        LINEADDRESSCAPS *ac = (LINEADDRESSCAPS *)buf;
        ac->dwTotalSize = rows[i].fixed - 4;
        CHECK_ERR(lineGetAddressCapsW(app, 0, 0, rows[i].ver, 0, ac), LINEERR_STRUCTURETOOSMALL);
        ac->dwTotalSize = rows[i].fixed;
        CHECK_EQ(lineGetAddressCapsW(app, 0, 0, rows[i].ver, 0, ac), 0);
        CHECK_EQ(ac->dwUsedSize, rows[i].fixed);
        CHECK(ac->dwNeededSize > rows[i].fixed);
        CHECK_EQ(ac->dwMaxCallCompletions, 4);    /* fixed part complete even when short */
        CHECK_EQ(ac->dwCompletionMsgTextSize, 0);
        CHECK_EQ(ac->dwCompletionMsgTextOffset, 0);
    }
    LINEADDRESSCAPS ac;
    memset(&ac, 0, sizeof ac);
    ac.dwTotalSize = sizeof ac;
    CHECK_ERR(lineGetAddressCapsW(app, 0, 1, V31, 0, &ac), LINEERR_INVALADDRESSID);
    CHECK_ERR(lineGetAddressCapsW(app, 9, 0, V31, 0, &ac), LINEERR_BADDEVICEID);
    CHECK_ERR(lineGetAddressCapsW(app, 0, 0, 0x00010002, 0, &ac), LINEERR_INCOMPATIBLEAPIVERSION);
    CHECK_ERR(lineGetAddressCapsW(app, 0, 0, V31, 5, &ac), LINEERR_INCOMPATIBLEEXTVERSION);
    CHECK_ERR(lineGetAddressCapsW(app, 0, 0, V31, 0, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(lineGetAddressCapsW(app ^ 0x40000000, 0, 0, V31, 0, &ac), LINEERR_INVALAPPHANDLE);
}

/* ---- lineOpenW / lineClose -------------------------------------------------------------- */

TEST(open_and_close)
{
    HLINEAPP app = init_app("open");
    HLINE a = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 11);
    HLINE b = open_line(app, 0, V14, LINECALLPRIVILEGE_MONITOR, 12);
    HLINE c = open_line(app, 3, V20, LINECALLPRIVILEGE_NONE, 13);
    HLINE d = open_line(app, 1, V20, LINECALLPRIVILEGE_OWNER | LINECALLPRIVILEGE_MONITOR, 14);
    CHECK(a != b && b != c && c != d && a != app);
    CHECK_EQ(lineClose(a), 0);
    CHECK_ERR(lineClose(a), LINEERR_INVALLINEHANDLE);
    CHECK_EQ(lineClose(b), 0);
    CHECK_EQ(lineClose(c), 0);
    CHECK_EQ(lineClose(d), 0);
    CHECK_ERR(lineClose(app), LINEERR_INVALLINEHANDLE); /* an app handle is not a line handle */
}

TEST(open_errors)
{
    HLINE h = 0;
    CHECK_ERR(lineOpenW(1, 0, &h, V31, 0, 0, LINECALLPRIVILEGE_NONE, 0, NULL), LINEERR_UNINITIALIZED);
    HLINEAPP app = init_app("open");
    CHECK_ERR(lineOpenW(app, 0, NULL, V31, 0, 0, LINECALLPRIVILEGE_NONE, 0, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(lineOpenW(app + 3, 0, &h, V31, 0, 0, LINECALLPRIVILEGE_NONE, 0, NULL), LINEERR_INVALAPPHANDLE);
    CHECK_ERR(lineOpenW(app, 4, &h, V31, 0, 0, LINECALLPRIVILEGE_NONE, 0, NULL), LINEERR_BADDEVICEID);
    CHECK_ERR(lineOpenW(app, LINEMAPPER, &h, V31, 0, 0, LINECALLPRIVILEGE_OWNER,
                        LINEMEDIAMODE_INTERACTIVEVOICE, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(lineOpenW(app, 0, &h, 0x00040000, 0, 0, LINECALLPRIVILEGE_NONE, 0, NULL), LINEERR_INCOMPATIBLEAPIVERSION);
    CHECK_ERR(lineOpenW(app, 0, &h, V31, 2, 0, LINECALLPRIVILEGE_NONE, 0, NULL), LINEERR_INCOMPATIBLEEXTVERSION);
    CHECK_ERR(lineOpenW(app, 0, &h, V31, 0, 0, 0, 0, NULL), LINEERR_INVALPRIVSELECT);
    CHECK_ERR(lineOpenW(app, 0, &h, V31, 0, 0, LINECALLPRIVILEGE_NONE | LINECALLPRIVILEGE_OWNER,
                        LINEMEDIAMODE_INTERACTIVEVOICE, NULL), LINEERR_INVALPRIVSELECT);
    CHECK_ERR(lineOpenW(app, 0, &h, V31, 0, 0, 0x100, 0, NULL), LINEERR_INVALPRIVSELECT);
    CHECK_ERR(lineOpenW(app, 0, &h, V14, 0, 0, LINECALLPRIVILEGE_OWNER | LINEOPENOPTION_SINGLEADDRESS,
                        LINEMEDIAMODE_INTERACTIVEVOICE, NULL), LINEERR_INVALPRIVSELECT);
    CHECK_ERR(lineOpenW(app, 0, &h, V31, 0, 0, LINECALLPRIVILEGE_OWNER, 0, NULL), LINEERR_INVALMEDIAMODE);
    CHECK_ERR(lineOpenW(app, 0, &h, V31, 0, 0, LINECALLPRIVILEGE_OWNER, LINEMEDIAMODE_G3FAX, NULL),
              LINEERR_INVALMEDIAMODE);
    CHECK_ERR(lineOpenW(app, 0, &h, V31, 0, 0, LINECALLPRIVILEGE_OWNER | LINEOPENOPTION_SINGLEADDRESS,
                        LINEMEDIAMODE_INTERACTIVEVOICE, NULL), LINEERR_INVALPOINTER);
    LINECALLPARAMS cp;
    memset(&cp, 0, sizeof cp);
    cp.dwTotalSize = sizeof cp;
    cp.dwAddressMode = LINEADDRESSMODE_ADDRESSID;
    cp.dwAddressID = 1;
    CHECK_ERR(lineOpenW(app, 0, &h, V31, 0, 0, LINECALLPRIVILEGE_OWNER | LINEOPENOPTION_SINGLEADDRESS,
                        LINEMEDIAMODE_INTERACTIVEVOICE, &cp), LINEERR_INVALADDRESSID);
    cp.dwTotalSize = 16;
    CHECK_ERR(lineOpenW(app, 0, &h, V31, 0, 0, LINECALLPRIVILEGE_OWNER | LINEOPENOPTION_SINGLEADDRESS,
                        LINEMEDIAMODE_INTERACTIVEVOICE, &cp), LINEERR_STRUCTURETOOSMALL);
    cp.dwTotalSize = sizeof cp;
    cp.dwAddressID = 0;
    CHECK_EQ(lineOpenW(app, 0, &h, V31, 0, 0, LINECALLPRIVILEGE_OWNER | LINEOPENOPTION_SINGLEADDRESS,
                       LINEMEDIAMODE_INTERACTIVEVOICE, &cp), 0);
    CHECK_ERR(lineOpenW(app, 0, &h, V31, 0, 0, LINECALLPRIVILEGE_OWNER | LINEOPENOPTION_PROXY,
                        LINEMEDIAMODE_INTERACTIVEVOICE, NULL), LINEERR_OPERATIONUNAVAIL);
}

TEST(open_close_status_messages_only_when_enabled)
{
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    HLINE la = open_line(a, 0, V31, LINECALLPRIVILEGE_MONITOR, 0xA);
    HLINE lb = open_line(b, 0, V31, LINECALLPRIVILEGE_OWNER, 0xB);
    EXPECT_NO_MSG(a);                     /* OPEN not enabled */
    CHECK_EQ(lineClose(lb), 0);
    EXPECT_NO_MSG(a);
    CHECK_EQ(lineSetStatusMessages(la, LINEDEVSTATE_OPEN | LINEDEVSTATE_CLOSE, 0), 0);
    lb = open_line(b, 0, V31, LINECALLPRIVILEGE_OWNER, 0xB);
    EXPECT_MSG(a, la, LINE_LINEDEVSTATE, LINEDEVSTATE_OPEN, 0, 0);
    CHECK_EQ(lineClose(lb), 0);
    EXPECT_MSG(a, la, LINE_LINEDEVSTATE, LINEDEVSTATE_CLOSE, 0, 0);
    EXPECT_NO_MSG(a);
    EXPECT_NO_MSG(b);
}

TEST(set_status_messages_errors)
{
    HLINEAPP app = init_app("s");
    HLINE l = open_line(app, 0, V31, LINECALLPRIVILEGE_NONE, 0);
    CHECK_ERR(lineSetStatusMessages(l, 0x02000000, 0), LINEERR_INVALLINESTATE);
    CHECK_ERR(lineSetStatusMessages(l, 0, 0x00000200), LINEERR_INVALADDRESSSTATE);
    CHECK_ERR(lineSetStatusMessages(l + 1000, 0, 0), LINEERR_INVALLINEHANDLE);
    CHECK_EQ(lineSetStatusMessages(l, LINEDEVSTATE_NUMCOMPLETIONS | LINEDEVSTATE_COMPLCANCEL, 0), 0);
}

TEST(line_dev_status)
{
    HLINEAPP app = init_app("s");
    HLINE l14 = open_line(app, 1, V14, LINECALLPRIVILEGE_OWNER, 0);
    HLINE l31 = open_line(app, 1, V31, LINECALLPRIVILEGE_MONITOR, 0);
    LINEDEVSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = 76;
    CHECK_EQ(lineGetLineDevStatusW(l14, &st), 0);
    CHECK_EQ(st.dwUsedSize, 76);
    CHECK_EQ(st.dwNumOpens, 2);
    CHECK_EQ(st.dwOpenMediaModes, LINEMEDIAMODE_INTERACTIVEVOICE);
    CHECK_EQ(st.dwNumActiveCalls, 0);
    CHECK_EQ(st.dwNumCallCompletions, 0);
    CHECK(st.dwDevStatusFlags & LINEDEVSTATUSFLAGS_INSERVICE);
    CHECK_ERR(lineGetLineDevStatusW(l31, &st), LINEERR_STRUCTURETOOSMALL);  /* 88 for 2.0+ */
    st.dwTotalSize = sizeof st;
    CHECK_EQ(lineGetLineDevStatusW(l31, &st), 0);
    CHECK_EQ(st.dwUsedSize, 88);
    CHECK(st.dwAvailableMediaModes & LINEMEDIAMODE_INTERACTIVEVOICE);
    CHECK_ERR(lineGetLineDevStatusW(l31, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(lineGetLineDevStatusW(0, &st), LINEERR_INVALLINEHANDLE);
}

/* ---- lineGetMessage --------------------------------------------------------------------- */

TEST(get_message_timeout_and_errors)
{
    HLINEAPP app = init_app("m");
    LINEMESSAGE m;
    CHECK_ERR(lineGetMessage(app, &m, 0), LINEERR_OPERATIONFAILED);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CHECK_ERR(lineGetMessage(app, &m, 50), LINEERR_OPERATIONFAILED);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long elapsed = (t1.tv_sec - t0.tv_sec) * 1000L + (t1.tv_nsec - t0.tv_nsec) / 1000000L;
    CHECK(elapsed >= 49); /* waited (a lower bound only: no upper bound on a shared machine) */
    CHECK_ERR(lineGetMessage(app, NULL, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(lineGetMessage(app + 5, &m, 0), LINEERR_INVALAPPHANDLE);
}

struct waiter { HLINEAPP app; LONG result; };

static void *wait_forever(void *arg)
{
    struct waiter *w = arg;
    LINEMESSAGE m;
    w->result = lineGetMessage(w->app, &m, INFINITE);
    return NULL;
}

TEST(get_message_woken_by_shutdown)
{
    HLINEAPP app = init_app("m");
    struct waiter w[2] = { { app, 1 }, { app, 1 } };
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, wait_forever, &w[i]);
    struct timespec pause = { 0, 50 * 1000000L };
    nanosleep(&pause, NULL); /* let both block; correctness does not depend on it */
    CHECK_EQ(lineShutdown(app), 0);
    for (int i = 0; i < 2; i++) {
        pthread_join(t[i], NULL);
        CHECK_ERR(w[i].result, LINEERR_INVALAPPHANDLE);
    }
}

TEST(get_message_woken_by_reset)
{
    HLINEAPP app = init_app("m");
    struct waiter w = { app, 1 };
    pthread_t t;
    pthread_create(&t, NULL, wait_forever, &w);
    struct timespec pause = { 0, 20 * 1000000L };
    nanosleep(&pause, NULL);
    CHECK_EQ(tapisim_reset(), 0);
    pthread_join(t, NULL);
    CHECK_ERR(w.result, LINEERR_INVALAPPHANDLE);
}

struct poster { HLINEAPP app; HLINE line; };

static void *post_later(void *arg)
{
    struct poster *p = arg;
    struct timespec pause = { 0, 30 * 1000000L };
    nanosleep(&pause, NULL);
    HCALL c = 0;
    make_call(p->line, "555", &c);
    return NULL;
}

TEST(get_message_woken_by_message)
{
    HLINEAPP app = init_app("m");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 0x77);
    struct poster p = { app, line };
    pthread_t t;
    pthread_create(&t, NULL, post_later, &p);
    LINEMESSAGE m;
    CHECK_EQ(lineGetMessage(app, &m, INFINITE), 0);
    CHECK_EQ(m.dwMessageID, LINE_REPLY);
    CHECK_EQ(m.dwCallbackInstance, 0x77);
    pthread_join(t, NULL);
}

/* ---- control API ------------------------------------------------------------------------ */

TEST(control_api)
{
    CHECK_EQ(tapisim_now(), 0);
    CHECK_EQ(tapisim_advance(1500), 0);
    CHECK_EQ(tapisim_now(), 1500);
    CHECK_ERR(tapisim_advance(0xFFFFFFFFu), LINEERR_INVALPARAM);
    CHECK_EQ(tapisim_now(), 1500);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    CHECK_EQ(tapisim_set_station("100", TAPISIM_STATION_NOANSWER), 0);
    CHECK_ERR(tapisim_set_station(NULL, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_set_station("", 0), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_set_station("12 34", 0), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_set_station("1234567890123456789012345678901234", 0), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_set_station("201", TAPISIM_STATION_MANUAL + 1), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_fail_next(NULL, LINEERR_NOMEM), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_fail_next("lineGetMessage", LINEERR_NOMEM), LINEERR_OPERATIONUNAVAIL);
    CHECK_ERR(tapisim_fail_next("lineMakeCall", 0), LINEERR_INVALPARAM);
    CHECK_EQ(tapisim_fail_next("lineMakeCallW", LINEERR_RESOURCEUNAVAIL), 0);
    CHECK_EQ(tapisim_reset(), 0);
    CHECK_EQ(tapisim_now(), 0);
    char small[4];
    DWORD needed = 0;
    CHECK_EQ(tapisim_trace(small, sizeof small, &needed), 0); /* empty trace: "" fits */
    CHECK_EQ(needed, 1);
    CHECK_EQ(small[0], '\0');
}

TEST(trace_too_small_copies_nothing)
{
    init_app("t");
    DWORD needed = 0;
    char buf[8];
    memset(buf, 'x', sizeof buf);
    CHECK_ERR(tapisim_trace(buf, sizeof buf, &needed), LINEERR_STRUCTURETOOSMALL);
    CHECK(needed > sizeof buf);
    CHECK_EQ(buf[0], 'x');
    CHECK_ERR(tapisim_trace(NULL, 0, NULL), LINEERR_STRUCTURETOOSMALL);
    CHECK_EQ(tapisim_trace_clear(), 0);
    CHECK_EQ(tapisim_trace(buf, sizeof buf, &needed), 0);
    CHECK_EQ(needed, 1);
}

TEST(trace_can_be_switched_off)
{
    CHECK_EQ(tapisim_set_option("trace", 0), 0);
    HLINEAPP app = init_app("quiet");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 0);
    HCALL call = 0;
    CHECK(make_call(line, "201", &call) > 0);
    DWORD needed = 0;
    CHECK_EQ(tapisim_trace(NULL, 0, &needed) == 0 || needed == 1, 1);
    CHECK_EQ(needed, 1);                                /* nothing recorded */
    CHECK_EQ(tapisim_set_option("trace", 1), 0);
    CHECK(lineDrop(call, NULL, 0) > 0);
    char *t = trace_text();
    CHECK(t != NULL && strstr(t, "lineDrop(") != NULL && strstr(t, "lineMakeCallW(") == NULL);
    free(t);
    CHECK_ERR(tapisim_set_option("trace", 2), LINEERR_INVALPARAM);
    CHECK_EQ(tapisim_reset(), 0);
    CHECK(make_call(line, "201", &call) != 0);          /* (stale line) but traced again */
    t = trace_text();
    CHECK(t != NULL && strstr(t, "lineMakeCallW(") != NULL);
    free(t);
}

TEST(unimplemented_exports_say_so)
{
    HLINEAPP app = init_app("u");
    HLINE line = open_line(app, 0, V31, LINECALLPRIVILEGE_OWNER, 0);
    HCALL call = 0;
    CHECK(make_call(line, "555", &call) > 0);
    CHECK_ERR(lineSetAppSpecific(call, 1), LINEERR_OPERATIONUNAVAIL);
    CHECK_ERR(lineDialA(call, NULL, 0), LINEERR_OPERATIONUNAVAIL);
    CHECK_ERR(lineGetNewCalls(line, 0, 1, NULL), LINEERR_OPERATIONUNAVAIL);
    CHECK_ERR(lineGetCallInfo(call, NULL), LINEERR_OPERATIONUNAVAIL);
    CHECK_ERR(lineOpen(app, 0, NULL, V31, 0, 0, 0, 0, NULL), LINEERR_OPERATIONUNAVAIL);
    CHECK_ERR(lineInitialize(NULL, NULL, NULL, NULL, NULL), LINEERR_OPERATIONUNAVAIL);
}

TEST(probes_report_what_the_compiler_sees)
{
    LONG v = 0;
    CHECK_EQ(tapisim_constant("LINEERR_INVALCALLHANDLE", &v), 0);
    CHECK_EQ(v, (LONG)0x80000018);
    CHECK_EQ(tapisim_constant("LINECALLCOMPLMODE_MESSAGE", &v), 0);
    CHECK_EQ(v, 8);
    CHECK_EQ(tapisim_constant("LINE_APPNEWCALL", &v), 0);
    CHECK_EQ(v, 23);
    CHECK_ERR(tapisim_constant("LINEERR_NOSUCHTHING", &v), LINEERR_OPERATIONUNAVAIL);
    CHECK_ERR(tapisim_constant(NULL, &v), LINEERR_INVALPOINTER);
    DWORD off = 0, size = 0;
    CHECK_EQ(tapisim_layout("LINECALLINFO", "dwCompletionID", &off, &size), 0);
    CHECK_EQ(off, 88);
    CHECK_EQ(size, 4);
    CHECK_EQ(tapisim_layout("LINECALLINFO", NULL, &off, &size), 0);
    CHECK_EQ(size, 344);
    CHECK_EQ(tapisim_layout("LINEMESSAGE", "dwParam3", &off, &size), 0);
    CHECK_EQ(off, sizeof(void *) == 8 ? 32 : 20);
    CHECK_EQ(size, sizeof(void *));
    CHECK_EQ(tapisim_layout("LINECALLSTATUS", "tStateEntryTime", &off, &size), 0);
    CHECK_EQ(off, 40);
    CHECK_EQ(size, 16);
    CHECK_ERR(tapisim_layout("LINECALLINFO", "dwNoSuchField", &off, &size), LINEERR_OPERATIONUNAVAIL);
    CHECK_ERR(tapisim_layout("NOSTRUCT", NULL, &off, &size), LINEERR_OPERATIONUNAVAIL);
    CHECK_ERR(tapisim_layout("LINECALLINFO", "dwReason", NULL, &size), LINEERR_INVALPOINTER);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(initialize_success_fills_outputs), T(initialize_rejects_bad_arguments),
        T(shutdown_errors_and_stale_app_handle), T(negotiate_picks_highest_in_range),
        T(devcaps_fixed_sizes_per_version), T(devcaps_content), T(devcaps_errors),
        T(addresscaps_completion_fields_and_texts), T(addresscaps_sizes_and_errors),
        T(open_and_close), T(open_errors), T(open_close_status_messages_only_when_enabled),
        T(set_status_messages_errors), T(line_dev_status), T(get_message_timeout_and_errors),
        T(get_message_woken_by_shutdown), T(get_message_woken_by_reset),
        T(get_message_woken_by_message), T(control_api), T(trace_too_small_copies_nothing),
        T(unimplemented_exports_say_so), T(probes_report_what_the_compiler_sees),
        T(trace_can_be_switched_off),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
