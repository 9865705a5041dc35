package io.github.tapibridge.internal;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Provider;
import io.github.tapibridge.internal.jni.JniBackend;
import io.github.tapibridge.spi.TapiBackend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Opens a {@link TapiBackend} for a backend kind and a provider. The only place that knows the
 * backend implementation classes, so the public package never depends on them. The JNA and FFM
 * backends are looked up by name, so that a build without them (or without the JNA library, or
 * on a JDK older than 22) still works with JNI. The FFM backend lives in the multi-release part
 * of the jar ({@code META-INF/versions/22}), which a JDK below 22 does not see.
 */
public final class Backends {

    private static final String JNA_CLASS = "io.github.tapibridge.internal.jna.JnaBackend";

    /** A class of JNA itself, to tell whether JNA is there before the backend needs it. */
    private static final String JNA_PROBE = "com.sun.jna.Native";

    /** The JNA version this build is made and tested with. */
    private static final String JNA_VERSION = "5.17";

    private static final String FFM_CLASS = "io.github.tapibridge.internal.ffm.FfmBackend";

    /** The first JDK with the final java.lang.foreign API and {@code Linker.Option.critical}. */
    static final int FFM_JDK = 22;

    private Backends() {
    }

    /**
     * Opens a backend bound to a provider library.
     *
     * @param backend JNI, JNA or FFM
     * @param provider the provider library
     * @return an open backend; the caller closes it
     * @throws IllegalStateException if the backend is not available in this build, or (for JNA)
     *         JNA is not on the class path or module path; the message says how to add it; or
     *         (for FFM) the JDK is older than 22 or this build has no FFM part
     * @throws UnsatisfiedLinkError if a native library cannot be loaded
     */
    public static TapiBackend open(Backend backend, Provider provider) {
        IsolatedLibrary isolated = ProviderAccess.library(provider);
        if (isolated != null) {
            return openIsolated(backend, isolated);
        }
        if (backend == Backend.JNI) {
            switch (provider.kind()) {
                case SIMULATOR:
                    return JniBackend.openSimulator();
                case SYSTEM:
                    return JniBackend.openSystem();
                default:
                    return JniBackend.openLibrary(provider.path().orElseThrow());
            }
        }
        Class<?> type = backend == Backend.FFM ? ffmBackendClass(Runtime.version().feature()) : jnaBackendClass();
        try {
            Object result;
            switch (provider.kind()) {
                case SIMULATOR:
                    result = factory(type, "openSimulator").invoke(null);
                    break;
                case SYSTEM:
                    result = factory(type, "openSystem").invoke(null);
                    break;
                default:
                    result = factory(type, "openLibrary", Path.class)
                            .invoke(null, provider.path().orElseThrow());
                    break;
            }
            return (TapiBackend) result;
        } catch (InvocationTargetException e) {
            throw rethrow(backend, e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("The " + backend + " backend of this build cannot open " + provider
                    + "; use Backend.JNI", e);
        }
    }

    /**
     * A backend on an isolated switch's private copy, counted by it until the backend closes.
     *
     * @throws IllegalStateException if the switch is closed
     */
    private static TapiBackend openIsolated(Backend backend, IsolatedLibrary isolated) {
        isolated.acquire();
        boolean opened = false;
        try {
            String description = isolated + " (" + isolated.file() + ")";
            TapiBackend b;
            if (backend == Backend.JNI) {
                b = JniBackend.openIsolated(isolated.file(), description, isolated::release);
            } else {
                Class<?> type = backend == Backend.FFM ? ffmBackendClass(Runtime.version().feature())
                        : jnaBackendClass();
                try {
                    b = (TapiBackend) factory(type, "openIsolated", Path.class, String.class, Runnable.class)
                            .invoke(null, isolated.file(), description, (Runnable) isolated::release);
                } catch (InvocationTargetException e) {
                    throw rethrow(backend, e);
                } catch (ReflectiveOperationException | LinkageError e) {
                    throw new IllegalStateException("The " + backend + " backend of this build cannot open "
                            + isolated + "; use Backend.JNI", e);
                }
            }
            opened = true;
            return b;
        } finally {
            if (!opened) {
                isolated.release();
            }
        }
    }

    /** The JNA backend class, initialised; IllegalStateException saying what is missing. */
    private static Class<?> jnaBackendClass() {
        ClassLoader loader = Backends.class.getClassLoader();
        try {
            Class.forName(JNA_PROBE, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw jnaMissing(e);
        }
        try {
            return Class.forName(JNA_CLASS, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The JNA backend is not available in this build of"
                    + " tapibridge; use Backend.JNI", e);
        } catch (LinkageError e) {
            throw jnaMissing(e);
        }
    }

    /**
     * The FFM backend class, initialised.
     *
     * @param jdk the feature version of the running JDK
     * @throws IllegalStateException below JDK 22 (the message says that Backend.FFM needs JDK
     *         22+); if this build has no FFM part, opening through the class throws it
     */
    static Class<?> ffmBackendClass(int jdk) {
        if (jdk < FFM_JDK) {
            throw new IllegalStateException("Backend.FFM needs JDK " + FFM_JDK + "+ at run time"
                    + " (java.lang.foreign); this is Java " + jdk + ". Run on JDK " + FFM_JDK
                    + " or later, or use Backend.JNI or Backend.JNA");
        }
        try {
            // Below the real class of META-INF/versions/22, a stand-in whose factories throw.
            return Class.forName(FFM_CLASS, true, Backends.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Backend.FFM is not in this build of tapibridge; use"
                    + " Backend.JNI or Backend.JNA", e);
        }
    }

    /** What a JNA or FFM backend factory threw, as it should reach the caller. */
    private static RuntimeException rethrow(Backend backend, InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (backend == Backend.JNA && cause instanceof NoClassDefFoundError) {
            return jnaMissing(cause); // a part of JNA is missing or cannot be loaded
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new IllegalStateException("Opening the " + backend + " backend failed", cause);
    }

    /** Backend.JNA without (all of) JNA: how to add it, and the alternative. */
    private static IllegalStateException jnaMissing(Throwable cause) {
        return new IllegalStateException("Backend.JNA needs JNA " + JNA_VERSION + " or later"
                + " (Maven: net.java.dev.jna:jna) on the class path, or on the module path with"
                + " --add-modules com.sun.jna; it was not found (" + cause + "). Add it, or use"
                + " Backend.JNI, which needs no JNA", cause);
    }

    private static Method factory(Class<?> type, String name, Class<?>... parameters)
            throws NoSuchMethodException {
        return type.getMethod(name, parameters);
    }
}
