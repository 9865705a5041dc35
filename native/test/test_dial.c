/*
 * Dialling: the dialable address format in lineMakeCallW and lineDialW (modifiers, subaddress,
 * name, several addresses, the canonical form), a NULL destination that leaves the call in
 * dial tone, partial dialling with ';', LINECALLFEATURE_DIAL, tapisim_set_dial_caps, and every
 * error on its delivery path in both "error_delivery" modes.
 */
#include "call_test.h"


/* Dial strings can be long and hold CR LF: converted here, not with make_call's 64 units. */
static const WCHAR *wide(const char *s)
{
    static WCHAR w[4][256];
    static int next;
    WCHAR *out = w[next++ % 4];
    to_wide(s, out, 256);
    return out;
}

static LONG dial(HCALL call, const char *s)
{
    return lineDialW(call, wide(s), 0);
}

static LONG make(HLINE line, const char *s, HCALL *call)
{
    return lineMakeCallW(line, call, s ? wide(s) : NULL, 0, NULL);
}

/* A provider's verdict: in LINE_REPLY (tapisrv), or the result (error_delivery 1). */
static int wstr_is(const unsigned char *base, DWORD off, DWORD size, const char *s)
{
    size_t n = strlen(s);
    if (size != (n + 1) * sizeof(WCHAR) || off == 0)
        return 0;
    for (size_t i = 0; i <= n; i++) {
        WCHAR w;
        memcpy(&w, base + off + i * sizeof w, sizeof w);
        if (w != (WCHAR)(unsigned char)s[i])
            return 0;
    }
    return 1;
}

static unsigned char g_info[2048];

static LINECALLINFO *info(HCALL call)
{
    memset(g_info, 0, sizeof g_info);
    LINECALLINFO *ci = (LINECALLINFO *)g_info;
    ci->dwTotalSize = sizeof g_info;
    CHECK_EQ(lineGetCallInfoW(call, ci), 0);
    return ci;
}

/* The number the call went to (its called ID). */
static int called_is(HCALL call, const char *number)
{
    LINECALLINFO *ci = info(call);
    return wstr_is(g_info, ci->dwCalledIDOffset, ci->dwCalledIDSize, number);
}

/* lineMakeCallW of a complete dial string to a remote station: the golden sequence. */
static HCALL placed(HLINEAPP app, HLINE line, const char *s)
{
    HCALL call = 0;
    LONG req = make(line, s, &call);
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_DIALING, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    EXPECT_NO_MSG(app);
    return call;
}

/* A call in dial tone (lineMakeCallW with NULL). */
static HCALL dial_tone(HLINEAPP app, HLINE line)
{
    HCALL call = 0;
    LONG req = make(line, NULL, &call);
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_DIALTONE, LINEDIALTONEMODE_NORMAL, 0);
    EXPECT_NO_MSG(app);
    return call;
}

