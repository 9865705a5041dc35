/*
 * Call completion: lineCompleteCall, lineUncompleteCall, and the switch that carries the
 * requests out. docs/simulator.md, "Call completion", describes what they do and the choices
 * made where Windows leaves them to the provider.
 *
 * A request passes three stages. The synchronous checks of tapi32 and tapisrv run inside the
 * call. The provider's checks also run inside the call, but (as tapisrv does) their verdict
 * reaches the app in LINE_REPLY, unless the "error_delivery" option asks for the documentation's
 * literal reading. The reply itself is queued when the switch next dispatches: when an
 * application calls lineGetMessage or the clock moves, never inside the call. Until then the
 * request is pending: it counts against dwMaxCallCompletions and a lineDrop fails it.
 */
#include "sim_internal.h"

#include <stdlib.h>
#include <string.h>

static LONG deliver(sim_creq *q);

/* ---- helpers ---------------------------------------------------------------------------- */

/* The completion condition a call in this state satisfies, or 0. */
static DWORD condition_of(const sim_call *call)
{
    switch (call->state) {
    case LINECALLSTATE_BUSY:
        return LINECALLCOMPLCOND_BUSY;
    case LINECALLSTATE_RINGBACK:
        return LINECALLCOMPLCOND_NOANSWER;
    case LINECALLSTATE_PROCEEDING:
        return g_sim.opt.allowProceeding ? LINECALLCOMPLCOND_NOANSWER : 0;
    default:
        return 0;
    }
}

/* Modes allowed under a condition: BUSY all four, NOANSWER CALLBACK and MESSAGE. */
static DWORD modes_for(DWORD cond)
{
    if (cond == LINECALLCOMPLCOND_BUSY)
        return LINECALLCOMPLMODE_CAMPON | LINECALLCOMPLMODE_CALLBACK
             | LINECALLCOMPLMODE_INTRUDE | LINECALLCOMPLMODE_MESSAGE;
    if (cond == LINECALLCOMPLCOND_NOANSWER)
        return LINECALLCOMPLMODE_CALLBACK | LINECALLCOMPLMODE_MESSAGE;
    return 0;
}

/* dwMaxCallCompletions is a cap of an address: the requests of the line's other addresses do
 * not count against it. Completion IDs are the line's (lineUncompleteCall names a line). */
static DWORD pending_on_address(const sim_device *dev, DWORD addressId)
{
    DWORD n = 0;
    for (const sim_creq *r = g_sim.creqs; r; r = r->next)
        n += !r->uncomplete && r->err == 0 && r->call->dev == dev && r->call->addressId == addressId;
    return n;
}

static DWORD completions_on_address(const sim_device *dev, DWORD addressId)
{
    DWORD n = 0;
    for (const sim_compl *e = g_sim.completions; e; e = e->next)
        n += e->dev == dev && e->addressId == addressId;
    return n;
}

/* Some address of the line offers call completion. */
static int line_completes(const sim_device *dev)
{
    for (DWORD a = 0; a < dev->numAddresses; a++)
        if (dev->addr[a].maxCompletions != 0 && dev->addr[a].complModes != 0)
            return 1;
    return 0;
}

int sim_compl_pending_on(const sim_call *call)
{
    for (const sim_creq *r = g_sim.creqs; r; r = r->next)
        if (!r->uncomplete && r->call == call)
            return 1;
    return 0;
}

DWORD sim_compl_features(const sim_call *call, DWORD privilege, DWORD *features2)
{
    *features2 = 0;
    const sim_address *dev = &call->dev->addr[call->addressId];
    DWORD cond = condition_of(call);
    if (privilege != LINECALLPRIVILEGE_OWNER || dev->maxCompletions == 0 || cond == 0
        || !(dev->complConds & cond) || sim_compl_pending_on(call) || call->camp != NULL)
        return 0;
    DWORD modes = dev->complModes & modes_for(cond);
    if (modes == 0)
        return 0;
    *features2 = ((modes & LINECALLCOMPLMODE_CAMPON) ? LINECALLFEATURE2_COMPLCAMPON : 0)
               | ((modes & LINECALLCOMPLMODE_CALLBACK) ? LINECALLFEATURE2_COMPLCALLBACK : 0)
               | ((modes & LINECALLCOMPLMODE_INTRUDE) ? LINECALLFEATURE2_COMPLINTRUDE : 0)
               | ((modes & LINECALLCOMPLMODE_MESSAGE) ? LINECALLFEATURE2_COMPLMESSAGE : 0);
    return LINECALLFEATURE_COMPLETECALL;
}

