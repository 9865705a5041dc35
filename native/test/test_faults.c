/*
 * Fault injection (tapisim_fail_next): which call takes a fault and which leaves it armed, the
 * synchronous functions failing once and changing nothing, and the arguments it accepts.
 */
#include "sim_test.h"

#include <stdint.h>

#define V31 0x00030001u
#define OWNER   LINECALLPRIVILEGE_OWNER
#define MONITOR LINECALLPRIVILEGE_MONITOR
#define CAMPON  LINECALLCOMPLMODE_CAMPON
#define SENTINEL 0x5A5A5A5Au

/* A structure buffer: a pattern behind dwTotalSize, and a copy to show that nothing was
 * written. */
static union { uint64_t align; unsigned char b[4096]; } g_buf, g_copy;

static void *pattern(DWORD totalSize)
{
    memset(g_buf.b, 0xA5, sizeof g_buf.b);
    memcpy(g_buf.b, &totalSize, sizeof totalSize);
    memcpy(g_copy.b, g_buf.b, sizeof g_buf.b);
    return g_buf.b;
}

static int untouched(void)
{
    return memcmp(g_buf.b, g_copy.b, sizeof g_buf.b) == 0;
}

/* dwUsedSize of a Get structure: past dwTotalSize and dwNeededSize. */
static DWORD used_size(void)
{
    DWORD used;
    memcpy(&used, g_buf.b + 2 * sizeof(DWORD), sizeof used);
    return used;
}

/* Drains the queue of `app`; whether it held `msg` with dwParam1 `p1`. */
static int drained_msg(HLINEAPP app, DWORD msg, DWORD p1)
{
    int seen = 0;
    LINEMESSAGE m;
    while (next_msg(app, &m))
        seen |= m.dwMessageID == msg && (DWORD)m.dwParam1 == p1;
    return seen;
}

static HCALL call_to(HLINEAPP app, HLINE line, const char *number, DWORD stationState)
{
    CHECK_EQ(tapisim_set_station(number, stationState), 0);
    HCALL call = 0;
    CHECK(make_call(line, number, &call) > 0);
    drain(app);
    return call;
}

/* ---- which call takes the fault --------------------------------------------------------- */

/* The defect: a completion request that passed the synchronous checks but that the switch
 * would refuse left the fault armed, and it then failed the next, valid, request. */
TEST(fault_not_left_armed_by_a_completion_request_the_switch_refuses)
{
    for (DWORD literal = 0; literal <= 1; literal++) {
        tapisim_reset();
        CHECK_EQ(tapisim_set_option("error_delivery", literal), 0);
        HLINEAPP app = init_app("f");
        HLINE line = open_line(app, 0, V31, OWNER, 0);
        HCALL proceeding = call_to(app, line, "201", TAPISIM_STATION_PROCEEDING);
        HCALL busy = call_to(app, line, "202", TAPISIM_STATION_BUSY);
        DWORD id = SENTINEL;
        /* Without a fault the switch refuses the PROCEEDING call. */
        LONG r = lineCompleteCall(proceeding, &id, CAMPON, 0);
        if (literal) {
            CHECK_ERR(r, LINEERR_INVALCALLSTATE);
        } else {
            CHECK(r > 0);
            EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, (DWORD)LINEERR_INVALCALLSTATE, 0);
        }
        /* With one, that request takes it, in both delivery modes. */
        CHECK_EQ(tapisim_fail_next("lineCompleteCall", LINEERR_RESOURCEUNAVAIL), 0);
        r = lineCompleteCall(proceeding, &id, CAMPON, 0);
        CHECK(r > 0);
        EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, (DWORD)LINEERR_RESOURCEUNAVAIL, 0);
        CHECK_EQ(id, SENTINEL);
        /* ... and the next request is the switch's to answer. */
        r = lineCompleteCall(busy, &id, CAMPON, 0);
        CHECK(r > 0);
        EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, 0, 0);
        CHECK_EQ(id, 1);
        drain(app);

        CHECK_EQ(tapisim_fail_next("lineUncompleteCallW", LINEERR_OPERATIONFAILED), 0);
        r = lineUncompleteCall(line, 999); /* no such completion */
        CHECK(r > 0);
        EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, (DWORD)LINEERR_OPERATIONFAILED, 0);
        r = lineUncompleteCall(line, 1);
        CHECK(r > 0);
        EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, 0, 0);
        drain(app);
        r = lineUncompleteCall(line, 998);
        if (literal) {
            CHECK_ERR(r, LINEERR_INVALCOMPLETIONID);
        } else {
            CHECK(r > 0);
            EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, (DWORD)LINEERR_INVALCOMPLETIONID, 0);
        }
    }
}

