/*
 * Fuzz harness of the simulated switch. The input is a program: each operation is one byte
 * (its number modulo the operation count) followed by the argument bytes it reads; an input
 * that ends early reads zeros. It drives two application slots (each re-initialisable, up to
 * MAX_INST applications per input) over the four default lines and a device ID that does not
 * exist, and checks after every call:
 *   - tapisim_check (the switch's own invariants);
 *   - the out-parameters of asynchronous requests (lineMakeCallW's hCall, lineCompleteCall's
 *     completion ID, the new calls of lineSetupTransferW and lineCompleteTransfer) live in a
 *     guard array that the switch may write only while the request is outstanding: never
 *     after its LINE_REPLY was read, its line closed or its application shut down, never on a
 *     synchronous failure, never on a failed LINE_REPLY, always on a successful one; slots of
 *     no request must never change;
 *   - every LINE_REPLY is for a request this application was given, on that line's
 *     dwCallbackInstance, and is the first for it;
 *   - no request is accepted on a line the application closed;
 *   - the Get structures are filled within dwTotalSize (each buffer is allocated with exactly
 *     that size, so AddressSanitizer sees a write past it), with dwUsedSize, dwNeededSize and
 *     each variable field inside the used part;
 * and at the end of the input, after the live applications have read all their messages,
 * every request that is not exempt (checks.c, exempt()) has got exactly one LINE_REPLY; then
 * the clock runs out the switch's timers and the applications shut down, checked again.
 * The bookkeeping and the checks are in checks.c, the call-control and remote-station
 * operations in callctl.c.
 */
#include "harness.h"
#include "fuzz_ops.h"

#include <stdlib.h>
#include <string.h>

unsigned u8(void)
{
    return inPos < inLen ? in[inPos++] : 0u;
}

unsigned pick(unsigned n)
{
    return u8() % n;
}

DWORD u32(void)
{
    DWORD v = u8();
    v |= (DWORD)u8() << 8;
    v |= (DWORD)u8() << 16;
    return v | (DWORD)u8() << 24;
}


/* ---- argument choices ------------------------------------------------------------------- */

static f_app *app_arg(void)
{
    int s = slotApp[pick(2)];
    return s >= 0 ? &apps[s] : NULL;
}

int line_arg(const f_app *a)
{
    return a->nlines ? (int)pick((unsigned)a->nlines) : -1;
}

int call_arg(const f_app *a)
{
    return a->ncalls ? (int)pick((unsigned)a->ncalls) : -1;
}

static DWORD version_arg(void)
{
    static const DWORD v[] = { 0x00030001, 0x00020000, 0x00010004, 0x00020001, 0x00020002,
                               0x00030000, 0x00010003, 0x00040000 };
    return v[pick(8)];
}

static DWORD device_arg(void)
{
    return pick(TAPISIM_DEFAULT_LINES + 1); /* the last one does not exist */
}

const char *number_arg(void)
{
    static const char *const n[] = { "100", "101", "102", "103", "201", "202", "203", "",
                                     "12a", "0123456789012345678901234567890123456789" };
    return n[pick(10)];
}

WCHAR *widen(const char *s, WCHAR *w, size_t n)
{
    size_t i = 0;
    for (; s[i] && i + 1 < n; i++)
        w[i] = (WCHAR)(unsigned char)s[i];
    w[i] = 0;
    return w;
}

/* A dwTotalSize near the structure's full size, small, or anything up to 4 KiB. */
static DWORD size_arg(DWORD full)
{
    static const int delta[] = { 0, -1, -4, 1, 7, 64, 512 };
    unsigned b = u8();
    if (b < 7 * 16)
        return (DWORD)((int)full + delta[b % 7]);
    if (b < 240) {
        static const DWORD small[] = { 4, 11, 12, 16, 64, 100 };
        return small[b % 6];
    }
    return 4 + (DWORD)(u8() | u8() << 8) % 4096;
}

/* ---- operations ------------------------------------------------------------------------- */

