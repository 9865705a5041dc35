/*
 * tapisim-bench --switches N: what an isolated switch costs in native terms. One cycle is what
 * Simulator.create() and a Tapi on it do below Java: copy libtapisim to a file of its own, load
 * it (RTLD_LOCAL), reset it, initialise an application, open a line, shut the application down,
 * reset, unload the copy and delete the file. It reports the median time per cycle, and malloc's
 * bytes in use and the process's memory mappings after a warm-up of N / 10 and after every tenth:
 * a copy that stayed loaded would add mappings, one that left its heap behind would add bytes.
 * Exit status 1 if either grew; 77 where there is no glibc mallinfo2 or no /proc/self/maps.
 */
#define _GNU_SOURCE 1 /* dladdr */
#include "switches.h"

#include <stdio.h>

#if defined(__linux__) && defined(__GLIBC__) \
    && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#include <dlfcn.h>
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tapi_abi.h"
#include "tapisim.h"

typedef LONG (*reset_fn)(void);
typedef LONG (WINAPI *init_fn)(LPHLINEAPP, HINSTANCE, LINECALLBACK, LPCWSTR, LPDWORD, LPDWORD,
                               LPLINEINITIALIZEEXPARAMS);
typedef LONG (WINAPI *open_fn)(HLINEAPP, DWORD, LPHLINE, DWORD, DWORD, DWORD_PTR, DWORD, DWORD,
                               LPLINECALLPARAMS);
typedef LONG (WINAPI *shutdown_fn)(HLINEAPP);

static uint64_t clock_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static long mappings(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    if (f == NULL)
        return -1;
    long n = 0;
    for (int c; (c = fgetc(f)) != EOF;)
        n += c == '\n';
    fclose(f);
    return n;
}

static int copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    int ok = in != NULL && out != NULL;
    char buf[65536];
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
        ok = fwrite(buf, 1, n, out) == n;
    ok = ok && !ferror(in);
    if (in != NULL)
        fclose(in);
    if (out != NULL)
        ok = fclose(out) == 0 && ok;
    return ok;
}

/* One isolated switch's life; 0 on success, else a message on stderr. */
static int one_switch(const char *library, const char *copy)
{
    if (!copy_file(library, copy)) {
        fprintf(stderr, "tapisim-bench: cannot copy %s to %s: %s\n", library, copy, strerror(errno));
        return -1;
    }
    void *h = dlopen(copy, RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) {
        fprintf(stderr, "tapisim-bench: %s\n", dlerror());
        return -1;
    }
    reset_fn reset = (reset_fn)dlsym(h, "tapisim_reset");
    init_fn init = (init_fn)dlsym(h, "lineInitializeExW");
    open_fn open = (open_fn)dlsym(h, "lineOpenW");
    shutdown_fn shut = (shutdown_fn)dlsym(h, "lineShutdown");
    LONG r = -1;
    if (reset != NULL && init != NULL && open != NULL && shut != NULL) {
        HLINEAPP app = 0;
        HLINE line = 0;
        DWORD devices = 0, version = 0x00030001u;
        LINEINITIALIZEEXPARAMS p;
        memset(&p, 0, sizeof p);
        p.dwTotalSize = sizeof p;
        p.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
        r = reset();
        if (r == 0)
            r = init(&app, NULL, NULL, NULL, &devices, &version, &p);
        if (r == 0) {
            r = open(app, 0, &line, version, 0, 0, LINECALLPRIVILEGE_OWNER,
                     LINEMEDIAMODE_INTERACTIVEVOICE, NULL);
            LONG s = shut(app);
            r = r != 0 ? r : s;
        }
        if (r == 0)
            r = reset();
    }
    dlclose(h);
    unlink(copy);
    if (r != 0)
        fprintf(stderr, "tapisim-bench: a switch failed: 0x%08lX\n", (unsigned long)(DWORD)r);
    return r == 0 ? 0 : -1;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int run_switches(uint64_t cycles, const char *json)
{
    enum { STEPS = 10 };
    Dl_info info;
    if (dladdr((void *)&tapisim_reset, &info) == 0 || info.dli_fname == NULL) {
        fprintf(stderr, "tapisim-bench: cannot find the file of libtapisim\n");
        return 2;
    }
    char copy[4096];
    snprintf(copy, sizeof copy, "%s.switch-%ld", info.dli_fname, (long)getpid());
    uint64_t *ns = malloc(cycles * sizeof *ns);
    if (ns == NULL)
        return 2;
    uint64_t warmUp = cycles / 10 + 1, at[STEPS + 1];
    size_t bytes[STEPS + 1];
    long maps[STEPS + 1];
    for (uint64_t i = 0; i < warmUp; i++)
        if (one_switch(info.dli_fname, copy) != 0)
            return 2;
    at[0] = 0;
    maps[0] = mappings(); /* first: its first fopen leaves stdio's state behind */
    bytes[0] = mallinfo2().uordblks;
    uint64_t done = 0;
    for (int s = 1; s <= STEPS; s++) {
        uint64_t until = s == STEPS ? cycles : cycles / STEPS * (uint64_t)s;
        for (; done < until; done++) {
            uint64_t t0 = clock_ns();
            if (one_switch(info.dli_fname, copy) != 0)
                return 2;
            ns[done] = clock_ns() - t0;
        }
        at[s] = done;
        maps[s] = mappings();
        bytes[s] = mallinfo2().uordblks;
    }
    qsort(ns, cycles, sizeof *ns, cmp_u64);
    double median = ns[cycles / 2] / 1e3;
    free(ns);
    printf("%12s %16s %10s\n", "switches", "malloc in use", "mappings");
    for (int s = 0; s <= STEPS; s++)
        printf("%12llu %16zu %10ld\n", (unsigned long long)at[s], bytes[s], maps[s]);
    long long growth = (long long)bytes[STEPS] - (long long)bytes[0];
    long mapGrowth = maps[STEPS] - maps[0];
    printf("median %.1f us per switch; growth after warm-up: %+lld bytes, %+ld mappings\n", median,
           growth, mapGrowth);
    if (json != NULL) {
        FILE *f = fopen(json, "w");
        if (f == NULL) {
            fprintf(stderr, "tapisim-bench: cannot write %s: %s\n", json, strerror(errno));
            return 2;
        }
        fprintf(f, "{\n  \"tool\": \"tapisim-bench --switches\",\n  \"warmUpCycles\": %llu,\n"
                   "  \"medianMicros\": %.2f,\n  \"samples\": [\n",
                (unsigned long long)warmUp, median);
        for (int s = 0; s <= STEPS; s++)
            fprintf(f, "    {\"cycles\": %llu, \"mallocInUse\": %zu, \"mappings\": %ld}%s\n",
                    (unsigned long long)at[s], bytes[s], maps[s], s < STEPS ? "," : "");
        fprintf(f, "  ]\n}\n");
        fclose(f);
    }
    return growth > 0 || mapGrowth > 0 ? 1 : 0;
}

#else

int run_switches(uint64_t cycles, const char *json)
{
    (void)cycles;
    (void)json;
    /* Exit status 77: ctest reports the test as skipped, with this reason. */
    printf("--switches skipped: it needs Linux with glibc 2.33 or later (dlopen, mallinfo2,"
           " /proc/self/maps)\n");
    return 77;
}

#endif
