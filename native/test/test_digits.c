/*
 * Digits: lineGenerateDigitsW (DTMF and pulse) and lineMonitorDigits between local lines, to
 * and from remote stations (tapisim_remote_digits); the golden DTMF exchange on the virtual
 * clock; LINE_GENERATE DONE and CANCEL; the duration and its clamping; ignored characters;
 * the GENERATEDIGITS and MONITORDIGITS features and the digit modes in the caps; every error.
 */
#include "call_test.h"

#define V14 0x00010004u
#define DTMF    LINEDIGITMODE_DTMF
#define DTMFEND LINEDIGITMODE_DTMFEND
#define PULSE   LINEDIGITMODE_PULSE
#define D       95u /* the default duration */

static LONG generate(HCALL call, DWORD mode, const char *digits, DWORD duration)
{
    WCHAR w[64];
    to_wide(digits, w, 64);
    return lineGenerateDigitsW(call, mode, w, duration);
}

static HCALL new_call(HLINEAPP app)
{
    LINEMESSAGE m;
    CHECK(next_msg(app, &m));
    CHECK_EQ(m.dwMessageID, LINE_APPNEWCALL);
    return (HCALL)m.dwParam2;
}

static void answer(HLINEAPP app, HCALL call)
{
    LONG req = lineAnswer(call, NULL, 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(app, call, LINE_CALLSTATE, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE, 0);
}

/* Line 0 calls line 1, which answers. */
static void local_call(HLINEAPP a, HLINE la, HLINEAPP b, HCALL *out, HCALL *in)
{
    CHECK(make_call(la, "101", out) > 0);
    *in = new_call(b);
    drain(b);
    answer(b, *in);
    drain(a);
}

/* A call from line `line` to remote station `number`, answered. */
static HCALL remote_call(HLINEAPP app, HLINE line, const char *number)
{
    HCALL call = 0;
    CHECK(make_call(line, number, &call) > 0);
    CHECK_EQ(tapisim_set_station(number, TAPISIM_STATION_MANUAL), 0);
    CHECK_EQ(tapisim_remote_answer(number), 0);
    drain(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_CONNECTED);
    return call;
}

static DWORD monitor_modes(HCALL call)
{
    LINECALLINFO c;
    memset(&c, 0, sizeof c);
    c.dwTotalSize = sizeof c;
    CHECK_EQ(lineGetCallInfoW(call, &c), 0);
    return c.dwMonitorDigitModes;
}

TEST(dtmf_exchange_between_local_lines)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0, in = 0;
    local_call(a, la, b, &out, &in);
    CHECK_EQ(lineMonitorDigits(in, DTMF), 0);
    CHECK_EQ(monitor_modes(in), DTMF);
    CHECK_EQ(lineMonitorDigits(out, DTMF | DTMFEND), 0);
    DWORD t0 = tapisim_now();
    CHECK_EQ(generate(out, DTMF, "1#", 0), 0);
    EXPECT_NO_MSG(a); /* nothing at once: the first tone follows the spacing */
    EXPECT_NO_MSG(b);
    /* Each digit: spacing, then the tone, 95 ms each; DTMF detected as the tone starts. */
    CHECK_EQ(tapisim_advance(D), 0);
    EXPECT_MSG(b, in, LINE_MONITORDIGITS, '1', DTMF, t0 + D);
    EXPECT_NO_MSG(b);
    CHECK_EQ(tapisim_advance(D), 0);
    EXPECT_NO_MSG(b); /* the tone's end: not monitored here */
    CHECK_EQ(tapisim_advance(D), 0);
    EXPECT_MSG(b, in, LINE_MONITORDIGITS, '#', DTMF, t0 + 3 * D);
    EXPECT_NO_MSG(a);
    CHECK_EQ(tapisim_advance(D), 0);
    EXPECT_MSG(a, out, LINE_GENERATE, LINEGENERATETERM_DONE, 0, t0 + 4 * D);
    EXPECT_NO_MSG(a); /* a call does not hear its own digits */
    EXPECT_NO_MSG(b);
    /* The answer back, to a monitor of both the tone and its end. */
    DWORD t1 = tapisim_now();
    CHECK_EQ(generate(in, DTMF, "7", 0), 0);
    CHECK_EQ(tapisim_advance(2 * D), 0);
    EXPECT_MSG(a, out, LINE_MONITORDIGITS, '7', DTMF, t1 + D);
    EXPECT_MSG(a, out, LINE_MONITORDIGITS, '7', DTMFEND, t1 + 2 * D);
    EXPECT_MSG(b, in, LINE_GENERATE, LINEGENERATETERM_DONE, 0, t1 + 2 * D);
    EXPECT_NO_MSG(a);
    EXPECT_NO_MSG(b);
    check_switch();
}