static int id_in_use(const sim_device *dev, DWORD id)
{
    for (const sim_compl *e = g_sim.completions; e; e = e->next)
        if (e->dev == dev && e->id == id)
            return 1;
    return 0;
}

/* Completion IDs: from 1 per line device, never 0 or 0xFFFFFFFF, never two live at once
 * (the line's, not per app or address). With reuse_freed_ids the lowest free value is taken. */
static DWORD new_completion_id(sim_device *dev)
{
    if (g_sim.opt.reuseFreedIds) {
        DWORD id = 1;
        while (id_in_use(dev, id))
            id++;
        return id;
    }
    DWORD id;
    do {
        id = dev->nextCompletionId++;
        if (dev->nextCompletionId == 0xFFFFFFFFu)
            dev->nextCompletionId = 1;
    } while (id == 0 || id_in_use(dev, id));
    return id;
}

static void ref_call(sim_call *call)
{
    call->refs++;
}

static void unref_call(sim_call *call)
{
    call->refs--;
    sim_call_maybe_free(call);
}

static char *dup_number(const char *number)
{
    size_t n = strlen(number) + 1;
    char *p = malloc(n);
    if (p != NULL)
        memcpy(p, number, n);
    return p;
}

/* ---- entries ---------------------------------------------------------------------------- */

static void serve_later(const char *target, DWORD delay);

/* Removes an entry; `notify` sends LINEDEVSTATE_NUMCOMPLETIONS. A camped call is unbound but
 * left as it is. */
