/*
 * In-band digits: lineGenerateDigitsW, lineMonitorDigits, and tapisim_remote_digits (a remote
 * station presses keys).
 *
 * Generation runs on the virtual clock, one element of the string after the other:
 * - a DTMF digit (0-9, A-D, a-d taken as A-D, *, #): the inter-digit spacing, then the tone,
 *   each lasting the duration (dwDuration; 0 is LINEDEVCAPS.DefaultDialParams.dwDigitDuration,
 *   95 ms, and values outside MinDialParams..MaxDialParams, 50..255 ms, are taken to the nearest
 *   end, as Microsoft's page says); the far end detects LINEDIGITMODE_DTMF when the tone starts
 *   and LINEDIGITMODE_DTMFEND when it ends;
 * - a pulse digit (0-9; '0' is ten pulses): the spacing, then 100 ms per pulse (10 pulses per
 *   second); the far end detects LINEDIGITMODE_PULSE at the end of the train;
 * - ',' pauses for DefaultDialParams.dwDialPause (2 s), '!' flashes the hook (500 ms, no
 *   effect on the call); any other character, and a digit the mode does not have, is ignored
 *   (the page: invalid digits are not errors).
 * When the string is done the requesting application gets LINE_GENERATE with
 * LINEGENERATETERM_DONE (at once for a string with nothing to generate). A new
 * lineGenerateDigits on the call (by any of its owners: one generation per call),
 * lineGenerateDigits with NULL digits, or the call leaving CONNECTED ends it early with
 * LINEGENERATETERM_CANCEL. dwParam3 of both messages is the virtual time in ms (the tick
 * count; 0 for applications below 2.0). A requester that deallocates its handle gets no
 * message; the digits go on.
 *
 * The far end: a line in the trace per digit ("far end 201 hears DTMF 5"), and if it is a
 * local call, LINE_MONITORDIGITS (dwParam1 the digit character, dwParam2 the one digit mode
 * detected, dwParam3 the time as above) to each of its handles whose lineMonitorDigits modes
 * include that mode, while that call is CONNECTED. A call does not hear its own digits (the
 * switch detects digits at the receiving end only).
 *
 * Checks: tapi32 the digit string (INVALPOINTER; NULL cancels), tapisrv the handle, the
 * privilege (lineGenerateDigits needs OWNER, lineMonitorDigits any handle) and the digit mode
 * (INVALDIGITMODE: for generation exactly PULSE or DTMF, checked with NULL digits too; for
 * monitoring no bit outside PULSE, DTMF, DTMFEND). Then the provider: an injected fault, then
 * the call state: generation on a CONNECTED call only (LINECALLFEATURE_GENERATEDIGITS; TAPI
 * leaves the state to the provider), monitoring in any state but IDLE and DISCONNECTED
 * (LINECALLFEATURE_MONITORDIGITS), else INVALCALLSTATE. Both functions are synchronous: every
 * error is the result. Monitoring lasts until lineMonitorDigits with 0, the call going IDLE, or
 * the handle being deallocated; LINECALLINFO.dwMonitorDigitModes shows the modes that the
 * call's handles monitor together.
 */
#include "sim_internal.h"

#include <stdlib.h>
#include <string.h>

#define DIGIT_DEFAULT_MS 95u
#define DIGIT_MIN_MS     50u
#define DIGIT_MAX_MS     255u
#define PULSE_MS         100u
#define PAUSE_MS         2000u
#define HOOKFLASH_MS     500u

enum { IDLE_PHASE, SPACING, TONE, PULSES };

typedef struct sim_digits {
    sim_call *call;           /* generating side (gen), or the receiving call (farGen) */
    int remote;               /* a remote station sends to `call` */
    sim_chandle *requester;   /* gets LINE_GENERATE; NULL if none */
    DWORD mode, duration;
    char *digits;
    size_t pos, len;
    int phase;
    char digit;               /* the digit being sent */
} sim_digits;

