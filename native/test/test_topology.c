/*
 * The topology setters: line count, numbers, names, completion caps and messages, seen through
 * lineInitializeExW, lineGetDevCapsW, lineGetAddressCapsW, calls and lineCompleteCall; their
 * errors change nothing; tapisim_reset restores the default.
 */
#include "sim_test.h"

#define V31 0x00030001u
#define OWNER LINECALLPRIVILEGE_OWNER

static void check_switch(void)
{
    char why[200];
    CHECK_EQ(tapisim_check(why, sizeof why), 0);
}

static DWORD num_devs(void)
{
    HLINEAPP h = 0;
    DWORD n = 0, ver = V31;
    LINEINITIALIZEEXPARAMS p;
    memset(&p, 0, sizeof p);
    p.dwTotalSize = sizeof p;
    p.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
    WCHAR name[2];
    to_wide("n", name, 2);
    CHECK_EQ(lineInitializeExW(&h, NULL, NULL, name, &n, &ver, &p), 0);
    CHECK_EQ(lineShutdown(h), 0);
    return n;
}

/* A string of the structure at `base` (offset/size in bytes, UTF-16) as ASCII. */
static void wstr_at(const void *base, DWORD off, DWORD size, char *out, size_t n)
{
    size_t i = 0;
    const unsigned char *p = (const unsigned char *)base + off;
    for (; size >= 2 && i + 1 < n && i < size / 2; i++) {
        WCHAR w;
        memcpy(&w, p + 2 * i, sizeof w);
        if (w == 0)
            break;
        out[i] = (char)w;
    }
    out[i] = '\0';
}

static void line_name(HLINEAPP app, DWORD dev, char *out, size_t n)
{
    union { LINEDEVCAPS c; unsigned char raw[2048]; } u;
    memset(&u, 0, sizeof u);
    u.c.dwTotalSize = sizeof u;
    CHECK_EQ(lineGetDevCapsW(app, dev, V31, 0, &u.c), 0);
    CHECK_EQ(u.c.dwNumAddresses, 1);
    wstr_at(&u, u.c.dwLineNameOffset, u.c.dwLineNameSize, out, n);
}

typedef union { LINEADDRESSCAPS c; unsigned char raw[4096]; } addr_caps;

static void address_caps(HLINEAPP app, DWORD dev, addr_caps *u)
{
    memset(u, 0, sizeof *u);
    u->c.dwTotalSize = sizeof *u;
    CHECK_EQ(lineGetAddressCapsW(app, dev, 0, V31, 0, &u->c), 0);
}

static void address_of(HLINEAPP app, DWORD dev, char *out, size_t n)
{
    addr_caps u;
    address_caps(app, dev, &u);
    wstr_at(&u, u.c.dwAddressOffset, u.c.dwAddressSize, out, n);
}

/* Message `i` of the address caps. */
static void message_of(const addr_caps *u, DWORD i, char *out, size_t n)
{
    wstr_at(u, u->c.dwCompletionMsgTextOffset + i * u->c.dwCompletionMsgTextEntrySize,
            u->c.dwCompletionMsgTextEntrySize, out, n);
}

