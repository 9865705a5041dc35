/*
 * lineGetAddressStatusW: the structure's size in every version, its errors and the injected
 * fault, and the counts and address features following the calls of each address: idle,
 * connected, on hold, on hold pending transfer, conference, the call limit of an address and
 * a waiting completion request.
 */
#include "transfer_test.h"

#undef lineGetAddressStatus

#define STATUS_SIZE 64u /* LINEADDRESSSTATUS, the same in every version */

typedef union { LINEADDRESSSTATUS s; unsigned char raw[256]; } addr_status;

static LONG get_status(HLINE line, DWORD addressId, addr_status *u)
{
    memset(u, 0xA5, sizeof *u);
    u->s.dwTotalSize = sizeof *u;
    return lineGetAddressStatusW(line, addressId, &u->s);
}

/* The status of an address, checked to succeed. */
static LINEADDRESSSTATUS status(HLINE line, DWORD addressId)
{
    addr_status u;
    CHECK_EQ(get_status(line, addressId, &u), 0);
    return u.s;
}

#define COUNTS(st, inUse, active, held, pend) do { LINEADDRESSSTATUS s_ = (st); \
    CHECK_EQ(s_.dwNumInUse, inUse); CHECK_EQ(s_.dwNumActiveCalls, active); \
    CHECK_EQ(s_.dwNumOnHoldCalls, held); CHECK_EQ(s_.dwNumOnHoldPendCalls, pend); } while (0)

static DWORD addr_features(HLINE line, DWORD addressId)
{
    return status(line, addressId).dwAddressFeatures;
}

static DWORD caps_features(HLINEAPP app, DWORD dev, DWORD addressId)
{
    union { LINEADDRESSCAPS c; unsigned char raw[4096]; } u;
    memset(&u, 0, sizeof u);
    u.c.dwTotalSize = sizeof u;
    CHECK_EQ(lineGetAddressCapsW(app, dev, addressId, V31, 0, &u.c), 0);
    return u.c.dwAddressFeatures;
}

/* lineMakeCallW from address `addressId`, NULL destination (dial tone). */
static LONG dialtone_call(HLINE line, DWORD addressId, HCALL *call)
{
    LINECALLPARAMS cp;
    memset(&cp, 0, sizeof cp);
    cp.dwTotalSize = sizeof cp;
    cp.dwAddressMode = LINEADDRESSMODE_ADDRESSID;
    cp.dwAddressID = addressId;
    return lineMakeCallW(line, call, NULL, 0, &cp);
}

