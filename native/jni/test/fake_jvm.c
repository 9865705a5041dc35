/* The fake JavaVM and JNIEnv of jni_host.c (see fake_jvm.h). */
#include "fake_jvm.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FJ_CLASS = 0x4a4e4901, FJ_STRING, FJ_BYTES, FJ_BUFFER };

typedef struct fj_object {
    int kind;
    struct fj_object *next; /* every string, array and buffer made, for fj_shutdown */
    const char *name;       /* FJ_CLASS */
    int throwable;          /* FJ_CLASS */
    jsize length;           /* FJ_STRING: UTF-16 units; FJ_BYTES: bytes */
    void *data;             /* FJ_STRING, FJ_BYTES: the elements; FJ_BUFFER: the address */
    jlong capacity;         /* FJ_BUFFER */
} fj_object;

/* The classes FindClass knows: TapiJni, TapisimJni and the exceptions the bridge throws. */
static fj_object classes[] = {
    { FJ_CLASS, NULL, TAPIJNI_CLASS, 0, 0, NULL, 0 },
    { FJ_CLASS, NULL, TAPISIMJNI_CLASS, 0, 0, NULL, 0 },
    { FJ_CLASS, NULL, "java/lang/IllegalArgumentException", 1, 0, NULL, 0 },
    { FJ_CLASS, NULL, "java/lang/IllegalStateException", 1, 0, NULL, 0 },
    { FJ_CLASS, NULL, "java/lang/NullPointerException", 1, 0, NULL, 0 },
    { FJ_CLASS, NULL, "java/lang/OutOfMemoryError", 1, 0, NULL, 0 },
    { FJ_CLASS, NULL, "java/lang/UnsatisfiedLinkError", 1, 0, NULL, 0 },
    { FJ_CLASS, NULL, "java/lang/UnsupportedOperationException", 1, 0, NULL, 0 },
};

static fj_object *objects;
static fj_native *natives;
static size_t native_count, native_capacity;
static int register_calls;
static int misuse_count;
static long local_refs;
static const char *pending;        /* class name of the pending exception, or NULL */
static char pending_message[2048];

static JavaVM vm;
static JNIEnv env;

static void misuse(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    fputs("# JNI misuse: ", stdout);
    vprintf(format, ap);
    fputs("\n", stdout);
    va_end(ap);
    misuse_count++;
}

static void throw_pending(const char *className, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    vsnprintf(pending_message, sizeof pending_message, format, ap);
    va_end(ap);
    pending = className;
}

/* The block, or the end of the run if there is none. */
static void *need(void *block)
{
    if (block == NULL) {
        fputs("fake_jvm: out of memory\n", stderr);
        exit(2);
    }
    return block;
}

static char *copy(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(need(malloc(n)), s, n);
}

/* The object behind o if it is of `kind`, else NULL (misuse). */
static fj_object *as(const void *o, int kind, const char *fn)
{
    fj_object *f = (fj_object *)o;
    if (f == NULL || f->kind != kind) {
        misuse("%s: %s is not the right kind of object", fn, f == NULL ? "NULL" : "argument");
        return NULL;
    }
    return f;
}

static fj_object *new_object(int kind, size_t dataSize)
{
    fj_object *o = need(calloc(1, sizeof *o));
    o->kind = kind;
    o->data = dataSize > 0 ? need(calloc(1, dataSize)) : NULL;
    o->next = objects;
    objects = o;
    return o;
}

/* Every JNI function but the few allowed with an exception pending starts with this. */
#define NOT_PENDING(fn)                                                                         \
    do {                                                                                        \
        if (pending != NULL)                                                                    \
            misuse("%s called with %s pending", fn, pending);                                   \
    } while (0)

/* start and len within [0, length) */
static int in_bounds(jsize start, jsize len, jsize length)
{
    return start >= 0 && len >= 0 && start <= length - len;
}

/* ---- JNIEnv ------------------------------------------------------------------------------ */

static jclass JNICALL FindClass(JNIEnv *e, const char *name)
{
    (void)e;
    NOT_PENDING("FindClass");
    for (size_t i = 0; i < sizeof classes / sizeof *classes; i++) {
        if (strcmp(classes[i].name, name) == 0) {
            local_refs++;
            return (jclass)(void *)&classes[i];
        }
    }
    misuse("FindClass(\"%s\"): a class this host does not know", name);
    throw_pending("java/lang/NoClassDefFoundError", "%s", name);
    return NULL;
}

static jint JNICALL ThrowNew(JNIEnv *e, jclass clazz, const char *message)
{
    (void)e;
    NOT_PENDING("ThrowNew");
    fj_object *c = as(clazz, FJ_CLASS, "ThrowNew");
    if (c == NULL || !c->throwable) {
        misuse("ThrowNew: not an exception class");
        return JNI_ERR;
    }
    throw_pending(c->name, "%s", message != NULL ? message : "");
    return JNI_OK;
}

static void JNICALL ExceptionClear(JNIEnv *e)
{
    (void)e;
    pending = NULL;
}

