/*
 * Dialable addresses (lineMakeCallW, lineDialW) and lineDialW. The format is that of
 * Microsoft's "Dialable Addresses" page
 * (https://learn.microsoft.com/en-us/windows/win32/tapi/address-ovr#dialable-addresses):
 *
 *     DialableNumber [| Subaddress] [^ Name] [CRLF DialableNumber ...]
 *
 * What the simulated switch does with each part (its choices where the page leaves them to
 * the provider):
 * - The digits 0-9, A-D (a-d taken as A-D), * and # of the DialableNumber, with a leading '+',
 *   are the number that routes the call (a local line's address or a remote station). The
 *   modifiers are dropped: ',' (pause), '!' (hookflash), 'P'/'p' and 'T'/'t' (pulse, tone) are
 *   always accepted, dialling takes no time. 'W'/'w' (wait for dial tone), '@' (wait for quiet
 *   answer) and '$' (wait for the billing tone) are accepted when the line claims
 *   LINEDEVCAPFLAGS_DIALDIALTONE, _DIALQUIET or _DIALBILLING in LINEDEVCAPS.dwDevCapFlags
 *   (tapisim_set_dial_caps; by default only DIALDIALTONE), otherwise refused with
 *   LINEERR_DIALDIALTONE, _DIALQUIET, _DIALBILLING. '?' is always refused with
 *   LINEERR_DIALPROMPT, as the page tells every provider to. The first character that is
 *   refused decides the error, and nothing is dialled.
 * - ';' as the last character of the DialableNumber leaves the call in DIALING (in DIALTONE if
 *   nothing was dialled yet) for lineDial to go on. Elsewhere, or in a string of several
 *   addresses, it is INVALADDRESS.
 * - The Subaddress is checked (it ends at '+', '|', '^', CRLF or the end) and ignored:
 *   LINECALLINFO has no field for the called subaddress.
 * - The Name (up to CRLF or the end, at most 63 characters) becomes the called party's name:
 *   LINECALLINFO dwCalledIDName of the calling side, with LINECALLPARTYID_NAME.
 * - Several addresses separated by CRLF (inverse multiplexing): each is checked, the call goes
 *   to the first one; the others are ignored (the switch does not multiplex calls).
 * - The canonical form "+CountryCode Space [(AreaCode) Space] SubscriberNumber" is not a
 *   dialable address, but applications pass it to lineMakeCall when they skip
 *   lineTranslateAddress. The simulator accepts it and dials the international number it
 *   stands for: '+', the country code, the area code and the subscriber number's digits
 *   ("+49 (30) 123-45" reaches "+493012345"); the spaces, '.' and '-' in the subscriber number
 *   are dropped. A string that starts as the canonical form but breaks it is INVALADDRESS.
 * - The number reached has at most 31 characters; longer is INVALADDRESS.
 * All of these are the provider's verdict: tapisrv does not look into the string, so the
 * errors reach the application in LINE_REPLY (or as the result with "error_delivery" 1).
 */
#include "sim_internal.h"

#include <string.h>

typedef struct {
    const WCHAR *s;
    size_t pos;
    const sim_device *dev;
    sim_dial *out;
    int first;                      /* parsing the first address: record its parts */
} parser;

static WCHAR peek(const parser *p)
{
    return p->s[p->pos];
}

static int is_digit(WCHAR c)
{
    return c >= '0' && c <= '9';
}

/* Adds a dialled character to the number of the first address. */
static LONG put(parser *p, char c, int *digits)
{
    if (c != '+')
        (*digits)++;
    if (!p->first)
        return 0;
    size_t n = strlen(p->out->number);
    if (n + 1 >= sizeof p->out->number)
        return LINEERR_INVALADDRESS;
    p->out->number[n] = c;
    p->out->number[n + 1] = '\0';
    return 0;
}

/* One character of a DialableNumber (or of a canonical SubscriberNumber): 1 if it was taken,
 * 0 if it ends the number, or an error in *err. */