static void op_init(void)
{
    int slot = (int)pick(2);
    DWORD ver = version_arg();
    if ((slotApp[slot] >= 0 && apps[slotApp[slot]].live) || napps == MAX_INST)
        return;
    WCHAR name[] = { 'f', 'u', 'z', 'z', (WCHAR)('0' + slot), 0 };
    HLINEAPP h = 0;
    DWORD numDevs = 0;
    LINEINITIALIZEEXPARAMS p;
    memset(&p, 0, sizeof p);
    p.dwTotalSize = sizeof p;
    p.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
    if (lineInitializeExW(&h, NULL, NULL, name, &numDevs, &ver, &p) == 0) {
        f_app *a = &apps[napps];
        memset(a, 0, sizeof *a);
        a->h = h;
        a->live = 1;
        slotApp[slot] = napps++;
    }
}

static void op_shutdown(f_app *a)
{
    if (lineShutdown(a->h) == 0 && a->live) {
        a->live = 0;
        for (int i = 0; i < a->nlines; i++)
            line_closed(a, i);
        for (int q = 0; q < a->nreqs; q++)
            exempt(a, q);
    }
}

static void op_open(f_app *a)
{
    static const DWORD privs[] = { LINECALLPRIVILEGE_OWNER, LINECALLPRIVILEGE_MONITOR,
                                   LINECALLPRIVILEGE_OWNER | LINECALLPRIVILEGE_MONITOR,
                                   LINECALLPRIVILEGE_NONE, 0x00000010 };
    static const DWORD media[] = { LINEMEDIAMODE_INTERACTIVEVOICE, 0,
                                   LINEMEDIAMODE_AUTOMATEDVOICE | LINEMEDIAMODE_DATAMODEM, 0x1 };
    DWORD dev = device_arg(), ver = version_arg(), priv = privs[pick(5)], mm = media[pick(4)];
    if (a->nlines == MAX_LINES)
        return;
    HLINE h = 0;
    DWORD_PTR inst = ++nextInst;
    if (lineOpenW(a->h, dev, &h, ver, 0, inst, priv, mm, NULL) == 0) {
        if (!a->live)
            finding("lineOpenW succeeded for an application that shut down");
        a->lines[a->nlines++] = (f_line){ h, dev, ver, inst, 1 };
    }
}

static void op_close(f_app *a)
{
    int li = line_arg(a);
    if (li >= 0 && lineClose(a->lines[li].h) == 0) {
        if (!a->lines[li].open)
            finding("lineClose succeeded twice on one handle");
        line_closed(a, li);
    }
}

static void op_status_messages(f_app *a)
{
    static const DWORD lineMasks[] = { 0, LINEDEVSTATE_NUMCOMPLETIONS | LINEDEVSTATE_COMPLCANCEL
                                          | LINEDEVSTATE_RINGING | LINEDEVSTATE_MSGWAITON,
                                       0x01FFFFFF, 0x00FFFFFF, 0x80000000 };
    static const DWORD addrMasks[] = { 0, 0x1FF, LINEADDRESSSTATE_OTHER };
    int li = line_arg(a);
    unsigned m = pick(6), am = pick(3);
    DWORD lm = m < 5 ? lineMasks[m] : u32();
    if (li >= 0)
        lineSetStatusMessages(a->lines[li].h, lm, addrMasks[am]);
}

static void op_make_call(f_app *a)
{
    int li = line_arg(a);
    const char *dest = number_arg();
    unsigned how = u8();
    if (li < 0 || a->nreqs == MAX_REQS)
        return;
    WCHAR w[64];
    widen(dest, w, 64);
    static const DWORD media[] = { 0, LINEMEDIAMODE_INTERACTIVEVOICE, LINEMEDIAMODE_DATAMODEM,
                                   LINEMEDIAMODE_AUTOMATEDVOICE };
    LINECALLPARAMS params;
    memset(&params, 0, sizeof params);
    params.dwTotalSize = sizeof params;
    params.dwBearerMode = LINEBEARERMODE_VOICE;
    params.dwAddressMode = LINEADDRESSMODE_ADDRESSID;
    params.dwMediaMode = media[(how >> 2) & 3];
    LPHCALL out = (how & 0xF0) == 0xF0 ? NULL : (LPHCALL)&guard[a - apps][a->nreqs];
    LONG r = lineMakeCallW(a->lines[li].h, out, (how & 0x10) && !(how & 0x20) ? NULL : w, 0,
                           (how & 1) ? &params : NULL);
    add_request(a, r, "lineMakeCallW", li, 0, out != NULL, 0);
    if (r > 0 && out != NULL && *out != SENTINEL)
        add_call(a, *out, li);
}

