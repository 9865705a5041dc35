/*
 * Consultation transfer: lineSetupTransferW and lineCompleteTransfer (its TRANSFER mode here,
 * its CONFERENCE mode in conference.c).
 *
 * lineSetupTransferW puts a CONNECTED call ONHOLDPENDTRANSFER (its far end hears hold, as with
 * lineHold) and creates a consultation call on the same address, owned by the same open, in
 * DIALTONE for lineDialW. Messages: LINE_REPLY (*lphConsultCall written just before it), the
 * held call's LINE_CALLSTATE ONHOLDPENDTRANSFER, the consultation call's DIALTONE; monitors of
 * the line get the new call with LINE_APPNEWCALL. The consultation call is an ordinary
 * outgoing call once dialled. When it goes IDLE (dropped, or deallocated by its sole owner)
 * before the transfer is completed, the held call is connected again
 * (LINEADDRCAPFLAGS_AUTORECONNECT). If the held call's far end hangs up, the held call goes
 * DISCONNECTED and the consultation call is an ordinary call from then on.
 *
 * lineCompleteTransfer(hCall, hConsultCall, ..., LINETRANSFERMODE_TRANSFER): hCall is the call
 * ONHOLDPENDTRANSFER with hConsultCall its consultation call, or an ONHOLD call with any other
 * call of the same line device (LINEADDRCAPFLAGS_TRANSFERHELD); the consultation call is
 * CONNECTED or RINGBACK (an unscreened transfer). Both calls go IDLE at this station (the
 * handles stay valid until deallocated) and their two far ends are joined:
 * - two local calls become each other's peer; a remote station moves to the local call of
 *   the other end, as redirect.c moves one.
 * - the far end's local call is told LINE_CALLINFO REDIRECTINGID | REDIRECTIONID (with
 *   CONNECTEDID when the consultation call was answered): its connected ID is the other far
 *   end now, its redirecting ID this station, its redirection ID the consultation call's
 *   destination; it keeps its original caller or called ID.
 * - a consultation call still ringing: the transferred party's call goes RINGBACK in its
 *   place (a local destination goes on ringing and its answer connects the transferred party;
 *   a remote station's automatic answer starts its 3 s again).
 * The simulator's switch never joins two outside parties (trunk to trunk): that transfer is
 * LINEERR_OPERATIONUNAVAIL, and its calls do not offer LINECALLFEATURE_COMPLETETRANSF.
 *
 * Checks: tapi32 the pointers (lphConsultCall writable, lpCallParams readable, lphConfCall
 * writable in CONFERENCE mode: INVALPOINTER), tapisrv the handles, privileges, the transfer
 * mode (exactly one LINETRANSFERMODE_ bit, else INVALTRANSFERMODE) and LINECALLPARAMS:
 * function results. A consultation call handle that is not a handle, or is one on another
 * line device: INVALCONSULTCALLHANDLE (result, the simulator's choice). The rest is the
 * provider's (LINE_REPLY, or the result with "error_delivery" 1; an injected fault always
 * completes in LINE_REPLY): the call state (INVALCALLSTATE), a consultation call that is not
 * the one set up for the held call, or the held call itself (INVALCONSULTCALLHANDLE), the
 * consultation call's state (INVALCALLSTATE), an address with no room for another call
 * (lineSetupTransfer CALLUNAVAIL, the conference call RESOURCEUNAVAIL), and the out-parameter
 * at reply time (INVALPOINTER: tapi32 writes it when the LINE_REPLY arrives).
 */
#include "sim_internal.h"

#include <string.h>

/* ---- shared with conference.c ------------------------------------------------------------ */

LONG sim_xfer_submit(sim_open *open, LONG err, int fault, DWORD *request)
{
    *request = 0;
    if (err != 0 && !fault && g_sim.opt.errorDelivery == 1)
        return err; /* documentation-literal: the provider's refusal is the result */
    *request = sim_new_request();
    sim_reply(open, *request, err);
    return (LONG)*request;
}

void sim_far_end(const sim_call *call, const char *what)
{
    sim_trace("far end %s %s\n", call->remote, what);
}

/* A consultation call the held call can be joined with: a plain call (no conference, no
 * other transfer) in `state` whose far end the switch can move. */
static int joinable(const sim_call *held, const sim_call *c)
{
    return c != held && c->dev == held->dev && !c->isConf && c->conf == NULL
        && (c->state == LINECALLSTATE_CONNECTED || c->state == LINECALLSTATE_RINGBACK)
        && sim_divert_party(c);
}

/* The two far ends are not both outside parties. */
static int not_trunk_to_trunk(const sim_call *held, const sim_call *c)
{
    return held->peer != NULL || c->peer != NULL;
}

