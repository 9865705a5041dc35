/*
 * Pointer probes: can the caller's memory be read (or read and written) over a given size?
 * tapi32 answers LINEERR_INVALPOINTER for a bad pointer because its client side probes every
 * pointer argument (IsBadReadPtr/IsBadWritePtr over the size the argument declares) before it
 * uses it. The simulator does the same without ever touching memory it has not proved mapped:
 * it must not install a SIGSEGV handler (a JVM owns that signal) and mingw has no __try.
 *
 * A probe rejects at once a range that wraps, anything in the first 64 KiB (never mapped on
 * Windows; Linux's default vm.mmap_min_addr) and anything beyond the user address space. Then it
 * asks the memory map: /proc/self/maps on Linux (read once, read again when an address is not in
 * it), VirtualQuery on Windows. Regions found good go into a small cache, so that the buffers an
 * application reuses cost a few nanoseconds. Everything here runs under g_sim.lock.
 *
 * The cache (and on Linux the copy of the map) can be stale: memory unmapped after its region was
 * looked up is still taken as good, where tapi32's exception-based probe would notice. It is
 * emptied by tapisim_reset and lineShutdown, and whenever a probe at reply time (sim_writable_now,
 * which asks the system afresh) finds memory gone. Other systems than Linux and Windows have only
 * the cheap rejections.
 */
#define _DEFAULT_SOURCE 1 /* mincore */
#include "sim_internal.h"

#include <stdlib.h>
#include <string.h>

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/mman.h>
#endif
#endif

#define SIM_READ  1
#define SIM_WRITE 2              /* write probes also need read (the Get functions read dwTotalSize) */
#define CACHE_SIZE 16
#define STR_MAX (64u * 1024u)     /* characters scanned for a terminator; longer is refused */

#define LOW_LIMIT ((uintptr_t)0x10000)
#if defined(__x86_64__) || defined(_M_X64)
#define HIGH_LIMIT ((uintptr_t)0x00007FFFFFFFFFFFull) /* last user address, 47-bit */
#elif defined(__aarch64__) || defined(_M_ARM64)
#define HIGH_LIMIT ((uintptr_t)0x0000FFFFFFFFFFFFull) /* 48-bit */
#else
#define HIGH_LIMIT UINTPTR_MAX
#endif

/* Under AddressSanitizer (x86-64 Linux) the range from its low shadow to the end of its high
 * shadow is the sanitizer's, mapped read-write but never application memory. */
#if defined(__SANITIZE_ADDRESS__)
#define SIM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIM_ASAN 1
#endif
#endif
#if defined(SIM_ASAN) && defined(__linux__) && defined(__x86_64__)
#define ASAN_LO ((uintptr_t)0x00007FFF8000ull)
#define ASAN_HI ((uintptr_t)0x10007FFF8000ull)
#endif

typedef struct { uintptr_t lo, hi; int prot; } region;

static struct {
    region cache[CACHE_SIZE];    /* most recently used first */
    int ncache;
#ifdef __linux__
    region *map;                 /* readable mappings, sorted, adjacent equal ones merged */
    size_t nmap, mapCap;
    int mapValid;
    char *text;
    size_t textCap;
#endif
} g_mem;

sim_span sim_hot_r, sim_hot_rw;

#if defined(__linux__) && defined(__GNUC__)
/* The copy of the memory map outlives resets (it is a cache). When the library is unloaded (the
 * private copy of an isolated switch closing) it goes back to the heap, or every switch that came
 * and went would leave it behind. Also run at exit, so under the lock: a thread may still probe. */
__attribute__((destructor)) static void mem_release(void)
{
    sim_lock();
    free(g_mem.map);
    free(g_mem.text);
    g_mem.map = NULL;
    g_mem.text = NULL;
    g_mem.nmap = g_mem.mapCap = g_mem.textCap = 0;
    g_mem.mapValid = 0;
    sim_unlock();
}
#endif

static void set_hot(const region *r)
{
    sim_span s = { r->lo, r->hi - r->lo };
    if (r->prot & SIM_READ)
        sim_hot_r = s;
    if ((r->prot & (SIM_READ | SIM_WRITE)) == (SIM_READ | SIM_WRITE))
        sim_hot_rw = s;
}

void sim_mem_forget(void)
{
    static const sim_span none = { 0, 0 };
    sim_hot_r = sim_hot_rw = none;
    g_mem.ncache = 0;
#ifdef __linux__
    g_mem.mapValid = 0;
#endif
}

static void cache_put(const region *r)
{
    int n = g_mem.ncache < CACHE_SIZE ? g_mem.ncache + 1 : CACHE_SIZE;
    memmove(&g_mem.cache[1], &g_mem.cache[0], (size_t)(n - 1) * sizeof(region));
    g_mem.cache[0] = *r;
    g_mem.ncache = n;
}

