/*
 * Bookkeeping and checks of the fuzz harness: what each application holds (lines, calls,
 * requests and their guard slots), the messages it reads, and the checks of fuzz_state.h.
 */
#include "fuzz_state.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

f_app apps[MAX_INST];
int napps;
int slotApp[2];
/* Out-parameters of asynchronous requests, one slot per request of each application. Static:
 * the memory outlives every request of the input, as TAPI requires of an application. */
DWORD guard[MAX_INST][MAX_REQS];
DWORD_PTR nextInst;

const uint8_t *in;
size_t inLen, inPos;
int stepNo;
const char *opName;

/* With TAPISIM_FUZZ_TRACE set in the environment: the simulator's trace of the input so far. */
void print_trace(void)
{
    DWORD needed = 0;
    if (getenv("TAPISIM_FUZZ_TRACE") == NULL)
        return;
    tapisim_trace(NULL, 0, &needed);
    char *t = malloc(needed);
    if (t != NULL && tapisim_trace(t, needed, &needed) == 0)
        fputs(t, stderr);
    free(t);
}

void finding(const char *fmt, ...)
{
    va_list ap;
    print_trace();
    fprintf(stderr, "tapisim-fuzz: finding at step %d (%s, input byte %lu): ", stepNo,
            opName ? opName : "-", (unsigned long)inPos);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
    abort();
}

/* ---- bookkeeping ------------------------------------------------------------------------ */

static void freeze(f_app *a, int q)
{
    f_req *r = &a->reqs[q];
    if (!r->frozen) {
        r->frozen = 1;
        r->snap = guard[a - apps][q];
    }
}

/*
 * A request whose LINE_REPLY tapi32 legitimately never delivers:
 *   - its application shut down (lineShutdown cancels everything outstanding);
 *   - its line was closed, by lineClose or by the switch (LINE_CLOSE): lineClose suppresses
 *     the line's outstanding replies;
 *   - it was made on a call handle that was deallocated on a line opened below API 2.0 (from
 *     2.0 on every request that returned an ID gets its reply unless the app shuts down).
 * A reply already queued may still be read; a second one is still a finding. The out-parameter
 * is frozen: no reply is processed for it any more, so nothing may write it.
 */
void exempt(f_app *a, int q)
{
    if (a->reqs[q].replies == 0) {
        a->reqs[q].exempt = 1;
        freeze(a, q);
    }
}

void line_closed(f_app *a, int li)
{
    a->lines[li].open = 0;
    for (int c = 0; c < a->ncalls; c++)
        if (a->calls[c].line == li)
            a->calls[c].valid = 0;
    for (int q = 0; q < a->nreqs; q++)
        if (a->reqs[q].line == li)
            exempt(a, q);
}

int line_by_handle(const f_app *a, HLINE h)
{
    for (int i = a->nlines - 1; i >= 0; i--)
        if (a->lines[i].h == h)
            return i;
    return -1;
}

void add_call(f_app *a, HCALL h, int li)
{
    for (int i = 0; i < a->ncalls; i++)
        if (a->calls[i].h == h) {
            if (!a->calls[i].valid) /* handed out again after the app let it go */
                a->calls[i] = (f_call){ h, li, a->lines[li].open };
            return;
        }
    if (a->ncalls < MAX_CALLS && li >= 0)
        a->calls[a->ncalls++] = (f_call){ h, li, a->lines[li].open };
}

