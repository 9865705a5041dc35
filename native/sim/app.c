/*
 * Application lifetime and the message queue: lineInitializeExW, lineShutdown,
 * lineNegotiateAPIVersion, lineGetMessage.
 */
#include "sim_internal.h"

#include <stdlib.h>
#include <string.h>

/* Checks shared by every function that takes an hLineApp (UNINITIALIZED: no app at all). */
static LONG find_app(HLINEAPP h, sim_app **out)
{
    if (g_sim.numApps == 0)
        return LINEERR_UNINITIALIZED;
    *out = sim_find(h, SIM_APP);
    return *out ? 0 : LINEERR_INVALAPPHANDLE;
}

/* ---- lineInitializeExW ------------------------------------------------------------------ */
SIM_EXPORT LONG WINAPI lineInitializeExW(LPHLINEAPP lphLineApp, HINSTANCE hInstance,
                                         LINECALLBACK lpfnCallback, LPCWSTR lpszFriendlyAppName,
                                         LPDWORD lpdwNumDevs, LPDWORD lpdwAPIVersion,
                                         LPLINEINITIALIZEEXPARAMS lpParams)
{
    (void)hInstance;
    (void)lpfnCallback;
    char name[SIM_APPNAME_MAX] = "";
    sim_lock();
    LONG r = 0;
    if (!sim_writable(lphLineApp, sizeof *lphLineApp) || !sim_writable(lpdwNumDevs, sizeof *lpdwNumDevs)
        || !sim_writable(lpdwAPIVersion, sizeof *lpdwAPIVersion) || !sim_struct_writable(lpParams)
        || (lpszFriendlyAppName != NULL && !sim_wstr_readable(lpszFriendlyAppName))) {
        r = LINEERR_INVALPOINTER;
    } else if (lpParams->dwTotalSize < sizeof(LINEINITIALIZEEXPARAMS)) {
        r = LINEERR_STRUCTURETOOSMALL;
    } else {
        DWORD opt = lpParams->dwOptions & ~(DWORD)LINEINITIALIZEEXOPTION_CALLHUBTRACKING;
        if (opt == LINEINITIALIZEEXOPTION_USEHIDDENWINDOW
            || opt == LINEINITIALIZEEXOPTION_USECOMPLETIONPORT)
            r = LINEERR_OPERATIONUNAVAIL; /* only the event model (lineGetMessage) is simulated */
        else if (opt != LINEINITIALIZEEXOPTION_USEEVENT)
            r = LINEERR_INVALPARAM;
    }
    if (r == 0)
        sim_wstr_to_ascii(lpszFriendlyAppName, name, sizeof name);
    if (r == 0)
        r = sim_take_fault("lineInitializeEx");
    sim_app *app = NULL;
    if (r == 0) {
        app = calloc(1, sizeof *app);
        if (app == NULL)
            r = LINEERR_NOMEM;
    }
#ifdef _WIN32
    /* Manual reset: signalled while messages are queued (sim_app_queue_changed). */
    if (r == 0 && (app->event = CreateEventW(NULL, TRUE, FALSE, NULL)) == NULL) {
        free(app);
        app = NULL;
        r = LINEERR_RESOURCEUNAVAIL;
    }
#endif
    if (r == 0) {
        memcpy(app->name, name, sizeof name);
        app->apiVersion = *lpdwAPIVersion;
        sim_new_handle(&app->obj, SIM_APP);
        app->next = g_sim.apps;
        g_sim.apps = app;
        g_sim.numApps++;
        *lphLineApp = app->obj.handle;
        *lpdwNumDevs = g_sim.numDevices;
        *lpdwAPIVersion = SIM_VERSION_HIGH;
        lpParams->dwNeededSize = lpParams->dwUsedSize = sizeof(LINEINITIALIZEEXPARAMS);
#ifdef _WIN32
        lpParams->Handles.hEvent = app->event;
#else
        /* No Win32 event outside Windows: a non-null token, and applications wait in
         * lineGetMessage. */
        lpParams->Handles.hEvent = (HANDLE)(uintptr_t)app->obj.handle;
#endif
    }
    r = sim_ret(r, "lineInitializeExW(\"%s\") hLineApp=0x%08" PRIXDW, name, app && r == 0 ? app->obj.handle : 0);
    sim_unlock();
    return r;
}

/* ---- lineShutdown ----------------------------------------------------------------------- */
SIM_EXPORT LONG WINAPI lineShutdown(HLINEAPP hLineApp)
{
    sim_lock();
    sim_app *app = NULL;
    LONG r = find_app(hLineApp, &app);
    if (r == 0)
        r = sim_take_fault("lineShutdown");
    if (r == 0) {
        sim_app_shutdown(app);
        sim_mem_forget(); /* the app's buffers may go with it */
    }
    r = sim_ret(r, "lineShutdown(0x%08" PRIXDW ")", hLineApp);
    sim_unlock();
    return r;
}

