/*
 * Calls: the switch's call model, and lineMakeCallW, lineAnswer, lineDrop, lineDeallocateCall,
 * lineGetCallStatus, lineGetCallInfoW. Dialling is in dial.c, hold in hold.c.
 */
#include "sim_internal.h"

#include <stdlib.h>
#include <string.h>

static LONG find_chandle(HCALL h, sim_chandle **out)
{
    if (g_sim.numApps == 0)
        return LINEERR_UNINITIALIZED;
    *out = sim_find(h, SIM_CALL);
    return *out ? 0 : LINEERR_INVALCALLHANDLE;
}

/* ---- the call model --------------------------------------------------------------------- */

sim_call *sim_call_new(sim_device *dev, DWORD addressId, int outgoing)
{
    sim_call *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->callId = g_sim.nextCallId++;
    c->dev = dev;
    c->addressId = addressId;
    c->state = LINECALLSTATE_IDLE;
    c->tStateEntry = g_sim.now;
    c->outgoing = outgoing;
    c->origin = outgoing ? LINECALLORIGIN_OUTBOUND : LINECALLORIGIN_INTERNAL;
    c->reason = LINECALLREASON_DIRECT;
    c->mediaMode = LINEMEDIAMODE_INTERACTIVEVOICE;
    c->next = g_sim.calls;
    g_sim.calls = c;
    return c;
}

sim_chandle *sim_chandle_new(sim_call *call, sim_open *open, DWORD privilege, int announce)
{
    sim_chandle *ch = calloc(1, sizeof *ch);
    if (ch == NULL)
        return NULL;
    ch->open = open;
    ch->call = call;
    ch->privilege = privilege;
    ch->announce = announce;
    sim_new_handle(&ch->obj, SIM_CALL);
    sim_chandle **tail = &call->handles; /* in creation order: owner first */
    while (*tail)
        tail = &(*tail)->call_next;
    *tail = ch;
    ch->open_next = open->calls;
    open->calls = ch;
    return ch;
}

/* MONITOR handles for every open of the call's device that monitors, except `skip`. */
static void add_monitors(sim_call *call, const sim_open *skip)
{
    for (sim_open *o = call->dev->opens; o; o = o->dev_next)
        if (o != skip && (o->privileges & LINECALLPRIVILEGE_MONITOR))
            sim_chandle_new(call, o, LINECALLPRIVILEGE_MONITOR, 1);
}

void sim_call_add_monitors(sim_call *call, const sim_open *skip)
{
    add_monitors(call, skip);
}

static void release_station(sim_call *call)
{
    if (!call->engaged)
        return;
    call->engaged = 0;
    sim_station *s = sim_station_get(call->station, 0);
    if (s != NULL && s->engaged > 0 && --s->engaged == 0 && s->state != TAPISIM_STATION_BUSY)
        sim_compl_target_free(s->number);
}

void sim_call_set_state(sim_call *call, DWORD state, DWORD mode)
{
    if (call->state == state && call->stateMode == mode)
        return;
    DWORD prev = call->state;
    call->refs++; /* the hooks below must not free the call under us */
    call->state = state;
    call->stateMode = mode;
    call->tStateEntry = g_sim.now;
    call->states |= state;
    if (state == LINECALLSTATE_IDLE || state == LINECALLSTATE_DISCONNECTED) {
        release_station(call);
        sim_timer_cancel_arg(call);
    }
    for (sim_chandle *ch = call->handles; ch; ch = ch->call_next) {
        DWORD p3 = 0;
        if (ch->announce) {
            /* First message about a handle the app did not ask for: LINE_APPNEWCALL (2.0+). */
            ch->announce = 0;
            p3 = ch->privilege;
            if (ch->open->apiVersion >= 0x00020000u)
                sim_post(ch->open->app, ch->open->obj.handle, LINE_APPNEWCALL, ch->open->cbInst,
                         call->addressId, ch->obj.handle, ch->privilege);
        }
        /* A party entering a conference names its conference call (this app's handle on it). */
        DWORD_PTR p2 = state == LINECALLSTATE_CONFERENCED ? sim_conf_handle(call, ch->open) : mode;
        sim_post(ch->open->app, ch->obj.handle, LINE_CALLSTATE, ch->open->cbInst, state, p2, p3);
    }
    sim_digits_state(call);
    sim_xfer_state(call, prev);
    /* What call completion needs to know about: a station in use, free again, answered. */
    if (prev == LINECALLSTATE_IDLE && state != LINECALLSTATE_IDLE)
        sim_compl_activity(sim_call_number(call));
    if (state == LINECALLSTATE_CONNECTED)
        sim_compl_call_connected(call);
    if (state == LINECALLSTATE_IDLE && prev != LINECALLSTATE_IDLE) {
        sim_compl_call_ended(call, 0);
        if (!sim_address_busy(call->dev, call->addressId)) {
            sim_compl_target_free(sim_call_number(call));
            sim_compl_requester_free(call->dev);
        }
    }
    call->refs--;
}

