/*
 * The call guard (guard.h): the slots of the open providers, the threads' records, and the
 * process-wide barrier that lets entering go without a fence.
 */
#define _GNU_SOURCE 1 /* syscall, dladdr, RTLD_NODELETE */
#include "guard.h"

#include <stdlib.h>

#ifdef _WIN32
#include <windows.h>
#else
#include <dlfcn.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>
#ifdef __linux__
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#endif

tb_guard_slot tb_guard_slots[TB_GUARD_SLOTS];
int tb_guard_fence = 1;
_Thread_local tb_reader *tb_guard_self TB_TLS_MODEL;

static _Atomic(tb_reader *) readers;
static atomic_flag slots_lock = ATOMIC_FLAG_INIT; /* publish and retire, never the calls */

#ifdef _WIN32
static DWORD reader_key = FLS_OUT_OF_INDEXES;
#else
static pthread_key_t reader_key;
static int reader_key_made;
#endif

/* Thread exit: the record is free for the next thread (its active is 0: no call is running). */
#ifdef _WIN32
static void WINAPI release_reader(void *r)
#else
static void release_reader(void *r)
#endif
{
    if (r != NULL)
        atomic_store_explicit(&((tb_reader *)r)->owned, 0, memory_order_release);
}

/* Makes every store of every thread of the process visible to the caller's next loads. */
static void barrier(void)
{
#ifdef _WIN32
    FlushProcessWriteBuffers();
#elif defined(__linux__)
    if (!tb_guard_fence)
        syscall(__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0);
#endif
    atomic_thread_fence(memory_order_seq_cst);
}

/*
 * Keeps libtapibridge mapped for the life of the process: the thread-exit handler of every
 * thread that ever called a native is code of this library, so unmapping it (a class loader
 * collected with the library) would leave those threads to crash as they end.
 */
static void pin_self(void)
{
#ifdef _WIN32
    HMODULE self;
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                       (LPCWSTR)(void *)&tb_guard_slots, &self);
#else
    Dl_info info;
    if (dladdr((void *)&tb_guard_slots, &info) != 0 && info.dli_fname != NULL) {
#ifdef RTLD_NODELETE
        void *again = dlopen(info.dli_fname, RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD | RTLD_NODELETE);
        if (again != NULL)
            dlclose(again);
#else
        (void)dlopen(info.dli_fname, RTLD_NOW | RTLD_LOCAL); /* a reference never released */
#endif
    }
#endif
}

static void init_once(void)
{
    pin_self();
#ifdef _WIN32
    if (reader_key == FLS_OUT_OF_INDEXES)
        reader_key = FlsAlloc(release_reader);
    tb_guard_fence = 0;
#else
    if (!reader_key_made)
        reader_key_made = pthread_key_create(&reader_key, release_reader) == 0;
#ifdef __linux__
    /* Registration makes the expedited barrier available (Linux 4.14); else enter fences. */
    if (syscall(__NR_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0) == 0)
        tb_guard_fence = 0;
#endif
#endif
}

/*
 * Runs init_once exactly once, whoever calls first (JNI_OnLoad, or tapibridge_ffm_open when only
 * a symbol lookup loaded the library); a concurrent caller waits until it is done. A spinning
 * flag rather than pthread_once or InitOnceExecuteOnce: the same code on every platform.
 */
static atomic_int init_state; /* 0: not started, 1: running, 2: done */

void tb_guard_init(void)
{
    int expected = 0;
    if (atomic_compare_exchange_strong(&init_state, &expected, 1)) {
        init_once();
        atomic_store_explicit(&init_state, 2, memory_order_release);
        return;
    }
    while (atomic_load_explicit(&init_state, memory_order_acquire) != 2) {
#ifdef _WIN32
        SwitchToThread();
#else
        sched_yield();
#endif
    }
}

