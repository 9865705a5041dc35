/*
 * Call-control operations of the fuzz harness: lineDialW, hold, redirect and blind transfer,
 * consultation transfer and conference, digits; and the remote stations that the switch lets a
 * test play (tapisim_remote_*). Same rules as harness.c: every pointer is valid or NULL, the
 * asynchronous functions go through add_request (checks.c) with their out-parameters in the
 * guard array.
 */
#include "fuzz_ops.h"

#include <string.h>

/* Dialable addresses for lineDialW, lineRedirectW, lineBlindTransferW: the parser's parts
 * (dial.c) one at a time, valid and broken, and the plain numbers the switch knows. */
#define LONG_NAME "101^A name that is longer than the sixty-three characters of the name field"

static const char *dial_arg(void)
{
    static const char *const d[] = {
        "201", "101", "102", "203", "1,0,1", "T202", "P2t03", "!201", "2;", "03", "20;", "1;0",
        "W201", "@201", "$201", "?201", "201|55", "201|5+5", "202^Bob", LONG_NAME, "202\r\n203", "202\r\n2;",
        "+1 (201) 555-1234", "+49 (30) 123-45", "+44 20.7", "+1 (2", "+", "12a", "", "20 1",
        "0123456789012345678901234567890123", "2|", "^", "\r\n", "201\r", "a;", "#*AD" };
    return d[pick(sizeof d / sizeof *d)];
}

static DWORD country_arg(void)
{
    static const DWORD c[] = { 0, 0, 1, 49, 999, 1000, 0xFFFFFFFF };
    return c[pick(7)];
}

/* The LINECALLPARAMS of lineMakeCallW in harness.c: well-formed, a media mode from the input. */
static void call_params(LINECALLPARAMS *p, unsigned how)
{
    static const DWORD media[] = { 0, LINEMEDIAMODE_INTERACTIVEVOICE, LINEMEDIAMODE_DATAMODEM,
                                   LINEMEDIAMODE_AUTOMATEDVOICE };
    memset(p, 0, sizeof *p);
    p->dwTotalSize = sizeof *p;
    p->dwBearerMode = LINEBEARERMODE_VOICE;
    p->dwAddressMode = LINEADDRESSMODE_ADDRESSID;
    p->dwMediaMode = media[(how >> 2) & 3];
}

/* Reads a destination: NULL now and then, else one of dial_arg's into w. */
static const WCHAR *dest_arg(WCHAR *w, size_t n)
{
    const char *s = dial_arg();
    return pick(16) == 15 ? NULL : widen(s, w, n);
}

void op_dial(f_app *a)
{
    int c = call_arg(a);
    WCHAR w[160];
    const WCHAR *dest = dest_arg(w, 160);
    DWORD country = country_arg();
    if (c < 0 || a->nreqs == MAX_REQS)
        return;
    HCALL h = a->calls[c].h;
    add_request(a, lineDialW(h, dest, country), "lineDialW", a->calls[c].line, h, 0, 0);
}

void op_hold(f_app *a, int unhold)
{
    int c = call_arg(a);
    if (c < 0 || a->nreqs == MAX_REQS)
        return;
    HCALL h = a->calls[c].h;
    add_request(a, unhold ? lineUnhold(h) : lineHold(h), unhold ? "lineUnhold" : "lineHold",
                a->calls[c].line, h, 0, 0);
}

void op_swap_hold(f_app *a)
{
    int c = call_arg(a), d = call_arg(a);
    if (c < 0 || a->nreqs == MAX_REQS)
        return;
    HCALL h = a->calls[c].h;
    add_request(a, lineSwapHold(h, a->calls[d].h), "lineSwapHold", a->calls[c].line, h, 0, 0);
}

void op_divert(f_app *a, int blind)
{
    int c = call_arg(a);
    WCHAR w[160];
    const WCHAR *dest = dest_arg(w, 160);
    DWORD country = country_arg();
    if (c < 0 || a->nreqs == MAX_REQS)
        return;
    HCALL h = a->calls[c].h;
    LONG r = blind ? lineBlindTransferW(h, dest, country) : lineRedirectW(h, dest, country);
    add_request(a, r, blind ? "lineBlindTransferW" : "lineRedirectW", a->calls[c].line, h, 0, 0);
}

void op_setup_transfer(f_app *a)
{
    int c = call_arg(a);
    unsigned how = u8();
    if (c < 0 || a->nreqs == MAX_REQS)
        return;
    HCALL h = a->calls[c].h;
    int li = a->calls[c].line;
    LINECALLPARAMS params;
    call_params(&params, how);
    LPHCALL out = (how & 0xF0) == 0xF0 ? NULL : (LPHCALL)&guard[a - apps][a->nreqs];
    LONG r = lineSetupTransferW(h, out, (how & 1) ? &params : NULL);
    add_request(a, r, "lineSetupTransferW", li, h, out != NULL, 0);
    if (r > 0 && out != NULL && *out != SENTINEL)
        add_call(a, *out, li);
}

/* TRANSFER joins the two far ends; CONFERENCE makes a conference call, written to
 * *lphConfCall. In every other mode TAPI ignores lphConfCall: its guard slot is passed all
 * the same but recorded as no out-parameter, so that the switch must leave it alone. */