/* The call lineCompleteTransfer may use with `held` (ONHOLDPENDTRANSFER: its own consultation
 * call; ONHOLD: the first joinable call of the line device), NULL if none. */
static sim_call *consult_of(const sim_call *held)
{
    if (held->state == LINECALLSTATE_ONHOLDPENDTRANSFER)
        return held->xferConsult != NULL && joinable(held, held->xferConsult) ? held->xferConsult : NULL;
    if (held->state != LINECALLSTATE_ONHOLD || held->isConf || held->conf != NULL
        || held->xferHeld != NULL || !sim_divert_party(held))
        return NULL;
    for (sim_call *c = g_sim.calls; c; c = c->next)
        if (joinable(held, c) && c->xferHeld == NULL && c->xferConsult == NULL)
            return c;
    return NULL;
}

DWORD sim_xfer_features(const sim_call *call)
{
    if (call->isConf || call->conf != NULL)
        return 0;
    switch (call->state) {
    case LINECALLSTATE_CONNECTED:
        if (call->xferHeld != NULL)
            return joinable(call->xferHeld, call) ? LINECALLFEATURE_COMPLETETRANSF : 0;
        return call->xferConsult == NULL && sim_divert_party(call) ? LINECALLFEATURE_SETUPTRANSFER : 0;
    case LINECALLSTATE_RINGBACK:
        return call->xferHeld != NULL && joinable(call->xferHeld, call)
             && not_trunk_to_trunk(call->xferHeld, call) ? LINECALLFEATURE_COMPLETETRANSF : 0;
    case LINECALLSTATE_ONHOLD:
    case LINECALLSTATE_ONHOLDPENDTRANSFER: {
        const sim_call *c = consult_of(call);
        return c != NULL && (not_trunk_to_trunk(call, c) || c->state == LINECALLSTATE_CONNECTED)
             ? LINECALLFEATURE_COMPLETETRANSF : 0;
    }
    default:
        return 0;
    }
}

DWORD sim_xfer_features2(const sim_call *call)
{
    if (!(sim_xfer_features(call) & LINECALLFEATURE_COMPLETETRANSF))
        return 0;
    const sim_call *held = call->xferHeld != NULL ? call->xferHeld : call;
    const sim_call *c = call->xferHeld != NULL ? call : consult_of(call);
    if (c == NULL)
        return 0;
    return (not_trunk_to_trunk(held, c) ? LINECALLFEATURE2_TRANSFERNORM : 0)
         | (c->state == LINECALLSTATE_CONNECTED ? LINECALLFEATURE2_TRANSFERCONF : 0);
}

/* Unlinks a held call and its consultation call. */
static void unlink_xfer(sim_call *held)
{
    if (held->xferConsult != NULL)
        held->xferConsult->xferHeld = NULL;
    held->xferConsult = NULL;
}

void sim_xfer_state(sim_call *call, DWORD prev)
{
    DWORD s = call->state;
    if (call->xferConsult != NULL && (s == LINECALLSTATE_IDLE || s == LINECALLSTATE_DISCONNECTED))
        unlink_xfer(call); /* the held call's far end hung up: nothing left to transfer */
    if (call->xferHeld != NULL && s == LINECALLSTATE_IDLE) {
        sim_call *held = call->xferHeld;
        unlink_xfer(held);
        if (held->state == LINECALLSTATE_ONHOLDPENDTRANSFER) { /* LINEADDRCAPFLAGS_AUTORECONNECT */
            sim_call_set_state(held, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE);
            sim_far_end(held, "retrieved");
        }
    }
    sim_conf_state(call, prev);
}

void sim_xfer_call_freed(sim_call *call)
{
    if (call->xferConsult != NULL)
        call->xferConsult->xferHeld = NULL;
    if (call->xferHeld != NULL)
        call->xferHeld->xferConsult = NULL;
    call->xferConsult = call->xferHeld = NULL;
    for (sim_call *c = g_sim.calls; c; c = c->next)
        if (c->conf == call)
            c->conf = NULL;
}

