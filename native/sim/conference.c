/*
 * Conference calls: lineCompleteTransfer in LINETRANSFERMODE_CONFERENCE (the conference call
 * made from a held call and its consultation call), lineAddToConference,
 * lineRemoveFromConference.
 *
 * A conference is a call of its own at this station (origin LINECALLORIGIN_CONFERENCE, no
 * party IDs), owned by the open that made it (its handle written to *lphConfCall just before
 * the LINE_REPLY), monitored by the line's monitors; the calls in it are its parties, in
 * LINECALLSTATE_CONFERENCED, whose LINE_CALLSTATE carries in dwParam2 the receiving app's
 * handle on the conference call. Messages of lineCompleteTransfer: LINE_REPLY, the conference
 * call's CONNECTED, then each party's CONFERENCED (the held call first). The far ends keep
 * their own calls CONNECTED and hear each other; their applications get no message (their
 * party IDs do not change), as with hold.
 *
 * Holding the conference (lineHold) holds every party's far end. lineAddToConference adds a
 * CONNECTED or ONHOLD call of the same open (not a conference or a party, not in a transfer
 * set-up) to a conference ONHOLD: the call goes CONFERENCED, then the conference CONNECTED
 * (ONHOLDPENDCONF does not occur: linePrepareAddToConference and lineSetupConference are not
 * modelled). A conference holds at most SIM_MAX_CONF_PARTIES party calls (dwMaxNumConference 4
 * counts this station too; LINEERR_CONFERENCEFULL beyond). lineRemoveFromConference takes a
 * CONFERENCED party out ONHOLD (LINEADDRESSCAPS dwRemoveFromConfCaps ANY, dwRemoveFromConfState
 * ONHOLD). A party whose far end hangs up goes DISCONNECTED and leaves the conference.
 *
 * When one party is left, the conference ends: that party takes the conference's place
 * (CONNECTED, or ONHOLD if the conference was held), then the conference call goes IDLE.
 * Dropping the conference call drops all its parties (LINEADDRCAPFLAGS_CONFDROP): the
 * conference goes IDLE, then each party as if dropped.
 *
 * Checks of lineAddToConference: tapisrv the handles and privileges: hConfCall not a
 * handle, or not a conference call: INVALCONFCALLHANDLE; hConsultCall not a handle, one of
 * another open, a conference or a party of one: INVALCALLHANDLE; NOTOWNER for either
 * (function results). The provider's (LINE_REPLY, or the result with "error_delivery" 1; an
 * injected fault always completes in LINE_REPLY): the states (INVALCALLSTATE), a full
 * conference (CONFERENCEFULL). lineRemoveFromConference: handle and privilege (results), the
 * state (the provider's).
 */
#include "sim_internal.h"

#include <string.h>

int sim_conf_parties(const sim_call *conf)
{
    int n = 0;
    for (const sim_call *c = g_sim.calls; c; c = c->next)
        n += c->conf == conf;
    return n;
}

/* Its oldest party (the switch's list has the newest call first). */
static sim_call *a_party(const sim_call *conf)
{
    sim_call *found = NULL;
    for (sim_call *c = g_sim.calls; c; c = c->next)
        if (c->conf == conf)
            found = c;
    return found;
}

DWORD sim_conf_handle(const sim_call *call, const sim_open *open)
{
    if (call->conf == NULL)
        return 0;
    for (const sim_chandle *ch = call->conf->handles; ch; ch = ch->call_next)
        if (ch->open == open)
            return ch->obj.handle;
    return 0;
}

/* `c` can join conference `conf`: a plain call of its line device with a far end, CONNECTED
 * or ONHOLD, in no transfer set-up. */
static int addable(const sim_call *conf, const sim_call *c)
{
    return c != conf && c->dev == conf->dev && !c->isConf && c->conf == NULL
        && c->xferHeld == NULL && c->xferConsult == NULL && sim_divert_party(c)
        && (c->state == LINECALLSTATE_CONNECTED || c->state == LINECALLSTATE_ONHOLD);
}

static int has_room(const sim_call *conf)
{
    return conf->state == LINECALLSTATE_ONHOLD && sim_conf_parties(conf) < SIM_MAX_CONF_PARTIES;
}

DWORD sim_conf_features(const sim_call *call)
{
    if (call->conf != NULL)
        return call->state == LINECALLSTATE_CONFERENCED ? LINECALLFEATURE_REMOVEFROMCONF : 0;
    for (const sim_call *c = g_sim.calls; c; c = c->next) {
        if (call->isConf && has_room(call) && addable(call, c))
            return LINECALLFEATURE_ADDTOCONF;
        if (!call->isConf && c->isConf && has_room(c) && addable(c, call))
            return LINECALLFEATURE_ADDTOCONF;
    }
    return 0;
}

/* The conference lost a party: with one left, that party takes its place and it ends. */
static void party_left(sim_call *conf)
{
    if (conf->state == LINECALLSTATE_IDLE || sim_conf_parties(conf) > 1)
        return;
    sim_call *last = a_party(conf);
    if (last != NULL) {
        last->conf = NULL;
        sim_call_set_state(last, conf->state == LINECALLSTATE_ONHOLD ? LINECALLSTATE_ONHOLD
                                                                    : LINECALLSTATE_CONNECTED,
                           conf->state == LINECALLSTATE_ONHOLD ? 0 : LINECONNECTEDMODE_ACTIVE);
    }
    sim_trace("conference %" PRIuDW " ends\n", conf->callId);
    sim_call_set_state(conf, LINECALLSTATE_IDLE, 0);
    sim_call_maybe_free(conf);
}