static jboolean JNICALL ExceptionCheck(JNIEnv *e)
{
    (void)e;
    return pending != NULL ? JNI_TRUE : JNI_FALSE;
}

static void JNICALL DeleteLocalRef(JNIEnv *e, jobject o)
{
    (void)e;
    const fj_object *f = (const fj_object *)(void *)o;
    if (f == NULL || f->kind == FJ_STRING || f->kind == FJ_BYTES)
        return; /* arguments: the caller's references */
    if (f->kind != FJ_CLASS && f->kind != FJ_BUFFER)
        misuse("DeleteLocalRef: not an object of this JVM");
    else if (--local_refs < 0)
        misuse("DeleteLocalRef: more references deleted than handed out");
}

static jint JNICALL RegisterNatives(JNIEnv *e, jclass clazz, const JNINativeMethod *methods,
                                    jint n)
{
    (void)e;
    NOT_PENDING("RegisterNatives");
    const fj_object *c = as(clazz, FJ_CLASS, "RegisterNatives");
    if (c != &classes[0] && c != &classes[1]) {
        misuse("RegisterNatives: not the class %s or %s", TAPIJNI_CLASS, TAPISIMJNI_CLASS);
        return JNI_ERR;
    }
    if (n <= 0 || methods == NULL) {
        misuse("RegisterNatives: %ld methods", (long)n);
        return JNI_ERR;
    }
    for (jint i = 0; i < n; i++) {
        if (native_count == native_capacity) {
            native_capacity = native_capacity ? 2 * native_capacity : 64;
            natives = need(realloc(natives, native_capacity * sizeof *natives));
        }
        fj_native *r = &natives[native_count++];
        r->cls = c->name;
        r->name = copy(methods[i].name);
        r->signature = copy(methods[i].signature);
        r->fnPtr = methods[i].fnPtr;
        r->batch = register_calls;
    }
    register_calls++;
    return JNI_OK;
}

static jsize JNICALL GetStringLength(JNIEnv *e, jstring s)
{
    (void)e;
    NOT_PENDING("GetStringLength");
    fj_object *o = as(s, FJ_STRING, "GetStringLength");
    return o != NULL ? o->length : 0;
}

static void JNICALL GetStringRegion(JNIEnv *e, jstring s, jsize start, jsize len, jchar *buf)
{
    (void)e;
    NOT_PENDING("GetStringRegion");
    fj_object *o = as(s, FJ_STRING, "GetStringRegion");
    if (o == NULL)
        return;
    if (!in_bounds(start, len, o->length)) {
        throw_pending("java/lang/StringIndexOutOfBoundsException", "%ld + %ld of %ld", (long)start,
              (long)len, (long)o->length);
        return;
    }
    memcpy(buf, (jchar *)o->data + start, (size_t)len * sizeof *buf);
}

static void JNICALL GetByteArrayRegion(JNIEnv *e, jbyteArray a, jsize start, jsize len,
                                       jbyte *buf)
{
    (void)e;
    NOT_PENDING("GetByteArrayRegion");
    fj_object *o = as(a, FJ_BYTES, "GetByteArrayRegion");
    if (o == NULL)
        return;
    if (!in_bounds(start, len, o->length)) {
        throw_pending("java/lang/ArrayIndexOutOfBoundsException", "%ld + %ld of %ld", (long)start,
              (long)len, (long)o->length);
        return;
    }
    memcpy(buf, (jbyte *)o->data + start, (size_t)len);
}

static void JNICALL SetByteArrayRegion(JNIEnv *e, jbyteArray a, jsize start, jsize len,
                                       const jbyte *buf)
{
    (void)e;
    NOT_PENDING("SetByteArrayRegion");
    fj_object *o = as(a, FJ_BYTES, "SetByteArrayRegion");
    if (o == NULL)
        return;
    if (!in_bounds(start, len, o->length)) {
        throw_pending("java/lang/ArrayIndexOutOfBoundsException", "%ld + %ld of %ld", (long)start,
              (long)len, (long)o->length);
        return;
    }
    memcpy((jbyte *)o->data + start, buf, (size_t)len);
}

static jobject JNICALL NewDirectByteBuffer(JNIEnv *e, void *address, jlong capacity)
{
    (void)e;
    NOT_PENDING("NewDirectByteBuffer");
    if (address == NULL || capacity < 0 || capacity > INT32_MAX)
        misuse("NewDirectByteBuffer: address %p, capacity %ld", address, (long)capacity);
    fj_object *o = new_object(FJ_BUFFER, 0);
    o->data = address;
    o->capacity = capacity;
    local_refs++;
    return (jobject)(void *)o;
}