/* ---- lineSetupTransferW ------------------------------------------------------------------ */
SIM_EXPORT LONG WINAPI lineSetupTransferW(HCALL hCall, LPHCALL lphConsultCall,
                                          LPLINECALLPARAMS const lpCallParams)
{
    sim_lock();
    sim_chandle *ch = NULL;
    LONG r = !sim_writable(lphConsultCall, sizeof *lphConsultCall)
             || (lpCallParams != NULL && !sim_struct_readable(lpCallParams))
           ? (LONG)LINEERR_INVALPOINTER : sim_owner_prolog(hCall, &ch);
    if (r == 0 && lpCallParams != NULL)
        r = sim_callparams_check(lpCallParams, ch->open->apiVersion);
    HCALL hConsult = 0;
    if (r == 0) {
        sim_call *call = ch->call;
        LONG err = sim_take_fault("lineSetupTransfer");
        int fault = err != 0;
        if (err == 0 && !(sim_xfer_features(call) & LINECALLFEATURE_SETUPTRANSFER))
            err = LINEERR_INVALCALLSTATE;
        if (err == 0 && lpCallParams != NULL)
            err = sim_callparams_provider(lpCallParams, ch->open->apiVersion, call->dev, 0);
        if (err == 0 && sim_active_calls(call->dev, call->addressId) >= SIM_MAX_CALLS_PER_ADDR)
            err = LINEERR_CALLUNAVAIL;
        if (err == 0 && !sim_writable_now(lphConsultCall, sizeof *lphConsultCall))
            err = LINEERR_INVALPOINTER;
        sim_call *c = NULL;
        sim_chandle *cch = NULL;
        if (err == 0 && ((c = sim_call_new(call->dev, call->addressId, 1)) == NULL
                         || (cch = sim_chandle_new(c, ch->open, LINECALLPRIVILEGE_OWNER, 0)) == NULL))
            err = LINEERR_NOMEM;
        if (err != 0 && c != NULL)
            sim_call_maybe_free(c);
        DWORD request;
        if (err == 0) {
            hConsult = cch->obj.handle;
            *lphConsultCall = hConsult; /* before the LINE_REPLY is queued */
            memcpy(c->appName, ch->open->app->name, sizeof c->appName);
            c->mediaMode = lpCallParams != NULL && lpCallParams->dwMediaMode != 0
                         ? lpCallParams->dwMediaMode : call->mediaMode;
        }
        r = sim_xfer_submit(ch->open, err, fault, &request);
        if (request != 0 && err == 0) {
            sim_call_add_monitors(c, ch->open);
            call->xferConsult = c;
            c->xferHeld = call;
            sim_call_set_state(call, LINECALLSTATE_ONHOLDPENDTRANSFER, 0);
            sim_far_end(call, "hears hold");
            sim_call_set_state(c, LINECALLSTATE_DIALTONE, LINEDIALTONEMODE_NORMAL);
        }
    }
    r = sim_ret(r, "lineSetupTransferW(0x%08" PRIXDW ") hConsultCall=0x%08" PRIXDW, hCall, hConsult);
    sim_unlock();
    return r;
}

/* ---- lineCompleteTransfer ---------------------------------------------------------------- */

static void save_party(sim_call *c)
{
    if (c->party[0] == '\0')
        memcpy(c->party, c->remote, sizeof c->party);
}

static void set_ids(sim_call *c, const char *self, const char *to)
{
    memcpy(c->redirecting, self, strlen(self) + 1);
    memcpy(c->redirection, to, strlen(to) + 1);
    c->redirectionName[0] = '\0';
}

/* Moves the remote station engaged by `from` to local call `to`, whose far end it becomes. */
static void move_station(sim_call *from, sim_call *to)
{
    memcpy(to->station, from->station, sizeof to->station);
    memcpy(to->remote, from->station, sizeof to->remote);
    memcpy(to->remoteName, from->remoteName, sizeof to->remoteName);
    to->remoteIdFlags = from->outgoing ? 0 : from->remoteIdFlags;
    to->engaged = 1; /* the engagement moves: the station's count stays */
    from->engaged = 0;
}