/* The other asynchronous functions: an accepted request takes the fault whatever the switch
 * would have answered. */
TEST(fault_replaces_the_switch_answer_of_an_accepted_request)
{
    HLINEAPP app = init_app("f");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_fail_next("lineMakeCall", LINEERR_NOMEM), 0);
    HCALL call = SENTINEL;
    LONG r = make_call(line, "12 34", &call); /* not dialable */
    CHECK(r > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, (DWORD)LINEERR_NOMEM, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(call, SENTINEL);
    r = make_call(line, "12 34", &call);
    CHECK(r > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, (DWORD)LINEERR_INVALADDRESS, 0);

    call = call_to(app, line, "201", TAPISIM_STATION_IDLE); /* RINGBACK: cannot be answered */
    CHECK_EQ(tapisim_fail_next("lineAnswer", LINEERR_OPERATIONFAILED), 0);
    r = lineAnswer(call, NULL, 0);
    CHECK(r > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, (DWORD)LINEERR_OPERATIONFAILED, 0);
    r = lineAnswer(call, NULL, 0);
    CHECK(r > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, (DWORD)LINEERR_INVALCALLSTATE, 0);

    r = lineDrop(call, NULL, 0);
    CHECK(r > 0);
    drain(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_IDLE);
    CHECK_EQ(tapisim_fail_next("lineDrop", LINEERR_RESOURCEUNAVAIL), 0);
    r = lineDrop(call, NULL, 0); /* already idle */
    CHECK(r > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, (DWORD)LINEERR_RESOURCEUNAVAIL, 0);
    r = lineDrop(call, NULL, 0);
    CHECK(r > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, (DWORD)LINEERR_INVALCALLSTATE, 0);
}

