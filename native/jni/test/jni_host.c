/*
 * Runs libtapibridge without a JVM: JNI_OnLoad with the fake JavaVM of fake_jvm.c, the
 * registered natives checked against TapiJni.java and TapisimJni.java, misuse errors,
 * openSystemProvider (host_system.c) and a call completion round trip against libtapisim
 * (host_round_trip.c).
 * One "ok"/"not ok" line per check.
 *   tapibridge-jni-host <bridge library> <simulator library>
 */
#include "jni_host.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#include <shellapi.h>
#else
#include <dlfcn.h>
#endif

/* TapiJni.ABI_VERSION (it covers both classes), and every native declaration of TapiJni.java and
 * of TapisimJni.java, in the order of each file. */
#define TAPIJNI_ABI_VERSION 13

typedef struct {
    const char *name, *descriptor;
} declared_native;

static const declared_native tapijni_declared[] = {
    { "abiVersion", "()I" },
    { "openProvider", "(Ljava/lang/String;Z)J" },
    { "openSystemProvider", "()J" },
    { "closeProvider", "(J)V" },
    { "callsInFlight", "(J)I" },
    { "allocate", "(JJ)J" },
    { "free", "(JJ)V" },
    { "liveAllocations", "(J)J" },
    { "getInt", "(J)I" },
    { "putInt", "(JI)V" },
    { "read", "(J[BII)V" },
    { "write", "(J[BII)V" },
    { "view", "(JI)Ljava/nio/ByteBuffer;" },
    { "lineInitializeExW", "(JJJLjava/lang/String;JJJ)I" },
    { "lineShutdown", "(JI)I" },
    { "lineNegotiateAPIVersion", "(JIIIIJJ)I" },
    { "lineGetDevCapsW", "(JIIIIJ)I" },
    { "lineGetAddressCapsW", "(JIIIIIJ)I" },
    { "lineOpenW", "(JIIJIIJIIJ)I" },
    { "lineClose", "(JI)I" },
    { "lineSetStatusMessages", "(JIII)I" },
    { "lineGetLineDevStatusW", "(JIJ)I" },
    { "lineMakeCallW", "(JIJLjava/lang/String;IJ)I" },
    { "lineAnswer", "(JIJI)I" },
    { "lineDrop", "(JIJI)I" },
    { "lineDeallocateCall", "(JI)I" },
    { "lineGetCallInfoW", "(JIJ)I" },
    { "lineGetCallStatus", "(JIJ)I" },
    { "lineGetMessage", "(JIJI)I" },
    { "lineGetMessages", "(JIJIII)I" },
    { "lineCompleteCall", "(JIJII)I" },
    { "lineUncompleteCall", "(JII)I" },
    { "lineDialW", "(JILjava/lang/String;I)I" },
    { "lineHold", "(JI)I" },
    { "lineUnhold", "(JI)I" },
    { "lineSwapHold", "(JII)I" },
    { "lineRedirectW", "(JILjava/lang/String;I)I" },
    { "lineBlindTransferW", "(JILjava/lang/String;I)I" },
    { "lineGenerateDigitsW", "(JIILjava/lang/String;I)I" },
    { "lineMonitorDigits", "(JII)I" },
    { "lineGetAddressStatusW", "(JIIJ)I" },
    { "lineSetupTransferW", "(JIJJ)I" },
    { "lineCompleteTransfer", "(JIIJI)I" },
    { "lineAddToConference", "(JII)I" },
    { "lineRemoveFromConference", "(JI)I" },
};

static const declared_native tapisimjni_declared[] = {
    { "hasSimulatorControl", "(J)Z" },
    { "tapisim_reset", "(J)I" },
    { "tapisim_set_station", "(JLjava/lang/String;I)I" },
    { "tapisim_advance", "(JI)I" },
    { "tapisim_now", "(J)I" },
    { "tapisim_fail_next", "(JLjava/lang/String;I)I" },
    { "tapisim_set_option", "(JLjava/lang/String;I)I" },
    { "tapisim_trace", "(JJIJ)I" },
    { "tapisim_trace_clear", "(J)I" },
    { "tapisim_post_messages", "(JII)I" },
    /* topology */
    { "tapisim_set_lines", "(JI)I" },
    { "tapisim_set_line", "(JILjava/lang/String;Ljava/lang/String;)I" },
    { "tapisim_set_completion_caps", "(JIIII)I" },
    { "tapisim_set_completion_messages", "(JILjava/lang/String;)I" },
    { "tapisim_sync", "(JII)I" },
    { "tapisim_remote_call", "(JLjava/lang/String;Ljava/lang/String;Ljava/lang/String;J)I" },
    { "tapisim_remote_answer", "(JLjava/lang/String;)I" },
    { "tapisim_remote_hangup", "(JLjava/lang/String;)I" },
    { "tapisim_remote_call_ex", "(JLjava/lang/String;Ljava/lang/String;Ljava/lang/String;IJ)I" },
    { "tapisim_remote_digits", "(JLjava/lang/String;Ljava/lang/String;)I" },
    { "tapisim_set_addresses", "(JILjava/lang/String;)I" },
    { "tapisim_set_address_completion_caps", "(JIIIII)I" },
    { "tapisim_set_address_completion_messages", "(JIILjava/lang/String;)I" },
};