void sim_conf_state(sim_call *call, DWORD prev)
{
    if (call->conf != NULL && prev == LINECALLSTATE_CONFERENCED
        && call->state != LINECALLSTATE_CONFERENCED) {
        sim_call *conf = call->conf;
        call->conf = NULL;
        party_left(conf);
    }
    if (call->isConf && call->state == LINECALLSTATE_IDLE && prev != LINECALLSTATE_IDLE) {
        sim_call *c;
        while ((c = a_party(call)) != NULL) { /* dropped with the conference */
            c->conf = NULL;
            sim_call_end(c);
            sim_call_maybe_free(c);
        }
    }
}

LONG sim_conf_create(sim_open *open, const sim_call *held, LPHCALL lphConfCall, sim_chandle **out)
{
    if (sim_active_calls(held->dev, held->addressId) >= SIM_MAX_CALLS_PER_ADDR)
        return LINEERR_RESOURCEUNAVAIL;
    if (!sim_writable_now(lphConfCall, sizeof *lphConfCall))
        return LINEERR_INVALPOINTER;
    sim_call *conf = sim_call_new(held->dev, held->addressId, 1);
    if (conf == NULL)
        return LINEERR_NOMEM;
    sim_chandle *ch = sim_chandle_new(conf, open, LINECALLPRIVILEGE_OWNER, 0);
    if (ch == NULL) {
        sim_call_maybe_free(conf);
        return LINEERR_NOMEM;
    }
    conf->isConf = 1;
    conf->origin = LINECALLORIGIN_CONFERENCE;
    conf->mediaMode = held->mediaMode;
    memcpy(conf->appName, open->app->name, sizeof conf->appName);
    *lphConfCall = ch->obj.handle; /* before the LINE_REPLY is queued */
    *out = ch;
    return 0;
}

static void join(sim_call *conf, sim_call *c)
{
    DWORD was = c->state;
    c->conf = conf;
    sim_call_set_state(c, LINECALLSTATE_CONFERENCED, 0);
    sim_far_end(c, was == LINECALLSTATE_CONNECTED ? "joins the conference"
                                                  : "retrieved into the conference");
}

void sim_conf_start(sim_call *conf, sim_call *a, sim_call *b)
{
    sim_call_add_monitors(conf, conf->handles->open);
    sim_trace("conference %" PRIuDW " of %s and %s\n", conf->callId, a->remote, b->remote);
    sim_call_set_state(conf, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE);
    join(conf, a);
    join(conf, b);
}

/* ---- lineAddToConference ----------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineAddToConference(HCALL hConfCall, HCALL hConsultCall)
{
    sim_lock();
    sim_chandle *fch = NULL, *ach = NULL;
    LONG r = sim_owner_prolog(hConfCall, &fch);
    if (r == (LONG)LINEERR_INVALCALLHANDLE || (r == 0 && !fch->call->isConf))
        r = LINEERR_INVALCONFCALLHANDLE;
    if (r == 0)
        r = sim_owner_prolog(hConsultCall, &ach);
    if (r == 0 && (ach->open != fch->open || ach->call->isConf || ach->call->conf != NULL))
        r = LINEERR_INVALCALLHANDLE;
    if (r == 0) {
        sim_call *conf = fch->call, *c = ach->call;
        LONG err = sim_take_fault("lineAddToConference");
        int fault = err != 0;
        if (err == 0 && (conf->state != LINECALLSTATE_ONHOLD || !addable(conf, c)))
            err = LINEERR_INVALCALLSTATE;
        if (err == 0 && sim_conf_parties(conf) >= SIM_MAX_CONF_PARTIES)
            err = LINEERR_CONFERENCEFULL;
        DWORD request;
        r = sim_xfer_submit(fch->open, err, fault, &request);
        if (request != 0 && err == 0) {
            join(conf, c);
            sim_call_set_state(conf, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE);
            for (const sim_call *p = g_sim.calls; p; p = p->next)
                if (p->conf == conf && p != c)
                    sim_far_end(p, "retrieved");
        }
    }
    r = sim_ret(r, "lineAddToConference(0x%08" PRIXDW ", 0x%08" PRIXDW ")", hConfCall, hConsultCall);
    sim_unlock();
    return r;
}

/* ---- lineRemoveFromConference ------------------------------------------------------------ */
SIM_EXPORT LONG WINAPI lineRemoveFromConference(HCALL hCall)
{
    sim_lock();
    sim_chandle *ch = NULL;
    LONG r = sim_owner_prolog(hCall, &ch);
    if (r == 0) {
        sim_call *call = ch->call;
        LONG err = sim_take_fault("lineRemoveFromConference");
        int fault = err != 0;
        if (err == 0 && call->state != LINECALLSTATE_CONFERENCED)
            err = LINEERR_INVALCALLSTATE;
        DWORD request;
        r = sim_xfer_submit(ch->open, err, fault, &request);
        if (request != 0 && err == 0) {
            sim_far_end(call, "hears hold");
            sim_call_set_state(call, LINECALLSTATE_ONHOLD, 0);
        }
    }
    r = sim_ret(r, "lineRemoveFromConference(0x%08" PRIXDW ")", hCall);
    sim_unlock();
    return r;
}