static DWORD tick(const sim_open *open)
{
    return open->apiVersion >= 0x00020000u ? g_sim.now : 0;
}

static void deliver(sim_digits *g, char digit, DWORD mode)
{
    sim_call *to = g->remote ? g->call : g->call->peer;
    const char *kind = mode == LINEDIGITMODE_PULSE ? "pulse digit" : "DTMF";
    if (mode != LINEDIGITMODE_DTMFEND && g->remote)
        sim_trace("station %s sends %s %c\n", g->call->station, kind, digit);
    else if (mode != LINEDIGITMODE_DTMFEND)
        sim_trace("far end %s hears %s %c\n", g->call->remote, kind, digit);
    if (to == NULL || to->state != LINECALLSTATE_CONNECTED)
        return;
    for (sim_chandle *ch = to->handles; ch; ch = ch->call_next)
        if (ch->monitorDigits & mode)
            sim_post(ch->open->app, ch->obj.handle, LINE_MONITORDIGITS, ch->open->cbInst,
                     (DWORD)(unsigned char)digit, mode, tick(ch->open));
}

static void unlink_gen(sim_digits *g)
{
    if (g->remote)
        g->call->farGen = NULL;
    else
        g->call->gen = NULL;
}

/* Ends `g` with `term` (LINE_GENERATE to its requester) and frees it. */
static void finish(sim_digits *g, DWORD term)
{
    sim_timer_cancel_arg(g);
    unlink_gen(g);
    sim_chandle *ch = g->requester;
    if (ch != NULL)
        sim_post(ch->open->app, ch->obj.handle, LINE_GENERATE, ch->open->cbInst, term, 0, tick(ch->open));
    free(g->digits);
    free(g);
}

static char valid_digit(char c, DWORD mode)
{
    if (c >= '0' && c <= '9')
        return c;
    if (mode == LINEDIGITMODE_PULSE)
        return 0;
    if (c >= 'a' && c <= 'd')
        return (char)(c - 'a' + 'A');
    return (c >= 'A' && c <= 'D') || c == '*' || c == '#' ? c : 0;
}

static void fire(void *arg);

static void later(sim_digits *g, DWORD ms)
{
    if (sim_timer_add(ms, fire, g) == NULL)
        finish(g, LINEGENERATETERM_CANCEL); /* out of memory: it cannot go on */
}

/* Starts the next element of the string, or ends the generation. */
static void next(sim_digits *g)
{
    while (g->pos < g->len) {
        char c = g->digits[g->pos++];
        if (c == ',') {
            later(g, PAUSE_MS);
            return;
        }
        if (c == '!') {
            sim_trace("hookflash on %s\n", sim_call_number(g->call));
            later(g, HOOKFLASH_MS);
            return;
        }
        char d = valid_digit(c, g->mode);
        if (d == 0)
            continue;
        g->digit = d;
        if (g->mode == LINEDIGITMODE_PULSE) {
            g->phase = PULSES;
            later(g, g->duration + PULSE_MS * (DWORD)(d == '0' ? 10 : d - '0'));
        } else {
            g->phase = SPACING;
            later(g, g->duration);
        }
        return;
    }
    finish(g, LINEGENERATETERM_DONE);
}

static void fire(void *arg)
{
    sim_digits *g = arg;
    int phase = g->phase;
    g->phase = IDLE_PHASE;
    if (phase == SPACING) {
        deliver(g, g->digit, LINEDIGITMODE_DTMF);
        g->phase = TONE;
        later(g, g->duration);
        return;
    }
    if (phase == TONE)
        deliver(g, g->digit, LINEDIGITMODE_DTMFEND);
    else if (phase == PULSES)
        deliver(g, g->digit, LINEDIGITMODE_PULSE);
    next(g);
}