/* A class of the bridge and its declared natives. */
typedef struct {
    const char *cls, *label;
    const declared_native *declared;
    size_t count;
} declared_class;

#define COUNT(a) (sizeof(a) / sizeof *(a))
static const declared_class declared_classes[] = {
    { TAPIJNI_CLASS, "TapiJni", tapijni_declared, COUNT(tapijni_declared) },
    { TAPISIMJNI_CLASS, "TapisimJni", tapisimjni_declared, COUNT(tapisimjni_declared) },
};

host_natives nat;
static int passed, failed;

int check(int cond, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    fputs(cond ? "ok - " : "not ok - ", stdout);
    vprintf(format, ap);
    fputs("\n", stdout);
    va_end(ap);
    fflush(stdout);
    if (cond)
        passed++;
    else
        failed++;
    return cond;
}

int clean(void)
{
    if (fj_exception() == NULL)
        return 1;
    printf("# unexpected %s: %s\n", fj_exception(), fj_exception_message());
    fj_exception_clear();
    return 0;
}

int thrown(const char *name)
{
    const char *e = fj_exception();
    if (e == NULL) {
        printf("# no exception, expected %s\n", name);
        return 0;
    }
    int same = strcmp(e, name) == 0;
    printf("# %s%s: %s\n", same ? "" : "unexpected ", e, fj_exception_message());
    fj_exception_clear();
    return same;
}

/* ---- loading ------------------------------------------------------------------------------ */

typedef void (*any_fn)(void);
typedef jint (JNICALL *onload_fn)(JavaVM *, void *);

#ifdef _WIN32

static int host_path_of(host_path *hp, const WCHAR *arg)
{
    DWORD n = GetFullPathNameW(arg, 0, NULL, NULL);
    hp->path = n > 0 ? malloc(n * sizeof(WCHAR)) : NULL;
    if (hp->path == NULL || GetFullPathNameW(arg, n, hp->path, NULL) == 0)
        return 0;
    int u = WideCharToMultiByte(CP_UTF8, 0, hp->path, -1, NULL, 0, NULL, NULL);
    hp->label = u > 0 ? malloc((size_t)u) : NULL;
    return hp->label != NULL
        && WideCharToMultiByte(CP_UTF8, 0, hp->path, -1, hp->label, u, NULL, NULL) > 0;
}

jstring host_path_string(const host_path *hp, const char *suffix)
{
    size_t n = wcslen(hp->path), s = strlen(suffix);
    jchar *w = malloc((n + s) * sizeof *w);
    if (w == NULL)
        return NULL;
    memcpy(w, hp->path, n * sizeof *w);
    for (size_t i = 0; i < s; i++)
        w[n + i] = (jchar)(unsigned char)suffix[i];
    jstring r = fj_string_utf16(w, (jsize)(n + s));
    free(w);
    return r;
}