TEST(set_lines_changes_the_device_count)
{
    CHECK_EQ(num_devs(), TAPISIM_DEFAULT_LINES);
    CHECK_EQ(tapisim_set_lines(6), 0);
    CHECK_EQ(num_devs(), 6);
    CHECK_EQ(tapisim_set_lines(TAPISIM_MAX_LINES), 0);
    CHECK_EQ(num_devs(), TAPISIM_MAX_LINES);
    HLINEAPP app = init_app("t");
    char s[64];
    address_of(app, TAPISIM_MAX_LINES - 1, s, sizeof s);
    CHECK(strcmp(s, "163") == 0);
    CHECK_EQ(lineShutdown(app), 0);
    CHECK_EQ(tapisim_set_lines(1), 0);
    CHECK_EQ(num_devs(), 1);
    app = init_app("t");
    union { LINEDEVCAPS c; unsigned char raw[2048]; } u;
    memset(&u, 0, sizeof u);
    u.c.dwTotalSize = sizeof u;
    CHECK_ERR(lineGetDevCapsW(app, 1, V31, 0, &u.c), LINEERR_BADDEVICEID);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(set_lines_bad_count_changes_nothing)
{
    CHECK_EQ(tapisim_set_lines(2), 0);
    CHECK_ERR(tapisim_set_lines(0), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_lines(TAPISIM_MAX_LINES + 1), LINEERR_INVALPARAM);
    CHECK_EQ(num_devs(), 2);
    check_switch();
}

TEST(set_line_number_and_name_show_in_the_caps)
{
    CHECK_EQ(tapisim_set_lines(3), 0);
    CHECK_EQ(tapisim_set_line(0, "200", "Reception"), 0);
    CHECK_EQ(tapisim_set_line(2, "*55#", NULL), 0);
    HLINEAPP app = init_app("t");
    char s[80];
    line_name(app, 0, s, sizeof s);
    CHECK(strcmp(s, "Reception") == 0);
    address_of(app, 0, s, sizeof s);
    CHECK(strcmp(s, "200") == 0);
    line_name(app, 1, s, sizeof s);
    CHECK(strcmp(s, "Simulated line 101") == 0);
    line_name(app, 2, s, sizeof s);
    CHECK(strcmp(s, "Simulated line *55#") == 0);
    address_of(app, 2, s, sizeof s);
    CHECK(strcmp(s, "*55#") == 0);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(calls_reach_the_configured_numbers)
{
    CHECK_EQ(tapisim_set_lines(2), 0);
    CHECK_EQ(tapisim_set_line(0, "200", NULL), 0);
    CHECK_EQ(tapisim_set_line(1, "300", NULL), 0);
    HLINEAPP app = init_app("t");
    HLINE a = open_line(app, 0, V31, OWNER, 0);
    HLINE b = open_line(app, 1, V31, OWNER, 0);
    drain(app);
    HCALL old = 0;
    CHECK(make_call(a, "101", &old) > 0);        /* the old number is now a remote station */
    LINEMESSAGE m;
    int offered = 0;
    while (next_msg(app, &m))
        offered |= m.dwMessageID == LINE_APPNEWCALL && m.hDevice == b;
    CHECK(!offered);
    CHECK(lineDrop(old, NULL, 0) > 0);
    drain(app);
    HCALL call = 0;
    CHECK(make_call(a, "300", &call) > 0);
    while (next_msg(app, &m))
        offered |= m.dwMessageID == LINE_APPNEWCALL && m.hDevice == b;
    CHECK(offered);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(set_line_bad_values_change_nothing)
{
    CHECK_EQ(tapisim_set_lines(2), 0);
    CHECK_ERR(tapisim_set_line(0, NULL, "x"), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_set_line(0, (const char *)16, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_set_line(2, "200", NULL), LINEERR_BADDEVICEID);
    CHECK_ERR(tapisim_set_line(0, "", NULL), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_set_line(0, "12x", NULL), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_set_line(0, "12345678901234567890123456789012", NULL), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_set_line(0, "101", NULL), LINEERR_INVALADDRESS); /* line 1's */
    CHECK_ERR(tapisim_set_line(0, "200", ""), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_line(0, "200", "tab\there"), LINEERR_INVALPARAM);
    char longName[TAPISIM_NAME_MAX + 2];
    memset(longName, 'n', sizeof longName - 1);
    longName[sizeof longName - 1] = '\0';
    CHECK_ERR(tapisim_set_line(0, "200", longName), LINEERR_INVALPARAM);
    longName[TAPISIM_NAME_MAX] = '\0';
    CHECK_EQ(tapisim_set_line(1, "101", longName), 0);   /* its own number, the longest name */
    HLINEAPP app = init_app("t");
    char s[80];
    address_of(app, 0, s, sizeof s);
    CHECK(strcmp(s, "100") == 0);
    line_name(app, 0, s, sizeof s);
    CHECK(strcmp(s, "Simulated line 100") == 0);
    line_name(app, 1, s, sizeof s);
    CHECK(strcmp(s, longName) == 0);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(setters_refuse_while_an_app_is_initialised)
{
    HLINEAPP app = init_app("t");
    CHECK_ERR(tapisim_set_lines(2), LINEERR_INUSE);
    CHECK_ERR(tapisim_set_line(0, "200", NULL), LINEERR_INUSE);
    CHECK_ERR(tapisim_set_completion_caps(0, 1, LINECALLCOMPLMODE_CAMPON, LINECALLCOMPLCOND_BUSY),
              LINEERR_INUSE);
    CHECK_ERR(tapisim_set_completion_messages(0, "x"), LINEERR_INUSE);
    char s[80];
    address_of(app, 0, s, sizeof s);
    CHECK(strcmp(s, "100") == 0);
    CHECK_EQ(lineShutdown(app), 0);
    CHECK_EQ(num_devs(), TAPISIM_DEFAULT_LINES);
    CHECK_EQ(tapisim_set_lines(2), 0);              /* after lineShutdown it may */
    check_switch();
}

TEST(completion_caps_show_in_the_address_caps)
{
    CHECK_EQ(tapisim_set_completion_caps(1, 2, LINECALLCOMPLMODE_CALLBACK | LINECALLCOMPLMODE_CAMPON,
                                         LINECALLCOMPLCOND_BUSY), 0);
    CHECK_EQ(tapisim_set_completion_caps(2, 0, 0, 0), 0);
    HLINEAPP app = init_app("t");
    addr_caps u;
    address_caps(app, 1, &u);
    CHECK_EQ(u.c.dwMaxCallCompletions, 2);
    CHECK_EQ(u.c.dwCallCompletionModes, LINECALLCOMPLMODE_CALLBACK | LINECALLCOMPLMODE_CAMPON);
    CHECK_EQ(u.c.dwCallCompletionConds, LINECALLCOMPLCOND_BUSY);
    CHECK_EQ(u.c.dwCallFeatures2, LINECALLFEATURE2_COMPLCAMPON | LINECALLFEATURE2_COMPLCALLBACK);
    address_caps(app, 2, &u);
    CHECK_EQ(u.c.dwMaxCallCompletions, 0);
    CHECK_EQ(u.c.dwCallFeatures & LINECALLFEATURE_COMPLETECALL, 0);
    address_caps(app, 0, &u);
    CHECK_EQ(u.c.dwMaxCallCompletions, 4);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(completion_caps_are_honoured)
{
    CHECK_EQ(tapisim_set_completion_caps(0, 1, LINECALLCOMPLMODE_CALLBACK, LINECALLCOMPLCOND_BUSY), 0);
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    CHECK_EQ(tapisim_set_station("202", TAPISIM_STATION_BUSY), 0);
    HCALL c1 = 0, c2 = 0;
    CHECK(make_call(line, "201", &c1) > 0);
    CHECK(make_call(line, "202", &c2) > 0);
    drain(app);
    DWORD id = 0;
    CHECK_ERR(reply_of(app, lineCompleteCall(c1, &id, LINECALLCOMPLMODE_CAMPON, 0)),
              LINEERR_INVALCALLCOMPLMODE);
    CHECK_EQ(reply_of(app, lineCompleteCall(c1, &id, LINECALLCOMPLMODE_CALLBACK, 0)), 0);
    CHECK_ERR(reply_of(app, lineCompleteCall(c2, &id, LINECALLCOMPLMODE_CALLBACK, 0)),
              LINEERR_COMPLETIONOVERRUN);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(completion_caps_bad_values_change_nothing)
{
    CHECK_ERR(tapisim_set_completion_caps(TAPISIM_DEFAULT_LINES, 1, 0, 0), LINEERR_BADDEVICEID);
    CHECK_ERR(tapisim_set_completion_caps(0, TAPISIM_MAX_CALL_COMPLETIONS + 1, 0, 0), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_completion_caps(0, 1, 0x10, 0), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_completion_caps(0, 1, 0, 0x4), LINEERR_INVALPARAM);
    HLINEAPP app = init_app("t");
    addr_caps u;
    address_caps(app, 0, &u);
    CHECK_EQ(u.c.dwMaxCallCompletions, 4);
    CHECK_EQ(u.c.dwCallCompletionModes, 0x0F);
    CHECK_EQ(u.c.dwCallCompletionConds, LINECALLCOMPLCOND_BUSY | LINECALLCOMPLCOND_NOANSWER);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(completion_messages_show_and_limit_message_ids)
{
    CHECK_EQ(tapisim_set_completion_messages(0, "Call reception\nBack in 5 minutes"), 0);
    CHECK_EQ(tapisim_set_completion_messages(1, ""), 0);
    HLINEAPP app = init_app("t");
    addr_caps u;
    address_caps(app, 0, &u);
    CHECK_EQ(u.c.dwNumCompletionMessages, 2);
    char s[80];
    message_of(&u, 0, s, sizeof s);
    CHECK(strcmp(s, "Call reception") == 0);
    message_of(&u, 1, s, sizeof s);
    CHECK(strcmp(s, "Back in 5 minutes") == 0);
    address_caps(app, 1, &u);
    CHECK_EQ(u.c.dwNumCompletionMessages, 0);
    CHECK_EQ(u.c.dwCompletionMsgTextSize, 0);
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    HCALL call = 0;
    CHECK(make_call(line, "201", &call) > 0);
    drain(app);
    DWORD id = 0;
    CHECK_ERR(reply_of(app, lineCompleteCall(call, &id, LINECALLCOMPLMODE_MESSAGE, 2)),
              LINEERR_INVALMESSAGEID);
    CHECK_EQ(reply_of(app, lineCompleteCall(call, &id, LINECALLCOMPLMODE_MESSAGE, 1)), 0);
    CHECK_EQ(lineShutdown(app), 0);
    CHECK_EQ(tapisim_set_completion_messages(0, NULL), 0);   /* the default three again */
    app = init_app("t");
    address_caps(app, 0, &u);
    CHECK_EQ(u.c.dwNumCompletionMessages, 3);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(completion_messages_bad_values_change_nothing)
{
    CHECK_ERR(tapisim_set_completion_messages(0, (const char *)16), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_set_completion_messages(TAPISIM_DEFAULT_LINES, "x"), LINEERR_BADDEVICEID);
    CHECK_ERR(tapisim_set_completion_messages(0, "a\n\nb"), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_completion_messages(0, "a\n"), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_completion_messages(0, "1\n2\n3\n4\n5\n6\n7\n8\n9"), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_completion_messages(0, "bad\x01"), LINEERR_INVALPARAM);
    CHECK_EQ(tapisim_set_completion_messages(1, "1\n2\n3\n4\n5\n6\n7\n8"), 0);
    HLINEAPP app = init_app("t");
    addr_caps u;
    address_caps(app, 0, &u);
    CHECK_EQ(u.c.dwNumCompletionMessages, 3);
    char s[80];
    message_of(&u, 0, s, sizeof s);
    CHECK(strcmp(s, "Please call me back") == 0);
    address_caps(app, 1, &u);
    CHECK_EQ(u.c.dwNumCompletionMessages, 8);
    message_of(&u, 7, s, sizeof s);
    CHECK(strcmp(s, "8") == 0);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(reset_restores_the_default_topology)
{
    CHECK_EQ(tapisim_set_lines(2), 0);
    CHECK_EQ(tapisim_set_line(0, "200", "Reception"), 0);
    CHECK_EQ(tapisim_set_completion_caps(0, 1, 0, 0), 0);
    CHECK_EQ(tapisim_set_completion_messages(0, ""), 0);
    CHECK_EQ(tapisim_reset(), 0);
    CHECK_EQ(num_devs(), TAPISIM_DEFAULT_LINES);
    HLINEAPP app = init_app("t");
    char s[80];
    line_name(app, 0, s, sizeof s);
    CHECK(strcmp(s, "Simulated line 100") == 0);
    addr_caps u;
    address_caps(app, 0, &u);
    CHECK_EQ(u.c.dwMaxCallCompletions, 4);
    CHECK_EQ(u.c.dwCallCompletionModes, 0x0F);
    CHECK_EQ(u.c.dwNumCompletionMessages, 3);
    address_of(app, 3, s, sizeof s);
    CHECK(strcmp(s, "103") == 0);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(set_lines_changes_the_device_count),
        T(set_lines_bad_count_changes_nothing),
        T(set_line_number_and_name_show_in_the_caps),
        T(calls_reach_the_configured_numbers),
        T(set_line_bad_values_change_nothing),
        T(setters_refuse_while_an_app_is_initialised),
        T(completion_caps_show_in_the_address_caps),
        T(completion_caps_are_honoured),
        T(completion_caps_bad_values_change_nothing),
        T(completion_messages_show_and_limit_message_ids),
        T(completion_messages_bad_values_change_nothing),
        T(reset_restores_the_default_topology),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