/* Records the result of an asynchronous function called with guard slot a->nreqs. */
void add_request(f_app *a, LONG r, const char *fn, int li, HCALL call, int outParam, int isCompletion)
{
    int q = a->nreqs;
    if (r <= 0) {
        if (r == 0)
            finding("%s returned 0, neither a request ID nor an error", fn);
        if (guard[a - apps][q] != SENTINEL)
            finding("%s failed synchronously (0x%08" PRIXDW ") but wrote its out-parameter", fn, (DWORD)r);
        return;
    }
    if (!a->lines[li].open)
        finding("%s accepted request 0x%" PRIXDW " on a line the application closed", fn, (DWORD)r);
    for (int i = 0; i < a->nreqs; i++)
        if (a->reqs[i].id == (DWORD)r && a->reqs[i].replies == 0 && !a->reqs[i].exempt)
            finding("%s returned request ID 0x%" PRIXDW " that is still outstanding", fn, (DWORD)r);
    a->reqs[q] = (f_req){ .id = (DWORD)r, .fn = fn, .line = li, .call = call,
                          .outParam = outParam, .isCompletion = isCompletion };
    if (!outParam)
        freeze(a, q); /* the slot was not passed: it must keep the sentinel */
    a->nreqs++;
}

static void on_reply(f_app *a, const LINEMESSAGE *m)
{
    int q = -1;
    for (int i = a->nreqs - 1; i >= 0 && q < 0; i--)
        if (a->reqs[i].id == (DWORD)m->dwParam1)
            q = i;
    if (q < 0)
        finding("LINE_REPLY for request 0x%" PRIXDW " that this application never got", (DWORD)m->dwParam1);
    f_req *r = &a->reqs[q];
    if (++r->replies > 1)
        finding("second LINE_REPLY for request 0x%" PRIXDW " (%s)", r->id, r->fn);
    if (m->hDevice != 0)
        finding("LINE_REPLY with hDevice 0x%08" PRIXDW, m->hDevice);
    if (m->dwCallbackInstance != a->lines[r->line].inst)
        finding("LINE_REPLY for 0x%" PRIXDW " (%s) with another line's dwCallbackInstance", r->id, r->fn);
    r->result = (LONG)(DWORD)m->dwParam2;
    DWORD v = guard[a - apps][q];
    if (r->outParam && r->result != 0 && v != (r->frozen ? r->snap : SENTINEL))
        finding("%s request 0x%" PRIXDW " failed (0x%08" PRIXDW ") but wrote its out-parameter", r->fn, r->id,
                (DWORD)r->result);
    if (r->outParam && r->result == 0 && !r->frozen
        && (v == SENTINEL || v == 0 || (r->isCompletion && v == 0xFFFFFFFFu)))
        finding("%s request 0x%" PRIXDW " succeeded but its out-parameter holds 0x%08" PRIXDW, r->fn, r->id, v);
    freeze(a, q);
}

static int call_by_handle(const f_app *a, HCALL h)
{
    for (int i = 0; i < a->ncalls; i++)
        if (a->calls[i].h == h)
            return i;
    return -1;
}

/* A message about a line must name one the application holds open, with its instance. */
static int message_line(const f_app *a, const LINEMESSAGE *m, HLINE h, int mustBeOpen)
{
    int li = line_by_handle(a, h);
    if (li < 0 || (mustBeOpen && !a->lines[li].open))
        finding("message %" PRIuDW " about line 0x%08" PRIXDW " that the application %s", m->dwMessageID, h,
                li < 0 ? "never opened" : "closed");
    if (m->dwCallbackInstance != a->lines[li].inst)
        finding("message %" PRIuDW " about line 0x%08" PRIXDW " with another line's dwCallbackInstance",
                m->dwMessageID, h);
    return li;
}

/* A message about a call must name one the application holds, with its line's instance. */
static void call_message(f_app *a, const LINEMESSAGE *m)
{
    int c = call_by_handle(a, m->hDevice);
    if (c < 0 && m->dwMessageID == LINE_CALLSTATE && m->dwParam3 != 0) {
        /* a new handle announced to a 1.x line: the instance names the line */
        for (int i = 0; i < a->nlines; i++)
            if (a->lines[i].inst == m->dwCallbackInstance)
                add_call(a, m->hDevice, i);
        c = call_by_handle(a, m->hDevice);
    }
    if (c < 0 && a->ncalls == MAX_CALLS)
        return; /* the harness stopped recording calls */
    if (c < 0 || !a->calls[c].valid)
        finding("message %" PRIuDW " about call 0x%08" PRIXDW " that the application %s", m->dwMessageID,
                m->hDevice, c < 0 ? "was never given" : "no longer holds");
    if (m->dwCallbackInstance != a->lines[a->calls[c].line].inst)
        finding("message %" PRIuDW " about call 0x%08" PRIXDW " with another line's dwCallbackInstance",
                m->dwMessageID, m->hDevice);
}

