package io.github.tapibridge.internal.jna;

import com.sun.jna.FunctionMapper;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Binds {@link DirectTapi}, {@link DirectCallControl}, {@link DirectTransferDigits},
 * {@link DirectAddressStatus}, {@link DirectConference} or {@link DirectSim} to one provider
 * library. A class registered with
 * {@code Native.register} stays bound to that library, so each provider gets its own copy of
 * the class, defined from the same bytes by a private class loader; everything else resolves
 * through the library's own loader. Registered natives are never unregistered, so a library is
 * bound once per process ({@link DirectBinding} calls {@link #bind}, never a backend).
 */
final class DirectLoader extends ClassLoader {

    /** Maps {@code lineGetMessage0} to the symbol {@code lineGetMessage}. */
    private static final FunctionMapper STRIP_ZERO = (library, method) -> {
        String name = method.getName();
        return name.endsWith("0") ? name.substring(0, name.length() - 1) : name;
    };

    /** {@code RTLD_NOW | RTLD_LOCAL} of glibc (2 | 0); ignored on Windows. */
    private static final int RTLD_NOW_LOCAL = 2;

    private DirectLoader(ClassLoader parent) {
        super(parent);
    }

    /** Opens a provider library with the options the direct classes need. */
    static NativeLibrary open(String path) {
        return NativeLibrary.getInstance(path, Map.of(Library.OPTION_FUNCTION_MAPPER, STRIP_ZERO));
    }

    /**
     * The options of an isolated switch's private copy: opened {@code RTLD_NOW | RTLD_LOCAL} where
     * those exist, so that its symbols stay its own.
     */
    static Map<String, Object> localOptions() {
        return Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW_LOCAL);
    }

    /** A fresh instance of {@code template}, its natives registered with {@code library}. */
    static <T> T bind(Class<? extends T> template, Class<T> api, NativeLibrary library) {
        DirectLoader loader = new DirectLoader(DirectLoader.class.getClassLoader());
        Module own = DirectLoader.class.getModule();
        if (own.isNamed()) {
            own.addExports(DirectLoader.class.getPackageName(), loader.getUnnamedModule());
        }
        Class<?> copy = loader.define(template);
        Native.register(copy, library); // UnsatisfiedLinkError names a missing symbol
        try {
            return api.cast(copy.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate " + template.getName(), e);
        }
    }

    /** Whether every native of {@code template} has a symbol in {@code library}. */
    static boolean hasAll(Class<?> template, NativeLibrary library) {
        for (Method m : template.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isNative(m.getModifiers())) {
                try {
                    library.getFunction(STRIP_ZERO.getFunctionName(library, m));
                } catch (UnsatisfiedLinkError e) {
                    return false;
                }
            }
        }
        return true;
    }

    private Class<?> define(Class<?> template) {
        String resource = template.getName().replace('.', '/') + ".class";
        try (InputStream in = template.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Class file not found: " + resource);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(template.getName(), bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