/* ---- the system's memory map ------------------------------------------------------------- */

#ifdef __linux__
static uintptr_t hex(const char **s)
{
    uintptr_t v = 0;
    for (;; (*s)++) {
        char c = **s;
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0)
            return v;
        v = v * 16 + (uintptr_t)d;
    }
}

static int map_add(uintptr_t lo, uintptr_t hi, int prot)
{
#ifdef ASAN_LO
    if (lo < ASAN_HI && hi > ASAN_LO)
        return 0;
#endif
    if (g_mem.nmap > 0 && g_mem.map[g_mem.nmap - 1].hi == lo && g_mem.map[g_mem.nmap - 1].prot == prot) {
        g_mem.map[g_mem.nmap - 1].hi = hi;
        return 0;
    }
    if (g_mem.nmap == g_mem.mapCap) {
        size_t ncap = g_mem.mapCap ? g_mem.mapCap * 2 : 256;
        region *nm = realloc(g_mem.map, ncap * sizeof *nm);
        if (nm == NULL)
            return -1;
        g_mem.map = nm;
        g_mem.mapCap = ncap;
    }
    g_mem.map[g_mem.nmap].lo = lo;
    g_mem.map[g_mem.nmap].hi = hi;
    g_mem.map[g_mem.nmap].prot = prot;
    g_mem.nmap++;
    return 0;
}

/* Reads /proc/self/maps ("lo-hi rwxp ..."): the readable mappings and whether they are writable. */
static int map_read(void)
{
    g_mem.mapValid = 0;
    g_mem.nmap = 0;
    int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t len = 0;
    for (;;) {
        if (g_mem.textCap - len < 4096) {
            size_t ncap = g_mem.textCap ? g_mem.textCap * 2 : 65536;
            char *nt = realloc(g_mem.text, ncap);
            if (nt == NULL) {
                close(fd);
                return -1;
            }
            g_mem.text = nt;
            g_mem.textCap = ncap;
        }
        ssize_t n = read(fd, g_mem.text + len, g_mem.textCap - len - 1);
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    g_mem.text[len] = '\0';
    for (const char *s = g_mem.text; *s;) {
        uintptr_t lo = hex(&s);
        uintptr_t hi = *s == '-' ? (s++, hex(&s)) : 0;
        int prot = 0;
        if (*s == ' ' && s[1] == 'r')
            prot = SIM_READ | (s[2] == 'w' ? SIM_WRITE : 0);
        if (prot && hi > lo && map_add(lo, hi, prot) != 0)
            return -1;
        while (*s && *s != '\n')
            s++;
        if (*s)
            s++;
    }
    g_mem.mapValid = 1;
    return 0;
}

static int map_find(uintptr_t a, region *out)
{
    size_t lo = 0, hi = g_mem.nmap;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g_mem.map[mid].hi <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == g_mem.nmap || g_mem.map[lo].lo > a)
        return 0;
    *out = g_mem.map[lo];
    return 1;
}
#endif

/* The region around address `a` as the system sees it now (prot 0: not accessible). Linux: from
 * the copy of the map, which is read again when `a` is not in it or lacks `prot`. */
static int system_region(uintptr_t a, int prot, region *out)
{
#ifdef _WIN32
    (void)prot;
    MEMORY_BASIC_INFORMATION mbi;
    if (VirtualQuery((LPCVOID)a, &mbi, sizeof mbi) == 0)
        return 0;
    out->lo = (uintptr_t)mbi.BaseAddress;
    out->hi = out->lo + mbi.RegionSize;
    out->prot = 0;
    if (mbi.State == MEM_COMMIT && !(mbi.Protect & (PAGE_GUARD | PAGE_NOACCESS))) {
        const DWORD readable = PAGE_READONLY | PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READ
                             | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY;
        const DWORD writable = PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READWRITE
                             | PAGE_EXECUTE_WRITECOPY;
        out->prot = ((mbi.Protect & readable) ? SIM_READ : 0) | ((mbi.Protect & writable) ? SIM_WRITE : 0);
    }
    return 1;
#elif defined(__linux__)
    if (g_mem.mapValid && map_find(a, out) && (out->prot & prot) == prot)
        return 1;
    if (map_read() != 0)
        return 0;
    return map_find(a, out);
#else
    /* No map to ask: the cheap rejections are all there is. */
    (void)prot;
    out->lo = a;
    out->hi = HIGH_LIMIT;
    out->prot = SIM_READ | SIM_WRITE;
    return 1;
#endif
}

/* ---- probes ------------------------------------------------------------------------------ */