TEST(remote_station_presses_digits)
{
    HLINEAPP a = init_app("a");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HCALL call = remote_call(a, la, "201");
    CHECK_EQ(lineMonitorDigits(call, DTMF), 0);
    DWORD t0 = tapisim_now();
    tapisim_trace_clear();
    CHECK_EQ(tapisim_remote_digits("201", "5*"), 0);
    CHECK_EQ(tapisim_remote_digits("201", "D"), 0); /* pressed while the others are sent: after them */
    CHECK_EQ(tapisim_advance(6 * D), 0);
    EXPECT_MSG(a, call, LINE_MONITORDIGITS, '5', DTMF, t0 + D);
    EXPECT_MSG(a, call, LINE_MONITORDIGITS, '*', DTMF, t0 + 3 * D);
    EXPECT_MSG(a, call, LINE_MONITORDIGITS, 'D', DTMF, t0 + 5 * D);
    EXPECT_NO_MSG(a); /* no LINE_GENERATE: nobody here asked for these */
    CHECK(trace_has("station 201 sends DTMF 5"));
    /* Monitoring off: the digits still travel, no message. */
    CHECK_EQ(lineMonitorDigits(call, 0), 0);
    CHECK_EQ(tapisim_remote_digits("201", "1"), 0);
    CHECK_EQ(tapisim_advance(2 * D), 0);
    EXPECT_NO_MSG(a);
    check_switch();
}

TEST(remote_digits_errors)
{
    HLINEAPP a = init_app("a");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    CHECK_ERR(tapisim_remote_digits(NULL, "1"), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_remote_digits("201", NULL), LINEERR_INVALPOINTER);
    CHECK_ERR(tapisim_remote_digits("2x1", "1"), LINEERR_INVALADDRESS);
    CHECK_ERR(tapisim_remote_digits("101", "1"), LINEERR_INVALADDRESS); /* a local line */
    CHECK_ERR(tapisim_remote_digits("201", "1"), LINEERR_INVALCALLSTATE); /* in no call */
    HCALL call = 0;
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_MANUAL), 0);
    make_call(la, "201", &call);
    drain(a);
    CHECK_ERR(tapisim_remote_digits("201", "1"), LINEERR_INVALCALLSTATE); /* ringing */
    CHECK_EQ(tapisim_remote_answer("201"), 0);
    drain(a);
    CHECK_ERR(tapisim_remote_digits("201", ""), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_remote_digits("201", "1,2"), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_remote_digits("201", "E"), LINEERR_INVALPARAM);
    CHECK_ERR(tapisim_remote_digits("201", "a"), LINEERR_INVALPARAM);
    CHECK_EQ(tapisim_remote_digits("201", "0123456789ABCD*#"), 0);
    check_switch();
}

TEST(generated_digits_reach_a_remote_station_in_the_trace)
{
    HLINEAPP a = init_app("a");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HCALL call = remote_call(a, la, "201");
    tapisim_trace_clear();
    DWORD t0 = tapisim_now();
    CHECK_EQ(generate(call, DTMF, "9", 0), 0);
    CHECK_EQ(tapisim_advance(2 * D), 0);
    EXPECT_MSG(a, call, LINE_GENERATE, LINEGENERATETERM_DONE, 0, t0 + 2 * D);
    CHECK(trace_has("far end 201 hears DTMF 9"));
    /* Pulse: the spacing, then 100 ms per pulse ('0' is ten). */
    t0 = tapisim_now();
    CHECK_EQ(generate(call, PULSE, "20", 0), 0);
    CHECK_EQ(tapisim_advance(D + 200 - 1), 0);
    CHECK(!trace_has("far end 201 hears pulse digit 2"));
    CHECK_EQ(tapisim_advance(1), 0);
    CHECK(trace_has("far end 201 hears pulse digit 2"));
    CHECK_EQ(tapisim_advance(D + 1000), 0);
    CHECK(trace_has("far end 201 hears pulse digit 0"));
    EXPECT_MSG(a, call, LINE_GENERATE, LINEGENERATETERM_DONE, 0, t0 + 2 * D + 1200);
    check_switch();
}

