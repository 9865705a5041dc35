/*
 * Hold: lineHold, lineUnhold, lineSwapHold.
 *
 * tapisrv checks the handles and the privilege (INVALCALLHANDLE, NOTOWNER: function results);
 * the call states are the provider's to check (INVALCALLSTATE in LINE_REPLY, or the result
 * with "error_delivery" 1; an injected fault always completes in LINE_REPLY). The states
 * allowed are those of the call features: HOLD on a CONNECTED call, UNHOLD on an ONHOLD call,
 * SWAPHOLD on a CONNECTED and an ONHOLD call of one line device (not ONHOLDPENDTRANSFER, which
 * Microsoft's pages also name: a consultation call dropped reconnects its held call, see
 * transfer.c; ONHOLDPENDCONF does not occur). Holding a conference call (conference.c) holds
 * the far ends of all its parties.
 *
 * The far end: the party of a held call hears hold (a line "far end <number> hears hold" in
 * the trace, and "far end <number> retrieved" when the call is taken back). On a local line
 * that party's own call stays CONNECTED and its application gets no message, as on a PBX:
 * TAPI has no call state for "held by the other side", and tapi32 sends nothing to it. A
 * remote station stays engaged while it is held; if it hangs up, the held call goes
 * DISCONNECTED as a connected one would.
 */
#include "sim_internal.h"

int sim_hold_counterpart(const sim_call *call, DWORD state)
{
    for (const sim_call *c = g_sim.calls; c; c = c->next)
        if (c != call && c->dev == call->dev && c->state == state)
            return 1;
    return 0;
}

/* The far end of `call`, or of every party of a conference call (conference.c), hears `what`. */
static void far_ends(const sim_call *call, const char *what)
{
    if (!call->isConf) {
        sim_far_end(call, what);
        return;
    }
    for (const sim_call *c = g_sim.calls; c; c = c->next)
        if (c->conf == call)
            sim_far_end(c, what);
}

static void hold(sim_call *call)
{
    sim_call_set_state(call, LINECALLSTATE_ONHOLD, 0);
    far_ends(call, "hears hold");
}

static void retrieve(sim_call *call)
{
    sim_call_set_state(call, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE);
    far_ends(call, "retrieved");
}

/* The provider's answer to a request on `open` (fault and state checks done: `err`): the
 * request ID, the reply queued; or with error_delivery 1 a refusal as the result. */
static LONG submit(sim_open *open, LONG err, int fault, DWORD *request)
{
    *request = 0;
    if (err != 0 && !fault && g_sim.opt.errorDelivery == 1)
        return err;
    *request = sim_new_request();
    sim_reply(open, *request, err);
    return (LONG)*request;
}

/* ---- lineHold --------------------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineHold(HCALL hCall)
{
    sim_lock();
    sim_chandle *ch = NULL;
    LONG r = sim_owner_prolog(hCall, &ch);
    if (r == 0) {
        LONG err = sim_take_fault("lineHold");
        int fault = err != 0;
        if (err == 0 && ch->call->state != LINECALLSTATE_CONNECTED)
            err = LINEERR_INVALCALLSTATE;
        DWORD request;
        r = submit(ch->open, err, fault, &request);
        if (request != 0 && err == 0)
            hold(ch->call);
    }
    r = sim_ret(r, "lineHold(0x%08" PRIXDW ")", hCall);
    sim_unlock();
    return r;
}

/* ---- lineUnhold ------------------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineUnhold(HCALL hCall)
{
    sim_lock();
    sim_chandle *ch = NULL;
    LONG r = sim_owner_prolog(hCall, &ch);
    if (r == 0) {
        LONG err = sim_take_fault("lineUnhold");
        int fault = err != 0;
        if (err == 0 && ch->call->state != LINECALLSTATE_ONHOLD)
            err = LINEERR_INVALCALLSTATE;
        DWORD request;
        r = submit(ch->open, err, fault, &request);
        if (request != 0 && err == 0)
            retrieve(ch->call);
    }
    r = sim_ret(r, "lineUnhold(0x%08" PRIXDW ")", hCall);
    sim_unlock();
    return r;
}

/* ---- lineSwapHold ----------------------------------------------------------------------- */
/* Both handles are checked before the provider sees the request, as tapisrv checks the one
 * it takes the prolog on. The simulator's choice where Microsoft's pages are silent: the two
 * calls must be on one line device, since one provider line swaps them; a held call of
 * another line device is INVALCALLHANDLE (a function result). The same call twice is no
 * pair of an active and a held call: INVALCALLSTATE, as every other state error. The active
 * call goes ONHOLD first, then the held one CONNECTED. */
SIM_EXPORT LONG WINAPI lineSwapHold(HCALL hActiveCall, HCALL hHeldCall)
{
    sim_lock();
    sim_chandle *active = NULL, *held = NULL;
    LONG r = sim_owner_prolog(hActiveCall, &active);
    if (r == 0)
        r = sim_owner_prolog(hHeldCall, &held);
    if (r == 0 && held->call->dev != active->call->dev)
        r = LINEERR_INVALCALLHANDLE;
    if (r == 0) {
        LONG err = sim_take_fault("lineSwapHold");
        int fault = err != 0;
        if (err == 0 && (active->call == held->call
                         || active->call->state != LINECALLSTATE_CONNECTED
                         || held->call->state != LINECALLSTATE_ONHOLD))
            err = LINEERR_INVALCALLSTATE;
        DWORD request;
        r = submit(active->open, err, fault, &request);
        if (request != 0 && err == 0) {
            hold(active->call);
            retrieve(held->call);
        }
    }
    r = sim_ret(r, "lineSwapHold(0x%08" PRIXDW ", 0x%08" PRIXDW ")", hActiveCall, hHeldCall);
    sim_unlock();
    return r;
}