static onload_fn load_bridge(const host_path *hp)
{
    HMODULE m = LoadLibraryExW(hp->path, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (m == NULL)
        printf("# LoadLibraryExW: error %lu\n", (unsigned long)GetLastError());
    if (!check(m != NULL, "loads the bridge %s", hp->label))
        return NULL;
    onload_fn f = (onload_fn)(any_fn)GetProcAddress(m, "JNI_OnLoad");
    check(f != NULL, "the bridge exports JNI_OnLoad");
    return f;
}

#else /* !_WIN32 */

static int host_path_of(host_path *hp, const char *arg)
{
    hp->path = arg;
    size_t n = strlen(arg) + 1;
    hp->label = malloc(n);
    if (hp->label != NULL)
        memcpy(hp->label, arg, n);
    return hp->label != NULL;
}

jstring host_path_string(const host_path *hp, const char *suffix)
{
    size_t n = strlen(hp->path), s = strlen(suffix);
    char *u = malloc(n + s + 1);
    if (u == NULL)
        return NULL;
    memcpy(u, hp->path, n);
    memcpy(u + n, suffix, s + 1);
    jstring r = fj_string(u);
    free(u);
    return r;
}

static onload_fn load_bridge(const host_path *hp)
{
    void *m = dlopen(hp->path, RTLD_NOW | RTLD_LOCAL);
    if (m == NULL)
        printf("# %s\n", dlerror());
    if (!check(m != NULL, "loads the bridge %s", hp->label))
        return NULL;
    onload_fn f = (onload_fn)(any_fn)dlsym(m, "JNI_OnLoad");
    check(f != NULL, "the bridge exports JNI_OnLoad");
    return f;
}

#endif /* !_WIN32 */

/* ---- registration ------------------------------------------------------------------------- */

static int is_declared(const declared_class *dc, const char *name, const char *descriptor)
{
    for (size_t i = 0; i < dc->count; i++) {
        if (strcmp(dc->declared[i].name, name) == 0
            && strcmp(dc->declared[i].descriptor, descriptor) == 0)
            return 1;
    }
    return 0;
}

/* How many natives of the RegisterNatives call `batch` there are, and whether all were on cls. */
static size_t batch_size(int batch, const char *cls, int *allOnCls)
{
    size_t n = 0;
    *allOnCls = 1;
    for (size_t i = 0; i < fj_native_count(); i++) {
        const fj_native *r = fj_native_at(i);
        if (r->batch == batch) {
            n++;
            *allOnCls &= strcmp(r->cls, cls) == 0;
        }
    }
    return n;
}

/* Every (name, descriptor) registered on the class is declared so in its Java file, and every
 * one declared there is registered on it once. */
static void check_class(const declared_class *dc)
{
    size_t n = fj_native_count(), undeclared = 0, wrong = 0;
    for (size_t i = 0; i < n; i++) {
        const fj_native *r = fj_native_at(i);
        if (strcmp(r->cls, dc->cls) != 0)
            continue;
        if (r->fnPtr == NULL || !is_declared(dc, r->name, r->signature)) {
            printf("# registered on %s, not declared in it (or no function): %s %s\n", dc->label,
                   r->name, r->signature);
            undeclared++;
        }
    }
    check(undeclared == 0, "every (name, descriptor) registered on %s is declared so in %s.java",
          dc->label, dc->label);
    for (size_t d = 0; d < dc->count; d++) {
        int times = 0;
        for (size_t i = 0; i < n; i++) {
            const fj_native *r = fj_native_at(i);
            times += strcmp(r->cls, dc->cls) == 0 && strcmp(r->name, dc->declared[d].name) == 0
                  && strcmp(r->signature, dc->declared[d].descriptor) == 0;
        }
        if (times != 1) {
            printf("# %s %s registered %d times on %s\n", dc->declared[d].name,
                   dc->declared[d].descriptor, times, dc->label);
            wrong++;
        }
    }
    check(wrong == 0, "every one of the %lu natives of %s.java is registered on it once",
          (unsigned long)dc->count, dc->label);
}

static void check_registration(void)
{
    const declared_class *tj = &declared_classes[0], *ts = &declared_classes[1];
    const fj_native *first = fj_native_at(0), *second = fj_native_at(1);
    check(first != NULL && first->batch == 0 && (second == NULL || second->batch != 0)
              && strcmp(first->cls, TAPIJNI_CLASS) == 0 && strcmp(first->name, "abiVersion") == 0
              && strcmp(first->signature, "()I") == 0,
          "the first RegisterNatives registers abiVersion ()I alone, on TapiJni");
    int onTj, onTs;
    size_t later = batch_size(1, TAPIJNI_CLASS, &onTj);
    size_t sim = batch_size(2, TAPISIMJNI_CLASS, &onTs);
    check(later == tj->count - 1 && onTj,
          "a second RegisterNatives registers the other %lu natives of TapiJni (%lu)",
          (unsigned long)(tj->count - 1), (unsigned long)later);
    check(fj_register_calls() == 3 && sim == ts->count && onTs,
          "a third RegisterNatives registers the %lu natives of TapisimJni (%lu; %d calls)",
          (unsigned long)ts->count, (unsigned long)sim, fj_register_calls());

    for (size_t c = 0; c < COUNT(declared_classes); c++)
        check_class(&declared_classes[c]);

    /* The simulator natives moved: none is left on TapiJni, each is on TapisimJni. */
    size_t onTapiJni = 0, onTapisimJni = 0;
    for (size_t i = 0; i < fj_native_count(); i++) {
        const fj_native *r = fj_native_at(i);
        int simulator = strncmp(r->name, "tapisim_", 8) == 0
                     || strcmp(r->name, "hasSimulatorControl") == 0;
        if (simulator && strcmp(r->cls, TAPIJNI_CLASS) == 0) {
            printf("# on TapiJni: %s %s\n", r->name, r->signature);
            onTapiJni++;
        } else if (simulator && strcmp(r->cls, TAPISIMJNI_CLASS) == 0) {
            onTapisimJni++;
        }
    }
    check(onTapiJni == 0 && onTapisimJni == ts->count,
          "the simulator natives are registered on TapisimJni (%lu of %lu), none on TapiJni (%lu)",
          (unsigned long)onTapisimJni, (unsigned long)ts->count, (unsigned long)onTapiJni);
}

static jclass class_object(const char *cls)
{
    return strcmp(cls, TAPISIMJNI_CLASS) == 0 ? fj_tapisimjni() : fj_tapijni();
}

/* Finds the natives the host calls, each on its class; with one missing, the host calls none. */
static int lookup_natives(void)
{
    int missing = 0;
#define HOST_LOOKUP(cls, name, descriptor, type)                                                \
    nat.name = (type)fj_lookup(cls, #name, descriptor);                                         \
    nat.name##_class = class_object(cls);                                                       \
    if (nat.name == NULL) {                                                                     \
        printf("# not registered on %s: %s %s\n", cls, #name, descriptor);                      \
        missing++;                                                                              \
    }
    HOST_NATIVES(HOST_LOOKUP)
#undef HOST_LOOKUP
    if (missing > 0)
        check(0, "the natives this host calls are registered (%d missing)", missing);
    return missing == 0;
}

/* ---- misuse ------------------------------------------------------------------------------- */

static void check_misuse(const host_path *sim)
{
    jlong p = J(openProvider, host_path_string(sim, ".does-not-exist"), JNI_TRUE);
    int t = thrown("java/lang/UnsatisfiedLinkError");
    check(t && p == 0, "openProvider of a missing library: UnsatisfiedLinkError, 0");
    p = J(openProvider, NULL, JNI_TRUE);
    t = thrown("java/lang/NullPointerException");
    check(t && p == 0, "openProvider(null): NullPointerException, 0");
    jboolean z = J(hasSimulatorControl, 0);
    t = thrown("java/lang/IllegalStateException");
    check(t && z == JNI_FALSE, "hasSimulatorControl with provider 0: IllegalStateException");
    jint r = J(lineShutdown, 0, 1);
    t = thrown("java/lang/IllegalStateException");
    check(t && r == 0, "lineShutdown with provider 0: IllegalStateException, 0");
    r = J(getInt, 0);
    t = thrown("java/lang/IllegalArgumentException");
    check(t && r == 0, "getInt(0): IllegalArgumentException");
}

/* ---- main ---------------------------------------------------------------------------------- */

int main(int argc, char **argv)
{
    host_path bridge = { 0 }, sim = { 0 };
    int usable;
#ifdef _WIN32
    int n = 0;
    WCHAR **w = CommandLineToArgvW(GetCommandLineW(), &n);
    usable = w != NULL && n == 3 && host_path_of(&bridge, w[1]) && host_path_of(&sim, w[2]);
    LocalFree(w);
#else
    usable = argc == 3 && host_path_of(&bridge, argv[1]) && host_path_of(&sim, argv[2]);
#endif
    if (!usable) {
        fprintf(stderr, "usage: %s <bridge library> <simulator library>\n",
                argc > 0 ? argv[0] : "tapibridge-jni-host");
        return 2;
    }

    onload_fn onload = load_bridge(&bridge);
    if (onload != NULL) {
        jint v = onload(fj_vm(), NULL);
        check(clean() && v == JNI_VERSION_1_8, "JNI_OnLoad: JNI_VERSION_1_8");
        check_registration();
        if (lookup_natives()) {
            jint abi = J0(abiVersion);
            check(clean() && abi == TAPIJNI_ABI_VERSION, "abiVersion: %ld, as TapiJni.ABI_VERSION",
                  (long)abi);
            check_misuse(&sim);
            check_system_provider();
            check_round_trip(host_path_string(&sim, ""), sim.label);
            check_isolation(&sim);
        }
        check(fj_misuse() == 0, "no JNI misuse (no call with an exception pending, no bad "
                                "argument, no unknown class)");
        check(fj_local_refs() == 0, "every local reference handed out was deleted");
    }

    fj_shutdown();
    free(bridge.label);
    free(sim.label);
#ifdef _WIN32
    free(bridge.path);
    free(sim.path);
#endif
    printf("# %d ok, %d not ok\n", passed, failed);
    return failed > 0 ? 1 : 0;
}
