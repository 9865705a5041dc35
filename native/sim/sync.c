/*
 * A testing hook (not TAPI): tapisim_sync, a marker queued behind everything an application
 * has waiting, so that the application knows when its reader has caught up.
 */
#include "sim_internal.h"

#include <stdlib.h>

/* Appends one message without a trace line (the marker is the test's bookkeeping, not something
 * the switch said; ladders drawn from the trace stay free of it). Returns 0 or LINEERR_NOMEM. */
static LONG enqueue(sim_app *app, const LINEMESSAGE *msg)
{
    if (app->qcount == app->qcap) {
        size_t ncap = app->qcap ? app->qcap * 2 : 64;
        LINEMESSAGE *nq = malloc(ncap * sizeof *nq);
        if (nq == NULL)
            return LINEERR_NOMEM;
        for (size_t i = 0; i < app->qcount; i++)
            nq[i] = app->queue[(app->qhead + i) % app->qcap];
        free(app->queue);
        app->queue = nq;
        app->qcap = ncap;
        app->qhead = 0;
    }
    app->queue[(app->qhead + app->qcount) % app->qcap] = *msg;
    if (++app->qcount == 1)
        sim_app_queue_changed(app);
    sim_wake_waiters();
    return 0;
}

/* ---- tapisim_sync ----------------------------------------------------------------------- */
SIM_EXPORT LONG tapisim_sync(HLINEAPP hLineApp, DWORD token)
{
    sim_lock();
    sim_app *app = NULL;
    LONG r = 0;
    if (g_sim.numApps == 0)
        r = LINEERR_UNINITIALIZED;
    else if ((app = sim_find(hLineApp, SIM_APP)) == NULL)
        r = LINEERR_INVALAPPHANDLE;
    if (r == 0) {
        /* Requests waiting for their reply are answered first, as when the clock moves: the
         * replies are then part of what the marker follows. */
        sim_compl_dispatch();
        LINEMESSAGE m = { 0 };
        m.dwMessageID = TAPISIM_LINE_SYNC;
        m.dwParam1 = token;
        r = enqueue(app, &m);
    }
    sim_unlock();
    return r;
}