void on_message(f_app *a, const LINEMESSAGE *m)
{
    switch (m->dwMessageID) {
    case LINE_REPLY:
        on_reply(a, m);
        break;
    case LINE_APPNEWCALL:
        add_call(a, (HCALL)m->dwParam2, message_line(a, m, m->hDevice, 1));
        break;
    case LINE_GENERATE:
        if (m->dwParam1 != LINEGENERATETERM_DONE && m->dwParam1 != LINEGENERATETERM_CANCEL)
            finding("LINE_GENERATE with termination 0x%08" PRIXDW, (DWORD)m->dwParam1);
        call_message(a, m);
        break;
    case LINE_MONITORDIGITS:
        if (m->dwParam2 != LINEDIGITMODE_PULSE && m->dwParam2 != LINEDIGITMODE_DTMF
            && m->dwParam2 != LINEDIGITMODE_DTMFEND)
            finding("LINE_MONITORDIGITS with digit mode 0x%08" PRIXDW, (DWORD)m->dwParam2);
        call_message(a, m);
        break;
    case LINE_CALLSTATE:
    case LINE_CALLINFO:
        call_message(a, m);
        break;
    case LINE_LINEDEVSTATE:
        message_line(a, m, m->hDevice, 1);
        break;
    case LINE_CLOSE:
        line_closed(a, message_line(a, m, m->hDevice, 0));
        break;
    default:
        finding("unexpected message %" PRIuDW, m->dwMessageID);
    }
}

/* Reads every queued message of an application; returns how many. */
int drain(f_app *a)
{
    LINEMESSAGE m;
    int n = 0;
    while (n < 100000 && lineGetMessage(a->h, &m, 0) == 0) {
        on_message(a, &m);
        n++;
    }
    return n;
}

void check_all(void)
{
    char why[256];
    if (tapisim_check(why, sizeof why) != 0)
        finding("tapisim_check: %s", why);
    for (int i = 0; i < napps; i++) {
        const f_app *a = &apps[i];
        for (int q = 0; q < MAX_REQS; q++) {
            DWORD v = guard[i][q];
            if (q >= a->nreqs && v != SENTINEL)
                finding("app %d: guard slot %d of no request written (0x%08" PRIXDW ")", i, q, v);
            if (q < a->nreqs && a->reqs[q].frozen && v != a->reqs[q].snap)
                finding("app %d: out-parameter of %s request 0x%" PRIXDW " written after the request ended"
                        "%s (0x%08" PRIXDW " -> 0x%08" PRIXDW ")", i, a->reqs[q].fn, a->reqs[q].id,
                        a->live ? "" : " and the application shut down", a->reqs[q].snap, v);
        }
    }
}

/* The live applications read their messages until no queue yields one. */
void settle(void)
{
    for (int more = 1; more;) {
        more = 0;
        for (int i = 0; i < napps; i++)
            if (apps[i].live)
                more |= drain(&apps[i]) > 0;
        check_all();
    }
}

/* ---- Get structures --------------------------------------------------------------------- */

#define VF(T, f, v) { offsetof(T, dw##f##Size), offsetof(T, dw##f##Offset), v }