/* TRANSFER mode: joins the far ends of `held` and `c` (checked) and clears both. */
static void transfer(sim_call *held, sim_call *c)
{
    char self[SIM_NUMBER_MAX], dest[SIM_NUMBER_MAX], orig[SIM_NUMBER_MAX];
    memcpy(self, sim_call_number(held), sizeof self);
    memcpy(dest, c->remote, sizeof dest);
    memcpy(orig, held->remote, sizeof orig);
    int answered = c->state == LINECALLSTATE_CONNECTED;
    unlink_xfer(held);
    sim_call *x = held->peer, *y = c->peer;
    if (x != NULL)
        save_party(x);
    if (y != NULL)
        save_party(y);
    held->peer = c->peer = NULL;
    if (x != NULL)
        x->peer = NULL;
    if (y != NULL)
        y->peer = NULL;
    if (x != NULL && y != NULL) {
        x->peer = y;
        y->peer = x;
    } else if (x != NULL) {
        move_station(c, x);
    } else {
        move_station(held, y);
    }
    sim_trace("%s transferred to %s\n", orig, dest);
    sim_call_set_state(held, LINECALLSTATE_IDLE, 0);
    sim_call_set_state(c, LINECALLSTATE_IDLE, 0);
    DWORD ids = LINECALLINFOSTATE_REDIRECTINGID | LINECALLINFOSTATE_REDIRECTIONID
              | (answered ? LINECALLINFOSTATE_CONNECTEDID : 0);
    if (x != NULL) {
        set_ids(x, self, dest);
        if (y == NULL)
            memcpy(x->remote, dest, sizeof x->remote);
        else
            memcpy(x->remote, sim_call_number(y), sizeof x->remote);
        sim_callinfo(x, ids);
        if (!answered) {
            sim_call_set_state(x, LINECALLSTATE_RINGBACK, 0);
            if (y == NULL)
                sim_station_answers_later(x);
        }
    }
    if (y != NULL) {
        set_ids(y, self, sim_call_number(y));
        if (x != NULL)
            memcpy(y->remote, sim_call_number(x), sizeof y->remote);
        if (answered)
            sim_callinfo(y, ids);
        else
            y->party[0] = '\0'; /* still offered: it shows its new caller as its caller */
    }
    sim_call_maybe_free(held);
    sim_call_maybe_free(c);
}

/* The provider's verdict on lineCompleteTransfer of `held` with `c` in `mode`. */
static LONG complete_check(const sim_call *held, const sim_call *c, DWORD mode)
{
    if (held->state != LINECALLSTATE_ONHOLD && held->state != LINECALLSTATE_ONHOLDPENDTRANSFER)
        return LINEERR_INVALCALLSTATE;
    if (c == held || c->isConf || c->conf != NULL
        || (held->state == LINECALLSTATE_ONHOLDPENDTRANSFER && held->xferConsult != c)
        || (held->state == LINECALLSTATE_ONHOLD && (c->xferHeld != NULL || c->xferConsult != NULL)))
        return LINEERR_INVALCONSULTCALLHANDLE;
    if (held->isConf || held->conf != NULL || !sim_divert_party(held))
        return LINEERR_INVALCALLSTATE;
    if (!joinable(held, c))
        return LINEERR_INVALCALLSTATE;
    if (mode == LINETRANSFERMODE_CONFERENCE && c->state != LINECALLSTATE_CONNECTED)
        return LINEERR_INVALCALLSTATE;
    if (mode == LINETRANSFERMODE_TRANSFER && !not_trunk_to_trunk(held, c))
        return LINEERR_OPERATIONUNAVAIL;
    return 0;
}

SIM_EXPORT LONG WINAPI lineCompleteTransfer(HCALL hCall, HCALL hConsultCall, LPHCALL lphConfCall,
                                            DWORD dwTransferMode)
{
    sim_lock();
    sim_chandle *ch = NULL, *cch = NULL;
    int conference = dwTransferMode == LINETRANSFERMODE_CONFERENCE;
    LONG r = conference && !sim_writable(lphConfCall, sizeof *lphConfCall)
           ? (LONG)LINEERR_INVALPOINTER : sim_owner_prolog(hCall, &ch);
    if (r == 0) {
        r = sim_owner_prolog(hConsultCall, &cch);
        if (r == (LONG)LINEERR_INVALCALLHANDLE)
            r = LINEERR_INVALCONSULTCALLHANDLE;
    }
    if (r == 0 && cch->call->dev != ch->call->dev)
        r = LINEERR_INVALCONSULTCALLHANDLE;
    if (r == 0 && dwTransferMode != LINETRANSFERMODE_TRANSFER && !conference)
        r = LINEERR_INVALTRANSFERMODE;
    HCALL hConf = 0;
    if (r == 0) {
        sim_call *held = ch->call, *c = cch->call;
        LONG err = sim_take_fault("lineCompleteTransfer");
        int fault = err != 0;
        if (err == 0)
            err = complete_check(held, c, dwTransferMode);
        sim_chandle *conf = NULL;
        if (err == 0 && conference)
            err = sim_conf_create(ch->open, held, lphConfCall, &conf);
        DWORD request;
        r = sim_xfer_submit(ch->open, err, fault, &request);
        if (request != 0 && err == 0) {
            if (conference) {
                hConf = conf->obj.handle;
                unlink_xfer(held);
                sim_conf_start(conf->call, held, c);
            } else {
                transfer(held, c);
            }
        }
    }
    r = sim_ret(r, "lineCompleteTransfer(0x%08" PRIXDW ", 0x%08" PRIXDW ", %s) hConfCall=0x%08" PRIXDW,
                hCall, hConsultCall, conference ? "CONFERENCE" : "TRANSFER", hConf);
    sim_unlock();
    return r;
}
