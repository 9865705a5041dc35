/*
 * Hooks for benchmarks and tests (not TAPI): tapisim_post_messages.
 */
#include "sim_internal.h"

#include <stdlib.h>

/* ---- tapisim_post_messages -------------------------------------------------------------- */
SIM_EXPORT LONG tapisim_post_messages(HLINEAPP hLineApp, DWORD count)
{
    sim_lock();
    sim_app *app = NULL;
    LONG r = 0;
    if (g_sim.numApps == 0)
        r = LINEERR_UNINITIALIZED;
    else if ((app = sim_find(hLineApp, SIM_APP)) == NULL)
        r = LINEERR_INVALAPPHANDLE;
    else if (count > TAPISIM_POST_MAX)
        r = LINEERR_INVALPARAM;
    if (r == 0 && app->qcount + count > app->qcap) {
        /* Grow once to fit the whole batch, keeping the queued messages in order. */
        size_t ncap = app->qcap ? app->qcap : 64;
        while (ncap < app->qcount + count)
            ncap *= 2;
        LINEMESSAGE *nq = malloc(ncap * sizeof *nq);
        if (nq == NULL) {
            r = LINEERR_NOMEM;
        } else {
            for (size_t i = 0; i < app->qcount; i++)
                nq[i] = app->queue[(app->qhead + i) % app->qcap];
            free(app->queue);
            app->queue = nq;
            app->qcap = ncap;
            app->qhead = 0;
        }
    }
    if (r == 0 && count > 0) {
        size_t at = (app->qhead + app->qcount) % app->qcap;
        for (DWORD i = 0; i < count; i++) {
            LINEMESSAGE *m = &app->queue[at];
            m->hDevice = 0;
            m->dwMessageID = LINE_DEVSPECIFIC;
            m->dwCallbackInstance = 0;
            m->dwParam1 = i;
            m->dwParam2 = count;
            m->dwParam3 = 0;
            if (++at == app->qcap)
                at = 0;
        }
        app->qcount += count;
        sim_app_queue_changed(app);
        sim_wake_waiters();
    }
    /* One trace line for the batch, not one per message as sim_post writes. */
    r = sim_ret(r, "tapisim_post_messages(0x%08" PRIXDW ", %" PRIuDW ")", hLineApp, count);
    sim_unlock();
    return r;
}