/* A region containing `a` that grants `prot`: from the cache, else from the system (cached). */
static int region_at(uintptr_t a, int prot, region *out)
{
    for (int i = 0; i < g_mem.ncache; i++) {
        region *r = &g_mem.cache[i];
        if (a >= r->lo && a < r->hi && (r->prot & prot) == prot) {
            *out = *r;
            set_hot(out);
            if (i > 0) { /* move to the front */
                memmove(&g_mem.cache[1], &g_mem.cache[0], (size_t)i * sizeof(region));
                g_mem.cache[0] = *out;
            }
            return 1;
        }
    }
    if (!system_region(a, prot, out) || (out->prot & prot) != prot)
        return 0;
    cache_put(out);
    set_hot(out);
    return 1;
}

static int cheap_ok(uintptr_t a, size_t n)
{
    uintptr_t b = a + n;
    return b >= a && a >= LOW_LIMIT && b - 1 <= HIGH_LIMIT;
}

static int access_ok(const void *p, size_t n, int prot)
{
    uintptr_t a = (uintptr_t)p;
    if (n == 0)
        return 1; /* as IsBadReadPtr(p, 0): nothing to access */
    if (!cheap_ok(a, n))
        return 0;
    for (uintptr_t b = a + n; a < b;) {
        region r;
        if (!region_at(a, prot, &r))
            return 0;
        a = r.hi;
    }
    return 1;
}

/* The slow paths of sim_readable/sim_writable and sim_struct_readable/sim_struct_writable. */
int sim_mem_probe(const void *p, size_t n, int write)
{
    return access_ok(p, n, write ? SIM_READ | SIM_WRITE : SIM_READ);
}

int sim_mem_struct(const void *p, int write)
{
    int prot = write ? SIM_READ | SIM_WRITE : SIM_READ;
    if (!access_ok(p, sizeof(DWORD), prot))
        return 0;
    DWORD total;
    memcpy(&total, p, sizeof total);
    return total <= sizeof(DWORD) || access_ok(p, total, prot);
}

/* A string of `unit`-byte characters, up to and including its terminator (at most STR_MAX). */
static int string_ok(const void *s, size_t unit)
{
    uintptr_t a = (uintptr_t)s;
    if (!cheap_ok(a, unit))
        return 0;
    uintptr_t limit = a + (uintptr_t)STR_MAX * unit;
    if (limit < a || limit - 1 > HIGH_LIMIT)
        limit = HIGH_LIMIT;
    while (a < limit) {
        region r;
        if (!region_at(a, SIM_READ, &r))
            return 0;
        uintptr_t end = r.hi < limit ? r.hi : limit;
        if (unit == 1) {
            if (memchr((const void *)a, 0, end - a) != NULL)
                return 1;
            a = end;
            continue;
        }
        for (; a + unit <= end; a += unit) {
            WCHAR w;
            memcpy(&w, (const void *)a, sizeof w);
            if (w == 0)
                return 1;
        }
        if (a < end) { /* a character across the end of the region */
            WCHAR w;
            if (!access_ok((const void *)a, unit, SIM_READ))
                return 0;
            memcpy(&w, (const void *)a, sizeof w);
            if (w == 0)
                return 1;
            a += unit;
        }
    }
    return 0;
}

int sim_str_readable(const char *s)
{
    return string_ok(s, 1);
}

int sim_wstr_readable(const WCHAR *s)
{
    return string_ok(s, sizeof(WCHAR));
}

int sim_writable_now(void *p, size_t n)
{
    uintptr_t a = (uintptr_t)p;
    if (n == 0)
        return 1;
    if (!cheap_ok(a, n))
        return 0;
#if defined(_WIN32)
    /* VirtualQuery is exact: ask it, not the cache. */
    for (uintptr_t b = a + n; a < b;) {
        region r;
        if (!system_region(a, SIM_READ | SIM_WRITE, &r) || (r.prot & (SIM_READ | SIM_WRITE)) != (SIM_READ | SIM_WRITE)) {
            sim_mem_forget();
            return 0;
        }
        a = r.hi;
    }
    return 1;
#elif defined(__linux__)
    /* mincore fails with ENOMEM where any page of the range is unmapped; the permissions then
     * come from the (cached) map. */
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    for (uintptr_t at = a & ~(page - 1), b = a + n; at < b;) {
        unsigned char vec[16];
        uintptr_t len = b - at < 16 * page ? b - at : 16 * page;
        if (mincore((void *)at, (size_t)len, vec) != 0) {
            sim_mem_forget();
            return 0;
        }
        at += len;
    }
    return sim_writable(p, n);
#else
    return sim_writable(p, n);
#endif
}