static void entry_remove(sim_compl *e, int notify)
{
    for (sim_compl **p = &g_sim.completions; *p; p = &(*p)->next)
        if (*p == e) {
            *p = e->next;
            break;
        }
    sim_timer_cancel_arg(e);
    sim_device *dev = e->dev;
    dev->numCompletions--;
    sim_call *call = e->call;
    free(e);
    if (notify)
        sim_linedevstate(dev, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    if (call != NULL) {
        call->camp = NULL;
        unref_call(call);
    }
}

/* A switch-released camp-on: the waiting call gets DISCONNECTED(BUSY), then IDLE. */
static void release_camped(sim_call *call)
{
    if (call == NULL || call->state == LINECALLSTATE_IDLE)
        return;
    ref_call(call);
    sim_call_set_state(call, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_BUSY);
    sim_call_end(call);
    unref_call(call);
}

static void firing_remove(sim_call *call, int serveNext)
{
    for (sim_firing **p = &g_sim.firing; *p; p = &(*p)->next)
        if ((*p)->call == call) {
            sim_firing *f = *p;
            *p = f->next;
            if (serveNext)
                serve_later(f->target, 0);
            free(f);
            return;
        }
}

static int firing_on(const char *target)
{
    for (const sim_firing *f = g_sim.firing; f; f = f->next)
        if (strcmp(f->target, target) == 0)
            return 1;
    return 0;
}

static void firing_add(const char *target, sim_call *call)
{
    sim_firing *f = calloc(1, sizeof *f);
    if (f == NULL)
        return; /* without the record the target is merely served again sooner */
    memcpy(f->target, target, strlen(target) + 1);
    f->call = call;
    f->next = g_sim.firing;
    g_sim.firing = f;
}

/* Service expiry: the switch drops the request (COMPLCANCEL, then NUMCOMPLETIONS). */
static void entry_expired(void *arg)
{
    sim_compl *e = arg;
    sim_device *dev = e->dev;
    sim_call *camped = e->call;
    if (camped)
        ref_call(camped);
    sim_linedevstate(dev, LINEDEVSTATE_COMPLCANCEL, e->id, 0);
    entry_remove(e, 1);
    if (camped) {
        release_camped(camped);
        unref_call(camped);
    }
}

/* ---- firing ----------------------------------------------------------------------------- */

static void recall_unanswered(void *arg)
{
    sim_call *recall = arg;
    if (recall->state != LINECALLSTATE_OFFERING)
        return;
    /* The recall rang out; the request is consumed (no COMPLCANCEL: its ID is already spent). */
    sim_call_set_state(recall, LINECALLSTATE_DISCONNECTED, LINEDISCONNECTMODE_NOANSWER);
    sim_call_end(recall);
    sim_call_maybe_free(recall); /* rang only on handles that have gone since: nobody holds it */
}

static void fire(sim_compl *e)
{
    if (e->mode == LINECALLCOMPLMODE_CAMPON) {
        sim_call *call = e->call;
        e->firing = 1;
        sim_timer_cancel_arg(e);
        firing_add(e->target, call);
        call->reason = LINECALLREASON_CALLCOMPLETION;
        call->completionId = e->id;
        sim_callinfo(call, LINECALLINFOSTATE_REASON | LINECALLINFOSTATE_COMPLETIONID);
        sim_route(call); /* RINGBACK, then CONNECTED when the target answers */
        return;
    }
    /* CALLBACK: a new call offered on the requester's address: APPNEWCALL, OFFERING, then
     * NUMCOMPLETIONS and RINGING. */
    sim_call *recall = sim_call_new(e->dev, e->addressId, 0);
    if (recall == NULL)
        return; /* out of memory: the entry waits for the next availability */
    recall->origin = sim_device_by_number(e->target) ? LINECALLORIGIN_INTERNAL : LINECALLORIGIN_EXTERNAL;
    recall->reason = LINECALLREASON_CALLCOMPLETION;
    recall->completionId = e->id;
    recall->recall = 1;
    memcpy(recall->remote, e->target, sizeof recall->remote);
    char target[SIM_NUMBER_MAX];
    memcpy(target, e->target, sizeof target);
    sim_device *dev = e->dev;
    firing_add(target, recall);
    entry_remove(e, 0);
    sim_call_attach(recall, 1);
    if (recall->handles == NULL) {
        /* Nobody to offer it to: tapisrv would destroy the call; the recall failed. */
        sim_linedevstate(dev, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
        firing_remove(recall, 1);
        sim_call_maybe_free(recall);
        return;
    }
    sim_call_set_state(recall, LINECALLSTATE_OFFERING, LINEOFFERINGMODE_ACTIVE);
    sim_linedevstate(dev, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    sim_linedevstate(dev, LINEDEVSTATE_RINGING, 1, 0);
    sim_timer_add(g_sim.opt.recallRingMs, recall_unanswered, recall);
}

/* Serves the first waiting request for `target` (FIFO), one per availability. */
static void serve(const char *target)
{
    if (sim_target_busy(target) || firing_on(target))
        return;
    for (sim_compl *e = g_sim.completions; e; e = e->next) {
        if (strcmp(e->target, target) != 0 || e->firing)
            continue;
        if (e->cond == LINECALLCOMPLCOND_NOANSWER && !e->sawActivity)
            continue; /* no reply: wait until the target has been used again */
        if (e->mode == LINECALLCOMPLMODE_CALLBACK && sim_address_busy(e->dev, e->addressId))
            continue; /* requester busy: skipped now, served when it is free */
        fire(e);
        return;
    }
}

static void serve_timer(void *arg)
{
    serve(arg);
}

static void serve_later(const char *target, DWORD delay)
{
    char *copy = dup_number(target);
    if (copy != NULL)
        sim_timer_add_owned(delay, serve_timer, copy);
}

/* ---- hooks from the call model ---------------------------------------------------------- */

void sim_compl_activity(const char *number)
{
    for (sim_compl *e = g_sim.completions; e; e = e->next)
        if (strcmp(e->target, number) == 0)
            e->sawActivity = 1;
}

void sim_compl_target_free(const char *number)
{
    for (const sim_compl *e = g_sim.completions; e; e = e->next)
        if (strcmp(e->target, number) == 0) {
            serve_later(number, g_sim.opt.guardMs); /* guard time before a recall */
            return;
        }
}

void sim_compl_requester_free(sim_device *dev)
{
    /* A requester that was skipped is served as soon as it is free, if its target still is. */
    for (const sim_compl *e = g_sim.completions; e; e = e->next)
        if (e->dev == dev && e->mode == LINECALLCOMPLMODE_CALLBACK
            && !sim_address_busy(dev, e->addressId) && !sim_target_busy(e->target)) {
            serve_later(e->target, 0);
            return;
        }
}

void sim_compl_call_ended(sim_call *call, int dropped)
{
    if (dropped) {
        /* lineDrop fails the call's pending requests. */
        for (sim_creq **p = &g_sim.creqs; *p;) {
            sim_creq *r = *p;
            if (!r->uncomplete && r->call == call && r->err == 0) {
                *p = r->next;
                sim_reply(r->open, r->request, LINEERR_OPERATIONFAILED);
                unref_call(r->call);
                free(r);
            } else {
                p = &r->next;
            }
        }
        return;
    }
    if (call->camp != NULL)
        entry_remove(call->camp, 1); /* a camp-on ends with its call */
    if (call->recall)
        call->recall = 0;
    firing_remove(call, 1);
}

void sim_compl_call_connected(sim_call *call)
{
    if (call->camp != NULL && call->camp->firing) {
        entry_remove(call->camp, 1); /* the camp-on has done its work */
        firing_remove(call, 0);
    }
}

void sim_compl_call_answered(sim_call *call)
{
    call->recall = 0;
    firing_remove(call, 0); /* the target is about to be busy with this call */
}

void sim_compl_call_deallocated(sim_call *call, DWORD hCall, DWORD apiVersion)
{
    if (apiVersion >= 0x00020000u)
        return; /* 2.0+: every request that returned an ID gets its LINE_REPLY */
    for (sim_creq **p = &g_sim.creqs; *p;) {
        sim_creq *r = *p;
        if (!r->uncomplete && r->call == call && r->hCall == hCall) {
            *p = r->next;
            unref_call(r->call);
            free(r);
        } else {
            p = &r->next;
        }
    }
}

void sim_compl_open_closed(sim_open *open)
{
    /* lineClose: the line's outstanding replies are suppressed. */
    for (sim_creq **p = &g_sim.creqs; *p;) {
        sim_creq *r = *p;
        if (r->open == open) {
            *p = r->next;
            if (r->call)
                unref_call(r->call);
            free(r);
        } else {
            p = &r->next;
        }
    }
    /* The last open of the device gone: the switch forgets its requests silently (nobody could
     * receive their recall). */
    if (open->dev->opens == NULL) {
        for (sim_compl *e = g_sim.completions, *next; e; e = next) {
            next = e->next;
            if (e->dev == open->dev) {
                sim_call *camped = e->call;
                entry_remove(e, 0);
                if (camped != NULL)
                    firing_remove(camped, 1);
            }
        }
    }
}

void sim_compl_reset(void)
{
    while (g_sim.creqs) {
        sim_creq *r = g_sim.creqs;
        g_sim.creqs = r->next;
        if (r->call)
            r->call->refs--;
        free(r);
    }
    while (g_sim.completions) {
        sim_compl *e = g_sim.completions;
        g_sim.completions = e->next;
        if (e->call) {
            e->call->refs--;
            e->call->camp = NULL;
        }
        free(e);
    }
    while (g_sim.firing) {
        sim_firing *f = g_sim.firing;
        g_sim.firing = f->next;
        free(f);
    }
}

/* ---- dispatch: the switch answers pending requests -------------------------------------- */

static void accept_complete(sim_creq *r)
{
    sim_call *call = r->call;
    sim_device *dev = call->dev;
    DWORD id = new_completion_id(dev);
    *r->lpId = id; /* written just before the LINE_REPLY is queued, as tapi32 does */
    sim_reply(r->open, r->request, 0);

    if (r->mode == LINECALLCOMPLMODE_MESSAGE) {
        /* Delivered at once: nothing is left waiting. */
        sim_device *target = sim_device_by_number(call->remote);
        sim_call_end(call);
        if (target != NULL && !target->msgWait) {
            target->msgWait = 1;
            sim_linedevstate(target, LINEDEVSTATE_MSGWAITON, 0, 0);
        }
        return;
    }
    if (r->mode == LINECALLCOMPLMODE_INTRUDE) {
        call->reason = LINECALLREASON_CALLCOMPLETION;
        call->completionId = id;
        sim_callinfo(call, LINECALLINFOSTATE_REASON | LINECALLINFOSTATE_COMPLETIONID);
        sim_call_set_state(call, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE);
        DWORD targetAddress;
        sim_device *target = sim_address_by_number(call->remote, &targetAddress);
        if (target != NULL) {
            /* The intruded station sees a new party (reason INTRUDE) join its conversation. */
            sim_call *party = sim_call_new(target, targetAddress, 0);
            if (party != NULL) {
                party->reason = LINECALLREASON_INTRUDE;
                memcpy(party->remote, sim_call_number(call), sizeof party->remote);
                party->peer = call;
                call->peer = party;
                sim_call_attach(party, 1);
                sim_call_set_state(party, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE);
                sim_call_maybe_free(party);
            }
        }
        return;
    }
    sim_compl *e = calloc(1, sizeof *e);
    if (e == NULL) {
        /* The reply already said yes; the switch lost the request: it cancels it. */
        sim_linedevstate(dev, LINEDEVSTATE_COMPLCANCEL, id, 0);
        return;
    }
    e->id = id;
    e->dev = dev;
    e->addressId = call->addressId;
    e->creator = r->open->app;
    e->mode = r->mode;
    e->cond = r->cond;
    e->messageId = r->messageId;
    memcpy(e->target, call->remote, sizeof e->target);
    e->seq = g_sim.complSeq++;
    sim_compl **tail = &g_sim.completions;
    while (*tail)
        tail = &(*tail)->next;
    *tail = e;
    dev->numCompletions++;
    sim_timer_add(e->cond == LINECALLCOMPLCOND_BUSY ? g_sim.opt.expiryBusyMs
                                                   : g_sim.opt.expiryNoAnswerMs,
                  entry_expired, e);
    sim_linedevstate(dev, LINEDEVSTATE_NUMCOMPLETIONS, 0, 0);
    if (e->mode == LINECALLCOMPLMODE_CAMPON) {
        e->call = call; /* the call stays in BUSY until the target frees */
        call->camp = e;
        ref_call(call);
    } else {
        sim_call_end(call); /* CALLBACK: the original call goes idle */
    }
    if (!sim_target_busy(e->target))
        sim_compl_target_free(e->target);
}

static void dispatch_uncomplete(sim_creq *r)
{
    sim_compl *e = NULL;
    for (sim_compl *x = g_sim.completions; x; x = x->next)
        if (x->dev == r->open->dev && x->id == r->completionId) {
            e = x;
            break;
        }
    if (e == NULL || (g_sim.opt.strictOwner && e->creator != r->open->app)) {
        sim_reply(r->open, r->request, LINEERR_INVALCOMPLETIONID);
        return;
    }
    sim_reply(r->open, r->request, 0);
    sim_call *camped = e->call;
    if (camped)
        ref_call(camped);
    entry_remove(e, 1); /* an app's own cancel: NUMCOMPLETIONS, no COMPLCANCEL */
    if (camped) {
        firing_remove(camped, 1);
        release_camped(camped);
        unref_call(camped);
    }
}

void sim_compl_dispatch(void)
{
    while (g_sim.creqs) {
        sim_creq *r = g_sim.creqs;
        g_sim.creqs = r->next;
        if (r->uncomplete) {
            if (r->err)
                sim_reply(r->open, r->request, r->err);
            else
                dispatch_uncomplete(r);
        } else {
            LONG err = r->err;
            if (err == 0 && condition_of(r->call) != r->cond)
                err = LINEERR_INVALCALLSTATE; /* the call left BUSY/RINGBACK meanwhile */
            if (err == 0 && !sim_writable_now(r->lpId, sizeof *r->lpId))
                err = LINEERR_INVALPOINTER; /* tapi32's write of the ID faults: nothing is created */
            if (err)
                sim_reply(r->open, r->request, err);
            else
                accept_complete(r);
            unref_call(r->call);
        }
        free(r);
    }
}

/* ---- lineCompleteCall ------------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineCompleteCall(HCALL hCall, LPDWORD lpdwCompletionID, DWORD dwCompletionMode,
                                        DWORD dwMessageID)
{
    sim_lock();
    LONG r = 0;
    sim_chandle *ch = NULL;
    /* tapi32's and tapisrv's checks: synchronous (docs/simulator.md, "Who checks what"). */
    if (!sim_writable(lpdwCompletionID, sizeof *lpdwCompletionID))
        r = LINEERR_INVALPOINTER;
    else if (g_sim.numApps == 0)
        r = LINEERR_UNINITIALIZED;
    else if ((ch = sim_find(hCall, SIM_CALL)) == NULL)
        r = LINEERR_INVALCALLHANDLE;
    else if (ch->privilege != LINECALLPRIVILEGE_OWNER)
        r = LINEERR_NOTOWNER;
    else if (dwCompletionMode == 0 || (dwCompletionMode & (dwCompletionMode - 1)) || dwCompletionMode > 0x0F)
        r = LINEERR_INVALCALLCOMPLMODE;
    if (r == 0) {
        /* Stage 4: the provider (steps 5, 7-12). An injected fault is the switch failing before
         * it looks at the request: it replaces every check of this stage, in both delivery
         * modes, so a request the switch would have refused uses it up as well. */
        sim_call *call = ch->call;
        const sim_address *dev = &call->dev->addr[call->addressId]; /* the caps of its address */
        DWORD cond = condition_of(call);
        LONG fault = sim_take_fault("lineCompleteCall");
        LONG err = fault;
        if (fault != 0) {
            /* the reply carries the fault */
        } else if (dev->maxCompletions == 0 || dev->complModes == 0)
            err = LINEERR_OPERATIONUNAVAIL;
        else if (cond == 0 || !(dev->complConds & cond))
            err = LINEERR_INVALCALLSTATE;
        else if (!(dwCompletionMode & dev->complModes & modes_for(cond)))
            err = LINEERR_INVALCALLCOMPLMODE;
        else if (dwCompletionMode == LINECALLCOMPLMODE_MESSAGE && dwMessageID >= dev->numMessages)
            err = LINEERR_INVALMESSAGEID; /* dwNumCompletionMessages; checked for MESSAGE only */
        else if (completions_on_address(call->dev, call->addressId)
                 + pending_on_address(call->dev, call->addressId) >= dev->maxCompletions)
            err = LINEERR_COMPLETIONOVERRUN;
        else if (sim_compl_pending_on(call) || call->camp != NULL)
            err = LINEERR_OPERATIONUNAVAIL; /* one request per call: pending, or camped on */
        if (fault == 0 && err != 0 && g_sim.opt.errorDelivery == 1) {
            r = err; /* documentation-literal: the provider's refusal is the result */
        } else {
            sim_creq *q = calloc(1, sizeof *q);
            if (q == NULL) {
                r = LINEERR_NOMEM;
            } else {
                q->request = sim_new_request();
                q->open = ch->open;
                q->call = call;
                q->hCall = hCall;
                q->lpId = lpdwCompletionID;
                q->mode = dwCompletionMode;
                q->messageId = dwCompletionMode == LINECALLCOMPLMODE_MESSAGE ? dwMessageID : 0;
                q->cond = cond;
                q->err = err;
                ref_call(call);
                r = deliver(q);
            }
        }
    }
    r = sim_ret(r, "lineCompleteCall(0x%08" PRIXDW ", mode=0x%" PRIXDW ", msg=%" PRIuDW ")", hCall, dwCompletionMode, dwMessageID);
    sim_unlock();
    return r;
}

/* Queues a request for the next dispatch and wakes the lineGetMessage waiters so that one of
 * them dispatches it. Returns the request ID. */
static LONG deliver(sim_creq *q)
{
    sim_creq **tail = &g_sim.creqs;
    while (*tail)
        tail = &(*tail)->next;
    *tail = q;
    sim_wake_waiters();
    return (LONG)q->request;
}

/* ---- lineUncompleteCall ----------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineUncompleteCall(HLINE hLine, DWORD dwCompletionID)
{
    sim_lock();
    LONG r = 0;
    sim_open *open = NULL;
    if (g_sim.numApps == 0)
        r = LINEERR_UNINITIALIZED;
    else if ((open = sim_find(hLine, SIM_LINE)) == NULL)
        r = LINEERR_INVALLINEHANDLE;
    if (r == 0) {
        LONG fault = sim_take_fault("lineUncompleteCall"); /* as in lineCompleteCall */
        LONG err = fault;
        if (fault != 0) {
            /* the reply carries the fault */
        } else if (!line_completes(open->dev)) {
            err = LINEERR_OPERATIONUNAVAIL;
        } else {
            const sim_compl *e = NULL;
            for (const sim_compl *x = g_sim.completions; x; x = x->next)
                if (x->dev == open->dev && x->id == dwCompletionID)
                    e = x;
            if (e == NULL || (g_sim.opt.strictOwner && e->creator != open->app))
                err = LINEERR_INVALCOMPLETIONID;
        }
        if (fault == 0 && err != 0 && g_sim.opt.errorDelivery == 1) {
            r = err;
        } else {
            sim_creq *q = calloc(1, sizeof *q);
            if (q == NULL) {
                r = LINEERR_NOMEM;
            } else {
                q->request = sim_new_request();
                q->uncomplete = 1;
                q->open = open;
                q->completionId = dwCompletionID;
                q->err = err;
                r = deliver(q);
            }
        }
    }
    r = sim_ret(r, "lineUncompleteCall(0x%08" PRIXDW ", %" PRIuDW ")", hLine, dwCompletionID);
    sim_unlock();
    return r;
}

