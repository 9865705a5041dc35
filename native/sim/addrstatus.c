/*
 * Address status: lineGetAddressStatusW.
 *
 * The counts follow Microsoft's LINEADDRESSSTATUS page
 * (https://learn.microsoft.com/windows/win32/api/tapi/ns-tapi-lineaddressstatus): calls on the
 * address ONHOLD, calls ONHOLDPENDTRANSFER or ONHOLDPENDCONF, and "active" calls, every other
 * state but IDLE (so a conference call and each of its CONFERENCED parties count, and so does a
 * DISCONNECTED call until it goes idle). dwNumInUse is the number of stations using the
 * address: the address is private (LINEADDRESSSHARING_PRIVATE), so 1 while it is busy (a call
 * on it not idle, or its station set busy), else 0.
 *
 * dwAddressFeatures says what the address functions would accept now, within what
 * LINEADDRESSCAPS.dwAddressFeatures claims: MAKECALL while the address has room for another
 * call (the limit lineMakeCall enforces), UNCOMPLETECALL while a completion request made from
 * the address is waiting at the switch and this application may cancel it (its own, with the
 * "strict_completion_owner" option). Forwarding is not modelled: no forward entries, and
 * dwNumRingsNoAnswer (the rings before a forward on no answer) is 0. The line has no terminals,
 * so no terminal modes.
 *
 * The structure has not changed since TAPI 1.0: one fixed size for every version. The ANSI
 * and unsuffixed names stay unimplemented (unimpl.c), as for the other Get functions.
 */
#include "sim_internal.h"

#include <string.h>

/* A completion request of this address that `open` may cancel with lineUncompleteCall. */
static int cancellable_completion(const sim_open *open, DWORD addressId)
{
    for (const sim_compl *e = g_sim.completions; e; e = e->next)
        if (e->dev == open->dev && e->addressId == addressId
            && (!g_sim.opt.strictOwner || e->creator == open->app))
            return 1;
    return 0;
}

static void fill(const sim_open *open, DWORD addressId, LINEADDRESSSTATUS *s)
{
    const sim_device *dev = open->dev;
    for (const sim_call *c = g_sim.calls; c; c = c->next) {
        if (c->dev != dev || c->addressId != addressId)
            continue;
        switch (c->state) {
        case LINECALLSTATE_IDLE:
            break;
        case LINECALLSTATE_ONHOLD:
            s->dwNumOnHoldCalls++;
            break;
        case LINECALLSTATE_ONHOLDPENDTRANSFER:
        case LINECALLSTATE_ONHOLDPENDCONF:
            s->dwNumOnHoldPendCalls++;
            break;
        default:
            s->dwNumActiveCalls++;
            break;
        }
    }
    s->dwNumInUse = sim_address_busy(dev, addressId) ? 1 : 0;
    const sim_address *a = &dev->addr[addressId];
    int completion = a->maxCompletions > 0 && a->complModes != 0; /* as its LINEADDRESSCAPS */
    if (sim_active_calls(dev, addressId) < SIM_MAX_CALLS_PER_ADDR)
        s->dwAddressFeatures |= LINEADDRFEATURE_MAKECALL;
    if (completion && cancellable_completion(open, addressId))
        s->dwAddressFeatures |= LINEADDRFEATURE_UNCOMPLETECALL;
}

/* ---- lineGetAddressStatusW -------------------------------------------------------------- */
/* Checks in tapisrv's order: the pointer, the line handle, the structure size; then the
 * provider's: the address ID (TAPI leaves it to the provider, TSPI_lineGetAddressStatus
 * remarks), and an injected fault. */
SIM_EXPORT LONG WINAPI lineGetAddressStatusW(HLINE hLine, DWORD dwAddressID,
                                             LPLINEADDRESSSTATUS lpAddressStatus)
{
    sim_lock();
    sim_open *open = NULL;
    LONG r = 0;
    if (!sim_struct_writable(lpAddressStatus))
        r = LINEERR_INVALPOINTER;
    else if (g_sim.numApps == 0)
        r = LINEERR_UNINITIALIZED;
    else if ((open = sim_find(hLine, SIM_LINE)) == NULL)
        r = LINEERR_INVALLINEHANDLE;
    sim_var v;
    if (r == 0)
        r = sim_var_begin(&v, lpAddressStatus, SIM_ADDRESSSTATUS, open->apiVersion);
    if (r == 0 && dwAddressID >= open->dev->numAddresses)
        r = LINEERR_INVALADDRESSID;
    if (r == 0)
        r = sim_take_fault("lineGetAddressStatus");
    if (r == 0) {
        LINEADDRESSSTATUS s;
        memset(&s, 0, sizeof s);
        fill(open, dwAddressID, &s);
        sim_var_end(&v, &s);
    }
    r = sim_ret(r, "lineGetAddressStatusW(0x%08" PRIXDW ", %" PRIuDW ")", hLine, dwAddressID);
    sim_unlock();
    return r;
}