/* LINE_CALLINFO to every handle of a call that is not idle (none is sent for an idle call). */
void sim_callinfo(sim_call *call, DWORD states)
{
    if (call->state == LINECALLSTATE_IDLE)
        return;
    for (sim_chandle *ch = call->handles; ch; ch = ch->call_next)
        sim_post(ch->open->app, ch->obj.handle, LINE_CALLINFO, ch->open->cbInst, states, 0, 0);
}

void sim_call_maybe_free(sim_call *call)
{
    if (call->state != LINECALLSTATE_IDLE || call->handles != NULL || call->refs > 0)
        return;
    if (call->peer)
        call->peer->peer = NULL;
    release_station(call);
    sim_timer_cancel_arg(call);
    sim_digits_call_freed(call);
    sim_xfer_call_freed(call);
    for (sim_call **p = &g_sim.calls; *p; p = &(*p)->next)
        if (*p == call) {
            *p = call->next;
            break;
        }
    free(call);
}

const char *sim_call_number(const sim_call *call)
{
    return call->dev->addr[call->addressId].number;
}

/* An address is busy while its station is set BUSY or a call on it is not idle; calls on the
 * line's other addresses do not count (each address is a directory number of its own). */
int sim_address_busy(const sim_device *dev, DWORD addressId)
{
    if (dev->addr[addressId].stationState == TAPISIM_STATION_BUSY)
        return 1;
    for (const sim_call *c = g_sim.calls; c; c = c->next)
        if (c->dev == dev && c->addressId == addressId && c->state != LINECALLSTATE_IDLE)
            return 1;
    return 0;
}

int sim_device_busy(const sim_device *dev)
{
    for (DWORD a = 0; a < dev->numAddresses; a++)
        if (sim_address_busy(dev, a))
            return 1;
    return 0;
}

/* LINEADDRESSCAPS.dwMaxNumActiveCalls counts per address. */
DWORD sim_active_calls(const sim_device *dev, DWORD addressId)
{
    DWORD n = 0;
    for (const sim_call *c = g_sim.calls; c; c = c->next)
        if (c->dev == dev && c->addressId == addressId && c->state != LINECALLSTATE_IDLE)
            n++;
    return n;
}

/* What the owner may do in the call's state: exactly what the functions accept (each refuses
 * the rest with INVALCALLSTATE). DIAL while the call waits for digits, HOLD when connected,
 * UNHOLD when held, SWAPHOLD on a connected call and a held call of the same line device while
 * both exist, REDIRECT on an offered call and BLINDTRANSFER on a connected one whose other
 * party the switch can divert, GENERATEDIGITS when connected. MONITORDIGITS in every state but
 * IDLE and DISCONNECTED, for monitors too (lineMonitorDigits needs no ownership). Transfer
 * and conference features: transfer.c and conference.c. */
