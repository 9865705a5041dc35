/* Shared by the parts of the JNI test host: the natives it calls and its check helpers. */
#ifndef JNI_HOST_H
#define JNI_HOST_H

#include "fake_jvm.h"

#ifdef _WIN32
#include <windows.h>
#endif

/* Function types of the natives, named after their Java descriptors (S = String, B = byte[],
 * O = an object result). */
typedef jint (JNICALL *nat__I)(JNIEnv *, jclass);
typedef jlong (JNICALL *nat__J)(JNIEnv *, jclass);
typedef jlong (JNICALL *nat_SZ_J)(JNIEnv *, jclass, jstring, jboolean);
typedef void (JNICALL *nat_J_V)(JNIEnv *, jclass, jlong);
typedef jboolean (JNICALL *nat_J_Z)(JNIEnv *, jclass, jlong);
typedef jint (JNICALL *nat_J_I)(JNIEnv *, jclass, jlong);
typedef jlong (JNICALL *nat_J_J)(JNIEnv *, jclass, jlong);
typedef jlong (JNICALL *nat_JJ_J)(JNIEnv *, jclass, jlong, jlong);
typedef void (JNICALL *nat_JJ_V)(JNIEnv *, jclass, jlong, jlong);
typedef void (JNICALL *nat_JI_V)(JNIEnv *, jclass, jlong, jint);
typedef void (JNICALL *nat_JBII_V)(JNIEnv *, jclass, jlong, jbyteArray, jint, jint);
typedef jobject (JNICALL *nat_JI_O)(JNIEnv *, jclass, jlong, jint);
typedef jint (JNICALL *nat_JI_I)(JNIEnv *, jclass, jlong, jint);
typedef jint (JNICALL *nat_JII_I)(JNIEnv *, jclass, jlong, jint, jint);
typedef jint (JNICALL *nat_JSI_I)(JNIEnv *, jclass, jlong, jstring, jint);
typedef jint (JNICALL *nat_JIJI_I)(JNIEnv *, jclass, jlong, jint, jlong, jint);
typedef jint (JNICALL *nat_JIJII_I)(JNIEnv *, jclass, jlong, jint, jlong, jint, jint);
typedef jint (JNICALL *nat_JIJSIJ_I)(JNIEnv *, jclass, jlong, jint, jlong, jstring, jint, jlong);
typedef jint (JNICALL *nat_JJJSJJJ_I)(JNIEnv *, jclass, jlong, jlong, jlong, jstring, jlong,
                                      jlong, jlong);
typedef jint (JNICALL *nat_JIIIIJJ_I)(JNIEnv *, jclass, jlong, jint, jint, jint, jint, jlong,
                                      jlong);
typedef jint (JNICALL *nat_JIIJIIJIIJ_I)(JNIEnv *, jclass, jlong, jint, jint, jlong, jint, jint,
                                         jlong, jint, jint, jlong);

/* The natives the host calls: X(class, name, descriptor, type), class being TAPIJNI_CLASS or
 * TAPISIMJNI_CLASS (fake_jvm.h), the Java class that declares the native. */