/* ---- tapisim_check ---------------------------------------------------------------------- */

#include <stdarg.h>
#include <stdio.h>

static LONG violation(char *buf, DWORD size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static LONG violation(char *buf, DWORD size, const char *fmt, ...)
{
    if (buf != NULL && size > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(buf, size, fmt, ap);
        va_end(ap);
    }
    return LINEERR_OPERATIONFAILED;
}

static LONG check_locked(char *buf, DWORD size)
{
    int apps = 0;
    for (sim_app *a = g_sim.apps; a; a = a->next) {
        apps++;
        if (sim_find(a->obj.handle, SIM_APP) != a)
            return violation(buf, size, "app 0x%08" PRIXDW " not in the handle table", a->obj.handle);
        for (sim_open *o = a->opens; o; o = o->app_next) {
            if (sim_find(o->obj.handle, SIM_LINE) != o || o->app != a)
                return violation(buf, size, "line 0x%08" PRIXDW " not reachable", o->obj.handle);
            for (sim_chandle *ch = o->calls; ch; ch = ch->open_next)
                if (sim_find(ch->obj.handle, SIM_CALL) != ch || ch->open != o)
                    return violation(buf, size, "call handle 0x%08" PRIXDW " not reachable", ch->obj.handle);
        }
    }
    if (apps != g_sim.numApps)
        return violation(buf, size, "%d apps listed, %d counted", apps, g_sim.numApps);
    for (DWORD d = 0; d < g_sim.numDevices; d++) {
        const sim_device *dev = &g_sim.devices[d];
        DWORD n = 0;
        for (const sim_compl *e = g_sim.completions; e; e = e->next) {
            if (e->dev != dev)
                continue;
            n++;
            if (e->id == 0 || e->id == 0xFFFFFFFFu)
                return violation(buf, size, "device %" PRIuDW ": completion ID %" PRIuDW, d, e->id);
            for (const sim_compl *f = e->next; f; f = f->next)
                if (f->dev == dev && f->id == e->id)
                    return violation(buf, size, "device %" PRIuDW ": completion ID %" PRIuDW " live twice", d, e->id);
            if ((e->mode == LINECALLCOMPLMODE_CAMPON) != (e->call != NULL)
                || (e->call && e->call->camp != e))
                return violation(buf, size, "device %" PRIuDW ": entry %" PRIuDW " and its call disagree", d, e->id);
        }
        if (n != dev->numCompletions)
            return violation(buf, size, "device %" PRIuDW ": dwNumCallCompletions %" PRIuDW ", live entries %" PRIuDW, d,
                             dev->numCompletions, n);
    }
    for (const sim_call *c = g_sim.calls; c; c = c->next) {
        int refs = c->camp != NULL;
        for (const sim_creq *r = g_sim.creqs; r; r = r->next)
            refs += r->call == c;
        if (refs != c->refs)
            return violation(buf, size, "call %" PRIuDW ": %d references, %d counted", c->callId, c->refs, refs);
        if (c->state == LINECALLSTATE_IDLE && c->handles == NULL && c->refs == 0)
            return violation(buf, size, "call %" PRIuDW " is idle and unreachable but kept", c->callId);
        for (const sim_chandle *ch = c->handles; ch; ch = ch->call_next)
            if (ch->call != c || sim_find(ch->obj.handle, SIM_CALL) != ch)
                return violation(buf, size, "call %" PRIuDW ": stale handle 0x%08" PRIXDW, c->callId, ch->obj.handle);
        if (c->peer != NULL && c->peer->peer != c)
            return violation(buf, size, "call %" PRIuDW ": peer link is one-sided", c->callId);
    }
    for (const sim_creq *r = g_sim.creqs; r; r = r->next)
        if (sim_find(r->open->obj.handle, SIM_LINE) != r->open)
            return violation(buf, size, "request 0x%08" PRIXDW " outlived its line", r->request);
    if (buf != NULL && size > 0)
        buf[0] = '\0';
    return 0;
}

SIM_EXPORT LONG tapisim_check(char *buf, DWORD size)
{
    sim_lock();
    LONG r = buf != NULL && !sim_writable(buf, size) ? (LONG)LINEERR_INVALPOINTER : check_locked(buf, size);
    sim_unlock();
    return r;
}
