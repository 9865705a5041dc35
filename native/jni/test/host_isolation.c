/*
 * The JNI test host's checks of isolated switches: two private copies of libtapisim, opened
 * unpinned through the bridge, are two switches (a clock, applications and a reset of their
 * own), two opens of one copy are one switch, and the last close of a copy unmaps it, so that
 * its file can be deleted (which Windows refuses while a DLL is loaded).
 */
#include "jni_host.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapi_abi.h"
#include "tapisim.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <dlfcn.h>
#include <unistd.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif

#ifdef _WIN32
typedef WCHAR host_char;
#else
typedef char host_char;
#endif

#define V31 0x00030001
#define PTR(address) ((void *)(intptr_t)(address))

/* The native path of the simulator with a suffix; the caller frees it. */
#ifdef _WIN32
static host_char *copy_path(const host_path *sim, const char *suffix)
{
    size_t n = wcslen(sim->path), s = strlen(suffix);
    WCHAR *w = malloc((n + s + 1) * sizeof *w);
    if (w == NULL)
        return NULL;
    memcpy(w, sim->path, n * sizeof *w);
    for (size_t i = 0; i <= s; i++)
        w[n + i] = (WCHAR)(unsigned char)suffix[i];
    return w;
}

static FILE *open_file(const WCHAR *path, const char *mode)
{
    WCHAR m[4] = { 0 };
    for (int i = 0; i < 3 && mode[i] != '\0'; i++)
        m[i] = (WCHAR)mode[i];
    return _wfopen(path, m);
}

static int is_loaded(const WCHAR *path)
{
    return GetModuleHandleW(path) != NULL;
}

static int remove_file(const WCHAR *path)
{
    return DeleteFileW(path) != 0;
}
#else
static host_char *copy_path(const host_path *sim, const char *suffix)
{
    size_t n = strlen(sim->path), s = strlen(suffix);
    char *u = malloc(n + s + 1);
    if (u == NULL)
        return NULL;
    memcpy(u, sim->path, n);
    memcpy(u + n, suffix, s + 1);
    return u;
}

static FILE *open_file(const char *path, const char *mode)
{
    return fopen(path, mode);
}

static int is_loaded(const char *path)
{
    void *h = dlopen(path, RTLD_LAZY | RTLD_LOCAL | RTLD_NOLOAD);
    if (h != NULL)
        dlclose(h);
    return h != NULL;
}

static int remove_file(const char *path)
{
    return unlink(path) == 0;
}
#endif

/* Copies the simulator library byte for byte (a link would be the same library to the loader). */
static int copy_library(const host_path *sim, const char *suffix)
{
    host_char *to = copy_path(sim, suffix);
    FILE *in = open_file(sim->path, "rb"), *out = to != NULL ? open_file(to, "wb") : NULL;
    int ok = in != NULL && out != NULL;
    char buf[16384];
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
        ok = fwrite(buf, 1, n, out) == n;
    ok = ok && !ferror(in);
    if (in != NULL)
        fclose(in);
    if (out != NULL)
        ok = fclose(out) == 0 && ok;
    free(to);
    return ok;
}

static int loaded(const host_path *sim, const char *suffix)
{
    host_char *p = copy_path(sim, suffix);
    int r = p != NULL && is_loaded(p);
    free(p);
    return r;
}

static int removed(const host_path *sim, const char *suffix)
{
    host_char *p = copy_path(sim, suffix);
    int r = p != NULL && remove_file(p);
    free(p);
    return r;
}

/* The application name, made once: the fake JVM keeps every string until it shuts down. */
static jstring app_name(void)
{
    static jstring name;
    if (name == NULL)
        name = fj_string("tapibridge-jni-host");
    return name;
}

/* lineInitializeExW on p, in blocks of p; 0 if it failed. */
static jint initialize(jlong p, jlong app, jlong numDevs, jlong version, jlong params)
{
    LINEINITIALIZEEXPARAMS lp;
    memset(&lp, 0, sizeof lp);
    lp.dwTotalSize = sizeof lp;
    lp.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
    memcpy(PTR(params), &lp, sizeof lp);
    J(putInt, version, V31);
    jint r = J(lineInitializeExW, p, app, 0, app_name(), numDevs, version, params);
    return clean() && r == 0 ? J(getInt, app) : 0;
}

/* One isolated switch's life: copy, open unpinned, an application (its pointers probed), reset,
 * close, delete. */
