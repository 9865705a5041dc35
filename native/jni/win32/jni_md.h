/*
 * The machine-dependent part of the JNI header for 64-bit Windows, used only when the bridge is
 * cross-built with mingw-w64 (a cross build has no Windows JDK to take it from; the portable
 * jni.h of the building JDK includes this file). A Windows JDK defines the same types and
 * calling convention:
 * - jint is a Windows `long` (32 bits under LLP64), jlong a 64-bit integer, jbyte a signed char;
 * - JNIEXPORT exports from a DLL, JNIIMPORT imports; JNICALL is __stdcall, which x64 ignores
 *   (there is one calling convention), kept so that 32-bit declarations read the same.
 */
#ifndef _JAVASOFT_JNI_MD_H_
#define _JAVASOFT_JNI_MD_H_

#ifndef _WIN32
#error "native/jni/win32/jni_md.h is for Windows targets only; use the JDK's own jni_md.h"
#endif

#define JNIEXPORT __declspec(dllexport)
#define JNIIMPORT __declspec(dllimport)
#define JNICALL __stdcall

typedef long jint;
typedef long long jlong;
typedef signed char jbyte;

#endif /* _JAVASOFT_JNI_MD_H_ */
