/*
 * Natives of io.github.tapibridge.internal.jni.TapiJni: a static, one-to-one mirror of the TAPI
 * functions of spi.TapiBackend, called through the function table of a provider (provider.h).
 *
 * Rules: every native is static and registered in JNI_OnLoad; the first statement is a check
 * macro; no Java field is read, no JNIEnv or class is cached, nothing calls back into Java.
 * Java longs are native addresses (0 = NULL) and provider pointers; Java ints are DWORDs and
 * 32-bit handles. C throws only for misuse (0 provider or address, bad string, bad bounds) and
 * out-of-memory; every TAPI error is the returned LONG. No JNI critical section is ever held, so a
 * thread may block in lineGetMessage while others call in.
 */
#include <jni.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "provider.h"

/* Must equal TapiJni.ABI_VERSION. Bump it when a native is added, removed or changes meaning. */
#define TAPIBRIDGE_ABI_VERSION 5

#define TAPIJNI_CLASS "io/github/tapibridge/internal/jni/TapiJni"

/* Longest string argument, in UTF-16 code units without the terminator. */
#define TB_MAX_STRING 1024
/* Longest provider path (the Windows extended-length limit). */
#define TB_MAX_PATH 32767

#define IAE "java/lang/IllegalArgumentException"
#define ISE "java/lang/IllegalStateException"
#define NPE "java/lang/NullPointerException"
#define OOME "java/lang/OutOfMemoryError"
#define ULE "java/lang/UnsatisfiedLinkError"
#define UOE "java/lang/UnsupportedOperationException"

_Static_assert(sizeof(WCHAR) == sizeof(jchar), "WCHAR is a UTF-16 code unit");
_Static_assert(sizeof(DWORD) == sizeof(jint), "DWORD is a Java int");

#define PTR(address) ((void *)(intptr_t)(address))

/* ---- exceptions ------------------------------------------------------------------------- */

