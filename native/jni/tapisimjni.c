/*
 * Natives of io.github.tapibridge.internal.jni.TapisimJni: the simulator's control functions
 * (tapisim.h), called through the function table of a provider (provider.h). A provider that does
 * not export one answers with UnsupportedOperationException (the SIMULATOR check).
 *
 * The rules of tapijni.c apply: every native is static and registered by JNI_OnLoad (tapijni.c,
 * through tapisimjni_methods); the first statement is a check macro; nothing is cached and
 * nothing calls back into Java. Strings go to the simulator as UTF-8.
 */
#include "tapisimjni.h"

#include "jni_util.h"

/* ---- provider ----------------------------------------------------------------------------- */

static jboolean JNICALL ts_hasSimulatorControl(JNIEnv *env, jclass cls, jlong provider)
{
    PROVIDER(JNI_FALSE)
    return p->simulator ? JNI_TRUE : JNI_FALSE;
}

/* ---- simulator control (tapisim.h) --------------------------------------------------------- */

static jint JNICALL ts_tapisim_reset(JNIEnv *env, jclass cls, jlong provider)
{
    SIMULATOR(tapisim_reset, 0)
    return p->tapisim_reset();
}

static jint JNICALL ts_tapisim_set_station(JNIEnv *env, jclass cls, jlong provider, jstring number,
                                           jint state)
{
    SIMULATOR(tapisim_set_station, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, number, buf, &s, "number"))
        return 0;
    return p->tapisim_set_station(s, (DWORD)state);
}

static jint JNICALL ts_tapisim_advance(JNIEnv *env, jclass cls, jlong provider, jint ms)
{
    SIMULATOR(tapisim_advance, 0)
    return p->tapisim_advance((DWORD)ms);
}

static jint JNICALL ts_tapisim_now(JNIEnv *env, jclass cls, jlong provider)
{
    SIMULATOR(tapisim_now, 0)
    return (jint)p->tapisim_now();
}

static jint JNICALL ts_tapisim_fail_next(JNIEnv *env, jclass cls, jlong provider,
                                         jstring function, jint lineerr)
{
    SIMULATOR(tapisim_fail_next, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, function, buf, &s, "function"))
        return 0;
    return p->tapisim_fail_next(s, (LONG)lineerr);
}

static jint JNICALL ts_tapisim_set_option(JNIEnv *env, jclass cls, jlong provider, jstring name,
                                          jint value)
{
    SIMULATOR(tapisim_set_option, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, name, buf, &s, "name"))
        return 0;
    return p->tapisim_set_option(s, (DWORD)value);
}

static jint JNICALL ts_tapisim_trace(JNIEnv *env, jclass cls, jlong provider, jlong buf, jint size,
                                     jlong needed)
{
    SIMULATOR(tapisim_trace, 0)
    return p->tapisim_trace((char *)PTR(buf), (DWORD)size, (DWORD *)PTR(needed));
}

static jint JNICALL ts_tapisim_trace_clear(JNIEnv *env, jclass cls, jlong provider)
{
    SIMULATOR(tapisim_trace_clear, 0)
    return p->tapisim_trace_clear();
}

static jint JNICALL ts_tapisim_post_messages(JNIEnv *env, jclass cls, jlong provider,
                                              jint hLineApp, jint count)
{
    SIMULATOR(tapisim_post_messages, 0)
    return p->tapisim_post_messages((HLINEAPP)hLineApp, (DWORD)count);
}

/* ---- topology ----------------------------------------------------------------------------- */

static jint JNICALL ts_tapisim_set_lines(JNIEnv *env, jclass cls, jlong provider, jint count)
{
    SIMULATOR(tapisim_set_lines, 0)
    return p->tapisim_set_lines((DWORD)count);
}

static jint JNICALL ts_tapisim_set_line(JNIEnv *env, jclass cls, jlong provider, jint deviceId,
                                        jstring number, jstring name)
{
    SIMULATOR(tapisim_set_line, 0)
    char nbuf[3 * TB_MAX_STRING + 1], mbuf[3 * TB_MAX_STRING + 1];
    const char *n, *m;
    if (!get_utf8(env, number, nbuf, &n, "number") || !get_utf8(env, name, mbuf, &m, "name"))
        return 0;
    return p->tapisim_set_line((DWORD)deviceId, n, m);
}

