/*
 * Several addresses per line (tapisim_set_addresses and the per-address caps setters): what
 * LINEDEVCAPS and LINEADDRESSCAPS report, which address a call is offered on or placed from,
 * the busy state of each address, the completion caps of the call's address, and the errors
 * of the setters (which change nothing).
 */
#include "sim_test.h"

#define V31 0x00030001u
#define OWNER LINECALLPRIVILEGE_OWNER

static void check_switch(void)
{
    char why[200] = "";
    CHECK_EQ(tapisim_check(why, sizeof why), 0);
    if (why[0])
        fprintf(stderr, "  %s\n", why);
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

static DWORD num_addresses(HLINEAPP app, DWORD dev)
{
    union { LINEDEVCAPS c; unsigned char raw[2048]; } u;
    memset(&u, 0, sizeof u);
    u.c.dwTotalSize = sizeof u;
    CHECK_EQ(lineGetDevCapsW(app, dev, V31, 0, &u.c), 0);
    return u.c.dwNumAddresses;
}

typedef union { LINEADDRESSCAPS c; unsigned char raw[4096]; } addr_caps;

static LONG address_caps(HLINEAPP app, DWORD dev, DWORD addressId, addr_caps *u)
{
    memset(u, 0, sizeof *u);
    u->c.dwTotalSize = sizeof *u;
    return lineGetAddressCapsW(app, dev, addressId, V31, 0, &u->c);
}

/* The dwAddress text of an address, "" if lineGetAddressCapsW fails. */
static void address_text(HLINEAPP app, DWORD dev, DWORD addressId, char *out, size_t n)
{
    addr_caps u;
    out[0] = '\0';
    if (address_caps(app, dev, addressId, &u) == 0)
        wstr_at(&u, u.c.dwAddressOffset, u.c.dwAddressSize, out, n);
}

static int address_is(HLINEAPP app, DWORD dev, DWORD addressId, const char *number)
{
    char s[64];
    address_text(app, dev, addressId, s, sizeof s);
    return strcmp(s, number) == 0;
}

static LINECALLINFO *call_info(HCALL call, unsigned char *buf, size_t size)
{
    memset(buf, 0, size);
    LINECALLINFO *ci = (LINECALLINFO *)buf;
    ci->dwTotalSize = (DWORD)size;
    CHECK_EQ(lineGetCallInfoW(call, ci), 0);
    return ci;
}

static int party_is(const LINECALLINFO *ci, DWORD off, DWORD size, const char *number)
{
    char s[64];
    wstr_at(ci, off, size, s, sizeof s);
    return size != 0 && strcmp(s, number) == 0;
}

/* The next LINE_APPNEWCALL on `line` (other messages skipped): its address ID in *addressId. */
static HCALL new_call_on(HLINEAPP app, HLINE line, DWORD *addressId)
{
    LINEMESSAGE m;
    while (next_msg(app, &m))
        if (m.dwMessageID == LINE_APPNEWCALL && m.hDevice == line) {
            *addressId = (DWORD)m.dwParam1;
            return (HCALL)m.dwParam2;
        }
    return 0;
}

/* lineMakeCallW from address `addressId` (LINECALLPARAMS, LINEADDRESSMODE_ADDRESSID). */
static LONG make_call_from(HLINE line, DWORD addressId, const char *dest, HCALL *call)
{
    LINECALLPARAMS cp;
    memset(&cp, 0, sizeof cp);
    cp.dwTotalSize = sizeof cp;
    cp.dwAddressMode = LINEADDRESSMODE_ADDRESSID;
    cp.dwAddressID = addressId;
    WCHAR w[64];
    to_wide(dest, w, 64);
    return lineMakeCallW(line, call, w, 0, &cp);
}

TEST(addresses_show_in_the_dev_caps_and_the_address_caps)
{
    CHECK_EQ(tapisim_set_lines(2), 0);
    CHECK_EQ(tapisim_set_addresses(0, "200\n201\n*7#"), 0);
    HLINEAPP app = init_app("t");
    CHECK_EQ(num_addresses(app, 0), 3);
    CHECK_EQ(num_addresses(app, 1), 1);
    CHECK(address_is(app, 0, 0, "200"));
    CHECK(address_is(app, 0, 1, "201"));
    CHECK(address_is(app, 0, 2, "*7#"));
    CHECK(address_is(app, 1, 0, "101"));
    addr_caps u;
    CHECK_ERR(address_caps(app, 0, 3, &u), LINEERR_INVALADDRESSID);
    CHECK_ERR(address_caps(app, 1, 1, &u), LINEERR_INVALADDRESSID);
    CHECK_EQ(address_caps(app, 0, 2, &u), 0);
    CHECK_EQ(u.c.dwLineDeviceID, 0);
    CHECK_EQ(u.c.dwMaxCallCompletions, 4); /* a new address has the default caps */
    CHECK_EQ(u.c.dwNumCompletionMessages, 3);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(call_to_an_address_number_is_offered_on_that_address)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    HLINEAPP app = init_app("t");
    HLINE line0 = open_line(app, 0, V31, OWNER, 0);
    HLINE line1 = open_line(app, 1, V31, OWNER, 0);
    drain(app);
    HCALL out = 0;
    CHECK(make_call(line1, "150", &out) > 0);
    DWORD addressId = 99;
    HCALL in = new_call_on(app, line0, &addressId);
    CHECK(in != 0);
    CHECK_EQ(addressId, 1);
    unsigned char buf[2048];
    LINECALLINFO *ci = call_info(in, buf, sizeof buf);
    CHECK_EQ(ci->dwAddressID, 1);
    CHECK(party_is(ci, ci->dwCalledIDOffset, ci->dwCalledIDSize, "150"));
    CHECK(party_is(ci, ci->dwCallerIDOffset, ci->dwCallerIDSize, "101"));
    ci = call_info(out, buf, sizeof buf);
    CHECK_EQ(ci->dwAddressID, 0);
    CHECK(party_is(ci, ci->dwCalledIDOffset, ci->dwCalledIDSize, "150"));
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(remote_call_to_an_address_number_is_offered_on_that_address)
{
    CHECK_EQ(tapisim_set_addresses(2, "102\n152\n153"), 0);
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 2, V31, OWNER, 0);
    drain(app);
    CHECK_EQ(tapisim_remote_call("0301", NULL, "153", NULL), 0);
    DWORD addressId = 99;
    HCALL in = new_call_on(app, line, &addressId);
    CHECK(in != 0);
    CHECK_EQ(addressId, 2);
    unsigned char buf[2048];
    LINECALLINFO *ci = call_info(in, buf, sizeof buf);
    CHECK_EQ(ci->dwAddressID, 2);
    CHECK(party_is(ci, ci->dwCalledIDOffset, ci->dwCalledIDSize, "153"));
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(make_call_uses_the_address_of_the_call_params)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    HLINEAPP app = init_app("t");
    HLINE line0 = open_line(app, 0, V31, OWNER, 0);
    HLINE line1 = open_line(app, 1, V31, OWNER, 0);
    drain(app);
    HCALL out = 0;
    CHECK_EQ(reply_of(app, make_call_from(line0, 1, "101", &out)), 0);
    unsigned char buf[2048];
    LINECALLINFO *ci = call_info(out, buf, sizeof buf);
    CHECK_EQ(ci->dwAddressID, 1);
    CHECK(party_is(ci, ci->dwCallerIDOffset, ci->dwCallerIDSize, "150"));
    DWORD addressId = 99;
    HCALL in = new_call_on(app, line1, &addressId);
    CHECK(in != 0);
    CHECK_EQ(addressId, 0);
    ci = call_info(in, buf, sizeof buf);
    CHECK(party_is(ci, ci->dwCallerIDOffset, ci->dwCallerIDSize, "150")); /* who called */
    HCALL bad = 0;
    CHECK_ERR(reply_of(app, make_call_from(line0, 2, "102", &bad)), LINEERR_INVALADDRESSID);
    CHECK_ERR(reply_of(app, make_call_from(line1, 1, "102", &bad)), LINEERR_INVALADDRESSID);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(each_address_is_busy_on_its_own)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    HLINEAPP app = init_app("t");
    HLINE line0 = open_line(app, 0, V31, OWNER, 0);
    HLINE line1 = open_line(app, 1, V31, OWNER, 0);
    HLINE line2 = open_line(app, 2, V31, OWNER, 0);
    HLINE line3 = open_line(app, 3, V31, OWNER, 0);
    drain(app);
    HCALL a = 0, b = 0, c = 0;
    CHECK(make_call(line1, "100", &a) > 0); /* address 0 now has a call (offered) */
    drain(app);
    CHECK(make_call(line2, "150", &b) > 0); /* address 1 is free */
    drain(app);
    CHECK_EQ(call_state(b), LINECALLSTATE_RINGBACK);
    CHECK(make_call(line3, "100", &c) > 0);
    drain(app);
    CHECK_EQ(call_state(c), LINECALLSTATE_BUSY);
    CHECK(lineDrop(b, NULL, 0) > 0);
    CHECK(lineDrop(c, NULL, 0) > 0);
    drain(app);
    /* the station state of one address */
    CHECK_EQ(tapisim_set_station("150", TAPISIM_STATION_BUSY), 0);
    DWORD callId = 1;
    CHECK_EQ(tapisim_remote_call("0301", NULL, "150", &callId), 0);
    CHECK_EQ(callId, 0);
    CHECK(make_call(line2, "150", &b) > 0);
    drain(app);
    CHECK_EQ(call_state(b), LINECALLSTATE_BUSY);
    CHECK_EQ(tapisim_set_station("150", TAPISIM_STATION_NOANSWER), 0);
    CHECK(lineDrop(b, NULL, 0) > 0);
    drain(app);
    CHECK(make_call(line2, "150", &b) > 0);
    drain(app);
    CHECK_EQ(call_state(b), LINECALLSTATE_RINGBACK);
    (void)line0;
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(single_address_open_gets_only_the_calls_of_its_address)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    HLINEAPP app = init_app("t");
    HLINEAPP other = init_app("other");
    LINECALLPARAMS cp;
    memset(&cp, 0, sizeof cp);
    cp.dwTotalSize = sizeof cp;
    cp.dwAddressID = 1;
    HLINE single = 0;
    CHECK_EQ(lineOpenW(app, 0, &single, V31, 0, 0, OWNER | LINEOPENOPTION_SINGLEADDRESS,
                       LINEMEDIAMODE_INTERACTIVEVOICE, &cp), 0);
    HLINE all = open_line(other, 0, V31, OWNER, 0);
    cp.dwAddressID = 2;
    HLINE none = 0;
    CHECK_ERR(lineOpenW(app, 0, &none, V31, 0, 0, OWNER | LINEOPENOPTION_SINGLEADDRESS,
                        LINEMEDIAMODE_INTERACTIVEVOICE, &cp), LINEERR_INVALADDRESSID);
    drain(app);
    drain(other);
    CHECK_EQ(tapisim_remote_call("0301", NULL, "100", NULL), 0);
    DWORD addressId = 99;
    CHECK(new_call_on(other, all, &addressId) != 0);
    CHECK_EQ(addressId, 0);
    CHECK(new_call_on(app, single, &addressId) == 0);
    CHECK_EQ(tapisim_remote_call("0302", NULL, "150", NULL), 0);
    CHECK(new_call_on(app, single, &addressId) != 0);
    CHECK_EQ(addressId, 1);
    CHECK_EQ(lineShutdown(app), 0);
    CHECK_EQ(lineShutdown(other), 0);
    check_switch();
}

TEST(address_completion_caps_show_in_that_address_caps)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    CHECK_EQ(tapisim_set_address_completion_caps(0, 1, 1, LINECALLCOMPLMODE_CALLBACK,
                                                 LINECALLCOMPLCOND_BUSY), 0);
    CHECK_EQ(tapisim_set_address_completion_messages(0, 1, "Only one"), 0);
    HLINEAPP app = init_app("t");
    addr_caps u;
    CHECK_EQ(address_caps(app, 0, 1, &u), 0);
    CHECK_EQ(u.c.dwMaxCallCompletions, 1);
    CHECK_EQ(u.c.dwCallCompletionModes, LINECALLCOMPLMODE_CALLBACK);
    CHECK_EQ(u.c.dwCallCompletionConds, LINECALLCOMPLCOND_BUSY);
    CHECK_EQ(u.c.dwNumCompletionMessages, 1);
    CHECK_EQ(u.c.dwCallFeatures2, LINECALLFEATURE2_COMPLCALLBACK);
    CHECK_EQ(address_caps(app, 0, 0, &u), 0); /* address 0 keeps the defaults */
    CHECK_EQ(u.c.dwMaxCallCompletions, 4);
    CHECK_EQ(u.c.dwNumCompletionMessages, 3);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(complete_call_checks_the_caps_of_the_calls_address)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    CHECK_EQ(tapisim_set_address_completion_caps(0, 1, 1, LINECALLCOMPLMODE_CALLBACK
                                                 | LINECALLCOMPLMODE_MESSAGE, LINECALLCOMPLCOND_BUSY), 0);
    CHECK_EQ(tapisim_set_address_completion_messages(0, 1, "Only one"), 0);
    CHECK_EQ(tapisim_set_completion_caps(0, 0, 0, 0), 0); /* address 0: no completion */
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    for (int i = 0; i < 4; i++) {
        char n[8];
        snprintf(n, sizeof n, "20%d", i);
        CHECK_EQ(tapisim_set_station(n, TAPISIM_STATION_BUSY), 0);
    }
    HCALL c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    CHECK_EQ(reply_of(app, make_call(line, "200", &c0)), 0);
    CHECK_EQ(reply_of(app, make_call_from(line, 1, "201", &c1)), 0);
    CHECK_EQ(reply_of(app, make_call_from(line, 1, "202", &c2)), 0);
    CHECK_EQ(reply_of(app, make_call_from(line, 1, "203", &c3)), 0);
    drain(app);
    DWORD id = 0;
    CHECK_ERR(reply_of(app, lineCompleteCall(c0, &id, LINECALLCOMPLMODE_CALLBACK, 0)),
              LINEERR_OPERATIONUNAVAIL);
    CHECK_ERR(reply_of(app, lineCompleteCall(c1, &id, LINECALLCOMPLMODE_CAMPON, 0)),
              LINEERR_INVALCALLCOMPLMODE);
    CHECK_ERR(reply_of(app, lineCompleteCall(c1, &id, LINECALLCOMPLMODE_MESSAGE, 1)),
              LINEERR_INVALMESSAGEID);
    CHECK_EQ(reply_of(app, lineCompleteCall(c1, &id, LINECALLCOMPLMODE_CALLBACK, 0)), 0);
    DWORD first = id;
    CHECK_ERR(reply_of(app, lineCompleteCall(c2, &id, LINECALLCOMPLMODE_CALLBACK, 0)),
              LINEERR_COMPLETIONOVERRUN);
    /* the line's completion IDs: lineUncompleteCall works though address 0 offers none */
    CHECK_EQ(reply_of(app, lineUncompleteCall(line, first)), 0);
    CHECK_EQ(reply_of(app, lineCompleteCall(c3, &id, LINECALLCOMPLMODE_CALLBACK, 0)), 0);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(overrun_counts_the_requests_of_one_address)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    CHECK_EQ(tapisim_set_address_completion_caps(0, 1, 1, LINECALLCOMPLMODE_CALLBACK,
                                                 LINECALLCOMPLCOND_BUSY), 0);
    CHECK_EQ(tapisim_set_completion_caps(0, 1, LINECALLCOMPLMODE_CALLBACK, LINECALLCOMPLCOND_BUSY), 0);
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_set_station("200", TAPISIM_STATION_BUSY), 0);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    HCALL c0 = 0, c1 = 0;
    CHECK_EQ(reply_of(app, make_call(line, "200", &c0)), 0);
    CHECK_EQ(reply_of(app, make_call_from(line, 1, "201", &c1)), 0);
    drain(app);
    DWORD id0 = 0, id1 = 0;
    CHECK_EQ(reply_of(app, lineCompleteCall(c0, &id0, LINECALLCOMPLMODE_CALLBACK, 0)), 0);
    CHECK_EQ(reply_of(app, lineCompleteCall(c1, &id1, LINECALLCOMPLMODE_CALLBACK, 0)), 0);
    CHECK(id0 != id1);
    LINEDEVSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_EQ(lineGetLineDevStatusW(line, &st), 0);
    CHECK_EQ(st.dwNumCallCompletions, 2); /* the line's, of all its addresses */
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(callback_recall_rings_on_the_requesting_address)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_set_station("0301", TAPISIM_STATION_BUSY), 0);
    HCALL c1 = 0;
    CHECK_EQ(reply_of(app, make_call_from(line, 1, "0301", &c1)), 0);
    drain(app);
    DWORD id = 0;
    CHECK_EQ(reply_of(app, lineCompleteCall(c1, &id, LINECALLCOMPLMODE_CALLBACK, 0)), 0);
    CHECK(lineDrop(c1, NULL, 0) > 0);
    drain(app);
    CHECK_EQ(lineDeallocateCall(c1), 0);
    CHECK_EQ(tapisim_set_station("0301", TAPISIM_STATION_IDLE), 0);
    CHECK_EQ(tapisim_advance(10000), 0);
    DWORD addressId = 99;
    HCALL recall = new_call_on(app, line, &addressId);
    CHECK(recall != 0);
    CHECK_EQ(addressId, 1);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(set_addresses_bad_values_change_nothing)
{
    CHECK_EQ(tapisim_set_lines(2), 0);
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    CHECK_ERR(tapisim_set_addresses(0, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_set_addresses(0, ""), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_addresses(0, "1\n2\n3\n4\n5\n6\n7\n8\n9"), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_addresses(0, "200\n200"), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_set_addresses(0, "200\n101"), LINEERR_INVALADDRESS); /* line 1's */
    CHECK_ERR(tapisim_set_addresses(0, "200\n\n201"), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_set_addresses(0, "200\n2x1"), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_set_addresses(0, "200\n12345678901234567890123456789012"), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_set_addresses(2, "200"), LINEERR_BADDEVICEID);
    CHECK_ERR(tapisim_set_line(1, "150", NULL), LINEERR_INVALADDRESS); /* line 0's address 1 */
    CHECK_ERR(tapisim_set_line(0, "150", NULL), LINEERR_INVALADDRESS); /* its own address 1 */
    CHECK_ERR(tapisim_set_address_completion_caps(0, 2, 1, LINECALLCOMPLMODE_CALLBACK,
                                                  LINECALLCOMPLCOND_BUSY), LINEERR_INVALADDRESSID);
    CHECK_ERR(tapisim_set_address_completion_caps(1, 1, 1, LINECALLCOMPLMODE_CALLBACK,
                                                  LINECALLCOMPLCOND_BUSY), LINEERR_INVALADDRESSID);
    CHECK_ERR(tapisim_set_address_completion_caps(2, 0, 1, LINECALLCOMPLMODE_CALLBACK,
                                                  LINECALLCOMPLCOND_BUSY), LINEERR_BADDEVICEID);
    CHECK_ERR(tapisim_set_address_completion_caps(0, 1, 1, 0x100, 0), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_set_address_completion_messages(0, 2, "x"), LINEERR_INVALADDRESSID);
    CHECK_ERR(tapisim_set_address_completion_messages(0, 1, "x\n\ny"), LINEERR_INVALPARAM);
    CHECK_EQ(tapisim_set_addresses(0, "150\n100"), 0); /* its own numbers, swapped */
    HLINEAPP app = init_app("t");
    CHECK_ERR(tapisim_set_addresses(0, "100"), LINEERR_INUSE);
    CHECK_ERR(tapisim_set_address_completion_caps(0, 1, 0, 0, 0), LINEERR_INUSE);
    CHECK_ERR(tapisim_set_address_completion_messages(0, 1, ""), LINEERR_INUSE);
    CHECK_EQ(num_addresses(app, 0), 2);
    CHECK(address_is(app, 0, 0, "150"));
    CHECK(address_is(app, 0, 1, "100"));
    addr_caps u;
    CHECK_EQ(address_caps(app, 0, 1, &u), 0);
    CHECK_EQ(u.c.dwMaxCallCompletions, 4);
    CHECK_EQ(u.c.dwNumCompletionMessages, 3);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(set_addresses_keeps_the_caps_of_addresses_that_stay)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    CHECK_EQ(tapisim_set_address_completion_caps(0, 1, 2, LINECALLCOMPLMODE_CAMPON,
                                                 LINECALLCOMPLCOND_BUSY), 0);
    CHECK_EQ(tapisim_set_address_completion_messages(0, 1, ""), 0);
    CHECK_EQ(tapisim_set_station("150", TAPISIM_STATION_BUSY), 0);
    CHECK_EQ(tapisim_set_addresses(0, "100\n151\n152"), 0);
    CHECK_EQ(tapisim_set_addresses(0, "100\n151"), 0);
    CHECK_EQ(tapisim_set_addresses(0, "100\n151\n152"), 0); /* address 2 comes back as new */
    HLINEAPP app = init_app("t");
    addr_caps u;
    CHECK_EQ(address_caps(app, 0, 1, &u), 0);
    CHECK_EQ(u.c.dwMaxCallCompletions, 2);
    CHECK_EQ(u.c.dwCallCompletionModes, LINECALLCOMPLMODE_CAMPON);
    CHECK_EQ(u.c.dwNumCompletionMessages, 0);
    CHECK_EQ(address_caps(app, 0, 2, &u), 0);
    CHECK_EQ(u.c.dwMaxCallCompletions, 4);
    CHECK_EQ(u.c.dwNumCompletionMessages, 3);
    HLINE line = open_line(app, 1, V31, OWNER, 0);
    HCALL c = 0;
    CHECK(make_call(line, "151", &c) > 0); /* the station state stayed with address 1 */
    drain(app);
    CHECK_EQ(call_state(c), LINECALLSTATE_BUSY);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(set_lines_and_reset_restore_one_address)
{
    CHECK_EQ(tapisim_set_addresses(1, "101\n151"), 0);
    CHECK_EQ(tapisim_set_lines(2), 0);
    HLINEAPP app = init_app("t");
    CHECK_EQ(num_addresses(app, 1), 1);
    CHECK_EQ(lineShutdown(app), 0);
    CHECK_EQ(tapisim_set_addresses(1, "101\n151"), 0);
    CHECK_EQ(tapisim_reset(), 0);
    app = init_app("t");
    CHECK_EQ(num_addresses(app, 1), 1);
    DWORD callId = 0;
    CHECK_ERR(tapisim_remote_call("0301", NULL, "151", &callId), LINEERR_BADDEVICEID);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(addresses_show_in_the_dev_caps_and_the_address_caps),
        T(call_to_an_address_number_is_offered_on_that_address),
        T(remote_call_to_an_address_number_is_offered_on_that_address),
        T(make_call_uses_the_address_of_the_call_params),
        T(each_address_is_busy_on_its_own),
        T(single_address_open_gets_only_the_calls_of_its_address),
        T(address_completion_caps_show_in_that_address_caps),
        T(complete_call_checks_the_caps_of_the_calls_address),
        T(overrun_counts_the_requests_of_one_address),
        T(callback_recall_rings_on_the_requesting_address),
        T(set_addresses_bad_values_change_nothing),
        T(set_addresses_keeps_the_caps_of_addresses_that_stay),
        T(set_lines_and_reset_restore_one_address),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