void op_complete_transfer(f_app *a)
{
    static const DWORD modes[] = { LINETRANSFERMODE_TRANSFER, LINETRANSFERMODE_CONFERENCE,
                                   LINETRANSFERMODE_TRANSFER, LINETRANSFERMODE_CONFERENCE, 0,
                                   LINETRANSFERMODE_TRANSFER | LINETRANSFERMODE_CONFERENCE, 4,
                                   0x80000000 };
    int c = call_arg(a), d = call_arg(a);
    DWORD mode = modes[pick(8)];
    int nullOut = pick(8) == 7;
    if (c < 0 || a->nreqs == MAX_REQS)
        return;
    HCALL h = a->calls[c].h;
    int li = a->calls[c].line;
    LPHCALL out = nullOut ? NULL : (LPHCALL)&guard[a - apps][a->nreqs];
    LONG r = lineCompleteTransfer(h, a->calls[d].h, out, mode);
    int conf = mode == LINETRANSFERMODE_CONFERENCE && out != NULL;
    add_request(a, r, "lineCompleteTransfer", li, h, conf, 0);
    if (r > 0 && conf && *out != SENTINEL)
        add_call(a, *out, li);
}

void op_add_to_conference(f_app *a)
{
    int c = call_arg(a), d = call_arg(a);
    if (c < 0 || a->nreqs == MAX_REQS)
        return;
    HCALL h = a->calls[c].h;
    add_request(a, lineAddToConference(h, a->calls[d].h), "lineAddToConference", a->calls[c].line, h, 0, 0);
}

void op_remove_from_conference(f_app *a)
{
    int c = call_arg(a);
    if (c < 0 || a->nreqs == MAX_REQS)
        return;
    HCALL h = a->calls[c].h;
    add_request(a, lineRemoveFromConference(h), "lineRemoveFromConference", a->calls[c].line, h, 0, 0);
}

/* A synchronous function answers 0 or an error, never a request ID. */
static void synchronous(const char *fn, LONG r)
{
    if (r > 0)
        finding("%s, a synchronous function, returned 0x%08" PRIXDW, fn, (DWORD)r);
}

static const DWORD digitModes[] = { LINEDIGITMODE_DTMF, LINEDIGITMODE_PULSE, LINEDIGITMODE_DTMF,
                                    LINEDIGITMODE_DTMFEND, 0, LINEDIGITMODE_DTMF | LINEDIGITMODE_PULSE,
                                    LINEDIGITMODE_DTMF | LINEDIGITMODE_DTMFEND, 0x80 };

void op_generate_digits(f_app *a)
{
    static const char *const digits[] = { "1#", "0123456789ABCD*#", "5,5!5", "abcd", "xyz", "",
                                          "0", "9,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,9" };
    static const DWORD durations[] = { 0, 0, 1, 50, 95, 255, 256, 0xFFFFFFFF };
    int c = call_arg(a);
    DWORD mode = digitModes[pick(8)];
    unsigned which = pick(9);
    DWORD duration = durations[pick(8)];
    if (c < 0)
        return;
    WCHAR w[64];
    const WCHAR *s = which < 8 ? widen(digits[which], w, 64) : NULL; /* NULL cancels */
    synchronous("lineGenerateDigitsW", lineGenerateDigitsW(a->calls[c].h, mode, s, duration));
}

void op_monitor_digits(f_app *a)
{
    int c = call_arg(a);
    unsigned m = pick(9);
    if (c < 0)
        return;
    DWORD modes = m < 8 ? digitModes[m] : LINEDIGITMODE_PULSE | LINEDIGITMODE_DTMF | LINEDIGITMODE_DTMFEND;
    synchronous("lineMonitorDigits", lineMonitorDigits(a->calls[c].h, modes));
}

/* ---- remote stations --------------------------------------------------------------------- */

void op_remote_call(void)
{
    static const char *const names[] = { NULL, "Alice", "", "Bob\tTab" };
    static const DWORD flags[] = { 0, 0, TAPISIM_REMOTE_WITHHELD, TAPISIM_REMOTE_UNAVAILABLE,
                                   TAPISIM_REMOTE_WITHHELD | TAPISIM_REMOTE_UNAVAILABLE, 4 };
    const char *from = number_arg(), *to = number_arg(), *name = names[pick(4)];
    DWORD f = flags[pick(6)], callId = SENTINEL;
    int withId = pick(4) != 0;
    LONG r = tapisim_remote_call_ex(from, name, to, f, withId ? &callId : NULL);
    synchronous("tapisim_remote_call_ex", r);
    if (r != 0 && callId != SENTINEL)
        finding("tapisim_remote_call_ex failed (0x%08" PRIXDW ") but wrote *callId", (DWORD)r);
}

/* 0 answer, 1 hang up, 2 press keys. */
void op_remote_station(unsigned what)
{
    static const char *const keys[] = { "42#", "1", "0123456789ABCD*#", "", "5x", "abc" };
    const char *n = number_arg();
    if (what == 0)
        synchronous("tapisim_remote_answer", tapisim_remote_answer(n));
    else if (what == 1)
        synchronous("tapisim_remote_hangup", tapisim_remote_hangup(n));
    else {
        unsigned k = pick(7);
        synchronous("tapisim_remote_digits", tapisim_remote_digits(n, k < 6 ? keys[k] : NULL));
    }
}

/* Which of the modifiers W @ $ the lines honour; only before the first application. */
void op_dial_caps(void)
{
    static const DWORD caps[] = { 0, LINEDEVCAPFLAGS_DIALDIALTONE, LINEDEVCAPFLAGS_DIALQUIET,
                                  LINEDEVCAPFLAGS_DIALBILLING,
                                  LINEDEVCAPFLAGS_DIALDIALTONE | LINEDEVCAPFLAGS_DIALQUIET | LINEDEVCAPFLAGS_DIALBILLING,
                                  0x1 };
    DWORD dev = pick(TAPISIM_DEFAULT_LINES + 1);
    tapisim_set_dial_caps(dev, caps[pick(6)]);
}
