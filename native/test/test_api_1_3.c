/*
 * API version 1.3 (0x00010003), the oldest TAPI 2.x serves: it is negotiated, accepted by
 * lineOpenW and the Get functions, and answered with the 1.3 fixed sizes of the structures
 * (LINEDEVCAPS 236, LINEADDRESSCAPS 176, LINEDEVSTATUS 76, LINECALLSTATUS 36, LINECALLINFO 296
 * bytes: tapi.h marks every later field as a 1.4, 2.0, 2.2 or 3.0 addition).
 */
#include "sim_test.h"

#define V13 0x00010003u
#define V14 0x00010004u
#define V31 0x00030001u
#define OWNER LINECALLPRIVILEGE_OWNER

TEST(negotiate_serves_1_3)
{
    HLINEAPP app = init_app("old");
    DWORD v = 0;
    LINEEXTENSIONID ext;
    CHECK_EQ(lineNegotiateAPIVersion(app, 0, V13, V13, &v, &ext), 0);
    CHECK_EQ(v, V13);
    CHECK_EQ(lineNegotiateAPIVersion(app, 0, 0x00010000, V13, &v, &ext), 0);
    CHECK_EQ(v, V13);
    CHECK_EQ(lineNegotiateAPIVersion(app, 0, 0x00010000, 0x00010003, &v, &ext), 0);
    CHECK_EQ(v, V13);
    CHECK_EQ(lineNegotiateAPIVersion(app, 0, V13, V31, &v, &ext), 0);
    CHECK_EQ(v, V31);                                   /* still the highest in the range */
    CHECK_ERR(lineNegotiateAPIVersion(app, 0, 0x00010000, 0x00010002, &v, &ext),
              LINEERR_INCOMPATIBLEAPIVERSION);
}

/* dwTotalSize one byte short of the 1.3 fixed part is refused; exactly the fixed part is enough,
 * and nothing is written past it. */
#define EXPECT_FIXED_SIZE(call_expr, buf, fixed) do { \
    memset(buf, 0xEE, sizeof buf); \
    *(DWORD *)(void *)(buf) = (fixed) - 1; \
    CHECK_ERR(call_expr, LINEERR_STRUCTURETOOSMALL); \
    CHECK_EQ((buf)[8], 0xEE); \
    *(DWORD *)(void *)(buf) = (fixed); \
    CHECK_EQ(call_expr, 0); \
    CHECK_EQ(((DWORD *)(void *)(buf))[2], (fixed)); /* dwUsedSize */ \
    CHECK((buf)[(fixed)] == 0xEE && (buf)[(fixed) + 3] == 0xEE); \
} while (0)

TEST(caps_of_1_3_have_the_1_3_fixed_sizes)
{
    HLINEAPP app = init_app("old");
    _Alignas(8) unsigned char buf[4096];
    EXPECT_FIXED_SIZE(lineGetDevCapsW(app, 0, V13, 0, (LINEDEVCAPS *)(void *)buf), buf, 236);
    EXPECT_FIXED_SIZE(lineGetAddressCapsW(app, 0, 0, V13, 0, (LINEADDRESSCAPS *)(void *)buf), buf, 176);

    /* With room, the variable part starts right after the 1.3 fixed part. */
    memset(buf, 0, sizeof buf);
    LINEDEVCAPS *dc = (LINEDEVCAPS *)(void *)buf;
    dc->dwTotalSize = sizeof buf;
    CHECK_EQ(lineGetDevCapsW(app, 0, V13, 0, dc), 0);
    CHECK_EQ(dc->dwProviderInfoOffset, 236);
    CHECK(dc->dwLineNameOffset >= 236 && dc->dwLineNameSize > 0);
    CHECK_EQ(dc->dwUsedSize, dc->dwNeededSize);
    memset(buf, 0, sizeof buf);
    LINEADDRESSCAPS *ac = (LINEADDRESSCAPS *)(void *)buf;
    ac->dwTotalSize = sizeof buf;
    CHECK_EQ(lineGetAddressCapsW(app, 0, 0, V13, 0, ac), 0);
    CHECK_EQ(ac->dwAddressOffset, 176);
    CHECK_EQ(ac->dwMaxCallCompletions, 4);
    CHECK(ac->dwCompletionMsgTextOffset > 176);
    CHECK_EQ(ac->dwUsedSize, ac->dwNeededSize);
}

