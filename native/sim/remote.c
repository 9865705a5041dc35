/*
 * Remote stations driven by the test: an outside caller rings a local line
 * (tapisim_remote_call), and the far end of a call answers or hangs up when told
 * (tapisim_remote_answer, tapisim_remote_hangup).
 *
 * A remote station takes part in at most one call at a time: the call that engages it (see
 * sim_route and release_station in call.c), found here by the station's number. An outside
 * call is one local leg like every call of the switch: incoming (not `outgoing`), with the
 * station's number in `remote` and its name in `remoteName`.
 */
#include "sim_internal.h"

#include <string.h>

/* The call that engages the remote station `number`, or NULL. */
static sim_call *station_call(const char *number)
{
    for (sim_call *c = g_sim.calls; c; c = c->next)
        if (c->engaged && strcmp(c->station, number) == 0)
            return c;
    return NULL;
}

sim_call *sim_station_call(const char *number)
{
    return station_call(number);
}

/* A caller's name: 1 to SIM_NAME_MAX - 1 printable ASCII characters (LINECALLINFO carries it
 * as UTF-16, converted character by character). */
static int valid_name(const char *name)
{
    size_t n = 0;
    for (; name[n]; n++)
        if (n + 1 >= SIM_NAME_MAX || name[n] < 0x20 || name[n] > 0x7E)
            return 0;
    return n > 0;
}

/* Checks shared by the functions that name a remote station; called with the lock held. */
static LONG remote_number(const char *number)
{
    return sim_remote_number(number);
}

LONG sim_remote_number(const char *number)
{
    if (!sim_str_readable(number))
        return LINEERR_INVALPOINTER;
    if (!sim_valid_number(number) || sim_device_by_number(number) != NULL)
        return LINEERR_INVALADDRESS;
    return 0;
}

/* Origin EXTERNAL: the Microsoft LINECALLORIGIN_ page gives it to a call from an outside party
 * (INBOUND is for an incoming call whose origin the switch cannot tell). A busy line is not
 * an error: the caller hears busy tone, which the test may well want to arrange, so the result
 * is 0 with no call. */
SIM_EXPORT LONG tapisim_remote_call_ex(const char *from, const char *fromName, const char *to,
                                       DWORD flags, DWORD *callId)
{
    sim_lock();
    LONG r = remote_number(from);
    int pointersOk = r != (LONG)LINEERR_INVALPOINTER && sim_str_readable(to)
                  && (fromName == NULL || sim_str_readable(fromName))
                  && (callId == NULL || sim_writable(callId, sizeof *callId));
    sim_device *dev = NULL;
    DWORD addressId = 0;
    sim_call *call = NULL;
    if (!pointersOk)
        r = LINEERR_INVALPOINTER;
    else if (r == 0 && !sim_valid_number(to))
        r = LINEERR_INVALADDRESS;
    else if (r == 0 && (dev = sim_address_by_number(to, &addressId)) == NULL)
        r = LINEERR_BADDEVICEID;
    else if (r == 0 && fromName != NULL && !valid_name(fromName))
        r = LINEERR_INVALPARAM;
    else if (r == 0 && (flags & ~(DWORD)(TAPISIM_REMOTE_WITHHELD | TAPISIM_REMOTE_UNAVAILABLE)
                        || flags == (TAPISIM_REMOTE_WITHHELD | TAPISIM_REMOTE_UNAVAILABLE)))
        r = LINEERR_INVALPARAM;
    else if (r == 0 && station_call(from) != NULL)
        r = LINEERR_CALLUNAVAIL; /* a station in a call cannot place another */
    sim_station *s = NULL;
    if (r == 0 && (s = sim_station_get(from, 1)) == NULL)
        r = LINEERR_NOMEM;
    int busy = r == 0 && sim_address_busy(dev, addressId);
    if (r == 0 && !busy && (call = sim_call_new(dev, addressId, 0)) == NULL)
        r = LINEERR_NOMEM;
    if (call != NULL) {
        call->origin = LINECALLORIGIN_EXTERNAL;
        memcpy(call->remote, from, strlen(from) + 1);
        if (fromName != NULL)
            memcpy(call->remoteName, fromName, strlen(fromName) + 1);
        call->remoteIdFlags = (flags & TAPISIM_REMOTE_WITHHELD) ? LINECALLPARTYID_BLOCKED
                            : (flags & TAPISIM_REMOTE_UNAVAILABLE) ? LINECALLPARTYID_OUTOFAREA : 0;
        if (s->engaged++ == 0)
            sim_compl_activity(s->number);
        call->engaged = 1;
        memcpy(call->station, s->number, sizeof call->station);
    }
    if (r == 0 && callId != NULL)
        *callId = call != NULL ? call->callId : 0;
    const char *shown = flags == TAPISIM_REMOTE_WITHHELD ? ", WITHHELD"
                      : flags == TAPISIM_REMOTE_UNAVAILABLE ? ", UNAVAILABLE" : flags ? ", ?" : "";
    r = sim_ret(r, "tapisim_remote_call(\"%s\", \"%s\", \"%s\"%s)%s callId=%" PRIuDW,
                pointersOk ? from : "?", pointersOk && fromName ? fromName : "",
                pointersOk ? to : "?", shown, busy ? " busy" : "", call != NULL ? call->callId : 0);
    if (call != NULL)
        sim_offer(call, 1);
    sim_unlock();
    return r;
}

SIM_EXPORT LONG tapisim_remote_call(const char *from, const char *fromName, const char *to,
                                    DWORD *callId)
{
    return tapisim_remote_call_ex(from, fromName, to, 0, callId);
}

SIM_EXPORT LONG tapisim_remote_answer(const char *number)
{
    sim_lock();
    LONG r = remote_number(number);
    sim_call *call = r == 0 ? station_call(number) : NULL;
    if (r == 0 && (call == NULL || call->state != LINECALLSTATE_RINGBACK)) /* rung by a local call */
        r = LINEERR_INVALCALLSTATE;
    r = sim_ret(r, "tapisim_remote_answer(\"%s\")", r == (LONG)LINEERR_INVALPOINTER ? "?" : number);
    if (r == 0)
        sim_call_set_state(call, LINECALLSTATE_CONNECTED, LINECONNECTEDMODE_ACTIVE);
    sim_unlock();
    return r;
}

SIM_EXPORT LONG tapisim_remote_hangup(const char *number)
{
    sim_lock();
    LONG r = remote_number(number);
    sim_call *call = r == 0 ? station_call(number) : NULL;
    if (r == 0 && call == NULL)
        r = LINEERR_INVALCALLSTATE;
    r = sim_ret(r, "tapisim_remote_hangup(\"%s\")", r == (LONG)LINEERR_INVALPOINTER ? "?" : number);
    if (r == 0) {
        int offered = call->state == LINECALLSTATE_OFFERING || call->state == LINECALLSTATE_ACCEPTED;
        if ((!call->outgoing && offered) || call->handles == NULL) {
            /* The caller gave up before an answer (or nobody holds the call): withdrawn. */
            sim_call_set_state(call, LINECALLSTATE_IDLE, 0);
            sim_call_maybe_free(call);
        } else {
            sim_call_set_state(call, LINECALLSTATE_DISCONNECTED,
                               call->state == LINECALLSTATE_RINGBACK ? LINEDISCONNECTMODE_REJECT
                                                                     : LINEDISCONNECTMODE_NORMAL);
        }
    }
    sim_unlock();
    return r;
}
