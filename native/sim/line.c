/*
 * Line handles: lineOpenW, lineClose, lineSetStatusMessages, lineGetLineDevStatusW.
 */
#include "sim_internal.h"

#include <stdlib.h>
#include <string.h>

static LONG find_open(HLINE h, sim_open **out)
{
    if (g_sim.numApps == 0)
        return LINEERR_UNINITIALIZED;
    *out = sim_find(h, SIM_LINE);
    return *out ? 0 : LINEERR_INVALLINEHANDLE;
}

/* LINE_LINEDEVSTATE to every open of the device that enabled `state` (REINIT cannot be
 * disabled). */
void sim_linedevstate(sim_device *dev, DWORD state, DWORD_PTR p2, DWORD_PTR p3)
{
    for (sim_open *o = dev->opens; o; o = o->dev_next)
        if ((o->lineStates & state) || state == LINEDEVSTATE_REINIT)
            sim_post(o->app, o->obj.handle, LINE_LINEDEVSTATE, o->cbInst, state, p2, p3);
}

static void notify_others(sim_open *self, DWORD state)
{
    for (sim_open *o = self->dev->opens; o; o = o->dev_next)
        if (o != self && (o->lineStates & state))
            sim_post(o->app, o->obj.handle, LINE_LINEDEVSTATE, o->cbInst, state, 0, 0);
}

/* Invalidates an hLine: its call handles go (calls it alone owns are dropped, as TAPI does on
 * lineClose), queued messages about it are removed, other opens may hear LINEDEVSTATE_CLOSE. */
void sim_open_close(sim_open *open, int notify)
{
    while (open->calls)
        sim_chandle_free(open->calls, 1);
    sim_purge(open->app, open->obj.handle);
    for (sim_open **p = &open->app->opens; *p; p = &(*p)->app_next)
        if (*p == open) {
            *p = open->app_next;
            break;
        }
    for (sim_open **p = &open->dev->opens; *p; p = &(*p)->dev_next)
        if (*p == open) {
            *p = open->dev_next;
            break;
        }
    sim_drop_handle(&open->obj);
    sim_compl_open_closed(open);
    if (notify)
        notify_others(open, LINEDEVSTATE_CLOSE);
    free(open);
}