TEST(modifiers_are_dropped_and_the_digits_dialled)
{
    HLINEAPP app = init_app("d");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = placed(app, line, "T2,0!p1t");
    CHECK(called_is(call, "201"));
    HCALL other = placed(app, line, "W*3#bD");
    CHECK(called_is(other, "*3#BD"));
    CHECK_EQ(tapisim_advance(3000), 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    EXPECT_MSG(app, other, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    check_switch();
}

TEST(subaddress_is_ignored_and_name_is_the_called_name)
{
    HLINEAPP app = init_app("d");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = placed(app, line, "201|5501^Bob Smith");
    LINECALLINFO *ci = info(call);
    CHECK(wstr_is(g_info, ci->dwCalledIDOffset, ci->dwCalledIDSize, "201"));
    CHECK_EQ(ci->dwCalledIDFlags, LINECALLPARTYID_ADDRESS | LINECALLPARTYID_NAME);
    CHECK(wstr_is(g_info, ci->dwCalledIDNameOffset, ci->dwCalledIDNameSize, "Bob Smith"));
    CHECK_EQ(ci->dwUsedSize, ci->dwNeededSize);
    CHECK_EQ(tapisim_advance(3000), 0);
    drain(app);
    ci = info(call);
    CHECK_EQ(ci->dwConnectedIDFlags, LINECALLPARTYID_ADDRESS); /* the name is the caller's word */
    HCALL sub = placed(app, line, "202|x@y.example");
    CHECK_EQ(info(sub)->dwCalledIDFlags, LINECALLPARTYID_ADDRESS);
    check_switch();
}

TEST(several_addresses_reach_the_first)
{
    HLINEAPP app = init_app("d");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = placed(app, line, "201^A\r\n202|1^B\r\n203");
    CHECK(called_is(call, "201"));
    LINECALLINFO *ci = info(call);
    CHECK(wstr_is(g_info, ci->dwCalledIDNameOffset, ci->dwCalledIDNameSize, "A"));
    placed(app, line, "202"); /* not engaged by the first call: rings */
    HCALL bad = 0xDEAD;
    expect_provider(app, make(line, "201\r\n", &bad), LINEERR_INVALADDRESS, 0);
    expect_provider(app, make(line, "201\r\n2x", &bad), LINEERR_INVALADDRESS, 0);
    expect_provider(app, make(line, "201\r202", &bad), LINEERR_INVALADDRESS, 0);
    expect_provider(app, make(line, "201\r\n20?2", &bad), LINEERR_DIALPROMPT, 0);
    expect_provider(app, make(line, "201;\r\n202", &bad), LINEERR_INVALADDRESS, 0);
    expect_provider(app, make(line, "201\r\n202;", &bad), LINEERR_INVALADDRESS, 0);
    CHECK_EQ(bad, 0xDEAD);
    EXPECT_NO_MSG(app);
    check_switch();
}

TEST(canonical_form_dials_the_international_number)
{
    HLINEAPP app = init_app("d");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = placed(app, line, "+49 (30) 123-45");
    CHECK(called_is(call, "+493012345"));
    call = placed(app, line, "+1 425 882.8080^Switchboard");
    CHECK(called_is(call, "+14258828080"));
    call = placed(app, line, "+4930777");
    CHECK(called_is(call, "+4930777"));
    HCALL bad = 0xDEAD;
    static const char *const broken[] = {
        "+49 (30 123", "+49 (30)123", "+49 ()", "+49 ", "+ 49 123", "4+9", "+49 (3x) 1", "++49",
    };
    for (size_t i = 0; i < sizeof broken / sizeof *broken; i++)
        expect_provider(app, make(line, broken[i], &bad), LINEERR_INVALADDRESS, 0);
    CHECK_EQ(bad, 0xDEAD);
    EXPECT_NO_MSG(app);
    check_switch();
}

static void wait_modifiers(int literal)
{
    CHECK_EQ(tapisim_set_dial_caps(1, 0), 0);
    CHECK_EQ(tapisim_set_dial_caps(2, LINEDEVCAPFLAGS_DIALDIALTONE | LINEDEVCAPFLAGS_DIALQUIET
                                      | LINEDEVCAPFLAGS_DIALBILLING), 0);
    HLINEAPP app = init_app("d");
    CHECK_EQ(tapisim_set_option("error_delivery", (DWORD)literal), 0);
    HLINE line0 = open_line(app, 0, V31, OWNER, 0); /* the default: W only */
    HLINE line1 = open_line(app, 1, V31, OWNER, 0); /* none */
    HLINE line2 = open_line(app, 2, V31, OWNER, 0); /* all three */
    HCALL bad = 0xDEAD;
    expect_provider(app, make(line0, "@201", &bad), LINEERR_DIALQUIET, literal);
    expect_provider(app, make(line0, "201$", &bad), LINEERR_DIALBILLING, literal);
    expect_provider(app, make(line0, "20?1", &bad), LINEERR_DIALPROMPT, literal);
    expect_provider(app, make(line1, "W201", &bad), LINEERR_DIALDIALTONE, literal);
    expect_provider(app, make(line2, "201?", &bad), LINEERR_DIALPROMPT, literal);
    /* The first refused character decides. */
    expect_provider(app, make(line0, "2$0@1", &bad), LINEERR_DIALBILLING, literal);
    expect_provider(app, make(line0, "2@0$1", &bad), LINEERR_DIALQUIET, literal);
    expect_provider(app, make(line1, "2w0?", &bad), LINEERR_DIALDIALTONE, literal);
    expect_provider(app, make(line0, "2x0?", &bad), LINEERR_INVALADDRESS, literal);
    expect_provider(app, make(line0, "2?0x", &bad), LINEERR_DIALPROMPT, literal);
    CHECK_EQ(bad, 0xDEAD);
    EXPECT_NO_MSG(app);
    HCALL call = placed(app, line0, "9W201");
    CHECK(called_is(call, "9201"));
    call = placed(app, line2, "W2@0$1");
    CHECK(called_is(call, "201"));
    check_switch();
}

TEST(wait_modifiers_follow_dev_cap_flags_in_reply) { wait_modifiers(0); }
TEST(wait_modifiers_follow_dev_cap_flags_as_result) { wait_modifiers(1); }

TEST(dev_caps_claim_the_dial_modifiers)
{
    CHECK_EQ(tapisim_set_dial_caps(1, LINEDEVCAPFLAGS_DIALQUIET), 0);
    CHECK_ERR(tapisim_set_dial_caps(1, LINEDEVCAPFLAGS_CLOSEDROP), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_dial_caps(TAPISIM_DEFAULT_LINES, 0), LINEERR_BADDEVICEID);
    HLINEAPP app = init_app("d");
    CHECK_ERR(tapisim_set_dial_caps(0, 0), LINEERR_INUSE);
    static union { LINEDEVCAPS c; unsigned char b[2048]; } u;
    for (DWORD dev = 0; dev < 2; dev++) {
        memset(&u, 0, sizeof u);
        u.c.dwTotalSize = sizeof u;
        CHECK_EQ(lineGetDevCapsW(app, dev, V31, 0, &u.c), 0);
        CHECK_EQ(u.c.dwDevCapFlags, LINEDEVCAPFLAGS_CLOSEDROP
                 | (dev == 0 ? LINEDEVCAPFLAGS_DIALDIALTONE : LINEDEVCAPFLAGS_DIALQUIET));
    }
    static union { LINEADDRESSCAPS c; unsigned char b[2048]; } a;
    a.c.dwTotalSize = sizeof a;
    CHECK_EQ(lineGetAddressCapsW(app, 0, 0, V31, 0, &a.c), 0);
    CHECK(a.c.dwAddrCapFlags & LINEADDRCAPFLAGS_PARTIALDIAL);
    CHECK(a.c.dwCallFeatures & LINECALLFEATURE_DIAL);
    CHECK(a.c.dwCallStates & LINECALLSTATE_DIALTONE);
    CHECK_EQ(a.c.dwDialToneModes, LINEDIALTONEMODE_NORMAL);
    CHECK(a.c.dwCalledIDFlags & LINECALLPARTYID_NAME);
}

TEST(null_destination_gives_dial_tone_and_dial_goes_on)
{
    HLINEAPP app = init_app("d");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = dial_tone(app, line);
    CHECK_EQ(call_state(call), LINECALLSTATE_DIALTONE);
    CHECK_EQ(features(call), LINECALLFEATURE_DIAL | LINECALLFEATURE_DROP | LINECALLFEATURE_MONITORDIGITS);
    CHECK_EQ(info(call)->dwCallStates & LINECALLSTATE_DIALTONE, LINECALLSTATE_DIALTONE);
    LONG req = dial(call, "201");
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_DIALING, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    EXPECT_NO_MSG(app);
    CHECK(called_is(call, "201"));
    CHECK_EQ(features(call) & LINECALLFEATURE_DIAL, 0);
    /* ";" alone is dial tone too. */
    HCALL second = 0;
    req = make(line, ";", &second);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, second, LINE_CALLSTATE, LINECALLSTATE_DIALTONE, LINEDIALTONEMODE_NORMAL, 0);
    req = dial(second, ";"); /* nothing dialled: still dial tone, no message */
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(call_state(second), LINECALLSTATE_DIALTONE);
    check_switch();
}

TEST(partial_dialling_collects_digits_until_no_semicolon)
{
    HLINEAPP app = init_app("d");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = 0;
    LONG req = make(line, "2;", &call);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_DIALING, 0, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(features(call), LINECALLFEATURE_DIAL | LINECALLFEATURE_DROP | LINECALLFEATURE_MONITORDIGITS);
    req = dial(call, "0;");
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_NO_MSG(app); /* still DIALING */
    req = dial(call, "1");
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    CHECK(called_is(call, "201"));
    /* An empty string ends the dialling. */
    HCALL other = 0;
    req = make(line, "202;", &other);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, other, LINE_CALLSTATE, LINECALLSTATE_DIALING, 0, 0);
    req = dial(other, "");
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, other, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
    EXPECT_MSG(app, other, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    CHECK(called_is(other, "202"));
    EXPECT_NO_MSG(app);
    check_switch();
}

TEST(dialling_a_local_line_offers_the_call_there)
{
    HLINEAPP a = init_app("a");
    HLINEAPP b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    HCALL call = dial_tone(a, la);
    EXPECT_NO_MSG(b); /* dial tone rings nobody */
    LONG req = dial(call, "1;");
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_DIALING, 0, 0);
    req = dial(call, "01");
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_PROCEEDING, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_RINGBACK, 0, 0);
    LINEMESSAGE m;
    CHECK(next_msg(b, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    CHECK_EQ(m.hDevice, lb);
    HCALL in = (HCALL)m.dwParam2;
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_OFFERING, LINEOFFERINGMODE_ACTIVE, OWNER);
    LINECALLINFO *ci = info(in);
    CHECK(wstr_is(g_info, ci->dwCallerIDOffset, ci->dwCallerIDSize, "100"));
    check_switch();
}

