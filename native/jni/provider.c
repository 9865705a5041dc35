/*
 * Loading a TAPI provider library and resolving its function table.
 *
 * The library is loaded once per tb_provider and, by default, pinned: closing a provider drops its
 * reference, but the code stays mapped for the life of the process. The process-wide libtapisim
 * is one switch per process (its state and its real-time clock thread must outlive any one
 * backend), and a thread that returns from a provider function must never land in unmapped code.
 * A private copy of libtapisim (an isolated switch) is opened unpinned instead: its owner quiesces
 * it before the last close, and that close unmaps it, so switches can come and go without the
 * process growing.
 */
#include "provider.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#else
#include <dlfcn.h>
#include <time.h>
#endif

#include "tapisim.h"

/* Compile-time proof that the table's signatures are those of the header (GCC, Clang). */
#if defined(__GNUC__)
#define TB_CHECK_TAPI(name, params)                                                             \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&name), LONG(WINAPI *) params),      \
                   #name ": signature differs from the TAPI header");
#define TB_CHECK_SIM(name, result, params)                                                      \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&name), result(*) params),           \
                   #name ": signature differs from tapisim.h");
TB_TAPI_FUNCTIONS(TB_CHECK_TAPI)
TB_TAPI_CALL_CONTROL_FUNCTIONS(TB_CHECK_TAPI)
TB_TAPI_TRANSFER_DIGITS_FUNCTIONS(TB_CHECK_TAPI)
TB_TAPI_ADDRESS_STATUS_FUNCTIONS(TB_CHECK_TAPI)
TB_TAPI_CONFERENCE_FUNCTIONS(TB_CHECK_TAPI)
TB_TAPISIM_FUNCTIONS(TB_CHECK_SIM)
TB_TAPISIM_OPTIONAL_FUNCTIONS(TB_CHECK_SIM)
#undef TB_CHECK_TAPI
#undef TB_CHECK_SIM
#endif

/* Any function pointer type converts to and from this one without a warning. */
typedef void (*tb_fn)(void);

static char *copy_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c != NULL)
        memcpy(c, s, n);
    return c;
}

#ifdef _WIN32

static void *load(const WCHAR *path, char *err, size_t errSize, const char *name)
{
    /* The system provider only from System32 (no DLL planting); any other library by its full
     * path, its dependencies searched beside it and in the default directories. */
    HMODULE m = path == NULL
        ? LoadLibraryExW(L"tapi32.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32)
        : LoadLibraryExW(path, NULL,
                         LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_DEFAULT_DIRS);
    if (m == NULL) {
        snprintf(err, errSize, "cannot load the TAPI provider %s: LoadLibraryExW failed, error %lu",
                 name, (unsigned long)GetLastError());
        return NULL;
    }
    return (void *)m;
}

static void pin(const WCHAR *path)
{
    HMODULE h;
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_PIN, path == NULL ? L"tapi32.dll" : path, &h);
}

static tb_fn symbol(void *module, const char *name)
{
    return (tb_fn)GetProcAddress((HMODULE)module, name);
}

static void unload(void *module)
{
    FreeLibrary((HMODULE)module);
}

static char *name_of(const WCHAR *path)
{
    if (path == NULL)
        return copy_string("tapi32.dll (System32)");
    int n = WideCharToMultiByte(CP_UTF8, 0, path, -1, NULL, 0, NULL, NULL);
    char *s = n > 0 ? malloc((size_t)n) : NULL;
    if (s != NULL)
        WideCharToMultiByte(CP_UTF8, 0, path, -1, s, n, NULL, NULL);
    return s;
}

#else /* !_WIN32 */

static void *load(const char *path, char *err, size_t errSize, const char *name)
{
    if (path == NULL) {
        snprintf(err, errSize, "the system TAPI provider (tapi32.dll) exists only on Windows");
        return NULL;
    }
    void *m = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (m == NULL) {
        const char *why = dlerror();
        snprintf(err, errSize, "cannot load the TAPI provider %s: %s", name,
                 why != NULL ? why : "dlopen failed");
    }
    return m;
}