static int switch_cycle(const host_path *sim, const char *suffix, jstring path)
{
    if (!copy_library(sim, suffix))
        return 0;
    jlong p = J(openProvider, path, JNI_FALSE);
    if (!clean() || p == 0)
        return 0;
    enum { APP, NUMDEVS, VERSION, PARAMS, BLOCKS };
    static const jlong sizes[BLOCKS] = { 4, 4, 4, sizeof(LINEINITIALIZEEXPARAMS) };
    jlong blk[BLOCKS];
    for (int i = 0; i < BLOCKS; i++)
        blk[i] = J(allocate, p, sizes[i]);
    jint app = initialize(p, blk[APP], blk[NUMDEVS], blk[VERSION], blk[PARAMS]);
    int ok = app != 0 && J(lineShutdown, p, app) == 0 && J(tapisim_reset, p) == 0 && clean();
    for (int i = 0; i < BLOCKS; i++)
        J(free, p, blk[i]);
    J(closeProvider, p);
    return ok && clean() && !loaded(sim, suffix) && removed(sim, suffix);
}

/* The heap after many isolated switches came and went is the heap before them: a switch's
 * library frees what it keeps across resets when it is unloaded. glibc only (mallinfo2). */
static void check_unload_frees(const host_path *sim)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    enum { WARM_UP = 8, CYCLES = 20 }; /* the loader and the fake JVM settle in 5 */
    jstring path = host_path_string(sim, ".switch-c");
    size_t before = 0;
    int ok = 1;
    for (int i = 0; i < WARM_UP + CYCLES && ok; i++) {
        if (i == WARM_UP)
            before = mallinfo2().uordblks; /* after the loader's one-time allocations */
        ok = switch_cycle(sim, ".switch-c", path);
    }
    size_t after = mallinfo2().uordblks;
    check(ok && after <= before + 1024,
          "%d isolated switches opened and closed leave the heap as it was (%+ld bytes)", CYCLES,
          (long)after - (long)before);
#else
    check(switch_cycle(sim, ".switch-c", host_path_string(sim, ".switch-c")), "an isolated switch opens and closes (no heap check"
                                          " without glibc's mallinfo2)");
#endif
}

void check_isolation(const host_path *sim)
{
    static const char *const A = ".switch-a", *const B = ".switch-b";
    if (!check(copy_library(sim, A) && copy_library(sim, B), "two private copies of %s",
               sim->label))
        return;
    jlong a = J(openProvider, host_path_string(sim, A), JNI_FALSE);
    jlong a2 = J(openProvider, host_path_string(sim, A), JNI_FALSE);
    jlong b = J(openProvider, host_path_string(sim, B), JNI_FALSE);
    if (!check(clean() && a != 0 && a2 != 0 && b != 0, "openProvider unpinned: both copies"))
        return;
    check(J(tapisim_reset, a) == 0 && J(tapisim_reset, b) == 0 && clean(), "reset both");
    check(J(tapisim_advance, a, 1500) == 0 && clean(), "advance copy a by 1500 ms");
    check((DWORD)J(tapisim_now, a) == 1500 && (DWORD)J(tapisim_now, a2) == 1500 && clean(),
          "both opens of copy a see its clock at 1500 ms");
    check((DWORD)J(tapisim_now, b) == 0 && clean(), "copy b's clock is still at 0");

    enum { APP, NUMDEVS, VERSION, PARAMS, MSG, BLOCKS };
    static const jlong sizes[BLOCKS] = { 4, 4, 4, sizeof(LINEINITIALIZEEXPARAMS),
                                         sizeof(LINEMESSAGE) };
    jlong blk[BLOCKS];
    for (int i = 0; i < BLOCKS; i++)
        blk[i] = J(allocate, a, sizes[i]);
    jint app = initialize(a, blk[APP], blk[NUMDEVS], blk[VERSION], blk[PARAMS]);
    check(app != 0, "lineInitializeExW on copy a");
    check(J(tapisim_reset, b) == 0 && clean(), "reset copy b");
    jint r = J(lineGetMessage, a, app, blk[MSG], 0);
    check(clean() && r == (jint)LINEERR_OPERATIONFAILED,
          "copy a's application outlives copy b's reset (lineGetMessage: no message, 0x%08lX)",
          (unsigned long)(DWORD)r);
    check(J(tapisim_reset, a) == 0 && clean(), "reset copy a");
    r = J(lineGetMessage, a, app, blk[MSG], 0);
    check(clean() && r == (jint)LINEERR_INVALAPPHANDLE,
          "copy a's own reset shuts its application down (0x%08lX)", (unsigned long)(DWORD)r);
    for (int i = 0; i < BLOCKS; i++)
        J(free, a, blk[i]);

    J(closeProvider, a);
    check(clean() && loaded(sim, A), "copy a stays loaded while another open holds it");
    J(closeProvider, a2);
    check(clean() && !loaded(sim, A), "the last close unmaps copy a");
    check(loaded(sim, B), "copy b is still loaded");
    check(removed(sim, A), "copy a's file can be deleted");
    J(closeProvider, b);
    check(clean() && !loaded(sim, B) && removed(sim, B),
          "the close of copy b unmaps it; its file can be deleted");
    check_unload_frees(sim);
}