/* A call refused with a function result never reached the provider: the fault stays armed. */
TEST(fault_stays_armed_after_a_call_refused_with_a_function_result)
{
    HLINEAPP app = init_app("f");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_fail_next("lineMakeCall", LINEERR_NOMEM), 0);
    HCALL call = 0;
    CHECK_ERR(make_call(0x7777, "201", &call), LINEERR_INVALLINEHANDLE);
    CHECK_ERR(make_call(line, "201", NULL), LINEERR_INVALPOINTER);
    LONG r = make_call(line, "201", &call);
    CHECK(r > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, (DWORD)LINEERR_NOMEM, 0);
    CHECK_EQ(call, 0);

    HCALL busy = call_to(app, line, "202", TAPISIM_STATION_BUSY);
    DWORD id = SENTINEL;
    CHECK_EQ(tapisim_fail_next("lineCompleteCall", LINEERR_OPERATIONFAILED), 0);
    CHECK_ERR(lineCompleteCall(busy, NULL, CAMPON, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(lineCompleteCall(0x7777, &id, CAMPON, 0), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineCompleteCall(busy, &id, 0x10, 0), LINEERR_INVALCALLCOMPLMODE);
    r = lineCompleteCall(busy, &id, CAMPON, 0);
    CHECK(r > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, (DWORD)LINEERR_OPERATIONFAILED, 0);
    CHECK_EQ(id, SENTINEL);

    CHECK_EQ(tapisim_fail_next("lineGetCallInfoW", LINEERR_OPERATIONFAILED), 0);
    CHECK_ERR(lineGetCallInfoW(0x7777, pattern(sizeof g_buf.b)), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineGetCallInfoW(busy, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(lineGetCallInfoW(busy, pattern(16)), LINEERR_STRUCTURETOOSMALL);
    CHECK_ERR(lineGetCallInfoW(busy, pattern(sizeof g_buf.b)), LINEERR_OPERATIONFAILED);
    CHECK(untouched());
    CHECK_EQ(lineGetCallInfoW(busy, pattern(sizeof g_buf.b)), 0);

    CHECK_EQ(tapisim_fail_next("lineOpen", LINEERR_RESOURCEUNAVAIL), 0);
    HLINE h = SENTINEL;
    CHECK_ERR(lineOpenW(app, 99, &h, V31, 0, 0, OWNER, LINEMEDIAMODE_INTERACTIVEVOICE, NULL),
              LINEERR_BADDEVICEID);
    CHECK_ERR(lineOpenW(app, 1, &h, 0x00090000u, 0, 0, OWNER, LINEMEDIAMODE_INTERACTIVEVOICE, NULL),
              LINEERR_INCOMPATIBLEAPIVERSION);
    CHECK_ERR(lineOpenW(app, 1, &h, V31, 0, 0, OWNER, LINEMEDIAMODE_INTERACTIVEVOICE, NULL),
              LINEERR_RESOURCEUNAVAIL);
    CHECK_EQ(h, SENTINEL);
    CHECK_EQ(lineOpenW(app, 1, &h, V31, 0, 0, OWNER, LINEMEDIAMODE_INTERACTIVEVOICE, NULL), 0);
    CHECK(h != SENTINEL);
}

/* ---- the synchronous functions: fail once, change nothing, then succeed ----------------- */

TEST(fault_fails_initialize_and_shutdown_once_without_side_effects)
{
    WCHAR name[8];
    to_wide("f", name, 8);
    HLINEAPP h = SENTINEL;
    DWORD numDevs = SENTINEL, ver = V31;
    LINEINITIALIZEEXPARAMS *p = pattern(sizeof *p);
    p->dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
    memcpy(g_copy.b, g_buf.b, sizeof g_buf.b);
    CHECK_EQ(tapisim_fail_next("lineInitializeExW", LINEERR_NOMEM), 0);
    CHECK_ERR(lineInitializeExW(&h, NULL, NULL, name, &numDevs, &ver, p), LINEERR_NOMEM);
    CHECK_EQ(h, SENTINEL);
    CHECK_EQ(numDevs, SENTINEL);
    CHECK_EQ(ver, V31);
    CHECK(untouched());
    CHECK_ERR(lineShutdown(h), LINEERR_UNINITIALIZED); /* no application exists */
    CHECK_EQ(lineInitializeExW(&h, NULL, NULL, name, &numDevs, &ver, p), 0);
    CHECK_EQ(numDevs, TAPISIM_DEFAULT_LINES);
    HLINEAPP app = h;

    /* A second application hears LINEDEVSTATE_CLOSE when the first one's line goes. */
    HLINEAPP other = init_app("o");
    HLINE watch = open_line(other, 0, V31, MONITOR, 0);
    CHECK_EQ(lineSetStatusMessages(watch, LINEDEVSTATE_CLOSE, 0), 0);
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = 0;
    LONG r = make_call(line, "201", &call);
    CHECK(r > 0);
    drain(other);
    CHECK_EQ(tapisim_fail_next("lineShutdown", LINEERR_RESOURCEUNAVAIL), 0);
    CHECK_ERR(lineShutdown(app), LINEERR_RESOURCEUNAVAIL);
    EXPECT_NO_MSG(other);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)r, 0, 0); /* its queue is kept */
    CHECK_EQ(call_state(call), LINECALLSTATE_RINGBACK);
    CHECK_EQ(lineShutdown(app), 0);
    CHECK(drained_msg(other, LINE_LINEDEVSTATE, LINEDEVSTATE_CLOSE)); /* after the call's IDLE */
    CHECK_ERR(lineShutdown(app), LINEERR_INVALAPPHANDLE);
}

TEST(fault_fails_negotiate_and_caps_once_without_side_effects)
{
    HLINEAPP app = init_app("f");
    DWORD ver = SENTINEL;
    LINEEXTENSIONID ext;
    memset(&ext, 0xA5, sizeof ext);
    CHECK_EQ(tapisim_fail_next("lineNegotiateAPIVersion", LINEERR_OPERATIONFAILED), 0);
    CHECK_ERR(lineNegotiateAPIVersion(app, 0, 0x00010004u, V31, &ver, &ext), LINEERR_OPERATIONFAILED);
    CHECK_EQ(ver, SENTINEL);
    CHECK_EQ(ext.dwExtensionID0, 0xA5A5A5A5u);
    CHECK_EQ(lineNegotiateAPIVersion(app, 0, 0x00010004u, V31, &ver, &ext), 0);
    CHECK_EQ(ver, V31);

    CHECK_EQ(tapisim_fail_next("lineGetDevCapsW", LINEERR_NOMEM), 0);
    CHECK_ERR(lineGetDevCapsW(app, 1, V31, 0, pattern(sizeof g_buf.b)), LINEERR_NOMEM);
    CHECK(untouched());
    CHECK_EQ(lineGetDevCapsW(app, 1, V31, 0, pattern(sizeof g_buf.b)), 0);
    CHECK(used_size() >= sizeof(LINEDEVCAPS));

    CHECK_EQ(tapisim_fail_next("lineGetAddressCaps", LINEERR_RESOURCEUNAVAIL), 0);
    CHECK_ERR(lineGetAddressCapsW(app, 1, 0, V31, 0, pattern(sizeof g_buf.b)), LINEERR_RESOURCEUNAVAIL);
    CHECK(untouched());
    CHECK_EQ(lineGetAddressCapsW(app, 1, 0, V31, 0, pattern(sizeof g_buf.b)), 0);
    CHECK(used_size() >= sizeof(LINEADDRESSCAPS));
}

TEST(fault_fails_open_close_and_status_messages_once_without_side_effects)
{
    HLINEAPP app = init_app("f");
    HLINEAPP other = init_app("o");
    HLINE watch = open_line(other, 0, V31, MONITOR, 0);

    /* lineSetStatusMessages: the old mask (none) stays. */
    CHECK_EQ(tapisim_fail_next("lineSetStatusMessages", LINEERR_RESOURCEUNAVAIL), 0);
    CHECK_ERR(lineSetStatusMessages(watch, LINEDEVSTATE_OPEN | LINEDEVSTATE_CLOSE, 0),
              LINEERR_RESOURCEUNAVAIL);
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    EXPECT_NO_MSG(other);
    CHECK_EQ(lineClose(line), 0);
    CHECK_EQ(lineSetStatusMessages(watch, LINEDEVSTATE_OPEN | LINEDEVSTATE_CLOSE, 0), 0);

    /* lineOpenW: no handle, no LINEDEVSTATE_OPEN for the other opens. */
    CHECK_EQ(tapisim_fail_next("lineOpenW", LINEERR_NOMEM), 0);
    line = SENTINEL;
    CHECK_ERR(lineOpenW(app, 0, &line, V31, 0, 0, OWNER, LINEMEDIAMODE_INTERACTIVEVOICE, NULL),
              LINEERR_NOMEM);
    CHECK_EQ(line, SENTINEL);
    EXPECT_NO_MSG(other);
    LINEDEVSTATUS *st = pattern(sizeof g_buf.b);
    CHECK_EQ(lineGetLineDevStatusW(watch, st), 0);
    CHECK_EQ(st->dwNumOpens, 1);
    line = open_line(app, 0, V31, OWNER, 0);
    EXPECT_MSG(other, watch, LINE_LINEDEVSTATE, LINEDEVSTATE_OPEN, 0, 0);

    /* lineClose: the line and its call stay. */
    HCALL call = call_to(app, line, "201", TAPISIM_STATION_IDLE);
    drain(other);
    CHECK_EQ(tapisim_fail_next("lineClose", LINEERR_OPERATIONFAILED), 0);
    CHECK_ERR(lineClose(line), LINEERR_OPERATIONFAILED);
    EXPECT_NO_MSG(other);
    CHECK_EQ(call_state(call), LINECALLSTATE_RINGBACK);
    CHECK_EQ(lineGetLineDevStatusW(line, pattern(sizeof g_buf.b)), 0);
    CHECK_EQ(lineClose(line), 0);
    CHECK_EQ(call_state(call), 0); /* the handle went with the line */
    CHECK(drained_msg(other, LINE_LINEDEVSTATE, LINEDEVSTATE_CLOSE));

    /* lineGetLineDevStatusW: nothing written. */
    CHECK_EQ(tapisim_fail_next("lineGetLineDevStatus", LINEERR_NOMEM), 0);
    CHECK_ERR(lineGetLineDevStatusW(watch, pattern(sizeof g_buf.b)), LINEERR_NOMEM);
    CHECK(untouched());
    CHECK_EQ(lineGetLineDevStatusW(watch, pattern(sizeof g_buf.b)), 0);
    CHECK(used_size() >= sizeof(LINEDEVSTATUS));
    EXPECT_NO_MSG(app);
    EXPECT_NO_MSG(other);
}

TEST(fault_fails_call_status_info_and_deallocate_once_without_side_effects)
{
    HLINEAPP app = init_app("f");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = call_to(app, line, "201", TAPISIM_STATION_IDLE);

    CHECK_EQ(tapisim_fail_next("lineGetCallStatus", LINEERR_RESOURCEUNAVAIL), 0);
    CHECK_ERR(lineGetCallStatus(call, pattern(sizeof g_buf.b)), LINEERR_RESOURCEUNAVAIL);
    CHECK(untouched());
    CHECK_EQ(lineGetCallStatus(call, pattern(sizeof g_buf.b)), 0);
    CHECK_EQ(((LINECALLSTATUS *)(void *)g_buf.b)->dwCallState, LINECALLSTATE_RINGBACK);

    CHECK_EQ(tapisim_fail_next("lineGetCallInfoW", LINEERR_NOMEM), 0);
    CHECK_ERR(lineGetCallInfoW(call, pattern(sizeof g_buf.b)), LINEERR_NOMEM);
    CHECK(untouched());
    CHECK_EQ(lineGetCallInfoW(call, pattern(sizeof g_buf.b)), 0);
    CHECK(used_size() >= sizeof(LINECALLINFO));

    CHECK_EQ(tapisim_fail_next("lineDeallocateCall", LINEERR_OPERATIONFAILED), 0);
    CHECK_ERR(lineDeallocateCall(call), LINEERR_OPERATIONFAILED);
    CHECK_EQ(call_state(call), LINECALLSTATE_RINGBACK); /* the handle and the call stay */
    EXPECT_NO_MSG(app);
    CHECK_EQ(lineDeallocateCall(call), 0);
    CHECK_ERR(lineGetCallStatus(call, pattern(sizeof g_buf.b)), LINEERR_INVALCALLHANDLE);
}

/* ---- tapisim_fail_next's own arguments -------------------------------------------------- */

TEST(fail_next_takes_defined_errors_for_the_functions_it_can_fail)
{
    static const char *const functions[] = {
        "lineMakeCallW", "lineAnswer", "lineDrop", "lineCompleteCall", "lineUncompleteCall",
        "lineInitializeExW", "lineShutdown", "lineNegotiateAPIVersion", "lineGetDevCapsW",
        "lineGetAddressCapsW", "lineOpenW", "lineClose", "lineSetStatusMessages",
        "lineGetLineDevStatusW", "lineGetCallStatus", "lineGetCallInfoW", "lineDeallocateCall",
        "lineDialW", "lineHold", "lineUnhold", "lineSwapHold", "lineRedirectW", "lineBlindTransferW",
        "lineGenerateDigitsW", "lineMonitorDigits",
    };
    for (size_t i = 0; i < sizeof functions / sizeof *functions; i++)
        CHECK_EQ(tapisim_fail_next(functions[i], LINEERR_OPERATIONFAILED), 0);
    CHECK_EQ(tapisim_reset(), 0); /* removes them all */
    HLINEAPP app = init_app("f");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = call_to(app, line, "201", TAPISIM_STATION_IDLE);
    CHECK_EQ(call_state(call), LINECALLSTATE_RINGBACK);

    static const char *const others[] = {
        "lineGetMessage", "lineInitialize", "lineInitializeExA", "lineSetAppSpecific", "tapisim_reset",
        "", "W", "linegetcallstatus",
    };
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        CHECK_ERR(tapisim_fail_next(others[i], LINEERR_NOMEM), LINEERR_OPERATIONUNAVAIL);

    static const LONG undefined[] = {
        0, 1, 0x7FFFFFFF, -1, (LONG)0x80000000u, (LONG)0x80000004u, (LONG)0x80000031u,
        (LONG)0x80000062u,
    };
    for (size_t i = 0; i < sizeof undefined / sizeof *undefined; i++)
        CHECK_ERR(tapisim_fail_next("lineGetCallStatus", undefined[i]), LINEERR_INVALPARAM);
    CHECK_EQ(call_state(call), LINECALLSTATE_RINGBACK); /* none of them was armed */

    /* Any defined error, even one the function is not documented to return. */
    LINECALLSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_EQ(tapisim_fail_next("lineGetCallStatus", LINEERR_SERVICE_NOT_RUNNING), 0);
    CHECK_ERR(lineGetCallStatus(call, &st), LINEERR_SERVICE_NOT_RUNNING);
    CHECK_EQ(tapisim_fail_next("lineGetCallStatus", LINEERR_ALLOCATED), 0);
    CHECK_ERR(lineGetCallStatus(call, &st), LINEERR_ALLOCATED);

    /* One fault per function: a new one replaces the old, with or without the W. */
    CHECK_EQ(tapisim_fail_next("lineGetCallInfoW", LINEERR_NOMEM), 0);
    CHECK_EQ(tapisim_fail_next("lineGetCallInfo", LINEERR_RESOURCEUNAVAIL), 0);
    CHECK_EQ(tapisim_fail_next("lineGetCallStatus", LINEERR_OPERATIONFAILED), 0);
    CHECK_ERR(lineGetCallInfoW(call, pattern(sizeof g_buf.b)), LINEERR_RESOURCEUNAVAIL);
    CHECK_EQ(lineGetCallInfoW(call, pattern(sizeof g_buf.b)), 0);
    CHECK_ERR(lineGetCallStatus(call, &st), LINEERR_OPERATIONFAILED);
    CHECK_EQ(lineGetCallStatus(call, &st), 0);

    char check[256];
    CHECK_EQ(tapisim_check(check, sizeof check), 0);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(fault_not_left_armed_by_a_completion_request_the_switch_refuses),
        T(fault_replaces_the_switch_answer_of_an_accepted_request),
        T(fault_stays_armed_after_a_call_refused_with_a_function_result),
        T(fault_fails_initialize_and_shutdown_once_without_side_effects),
        T(fault_fails_negotiate_and_caps_once_without_side_effects),
        T(fault_fails_open_close_and_status_messages_once_without_side_effects),
        T(fault_fails_call_status_info_and_deallocate_once_without_side_effects),
        T(fail_next_takes_defined_errors_for_the_functions_it_can_fail),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
