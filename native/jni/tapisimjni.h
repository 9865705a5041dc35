/* The natives of TapisimJni (tapisimjni.c), registered by JNI_OnLoad (tapijni.c). */
#ifndef TAPIBRIDGE_TAPISIMJNI_H
#define TAPIBRIDGE_TAPISIMJNI_H

#include <jni.h>

#define TAPISIMJNI_CLASS "io/github/tapibridge/internal/jni/TapisimJni"

/* Every native of TapisimJni, for one RegisterNatives call. */
extern const JNINativeMethod tapisimjni_methods[];
extern const jint tapisimjni_method_count;

#endif /* TAPIBRIDGE_TAPISIMJNI_H */
