/*
 * Threads, the lock, condition variables and the monotonic clock of the switch. POSIX threads
 * elsewhere; Win32 primitives on Windows, so that tapisim.dll needs no threading DLL
 * (winpthread) and every timed wait runs on a monotonic clock on both systems.
 */
#ifndef SIM_PLATFORM_H
#define SIM_PLATFORM_H

#include <stdint.h>

#ifdef _WIN32
#include <windows.h>
typedef SRWLOCK sim_mutex;
typedef CONDITION_VARIABLE sim_cond;
typedef HANDLE sim_thread;
#define SIM_MUTEX_INIT SRWLOCK_INIT
#else
#include <pthread.h>
typedef pthread_mutex_t sim_mutex;
typedef pthread_cond_t sim_cond;
typedef pthread_t sim_thread;
#define SIM_MUTEX_INIT PTHREAD_MUTEX_INITIALIZER
#endif

/* No deadline: wait until signalled. */
#define SIM_FOREVER UINT64_MAX

void sim_mutex_lock(sim_mutex *m);
void sim_mutex_unlock(sim_mutex *m);

/* Returns 0, or nonzero if the condition variable could not be created. The switch's one
 * condition variable is never destroyed, so there is no sim_cond_destroy. */
int sim_cond_init(sim_cond *c);
void sim_cond_broadcast(sim_cond *c);
/*
 * Waits on c, releasing m meanwhile, until signalled (or woken spuriously) or until the
 * monotonic clock reaches deadlineNs (sim_mono_ns; SIM_FOREVER: no deadline). Returns 1 if
 * the deadline has passed, else 0; the caller re-checks its condition either way.
 */
int sim_cond_wait_until(sim_cond *c, sim_mutex *m, uint64_t deadlineNs);

/* Nanoseconds on a monotonic clock (CLOCK_MONOTONIC; QueryPerformanceCounter on Windows). */
uint64_t sim_mono_ns(void);
void sim_sleep_ms(unsigned ms);

/* Starts fn(arg) on a new thread; returns 0, or nonzero if the thread could not be created. */
int sim_thread_start(sim_thread *t, void (*fn)(void *), void *arg);
void sim_thread_join(sim_thread t);

#endif /* SIM_PLATFORM_H */