TEST(pulse_digits_are_detected_as_pulse)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0, in = 0;
    local_call(a, la, b, &out, &in);
    CHECK_EQ(lineMonitorDigits(in, PULSE | DTMF), 0);
    DWORD t0 = tapisim_now();
    /* Pulse has only 0-9: the rest is ignored, as are characters of no mode. */
    CHECK_EQ(generate(out, PULSE, "1*x3", 0), 0);
    CHECK_EQ(tapisim_advance(2 * D + 400), 0);
    EXPECT_MSG(b, in, LINE_MONITORDIGITS, '1', PULSE, t0 + D + 100);
    EXPECT_MSG(b, in, LINE_MONITORDIGITS, '3', PULSE, t0 + 2 * D + 400);
    EXPECT_NO_MSG(b);
    EXPECT_MSG(a, out, LINE_GENERATE, LINEGENERATETERM_DONE, 0, t0 + 2 * D + 400);
    check_switch();
}

TEST(duration_pause_and_ignored_characters)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0, in = 0;
    local_call(a, la, b, &out, &in);
    CHECK_EQ(lineMonitorDigits(in, DTMF), 0);
    /* Below the minimum (50 ms) and above the maximum (255 ms): the nearest end. */
    DWORD t0 = tapisim_now();
    CHECK_EQ(generate(out, DTMF, "1", 10), 0);
    CHECK_EQ(tapisim_advance(100), 0);
    EXPECT_MSG(b, in, LINE_MONITORDIGITS, '1', DTMF, t0 + 50);
    EXPECT_MSG(a, out, LINE_GENERATE, LINEGENERATETERM_DONE, 0, t0 + 100);
    t0 = tapisim_now();
    CHECK_EQ(generate(out, DTMF, "2", 1000), 0);
    CHECK_EQ(tapisim_advance(510), 0);
    EXPECT_MSG(b, in, LINE_MONITORDIGITS, '2', DTMF, t0 + 255);
    EXPECT_MSG(a, out, LINE_GENERATE, LINEGENERATETERM_DONE, 0, t0 + 510);
    /* ',' pauses 2 s, '!' flashes the hook for 500 ms, 'x' is ignored, 'b' is B. */
    t0 = tapisim_now();
    CHECK_EQ(generate(out, DTMF, "x,!b", 100), 0);
    CHECK_EQ(tapisim_advance(2500 + 200), 0);
    EXPECT_MSG(b, in, LINE_MONITORDIGITS, 'B', DTMF, t0 + 2600);
    EXPECT_MSG(a, out, LINE_GENERATE, LINEGENERATETERM_DONE, 0, t0 + 2700);
    CHECK(trace_has("hookflash on 100"));
    /* Nothing to generate: done at once. */
    t0 = tapisim_now();
    CHECK_EQ(generate(out, DTMF, "", 0), 0);
    EXPECT_MSG(a, out, LINE_GENERATE, LINEGENERATETERM_DONE, 0, t0);
    EXPECT_NO_MSG(a);
    EXPECT_NO_MSG(b);
    check_switch();
}

TEST(generation_is_cancelled)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    open_line(b, 1, V31, OWNER, 0);
    HCALL out = 0, in = 0;
    local_call(a, la, b, &out, &in);
    CHECK_EQ(lineMonitorDigits(in, DTMF), 0);
    /* By NULL digits. */
    CHECK_EQ(generate(out, DTMF, "123", 0), 0);
    CHECK_EQ(tapisim_advance(2 * D), 0);
    EXPECT_MSG(b, in, LINE_MONITORDIGITS, '1', DTMF, tapisim_now() - D);
    DWORD t = tapisim_now();
    CHECK_EQ(lineGenerateDigitsW(out, DTMF, NULL, 0), 0);
    EXPECT_MSG(a, out, LINE_GENERATE, LINEGENERATETERM_CANCEL, 0, t);
    CHECK_EQ(tapisim_advance(10 * D), 0);
    EXPECT_NO_MSG(b); /* the rest is never sent */
    EXPECT_NO_MSG(a);
    CHECK_EQ(lineGenerateDigitsW(out, DTMF, NULL, 0), 0); /* nothing to cancel: no message */
    EXPECT_NO_MSG(a);
    /* By a new request on the call (one generation per call). */
    CHECK_EQ(generate(out, DTMF, "45", 0), 0);
    t = tapisim_now();
    CHECK_EQ(generate(out, PULSE, "6", 0), 0);
    EXPECT_MSG(a, out, LINE_GENERATE, LINEGENERATETERM_CANCEL, 0, t);
    CHECK_EQ(lineMonitorDigits(in, PULSE), 0);
    CHECK_EQ(tapisim_advance(D + 600), 0);
    EXPECT_MSG(b, in, LINE_MONITORDIGITS, '6', PULSE, t + D + 600);
    EXPECT_MSG(a, out, LINE_GENERATE, LINEGENERATETERM_DONE, 0, t + D + 600);
    EXPECT_NO_MSG(b);
    /* By the call going idle: after its LINE_CALLSTATE. */
    CHECK_EQ(generate(out, DTMF, "7", 0), 0);
    t = tapisim_now();
    LONG req = lineDrop(out, NULL, 0);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, out, LINE_CALLSTATE, LINECALLSTATE_IDLE, 0, 0);
    EXPECT_MSG(a, out, LINE_GENERATE, LINEGENERATETERM_CANCEL, 0, t);
    EXPECT_NO_MSG(a);
    EXPECT_MSG(b, in, LINE_CALLSTATE, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NORMAL, 0);
    CHECK_EQ(tapisim_advance(4 * D), 0);
    EXPECT_NO_MSG(b);
    check_switch();
}