static void op_answer_drop(f_app *a, int drop)
{
    static const char uui[8] = "fuzzuui";
    int c = call_arg(a);
    DWORD uuiSize = pick(8) == 0 ? 1 + pick(8) : 0;
    if (c < 0 || a->nreqs == MAX_REQS)
        return;
    HCALL h = a->calls[c].h;
    LONG r = drop ? lineDrop(h, uuiSize ? uui : NULL, uuiSize)
                  : lineAnswer(h, uuiSize ? uui : NULL, uuiSize);
    add_request(a, r, drop ? "lineDrop" : "lineAnswer", a->calls[c].line, h, 0, 0);
}

static void op_deallocate(f_app *a)
{
    int c = call_arg(a);
    if (c < 0)
        return;
    HCALL h = a->calls[c].h;
    if (lineDeallocateCall(h) != 0)
        return;
    a->calls[c].valid = 0;
    if (a->lines[a->calls[c].line].version < 0x00020000)
        for (int q = 0; q < a->nreqs; q++)
            if (a->reqs[q].call == h)
                exempt(a, q);
}

static void op_complete(f_app *a)
{
    static const DWORD modes[] = { LINECALLCOMPLMODE_CAMPON, LINECALLCOMPLMODE_CALLBACK,
                                   LINECALLCOMPLMODE_INTRUDE, LINECALLCOMPLMODE_MESSAGE, 0, 3,
                                   0x10, 0x80000000 };
    static const DWORD msgs[] = { 0, 1, 2, 3, 0xFFFFFFFF };
    int c = call_arg(a);
    DWORD mode = modes[pick(8)], msg = msgs[pick(5)];
    int nullId = pick(16) == 0;
    if (c < 0 || a->nreqs == MAX_REQS)
        return;
    HCALL h = a->calls[c].h;
    LPDWORD out = nullId ? NULL : &guard[a - apps][a->nreqs];
    LONG r = lineCompleteCall(h, out, mode, msg);
    add_request(a, r, "lineCompleteCall", a->calls[c].line, h, out != NULL, 1);
}

static void op_uncomplete(f_app *a)
{
    int li = line_arg(a);
    unsigned how = pick(8);
    DWORD id = how < 4 ? how : how == 4 ? 0xFFFFFFFFu : 0;
    if (how > 4) { /* an ID the switch handed out to this application */
        int n = (int)pick(MAX_REQS);
        for (int k = 0; k < a->nreqs; k++) {
            const f_req *q = &a->reqs[(n + k) % a->nreqs];
            if (q->isCompletion && q->outParam && q->replies && q->result == 0) {
                id = guard[a - apps][(n + k) % a->nreqs];
                break;
            }
        }
    }
    if (li < 0 || a->nreqs == MAX_REQS)
        return;
    LONG r = lineUncompleteCall(a->lines[li].h, id);
    add_request(a, r, "lineUncompleteCall", li, 0, 0, 0);
}

static void op_get_message(f_app *a, int all)
{
    LINEMESSAGE m;
    if (all)
        drain(a);
    else if (lineGetMessage(a->h, &m, 0) == 0)
        on_message(a, &m);
}

static void op_call_info(f_app *a)
{
    int c = call_arg(a);
    DWORD total = size_arg(sizeof(LINECALLINFO));
    if (c < 0)
        return;
    void *b = get_buffer(total);
    LONG r = lineGetCallInfoW(a->calls[c].h, b);
    check_get("lineGetCallInfoW", r, b, total, callInfoFields, a->lines[a->calls[c].line].version);
}

static void op_call_status(f_app *a)
{
    int c = call_arg(a);
    DWORD total = size_arg(sizeof(LINECALLSTATUS));
    if (c < 0)
        return;
    void *b = get_buffer(total);
    LONG r = lineGetCallStatus(a->calls[c].h, b);
    check_get("lineGetCallStatus", r, b, total, noFields, a->lines[a->calls[c].line].version);
}

static void op_address_caps(f_app *a)
{
    DWORD dev = device_arg(), addr = pick(2), ver = version_arg();
    DWORD total = size_arg(sizeof(LINEADDRESSCAPS));
    void *b = get_buffer(total);
    LONG r = lineGetAddressCapsW(a->h, dev, addr, ver, 0, b);
    check_get("lineGetAddressCapsW", r, b, total, addressCapsFields, ver);
}