static const struct JNINativeInterface_ env_functions = {
    .FindClass = FindClass,
    .ThrowNew = ThrowNew,
    .ExceptionClear = ExceptionClear,
    .ExceptionCheck = ExceptionCheck,
    .DeleteLocalRef = DeleteLocalRef,
    .RegisterNatives = RegisterNatives,
    .GetStringLength = GetStringLength,
    .GetStringRegion = GetStringRegion,
    .GetByteArrayRegion = GetByteArrayRegion,
    .SetByteArrayRegion = SetByteArrayRegion,
    .NewDirectByteBuffer = NewDirectByteBuffer,
};

/* ---- JavaVM ------------------------------------------------------------------------------ */

static jint JNICALL GetEnv(JavaVM *v, void **penv, jint version)
{
    if (v != &vm || penv == NULL) {
        misuse("GetEnv: not this JavaVM, or no place for the JNIEnv");
        return JNI_ERR;
    }
    switch (version) {
    case JNI_VERSION_1_1: case JNI_VERSION_1_2: case JNI_VERSION_1_4: case JNI_VERSION_1_6:
    case JNI_VERSION_1_8:
        *penv = &env;
        return JNI_OK;
    default:
        *penv = NULL;
        return JNI_EVERSION;
    }
}

static const struct JNIInvokeInterface_ vm_functions = {
    .GetEnv = GetEnv,
};

static JavaVM vm = &vm_functions;
static JNIEnv env = &env_functions;

/* ---- the host's side ---------------------------------------------------------------------- */

JavaVM *fj_vm(void) { return &vm; }
JNIEnv *fj_env(void) { return &env; }
jclass fj_tapijni(void) { return (jclass)(void *)&classes[0]; }
jclass fj_tapisimjni(void) { return (jclass)(void *)&classes[1]; }
int fj_register_calls(void) { return register_calls; }
size_t fj_native_count(void) { return native_count; }
const fj_native *fj_native_at(size_t i) { return i < native_count ? &natives[i] : NULL; }
const char *fj_exception(void) { return pending; }
const char *fj_exception_message(void) { return pending != NULL ? pending_message : NULL; }
void fj_exception_clear(void) { pending = NULL; }
int fj_misuse(void) { return misuse_count; }
long fj_local_refs(void) { return local_refs; }

void *fj_lookup(const char *cls, const char *name, const char *signature)
{
    for (size_t i = 0; i < native_count; i++) {
        if (strcmp(natives[i].cls, cls) == 0 && strcmp(natives[i].name, name) == 0
            && strcmp(natives[i].signature, signature) == 0)
            return natives[i].fnPtr;
    }
    return NULL;
}

jstring fj_string_utf16(const jchar *units, jsize length)
{
    fj_object *o = new_object(FJ_STRING, ((size_t)length + 1) * sizeof(jchar));
    memcpy(o->data, units, (size_t)length * sizeof(jchar));
    o->length = length;
    return (jstring)(void *)o;
}

/* UTF-8 to UTF-16; a malformed sequence becomes U+FFFD. */
jstring fj_string(const char *utf8)
{
    size_t n = strlen(utf8);
    jchar *w = need(malloc((n + 1) * sizeof *w));
    const unsigned char *s = (const unsigned char *)utf8;
    jsize len = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = s[i];
        int extra = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2
                  : (c & 0xF8) == 0xF0 ? 3 : -1;
        int ok = extra >= 0 && i + (size_t)extra < n;
        c &= extra <= 0 ? 0x7F : 0x3F >> extra;
        for (int k = 1; ok && k <= extra; k++) {
            ok = (s[i + (size_t)k] & 0xC0) == 0x80;
            c = (c << 6) | (s[i + (size_t)k] & 0x3F);
        }
        i += ok ? (size_t)extra + 1 : 1;
        if (!ok || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            c = 0xFFFD;
        if (c >= 0x10000) {
            w[len++] = (jchar)(0xD800 + ((c - 0x10000) >> 10));
            w[len++] = (jchar)(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            w[len++] = (jchar)c;
        }
    }
    jstring r = fj_string_utf16(w, len);
    free(w);
    return r;
}

jbyteArray fj_bytes(jsize length)
{
    fj_object *o = new_object(FJ_BYTES, (size_t)length + 1);
    o->length = length;
    return (jbyteArray)(void *)o;
}

jbyte *fj_bytes_data(jbyteArray array)
{
    fj_object *o = as(array, FJ_BYTES, "fj_bytes_data");
    return o != NULL ? (jbyte *)o->data : NULL;
}

int fj_buffer(jobject buffer, void **address, jlong *capacity)
{
    const fj_object *o = (const fj_object *)(void *)buffer;
    if (o == NULL || o->kind != FJ_BUFFER)
        return 0;
    *address = o->data;
    *capacity = o->capacity;
    return 1;
}

void fj_shutdown(void)
{
    while (objects != NULL) {
        fj_object *o = objects;
        objects = o->next;
        if (o->kind != FJ_BUFFER)
            free(o->data);
        free(o);
    }
    for (size_t i = 0; i < native_count; i++) {
        free((void *)natives[i].name);
        free((void *)natives[i].signature);
    }
    free(natives);
    natives = NULL;
    native_count = native_capacity = 0;
}