const f_field callInfoFields[] = {
    VF(LINECALLINFO, CallerID, 0), VF(LINECALLINFO, CallerIDName, 0), VF(LINECALLINFO, CalledID, 0),
    VF(LINECALLINFO, CalledIDName, 0), VF(LINECALLINFO, ConnectedID, 0),
    VF(LINECALLINFO, ConnectedIDName, 0), VF(LINECALLINFO, RedirectionID, 0),
    VF(LINECALLINFO, RedirectionIDName, 0), VF(LINECALLINFO, RedirectingID, 0),
    VF(LINECALLINFO, RedirectingIDName, 0), VF(LINECALLINFO, AppName, 0),
    VF(LINECALLINFO, DisplayableAddress, 0), VF(LINECALLINFO, CalledParty, 0),
    VF(LINECALLINFO, Comment, 0), VF(LINECALLINFO, Display, 0), VF(LINECALLINFO, UserUserInfo, 0),
    VF(LINECALLINFO, HighLevelComp, 0), VF(LINECALLINFO, LowLevelComp, 0),
    VF(LINECALLINFO, ChargingInfo, 0), VF(LINECALLINFO, TerminalModes, 0),
    VF(LINECALLINFO, DevSpecific, 0), VF(LINECALLINFO, CallData, 0x00020000),
    VF(LINECALLINFO, SendingFlowspec, 0x00020000), VF(LINECALLINFO, ReceivingFlowspec, 0x00020000),
    { 0, 0, 0 } };
const f_field addressCapsFields[] = {
    VF(LINEADDRESSCAPS, Address, 0), VF(LINEADDRESSCAPS, DevSpecific, 0),
    VF(LINEADDRESSCAPS, CompletionMsgText, 0), VF(LINEADDRESSCAPS, CallTreatmentList, 0x00020000),
    VF(LINEADDRESSCAPS, DeviceClasses, 0x00020000), { 0, 0, 0 } };
const f_field devStatusFields[] = {
    VF(LINEDEVSTATUS, TerminalModes, 0), VF(LINEDEVSTATUS, DevSpecific, 0),
    VF(LINEDEVSTATUS, AppInfo, 0x00020000), { 0, 0, 0 } };
const f_field devCapsFields[] = {
    VF(LINEDEVCAPS, ProviderInfo, 0), VF(LINEDEVCAPS, SwitchInfo, 0), VF(LINEDEVCAPS, LineName, 0),
    VF(LINEDEVCAPS, TerminalCaps, 0), VF(LINEDEVCAPS, TerminalText, 0),
    VF(LINEDEVCAPS, DevSpecific, 0), VF(LINEDEVCAPS, DeviceClasses, 0x00020000), { 0, 0, 0 } };
const f_field noFields[] = { { 0, 0, 0 } };

static DWORD field(const unsigned char *b, size_t off)
{
    DWORD v;
    memcpy(&v, b + off, sizeof v);
    return v;
}

/* A buffer of exactly dwTotalSize bytes (at least the dwTotalSize field), filled with a pattern. */
void *get_buffer(DWORD total)
{
    size_t n = total < sizeof(DWORD) ? sizeof(DWORD) : total;
    unsigned char *b = malloc(n);
    if (b == NULL)
        abort();
    memset(b, 0xA5, n);
    memcpy(b, &total, sizeof total);
    return b;
}

void check_get(const char *fn, LONG r, void *buf, DWORD total, const f_field *fields, DWORD version)
{
    const unsigned char *b = buf;
    if (r == 0) {
        if (total < 12)
            finding("%s succeeded with dwTotalSize %" PRIuDW, fn, total);
        DWORD needed = field(b, 4), used = field(b, 8);
        if (used > total || used < 12 || needed < used)
            finding("%s: dwTotalSize %" PRIuDW ", dwNeededSize %" PRIuDW ", dwUsedSize %" PRIuDW, fn, total, needed, used);
        for (const f_field *f = fields; f->size != 0; f++) {
            if (f->offset + 4 > used || version < f->since)
                continue;
            DWORD size = field(b, f->size), off = field(b, f->offset);
            if (size != 0 && (off < 12 || off > used || size > used - off))
                finding("%s: variable field at %lu: offset %" PRIuDW ", size %" PRIuDW ", dwUsedSize %" PRIuDW, fn,
                        (unsigned long)f->offset, off, size, used);
        }
    }
    free(buf);
}