DWORD sim_call_features(const sim_call *call, DWORD privilege)
{
    DWORD monitor = call->state == LINECALLSTATE_IDLE || call->state == LINECALLSTATE_DISCONNECTED
                  ? 0 : LINECALLFEATURE_MONITORDIGITS;
    if (privilege != LINECALLPRIVILEGE_OWNER)
        return monitor;
    DWORD unused;
    switch (call->state) {
    case LINECALLSTATE_IDLE:
        return 0;
    case LINECALLSTATE_OFFERING:
        return LINECALLFEATURE_ANSWER | LINECALLFEATURE_DROP | monitor
             | (sim_divert_party(call) ? LINECALLFEATURE_REDIRECT : 0);
    case LINECALLSTATE_ACCEPTED:
        return LINECALLFEATURE_ANSWER | LINECALLFEATURE_DROP | monitor;
    case LINECALLSTATE_DIALTONE:
    case LINECALLSTATE_DIALING:
        return LINECALLFEATURE_DROP | monitor | (sim_call_dialable(call) ? LINECALLFEATURE_DIAL : 0);
    case LINECALLSTATE_CONNECTED:
        return LINECALLFEATURE_DROP | LINECALLFEATURE_HOLD | monitor | LINECALLFEATURE_GENERATEDIGITS
             | (sim_divert_party(call) ? LINECALLFEATURE_BLINDTRANSFER : 0)
             | (sim_hold_counterpart(call, LINECALLSTATE_ONHOLD) ? LINECALLFEATURE_SWAPHOLD : 0)
             | sim_compl_features(call, privilege, &unused)
             | sim_xfer_features(call) | sim_conf_features(call);
    case LINECALLSTATE_ONHOLD:
        return LINECALLFEATURE_DROP | LINECALLFEATURE_UNHOLD | monitor
             | (sim_hold_counterpart(call, LINECALLSTATE_CONNECTED) ? LINECALLFEATURE_SWAPHOLD : 0)
             | sim_xfer_features(call) | sim_conf_features(call);
    case LINECALLSTATE_ONHOLDPENDTRANSFER:
        return LINECALLFEATURE_DROP | monitor | sim_xfer_features(call);
    case LINECALLSTATE_CONFERENCED:
        return LINECALLFEATURE_DROP | monitor | sim_conf_features(call);
    case LINECALLSTATE_RINGBACK:
        return LINECALLFEATURE_DROP | monitor | sim_compl_features(call, privilege, &unused)
             | sim_xfer_features(call);
    default:
        return LINECALLFEATURE_DROP | monitor | sim_compl_features(call, privilege, &unused);
    }
}

/* Ends a call from this side: it goes IDLE; a local peer is told the other party left. */
void sim_call_end(sim_call *call)
{
    sim_call *peer = call->peer;
    DWORD was = call->state;
    call->peer = NULL;
    sim_call_set_state(call, LINECALLSTATE_IDLE, 0);
    if (peer != NULL) {
        peer->peer = NULL;
        if (peer->state == LINECALLSTATE_OFFERING || peer->state == LINECALLSTATE_ACCEPTED
            || peer->handles == NULL)
            sim_call_set_state(peer, LINECALLSTATE_IDLE, 0); /* gave up before an answer, or nobody to tell */
        else if (peer->state != LINECALLSTATE_IDLE)
            sim_call_set_state(peer, LINECALLSTATE_DISCONNECTED,
                               was == LINECALLSTATE_OFFERING ? LINEDISCONNECTMODE_REJECT
                                                             : LINEDISCONNECTMODE_NORMAL);
        sim_call_maybe_free(peer);
    }
}

void sim_chandle_free(sim_chandle *ch, int dropIfSoleOwner)
{
    sim_call *call = ch->call;
    sim_digits_handle_freed(ch);
    for (sim_chandle **p = &call->handles; *p; p = &(*p)->call_next)
        if (*p == ch) {
            *p = ch->call_next;
            break;
        }
    for (sim_chandle **p = &ch->open->calls; *p; p = &(*p)->open_next)
        if (*p == ch) {
            *p = ch->open_next;
            break;
        }
    sim_drop_handle(&ch->obj);
    sim_purge(ch->open->app, ch->obj.handle);
    int owners = 0;
    for (const sim_chandle *o = call->handles; o; o = o->call_next)
        owners += o->privilege == LINECALLPRIVILEGE_OWNER;
    if (dropIfSoleOwner && ch->privilege == LINECALLPRIVILEGE_OWNER && owners == 0
        && call->state != LINECALLSTATE_IDLE)
        sim_call_end(call);
    else if (call->handles == NULL && call->state == LINECALLSTATE_DISCONNECTED)
        sim_call_end(call); /* the far end has gone and nobody can drop it any more: cleared */
    /* Divergence: tapisrv closes a call at the provider (TSPI_lineCloseCall, which drops it
     * under LINEDEVCAPFLAGS_CLOSEDROP) when its last handle of any privilege goes; here a call
     * in another state left with no handle goes on (a callee still rings for its caller, a
     * recall until it rings out). */
    free(ch);
    sim_call_maybe_free(call);
}

void sim_reset_calls(void)
{
    while (g_sim.calls) {
        sim_call *c = g_sim.calls;
        g_sim.calls = c->next;
        sim_digits_call_freed(c);
        while (c->handles) {
            sim_chandle *ch = c->handles;
            c->handles = ch->call_next;
            sim_drop_handle(&ch->obj);
            free(ch);
        }
        free(c);
    }
}