static jint JNICALL ts_tapisim_set_completion_caps(JNIEnv *env, jclass cls, jlong provider,
                                                   jint deviceId, jint max, jint modes, jint conds)
{
    SIMULATOR(tapisim_set_completion_caps, 0)
    return p->tapisim_set_completion_caps((DWORD)deviceId, (DWORD)max, (DWORD)modes, (DWORD)conds);
}

static jint JNICALL ts_tapisim_set_completion_messages(JNIEnv *env, jclass cls, jlong provider,
                                                       jint deviceId, jstring texts)
{
    SIMULATOR(tapisim_set_completion_messages, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, texts, buf, &s, "texts"))
        return 0;
    return p->tapisim_set_completion_messages((DWORD)deviceId, s);
}

static jint JNICALL ts_tapisim_set_addresses(JNIEnv *env, jclass cls, jlong provider,
                                             jint deviceId, jstring numbers)
{
    SIMULATOR(tapisim_set_addresses, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, numbers, buf, &s, "numbers"))
        return 0;
    return p->tapisim_set_addresses((DWORD)deviceId, s);
}

static jint JNICALL ts_tapisim_set_address_completion_caps(JNIEnv *env, jclass cls, jlong provider,
                                                           jint deviceId, jint addressId, jint max,
                                                           jint modes, jint conds)
{
    SIMULATOR(tapisim_set_address_completion_caps, 0)
    return p->tapisim_set_address_completion_caps((DWORD)deviceId, (DWORD)addressId, (DWORD)max,
                                                  (DWORD)modes, (DWORD)conds);
}

static jint JNICALL ts_tapisim_set_address_completion_messages(JNIEnv *env, jclass cls,
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

static jint JNICALL ts_tapisim_sync(JNIEnv *env, jclass cls, jlong provider, jint hLineApp,
                                    jint token)
{
    SIMULATOR(tapisim_sync, 0)
    return p->tapisim_sync((HLINEAPP)hLineApp, (DWORD)token);
}

/* ---- simulator: remote stations driven by the test (tapisim.h) ---------------------------- */

static jint JNICALL ts_tapisim_remote_call(JNIEnv *env, jclass cls, jlong provider, jstring from,
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

static jint JNICALL ts_tapisim_remote_call_ex(JNIEnv *env, jclass cls, jlong provider, jstring from,
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

static jint JNICALL ts_tapisim_remote_answer(JNIEnv *env, jclass cls, jlong provider, jstring number)
{
    SIMULATOR(tapisim_remote_answer, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, number, buf, &s, "number"))
        return 0;
    return p->tapisim_remote_answer(s);
}

static jint JNICALL ts_tapisim_remote_hangup(JNIEnv *env, jclass cls, jlong provider, jstring number)
{
    SIMULATOR(tapisim_remote_hangup, 0)
    char buf[3 * TB_MAX_STRING + 1];
    const char *s;
    if (!get_utf8(env, number, buf, &s, "number"))
        return 0;
    return p->tapisim_remote_hangup(s);
}

static jint JNICALL ts_tapisim_remote_digits(JNIEnv *env, jclass cls, jlong provider, jstring number,
                                             jstring digits)
{
    SIMULATOR(tapisim_remote_digits, 0)
    char nbuf[3 * TB_MAX_STRING + 1], dbuf[3 * TB_MAX_STRING + 1];
    const char *n, *d;
    if (!get_utf8(env, number, nbuf, &n, "number") || !get_utf8(env, digits, dbuf, &d, "digits"))
        return 0;
    return p->tapisim_remote_digits(n, d);
}

/* ---- registration ------------------------------------------------------------------------- */

#define NATIVE(name, signature) { (char *)#name, (char *)signature, (void *)ts_##name }

/* In the order of TapisimJni.java's declarations. */
const JNINativeMethod tapisimjni_methods[] = {
    NATIVE(hasSimulatorControl, "(J)Z"),
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
    NATIVE(tapisim_remote_call_ex, "(JLjava/lang/String;Ljava/lang/String;Ljava/lang/String;IJ)I"),
    NATIVE(tapisim_remote_digits, "(JLjava/lang/String;Ljava/lang/String;)I"),
    NATIVE(tapisim_set_addresses, "(JILjava/lang/String;)I"),
    NATIVE(tapisim_set_address_completion_caps, "(JIIIII)I"),
    NATIVE(tapisim_set_address_completion_messages, "(JIILjava/lang/String;)I"),
};

const jint tapisimjni_method_count = (jint)(sizeof tapisimjni_methods / sizeof *tapisimjni_methods);
