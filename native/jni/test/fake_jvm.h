/*
 * A JavaVM and JNIEnv of our own for running the JNI bridge without a JVM (jni_host.c): real
 * JNI function tables with only the slots the bridge uses filled in, every other slot NULL so
 * that an unexpected call crashes. One thread, one environment.
 *
 * Objects are the fake's own (class, string, byte array, direct buffer), handed out as jobject.
 * RegisterNatives records what it is given; a Java exception is a pending (class, message) pair.
 * A JNI call made while an exception is pending (other than ExceptionCheck, ExceptionClear and
 * DeleteLocalRef) or with a wrong argument counts as misuse: it prints a "#" line and
 * fj_misuse() counts it.
 */
#ifndef FAKE_JVM_H
#define FAKE_JVM_H

#include <jni.h>
#include <stddef.h>

#define TAPIJNI_CLASS "io/github/tapibridge/internal/jni/TapiJni"
#define TAPISIMJNI_CLASS "io/github/tapibridge/internal/jni/TapisimJni"

/* One RegisterNatives entry: batch is the index of the RegisterNatives call (0 = first), cls
 * the name of the class it was registered on (TAPIJNI_CLASS or TAPISIMJNI_CLASS). */
typedef struct {
    const char *cls;
    const char *name;
    const char *signature;
    void *fnPtr;
    int batch;
} fj_native;

JavaVM *fj_vm(void);
JNIEnv *fj_env(void);
/* The class object of TapiJni, as natives receive it. */
jclass fj_tapijni(void);
/* The class object of TapisimJni, as natives receive it. */
jclass fj_tapisimjni(void);

/* The RegisterNatives calls: how many, and every entry in the order given. */
int fj_register_calls(void);
size_t fj_native_count(void);
const fj_native *fj_native_at(size_t i);
/* The function registered as (name, signature) on the class cls, NULL if none. */
void *fj_lookup(const char *cls, const char *name, const char *signature);

/* The pending exception: its class ("java/lang/...") or NULL, and its message. */
const char *fj_exception(void);
const char *fj_exception_message(void);
void fj_exception_clear(void);

/* JNI misuse seen so far; local references handed to the bridge and not yet deleted. */
int fj_misuse(void);
long fj_local_refs(void);

/* Arguments for natives, freed by fj_shutdown. */
jstring fj_string(const char *utf8);
jstring fj_string_utf16(const jchar *units, jsize length);
jbyteArray fj_bytes(jsize length);
jbyte *fj_bytes_data(jbyteArray array);
/* A direct buffer's address and capacity; 0 if `buffer` is not one. */
int fj_buffer(jobject buffer, void **address, jlong *capacity);

void fj_shutdown(void);

#endif /* FAKE_JVM_H */
