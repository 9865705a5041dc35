/*
 * Diverting a call's other party: lineRedirectW here, lineBlindTransferW (blindxfer.c) with
 * the same machinery.
 *
 * The diverted call leaves this station (IDLE for its applications, whose handles stay valid
 * until they deallocate them), and the party at its other end is connected to the destination
 * as a new call would be:
 * - A local call linked to it (the caller of a redirected call, the other party of a
 *   transferred one) is routed to the destination: it rings (RINGBACK; a CONNECTED one passes
 *   through PROCEEDING first) a local address, which is offered a call with dwReason
 *   LINECALLREASON_REDIRECT or _TRANSFER, or a remote station, whose station state decides as
 *   for any call (busy, answer after 3 s, ...). A busy destination gives it BUSY.
 * - A remote station is offered to the destination, which must then be a local address, as
 *   a new incoming call from that station (origin EXTERNAL, its number, name and withheld
 *   flags, the reason above); if the address is busy the station hears busy tone (a line in
 *   the trace) and is free again. The switch does not connect two outside parties to each
 *   other (trunk to trunk, which PBXs bar against toll fraud): lineRedirect answers
 *   LINEERR_INVALADDRESS (not valid for redirection), lineBlindTransfer
 *   LINEERR_ADDRESSBLOCKED.
 * Party IDs (LINECALLINFO): the diverted call, the other party's local call and the new call
 * at a local destination all get the redirecting ID (the number of the diverting address) and
 * the redirection ID (the destination's number, with the ^Name of the destination string as
 * its name). The other party's local call is told with LINE_CALLINFO REDIRECTINGID |
 * REDIRECTIONID; it keeps its original party as caller or called ID, and the destination is
 * its connected ID once answered.
 *
 * Checks: tapi32 the string pointer (INVALPOINTER), tapisrv the handle and the privilege
 * (UNINITIALIZED, INVALCALLHANDLE, NOTOWNER): function results. The rest is the provider's
 * (LINE_REPLY, or the result with "error_delivery" 1; an injected fault always completes in
 * LINE_REPLY): the call state (the REDIRECT or BLINDTRANSFER call feature, else
 * INVALCALLSTATE), the country code (INVALCOUNTRYCODE), the destination, a dialable address
 * (dial.c) naming one number: INVALADDRESS if it is not, if it ends in ';' (nothing to wait
 * for), if it is the diverting address's own number, and for the modifiers W, @, $ and ? that
 * the line refuses (these functions do not list the DIAL* errors: the LINEERR_INVALADDRESS
 * page names those characters).
 */
#include "sim_internal.h"

#include <string.h>

int sim_divert_party(const sim_call *call)
{
    return call->peer != NULL || call->engaged;
}

static void set_ids(sim_call *c, const char *from, const sim_dial *d)
{
    memcpy(c->redirecting, from, strlen(from) + 1);
    memcpy(c->redirection, d->number, sizeof c->redirection);
    memcpy(c->redirectionName, d->name, sizeof c->redirectionName);
}

/* The station `call` engages, moved to a new call offered at local address `addressId` of
 * `dev`; 0, or 1 if that address is busy (the station stays with `call`). */
static int offer_from_station(sim_call *call, sim_device *dev, DWORD addressId, const sim_dial *d,
                              DWORD reason)
{
    if (sim_address_busy(dev, addressId))
        return 1;
    sim_call *c2 = sim_call_new(dev, addressId, 0);
    if (c2 == NULL)
        return 1;
    c2->origin = LINECALLORIGIN_EXTERNAL;
    c2->reason = reason;
    memcpy(c2->remote, call->station, sizeof c2->remote);
    memcpy(c2->remoteName, call->remoteName, sizeof c2->remoteName);
    c2->remoteIdFlags = call->outgoing ? 0 : call->remoteIdFlags;
    set_ids(c2, sim_call_number(call), d);
    memcpy(c2->station, call->station, sizeof c2->station);
    c2->engaged = 1; /* the engagement moves: the station's count stays */
    call->engaged = 0;
    sim_offer(c2, 1);
    return 0;
}