/* ---- lineOpenW -------------------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineOpenW(HLINEAPP hLineApp, DWORD dwDeviceID, LPHLINE lphLine,
                                 DWORD dwAPIVersion, DWORD dwExtVersion, DWORD_PTR dwCallbackInstance,
                                 DWORD dwPrivileges, DWORD dwMediaModes,
                                 LPLINECALLPARAMS const lpCallParams)
{
    sim_lock();
    LONG r = 0;
    sim_app *app = NULL;
    const DWORD optionBits = LINEOPENOPTION_SINGLEADDRESS | LINEOPENOPTION_PROXY;
    DWORD priv = dwPrivileges & ~optionBits;
    DWORD options = dwPrivileges & optionBits;
    DWORD addressId = 0;
    if (!sim_writable(lphLine, sizeof *lphLine))
        r = LINEERR_INVALPOINTER;
    else if (g_sim.numApps == 0)
        r = LINEERR_UNINITIALIZED;
    else if ((app = sim_find(hLineApp, SIM_APP)) == NULL)
        r = LINEERR_INVALAPPHANDLE;
    else if (dwDeviceID == LINEMAPPER && !sim_struct_readable(lpCallParams))
        r = LINEERR_INVALPOINTER;
    else if (dwDeviceID != LINEMAPPER && dwDeviceID >= g_sim.numDevices)
        r = LINEERR_BADDEVICEID;
    else if (!sim_version_ok(dwAPIVersion))
        r = LINEERR_INCOMPATIBLEAPIVERSION;
    else if (dwExtVersion != 0)
        r = LINEERR_INCOMPATIBLEEXTVERSION;
    else if ((priv != LINECALLPRIVILEGE_NONE && priv != LINECALLPRIVILEGE_MONITOR
              && priv != LINECALLPRIVILEGE_OWNER
              && priv != (LINECALLPRIVILEGE_OWNER | LINECALLPRIVILEGE_MONITOR))
             || (options && dwAPIVersion < 0x00020000u)
             || ((options & LINEOPENOPTION_SINGLEADDRESS) && !(priv & LINECALLPRIVILEGE_OWNER)))
        r = LINEERR_INVALPRIVSELECT;
    else if (options & LINEOPENOPTION_PROXY)
        r = LINEERR_OPERATIONUNAVAIL; /* no proxy requests in the simulator */
    else if ((priv & LINECALLPRIVILEGE_OWNER)
             && (dwMediaModes == 0 || (dwMediaModes & ~(DWORD)SIM_MEDIA_MODES)))
        r = LINEERR_INVALMEDIAMODE;
    else if (dwDeviceID == LINEMAPPER)
        r = sim_callparams_check(lpCallParams, dwAPIVersion);
    if (r == 0 && (options & LINEOPENOPTION_SINGLEADDRESS)) {
        if (!sim_struct_readable(lpCallParams))
            r = LINEERR_INVALPOINTER;
        else if (lpCallParams->dwTotalSize < sim_fixed_size(SIM_CALLPARAMS, dwAPIVersion))
            r = LINEERR_STRUCTURETOOSMALL;
        else if (lpCallParams->dwAddressMode == LINEADDRESSMODE_DIALABLEADDR /* must be by ID */
                 || lpCallParams->dwAddressID >= TAPISIM_MAX_ADDRESSES)
            r = LINEERR_INVALADDRESSID;
        else
            addressId = lpCallParams->dwAddressID;
    }
    if (r == 0 && dwDeviceID == LINEMAPPER) {
        /* TAPI's line mapper: the first line whose caps fit the call parameters. */
        DWORD d = 0;
        while (d < g_sim.numDevices
               && sim_callparams_provider(lpCallParams, dwAPIVersion, &g_sim.devices[d], 1) != 0)
            d++;
        if (d == g_sim.numDevices)
            r = LINEERR_LINEMAPPERFAILED;
        else
            dwDeviceID = d;
    }
    if (r == 0 && addressId >= g_sim.devices[dwDeviceID].numAddresses)
        r = LINEERR_INVALADDRESSID; /* checked once the line mapper has chosen the line */
    if (r == 0)
        r = sim_take_fault("lineOpen");
    sim_open *open = NULL;
    if (r == 0 && (open = calloc(1, sizeof *open)) == NULL)
        r = LINEERR_NOMEM;
    if (r == 0) {
        sim_device *dev = &g_sim.devices[dwDeviceID];
        open->app = app;
        open->dev = dev;
        open->apiVersion = dwAPIVersion;
        open->cbInst = dwCallbackInstance;
        open->privileges = priv;
        open->options = options;
        open->mediaModes = (priv & LINECALLPRIVILEGE_OWNER) ? dwMediaModes : 0;
        open->addressId = addressId;
        open->seq = g_sim.nextOpenSeq++;
        sim_new_handle(&open->obj, SIM_LINE);
        open->app_next = app->opens;
        app->opens = open;
        /* Appended, so dev->opens is in open order (ownership priority of new calls). */
        sim_open **tail = &dev->opens;
        while (*tail)
            tail = &(*tail)->dev_next;
        *tail = open;
        *lphLine = open->obj.handle;
        notify_others(open, LINEDEVSTATE_OPEN);
    }
    r = sim_ret(r, "lineOpenW(0x%08" PRIXDW ", %" PRIuDW ", 0x%08" PRIXDW ", priv=0x%08" PRIXDW ", media=0x%08" PRIXDW ") hLine=0x%08" PRIXDW,
                hLineApp, dwDeviceID, dwAPIVersion, dwPrivileges, dwMediaModes,
                open && r == 0 ? open->obj.handle : 0);
    sim_unlock();
    return r;
}

/* ---- lineClose -------------------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineClose(HLINE hLine)
{
    sim_lock();
    sim_open *open = NULL;
    LONG r = find_open(hLine, &open);
    if (r == 0)
        r = sim_take_fault("lineClose");
    if (r == 0)
        sim_open_close(open, 1);
    r = sim_ret(r, "lineClose(0x%08" PRIXDW ")", hLine);
    sim_unlock();
    return r;
}

/* ---- lineSetStatusMessages -------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineSetStatusMessages(HLINE hLine, DWORD dwLineStates, DWORD dwAddressStates)
{
    sim_lock();
    sim_open *open = NULL;
    LONG r = find_open(hLine, &open);
    if (r == 0 && (dwLineStates & ~sim_defined_line_states(open->apiVersion)))
        r = LINEERR_INVALLINESTATE;
    else if (r == 0 && (dwAddressStates & ~sim_defined_address_states(open->apiVersion)))
        r = LINEERR_INVALADDRESSSTATE; /* accepted ones: the switch sends no LINE_ADDRESSSTATE */
    if (r == 0)
        r = sim_take_fault("lineSetStatusMessages");
    if (r == 0) {
        open->lineStates = dwLineStates;
        open->addressStates = dwAddressStates;
    }
    r = sim_ret(r, "lineSetStatusMessages(0x%08" PRIXDW ", 0x%08" PRIXDW ", 0x%08" PRIXDW ")", hLine, dwLineStates,
                dwAddressStates);
    sim_unlock();
    return r;
}