TEST(address_status_has_one_size_in_every_version)
{
    static const DWORD versions[] = { 0x00010003u, 0x00010004u, 0x00020000u, 0x00020002u, V31 };
    HLINEAPP app = init_app("t");
    for (size_t i = 0; i < sizeof versions / sizeof *versions; i++) {
        HLINE line = open_line(app, 0, versions[i], OWNER, 0);
        addr_status u;
        memset(&u, 0xA5, sizeof u);
        u.s.dwTotalSize = STATUS_SIZE - 1;
        CHECK_ERR(lineGetAddressStatusW(line, 0, &u.s), LINEERR_STRUCTURETOOSMALL);
        CHECK_EQ(u.s.dwNeededSize, 0xA5A5A5A5u); /* nothing written */
        u.s.dwTotalSize = STATUS_SIZE;
        CHECK_EQ(lineGetAddressStatusW(line, 0, &u.s), 0);
        CHECK_EQ(u.s.dwTotalSize, STATUS_SIZE);
        CHECK_EQ(u.s.dwNeededSize, STATUS_SIZE);
        CHECK_EQ(u.s.dwUsedSize, STATUS_SIZE);
        CHECK_EQ(u.raw[STATUS_SIZE], 0xA5); /* past the fixed part: untouched */
        CHECK_EQ(get_status(line, 0, &u), 0);
        CHECK_EQ(u.s.dwTotalSize, sizeof u);
        CHECK_EQ(u.s.dwNeededSize, STATUS_SIZE);
        CHECK_EQ(u.s.dwUsedSize, STATUS_SIZE);
        CHECK_EQ(u.s.dwForwardNumEntries, 0);
        CHECK_EQ(u.s.dwForwardSize, 0);
        CHECK_EQ(u.s.dwForwardOffset, 0);
        CHECK_EQ(u.s.dwTerminalModesSize, 0);
        CHECK_EQ(u.s.dwTerminalModesOffset, 0);
        CHECK_EQ(u.s.dwDevSpecificSize, 0);
        CHECK_EQ(u.s.dwNumRingsNoAnswer, 0);
        CHECK_EQ(lineClose(line), 0);
    }
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(address_status_errors)
{
    addr_status u;
    CHECK_ERR(get_status(0x1234, 0, &u), LINEERR_UNINITIALIZED);
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_ERR(lineGetAddressStatusW(line, 0, NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(get_status(line + 1000, 0, &u), LINEERR_INVALLINEHANDLE);
    CHECK_ERR(get_status(0, 0, &u), LINEERR_INVALLINEHANDLE);
    CHECK_ERR(get_status(line, 2, &u), LINEERR_INVALADDRESSID);
    CHECK_EQ(u.s.dwNeededSize, 0xA5A5A5A5u);
    CHECK_ERR(get_status(line, 0xFFFFFFFFu, &u), LINEERR_INVALADDRESSID);
    CHECK_EQ(get_status(line, 1, &u), 0);
    /* The ANSI and TAPI 1.x names are not implemented. */
    CHECK_ERR(lineGetAddressStatusA(line, 0, &u.s), LINEERR_OPERATIONUNAVAIL);
    CHECK_ERR(lineGetAddressStatus(line, 0, &u.s), LINEERR_OPERATIONUNAVAIL);
    CHECK_EQ(lineClose(line), 0);
    CHECK_ERR(get_status(line, 0, &u), LINEERR_INVALLINEHANDLE);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

TEST(address_status_takes_an_injected_fault)
{
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_fail_next("lineGetAddressStatusW", LINEERR_RESOURCEUNAVAIL), 0);
    addr_status u;
    CHECK_ERR(get_status(line, 1, &u), LINEERR_INVALADDRESSID); /* refused first: fault kept */
    CHECK_ERR(get_status(line, 0, &u), LINEERR_RESOURCEUNAVAIL);
    CHECK_EQ(u.s.dwNeededSize, 0xA5A5A5A5u);
    CHECK_EQ(get_status(line, 0, &u), 0);
    CHECK_EQ(u.s.dwNeededSize, STATUS_SIZE);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

/* An outside call on address 0 of line 0 through hold, transfer set-up and conference; address
 * 1 stays idle throughout. */
TEST(address_status_follows_a_call_to_a_conference)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HLINE lb = open_line(b, 1, V31, OWNER, 0);
    COUNTS(status(la, 0), 0, 0, 0, 0);
    CHECK_EQ(addr_features(la, 0), LINEADDRFEATURE_MAKECALL);

    HCALL call = outside_call(a, la, "0301");
    COUNTS(status(la, 0), 1, 1, 0, 0);
    COUNTS(status(la, 1), 0, 0, 0, 0);

    LONG req = lineHold(call);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    COUNTS(status(la, 0), 1, 0, 1, 0);
    req = lineUnhold(call);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    COUNTS(status(la, 0), 1, 1, 0, 0);

    HCALL consult = setup(a, call); /* held pending transfer, the consultation call in dial tone */
    COUNTS(status(la, 0), 1, 1, 0, 1);
    dial_out(a, consult, "101");
    HCALL in = new_call(b, lb);
    drain(b);
    COUNTS(status(lb, 0), 1, 1, 0, 0); /* offering */
    answer(b, in);
    EXPECT_MSG(a, consult, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
    COUNTS(status(la, 0), 1, 1, 0, 1);

    HCALL conf = 0;
    req = lineCompleteTransfer(call, consult, &conf, LINETRANSFERMODE_CONFERENCE);
    CHECK_EQ(reply_of(a, req), 0);
    drain(a);
    CHECK_EQ(call_state(conf), LINECALLSTATE_CONNECTED);
    /* The conference call and its two CONFERENCED parties are all active. */
    COUNTS(status(la, 0), 1, 3, 0, 0);
    CHECK_EQ(addr_features(la, 0), LINEADDRFEATURE_MAKECALL);
    COUNTS(status(la, 1), 0, 0, 0, 0);
    CHECK_EQ(addr_features(la, 1), LINEADDRFEATURE_MAKECALL);

    req = lineHold(conf);
    CHECK_EQ(reply_of(a, req), 0);
    drain(a);
    COUNTS(status(la, 0), 1, 2, 1, 0);

    req = lineDrop(conf, NULL, 0);
    CHECK_EQ(reply_of(a, req), 0);
    drain(a);
    COUNTS(status(la, 0), 0, 0, 0, 0);
    CHECK_EQ(lineShutdown(a), 0);
    CHECK_EQ(lineShutdown(b), 0);
    check_switch();
}

TEST(address_in_use_while_its_station_is_busy)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(tapisim_set_station("150", TAPISIM_STATION_BUSY), 0);
    COUNTS(status(line, 1), 1, 0, 0, 0);
    COUNTS(status(line, 0), 0, 0, 0, 0);
    CHECK_EQ(tapisim_set_station("150", TAPISIM_STATION_IDLE), 0);
    COUNTS(status(line, 1), 0, 0, 0, 0);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

/* MAKECALL goes away when the address has as many calls as lineMakeCall accepts, and only on
 * that address; it comes back when one of them goes idle. */
TEST(make_call_feature_follows_the_call_limit_of_the_address)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    HLINEAPP app = init_app("t");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    CHECK_EQ(caps_features(app, 0, 1) & LINEADDRFEATURE_MAKECALL, LINEADDRFEATURE_MAKECALL);
    HCALL calls[8];
    DWORD n = 0;
    while (addr_features(line, 1) & LINEADDRFEATURE_MAKECALL) {
        CHECK(n < 8);
        if (n >= 8)
            break;
        CHECK_EQ(reply_of(app, dialtone_call(line, 1, &calls[n])), 0);
        n++;
        COUNTS(status(line, 1), 1, n, 0, 0);
    }
    CHECK(n > 1);
    HCALL extra = 0;
    CHECK_ERR(reply_of(app, dialtone_call(line, 1, &extra)), LINEERR_CALLUNAVAIL);
    CHECK_EQ(addr_features(line, 0), LINEADDRFEATURE_MAKECALL);
    CHECK_EQ(reply_of(app, lineDrop(calls[0], NULL, 0)), 0);
    drain(app);
    CHECK_EQ(addr_features(line, 1), LINEADDRFEATURE_MAKECALL);
    COUNTS(status(line, 1), 1, n - 1, 0, 0);
    CHECK_EQ(lineShutdown(app), 0);
    check_switch();
}

/* A callback request from address 1: UNCOMPLETECALL on that address while it waits, never on
 * address 0 (which offers no completion), and gone once it is cancelled. */
TEST(uncomplete_feature_follows_a_waiting_completion)
{
    CHECK_EQ(tapisim_set_addresses(0, "100\n150"), 0);
    CHECK_EQ(tapisim_set_completion_caps(0, 0, 0, 0), 0); /* address 0: no completion */
    CHECK_EQ(tapisim_set_option("strict_completion_owner", 1), 0);
    HLINEAPP app = init_app("t"), other = init_app("o");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HLINE otherLine = open_line(other, 0, V31, OWNER, 0);
    CHECK_EQ(caps_features(app, 0, 0), LINEADDRFEATURE_MAKECALL);
    CHECK_EQ(caps_features(app, 0, 1), LINEADDRFEATURE_MAKECALL | LINEADDRFEATURE_UNCOMPLETECALL);
    CHECK_EQ(addr_features(line, 1), LINEADDRFEATURE_MAKECALL);
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_BUSY), 0);
    LINECALLPARAMS cp;
    memset(&cp, 0, sizeof cp);
    cp.dwTotalSize = sizeof cp;
    cp.dwAddressMode = LINEADDRESSMODE_ADDRESSID;
    cp.dwAddressID = 1;
    WCHAR dest[8];
    to_wide("201", dest, 8);
    HCALL call = 0;
    CHECK_EQ(reply_of(app, lineMakeCallW(line, &call, dest, 0, &cp)), 0);
    drain(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_BUSY);
    DWORD id = 0;
    CHECK_EQ(reply_of(app, lineCompleteCall(call, &id, LINECALLCOMPLMODE_CALLBACK, 0)), 0);
    drain(app);
    CHECK_EQ(lineDeallocateCall(call), 0);
    CHECK_EQ(addr_features(line, 1), LINEADDRFEATURE_MAKECALL | LINEADDRFEATURE_UNCOMPLETECALL);
    CHECK_EQ(addr_features(line, 0), LINEADDRFEATURE_MAKECALL);
    /* Another application may not cancel it with this option: not shown to it. */
    CHECK_EQ(addr_features(otherLine, 1), LINEADDRFEATURE_MAKECALL);
    CHECK_EQ(reply_of(app, lineUncompleteCall(line, id)), 0);
    drain(app);
    CHECK_EQ(addr_features(line, 1), LINEADDRFEATURE_MAKECALL);
    CHECK_EQ(lineShutdown(app), 0);
    CHECK_EQ(lineShutdown(other), 0);
    check_switch();
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(address_status_has_one_size_in_every_version),
        T(address_status_errors),
        T(address_status_takes_an_injected_fault),
        T(address_status_follows_a_call_to_a_conference),
        T(address_in_use_while_its_station_is_busy),
        T(make_call_feature_follows_the_call_limit_of_the_address),
        T(uncomplete_feature_follows_a_waiting_completion),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