static void remote_answers(void *arg)
{
    sim_call *call = arg;
    if (call->state == LINECALLSTATE_RINGBACK)
        sim_call_set_state(call, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE);
}

void sim_station_answers_later(sim_call *call)
{
    sim_station *s = sim_station_get(call->station, 0);
    if (s != NULL && s->state == TAPISIM_STATION_IDLE)
        sim_timer_add(SIM_ANSWER_DELAY_MS, remote_answers, call);
}

/* Gives a new call its handles: the first OWNER open (in open order) whose media modes and
 * address match gets the OWNER handle (if `withOwner`), every monitoring open a MONITOR handle.
 * Both are announced with their first LINE_CALLSTATE. */
void sim_call_attach(sim_call *call, int withOwner)
{
    sim_open *owner = NULL;
    for (sim_open *o = call->dev->opens; o && withOwner && !owner; o = o->dev_next)
        if ((o->privileges & LINECALLPRIVILEGE_OWNER) && (o->mediaModes & call->mediaMode)
            && (!(o->options & LINEOPENOPTION_SINGLEADDRESS) || o->addressId == call->addressId))
            owner = o;
    if (owner != NULL)
        sim_chandle_new(call, owner, LINECALLPRIVILEGE_OWNER, 1);
    add_monitors(call, owner);
}

/* Offers a new incoming call; `ring` adds the LINEDEVSTATE_RINGING that follows OFFERING. */
void sim_offer(sim_call *call, int ring)
{
    sim_call_attach(call, 1);
    sim_call_set_state(call, LINECALLSTATE_OFFERING, LINEOFFERINGMODE_ACTIVE);
    if (ring)
        sim_linedevstate(call->dev, LINEDEVSTATE_RINGING, 1, 0);
}

/* Connects a call to the number in call->remote: an outgoing call that has reached PROCEEDING,
 * a camped-on call whose target became free, or an answered recall. */
void sim_route(sim_call *call)
{
    DWORD targetAddress;
    sim_device *target = sim_address_by_number(call->remote, &targetAddress);
    if (target != NULL) {
        DWORD station = target->addr[targetAddress].stationState;
        if (sim_address_busy(target, targetAddress)) {
            sim_call_set_state(call, LINECALLSTATE_BUSY, LINEBUSYMODE_STATION);
            return;
        }
        if (station == TAPISIM_STATION_PROCEEDING)
            return;
        sim_call_set_state(call, LINECALLSTATE_RINGBACK, 0);
        if (station == TAPISIM_STATION_NOANSWER)
            return; /* rings unattended: nothing is offered to applications */
        sim_call *callee = sim_call_new(target, targetAddress, 0);
        if (callee == NULL)
            return;
        memcpy(callee->remote, sim_call_number(call), sizeof callee->remote);
        if (call->routeReason != 0) { /* a diverted call (redirect.c): how it came, and from where */
            callee->reason = call->routeReason;
            memcpy(callee->redirecting, call->redirecting, sizeof callee->redirecting);
            memcpy(callee->redirection, call->redirection, sizeof callee->redirection);
            memcpy(callee->redirectionName, call->redirectionName, sizeof callee->redirectionName);
        }
        callee->peer = call;
        call->peer = callee;
        sim_offer(callee, 1);
        return;
    }
    sim_station *s = sim_station_get(call->remote, 1);
    if (s == NULL || s->state == TAPISIM_STATION_BUSY || s->engaged > 0) {
        sim_call_set_state(call, LINECALLSTATE_BUSY, LINEBUSYMODE_STATION);
        return;
    }
    if (s->state == TAPISIM_STATION_PROCEEDING)
        return;
    if (s->engaged++ == 0)
        sim_compl_activity(s->number);
    call->engaged = 1;
    memcpy(call->station, s->number, sizeof call->station);
    sim_call_set_state(call, LINECALLSTATE_RINGBACK, 0);
    if (s->state == TAPISIM_STATION_IDLE)
        sim_timer_add(SIM_ANSWER_DELAY_MS, remote_answers, call);
}