/* A copy of `digits` as ASCII (other characters as '?', which is ignored), or NULL. */
static char *ascii_copy(const WCHAR *digits, size_t *len)
{
    size_t n = 0;
    while (digits[n])
        n++;
    char *s = malloc(n + 1);
    if (s == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        s[i] = digits[i] < 0x7F ? (char)digits[i] : '?';
    s[n] = '\0';
    *len = n;
    return s;
}

void sim_digits_state(sim_call *call)
{
    if (call->state != LINECALLSTATE_CONNECTED) {
        if (call->gen != NULL)
            finish(call->gen, LINEGENERATETERM_CANCEL);
        if (call->farGen != NULL)
            finish(call->farGen, LINEGENERATETERM_CANCEL); /* no requester: no message */
    }
    if (call->state == LINECALLSTATE_IDLE)
        for (sim_chandle *ch = call->handles; ch; ch = ch->call_next)
            ch->monitorDigits = 0;
}

void sim_digits_call_freed(sim_call *call)
{
    sim_digits *gens[2] = { call->gen, call->farGen };
    for (int i = 0; i < 2; i++) {
        if (gens[i] == NULL)
            continue;
        gens[i]->requester = NULL;
        finish(gens[i], LINEGENERATETERM_CANCEL);
    }
}

void sim_digits_handle_freed(sim_chandle *ch)
{
    if (ch->call->gen != NULL && ch->call->gen->requester == ch)
        ch->call->gen->requester = NULL;
}

DWORD sim_digits_monitor_modes(const sim_call *call)
{
    DWORD modes = 0;
    for (const sim_chandle *ch = call->handles; ch; ch = ch->call_next)
        modes |= ch->monitorDigits;
    return modes;
}

/* ---- lineGenerateDigitsW ---------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineGenerateDigitsW(HCALL hCall, DWORD dwDigitMode, LPCWSTR lpszDigits,
                                           DWORD dwDuration)
{
    sim_lock();
    char shown[SIM_NUMBER_MAX + 1] = "";
    int digitsOk = lpszDigits == NULL || sim_wstr_readable(lpszDigits);
    if (digitsOk && lpszDigits != NULL)
        sim_wstr_to_ascii(lpszDigits, shown, sizeof shown);
    sim_chandle *ch = NULL;
    LONG r = !digitsOk ? (LONG)LINEERR_INVALPOINTER : sim_owner_prolog(hCall, &ch);
    if (r == 0 && dwDigitMode != LINEDIGITMODE_PULSE && dwDigitMode != LINEDIGITMODE_DTMF)
        r = LINEERR_INVALDIGITMODE;
    if (r == 0)
        r = sim_take_fault("lineGenerateDigits");
    if (r == 0 && !(sim_call_features(ch->call, ch->privilege) & LINECALLFEATURE_GENERATEDIGITS))
        r = LINEERR_INVALCALLSTATE;
    sim_digits *g = NULL;
    size_t len = 0;
    char *copy = NULL;
    if (r == 0 && lpszDigits != NULL
        && ((copy = ascii_copy(lpszDigits, &len)) == NULL || (g = calloc(1, sizeof *g)) == NULL)) {
        free(copy);
        r = LINEERR_NOMEM;
    }
    const char *mode = dwDigitMode == LINEDIGITMODE_PULSE ? "PULSE"
                     : dwDigitMode == LINEDIGITMODE_DTMF ? "DTMF" : "?";
    r = sim_ret(r, "lineGenerateDigitsW(0x%08" PRIXDW ", %s, %s%s%s, %" PRIuDW ")", hCall, mode,
                lpszDigits ? "\"" : "", lpszDigits ? shown : "NULL", lpszDigits ? "\"" : "", dwDuration);
    if (r == 0) {
        sim_call *call = ch->call;
        if (call->gen != NULL)
            finish(call->gen, LINEGENERATETERM_CANCEL);
        if (g != NULL) {
            g->call = call;
            g->requester = ch;
            g->mode = dwDigitMode;
            g->duration = dwDuration == 0 ? DIGIT_DEFAULT_MS
                        : dwDuration < DIGIT_MIN_MS ? DIGIT_MIN_MS
                        : dwDuration > DIGIT_MAX_MS ? DIGIT_MAX_MS : dwDuration;
            g->digits = copy;
            g->len = len;
            call->gen = g;
            next(g);
        }
    }
    sim_unlock();
    return r;
}

/* ---- lineMonitorDigits ------------------------------------------------------------------ */
SIM_EXPORT LONG WINAPI lineMonitorDigits(HCALL hCall, DWORD dwDigitModes)
{
    sim_lock();
    sim_chandle *ch = NULL;
    LONG r = 0;
    if (g_sim.numApps == 0)
        r = LINEERR_UNINITIALIZED;
    else if ((ch = sim_find(hCall, SIM_CALL)) == NULL)
        r = LINEERR_INVALCALLHANDLE;
    else if (dwDigitModes & ~(DWORD)SIM_DIGIT_MODES_MONITOR)
        r = LINEERR_INVALDIGITMODE;
    if (r == 0)
        r = sim_take_fault("lineMonitorDigits");
    if (r == 0 && !(sim_call_features(ch->call, ch->privilege) & LINECALLFEATURE_MONITORDIGITS))
        r = LINEERR_INVALCALLSTATE;
    if (r == 0)
        ch->monitorDigits = dwDigitModes;
    r = sim_ret(r, "lineMonitorDigits(0x%08" PRIXDW ", 0x%08" PRIXDW ")", hCall, dwDigitModes);
    sim_unlock();
    return r;
}

/* ---- tapisim_remote_digits -------------------------------------------------------------- */
SIM_EXPORT LONG tapisim_remote_digits(const char *number, const char *digits)
{
    sim_lock();
    int pointersOk = sim_str_readable(number) && sim_str_readable(digits);
    LONG r = !pointersOk ? (LONG)LINEERR_INVALPOINTER : sim_remote_number(number);
    sim_call *call = r == 0 ? sim_station_call(number) : NULL;
    if (r == 0 && (call == NULL || call->state != LINECALLSTATE_CONNECTED))
        r = LINEERR_INVALCALLSTATE;
    if (r == 0) {
        size_t n = strlen(digits);
        for (size_t i = 0; i < n && r == 0; i++)
            if (digits[i] == ',' || valid_digit(digits[i], LINEDIGITMODE_DTMF) != digits[i])
                r = LINEERR_INVALPARAM; /* only 0-9, A-D, * and # */
        if (n == 0)
            r = LINEERR_INVALPARAM;
    }
    sim_digits *g = call != NULL ? call->farGen : NULL;
    char *grown = NULL;
    if (r == 0) {
        size_t have = g != NULL ? g->len : 0, n = strlen(digits);
        grown = realloc(g != NULL ? g->digits : NULL, have + n + 1);
        if (grown == NULL)
            r = LINEERR_NOMEM;
        else if (g != NULL)
            g->digits = grown;
        if (r == 0 && g == NULL && (g = calloc(1, sizeof *g)) == NULL) {
            free(grown);
            r = LINEERR_NOMEM;
        }
        if (r == 0) {
            memcpy(grown + have, digits, n + 1);
            g->digits = grown;
            g->len = have + n;
        }
    }
    r = sim_ret(r, "tapisim_remote_digits(\"%s\", \"%s\")", pointersOk ? number : "?",
                pointersOk ? digits : "?");
    if (r == 0 && call->farGen == NULL) { /* a new sender; one already sending goes on */
        g->call = call;
        g->remote = 1;
        g->mode = LINEDIGITMODE_DTMF;
        g->duration = DIGIT_DEFAULT_MS;
        call->farGen = g;
        next(g);
    }
    sim_unlock();
    return r;
}