static int number_char(parser *p, WCHAR c, int *digits, LONG *err)
{
    DWORD caps = p->dev->dialCaps;
    if (is_digit(c) || (c >= 'A' && c <= 'D') || c == '*' || c == '#') {
        *err = put(p, (char)c, digits);
    } else if (c >= 'a' && c <= 'd') {
        *err = put(p, (char)(c - 'a' + 'A'), digits);
    } else if (c == ',' || c == '!' || c == 'P' || c == 'p' || c == 'T' || c == 't') {
        /* pause, hookflash, pulse or tone: no time passes in the simulator */
    } else if (c == 'W' || c == 'w') {
        if (!(caps & LINEDEVCAPFLAGS_DIALDIALTONE))
            *err = LINEERR_DIALDIALTONE;
    } else if (c == '@') {
        if (!(caps & LINEDEVCAPFLAGS_DIALQUIET))
            *err = LINEERR_DIALQUIET;
    } else if (c == '$') {
        if (!(caps & LINEDEVCAPFLAGS_DIALBILLING))
            *err = LINEERR_DIALBILLING;
    } else if (c == '?') {
        *err = LINEERR_DIALPROMPT;
    } else if (c == ';') {
        WCHAR next = p->s[p->pos + 1];
        if (next != 0 && next != '|' && next != '^')
            *err = LINEERR_INVALADDRESS; /* only at the end of the DialableNumber */
        else
            p->out->partial = 1;
    } else {
        return 0;
    }
    return 1;
}

/* The canonical form after its '+': CountryCode Space [(AreaCode) Space] SubscriberNumber. */
static LONG canonical(parser *p, int *digits)
{
    LONG err = put(p, '+', digits);
    for (; err == 0 && is_digit(peek(p)); p->pos++)
        err = put(p, (char)peek(p), digits);
    if (err)
        return err;
    p->pos++; /* the space (dialable_number saw the country code and it) */
    if (peek(p) == '(') {
        for (p->pos++; err == 0 && is_digit(peek(p)); p->pos++)
            err = put(p, (char)peek(p), digits);
        if (err)
            return err;
        if (peek(p) != ')' || p->s[p->pos + 1] != ' ')
            return LINEERR_INVALADDRESS;
        p->pos += 2;
    }
    int before = *digits;
    for (; err == 0; p->pos++) {
        WCHAR c = peek(p);
        if (c == ' ' || c == '.' || c == '-')
            continue;
        if (c == 0 || c == '|' || c == '^' || c == '\r')
            break;
        if (!number_char(p, c, digits, &err))
            return LINEERR_INVALADDRESS;
    }
    if (err == 0 && *digits == before && !p->out->partial)
        return LINEERR_INVALADDRESS; /* no subscriber number */
    return err;
}

static LONG dialable_number(parser *p, int *digits)
{
    /* "+CC " starts the canonical form; a '+' alone, only first, is an international number. */
    if (peek(p) == '+') {
        size_t i = p->pos + 1;
        while (is_digit(p->s[i]))
            i++;
        if (i > p->pos + 1 && p->s[i] == ' ') {
            p->pos++;
            return canonical(p, digits);
        }
        LONG err = put(p, '+', digits);
        if (err)
            return err;
        p->pos++;
    }
    for (LONG err = 0;; p->pos++) {
        WCHAR c = peek(p);
        if (c == 0 || c == '|' || c == '^' || c == '\r')
            return 0;
        if (!number_char(p, c, digits, &err))
            return LINEERR_INVALADDRESS;
        if (err)
            return err;
    }
}

LONG sim_dial_parse(const WCHAR *s, const sim_device *dev, sim_dial *out)
{
    memset(out, 0, sizeof *out);
    parser p = { s, 0, dev, out, 1 };
    for (;;) {
        int digits = 0;
        LONG err = dialable_number(&p, &digits);
        if (err)
            return err;
        if (p.first)
            out->digits = digits;
        else if (digits == 0)
            return LINEERR_INVALADDRESS; /* an address after CRLF must have a number */
        if (peek(&p) == '|') { /* Subaddress: checked, not kept */
            for (p.pos++;; p.pos++) {
                WCHAR c = peek(&p);
                if (c == 0 || c == '^' || c == '\r')
                    break;
                if (c == '+' || c == '|' || c < 0x20)
                    return LINEERR_INVALADDRESS;
            }
        }
        if (peek(&p) == '^') { /* Name */
            size_t n = 0;
            for (p.pos++; peek(&p) != 0 && peek(&p) != '\r'; p.pos++, n++) {
                WCHAR c = peek(&p);
                if (c < 0x20 || n + 1 >= sizeof out->name)
                    return LINEERR_INVALADDRESS;
                if (p.first)
                    out->name[n] = c < 0x7F ? (char)c : '?';
            }
        }
        if (peek(&p) == 0)
            return p.first || !out->partial ? 0 : (LONG)LINEERR_INVALADDRESS;
        /* CRLF: another address follows. */
        if (p.s[p.pos + 1] != '\n' || out->partial)
            return LINEERR_INVALADDRESS;
        p.pos += 2;
        p.first = 0;
    }
}