#define HOST_NATIVES(X)                                                                         \
    X(TAPIJNI_CLASS, abiVersion, "()I", nat__I)                                                 \
    X(TAPIJNI_CLASS, openProvider, "(Ljava/lang/String;Z)J", nat_SZ_J)                          \
    X(TAPIJNI_CLASS, openSystemProvider, "()J", nat__J)                                         \
    X(TAPIJNI_CLASS, closeProvider, "(J)V", nat_J_V)                                            \
    X(TAPIJNI_CLASS, allocate, "(JJ)J", nat_JJ_J)                                               \
    X(TAPIJNI_CLASS, free, "(JJ)V", nat_JJ_V)                                                   \
    X(TAPIJNI_CLASS, liveAllocations, "(J)J", nat_J_J)                                          \
    X(TAPIJNI_CLASS, getInt, "(J)I", nat_J_I)                                                   \
    X(TAPIJNI_CLASS, putInt, "(JI)V", nat_JI_V)                                                 \
    X(TAPIJNI_CLASS, read, "(J[BII)V", nat_JBII_V)                                              \
    X(TAPIJNI_CLASS, write, "(J[BII)V", nat_JBII_V)                                             \
    X(TAPIJNI_CLASS, view, "(JI)Ljava/nio/ByteBuffer;", nat_JI_O)                               \
    X(TAPIJNI_CLASS, lineInitializeExW, "(JJJLjava/lang/String;JJJ)I", nat_JJJSJJJ_I)           \
    X(TAPIJNI_CLASS, lineShutdown, "(JI)I", nat_JI_I)                                           \
    X(TAPIJNI_CLASS, lineNegotiateAPIVersion, "(JIIIIJJ)I", nat_JIIIIJJ_I)                      \
    X(TAPIJNI_CLASS, lineOpenW, "(JIIJIIJIIJ)I", nat_JIIJIIJIIJ_I)                              \
    X(TAPIJNI_CLASS, lineClose, "(JI)I", nat_JI_I)                                              \
    X(TAPIJNI_CLASS, lineMakeCallW, "(JIJLjava/lang/String;IJ)I", nat_JIJSIJ_I)                 \
    X(TAPIJNI_CLASS, lineDrop, "(JIJI)I", nat_JIJI_I)                                           \
    X(TAPIJNI_CLASS, lineDeallocateCall, "(JI)I", nat_JI_I)                                     \
    X(TAPIJNI_CLASS, lineGetMessage, "(JIJI)I", nat_JIJI_I)                                     \
    X(TAPIJNI_CLASS, lineCompleteCall, "(JIJII)I", nat_JIJII_I)                                 \
    X(TAPIJNI_CLASS, lineUncompleteCall, "(JII)I", nat_JII_I)                                   \
    X(TAPISIMJNI_CLASS, hasSimulatorControl, "(J)Z", nat_J_Z)                                   \
    X(TAPISIMJNI_CLASS, tapisim_reset, "(J)I", nat_J_I)                                         \
    X(TAPISIMJNI_CLASS, tapisim_set_station, "(JLjava/lang/String;I)I", nat_JSI_I)              \
    X(TAPISIMJNI_CLASS, tapisim_advance, "(JI)I", nat_JI_I)                                     \
    X(TAPISIMJNI_CLASS, tapisim_now, "(J)I", nat_J_I)

/* Each native and the class object it is called with (that of its class). */
typedef struct {
#define HOST_FIELD(cls, name, descriptor, type) type name; jclass name##_class;
    HOST_NATIVES(HOST_FIELD)
#undef HOST_FIELD
} host_natives;

extern host_natives nat;

/* Calls a native as Java would: J(name, arguments...), J0(name) for none. */
#define J(name, ...) nat.name(fj_env(), nat.name##_class, __VA_ARGS__)
#define J0(name) nat.name(fj_env(), nat.name##_class)

/* Prints "ok - ..." or "not ok - ..."; returns cond. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
int check(int cond, const char *format, ...);

/* No exception pending; else prints it as a "#" line, clears it and returns 0. */
int clean(void);

/* The pending exception is of class `name` ("java/lang/..."); prints its message as a "#"
 * line, clears it. Any other pending exception or none: prints it and returns 0. */
int thrown(const char *name);

/* A library path as given, as the loader wants it and as a label for messages. */
typedef struct {
    char *label; /* UTF-8 */
#ifdef _WIN32
    WCHAR *path; /* full path */
#else
    const char *path;
#endif
} host_path;

/* The path with an ASCII suffix, as a Java string. */
jstring host_path_string(const host_path *hp, const char *suffix);

/* openSystemProvider: System32 only on Windows, an exception elsewhere (host_system.c). */
void check_system_provider(void);

/* Opens the simulator and runs one call completion round trip (host_round_trip.c). */
void check_round_trip(jstring simulator, const char *label);

/* Private copies of the simulator opened unpinned: separate switches, unmapped by their last
 * close (host_isolation.c). */
void check_isolation(const host_path *simulator);

#endif /* JNI_HOST_H */
