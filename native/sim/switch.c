/*
 * The switch itself: the global lock, handle values, request IDs, the virtual clock and its
 * timers, stations, application message queues, and the tapisim_* control API (fault injection:
 * faults.c).
 */
#include "sim_internal.h"

#include <stdlib.h>
#include <string.h>

sim_switch g_sim = { .lock = SIM_MUTEX_INIT };
sim_activity_word sim_activity;

static void sim_init_topology(void)
{
    sim_topology_default();
    g_sim.now = 0;
    g_sim.nextCallId = 1;
    memset(&g_sim.opt, 0, sizeof g_sim.opt);
    g_sim.opt.guardMs = 2000;                    /* docs/simulator.md, "The clock and timers" */
    g_sim.opt.recallRingMs = 20000;
    g_sim.opt.expiryBusyMs = 45u * 60u * 1000u;
    g_sim.opt.expiryNoAnswerMs = 180u * 60u * 1000u;
    g_sim.opt.trace = 1;
}

void sim_lock(void)
{
    sim_mutex_lock(&g_sim.lock);
    if (!g_sim.initialised) {
        g_sim.initialised = 1;
        /* Handle values and request IDs are never reset, so a value held from before a reset
         * can never name a new object. */
        g_sim.nextHandle = 0x00010001u;
        g_sim.nextRequest = 0x00001001u;
        /* Never destroyed: lives, like the lock, as long as the library. */
        g_sim.wakeReady = sim_cond_init(&g_sim.wake) == 0;
        sim_init_topology();
    }
    g_sim.traceMark = g_sim.traceLen;
}

/* Releases the lock, then wakes the lineGetMessage waiters if sim_wake_waiters asked for it. */
void sim_unlock(void)
{
    int wake = g_sim.wakePending;
    int active = g_sim.activityPending;
    g_sim.wakePending = 0;
    g_sim.activityPending = 0;
    sim_mutex_unlock(&g_sim.lock);
    if (active) /* after the unlock: whoever sees it finds the lock free */
        atomic_fetch_add_explicit(&sim_activity.value, 1, memory_order_release);
    if (wake)
        sim_cond_broadcast(&g_sim.wake);
}

/* A waiter's condition changed (a message queued, its app shut down, a completion request
 * queued): wake every waiter, and bump the activity word, when the lock is next released. */
void sim_wake_waiters(void)
{
    g_sim.activityPending = 1;
    if (g_sim.waiters > 0)
        g_sim.wakePending = 1;
}

/* ---- handles ---------------------------------------------------------------------------- */

DWORD sim_new_handle(sim_obj *obj, int kind)
{
    DWORD h = g_sim.nextHandle++;
    if (g_sim.nextHandle == 0) /* after 2^32 handles: skip 0, which is never valid */
        g_sim.nextHandle = 1;
    obj->handle = h;
    obj->kind = kind;
    sim_obj **bucket = &g_sim.handles[h % SIM_HANDLE_BUCKETS];
    obj->hnext = *bucket;
    *bucket = obj;
    return h;
}

void sim_drop_handle(sim_obj *obj)
{
    sim_obj **p = &g_sim.handles[obj->handle % SIM_HANDLE_BUCKETS];
    while (*p && *p != obj)
        p = &(*p)->hnext;
    if (*p)
        *p = obj->hnext;
    obj->hnext = NULL;
}

void *sim_find(DWORD handle, int kind)
{
    for (sim_obj *o = g_sim.handles[handle % SIM_HANDLE_BUCKETS]; o; o = o->hnext)
        if (o->handle == handle)
            return o->kind == kind ? o : NULL;
    return NULL;
}

DWORD sim_new_request(void)
{
    DWORD id = g_sim.nextRequest++;
    if (g_sim.nextRequest > 0x7FFFFFFFu) /* request IDs are positive LONGs */
        g_sim.nextRequest = 1;
    return id;
}

/* Every version TAPI 2.x and 3.x serve, highest first: 1.3 (the oldest tapisrv accepts; it
 * calls it 1.0) to 3.1. An application of any of them gets the structures with the fixed sizes
 * of its version (sim_fixed_size). */