/* The switch knows country codes as E.164 has them: 1 to 999; 0 is the default. */
LONG sim_dial_country(DWORD countryCode)
{
    return countryCode <= 999 ? 0 : LINEERR_INVALCOUNTRYCODE;
}

int sim_call_dialable(const sim_call *call)
{
    return call->state == LINECALLSTATE_DIALTONE
        || (call->state == LINECALLSTATE_DIALING && call->partial);
}

static int count_digits(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s != '+';
    return n;
}

LONG sim_dial_fits(const char *sofar, const sim_dial *d)
{
    size_t have = strlen(sofar), add = strlen(d->number);
    if (have + add + 1 > SIM_NUMBER_MAX)
        return LINEERR_INVALADDRESS;
    if (have > 0 && d->number[0] == '+')
        return LINEERR_INVALADDRESS; /* '+' only starts a number */
    if (!d->partial && count_digits(sofar) + d->digits == 0)
        return LINEERR_INVALADDRESS; /* dialling complete, and nothing dialled */
    return 0;
}

void sim_dial_apply(sim_call *call, const sim_dial *d)
{
    size_t have = strlen(call->remote);
    memcpy(call->remote + have, d->number, strlen(d->number) + 1);
    if (d->name[0])
        memcpy(call->remoteName, d->name, sizeof call->remoteName);
    call->partial = d->partial;
    if (call->remote[0] == '\0' && d->partial)
        return; /* nothing dialled yet: dial tone goes on */
    sim_call_set_state(call, LINECALLSTATE_DIALING, 0);
    if (d->partial)
        return;
    sim_call_set_state(call, LINECALLSTATE_PROCEEDING, 0);
    sim_route(call);
}

/* ---- lineDialW -------------------------------------------------------------------------- */
/* tapi32 checks the string pointer (INVALPOINTER), tapisrv the handle and the privilege
 * (INVALCALLHANDLE, NOTOWNER): function results. The rest is the provider's (LINE_REPLY, or
 * the result with error_delivery 1; an injected fault always completes in LINE_REPLY): the
 * call must wait for digits (DIALTONE, or DIALING after a ';': LINECALLFEATURE_DIAL), else
 * INVALCALLSTATE; then the country code and the dial string. */
SIM_EXPORT LONG WINAPI lineDialW(HCALL hCall, LPCWSTR lpszDestAddress, DWORD dwCountryCode)
{
    sim_lock();
    char shown[SIM_NUMBER_MAX + 1] = "";
    sim_chandle *ch = NULL;
    LONG r = !sim_wstr_readable(lpszDestAddress) ? (LONG)LINEERR_INVALPOINTER
                                                  : sim_owner_prolog(hCall, &ch);
    if (r == 0) {
        sim_wstr_to_ascii(lpszDestAddress, shown, sizeof shown);
        sim_call *call = ch->call;
        sim_dial d;
        LONG fault = sim_take_fault("lineDial");
        LONG err = fault;
        if (err == 0 && !sim_call_dialable(call))
            err = LINEERR_INVALCALLSTATE;
        if (err == 0)
            err = sim_dial_country(dwCountryCode);
        if (err == 0)
            err = sim_dial_parse(lpszDestAddress, call->dev, &d);
        if (err == 0)
            err = sim_dial_fits(call->remote, &d);
        if (err != 0 && fault == 0 && g_sim.opt.errorDelivery == 1) {
            r = err; /* documentation-literal: the provider's refusal is the result */
        } else {
            DWORD request = sim_new_request();
            sim_reply(ch->open, request, err);
            if (err == 0)
                sim_dial_apply(call, &d);
            r = (LONG)request;
        }
    }
    r = sim_ret(r, "lineDialW(0x%08" PRIXDW ", \"%s\", %" PRIuDW ")", hCall, shown, dwCountryCode);
    sim_unlock();
    return r;
}