static HCALL monitor_handle(HLINEAPP mon)
{
    LINEMESSAGE m;
    while (next_msg(mon, &m))
        if (m.dwMessageID == LINE_APPNEWCALL) {
            HCALL h = (HCALL)m.dwParam2;
            drain(mon);
            return h;
        }
    return 0;
}

static void dial_errors(int literal)
{
    CHECK_ERR(lineDialW(0x10001, wide("201"), 0), LINEERR_UNINITIALIZED);
    HLINEAPP app = init_app("d");
    HLINEAPP mon = init_app("m");
    CHECK_EQ(tapisim_set_option("error_delivery", (DWORD)literal), 0);
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    open_line(mon, 0, V31, MONITOR, 0);
    HCALL call = dial_tone(app, line);
    HCALL watched = monitor_handle(mon);
    CHECK(watched != 0);
    /* tapi32 and tapisrv: results in both modes. */
    CHECK_ERR(lineDialW(call, NULL, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(lineDialW(call + 0x777, NULL, 0), LINEERR_INVALPOINTER); /* the client looks first */
    CHECK_ERR(lineDialW(call + 0x777, wide("201"), 0), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineDialW(watched, wide("201"), 0), LINEERR_NOTOWNER);
    /* The provider: LINE_REPLY, or the result with error_delivery 1. Nothing changes. */
    expect_provider(app, lineDialW(call, wide("201"), 1000), LINEERR_INVALCOUNTRYCODE, literal);
    expect_provider(app, dial(call, ""), LINEERR_INVALADDRESS, literal);
    expect_provider(app, dial(call, "2 01"), LINEERR_INVALADDRESS, literal);
    expect_provider(app, dial(call, "20;1"), LINEERR_INVALADDRESS, literal);
    expect_provider(app, dial(call, "12345678901234567890123456789012"), LINEERR_INVALADDRESS, literal);
    expect_provider(app, dial(call, "@201"), LINEERR_DIALQUIET, literal);
    expect_provider(app, dial(call, "$201"), LINEERR_DIALBILLING, literal);
    expect_provider(app, dial(call, "?201"), LINEERR_DIALPROMPT, literal);
    EXPECT_NO_MSG(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_DIALTONE);
    /* Too long once added to what was dialled; '+' after digits. */
    LONG req = dial(call, "1234567890123456789012345;");
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_DIALING, 0, 0);
    expect_provider(app, dial(call, "1234567"), LINEERR_INVALADDRESS, literal);
    expect_provider(app, dial(call, "+1"), LINEERR_INVALADDRESS, literal);
    EXPECT_NO_MSG(app);
    /* A fault always arrives in LINE_REPLY, and takes the place of the provider's checks. */
    CHECK_EQ(tapisim_fail_next("lineDial", LINEERR_RESOURCEUNAVAIL), 0);
    expect_provider(app, dial(call, "?"), LINEERR_RESOURCEUNAVAIL, 0);
    EXPECT_NO_MSG(app);
    /* Not waiting for digits any more: INVALCALLSTATE (no LINECALLFEATURE_DIAL). */
    req = dial(call, "1");
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    drain(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_RINGBACK);
    CHECK_EQ(features(call) & LINECALLFEATURE_DIAL, 0);
    expect_provider(app, dial(call, "5"), LINEERR_INVALCALLSTATE, literal);
    CHECK_EQ(tapisim_advance(3000), 0);
    drain(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_CONNECTED);
    expect_provider(app, dial(call, "5"), LINEERR_INVALCALLSTATE, literal);
    /* lineMakeCall: the country code too. */
    HCALL bad = 0xDEAD;
    expect_provider(app, lineMakeCallW(line, &bad, wide("202"), 1000, NULL), LINEERR_INVALCOUNTRYCODE,
                    literal);
    CHECK_EQ(bad, 0xDEAD);
    EXPECT_NO_MSG(app);
    check_switch();
}

TEST(dial_errors_in_reply) { dial_errors(0); }
TEST(dial_errors_as_result) { dial_errors(1); }

TEST(dial_on_a_call_from_a_remote_station_is_invalcallstate)
{
    HLINEAPP app = init_app("d");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    (void)line;
    CHECK_EQ(tapisim_remote_call("0301", NULL, "100", NULL), 0);
    LINEMESSAGE m;
    CHECK(next_msg(app, &m));
    HCALL in = (HCALL)m.dwParam2;
    drain(app);
    CHECK_EQ(features(in) & LINECALLFEATURE_DIAL, 0);
    expect_provider(app, dial(in, "1"), LINEERR_INVALCALLSTATE, 0);
    check_switch();
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(modifiers_are_dropped_and_the_digits_dialled),
        T(subaddress_is_ignored_and_name_is_the_called_name),
        T(several_addresses_reach_the_first),
        T(canonical_form_dials_the_international_number),
        T(wait_modifiers_follow_dev_cap_flags_in_reply),
        T(wait_modifiers_follow_dev_cap_flags_as_result),
        T(dev_caps_claim_the_dial_modifiers),
        T(null_destination_gives_dial_tone_and_dial_goes_on),
        T(partial_dialling_collects_digits_until_no_semicolon),
        T(dialling_a_local_line_offers_the_call_there),
        T(dial_errors_in_reply),
        T(dial_errors_as_result),
        T(dial_on_a_call_from_a_remote_station_is_invalcallstate),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
