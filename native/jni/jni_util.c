/* The shared helpers of the natives (jni_util.h): exceptions and string arguments. */
#include "jni_util.h"

#include <stdarg.h>
#include <stdio.h>

/* ---- exceptions ------------------------------------------------------------------------- */

/* Throws className with message (see jni_util.h). */
void throw_new(JNIEnv *env, const char *className, const char *message)
{
    jclass c = (*env)->FindClass(env, className);
    if (c != NULL) { /* else NoClassDefFoundError is pending */
        (*env)->ThrowNew(env, c, message);
        (*env)->DeleteLocalRef(env, c);
    }
}

/* throw_new with a formatted message. */
void throw_fmt(JNIEnv *env, const char *className, const char *format, ...)
{
    char message[1024];
    va_list ap;
    va_start(ap, format);
    vsnprintf(message, sizeof message, format, ap);
    va_end(ap);
    throw_new(env, className, message);
}

/* ---- strings ------------------------------------------------------------------------------ */

/* A Java string argument as NUL-terminated UTF-16 (see jni_util.h). */
int get_wstr(JNIEnv *env, jstring s, WCHAR *buf, const WCHAR **out, const char *what)
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
void utf16_to_utf8(const WCHAR *w, size_t n, char *out)
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
int get_utf8(JNIEnv *env, jstring s, char *buf, const char **out, const char *what)
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