/* ---- lineNegotiateAPIVersion ------------------------------------------------------------ */
SIM_EXPORT LONG WINAPI lineNegotiateAPIVersion(HLINEAPP hLineApp, DWORD dwDeviceID,
                                               DWORD dwAPILowVersion, DWORD dwAPIHighVersion,
                                               LPDWORD lpdwAPIVersion,
                                               LPLINEEXTENSIONID lpExtensionID)
{
    sim_lock();
    sim_app *app = NULL;
    LONG r = 0;
    DWORD chosen = 0;
    if (!sim_writable(lpdwAPIVersion, sizeof *lpdwAPIVersion) || !sim_writable(lpExtensionID, sizeof *lpExtensionID))
        r = LINEERR_INVALPOINTER;
    else
        r = find_app(hLineApp, &app);
    if (r == 0 && dwDeviceID >= g_sim.numDevices)
        r = LINEERR_BADDEVICEID;
    if (r == 0) {
        for (size_t i = 0; i < SIM_NUM_VERSIONS && !chosen; i++)
            if (sim_versions[i] >= dwAPILowVersion && sim_versions[i] <= dwAPIHighVersion)
                chosen = sim_versions[i];
        if (!chosen)
            r = LINEERR_INCOMPATIBLEAPIVERSION;
    }
    if (r == 0)
        r = sim_take_fault("lineNegotiateAPIVersion");
    if (r == 0) {
        *lpdwAPIVersion = chosen;
        memset(lpExtensionID, 0, sizeof *lpExtensionID);
    }
    r = sim_ret(r, "lineNegotiateAPIVersion(0x%08" PRIXDW ", %" PRIuDW ", 0x%08" PRIXDW ", 0x%08" PRIXDW ") version=0x%08" PRIXDW,
                hLineApp, dwDeviceID, dwAPILowVersion, dwAPIHighVersion, chosen);
    sim_unlock();
    return r;
}

/* ---- lineGetMessage --------------------------------------------------------------------- */
/* Not traced: the trace already has a line for every message when it is queued. */
SIM_EXPORT LONG WINAPI lineGetMessage(HLINEAPP hLineApp, LPLINEMESSAGE lpMessage, DWORD dwTimeout)
{
    sim_lock();
    if (!sim_writable(lpMessage, sizeof *lpMessage)) {
        sim_unlock();
        return LINEERR_INVALPOINTER;
    }
    sim_app *app = sim_find(hLineApp, SIM_APP);
    if (app == NULL) {
        sim_unlock();
        return LINEERR_INVALAPPHANDLE;
    }
    /* An application looking at its messages is where the switch answers completion
     * requests (they are never answered inside the call that made them). */
    sim_compl_dispatch();
    if (app->qcount == 0 && dwTimeout != 0 && !g_sim.wakeReady) {
        sim_unlock();
        return LINEERR_NOMEM; /* the switch could not create its condition variable */
    }
    if (app->qcount == 0 && dwTimeout != 0) {
        uint64_t deadline = dwTimeout == INFINITE
                          ? SIM_FOREVER : sim_mono_ns() + (uint64_t)dwTimeout * 1000000u;
        app->waiters++; /* keeps the app's memory while it waits (sim_app_shutdown) */
        g_sim.waiters++;
        while (app->qcount == 0 && !app->dead) {
            if (g_sim.creqs != NULL) {
                sim_compl_dispatch();
                continue;
            }
            if (g_sim.wakePending) {
                /* The dispatch queued messages for other apps, and the wait below releases
                 * the lock without waking anyone: release it through sim_unlock first, so
                 * that no release of the lock leaves a wake-up pending. */
                sim_unlock();
                sim_mutex_lock(&g_sim.lock);
                continue;
            }
            if (sim_cond_wait_until(&g_sim.wake, &g_sim.lock, deadline))
                break;
        }
        g_sim.waiters--;
        app->waiters--;
        if (app->dead) {
            if (app->waiters == 0)
                sim_app_release(app);
            sim_unlock();
            return LINEERR_INVALAPPHANDLE;
        }
    }
    LONG r = LINEERR_OPERATIONFAILED; /* timed out with an empty queue */
    if (app->qcount > 0) {
        *lpMessage = app->queue[app->qhead];
        app->qhead = (app->qhead + 1) % app->qcap;
        app->qcount--;
        if (app->qcount == 0)
            sim_app_queue_changed(app);
        r = 0;
    }
    sim_unlock();
    return r;
}