/* ---- lineMakeCallW ---------------------------------------------------------------------- */
/* A NULL destination, or one that is only ';', leaves the call in DIALTONE
 * (LINEDIALTONEMODE_NORMAL) for lineDial; a string ending in ';' leaves it in DIALING. The dial
 * string (dial.c says what the switch makes of it), the country code and LINECALLPARAMS are
 * the provider's to refuse, after tapisrv's checks of LINECALLPARAMS (results): LINE_REPLY, or
 * the result with error_delivery 1; an injected fault always completes in LINE_REPLY. */
SIM_EXPORT LONG WINAPI lineMakeCallW(HLINE hLine, LPHCALL lphCall, LPCWSTR lpszDestAddress,
                                     DWORD dwCountryCode, LPLINECALLPARAMS const lpCallParams)
{
    char dest[SIM_NUMBER_MAX + 1] = "";
    sim_lock();
    int destOk = lpszDestAddress == NULL || sim_wstr_readable(lpszDestAddress);
    if (destOk)
        sim_wstr_to_ascii(lpszDestAddress, dest, sizeof dest);
    sim_open *open = NULL;
    LONG r = 0;
    if (g_sim.numApps == 0)
        r = LINEERR_UNINITIALIZED;
    else if ((open = sim_find(hLine, SIM_LINE)) == NULL)
        r = LINEERR_INVALLINEHANDLE;
    else if (!sim_writable(lphCall, sizeof *lphCall) || !destOk
             || (lpCallParams != NULL && !sim_struct_readable(lpCallParams)))
        r = LINEERR_INVALPOINTER;
    else if (lpCallParams != NULL)
        r = sim_callparams_check(lpCallParams, open->apiVersion);
    HCALL hCall = 0;
    if (r == 0) {
        LONG err = sim_take_fault("lineMakeCall");
        int fault = err != 0;
        sim_dial d;
        memset(&d, 0, sizeof d);
        d.partial = 1; /* NULL: dial tone */
        if (err == 0 && lpszDestAddress != NULL)
            err = sim_dial_parse(lpszDestAddress, open->dev, &d);
        if (err == 0)
            err = sim_dial_fits("", &d);
        if (err == 0)
            err = sim_dial_country(dwCountryCode);
        if (err == 0 && lpCallParams != NULL)
            err = sim_callparams_provider(lpCallParams, open->apiVersion, open->dev, 0);
        /* The address of LINECALLPARAMS (by ID: sim_callparams_provider refuses DIALABLEADDR
         * and IDs the line does not have), else address 0. */
        DWORD addressId = lpCallParams != NULL ? lpCallParams->dwAddressID : 0;
        if (err == 0 && sim_active_calls(open->dev, addressId) >= SIM_MAX_CALLS_PER_ADDR)
            err = LINEERR_CALLUNAVAIL;
        if (err == 0 && !sim_writable_now(lphCall, sizeof *lphCall))
            err = LINEERR_INVALPOINTER; /* tapi32 writes *lphCall at LINE_REPLY time and says so if it faults */
        sim_call *call = NULL;
        sim_chandle *ch = NULL;
        if (err == 0 && ((call = sim_call_new(open->dev, addressId, 1)) == NULL
                         || (ch = sim_chandle_new(call, open, LINECALLPRIVILEGE_OWNER, 0)) == NULL))
            err = LINEERR_NOMEM;
        if (err != 0 && !fault && g_sim.opt.errorDelivery == 1) {
            if (call != NULL)
                sim_call_maybe_free(call);
            r = err; /* documentation-literal: the provider's refusal is the result */
        } else {
            DWORD request = sim_new_request();
            if (err != 0) {
                if (call != NULL)
                    sim_call_maybe_free(call);
                sim_reply(open, request, err);
            } else {
                memcpy(call->appName, open->app->name, sizeof call->appName);
                if (lpCallParams != NULL && lpCallParams->dwMediaMode != 0)
                    call->mediaMode = lpCallParams->dwMediaMode;
                hCall = ch->obj.handle;
                *lphCall = hCall; /* before the LINE_REPLY is queued */
                sim_reply(open, request, 0);
                add_monitors(call, open);
                if (d.partial && d.number[0] == '\0')
                    sim_call_set_state(call, LINECALLSTATE_DIALTONE, LINEDIALTONEMODE_NORMAL);
                else
                    sim_dial_apply(call, &d);
            }
            r = (LONG)request;
        }
    }
    r = sim_ret(r, "lineMakeCallW(0x%08" PRIXDW ", \"%s\") hCall=0x%08" PRIXDW, hLine, dest, hCall);
    sim_unlock();
    return r;
}

