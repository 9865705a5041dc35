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
 * backend implementation classes, so the public package never depends on them. The JNA backend is
 * looked up by name, so that a build without it (or without the JNA library at run time) still
 * works with JNI.
 */
public final class Backends {

    private static final String JNA_CLASS = "io.github.tapibridge.internal.jna.JnaBackend";

    private Backends() {
    }

    /**
     * Opens a backend bound to a provider library.
     *
     * @param backend JNI or JNA
     * @param provider the provider library
     * @return an open backend; the caller closes it
     * @throws IllegalStateException if the backend is not available in this build
     * @throws UnsatisfiedLinkError if a native library cannot be loaded
     */
    public static TapiBackend open(Backend backend, Provider provider) {
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
        Class<?> type;
        try {
            type = Class.forName(JNA_CLASS, true, Backends.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("The JNA backend is not available in this build of"
                    + " tapibridge (or the JNA library is missing); use Backend.JNI", e);
        }
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
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("Opening the JNA backend failed", cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("The JNA backend of this build cannot open " + provider
                    + "; use Backend.JNI", e);
        }
    }

    private static Method factory(Class<?> type, String name, Class<?>... parameters)
            throws NoSuchMethodException {
        return type.getMethod(name, parameters);
    }
}