TEST(hold_cancels_generation_and_remote_digits_stop)
{
    HLINEAPP a = init_app("a");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HCALL call = remote_call(a, la, "201");
    CHECK_EQ(lineMonitorDigits(call, DTMF), 0);
    CHECK_EQ(generate(call, DTMF, "12", 0), 0);
    CHECK_EQ(tapisim_remote_digits("201", "34"), 0);
    DWORD t = tapisim_now();
    LONG req = lineHold(call);
    EXPECT_MSG(a, 0, LINE_REPLY, (DWORD)req, 0, 0);
    EXPECT_MSG(a, call, LINE_CALLSTATE, LINECALLSTATE_ONHOLD, 0, 0);
    EXPECT_MSG(a, call, LINE_GENERATE, LINEGENERATETERM_CANCEL, 0, t);
    CHECK_EQ(tapisim_advance(10 * D), 0);
    EXPECT_NO_MSG(a);
    /* Monitoring stays on through hold (the call is not idle). */
    CHECK_EQ(monitor_modes(call), DTMF);
    req = lineUnhold(call);
    drain(a);
    CHECK_EQ(tapisim_remote_digits("201", "5"), 0);
    CHECK_EQ(tapisim_advance(2 * D), 0);
    EXPECT_MSG(a, call, LINE_MONITORDIGITS, '5', DTMF, tapisim_now() - D);
    check_switch();
}

TEST(monitors_may_monitor_and_idle_ends_it)
{
    HLINEAPP a = init_app("a"), b = init_app("b"), mon = init_app("m");
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    open_line(b, 1, V31, OWNER, 0);
    open_line(mon, 1, V31, MONITOR, 0);
    HCALL out = 0, in = 0;
    local_call(a, la, b, &out, &in);
    HCALL watched = new_call(mon);
    drain(mon);
    CHECK_EQ(features(watched), LINECALLFEATURE_MONITORDIGITS);
    CHECK_EQ(lineMonitorDigits(watched, DTMFEND), 0);
    CHECK_EQ(lineMonitorDigits(in, DTMF), 0);
    CHECK_EQ(monitor_modes(in), DTMF | DTMFEND); /* what the call's handles monitor together */
    CHECK_EQ(generate(out, DTMF, "8", 0), 0);
    CHECK_EQ(tapisim_advance(2 * D), 0);
    EXPECT_MSG(mon, watched, LINE_MONITORDIGITS, '8', DTMFEND, tapisim_now());
    EXPECT_MSG(b, in, LINE_MONITORDIGITS, '8', DTMF, tapisim_now() - D);
    LONG req = lineDrop(in, NULL, 0);
    drain(a);
    drain(b);
    drain(mon);
    (void)req;
    CHECK_EQ(call_state(in), LINECALLSTATE_IDLE);
    CHECK_EQ(monitor_modes(in), 0); /* monitoring ends when the call goes idle */
    CHECK_EQ(features(watched), 0);
    CHECK_ERR(lineMonitorDigits(watched, DTMF), LINEERR_INVALCALLSTATE);
    check_switch();
}