/* Diverts the other party of `call` to `d` (checked) with `reason`. */
static void divert(sim_call *call, const sim_dial *d, DWORD reason)
{
    char from[SIM_NUMBER_MAX];
    memcpy(from, sim_call_number(call), sizeof from);
    set_ids(call, from, d);
    sim_call *peer = call->peer;
    call->peer = NULL;
    if (peer != NULL) {
        peer->peer = NULL;
        sim_call_set_state(call, LINECALLSTATE_IDLE, 0);
        if (peer->party[0] == '\0')
            memcpy(peer->party, peer->remote, sizeof peer->party);
        memcpy(peer->remote, d->number, sizeof peer->remote);
        set_ids(peer, from, d);
        peer->routeReason = reason;
        sim_trace("%s diverted to %s\n", sim_call_number(peer), d->number);
        sim_callinfo(peer, LINECALLINFOSTATE_REDIRECTINGID | LINECALLINFOSTATE_REDIRECTIONID);
        if (peer->state != LINECALLSTATE_RINGBACK)
            sim_call_set_state(peer, LINECALLSTATE_PROCEEDING, 0);
        sim_route(peer);
        sim_call_maybe_free(peer);
    } else {
        DWORD addressId = 0;
        sim_device *dev = sim_address_by_number(d->number, &addressId);
        char station[SIM_NUMBER_MAX];
        memcpy(station, call->station, sizeof station);
        sim_trace("%s diverted to %s\n", station, d->number);
        /* Checked before: a remote station goes to a local address only. */
        int busy = dev == NULL || offer_from_station(call, dev, addressId, d, reason);
        if (busy)
            sim_trace("station %s hears busy\n", station);
        sim_call_set_state(call, LINECALLSTATE_IDLE, 0); /* releases the station if it stayed */
    }
    sim_call_maybe_free(call);
}

/* The provider's verdict on diverting `call` to `dest` (parsed into *d). */
static LONG divert_check(const sim_call *call, DWORD feature, LPCWSTR dest, DWORD countryCode,
                         LONG trunkErr, sim_dial *d)
{
    if (!(sim_call_features(call, LINECALLPRIVILEGE_OWNER) & feature))
        return LINEERR_INVALCALLSTATE;
    LONG err = sim_dial_country(countryCode);
    if (err == 0)
        err = sim_dial_parse(dest, call->dev, d);
    if (err == (LONG)LINEERR_DIALDIALTONE || err == (LONG)LINEERR_DIALQUIET
        || err == (LONG)LINEERR_DIALBILLING || err == (LONG)LINEERR_DIALPROMPT)
        err = LINEERR_INVALADDRESS;
    if (err == 0 && d->partial)
        err = LINEERR_INVALADDRESS;
    if (err == 0)
        err = sim_dial_fits("", d);
    if (err == 0 && strcmp(d->number, sim_call_number(call)) == 0)
        err = LINEERR_INVALADDRESS;
    if (err == 0 && call->peer == NULL && sim_device_by_number(d->number) == NULL)
        err = trunkErr; /* an outside party to an outside number */
    return err;
}

/* lineRedirectW and lineBlindTransferW: `function` for the fault and the trace. */
LONG sim_divert_request(const char *function, HCALL hCall, LPCWSTR dest, DWORD countryCode,
                        DWORD feature, DWORD reason, LONG trunkErr)
{
    sim_lock();
    char shown[SIM_NUMBER_MAX + 1] = "";
    sim_chandle *ch = NULL;
    LONG r = !sim_wstr_readable(dest) ? (LONG)LINEERR_INVALPOINTER : sim_owner_prolog(hCall, &ch);
    if (r == 0) {
        sim_wstr_to_ascii(dest, shown, sizeof shown);
        sim_call *call = ch->call;
        sim_dial d;
        memset(&d, 0, sizeof d);
        LONG fault = sim_take_fault(function);
        LONG err = fault;
        if (err == 0)
            err = divert_check(call, feature, dest, countryCode, trunkErr, &d);
        if (err != 0 && fault == 0 && g_sim.opt.errorDelivery == 1) {
            r = err; /* documentation-literal: the provider's refusal is the result */
        } else {
            DWORD request = sim_new_request();
            sim_reply(ch->open, request, err);
            if (err == 0)
                divert(call, &d, reason);
            r = (LONG)request;
        }
    }
    r = sim_ret(r, "%sW(0x%08" PRIXDW ", \"%s\", %" PRIuDW ")", function, hCall, shown, countryCode);
    sim_unlock();
    return r;
}

/* ---- lineRedirectW ---------------------------------------------------------------------- */
/* An OFFERING call (LINECALLFEATURE_REDIRECT; not a completion recall, which has no other
 * party) is deflected before it is answered; the caller reaches the destination with
 * LINECALLREASON_REDIRECT. An outside caller to an outside number: INVALADDRESS. */
SIM_EXPORT LONG WINAPI lineRedirectW(HCALL hCall, LPCWSTR lpszDestAddress, DWORD dwCountryCode)
{
    return sim_divert_request("lineRedirect", hCall, lpszDestAddress, dwCountryCode,
                              LINECALLFEATURE_REDIRECT, LINECALLREASON_REDIRECT,
                              LINEERR_INVALADDRESS);
}