static void throw_new(JNIEnv *env, const char *className, const char *message)
{
    jclass c = (*env)->FindClass(env, className);
    if (c != NULL) { /* else NoClassDefFoundError is pending */
        (*env)->ThrowNew(env, c, message);
        (*env)->DeleteLocalRef(env, c);
    }
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void throw_fmt(JNIEnv *env, const char *className, const char *format, ...)
{
    char message[1024];
    va_list ap;
    va_start(ap, format);
    vsnprintf(message, sizeof message, format, ap);
    va_end(ap);
    throw_new(env, className, message);
}

/* ---- check macros: the first statement of every native ---------------------------------- */

/* Declares p, the provider of the Java long `provider`; a 0 provider is misuse. */
#define PROVIDER(ret)                                                                           \
    (void)cls;                                                                                  \
    tb_provider *p = (tb_provider *)PTR(provider);                                              \
    if (p == NULL) {                                                                            \
        throw_new(env, ISE, "no TAPI provider (0): closed or never opened");                    \
        return ret;                                                                             \
    }

/* PROVIDER, and the provider must export the simulator control function fn. */
#define SIMULATOR(fn, ret)                                                                      \
    PROVIDER(ret)                                                                               \
    if (!p->simulator || p->fn == NULL) {                                                       \
        throw_fmt(env, UOE, "%s: the provider %s is not the simulator (it does not export %s)", \
                  #fn, p->label, p->simulator ? #fn : "the tapisim_ control functions");        \
        return ret;                                                                             \
    }

/* A native address that must not be 0. */
#define ADDRESS(address, ret)                                                                   \
    (void)cls;                                                                                  \
    if ((address) == 0) {                                                                       \
        throw_new(env, IAE, "native address 0 (NULL)");                                         \
        return ret;                                                                             \
    }

/* ---- strings ------------------------------------------------------------------------------ */

/*
 * Copies the Java string s into buf (TB_MAX_STRING + 1 units) as NUL-terminated UTF-16 and sets
 * *out to buf, or to NULL for a null string (TAPI then answers, e.g. LINEERR_INVALPOINTER).
 * Returns 0 with an exception pending if s is too long or contains U+0000 (it would be cut).
 */
static int get_wstr(JNIEnv *env, jstring s, WCHAR *buf, const WCHAR **out, const char *what)
{
    *out = NULL;
    if (s == NULL)
        return 1;
    jsize n = (*env)->GetStringLength(env, s);
    if (n > TB_MAX_STRING) {
        throw_fmt(env, IAE, "%s is too long: %ld UTF-16 units, at most %d", what, (long)n,
                  TB_MAX_STRING);
        return 0;
    }
    (*env)->GetStringRegion(env, s, 0, n, (jchar *)buf);
    if ((*env)->ExceptionCheck(env))
        return 0;
    for (jsize i = 0; i < n; i++) {
        if (buf[i] == 0) {
            throw_fmt(env, IAE, "%s contains U+0000 at index %ld", what, (long)i);
            return 0;
        }
    }
    buf[n] = 0;
    *out = buf;
    return 1;
}

/* UTF-16 (lone surrogates become U+FFFD) to NUL-terminated UTF-8; out holds 3 * n + 1 bytes. */
static void utf16_to_utf8(const WCHAR *w, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = w[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && w[i + 1] >= 0xDC00 && w[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (uint32_t)(w[i + 1] - 0xDC00);
            i++;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;
        }
        if (c < 0x80) {
            out[o++] = (char)c;
        } else if (c < 0x800) {
            out[o++] = (char)(0xC0 | (c >> 6));
            out[o++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[o++] = (char)(0xE0 | (c >> 12));
            out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[o++] = (char)(0xF0 | (c >> 18));
            out[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[o] = '\0';
}

/* get_wstr for the char * arguments of the simulator's control API (UTF-8). */
static int get_utf8(JNIEnv *env, jstring s, char *buf /* 3 * TB_MAX_STRING + 1 */,
                    const char **out, const char *what)
{
    WCHAR w[TB_MAX_STRING + 1];
    const WCHAR *ws;
    *out = NULL;
    if (!get_wstr(env, s, w, &ws, what))
        return 0;
    if (ws != NULL) {
        size_t n = 0;
        while (ws[n] != 0)
            n++;
        utf16_to_utf8(ws, n, buf);
        *out = buf;
    }
    return 1;
}

/* ---- library ------------------------------------------------------------------------------ */

static jint JNICALL tj_abiVersion(JNIEnv *env, jclass cls)
{
    (void)env;
    (void)cls;
    return TAPIBRIDGE_ABI_VERSION;
}

static jlong open_provider(JNIEnv *env, const tb_path_char *path, int flags)
{
    char err[1024];
    tb_provider *p = NULL;
    switch (tb_provider_open(path, flags, &p, err, sizeof err)) {
    case TB_OK:
        return (jlong)(intptr_t)p;
    case TB_ERR_NOMEM:
        throw_new(env, OOME, "opening a TAPI provider");
        return 0;
    case TB_ERR_NOSYSTEM:
        throw_new(env, UOE, err);
        return 0;
    default:
        throw_new(env, ULE, err);
        return 0;
    }
}

static jlong JNICALL tj_openProvider(JNIEnv *env, jclass cls, jstring path, jboolean pinned)
{
    int flags = pinned ? TB_OPEN_PINNED : TB_OPEN_UNPINNED;
    (void)cls;
    if (path == NULL) {
        throw_new(env, NPE, "path");
        return 0;
    }
    jsize n = (*env)->GetStringLength(env, path);
    if (n == 0 || n > TB_MAX_PATH) {
        throw_fmt(env, IAE, "provider path of %ld UTF-16 units (1 to %d)", (long)n, TB_MAX_PATH);
        return 0;
    }
    WCHAR *w = malloc(((size_t)n + 1) * sizeof *w);
    if (w == NULL) {
        throw_new(env, OOME, "provider path");
        return 0;
    }
    (*env)->GetStringRegion(env, path, 0, n, (jchar *)w);
    if ((*env)->ExceptionCheck(env)) {
        free(w);
        return 0;
    }
    w[n] = 0;
    for (jsize i = 0; i < n; i++) {
        if (w[i] == 0) {
            free(w);
            throw_new(env, IAE, "provider path contains U+0000");
            return 0;
        }
    }
    jlong r;
#ifdef _WIN32
    r = open_provider(env, w, flags);
#else
    char *u = malloc(3 * (size_t)n + 1);
    if (u == NULL) {
        free(w);
        throw_new(env, OOME, "provider path");
        return 0;
    }
    utf16_to_utf8(w, (size_t)n, u);
    r = open_provider(env, u, flags);
    free(u);
#endif
    free(w);
    return r;
}

static jlong JNICALL tj_openSystemProvider(JNIEnv *env, jclass cls)
{
    (void)cls;
    return open_provider(env, NULL, TB_OPEN_PINNED);
}

static void JNICALL tj_closeProvider(JNIEnv *env, jclass cls, jlong provider)
{
    PROVIDER()
    tb_provider_close(p);
}

static jboolean JNICALL tj_hasSimulatorControl(JNIEnv *env, jclass cls, jlong provider)
{
    PROVIDER(JNI_FALSE)
    return p->simulator ? JNI_TRUE : JNI_FALSE;
}

/* ---- native memory ------------------------------------------------------------------------ */

static jlong JNICALL tj_allocate(JNIEnv *env, jclass cls, jlong provider, jlong size)
{
    PROVIDER(0)
    if (size < 0 || (uint64_t)size > SIZE_MAX / 2) {
        throw_fmt(env, IAE, "cannot allocate %lld bytes", (long long)size);
        return 0;
    }
    void *block = tb_mem_alloc(p, (size_t)size);
    if (block == NULL) {
        throw_fmt(env, OOME, "native memory: %lld bytes", (long long)size);
        return 0;
    }
    return (jlong)(intptr_t)block;
}

static void JNICALL tj_free(JNIEnv *env, jclass cls, jlong provider, jlong address)
{
    PROVIDER()
    tb_mem_free(p, PTR(address));
}

static jlong JNICALL tj_liveAllocations(JNIEnv *env, jclass cls, jlong provider)
{
    PROVIDER(0)
    return (jlong)tb_mem_live(p);
}

static jint JNICALL tj_getInt(JNIEnv *env, jclass cls, jlong address)
{
    ADDRESS(address, 0)
    jint v;
    memcpy(&v, PTR(address), sizeof v); /* TAPI structs are packed: no alignment assumed */
    return v;
}

static void JNICALL tj_putInt(JNIEnv *env, jclass cls, jlong address, jint value)
{
    ADDRESS(address, )
    memcpy(PTR(address), &value, sizeof value);
}

/* Bounds: Get/SetByteArrayRegion throw ArrayIndexOutOfBoundsException and copy nothing. */
static void JNICALL tj_read(JNIEnv *env, jclass cls, jlong address, jbyteArray dst, jint offset,
                            jint length)
{
    ADDRESS(address, )
    if (dst == NULL) {
        throw_new(env, NPE, "dst");
        return;
    }
    (*env)->SetByteArrayRegion(env, dst, offset, length, (const jbyte *)PTR(address));
}

static void JNICALL tj_write(JNIEnv *env, jclass cls, jlong address, jbyteArray src, jint offset,
                             jint length)
{
    ADDRESS(address, )
    if (src == NULL) {
        throw_new(env, NPE, "src");
        return;
    }
    (*env)->GetByteArrayRegion(env, src, offset, length, (jbyte *)PTR(address));
}

static jobject JNICALL tj_view(JNIEnv *env, jclass cls, jlong address, jint size)
{
    ADDRESS(address, NULL)
    if (size < 0) {
        throw_fmt(env, IAE, "view of %ld bytes", (long)size);
        return NULL;
    }
    jobject b = (*env)->NewDirectByteBuffer(env, PTR(address), (jlong)size);
    if (b == NULL && !(*env)->ExceptionCheck(env))
        throw_new(env, UOE, "this JVM has no direct buffer access from JNI");
    return b;
}

/* ---- TAPI --------------------------------------------------------------------------------- */

static jint JNICALL tj_lineInitializeExW(JNIEnv *env, jclass cls, jlong provider, jlong lphLineApp,
                                         jlong hInstance, jstring lpszFriendlyAppName,
                                         jlong lpdwNumDevs, jlong lpdwAPIVersion,
                                         jlong lpLineInitializeExParams)
{
    PROVIDER(0)
    WCHAR buf[TB_MAX_STRING + 1];
    const WCHAR *name;
    if (!get_wstr(env, lpszFriendlyAppName, buf, &name, "lpszFriendlyAppName"))
        return 0;
    /* No callback: the event model (lineGetMessage) is the only one used. */
    return p->lineInitializeExW((LPHLINEAPP)PTR(lphLineApp), (HINSTANCE)PTR(hInstance), NULL, name,
                                (LPDWORD)PTR(lpdwNumDevs), (LPDWORD)PTR(lpdwAPIVersion),
                                (LPLINEINITIALIZEEXPARAMS)PTR(lpLineInitializeExParams));
}

static jint JNICALL tj_lineShutdown(JNIEnv *env, jclass cls, jlong provider, jint hLineApp)
{
    PROVIDER(0)
    return p->lineShutdown((HLINEAPP)hLineApp);
}

static jint JNICALL tj_lineNegotiateAPIVersion(JNIEnv *env, jclass cls, jlong provider,
                                               jint hLineApp, jint dwDeviceID,
                                               jint dwAPILowVersion, jint dwAPIHighVersion,
                                               jlong lpdwAPIVersion, jlong lpExtensionID)
{
    PROVIDER(0)
    return p->lineNegotiateAPIVersion((HLINEAPP)hLineApp, (DWORD)dwDeviceID,
                                      (DWORD)dwAPILowVersion, (DWORD)dwAPIHighVersion,
                                      (LPDWORD)PTR(lpdwAPIVersion),
                                      (LPLINEEXTENSIONID)PTR(lpExtensionID));
}

static jint JNICALL tj_lineGetDevCapsW(JNIEnv *env, jclass cls, jlong provider, jint hLineApp,
                                       jint dwDeviceID, jint dwAPIVersion, jint dwExtVersion,
                                       jlong lpLineDevCaps)
{
    PROVIDER(0)
    return p->lineGetDevCapsW((HLINEAPP)hLineApp, (DWORD)dwDeviceID, (DWORD)dwAPIVersion,
                              (DWORD)dwExtVersion, (LPLINEDEVCAPS)PTR(lpLineDevCaps));
}

static jint JNICALL tj_lineGetAddressCapsW(JNIEnv *env, jclass cls, jlong provider, jint hLineApp,
                                           jint dwDeviceID, jint dwAddressID, jint dwAPIVersion,
                                           jint dwExtVersion, jlong lpAddressCaps)
{
    PROVIDER(0)
    return p->lineGetAddressCapsW((HLINEAPP)hLineApp, (DWORD)dwDeviceID, (DWORD)dwAddressID,
                                  (DWORD)dwAPIVersion, (DWORD)dwExtVersion,
                                  (LPLINEADDRESSCAPS)PTR(lpAddressCaps));
}

static jint JNICALL tj_lineOpenW(JNIEnv *env, jclass cls, jlong provider, jint hLineApp,
                                 jint dwDeviceID, jlong lphLine, jint dwAPIVersion,
                                 jint dwExtVersion, jlong dwCallbackInstance, jint dwPrivileges,
                                 jint dwMediaModes, jlong lpCallParams)
{
    PROVIDER(0)
    return p->lineOpenW((HLINEAPP)hLineApp, (DWORD)dwDeviceID, (LPHLINE)PTR(lphLine),
                        (DWORD)dwAPIVersion, (DWORD)dwExtVersion,
                        (DWORD_PTR)(uint64_t)dwCallbackInstance, (DWORD)dwPrivileges,
                        (DWORD)dwMediaModes, (LPLINECALLPARAMS)PTR(lpCallParams));
}

static jint JNICALL tj_lineClose(JNIEnv *env, jclass cls, jlong provider, jint hLine)
{
    PROVIDER(0)
    return p->lineClose((HLINE)hLine);
}

static jint JNICALL tj_lineSetStatusMessages(JNIEnv *env, jclass cls, jlong provider, jint hLine,
                                             jint dwLineStates, jint dwAddressStates)
{
    PROVIDER(0)
    return p->lineSetStatusMessages((HLINE)hLine, (DWORD)dwLineStates, (DWORD)dwAddressStates);
}

static jint JNICALL tj_lineGetLineDevStatusW(JNIEnv *env, jclass cls, jlong provider, jint hLine,
                                             jlong lpLineDevStatus)
{
    PROVIDER(0)
    return p->lineGetLineDevStatusW((HLINE)hLine, (LPLINEDEVSTATUS)PTR(lpLineDevStatus));
}

static jint JNICALL tj_lineMakeCallW(JNIEnv *env, jclass cls, jlong provider, jint hLine,
                                     jlong lphCall, jstring lpszDestAddress, jint dwCountryCode,
                                     jlong lpCallParams)
{
    PROVIDER(0)
    WCHAR buf[TB_MAX_STRING + 1];
    const WCHAR *dest;
    if (!get_wstr(env, lpszDestAddress, buf, &dest, "lpszDestAddress"))
        return 0;
    return p->lineMakeCallW((HLINE)hLine, (LPHCALL)PTR(lphCall), dest, (DWORD)dwCountryCode,
                            (LPLINECALLPARAMS)PTR(lpCallParams));
}

static jint JNICALL tj_lineAnswer(JNIEnv *env, jclass cls, jlong provider, jint hCall,
                                  jlong lpsUserUserInfo, jint dwSize)
{
    PROVIDER(0)
    return p->lineAnswer((HCALL)hCall, (LPCSTR)PTR(lpsUserUserInfo), (DWORD)dwSize);
}

static jint JNICALL tj_lineDrop(JNIEnv *env, jclass cls, jlong provider, jint hCall,
                                jlong lpsUserUserInfo, jint dwSize)
{
    PROVIDER(0)
    return p->lineDrop((HCALL)hCall, (LPCSTR)PTR(lpsUserUserInfo), (DWORD)dwSize);
}

static jint JNICALL tj_lineDeallocateCall(JNIEnv *env, jclass cls, jlong provider, jint hCall)
{
    PROVIDER(0)
    return p->lineDeallocateCall((HCALL)hCall);
}

static jint JNICALL tj_lineGetCallInfoW(JNIEnv *env, jclass cls, jlong provider, jint hCall,
                                        jlong lpCallInfo)
{
    PROVIDER(0)
    return p->lineGetCallInfoW((HCALL)hCall, (LPLINECALLINFO)PTR(lpCallInfo));
}

static jint JNICALL tj_lineGetCallStatus(JNIEnv *env, jclass cls, jlong provider, jint hCall,
                                         jlong lpCallStatus)
{
    PROVIDER(0)
    return p->lineGetCallStatus((HCALL)hCall, (LPLINECALLSTATUS)PTR(lpCallStatus));
}

/* Blocks (in native state: the GC and other JNI calls go on) until a message or the timeout. */
static jint JNICALL tj_lineGetMessage(JNIEnv *env, jclass cls, jlong provider, jint hLineApp,
                                      jlong lpMessage, jint dwTimeout)
{
    PROVIDER(0)
    return p->lineGetMessage((HLINEAPP)hLineApp, (LPLINEMESSAGE)PTR(lpMessage), (DWORD)dwTimeout);
}

static jint JNICALL tj_lineCompleteCall(JNIEnv *env, jclass cls, jlong provider, jint hCall,
                                        jlong lpdwCompletionID, jint dwCompletionMode,
                                        jint dwMessageID)
{
    PROVIDER(0)
    return p->lineCompleteCall((HCALL)hCall, (LPDWORD)PTR(lpdwCompletionID),
                               (DWORD)dwCompletionMode, (DWORD)dwMessageID);
}

static jint JNICALL tj_lineUncompleteCall(JNIEnv *env, jclass cls, jlong provider, jint hLine,
                                          jint dwCompletionID)
{
    PROVIDER(0)
    return p->lineUncompleteCall((HLINE)hLine, (DWORD)dwCompletionID);
}

/* ---- simulator control (tapisim.h) --------------------------------------------------------- */

static jint JNICALL tj_tapisim_reset(JNIEnv *env, jclass cls, jlong provider)
{
    SIMULATOR(tapisim_reset, 0)
    return p->tapisim_reset();
}

static jint JNICALL tj_tapisim_set_station(JNIEnv *env, jclass cls, jlong provider, jstring number,
                                           jint state)
{
    SIMULATOR(tapisim_set_station, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, number, buf, &s, "number"))
        return 0;
    return p->tapisim_set_station(s, (DWORD)state);
}

static jint JNICALL tj_tapisim_advance(JNIEnv *env, jclass cls, jlong provider, jint ms)
{
    SIMULATOR(tapisim_advance, 0)
    return p->tapisim_advance((DWORD)ms);
}

static jint JNICALL tj_tapisim_now(JNIEnv *env, jclass cls, jlong provider)
{
    SIMULATOR(tapisim_now, 0)
    return (jint)p->tapisim_now();
}

static jint JNICALL tj_tapisim_fail_next(JNIEnv *env, jclass cls, jlong provider,
                                         jstring function, jint lineerr)
{
    SIMULATOR(tapisim_fail_next, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, function, buf, &s, "function"))
        return 0;
    return p->tapisim_fail_next(s, (LONG)lineerr);
}

static jint JNICALL tj_tapisim_set_option(JNIEnv *env, jclass cls, jlong provider, jstring name,
                                          jint value)
{
    SIMULATOR(tapisim_set_option, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, name, buf, &s, "name"))
        return 0;
    return p->tapisim_set_option(s, (DWORD)value);
}

static jint JNICALL tj_tapisim_trace(JNIEnv *env, jclass cls, jlong provider, jlong buf, jint size,
                                     jlong needed)
{
    SIMULATOR(tapisim_trace, 0)
    return p->tapisim_trace((char *)PTR(buf), (DWORD)size, (DWORD *)PTR(needed));
}

static jint JNICALL tj_tapisim_trace_clear(JNIEnv *env, jclass cls, jlong provider)
{
    SIMULATOR(tapisim_trace_clear, 0)
    return p->tapisim_trace_clear();
}

static jint JNICALL tj_tapisim_post_messages(JNIEnv *env, jclass cls, jlong provider,
                                              jint hLineApp, jint count)
{
    SIMULATOR(tapisim_post_messages, 0)
    return p->tapisim_post_messages((HLINEAPP)hLineApp, (DWORD)count);
}

/* ---- topology ----------------------------------------------------------------------------- */

static jint JNICALL tj_tapisim_set_lines(JNIEnv *env, jclass cls, jlong provider, jint count)
{
    SIMULATOR(tapisim_set_lines, 0)
    return p->tapisim_set_lines((DWORD)count);
}

static jint JNICALL tj_tapisim_set_line(JNIEnv *env, jclass cls, jlong provider, jint deviceId,
                                        jstring number, jstring name)
{
    SIMULATOR(tapisim_set_line, 0)
    char nbuf[3 * TB_MAX_STRING + 1], mbuf[3 * TB_MAX_STRING + 1];
    const char *n, *m;
    if (!get_utf8(env, number, nbuf, &n, "number") || !get_utf8(env, name, mbuf, &m, "name"))
        return 0;
    return p->tapisim_set_line((DWORD)deviceId, n, m);
}

static jint JNICALL tj_tapisim_set_completion_caps(JNIEnv *env, jclass cls, jlong provider,
                                                   jint deviceId, jint max, jint modes, jint conds)
{
    SIMULATOR(tapisim_set_completion_caps, 0)
    return p->tapisim_set_completion_caps((DWORD)deviceId, (DWORD)max, (DWORD)modes, (DWORD)conds);
}

static jint JNICALL tj_tapisim_set_completion_messages(JNIEnv *env, jclass cls, jlong provider,
                                                       jint deviceId, jstring texts)
{
    SIMULATOR(tapisim_set_completion_messages, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, texts, buf, &s, "texts"))
        return 0;
    return p->tapisim_set_completion_messages((DWORD)deviceId, s);
}

static jint JNICALL tj_tapisim_set_addresses(JNIEnv *env, jclass cls, jlong provider,
                                             jint deviceId, jstring numbers)
{
    SIMULATOR(tapisim_set_addresses, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, numbers, buf, &s, "numbers"))
        return 0;
    return p->tapisim_set_addresses((DWORD)deviceId, s);
}

static jint JNICALL tj_tapisim_set_address_completion_caps(JNIEnv *env, jclass cls, jlong provider,
                                                           jint deviceId, jint addressId, jint max,
                                                           jint modes, jint conds)
{
    SIMULATOR(tapisim_set_address_completion_caps, 0)
    return p->tapisim_set_address_completion_caps((DWORD)deviceId, (DWORD)addressId, (DWORD)max,
                                                  (DWORD)modes, (DWORD)conds);
}

static jint JNICALL tj_tapisim_set_address_completion_messages(JNIEnv *env, jclass cls,
                                                               jlong provider, jint deviceId,
                                                               jint addressId, jstring texts)
{
    SIMULATOR(tapisim_set_address_completion_messages, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, texts, buf, &s, "texts"))
        return 0;
    return p->tapisim_set_address_completion_messages((DWORD)deviceId, (DWORD)addressId, s);
}

