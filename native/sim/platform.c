/*
 * platform.h on POSIX threads and on Win32.
 */
#include "platform.h"

#include <stdlib.h>

/* What a new thread runs; freed by the thread. */
typedef struct start_args {
    void (*fn)(void *);
    void *arg;
} start_args;

static start_args *start_args_new(void (*fn)(void *), void *arg)
{
    start_args *a = malloc(sizeof *a);
    if (a != NULL) {
        a->fn = fn;
        a->arg = arg;
    }
    return a;
}

#ifdef _WIN32

void sim_mutex_lock(sim_mutex *m) { AcquireSRWLockExclusive(m); }
void sim_mutex_unlock(sim_mutex *m) { ReleaseSRWLockExclusive(m); }

int sim_cond_init(sim_cond *c)
{
    InitializeConditionVariable(c);
    return 0;
}

/* Legal without holding the SRW lock the waiters sleep with (sim_unlock calls it after
 * releasing it). */
void sim_cond_broadcast(sim_cond *c) { WakeAllConditionVariable(c); }

int sim_cond_wait_until(sim_cond *c, sim_mutex *m, uint64_t deadlineNs)
{
    DWORD ms = INFINITE;
    if (deadlineNs != SIM_FOREVER) {
        uint64_t now = sim_mono_ns();
        if (now >= deadlineNs)
            return 1;
        /* Rounded up, so the wait never ends before the deadline; below INFINITE. */
        uint64_t left = (deadlineNs - now + 999999u) / 1000000u;
        ms = left >= INFINITE ? INFINITE - 1 : (DWORD)left;
    }
    SleepConditionVariableSRW(c, m, ms, 0);
    return deadlineNs != SIM_FOREVER && sim_mono_ns() >= deadlineNs;
}

uint64_t sim_mono_ns(void)
{
    static LARGE_INTEGER freq; /* constant after boot; a racing first write stores the same */
    LARGE_INTEGER now;
    if (freq.QuadPart == 0)
        QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&now);
    uint64_t t = (uint64_t)now.QuadPart, f = (uint64_t)freq.QuadPart;
    return t / f * 1000000000u + t % f * 1000000000u / f;
}

void sim_sleep_ms(unsigned ms) { Sleep(ms); }

static DWORD WINAPI thread_main(LPVOID p)
{
    start_args a = *(start_args *)p;
    free(p);
    a.fn(a.arg);
    return 0;
}

int sim_thread_start(sim_thread *t, void (*fn)(void *), void *arg)
{
    start_args *a = start_args_new(fn, arg);
    if (a == NULL)
        return 1;
    *t = CreateThread(NULL, 0, thread_main, a, 0, NULL);
    if (*t == NULL) {
        free(a);
        return 1;
    }
    return 0;
}

void sim_thread_join(sim_thread t)
{
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
}

#else /* !_WIN32 */

#include <errno.h>
#include <time.h>

void sim_mutex_lock(sim_mutex *m) { pthread_mutex_lock(m); }
void sim_mutex_unlock(sim_mutex *m) { pthread_mutex_unlock(m); }

int sim_cond_init(sim_cond *c)
{
    pthread_condattr_t attr;
    if (pthread_condattr_init(&attr) != 0)
        return 1;
    int r = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    if (r == 0)
        r = pthread_cond_init(c, &attr);
    pthread_condattr_destroy(&attr);
    return r != 0;
}

void sim_cond_broadcast(sim_cond *c) { pthread_cond_broadcast(c); }

int sim_cond_wait_until(sim_cond *c, sim_mutex *m, uint64_t deadlineNs)
{
    if (deadlineNs == SIM_FOREVER) {
        pthread_cond_wait(c, m);
        return 0;
    }
    struct timespec ts = { (time_t)(deadlineNs / 1000000000u), (long)(deadlineNs % 1000000000u) };
    return pthread_cond_timedwait(c, m, &ts) == ETIMEDOUT;
}

uint64_t sim_mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void sim_sleep_ms(unsigned ms)
{
    struct timespec ts = { (time_t)(ms / 1000u), (long)(ms % 1000u) * 1000000L };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static void *thread_main(void *p)
{
    start_args a = *(start_args *)p;
    free(p);
    a.fn(a.arg);
    return NULL;
}

int sim_thread_start(sim_thread *t, void (*fn)(void *), void *arg)
{
    start_args *a = start_args_new(fn, arg);
    if (a == NULL)
        return 1;
    if (pthread_create(t, NULL, thread_main, a) != 0) {
        free(a);
        return 1;
    }
    return 0;
}

void sim_thread_join(sim_thread t) { pthread_join(t, NULL); }

#endif /* !_WIN32 */
