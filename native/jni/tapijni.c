/*
 * Natives of io.github.tapibridge.internal.jni.TapiJni: a static, one-to-one mirror of the TAPI
 * functions of spi.TapiBackend, called through the function table of a provider (provider.h),
 * and JNI_OnLoad, which also registers the simulator control natives of TapisimJni
 * (tapisimjni.c). The helpers both use are in jni_util.c.
 *
 * Rules (for every native of the library): every native is static and registered in JNI_OnLoad;
 * the first statement is a check macro (jni_util.h); no Java field is read, no JNIEnv or class
 * is cached, nothing calls back into Java. Java longs are native addresses (0 = NULL) and
 * provider pointers; Java ints are DWORDs and 32-bit handles. C throws only for misuse
 * (0 provider or address, bad string, bad bounds) and out-of-memory; every TAPI error is the
 * returned LONG. No JNI critical section is ever held, so a thread may block in lineGetMessage
 * while others call in.
 */
#include <jni.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "guard.h"
#include "jni_util.h"
#include "provider.h"
#include "tapisimjni.h"

/*
 * Must equal TapiJni.ABI_VERSION. One version covers the natives of TapiJni and TapisimJni: bump
 * it when a native of either is added, removed or changes meaning.
 */
#define TAPIBRIDGE_ABI_VERSION 13

#define TAPIJNI_CLASS "io/github/tapibridge/internal/jni/TapiJni"

/* Longest provider path (the Windows extended-length limit). */
#define TB_MAX_PATH 32767

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
    case TB_OK: {
        jlong handle = tb_guard_publish(p);
        if (handle == 0) {
            tb_provider_close(p);
            throw_fmt(env, ISE, "%d TAPI providers are open: close one first", TB_GUARD_SLOTS);
        }
        return handle;
    }
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

/* Waits for the calls running through the provider (guard.h), then releases it. */
static void JNICALL tj_closeProvider(JNIEnv *env, jclass cls, jlong provider)
{
    (void)cls;
    tb_provider *p = tb_guard_retire(provider);
    if (p == NULL) {
        throw_new(env, ISE, "no TAPI provider: closed or never opened");
        return;
    }
    tb_provider_close(p);
}

static jint JNICALL tj_callsInFlight(JNIEnv *env, jclass cls, jlong provider)
{
    (void)env;
    (void)cls;
    return tb_guard_in_flight(provider);
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
    /* No callback (the event model only); on Windows the hEvent is recorded for the drain. */
    return tb_line_initialize(p, (LPHLINEAPP)PTR(lphLineApp), (HINSTANCE)PTR(hInstance), name,
                              (LPDWORD)PTR(lpdwNumDevs), (LPDWORD)PTR(lpdwAPIVersion),
                              (LPLINEINITIALIZEEXPARAMS)PTR(lpLineInitializeExParams));
}