static void op_dev_caps(f_app *a)
{
    DWORD dev = device_arg(), ver = version_arg();
    DWORD total = size_arg(sizeof(LINEDEVCAPS));
    void *b = get_buffer(total);
    LONG r = lineGetDevCapsW(a->h, dev, ver, 0, b);
    check_get("lineGetDevCapsW", r, b, total, devCapsFields, ver);
}

static void op_dev_status(f_app *a)
{
    int li = line_arg(a);
    DWORD total = size_arg(sizeof(LINEDEVSTATUS));
    if (li < 0)
        return;
    void *b = get_buffer(total);
    LONG r = lineGetLineDevStatusW(a->lines[li].h, b);
    check_get("lineGetLineDevStatusW", r, b, total, devStatusFields, a->lines[li].version);
}

static void op_negotiate(f_app *a)
{
    DWORD dev = device_arg(), low = version_arg(), high = version_arg(), ver = 0;
    LINEEXTENSIONID ext;
    lineNegotiateAPIVersion(a->h, dev, low, high, &ver, &ext);
}

static void op_close_line(void)
{
    DWORD dev = device_arg();
    if (tapisim_close_line(dev) != 0)
        return;
    for (int i = 0; i < napps; i++)
        for (int l = 0; l < apps[i].nlines; l++)
            if (apps[i].lines[l].dev == dev && apps[i].lines[l].open)
                line_closed(&apps[i], l);
}

static void op_option(void)
{
    /* Not "realtime": a clock thread would make the run depend on wall time. */
    static const char *const names[] = { "error_delivery", "allow_proceeding",
                                         "strict_completion_owner", "reuse_freed_ids", "guard_ms",
                                         "recall_ring_ms", "expiry_busy_ms", "expiry_noanswer_ms",
                                         "trace", "max_call_completions", "no_such_option" };
    static const DWORD values[] = { 0, 1, 2, 3, 100, 3000, 20000, 64, 65, 0x7FFFFFFF };
    const char *name = names[pick(11)];
    unsigned v = pick(11);
    tapisim_set_option(name, v < 10 ? values[v] : u32() & 0x7FFFFFFF);
}

static void op_fail_next(void)
{
    static const char *const fns[] = { "lineMakeCallW", "lineAnswer", "lineDrop", "lineCompleteCall",
                                       "lineUncompleteCall", "lineOpenW", "lineGetCallInfoW", "lineDialW",
                                       "lineHold", "lineUnhold", "lineSwapHold", "lineRedirectW",
                                       "lineBlindTransferW", "lineSetupTransferW", "lineCompleteTransfer",
                                       "lineAddToConference", "lineRemoveFromConference",
                                       "lineGenerateDigitsW", "lineMonitorDigits" };
    static const LONG errs[] = { (LONG)LINEERR_NOMEM, (LONG)LINEERR_OPERATIONFAILED,
                                 (LONG)LINEERR_RESOURCEUNAVAIL, (LONG)LINEERR_INVALCALLHANDLE };
    const char *fn = fns[pick(sizeof fns / sizeof *fns)];
    tapisim_fail_next(fn, errs[pick(4)]);
}

static void op_advance(void)
{
    static const DWORD ms[] = { 0, 1, 500, 2999, 3000, 5000, 20000, 60000, 45u * 60u * 1000u,
                                24u * 3600u * 1000u };
    tapisim_advance(ms[pick(10)]);
}

static const char *const opNames[] = {
    "lineInitializeExW", "lineShutdown", "lineOpenW", "lineClose", "lineSetStatusMessages",
    "lineMakeCallW", "lineAnswer", "lineDrop", "lineDeallocateCall", "lineCompleteCall",
    "lineUncompleteCall", "lineGetMessage", "drain", "lineGetCallInfoW", "lineGetCallStatus",
    "lineGetAddressCapsW", "lineGetDevCapsW", "lineGetLineDevStatusW", "lineNegotiateAPIVersion",
    "tapisim_set_station", "tapisim_advance", "tapisim_set_option", "tapisim_close_line",
    "tapisim_fail_next", "lineDialW", "lineHold", "lineUnhold", "lineSwapHold", "lineRedirectW",
    "lineBlindTransferW", "lineSetupTransferW", "lineCompleteTransfer", "lineAddToConference",
    "lineRemoveFromConference", "lineGenerateDigitsW", "lineMonitorDigits", "tapisim_remote_call_ex",
    "tapisim_remote_answer", "tapisim_remote_hangup", "tapisim_remote_digits", "tapisim_set_dial_caps" };
