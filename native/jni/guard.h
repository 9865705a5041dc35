/*
 * The call guard of libtapibridge: which providers are open, and which thread is calling which.
 *
 * A provider's Java handle is not its address but a slot index with a generation, so a closed or
 * forged handle is refused instead of followed. Every native that calls a provider enters the
 * guard first (the PROVIDER macro of jni_util.h) and leaves it when it returns: entering is a
 * plain store of the slot into the calling thread's own record and a load of the slot, with no
 * locked instruction and no shared cache line written. tb_guard_retire, the rare side, pays for
 * that: it empties the slot, makes every other thread's stores visible with a process-wide
 * barrier (membarrier on Linux, FlushProcessWriteBuffers on Windows; where neither is available
 * the enter side falls back to a full fence), then waits until no thread's record names the slot.
 * A thread that entered before the slot was emptied is then seen and waited for; one that enters
 * after it finds the slot empty. This is the read side of RCU with the writer's barrier moved to
 * the kernel (as liburcu's membarrier flavour does).
 *
 * A thread calls one provider at a time: nothing a provider does calls back into a native.
 */
#ifndef TAPIBRIDGE_GUARD_H
#define TAPIBRIDGE_GUARD_H

#include <stdatomic.h>
#include <stdint.h>

#include "provider.h"

/* Providers open at once, in the whole process. */
#define TB_GUARD_SLOTS 4096

/* One per thread that has called a native; reused after its thread ends. */
typedef struct tb_reader {
    atomic_uint active;          /* the slot + 1 of the provider being called, or 0 */
    atomic_int owned;            /* a live thread uses this record */
    struct tb_reader *next;      /* the list of every record, never shortened */
} tb_reader;

typedef struct tb_guard_slot {
    _Atomic(tb_provider *) provider; /* NULL while free or being retired */
    uint32_t generation;             /* of the handle that names the provider now */
    int reserved;                    /* open, or retiring: not free for a new provider */
} tb_guard_slot;

extern tb_guard_slot tb_guard_slots[TB_GUARD_SLOTS];
extern int tb_guard_fence;       /* no process-wide barrier: entering fences */
/*
 * The calling thread's record. On ELF the initial-exec model makes reading it one load from the
 * thread pointer instead of a call to __tls_get_addr on every native (the default for a library
 * loaded with dlopen): one pointer of the static TLS space glibc keeps for such libraries.
 */
#if defined(__ELF__) && defined(__GNUC__)
#define TB_TLS_MODEL __attribute__((tls_model("initial-exec")))
#else
#define TB_TLS_MODEL
#endif
extern _Thread_local tb_reader *tb_guard_self TB_TLS_MODEL;

/* Before any other function here (JNI_OnLoad, tapibridge_ffm_open); later calls do nothing. */
void tb_guard_init(void);

/* The calling thread's record, made on its first call; NULL when out of memory. */
tb_reader *tb_guard_attach(void);

/* Gives p a slot: returns its handle (never 0), or 0 when every slot is taken. */
int64_t tb_guard_publish(tb_provider *p);

/*
 * Empties the slot of handle and waits until no thread is calling through it; returns its
 * provider, now unreachable from Java, or NULL if the handle names no open provider (closed
 * already, or never opened). Must not be called by a thread inside the guard.
 */
tb_provider *tb_guard_retire(int64_t handle);

/* Threads calling through handle now (for tests that must know a call is running). */
int tb_guard_in_flight(int64_t handle);

static inline tb_reader *tb_guard_reader(void)
{
    tb_reader *r = tb_guard_self;
    return r != NULL ? r : tb_guard_attach();
}

/* Enters for handle: its provider, or NULL (nothing entered) if it names no open provider. */
static inline tb_provider *tb_guard_enter(tb_reader *r, int64_t handle)
{
    uint32_t slot = (uint32_t)handle & (TB_GUARD_SLOTS - 1);
    if ((uint64_t)handle >> 32 == 0 || ((uint32_t)handle & ~(uint32_t)(TB_GUARD_SLOTS - 1)) != 0)
        return NULL;
    atomic_store_explicit(&r->active, slot + 1, memory_order_relaxed);
    if (tb_guard_fence)
        atomic_thread_fence(memory_order_seq_cst);
    else
        atomic_signal_fence(memory_order_seq_cst); /* the store stays before the load */
    tb_provider *p = atomic_load_explicit(&tb_guard_slots[slot].provider, memory_order_acquire);
    if (p == NULL || p->generation != (uint32_t)((uint64_t)handle >> 32)) {
        atomic_store_explicit(&r->active, 0, memory_order_release);
        return NULL;
    }
    return p;
}

/* Leaves the guard (a cleanup handler: the argument is the reader's address). */
static inline void tb_guard_leave(tb_reader **r)
{
    if (*r != NULL)
        atomic_store_explicit(&(*r)->active, 0, memory_order_release);
}

#endif /* TAPIBRIDGE_GUARD_H */