/* Synchronous prolog of the call functions that need OWNER privilege (tapisrv's checks). */
LONG sim_owner_prolog(HCALL hCall, sim_chandle **ch)
{
    LONG r = find_chandle(hCall, ch);
    if (r == 0 && (*ch)->privilege != LINECALLPRIVILEGE_OWNER)
        r = LINEERR_NOTOWNER;
    return r;
}

/* ---- lineAnswer ------------------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineAnswer(HCALL hCall, LPCSTR lpsUserUserInfo, DWORD dwSize)
{
    sim_lock();
    sim_chandle *ch = NULL;
    LONG r = lpsUserUserInfo != NULL && !sim_readable(lpsUserUserInfo, dwSize)
           ? (LONG)LINEERR_INVALPOINTER : sim_owner_prolog(hCall, &ch);
    if (r == 0) {
        DWORD request = sim_new_request();
        sim_call *call = ch->call;
        LONG err = sim_take_fault("lineAnswer");
        if (err == 0 && call->state != LINECALLSTATE_OFFERING && call->state != LINECALLSTATE_ACCEPTED)
            err = LINEERR_INVALCALLSTATE;
        if (err == 0 && lpsUserUserInfo != NULL && dwSize > 0)
            err = LINEERR_USERUSERINFOTOOBIG; /* LINEDEVCAPS.dwUUIAnswerSize is 0 */
        sim_reply(ch->open, request, err);
        if (err == 0 && call->recall) {
            /* An answered CALLBACK recall: the switch now calls the target. */
            sim_compl_call_answered(call);
            sim_route(call);
        } else if (err == 0) {
            sim_call_set_state(call, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE);
            if (call->peer)
                sim_call_set_state(call->peer, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE);
        }
        r = (LONG)request;
    }
    r = sim_ret(r, "lineAnswer(0x%08" PRIXDW ")", hCall);
    sim_unlock();
    return r;
}

/* ---- lineDrop --------------------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineDrop(HCALL hCall, LPCSTR lpsUserUserInfo, DWORD dwSize)
{
    sim_lock();
    sim_chandle *ch = NULL;
    LONG r = lpsUserUserInfo != NULL && !sim_readable(lpsUserUserInfo, dwSize)
           ? (LONG)LINEERR_INVALPOINTER : sim_owner_prolog(hCall, &ch);
    if (r == 0) {
        DWORD request = sim_new_request();
        sim_call *call = ch->call;
        LONG err = sim_take_fault("lineDrop");
        if (err == 0 && call->state == LINECALLSTATE_IDLE)
            err = LINEERR_INVALCALLSTATE;
        if (err == 0 && lpsUserUserInfo != NULL && dwSize > 0)
            err = LINEERR_USERUSERINFOTOOBIG; /* LINEDEVCAPS.dwUUIDropSize is 0 */
        if (err == 0)
            sim_compl_call_ended(call, 1); /* pending completion requests fail first */
        sim_reply(ch->open, request, err);
        if (err == 0)
            sim_call_end(call);
        r = (LONG)request;
    }
    r = sim_ret(r, "lineDrop(0x%08" PRIXDW ")", hCall);
    sim_unlock();
    return r;
}

/* ---- lineDeallocateCall ----------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineDeallocateCall(HCALL hCall)
{
    sim_lock();
    sim_chandle *ch = NULL;
    LONG r = find_chandle(hCall, &ch);
    if (r == 0 && ch->open->apiVersion < 0x00020000u && ch->privilege == LINECALLPRIVILEGE_OWNER
        && ch->call->state != LINECALLSTATE_IDLE) {
        int owners = 0;
        for (const sim_chandle *o = ch->call->handles; o; o = o->call_next)
            owners += o->privilege == LINECALLPRIVILEGE_OWNER;
        if (owners == 1)
            r = LINEERR_INVALCALLSTATE; /* before 2.0 the sole owner must drop first */
    }
    if (r == 0)
        r = sim_take_fault("lineDeallocateCall");
    if (r == 0) {
        sim_compl_call_deallocated(ch->call, hCall, ch->open->apiVersion);
        sim_chandle_free(ch, 1); /* 2.0+: deallocating the sole owner handle drops the call */
    }
    r = sim_ret(r, "lineDeallocateCall(0x%08" PRIXDW ")", hCall);
    sim_unlock();
    return r;
}

/* ---- lineGetCallStatus ------------------------------------------------------------------ */