/* ---- tapisim_sync (waiting for the event pump) -------------------------------------------- */

static jint JNICALL tj_tapisim_sync(JNIEnv *env, jclass cls, jlong provider, jint hLineApp,
                                    jint token)
{
    SIMULATOR(tapisim_sync, 0)
    return p->tapisim_sync((HLINEAPP)hLineApp, (DWORD)token);
}

/* ---- simulator: remote stations driven by the test (tapisim.h) ---------------------------- */

static jint JNICALL tj_tapisim_remote_call(JNIEnv *env, jclass cls, jlong provider, jstring from,
                                           jstring fromName, jstring to, jlong callId)
{
    SIMULATOR(tapisim_remote_call, 0)
    char b1[3 * TB_MAX_STRING + 1], b2[3 * TB_MAX_STRING + 1], b3[3 * TB_MAX_STRING + 1];
    const char *f, *n, *t;
    if (!get_utf8(env, from, b1, &f, "from") || !get_utf8(env, fromName, b2, &n, "fromName")
        || !get_utf8(env, to, b3, &t, "to"))
        return 0;
    return p->tapisim_remote_call(f, n, t, (DWORD *)PTR(callId));
}

static jint JNICALL tj_tapisim_remote_call_ex(JNIEnv *env, jclass cls, jlong provider, jstring from,
                                              jstring fromName, jstring to, jint flags, jlong callId)
{
    SIMULATOR(tapisim_remote_call_ex, 0)
    char b1[3 * TB_MAX_STRING + 1], b2[3 * TB_MAX_STRING + 1], b3[3 * TB_MAX_STRING + 1];
    const char *f, *n, *t;
    if (!get_utf8(env, from, b1, &f, "from") || !get_utf8(env, fromName, b2, &n, "fromName")
        || !get_utf8(env, to, b3, &t, "to"))
        return 0;
    return p->tapisim_remote_call_ex(f, n, t, (DWORD)flags, (DWORD *)PTR(callId));
}