static jint JNICALL tj_lineShutdown(JNIEnv *env, jclass cls, jlong provider, jint hLineApp)
{
    PROVIDER(0)
    return tb_line_shutdown(p, (HLINEAPP)hLineApp);
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

/* The event pump's drain (tb_get_messages, provider.h): a burst of messages in one crossing. */
static jint JNICALL tj_lineGetMessages(JNIEnv *env, jclass cls, jlong provider, jint hLineApp,
                                       jlong lpMessages, jint count, jint dwTimeout,
                                       jint spinMicros)
{
    PROVIDER(0)
    if (count < 1) {
        throw_fmt(env, IAE, "count: %d, at least 1", (int)count);
        return 0;
    }
    if (spinMicros < 0) {
        throw_fmt(env, IAE, "spinMicros: %d, at least 0", (int)spinMicros);
        return 0;
    }
    return tb_get_messages(p, (HLINEAPP)hLineApp, (LINEMESSAGE *)PTR(lpMessages), (LONG)count,
                           (DWORD)dwTimeout, (DWORD)spinMicros);
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

/* ---- call control (optional: CALL_CONTROL throws UnsupportedOperationException without) -- */

static jint JNICALL tj_lineDialW(JNIEnv *env, jclass cls, jlong provider, jint hCall,
                                 jstring lpszDestAddress, jint dwCountryCode)
{
    CALL_CONTROL(lineDialW, 0)
    WCHAR buf[TB_MAX_STRING + 1];
    const WCHAR *dest;
    if (!get_wstr(env, lpszDestAddress, buf, &dest, "lpszDestAddress"))
        return 0;
    return p->lineDialW((HCALL)hCall, dest, (DWORD)dwCountryCode);
}

static jint JNICALL tj_lineHold(JNIEnv *env, jclass cls, jlong provider, jint hCall)
{
    CALL_CONTROL(lineHold, 0)
    return p->lineHold((HCALL)hCall);
}

static jint JNICALL tj_lineUnhold(JNIEnv *env, jclass cls, jlong provider, jint hCall)
{
    CALL_CONTROL(lineUnhold, 0)
    return p->lineUnhold((HCALL)hCall);
}

static jint JNICALL tj_lineSwapHold(JNIEnv *env, jclass cls, jlong provider, jint hActiveCall,
                                    jint hHeldCall)
{
    CALL_CONTROL(lineSwapHold, 0)
    return p->lineSwapHold((HCALL)hActiveCall, (HCALL)hHeldCall);
}

/* ---- transfer and digits (optional: TRANSFER_DIGITS throws UnsupportedOperationException) - */

static jint JNICALL tj_lineRedirectW(JNIEnv *env, jclass cls, jlong provider, jint hCall,
                                     jstring lpszDestAddress, jint dwCountryCode)
{
    TRANSFER_DIGITS(lineRedirectW, 0)
    WCHAR buf[TB_MAX_STRING + 1];
    const WCHAR *dest;
    if (!get_wstr(env, lpszDestAddress, buf, &dest, "lpszDestAddress"))
        return 0;
    return p->lineRedirectW((HCALL)hCall, dest, (DWORD)dwCountryCode);
}

static jint JNICALL tj_lineBlindTransferW(JNIEnv *env, jclass cls, jlong provider, jint hCall,
                                          jstring lpszDestAddress, jint dwCountryCode)
{
    TRANSFER_DIGITS(lineBlindTransferW, 0)
    WCHAR buf[TB_MAX_STRING + 1];
    const WCHAR *dest;
    if (!get_wstr(env, lpszDestAddress, buf, &dest, "lpszDestAddress"))
        return 0;
    return p->lineBlindTransferW((HCALL)hCall, dest, (DWORD)dwCountryCode);
}

/* A null lpszDigits is NULL: it cancels the generation in progress. */
static jint JNICALL tj_lineGenerateDigitsW(JNIEnv *env, jclass cls, jlong provider, jint hCall,
                                           jint dwDigitMode, jstring lpszDigits, jint dwDuration)
{
    TRANSFER_DIGITS(lineGenerateDigitsW, 0)
    WCHAR buf[TB_MAX_STRING + 1];
    const WCHAR *digits;
    if (!get_wstr(env, lpszDigits, buf, &digits, "lpszDigits"))
        return 0;
    return p->lineGenerateDigitsW((HCALL)hCall, (DWORD)dwDigitMode, digits, (DWORD)dwDuration);
}

static jint JNICALL tj_lineMonitorDigits(JNIEnv *env, jclass cls, jlong provider, jint hCall,
                                         jint dwDigitModes)
{
    TRANSFER_DIGITS(lineMonitorDigits, 0)
    return p->lineMonitorDigits((HCALL)hCall, (DWORD)dwDigitModes);
}

/* ---- address status (optional: ADDRESS_STATUS throws UnsupportedOperationException) ------ */

static jint JNICALL tj_lineGetAddressStatusW(JNIEnv *env, jclass cls, jlong provider, jint hLine,
                                             jint dwAddressID, jlong lpAddressStatus)
{
    ADDRESS_STATUS(lineGetAddressStatusW, 0)
    return p->lineGetAddressStatusW((HLINE)hLine, (DWORD)dwAddressID,
                                    (LPLINEADDRESSSTATUS)PTR(lpAddressStatus));
}

/* ---- consultation transfer and conference (optional: CONFERENCE throws without them) ----- */

/* lphConsultCall is native memory the provider writes when the LINE_REPLY arrives, as
 * lineMakeCallW's lphCall; lpCallParams 0 is NULL. */
static jint JNICALL tj_lineSetupTransferW(JNIEnv *env, jclass cls, jlong provider, jint hCall,
                                          jlong lphConsultCall, jlong lpCallParams)
{
    CONFERENCE(lineSetupTransferW, 0)
    return p->lineSetupTransferW((HCALL)hCall, (LPHCALL)PTR(lphConsultCall),
                                 (LPLINECALLPARAMS)PTR(lpCallParams));
}

/* lphConfCall: 0 (NULL) but in LINETRANSFERMODE_CONFERENCE, written as lphConsultCall above. */
static jint JNICALL tj_lineCompleteTransfer(JNIEnv *env, jclass cls, jlong provider, jint hCall,
                                            jint hConsultCall, jlong lphConfCall,
                                            jint dwTransferMode)
{
    CONFERENCE(lineCompleteTransfer, 0)
    return p->lineCompleteTransfer((HCALL)hCall, (HCALL)hConsultCall, (LPHCALL)PTR(lphConfCall),
                                   (DWORD)dwTransferMode);
}

static jint JNICALL tj_lineAddToConference(JNIEnv *env, jclass cls, jlong provider,
                                           jint hConfCall, jint hConsultCall)
{
    CONFERENCE(lineAddToConference, 0)
    return p->lineAddToConference((HCALL)hConfCall, (HCALL)hConsultCall);
}

static jint JNICALL tj_lineRemoveFromConference(JNIEnv *env, jclass cls, jlong provider,
                                                jint hCall)
{
    CONFERENCE(lineRemoveFromConference, 0)
    return p->lineRemoveFromConference((HCALL)hCall);
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
    NATIVE(callsInFlight, "(J)I"),
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
    NATIVE(lineGetMessages, "(JIJIII)I"),
    NATIVE(lineCompleteCall, "(JIJII)I"),
    NATIVE(lineUncompleteCall, "(JII)I"),
    NATIVE(lineDialW, "(JILjava/lang/String;I)I"),
    NATIVE(lineHold, "(JI)I"),
    NATIVE(lineUnhold, "(JI)I"),
    NATIVE(lineSwapHold, "(JII)I"),
    NATIVE(lineRedirectW, "(JILjava/lang/String;I)I"),
    NATIVE(lineBlindTransferW, "(JILjava/lang/String;I)I"),
    NATIVE(lineGenerateDigitsW, "(JIILjava/lang/String;I)I"),
    NATIVE(lineMonitorDigits, "(JII)I"),
    NATIVE(lineGetAddressStatusW, "(JIIJ)I"),
    NATIVE(lineSetupTransferW, "(JIJJ)I"),
    NATIVE(lineCompleteTransfer, "(JIIJI)I"),
    NATIVE(lineAddToConference, "(JII)I"),
    NATIVE(lineRemoveFromConference, "(JI)I"),
};

/* Registers the natives of TapisimJni; a failure is cleared, as for the rest of TapiJni. */
static void register_tapisimjni(JNIEnv *env)
{
    jclass cls = (*env)->FindClass(env, TAPISIMJNI_CLASS);
    if (cls == NULL) { /* a jar of another ABI: abiVersion tells Java */
        (*env)->ExceptionClear(env);
        return;
    }
    if ((*env)->RegisterNatives(env, cls, tapisimjni_methods, tapisimjni_method_count) != JNI_OK)
        (*env)->ExceptionClear(env);
    (*env)->DeleteLocalRef(env, cls);
}

/*
 * Registers the natives of TapiJni, then those of TapisimJni (tapisimjni.c). FindClass in
 * JNI_OnLoad resolves through the class loader of the class that called System.load, the loader
 * of both classes (one package of one jar). abiVersion goes first and alone: if the Java classes
 * are of another ABI, the rest may not register (their calls then throw UnsatisfiedLinkError),
 * but Java can still read the library's version and report the mismatch with both numbers.
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
    tb_guard_init();
    if ((*env)->RegisterNatives(env, cls, abi_method, 1) != JNI_OK) {
        r = JNI_ERR; /* NoSuchMethodError pending */
    } else {
        if ((*env)->RegisterNatives(env, cls, methods, (jint)(sizeof methods / sizeof *methods))
            != JNI_OK)
            (*env)->ExceptionClear(env);
        register_tapisimjni(env);
    }
    (*env)->DeleteLocalRef(env, cls);
    return r;
}