#define NUM_OPS (sizeof opNames / sizeof *opNames)

static void step(unsigned op)
{
    f_app *a = NULL;
    if (((op >= 1 && op <= 18) || (op >= 24 && op <= 35)) && (a = app_arg()) == NULL)
        return;
    switch (op) {
    case 0: op_init(); break;
    case 1: op_shutdown(a); break;
    case 2: op_open(a); break;
    case 3: op_close(a); break;
    case 4: op_status_messages(a); break;
    case 5: op_make_call(a); break;
    case 6: op_answer_drop(a, 0); break;
    case 7: op_answer_drop(a, 1); break;
    case 8: op_deallocate(a); break;
    case 9: op_complete(a); break;
    case 10: op_uncomplete(a); break;
    case 11: op_get_message(a, 0); break;
    case 12: op_get_message(a, 1); break;
    case 13: op_call_info(a); break;
    case 14: op_call_status(a); break;
    case 15: op_address_caps(a); break;
    case 16: op_dev_caps(a); break;
    case 17: op_dev_status(a); break;
    case 18: op_negotiate(a); break;
    case 19: {
        const char *n = number_arg();
        tapisim_set_station(n, pick(5));
        break;
    }
    case 20: op_advance(); break;
    case 21: op_option(); break;
    case 22: op_close_line(); break;
    case 23: op_fail_next(); break;
    case 24: op_dial(a); break;
    case 25: op_hold(a, 0); break;
    case 26: op_hold(a, 1); break;
    case 27: op_swap_hold(a); break;
    case 28: op_divert(a, 0); break;
    case 29: op_divert(a, 1); break;
    case 30: op_setup_transfer(a); break;
    case 31: op_complete_transfer(a); break;
    case 32: op_add_to_conference(a); break;
    case 33: op_remove_from_conference(a); break;
    case 34: op_generate_digits(a); break;
    case 35: op_monitor_digits(a); break;
    case 36: op_remote_call(); break;
    case 37: op_remote_station(0); break;
    case 38: op_remote_station(1); break;
    case 39: op_remote_station(2); break;
    default: op_dial_caps(); break;
    }
}

void tapisim_fuzz_run(const uint8_t *data, size_t size)
{
    tapisim_reset();
    memset(apps, 0, sizeof apps);
    for (int i = 0; i < MAX_INST; i++)
        for (int q = 0; q < MAX_REQS; q++)
            guard[i][q] = SENTINEL;
    napps = 0;
    slotApp[0] = slotApp[1] = -1;
    nextInst = 0;
    in = data;
    inLen = size;
    inPos = 0;
    for (stepNo = 0; inPos < inLen; stepNo++) {
        unsigned op = u8() % NUM_OPS;
        opName = opNames[op];
        step(op);
        check_all();
    }
    /* Settle: the live applications read everything (which also lets the switch answer what
     * is pending), until no queue yields a message; then every request owes its reply. */
    opName = "end of input: messages";
    settle();
    for (int i = 0; i < napps; i++)
        for (int q = 0; apps[i].live && q < apps[i].nreqs; q++) {
            const f_req *r = &apps[i].reqs[q];
            if (!r->exempt && r->replies != 1)
                finding("app %d: %s request 0x%" PRIXDW " on a line still open got no LINE_REPLY", i, r->fn, r->id);
        }
    /* Then the switch runs out its timers, and the applications shut down: whatever the input
     * left behind (rings, recalls, completion requests) must end without breaking an invariant. */
    opName = "end of input: timers";
    for (int k = 0; k < 3; k++) {
        tapisim_advance(k < 2 ? 30000u : 3u * 3600u * 1000u);
        check_all();
        settle();
    }
    opName = "end of input: shutdown";
    for (int i = 0; i < napps; i++)
        if (apps[i].live) {
            op_shutdown(&apps[i]);
            check_all();
        }
    tapisim_advance(3u * 3600u * 1000u);
    check_all();
    print_trace();
    tapisim_reset();
}