/* Virtual time as a SYSTEMTIME counted from 2000-01-01 00:00:00.000 (a Saturday). */
static void virtual_systemtime(DWORD ms, SYSTEMTIME *st)
{
    DWORD days = ms / 86400000u, rest = ms % 86400000u;
    WORD year = 2000, month = 1;
    static const WORD mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    DWORD d = days;
    for (;;) {
        int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        DWORD ylen = leap ? 366u : 365u;
        if (d < ylen)
            break;
        d -= ylen;
        year++;
    }
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    for (int m = 0; m < 12; m++) {
        DWORD len = mdays[m] + (m == 1 && leap);
        if (d < len)
            break;
        d -= len;
        month++;
    }
    st->wYear = year;
    st->wMonth = month;
    st->wDay = (WORD)(d + 1);
    st->wDayOfWeek = (WORD)((6 + days) % 7);
    st->wHour = (WORD)(rest / 3600000u);
    st->wMinute = (WORD)(rest / 60000u % 60);
    st->wSecond = (WORD)(rest / 1000u % 60);
    st->wMilliseconds = (WORD)(rest % 1000u);
}

SIM_EXPORT LONG WINAPI lineGetCallStatus(HCALL hCall, LPLINECALLSTATUS lpCallStatus)
{
    sim_lock();
    sim_chandle *ch = NULL;
    LONG r = !sim_struct_writable(lpCallStatus) ? (LONG)LINEERR_INVALPOINTER : find_chandle(hCall, &ch);
    sim_var v;
    if (r == 0)
        r = sim_var_begin(&v, lpCallStatus, SIM_CALLSTATUS, ch->open->apiVersion);
    if (r == 0)
        r = sim_take_fault("lineGetCallStatus");
    if (r == 0) {
        const sim_call *call = ch->call;
        LINECALLSTATUS s;
        memset(&s, 0, sizeof s);
        s.dwCallState = call->state;
        s.dwCallStateMode = call->stateMode;
        s.dwCallPrivilege = ch->privilege;
        s.dwCallFeatures = sim_call_features(call, ch->privilege);
        DWORD features2 = 0;
        sim_compl_features(call, ch->privilege, &features2);
        if (s.dwCallFeatures & LINECALLFEATURE_COMPLETETRANSF)
            features2 |= sim_xfer_features2(call);
        s.dwCallFeatures2 = features2;
        SYSTEMTIME st;
        virtual_systemtime(call->tStateEntry, &st);
        s.tStateEntryTime = st;
        sim_var_end(&v, &s);
    }
    r = sim_ret(r, "lineGetCallStatus(0x%08" PRIXDW ")", hCall);
    sim_unlock();
    return r;
}

/* ---- lineGetCallInfoW ------------------------------------------------------------------- */

static void party(sim_var *v, const char *number, DWORD *flags, DWORD *size, DWORD *off)
{
    if (number == NULL || number[0] == '\0') {
        *flags = LINECALLPARTYID_UNKNOWN;
        *size = *off = 0;
        return;
    }
    *flags = LINECALLPARTYID_ADDRESS;
    *off = sim_var_wstr(v, number, size);
}