TEST(line_and_call_structures_of_a_1_3_line_have_the_1_3_fixed_sizes)
{
    HLINEAPP app = init_app("old");
    HLINE line = open_line(app, 0, V13, OWNER, 0);
    _Alignas(8) unsigned char buf[4096];
    EXPECT_FIXED_SIZE(lineGetLineDevStatusW(line, (LINEDEVSTATUS *)(void *)buf), buf, 76);
    HCALL call = 0;
    CHECK(make_call(line, "201", &call) > 0);
    drain(app);
    EXPECT_FIXED_SIZE(lineGetCallStatus(call, (LINECALLSTATUS *)(void *)buf), buf, 36);
    EXPECT_FIXED_SIZE(lineGetCallInfoW(call, (LINECALLINFO *)(void *)buf), buf, 296);
    memset(buf, 0, sizeof buf);
    LINECALLINFO *ci = (LINECALLINFO *)(void *)buf;
    ci->dwTotalSize = sizeof buf;
    CHECK_EQ(lineGetCallInfoW(call, ci), 0);
    CHECK_EQ(ci->dwCallerIDOffset, 296);
    CHECK_EQ(ci->hLine, line);
}

/* A 1.3 line follows the pre-2.0 rules: no open options, no LINE_APPNEWCALL (the privilege
 * comes with the first LINE_CALLSTATE), the sole owner must drop before deallocating. */
TEST(a_1_3_line_follows_the_rules_before_2_0)
{
    HLINEAPP caller = init_app("caller");
    HLINEAPP old = init_app("old");
    HLINE h = 0;
    LINECALLPARAMS cp;
    memset(&cp, 0, sizeof cp);
    cp.dwTotalSize = sizeof cp;
    CHECK_ERR(lineOpenW(old, 1, &h, V13, 0, 0, OWNER | LINEOPENOPTION_SINGLEADDRESS,
                        LINEMEDIAMODE_INTERACTIVEVOICE, &cp), LINEERR_INVALPRIVSELECT);
    HLINE line = open_line(old, 1, V13, OWNER, 0x13);
    HLINE cl = open_line(caller, 0, V31, OWNER, 0);
    HCALL out = 0;
    CHECK(make_call(cl, "101", &out) > 0);
    LINEMESSAGE m;
    CHECK(next_msg(old, &m));
    CHECK_EQ(m.dwMessageID, LINE_CALLSTATE);
    CHECK_EQ(m.dwParam1, LINECALLSTATE_OFFERING);
    CHECK_EQ(m.dwParam3, OWNER);
    CHECK_EQ(m.dwCallbackInstance, 0x13);
    HCALL in = (HCALL)m.hDevice;
    EXPECT_NO_MSG(old);
    CHECK_ERR(lineDeallocateCall(in), LINEERR_INVALCALLSTATE);
    CHECK(lineDrop(in, NULL, 0) > 0);
    drain(old);
    CHECK_EQ(lineDeallocateCall(in), 0);
    (void)line;
}

/* Call completion works on a 1.3 line; COMPLCANCEL is no 1.3 constant, so only NUMCOMPLETIONS
 * tells the application that the switch dropped its request. */
TEST(completion_on_a_1_3_line_reports_numcompletions_only)
{
    HLINEAPP app = init_app("old");
    HLINE line = open_line(app, 0, V13, OWNER, 0);
    CHECK_EQ(lineSetStatusMessages(line, LINEDEVSTATE_NUMCOMPLETIONS, 0), 0);
    CHECK_EQ(tapisim_set_option("expiry_busy_ms", 1000), 0);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    HCALL call = 0;
    CHECK(make_call(line, "201", &call) > 0);
    drain(app);
    DWORD id = 0;
    LONG req = lineCompleteCall(call, &id, LINECALLCOMPLMODE_CALLBACK, 0);
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    CHECK_EQ(id, 1);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    CHECK_EQ(tapisim_advance(1000), 0);
    EXPECT_MSG(app, line, LINE_LINEDEVSTATE, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    EXPECT_NO_MSG(app);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(negotiate_serves_1_3),
        T(caps_of_1_3_have_the_1_3_fixed_sizes),
        T(line_and_call_structures_of_a_1_3_line_have_the_1_3_fixed_sizes),
        T(a_1_3_line_follows_the_rules_before_2_0),
        T(completion_on_a_1_3_line_reports_numcompletions_only),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