static jint JNICALL tj_tapisim_remote_answer(JNIEnv *env, jclass cls, jlong provider, jstring number)
{
    SIMULATOR(tapisim_remote_answer, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, number, buf, &s, "number"))
        return 0;
    return p->tapisim_remote_answer(s);
}

static jint JNICALL tj_tapisim_remote_hangup(JNIEnv *env, jclass cls, jlong provider, jstring number)
{
    SIMULATOR(tapisim_remote_hangup, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, number, buf, &s, "number"))
        return 0;
    return p->tapisim_remote_hangup(s);
}

/* ---- registration ------------------------------------------------------------------------- */

#define NATIVE(name, signature) { (char *)#name, (char *)signature, (void *)tj_##name }

static const JNINativeMethod abi_method[] = {
    NATIVE(abiVersion, "()I"),
};

static const JNINativeMethod methods[] = {
    NATIVE(openProvider, "(Ljava/lang/String;Z)J"),
    NATIVE(openSystemProvider, "()J"),
    NATIVE(closeProvider, "(J)V"),
    NATIVE(hasSimulatorControl, "(J)Z"),
    NATIVE(allocate, "(JJ)J"),
    NATIVE(free, "(JJ)V"),
    NATIVE(liveAllocations, "(J)J"),
    NATIVE(getInt, "(J)I"),
    NATIVE(putInt, "(JI)V"),
    NATIVE(read, "(J[BII)V"),
    NATIVE(write, "(J[BII)V"),
    NATIVE(view, "(JI)Ljava/nio/ByteBuffer;"),
    NATIVE(lineInitializeExW, "(JJJLjava/lang/String;JJJ)I"),
    NATIVE(lineShutdown, "(JI)I"),
    NATIVE(lineNegotiateAPIVersion, "(JIIIIJJ)I"),
    NATIVE(lineGetDevCapsW, "(JIIIIJ)I"),
    NATIVE(lineGetAddressCapsW, "(JIIIIIJ)I"),
    NATIVE(lineOpenW, "(JIIJIIJIIJ)I"),
    NATIVE(lineClose, "(JI)I"),
    NATIVE(lineSetStatusMessages, "(JIII)I"),
    NATIVE(lineGetLineDevStatusW, "(JIJ)I"),
    NATIVE(lineMakeCallW, "(JIJLjava/lang/String;IJ)I"),
    NATIVE(lineAnswer, "(JIJI)I"),
    NATIVE(lineDrop, "(JIJI)I"),
    NATIVE(lineDeallocateCall, "(JI)I"),
    NATIVE(lineGetCallInfoW, "(JIJ)I"),
    NATIVE(lineGetCallStatus, "(JIJ)I"),
    NATIVE(lineGetMessage, "(JIJI)I"),
    NATIVE(lineCompleteCall, "(JIJII)I"),
    NATIVE(lineUncompleteCall, "(JII)I"),
    NATIVE(tapisim_reset, "(J)I"),
    NATIVE(tapisim_set_station, "(JLjava/lang/String;I)I"),
    NATIVE(tapisim_advance, "(JI)I"),
    NATIVE(tapisim_now, "(J)I"),
    NATIVE(tapisim_fail_next, "(JLjava/lang/String;I)I"),
    NATIVE(tapisim_set_option, "(JLjava/lang/String;I)I"),
    NATIVE(tapisim_trace, "(JJIJ)I"),
    NATIVE(tapisim_trace_clear, "(J)I"),
    NATIVE(tapisim_post_messages, "(JII)I"),
    /* topology */
    NATIVE(tapisim_set_lines, "(JI)I"),
    NATIVE(tapisim_set_line, "(JILjava/lang/String;Ljava/lang/String;)I"),
    NATIVE(tapisim_set_completion_caps, "(JIIII)I"),
    NATIVE(tapisim_set_completion_messages, "(JILjava/lang/String;)I"),
    NATIVE(tapisim_sync, "(JII)I"),
    NATIVE(tapisim_remote_call, "(JLjava/lang/String;Ljava/lang/String;Ljava/lang/String;J)I"),
    NATIVE(tapisim_remote_answer, "(JLjava/lang/String;)I"),
    NATIVE(tapisim_remote_hangup, "(JLjava/lang/String;)I"),
    NATIVE(tapisim_set_addresses, "(JILjava/lang/String;)I"),
    NATIVE(tapisim_set_address_completion_caps, "(JIIIII)I"),
    NATIVE(tapisim_set_address_completion_messages, "(JIILjava/lang/String;)I"),
    NATIVE(tapisim_remote_call_ex, "(JLjava/lang/String;Ljava/lang/String;Ljava/lang/String;IJ)I"),
};

/*
 * Registers the natives of TapiJni (found through the class loader of the class that called
 * System.load). abiVersion goes first and alone: if the Java class is of another ABI, the rest
 * may not register (their calls then throw UnsatisfiedLinkError), but Java can still read the
 * library's version and report the mismatch with both numbers.
 */
JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved)
{
    (void)reserved;
    JNIEnv *env = NULL;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) != JNI_OK)
        return JNI_ERR;
    jclass cls = (*env)->FindClass(env, TAPIJNI_CLASS);
    if (cls == NULL)
        return JNI_ERR; /* NoClassDefFoundError pending: System.load throws it */
    jint r = JNI_VERSION_1_8;
    if ((*env)->RegisterNatives(env, cls, abi_method, 1) != JNI_OK) {
        r = JNI_ERR; /* NoSuchMethodError pending */
    } else if ((*env)->RegisterNatives(env, cls, methods,
                                       (jint)(sizeof methods / sizeof *methods)) != JNI_OK) {
        (*env)->ExceptionClear(env);
    }
    (*env)->DeleteLocalRef(env, cls);
    return r;
}
