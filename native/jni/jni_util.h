/*
 * Shared by the natives of libtapibridge (tapijni.c, tapisimjni.c): the exceptions they throw,
 * the check macros that open every native, and the conversion of Java string arguments.
 * Internal to the library: nothing here is exported (only JNI_OnLoad is).
 */
#ifndef TAPIBRIDGE_JNI_UTIL_H
#define TAPIBRIDGE_JNI_UTIL_H

#include <jni.h>

#include <stddef.h>
#include <stdint.h>

#include "guard.h"
#include "provider.h"

/* Longest string argument, in UTF-16 code units without the terminator. */
#define TB_MAX_STRING 1024

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

/* Throws className with message; if the class is not found, NoClassDefFoundError is pending. */
void throw_new(JNIEnv *env, const char *className, const char *message);

/* throw_new with a printf-formatted message (cut at 1023 bytes). */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void throw_fmt(JNIEnv *env, const char *className, const char *format, ...);

/* ---- check macros: the first statement of every native ---------------------------------- */

/*
 * Enters the call guard (guard.h) for the Java long `provider` and declares p, its provider;
 * the guard is left when the native returns (a cleanup handler, so every return leaves it, after
 * the returned expression is evaluated). A closed or unknown handle is misuse.
 */
#define PROVIDER(ret)                                                                           \
    (void)cls;                                                                                  \
    tb_reader *tb_reader_ __attribute__((cleanup(tb_guard_leave))) = tb_guard_reader();         \
    if (tb_reader_ == NULL) {                                                                   \
        throw_new(env, OOME, "the call guard's record of this thread");                         \
        return ret;                                                                             \
    }                                                                                           \
    tb_provider *p = tb_guard_enter(tb_reader_, provider);                                      \
    if (p == NULL) {                                                                            \
        throw_new(env, ISE, "no TAPI provider: closed or never opened");                        \
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

/* PROVIDER, and the provider must export the call control functions (provider.h). */
#define CALL_CONTROL(fn, ret)                                                                   \
    PROVIDER(ret)                                                                               \
    if (!p->callControl) {                                                                      \
        throw_fmt(env, UOE, "%s: the provider %s does not export lineDialW, lineHold, "         \
                  "lineUnhold and lineSwapHold", #fn, p->label);                                \
        return ret;                                                                             \
    }

/* PROVIDER, and the provider must export the transfer and digits functions (provider.h). */
#define TRANSFER_DIGITS(fn, ret)                                                                \
    PROVIDER(ret)                                                                               \
    if (!p->transferDigits) {                                                                   \
        throw_fmt(env, UOE, "%s: the provider %s does not export lineRedirectW, "               \
                  "lineBlindTransferW, lineGenerateDigitsW and lineMonitorDigits", #fn,         \
                  p->label);                                                                    \
        return ret;                                                                             \
    }

/* PROVIDER, and the provider must export lineGetAddressStatusW (provider.h). */
#define ADDRESS_STATUS(fn, ret)                                                                 \
    PROVIDER(ret)                                                                               \
    if (!p->addressStatus) {                                                                    \
        throw_fmt(env, UOE, "%s: the provider %s does not export it", #fn, p->label);           \
        return ret;                                                                             \
    }

/* PROVIDER, and the provider must export the transfer and conference functions (provider.h). */
#define CONFERENCE(fn, ret)                                                                     \
    PROVIDER(ret)                                                                               \
    if (!p->conference) {                                                                       \
        throw_fmt(env, UOE, "%s: the provider %s does not export lineSetupTransferW, "          \
                  "lineCompleteTransfer, lineAddToConference and lineRemoveFromConference",     \
                  #fn, p->label);                                                               \
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
int get_wstr(JNIEnv *env, jstring s, WCHAR *buf, const WCHAR **out, const char *what);

/* UTF-16 (lone surrogates become U+FFFD) to NUL-terminated UTF-8; out holds 3 * n + 1 bytes. */
void utf16_to_utf8(const WCHAR *w, size_t n, char *out);

/* get_wstr for the char * arguments of the simulator's control API (UTF-8). */
int get_utf8(JNIEnv *env, jstring s, char *buf /* 3 * TB_MAX_STRING + 1 */, const char **out,
             const char *what);

#endif /* TAPIBRIDGE_JNI_UTIL_H */