TEST(tapi_1_4_applications_get_no_tick_count)
{
    HLINEAPP a = init_app("a"), b = init_app("b");
    HLINE la = open_line(a, 0, V14, OWNER, 0);
    open_line(b, 1, V14, OWNER, 0);
    HCALL out = 0;
    CHECK(make_call(la, "101", &out) > 0);
    LINEMESSAGE m;
    HCALL in = 0;
    while (next_msg(b, &m))
        if (m.dwMessageID == LINE_CALLSTATE)
            in = (HCALL)m.hDevice;
    answer(b, in);
    drain(a);
    CHECK_EQ(lineMonitorDigits(in, DTMF), 0);
    CHECK_EQ(tapisim_advance(1000), 0);
    CHECK_EQ(generate(out, DTMF, "3", 0), 0);
    CHECK_EQ(tapisim_advance(2 * D), 0);
    EXPECT_MSG(b, in, LINE_MONITORDIGITS, '3', DTMF, 0);
    EXPECT_MSG(a, out, LINE_GENERATE, LINEGENERATETERM_DONE, 0, 0);
    check_switch();
}

static void generate_errors(int literal)
{
    WCHAR one[2] = { '1', 0 };
    CHECK_ERR(lineGenerateDigitsW(0x10001, DTMF, one, 0), LINEERR_UNINITIALIZED);
    HLINEAPP a = init_app("a"), mon = init_app("m");
    CHECK_EQ(tapisim_set_option("error_delivery", (DWORD)literal), 0); /* synchronous: no change */
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    open_line(mon, 0, V31, MONITOR, 0);
    HCALL call = 0;
    CHECK_EQ(tapisim_set_station("201", TAPISIM_STATION_MANUAL), 0);
    make_call(la, "201", &call);
    drain(a);
    HCALL watched = new_call(mon);
    drain(mon);
    /* Ringing: not yet. */
    CHECK_EQ(features(call) & LINECALLFEATURE_GENERATEDIGITS, 0);
    CHECK_ERR(lineGenerateDigitsW(call, DTMF, one, 0), LINEERR_INVALCALLSTATE);
    CHECK_EQ(tapisim_remote_answer("201"), 0);
    drain(a);
    drain(mon);
    CHECK(features(call) & LINECALLFEATURE_GENERATEDIGITS);
    CHECK_ERR(lineGenerateDigitsW(call, DTMF, (LPCWSTR)(uintptr_t)16, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(lineGenerateDigitsW(call + 0x777, DTMF, one, 0), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineGenerateDigitsW(watched, DTMF, one, 0), LINEERR_NOTOWNER);
    CHECK_EQ(features(watched) & LINECALLFEATURE_GENERATEDIGITS, 0);
    static const DWORD badModes[] = { 0, DTMFEND, PULSE | DTMF, 0x8, 0x80000000u };
    for (size_t i = 0; i < sizeof badModes / sizeof *badModes; i++) {
        CHECK_ERR(lineGenerateDigitsW(call, badModes[i], one, 0), LINEERR_INVALDIGITMODE);
        CHECK_ERR(lineGenerateDigitsW(call, badModes[i], NULL, 0), LINEERR_INVALDIGITMODE);
    }
    static const LONG faults[] = {
        (LONG)LINEERR_RESOURCEUNAVAIL, (LONG)LINEERR_NOMEM, (LONG)LINEERR_OPERATIONUNAVAIL,
    };
    for (size_t i = 0; i < sizeof faults / sizeof *faults; i++) {
        CHECK_EQ(tapisim_fail_next("lineGenerateDigits", faults[i]), 0);
        CHECK_ERR(lineGenerateDigitsW(call, DTMF, one, 0), faults[i]);
    }
    CHECK_EQ(tapisim_fail_next("lineGenerateDigitsW", LINEERR_OPERATIONFAILED), 0);
    CHECK_ERR(lineGenerateDigitsW(call, DTMF, one, 0), LINEERR_OPERATIONFAILED);
    CHECK_EQ(tapisim_advance(10 * D), 0);
    EXPECT_NO_MSG(a); /* nothing was generated */
    /* Held: not connected. */
    LONG req = lineHold(call);
    drain(a);
    (void)req;
    CHECK_EQ(features(call) & LINECALLFEATURE_GENERATEDIGITS, 0);
    CHECK_ERR(lineGenerateDigitsW(call, DTMF, one, 0), LINEERR_INVALCALLSTATE);
    CHECK_ERR(lineGenerateDigitsW(call, DTMF, NULL, 0), LINEERR_INVALCALLSTATE);
    EXPECT_NO_MSG(a);
    check_switch();
}

TEST(generate_errors_default_delivery) { generate_errors(0); }
TEST(generate_errors_literal_delivery) { generate_errors(1); }

static void monitor_errors(int literal)
{
    CHECK_ERR(lineMonitorDigits(0x10001, DTMF), LINEERR_UNINITIALIZED);
    HLINEAPP a = init_app("a");
    CHECK_EQ(tapisim_set_option("error_delivery", (DWORD)literal), 0);
    HLINE la = open_line(a, 0, V31, OWNER, 0);
    HCALL call = remote_call(a, la, "201");
    CHECK_ERR(lineMonitorDigits(call + 0x777, DTMF), LINEERR_INVALCALLHANDLE);
    CHECK_ERR(lineMonitorDigits(call, 0x8), LINEERR_INVALDIGITMODE);
    CHECK_ERR(lineMonitorDigits(call, DTMF | 0x100), LINEERR_INVALDIGITMODE);
    static const LONG faults[] = {
        (LONG)LINEERR_NOMEM, (LONG)LINEERR_RESOURCEUNAVAIL,
        (LONG)LINEERR_OPERATIONFAILED, (LONG)LINEERR_OPERATIONUNAVAIL,
    };
    for (size_t i = 0; i < sizeof faults / sizeof *faults; i++) {
        CHECK_EQ(tapisim_fail_next("lineMonitorDigits", faults[i]), 0);
        CHECK_ERR(lineMonitorDigits(call, DTMF), faults[i]);
    }
    CHECK_EQ(monitor_modes(call), 0); /* the fault changed nothing */
    CHECK_EQ(lineMonitorDigits(call, PULSE | DTMF | DTMFEND), 0);
    /* DISCONNECTED and IDLE: refused. */
    CHECK_EQ(tapisim_remote_hangup("201"), 0);
    drain(a);
    CHECK_EQ(features(call) & LINECALLFEATURE_MONITORDIGITS, 0);
    CHECK_ERR(lineMonitorDigits(call, DTMF), LINEERR_INVALCALLSTATE);
    LONG req = lineDrop(call, NULL, 0);
    drain(a);
    (void)req;
    CHECK_ERR(lineMonitorDigits(call, 0), LINEERR_INVALCALLSTATE);
    EXPECT_NO_MSG(a);
    check_switch();
}

TEST(monitor_errors_default_delivery) { monitor_errors(0); }
TEST(monitor_errors_literal_delivery) { monitor_errors(1); }

TEST(caps_give_the_digit_modes)
{
    HLINEAPP app = init_app("a");
    static union { LINEDEVCAPS c; unsigned char b[2048]; } dc;
    dc.c.dwTotalSize = sizeof dc;
    CHECK_EQ(lineGetDevCapsW(app, 0, V31, 0, &dc.c), 0);
    CHECK_EQ(dc.c.dwGenerateDigitModes, PULSE | DTMF);
    CHECK_EQ(dc.c.dwMonitorDigitModes, PULSE | DTMF | DTMFEND);
    CHECK_EQ(dc.c.DefaultDialParams.dwDigitDuration, D);
    CHECK_EQ(dc.c.MinDialParams.dwDigitDuration, 50);
    CHECK_EQ(dc.c.MaxDialParams.dwDigitDuration, 255);
    static union { LINEADDRESSCAPS c; unsigned char b[2048]; } ac;
    ac.c.dwTotalSize = sizeof ac;
    CHECK_EQ(lineGetAddressCapsW(app, 0, 0, V31, 0, &ac.c), 0);
    DWORD digits = LINECALLFEATURE_GENERATEDIGITS | LINECALLFEATURE_MONITORDIGITS;
    CHECK_EQ(ac.c.dwCallFeatures & digits, digits);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(dtmf_exchange_between_local_lines),
        T(remote_station_presses_digits),
        T(remote_digits_errors),
        T(generated_digits_reach_a_remote_station_in_the_trace),
        T(pulse_digits_are_detected_as_pulse),
        T(duration_pause_and_ignored_characters),
        T(generation_is_cancelled),
        T(hold_cancels_generation_and_remote_digits_stop),
        T(monitors_may_monitor_and_idle_ends_it),
        T(tapi_1_4_applications_get_no_tick_count),
        T(generate_errors_default_delivery),
        T(generate_errors_literal_delivery),
        T(monitor_errors_default_delivery),
        T(monitor_errors_literal_delivery),
        T(caps_give_the_digit_modes),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