tb_reader *tb_guard_attach(void)
{
    tb_reader *r;
    for (r = atomic_load_explicit(&readers, memory_order_acquire); r != NULL; r = r->next) {
        int free_record = 0;
        if (atomic_load_explicit(&r->owned, memory_order_relaxed) == 0
            && atomic_compare_exchange_strong(&r->owned, &free_record, 1))
            break;
    }
    if (r == NULL) {
        r = calloc(1, sizeof *r);
        if (r == NULL)
            return NULL;
        atomic_init(&r->active, 0);
        atomic_init(&r->owned, 1);
        tb_reader *head = atomic_load_explicit(&readers, memory_order_relaxed);
        do {
            r->next = head;
        } while (!atomic_compare_exchange_weak(&readers, &head, r));
    }
#ifdef _WIN32
    if (reader_key != FLS_OUT_OF_INDEXES)
        FlsSetValue(reader_key, r);
#else
    if (reader_key_made)
        pthread_setspecific(reader_key, r);
#endif
    tb_guard_self = r;
    return r;
}

static void lock_slots(void)
{
    while (atomic_flag_test_and_set_explicit(&slots_lock, memory_order_acquire)) {
#ifdef _WIN32
        SwitchToThread();
#else
        sched_yield();
#endif
    }
}

static void unlock_slots(void)
{
    atomic_flag_clear_explicit(&slots_lock, memory_order_release);
}

int64_t tb_guard_publish(tb_provider *p)
{
    int64_t handle = 0;
    lock_slots();
    for (uint32_t i = 0; i < TB_GUARD_SLOTS; i++) {
        tb_guard_slot *s = &tb_guard_slots[i];
        if (!s->reserved) {
            s->reserved = 1;
            if (++s->generation == 0)
                s->generation = 1;
            p->generation = s->generation;
            atomic_store_explicit(&s->provider, p, memory_order_release);
            handle = (int64_t)(((uint64_t)s->generation << 32) | i);
            break;
        }
    }
    unlock_slots();
    return handle;
}

/* A call in flight holds the retiring thread for as long as it runs (lineGetMessage: seconds). */
static void pause_briefly(unsigned round)
{
    if (round < 64)
        return;
#ifdef _WIN32
    Sleep(round < 1024 ? 0 : 1);
#else
    if (round < 1024) {
        sched_yield();
    } else {
        struct timespec ts = { 0, 200000 };
        nanosleep(&ts, NULL);
    }
#endif
}

tb_provider *tb_guard_retire(int64_t handle)
{
    uint32_t slot = (uint32_t)handle & (TB_GUARD_SLOTS - 1);
    uint32_t generation = (uint32_t)((uint64_t)handle >> 32);
    if (generation == 0 || ((uint32_t)handle & ~(uint32_t)(TB_GUARD_SLOTS - 1)) != 0)
        return NULL;
    tb_guard_slot *s = &tb_guard_slots[slot];
    lock_slots();
    tb_provider *p = atomic_load_explicit(&s->provider, memory_order_relaxed);
    if (p == NULL || s->generation != generation) {
        unlock_slots();
        return NULL;
    }
    atomic_store_explicit(&s->provider, NULL, memory_order_seq_cst);
    unlock_slots();
    barrier();
    for (tb_reader *r = atomic_load_explicit(&readers, memory_order_acquire); r != NULL;
         r = r->next) {
        for (unsigned round = 0;
             atomic_load_explicit(&r->active, memory_order_acquire) == slot + 1; round++)
            pause_briefly(round);
    }
    lock_slots();
    s->reserved = 0;
    unlock_slots();
    return p;
}

int tb_guard_in_flight(int64_t handle)
{
    uint32_t slot = (uint32_t)handle & (TB_GUARD_SLOTS - 1);
    int n = 0;
    barrier();
    for (tb_reader *r = atomic_load_explicit(&readers, memory_order_acquire); r != NULL;
         r = r->next) {
        if (atomic_load_explicit(&r->active, memory_order_acquire) == slot + 1)
            n++;
    }
    return n;
}