/* Marks the loaded library RTLD_NODELETE (glibc, macOS, the BSDs), else takes a reference that
 * is never released. A library refused for missing functions is not pinned. */
static void pin(const char *path)
{
#if defined(RTLD_NOLOAD) && defined(RTLD_NODELETE)
    void *again = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD | RTLD_NODELETE);
    if (again != NULL)
        dlclose(again);
#else
    (void)dlopen(path, RTLD_NOW | RTLD_LOCAL);
#endif
}

static tb_fn symbol(void *module, const char *name)
{
    return (tb_fn)dlsym(module, name);
}

static void unload(void *module)
{
    dlclose(module);
}

static char *name_of(const char *path)
{
    return copy_string(path == NULL ? "tapi32.dll (System32)" : path);
}

#endif /* !_WIN32 */

/* Appends ", name" (or "name" first) to the list in buf, truncating with "..." when full. */
static void append_name(char *buf, size_t size, const char *name)
{
    size_t used = strlen(buf);
    int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", name);
    if (n < 0 || (size_t)n >= size - used) {
        if (size >= 4)
            memcpy(buf + size - 4, "...", 4);
    }
}

int tb_provider_open(const tb_path_char *path, int flags, tb_provider **out, char *err,
                     size_t errSize)
{
    *out = NULL;
    if (errSize > 0)
        err[0] = '\0';
    tb_provider *p = calloc(1, sizeof *p);
    if (p == NULL)
        return TB_ERR_NOMEM;
    atomic_init(&p->live, 0);
    p->label = name_of(path);
    if (p->label == NULL) {
        free(p);
        return TB_ERR_NOMEM;
    }
#ifndef _WIN32
    if (path == NULL) {
        load(NULL, err, errSize, p->label);
        free(p->label);
        free(p);
        return TB_ERR_NOSYSTEM;
    }
#endif
    p->module = load(path, err, errSize, p->label);
    if (p->module == NULL) {
        free(p->label);
        free(p);
        return TB_ERR_LOAD;
    }

    char missing[512] = "";
    tb_fn f;
#define TB_RESOLVE(fn, params)                                                                  \
    f = symbol(p->module, #fn);                                                                 \
    if (f == NULL)                                                                              \
        append_name(missing, sizeof missing, #fn);                                              \
    p->fn = (LONG(WINAPI *) params)f;
    TB_TAPI_FUNCTIONS(TB_RESOLVE)
#undef TB_RESOLVE
    if (missing[0] != '\0') {
        snprintf(err, errSize, "%s is not a TAPI 2.x provider: it does not export %s", p->label,
                 missing);
        unload(p->module);
        free(p->label);
        free(p);
        return TB_ERR_SYMBOLS;
    }

    int all = 1;
#define TB_RESOLVE(fn, params)                                                                  \
    f = symbol(p->module, #fn);                                                                 \
    all = all && f != NULL;                                                                     \
    p->fn = (LONG(WINAPI *) params)f;
    TB_TAPI_CALL_CONTROL_FUNCTIONS(TB_RESOLVE)
    p->callControl = all;
    all = 1;
    TB_TAPI_TRANSFER_DIGITS_FUNCTIONS(TB_RESOLVE)
    p->transferDigits = all;
    all = 1;
    TB_TAPI_ADDRESS_STATUS_FUNCTIONS(TB_RESOLVE)
    p->addressStatus = all;
    all = 1;
    TB_TAPI_CONFERENCE_FUNCTIONS(TB_RESOLVE)
    p->conference = all;
#undef TB_RESOLVE
#define TB_CLEAR(fn, params) p->fn = NULL;
    if (!p->callControl) {
        TB_TAPI_CALL_CONTROL_FUNCTIONS(TB_CLEAR)
    }
    if (!p->transferDigits) {
        TB_TAPI_TRANSFER_DIGITS_FUNCTIONS(TB_CLEAR)
    }
    if (!p->addressStatus) {
        TB_TAPI_ADDRESS_STATUS_FUNCTIONS(TB_CLEAR)
    }
    if (!p->conference) {
        TB_TAPI_CONFERENCE_FUNCTIONS(TB_CLEAR)
    }
#undef TB_CLEAR

    all = 1;
#define TB_RESOLVE(fn, result, params)                                                          \
    f = symbol(p->module, #fn);                                                                 \
    all = all && f != NULL;                                                                     \
    p->fn = (result(*) params)f;
    TB_TAPISIM_FUNCTIONS(TB_RESOLVE)
    p->simulator = all;
    TB_TAPISIM_OPTIONAL_FUNCTIONS(TB_RESOLVE)
#undef TB_RESOLVE
    if (!p->simulator) {
#define TB_CLEAR(fn, result, params) p->fn = NULL;
        TB_TAPISIM_OPTIONAL_FUNCTIONS(TB_CLEAR)
#undef TB_CLEAR
    }

    if (flags != TB_OPEN_UNPINNED)
        pin(path);
    *out = p;
    return TB_OK;
}

void tb_provider_close(tb_provider *p)
{
    if (p == NULL)
        return;
#ifdef _WIN32
    for (int i = 0; i < TB_APP_EVENTS; i++) { /* applications never shut down through p */
        if (p->events[i].event != NULL)
            CloseHandle(p->events[i].event);
    }
#endif
    unload(p->module);
    free(p->label);
    free(p);
}

void *tb_mem_alloc(tb_provider *p, size_t size)
{
    void *block = calloc(1, size == 0 ? 1 : size);
    if (block != NULL)
        atomic_fetch_add_explicit(&p->live, 1, memory_order_relaxed);
    return block;
}

void tb_mem_free(tb_provider *p, void *block)
{
    if (block == NULL)
        return;
    free(block);
    atomic_fetch_sub_explicit(&p->live, 1, memory_order_relaxed);
}

long long tb_mem_live(tb_provider *p)
{
    return atomic_load_explicit(&p->live, memory_order_relaxed);
}

/* ---- the drain's spin (tb_get_messages) ---------------------------------------------------- */

#ifdef _WIN32
uint64_t tb_mono_ns(void)
{
    static LARGE_INTEGER frequency; /* written with the same value by every first caller */
    LARGE_INTEGER now;
    if (frequency.QuadPart == 0)
        QueryPerformanceFrequency(&frequency);
    QueryPerformanceCounter(&now);
    return (uint64_t)(now.QuadPart / frequency.QuadPart) * 1000000000u
         + (uint64_t)(now.QuadPart % frequency.QuadPart) * 1000000000u / (uint64_t)frequency.QuadPart;
}
#else
uint64_t tb_mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
#endif

/* A spin-wait hint: lets the sibling hardware thread run, and saves power, while nothing changes. */
static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

int tb_await_activity(tb_provider *p, DWORD seen, uint64_t deadlineNs)
{
    for (;;) {
        for (int i = 0; i < 64; i++) { /* a few microseconds of pauses between clock reads */
            if (p->tapisim_activity() != seen)
                return 1;
            cpu_relax();
        }
        if (tb_mono_ns() >= deadlineNs)
            return 0;
    }
}

#ifdef _WIN32
tb_app_event *tb_event_enter(tb_provider *p, HLINEAPP hLineApp)
{
    if (hLineApp == 0)
        return NULL;
    for (int i = 0; i < TB_APP_EVENTS; i++) {
        tb_app_event *e = &p->events[i];
        if (atomic_load_explicit(&e->app, memory_order_relaxed) != hLineApp)
            continue;
        /* Counted, then looked at again: either forget_event sees the count and waits, or this
         * sees the entry forgotten (both sequentially consistent). */
        atomic_fetch_add(&e->pollers, 1);
        if (atomic_load(&e->app) == hLineApp)
            return e;
        atomic_fetch_sub(&e->pollers, 1);
        return NULL;
    }
    return NULL;
}

int tb_await_event(tb_app_event *e, HLINEAPP hLineApp, uint64_t deadlineNs)
{
    for (;;) {
        for (int i = 0; i < 32; i++) { /* a system call each: fewer polls between clock reads */
            if (atomic_load_explicit(&e->app, memory_order_relaxed) != hLineApp)
                return 0; /* forgotten: tb_line_shutdown waits for this drain */
            DWORD w = WaitForSingleObject(e->event, 0);
            if (w == WAIT_OBJECT_0) /* past the deadline, block: it returns at once if queued */
                return tb_mono_ns() < deadlineNs;
            if (w != WAIT_TIMEOUT)
                return 0; /* WAIT_FAILED: block instead */
            cpu_relax();
        }
        if (tb_mono_ns() >= deadlineNs)
            return 0;
    }
}

/* Empties hLineApp's entry, waits until no drain polls it, closes the duplicate. Lock held. */
static void forget_event(tb_provider *p, HLINEAPP hLineApp)
{
    for (int i = 0; i < TB_APP_EVENTS; i++) {
        tb_app_event *e = &p->events[i];
        if (atomic_load_explicit(&e->app, memory_order_relaxed) != hLineApp)
            continue;
        atomic_store(&e->app, 0);
        while (atomic_load(&e->pollers) != 0)
            SwitchToThread(); /* a drain leaves within a poll of seeing the entry empty */
        CloseHandle(e->event);
        e->event = NULL;
        return;
    }
}

/* Records hLineApp's hEvent in a free entry, replacing one of a handle TAPI has reused. */
static void note_event(tb_provider *p, HLINEAPP hLineApp, HANDLE event)
{
    HANDLE own;
    HANDLE self = GetCurrentProcess();
    if (hLineApp == 0 || event == NULL
        || !DuplicateHandle(self, event, self, &own, SYNCHRONIZE, FALSE, 0))
        return; /* no spin for this application */
    AcquireSRWLockExclusive(&p->eventsLock);
    forget_event(p, hLineApp); /* an application that ended without tb_line_shutdown */
    tb_app_event *e = NULL;
    for (int i = 0; i < TB_APP_EVENTS && e == NULL; i++) {
        if (atomic_load_explicit(&p->events[i].app, memory_order_relaxed) == 0)
            e = &p->events[i];
    }
    if (e != NULL) {
        e->event = own;
        atomic_store(&e->app, hLineApp); /* publishes event to tb_event_enter */
    }
    ReleaseSRWLockExclusive(&p->eventsLock);
    if (e == NULL)
        CloseHandle(own); /* the table is full: this application's drain blocks at once */
}
#endif

/* ---- the functions that keep the table (tapijni.c) ------------------------------------------ */

LONG tb_line_initialize(tb_provider *p, LPHLINEAPP lphLineApp, HINSTANCE hInstance,
                        LPCWSTR lpszFriendlyAppName, LPDWORD lpdwNumDevs, LPDWORD lpdwAPIVersion,
                        LPLINEINITIALIZEEXPARAMS lpLineInitializeExParams)
{
    LONG r = p->lineInitializeExW(lphLineApp, hInstance, NULL, lpszFriendlyAppName, lpdwNumDevs,
                                  lpdwAPIVersion, lpLineInitializeExParams);
#ifdef _WIN32
    const LINEINITIALIZEEXPARAMS *x = lpLineInitializeExParams;
    if (r == 0 && x != NULL && lphLineApp != NULL
        && x->dwTotalSize >= offsetof(LINEINITIALIZEEXPARAMS, Handles) + sizeof x->Handles
        && (x->dwOptions & ~(DWORD)LINEINITIALIZEEXOPTION_CALLHUBTRACKING)
               == LINEINITIALIZEEXOPTION_USEEVENT)
        note_event(p, *lphLineApp, x->Handles.hEvent);
#endif
    return r;
}

LONG tb_line_shutdown(tb_provider *p, HLINEAPP hLineApp)
{
    LONG r = p->lineShutdown(hLineApp);
#ifdef _WIN32
    if (hLineApp != 0) {
        AcquireSRWLockExclusive(&p->eventsLock);
        forget_event(p, hLineApp);
        ReleaseSRWLockExclusive(&p->eventsLock);
    }
#endif
    return r;
}