/* ---- lineGetLineDevStatusW -------------------------------------------------------------- */
/* Divergence: the 2.0 AppInfo array (LINEAPPINFO per open) is not filled (size 0). */
SIM_EXPORT LONG WINAPI lineGetLineDevStatusW(HLINE hLine, LPLINEDEVSTATUS lpLineDevStatus)
{
    sim_lock();
    sim_open *open = NULL;
    LONG r = !sim_struct_writable(lpLineDevStatus) ? (LONG)LINEERR_INVALPOINTER : find_open(hLine, &open);
    sim_var v;
    if (r == 0)
        r = sim_var_begin(&v, lpLineDevStatus, SIM_DEVSTATUS, open->apiVersion);
    if (r == 0)
        r = sim_take_fault("lineGetLineDevStatus");
    if (r == 0) {
        const sim_device *dev = open->dev;
        LINEDEVSTATUS s;
        memset(&s, 0, sizeof s);
        for (const sim_open *o = dev->opens; o; o = o->dev_next) {
            s.dwNumOpens++;
            s.dwOpenMediaModes |= o->mediaModes;
        }
        /* The counts as LINEDEVSTATUS defines them: held calls, calls held pending a transfer
         * or conference, and the other calls that are not idle ("active"). */
        DWORD calls = 0;
        for (const sim_call *c = g_sim.calls; c; c = c->next) {
            if (c->dev != dev || c->state == LINECALLSTATE_IDLE)
                continue;
            calls++;
            if (c->state == LINECALLSTATE_ONHOLD)
                s.dwNumOnHoldCalls++;
            else if (c->state == LINECALLSTATE_ONHOLDPENDTRANSFER || c->state == LINECALLSTATE_ONHOLDPENDCONF)
                s.dwNumOnHoldPendCalls++;
            else
                s.dwNumActiveCalls++;
        }
        s.dwLineFeatures = calls < SIM_MAX_CALLS_PER_ADDR ? LINEFEATURE_MAKECALL : 0;
        s.dwNumCallCompletions = dev->numCompletions;
        s.dwRingMode = 1;
        s.dwSignalLevel = 0xFFFF;
        s.dwBatteryLevel = 0xFFFF;
        s.dwRoamMode = LINEROAMMODE_UNAVAIL;
        s.dwDevStatusFlags = LINEDEVSTATUSFLAGS_CONNECTED | LINEDEVSTATUSFLAGS_INSERVICE
                           | (dev->msgWait ? LINEDEVSTATUSFLAGS_MSGWAIT : 0);
        s.dwAvailableMediaModes = SIM_MEDIA_MODES;
        sim_var_end(&v, &s);
    }
    r = sim_ret(r, "lineGetLineDevStatusW(0x%08" PRIXDW ")", hLine);
    sim_unlock();
    return r;
}

/* ---- tapisim_close_line ----------------------------------------------------------------- */
SIM_EXPORT LONG tapisim_close_line(DWORD deviceId)
{
    sim_lock();
    LONG r = 0;
    if (deviceId >= g_sim.numDevices) {
        r = LINEERR_BADDEVICEID;
    } else {
        sim_device *dev = &g_sim.devices[deviceId];
        while (dev->opens) {
            sim_open *open = dev->opens;
            sim_app *app = open->app;
            HLINE h = open->obj.handle;
            DWORD_PTR inst = open->cbInst;
            sim_open_close(open, 0);
            sim_post(app, h, LINE_CLOSE, inst, 0, 0, 0); /* after the purge: it must arrive */
        }
    }
    r = sim_ret(r, "tapisim_close_line(%" PRIuDW ")", deviceId);
    sim_unlock();
    return r;
}