SIM_EXPORT LONG WINAPI lineGetCallInfoW(HCALL hCall, LPLINECALLINFO lpCallInfo)
{
    sim_lock();
    sim_chandle *ch = NULL;
    LONG r = !sim_struct_writable(lpCallInfo) ? (LONG)LINEERR_INVALPOINTER : find_chandle(hCall, &ch);
    sim_var v;
    if (r == 0)
        r = sim_var_begin(&v, lpCallInfo, SIM_CALLINFO, ch->open->apiVersion);
    if (r == 0)
        r = sim_take_fault("lineGetCallInfo");
    if (r == 0) {
        const sim_call *call = ch->call;
        LINECALLINFO c;
        memset(&c, 0, sizeof c);
        c.hLine = ch->open->obj.handle;
        c.dwLineDeviceID = call->dev->id;
        c.dwAddressID = call->addressId;
        c.dwBearerMode = LINEBEARERMODE_VOICE;
        c.dwMediaMode = call->mediaMode;
        c.dwCallID = call->callId;
        c.dwRelatedCallID = call->peer ? call->peer->callId : 0;
        c.dwCallStates = SIM_CALL_STATES;
        c.dwMonitorDigitModes = sim_digits_monitor_modes(call);
        c.dwOrigin = call->origin;
        c.dwReason = call->reason;
        c.dwCompletionID = call->completionId;
        for (const sim_chandle *h = call->handles; h; h = h->call_next) {
            if (h->privilege == LINECALLPRIVILEGE_OWNER)
                c.dwNumOwners++;
            else
                c.dwNumMonitors++;
        }
        c.dwTrunk = 0xFFFFFFFFu; /* unknown */
        const char *self = sim_call_number(call);
        /* A diverted call (redirect.c) keeps its original party as caller or called ID; the
         * party it reaches now is the connected ID. */
        const char *orig = call->party[0] ? call->party : call->remote;
        int diverted = call->party[0] != '\0';
        const char *caller = call->outgoing ? self : orig;
        const char *called = call->outgoing ? orig : self;
        /* A conference party (conference.c) is still connected to its far end. */
        const char *connected = call->state == LINECALLSTATE_CONNECTED
                             || call->state == LINECALLSTATE_CONFERENCED ? call->remote : NULL;
        DWORD flags, size, off;
        /* An outside caller that withholds its identity, or whose network does not pass it on
         * (remoteIdFlags): caller and connected ID carry only that flag, no number, no name. */
        DWORD hidden = call->outgoing ? 0 : call->remoteIdFlags;
        party(&v, hidden ? NULL : caller, &flags, &size, &off);
        c.dwCallerIDFlags = hidden ? hidden : flags; c.dwCallerIDSize = size; c.dwCallerIDOffset = off;
        party(&v, called, &flags, &size, &off);
        c.dwCalledIDFlags = flags; c.dwCalledIDSize = size; c.dwCalledIDOffset = off;
        if (call->outgoing && call->remoteName[0]) { /* the ^Name of the dial string */
            c.dwCalledIDFlags |= LINECALLPARTYID_NAME;
            c.dwCalledIDNameOffset = sim_var_wstr(&v, call->remoteName, &c.dwCalledIDNameSize);
        }
        if (!call->outgoing && !hidden && call->remoteName[0]) { /* an outside caller who gave a name */
            c.dwCallerIDFlags |= LINECALLPARTYID_NAME;
            c.dwCallerIDNameOffset = sim_var_wstr(&v, call->remoteName, &c.dwCallerIDNameSize);
        }
        party(&v, hidden ? NULL : connected, &flags, &size, &off);
        c.dwConnectedIDFlags = hidden && connected ? hidden : flags;
        c.dwConnectedIDSize = size; c.dwConnectedIDOffset = off;
        if (connected && !hidden && !call->outgoing && !diverted && call->remoteName[0]) {
            c.dwConnectedIDFlags |= LINECALLPARTYID_NAME;
            c.dwConnectedIDNameOffset = sim_var_wstr(&v, call->remoteName, &c.dwConnectedIDNameSize);
        }
        party(&v, call->redirection, &flags, &size, &off);
        c.dwRedirectionIDFlags = flags; c.dwRedirectionIDSize = size; c.dwRedirectionIDOffset = off;
        if (call->redirection[0] && call->redirectionName[0]) {
            c.dwRedirectionIDFlags |= LINECALLPARTYID_NAME;
            c.dwRedirectionIDNameOffset = sim_var_wstr(&v, call->redirectionName, &c.dwRedirectionIDNameSize);
        }
        party(&v, call->redirecting, &flags, &size, &off);
        c.dwRedirectingIDFlags = flags; c.dwRedirectingIDSize = size; c.dwRedirectingIDOffset = off;
        if (call->appName[0]) {
            off = sim_var_wstr(&v, call->appName, &size);
            c.dwAppNameSize = size;
            c.dwAppNameOffset = off;
        }
        c.dwCallerIDAddressType = hidden ? 0 : LINEADDRESSTYPE_PHONENUMBER;
        c.dwCalledIDAddressType = LINEADDRESSTYPE_PHONENUMBER;
        c.dwConnectedIDAddressType = connected && !hidden ? LINEADDRESSTYPE_PHONENUMBER : 0;
        c.dwRedirectionIDAddressType = call->redirection[0] ? LINEADDRESSTYPE_PHONENUMBER : 0;
        c.dwRedirectingIDAddressType = call->redirecting[0] ? LINEADDRESSTYPE_PHONENUMBER : 0;
        sim_var_end(&v, &c);
    }
    r = sim_ret(r, "lineGetCallInfoW(0x%08" PRIXDW ")", hCall);
    sim_unlock();
    return r;
}