const DWORD sim_versions[SIM_NUM_VERSIONS] = {
    0x00030001u, 0x00030000u, 0x00020002u, 0x00020001u, 0x00020000u, 0x00010004u, 0x00010003u,
};

int sim_version_ok(DWORD v)
{
    for (size_t i = 0; i < SIM_NUM_VERSIONS; i++)
        if (sim_versions[i] == v)
            return 1;
    return 0;
}

/* ---- clock and timers ------------------------------------------------------------------- */

static void timer_free(sim_timer *t)
{
    if (t->ownsArg)
        free(t->arg);
    free(t);
}

/* Like sim_timer_add, but `arg` is heap memory that goes with the timer. */
sim_timer *sim_timer_add_owned(DWORD delay, sim_timer_fn fn, void *arg)
{
    sim_timer *t = sim_timer_add(delay, fn, arg);
    if (t == NULL)
        free(arg);
    else
        t->ownsArg = 1;
    return t;
}

sim_timer *sim_timer_add(DWORD delay, sim_timer_fn fn, void *arg)
{
    sim_timer *t = calloc(1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->due = g_sim.now + delay;
    t->seq = g_sim.timerSeq++;
    t->fn = fn;
    t->arg = arg;
    sim_timer **p = &g_sim.timers;
    while (*p && ((*p)->due < t->due || ((*p)->due == t->due && (*p)->seq < t->seq)))
        p = &(*p)->next;
    t->next = *p;
    *p = t;
    return t;
}

void sim_timer_cancel_arg(void *arg)
{
    sim_timer **p = &g_sim.timers;
    while (*p) {
        if ((*p)->arg == arg) {
            sim_timer *t = *p;
            *p = t->next;
            timer_free(t);
        } else {
            p = &(*p)->next;
        }
    }
}

/* Moves the clock to `target`, firing due timers in order. */
static void advance_to(DWORD target)
{
    sim_compl_dispatch();
    while (g_sim.timers && g_sim.timers->due <= target) {
        sim_timer *t = g_sim.timers;
        g_sim.timers = t->next;
        g_sim.now = t->due;
        t->fn(t->arg);
        timer_free(t);
    }
    g_sim.now = target;
    sim_compl_dispatch();
}

SIM_EXPORT LONG tapisim_advance(DWORD ms)
{
    sim_lock();
    DWORD target = g_sim.now + ms;
    if (target < g_sim.now) { /* the clock would wrap after 49 days of virtual time */
        sim_unlock();
        return LINEERR_INVALPARAM;
    }
    if (g_sim.opt.realtime) { /* the switch thread owns the clock */
        sim_unlock();
        return LINEERR_OPERATIONUNAVAIL;
    }
    sim_trace("advance %" PRIuDW " ms\n", ms);
    advance_to(target);
    sim_unlock();
    return 0;
}

/* ---- real-time clock -------------------------------------------------------------------- */

static uint64_t mono_ms(void)
{
    return sim_mono_ns() / 1000000u;
}

static void clock_thread(void *unused)
{
    (void)unused;
    uint64_t last = mono_ms();
    for (;;) {
        sim_sleep_ms(2);
        sim_mutex_lock(&g_sim.lock);
        if (g_sim.clockStop) {
            sim_unlock();
            return;
        }
        uint64_t now = mono_ms();
        DWORD step = (DWORD)(now - last);
        last = now;
        g_sim.traceMark = g_sim.traceLen;
        if (g_sim.now + step >= g_sim.now)
            advance_to(g_sim.now + step);
        sim_unlock(); /* wakes the readers of what the timers posted */
    }
}

/* Stops the switch thread. Called with the lock held; drops it while joining. */
static void clock_stop(void)
{
    if (!g_sim.clockRunning)
        return;
    g_sim.clockStop = 1;
    sim_thread t = g_sim.clockThread;
    sim_unlock();
    sim_thread_join(t);
    sim_lock();
    g_sim.clockRunning = 0;
    g_sim.clockStop = 0;
}

SIM_EXPORT DWORD tapisim_now(void)
{
    sim_lock();
    DWORD now = g_sim.now;
    sim_unlock();
    return now;
}

/* Read without the lock, as a spinning waiter must: an acquire load, so that a change seen
 * here is followed by a lineGetMessage that sees what changed. */
SIM_EXPORT DWORD tapisim_activity(void)
{
    return atomic_load_explicit(&sim_activity.value, memory_order_acquire);
}

/* For the control functions that check their arguments before they take the lock. */
int sim_cstr_ok(const char *s)
{
    sim_lock();
    int ok = sim_str_readable(s);
    sim_unlock();
    return ok;
}

/* ---- stations --------------------------------------------------------------------------- */

int sim_valid_number(const char *number)
{
    size_t n = 0;
    for (; number[n]; n++) {
        char c = number[n];
        if (n + 1 >= SIM_NUMBER_MAX)
            return 0;
        if (!((c >= '0' && c <= '9') || c == '*' || c == '#' || c == '+' || (c >= 'A' && c <= 'D')))
            return 0;
    }
    return n > 0;
}

sim_device *sim_address_by_number(const char *number, DWORD *addressId)
{
    for (DWORD i = 0; i < g_sim.numDevices; i++) {
        sim_device *dev = &g_sim.devices[i];
        for (DWORD a = 0; a < dev->numAddresses; a++)
            if (strcmp(dev->addr[a].number, number) == 0) {
                *addressId = a;
                return dev;
            }
    }
    return NULL;
}

sim_device *sim_device_by_number(const char *number)
{
    DWORD unused;
    return sim_address_by_number(number, &unused);
}

/* Busy for call completion: a local address with an active call or set BUSY; a remote station
 * set BUSY or in a call. */
int sim_target_busy(const char *number)
{
    DWORD addressId;
    const sim_device *dev = sim_address_by_number(number, &addressId);
    if (dev != NULL)
        return sim_address_busy(dev, addressId);
    const sim_station *s = sim_station_get(number, 0);
    return s != NULL && (s->state == TAPISIM_STATION_BUSY || s->engaged > 0);
}

sim_station *sim_station_get(const char *number, int create)
{
    for (sim_station *s = g_sim.stations; s; s = s->next)
        if (strcmp(s->number, number) == 0)
            return s;
    if (!create)
        return NULL;
    sim_station *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    memcpy(s->number, number, strlen(number) + 1);
    s->state = TAPISIM_STATION_IDLE;
    s->next = g_sim.stations;
    g_sim.stations = s;
    return s;
}

SIM_EXPORT LONG tapisim_set_station(const char *number, DWORD state)
{
    if (!sim_cstr_ok(number))
        return LINEERR_INVALPOINTER;
    if (!sim_valid_number(number))
        return LINEERR_INVALADDRESS;
    if (state > TAPISIM_STATION_MANUAL)
        return LINEERR_INVALPARAM;
    sim_lock();
    DWORD addressId;
    sim_device *dev = sim_address_by_number(number, &addressId);
    LONG r = 0;
    int wasBusy = sim_target_busy(number);
    if (dev != NULL) {
        dev->addr[addressId].stationState = state;
    } else {
        sim_station *s = sim_station_get(number, 1);
        if (s == NULL)
            r = LINEERR_NOMEM;
        else
            s->state = state;
    }
    if (r == 0 && state == TAPISIM_STATION_BUSY)
        sim_compl_activity(number);
    else if (r == 0 && wasBusy && !sim_target_busy(number))
        sim_compl_target_free(number);
    static const char *const names[] = { "IDLE", "BUSY", "NOANSWER", "PROCEEDING", "MANUAL" };
    r = sim_ret(r, "tapisim_set_station(\"%s\", %s)", number, names[state]);
    sim_unlock();
    return r;
}

/* ---- message queues --------------------------------------------------------------------- */

void sim_post(sim_app *app, DWORD hDevice, DWORD msg, DWORD_PTR inst,
              DWORD_PTR p1, DWORD_PTR p2, DWORD_PTR p3)
{
    if (app->dead)
        return;
    if (app->qcount == app->qcap) {
        size_t ncap = app->qcap ? app->qcap * 2 : 64;
        LINEMESSAGE *nq = malloc(ncap * sizeof *nq);
        if (nq == NULL) {
            /* Out of memory: the message is lost, and the trace says so. */
            sim_trace("  LOST %s for app 0x%08" PRIXDW " (out of memory)\n", sim_msg_name(msg), app->obj.handle);
            return;
        }
        for (size_t i = 0; i < app->qcount; i++)
            nq[i] = app->queue[(app->qhead + i) % app->qcap];
        free(app->queue);
        app->queue = nq;
        app->qcap = ncap;
        app->qhead = 0;
    }
    LINEMESSAGE *m = &app->queue[(app->qhead + app->qcount) % app->qcap];
    m->hDevice = hDevice;
    m->dwMessageID = msg;
    m->dwCallbackInstance = inst;
    m->dwParam1 = p1;
    m->dwParam2 = p2;
    m->dwParam3 = p3;
    app->qcount++;
    if (app->qcount == 1)
        sim_app_queue_changed(app);
    /* A readable note after the raw values: the call state, or the error of a LINE_REPLY. */
    const char *note = "";
    if (msg == LINE_CALLSTATE)
        note = sim_state_name((DWORD)p1);
    else if (msg == LINE_REPLY && (LONG)(DWORD)p2 < 0)
        note = sim_err_name((LONG)(DWORD)p2);
    sim_trace("  => app 0x%08" PRIXDW " %s(0x%08" PRIXDW ", inst=0x%llX, 0x%llX, 0x%llX, 0x%llX)%s%s\n",
              app->obj.handle, sim_msg_name(msg), hDevice, (unsigned long long)inst,
              (unsigned long long)p1, (unsigned long long)p2, (unsigned long long)p3,
              note[0] ? " " : "", note);
    sim_wake_waiters();
}

/* Removes queued messages about `hDevice` (a line or call handle the app no longer holds). */
void sim_purge(sim_app *app, DWORD hDevice)
{
    size_t kept = 0;
    for (size_t i = 0; i < app->qcount; i++) {
        LINEMESSAGE m = app->queue[(app->qhead + i) % app->qcap];
        int about = m.hDevice == hDevice
                 || (m.dwMessageID == LINE_APPNEWCALL && (DWORD)m.dwParam2 == hDevice);
        if (!about)
            app->queue[(app->qhead + kept++) % app->qcap] = m;
    }
    if (kept != app->qcount) {
        app->qcount = kept;
        sim_app_queue_changed(app);
    }
}

/* LINE_REPLY: hDevice 0, result zero-extended (applications read it as a 32-bit LONG). */
void sim_reply(sim_open *open, DWORD request, LONG result)
{
    sim_post(open->app, 0, LINE_REPLY, open->cbInst, request, (DWORD_PTR)(DWORD)result, 0);
}

/* ---- applications ----------------------------------------------------------------------- */

/* Windows: hEvent is signalled exactly while the app has messages queued (as tapi32 does), so
 * an application can wait on it and then call lineGetMessage. Elsewhere there is no event. */
void sim_app_queue_changed(sim_app *app)
{
#ifdef _WIN32
    if (app->qcount > 0)
        SetEvent(app->event);
    else
        ResetEvent(app->event);
#else
    (void)app;
#endif
}

void sim_app_release(sim_app *app)
{
#ifdef _WIN32
    CloseHandle(app->event);
#endif
    free(app->queue);
    free(app);
}

/* Closes every line of the app, removes it from the switch and wakes its waiters. The memory
 * is freed now, or by the last thread that leaves lineGetMessage. */
void sim_app_shutdown(sim_app *app)
{
    while (app->opens)
        sim_open_close(app->opens, 1);
    for (sim_app **p = &g_sim.apps; *p; p = &(*p)->next) {
        if (*p == app) {
            *p = app->next;
            break;
        }
    }
    g_sim.numApps--;
    sim_drop_handle(&app->obj);
    app->dead = 1;
    app->qcount = 0;
    sim_app_queue_changed(app);
    if (app->waiters > 0) {
        sim_wake_waiters();
    } else {
        g_sim.activityPending = 1; /* a drain spinning outside lineGetMessage looks again */
        sim_app_release(app);
    }
}

SIM_EXPORT LONG tapisim_reset(void)
{
    sim_lock();
    clock_stop();
    while (g_sim.apps)
        sim_app_shutdown(g_sim.apps);
    sim_compl_reset();
    sim_reset_calls();
    while (g_sim.timers) {
        sim_timer *t = g_sim.timers;
        g_sim.timers = t->next;
        timer_free(t);
    }
    while (g_sim.stations) {
        sim_station *s = g_sim.stations;
        g_sim.stations = s->next;
        free(s);
    }
    while (g_sim.faults) {
        sim_fault *f = g_sim.faults;
        g_sim.faults = f->next;
        free(f);
    }
    sim_init_topology();
    sim_mem_forget();
    free(g_sim.trace);
    g_sim.trace = NULL;
    g_sim.traceLen = g_sim.traceCap = g_sim.traceMark = 0;
    sim_unlock();
    return 0;
}

/* ---- options ---------------------------------------------------------------------------- */

SIM_EXPORT LONG tapisim_set_option(const char *name, DWORD value)
{
    if (!sim_cstr_ok(name))
        return LINEERR_INVALPOINTER;
    static const struct { const char *name; size_t offset; DWORD max; } options[] = {
        { "error_delivery", offsetof(sim_options, errorDelivery), 1 },
        { "allow_proceeding", offsetof(sim_options, allowProceeding), 1 },
        { "strict_completion_owner", offsetof(sim_options, strictOwner), 1 },
        { "reuse_freed_ids", offsetof(sim_options, reuseFreedIds), 1 },
        { "guard_ms", offsetof(sim_options, guardMs), 0x7FFFFFFFu },
        { "recall_ring_ms", offsetof(sim_options, recallRingMs), 0x7FFFFFFFu },
        { "expiry_busy_ms", offsetof(sim_options, expiryBusyMs), 0x7FFFFFFFu },
        { "expiry_noanswer_ms", offsetof(sim_options, expiryNoAnswerMs), 0x7FFFFFFFu },
        { "realtime", offsetof(sim_options, realtime), 1 },
        { "trace", offsetof(sim_options, trace), 1 },
    };
    int isMax = strcmp(name, "max_call_completions") == 0;
    size_t i = 0;
    for (; i < sizeof options / sizeof *options && !isMax; i++)
        if (strcmp(options[i].name, name) == 0)
            break;
    if (!isMax && i == sizeof options / sizeof *options)
        return LINEERR_OPERATIONUNAVAIL;
    if (isMax ? value > 64 : value > options[i].max)
        return LINEERR_INVALPARAM;
    sim_lock();
    LONG r = 0;
    if (isMax) {
        /* LINEADDRESSCAPS.dwMaxCallCompletions of every address; 0 = no completion support */
        for (DWORD d = 0; d < g_sim.numDevices; d++)
            for (DWORD a = 0; a < g_sim.devices[d].numAddresses; a++)
                g_sim.devices[d].addr[a].maxCompletions = value;
    } else if (strcmp(name, "realtime") == 0) {
        if (value && !g_sim.clockRunning) {
            g_sim.clockStop = 0;
            if (sim_thread_start(&g_sim.clockThread, clock_thread, NULL) == 0)
                g_sim.clockRunning = 1;
            else
                r = LINEERR_RESOURCEUNAVAIL;
        } else if (!value) {
            clock_stop();
        }
        if (r == 0)
            g_sim.opt.realtime = value;
    } else {
        memcpy((char *)&g_sim.opt + options[i].offset, &value, sizeof value);
    }
    r = sim_ret(r, "tapisim_set_option(\"%s\", %" PRIuDW ")", name, value);
    sim_unlock();
    return r;
}
