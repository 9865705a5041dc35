package io.github.tapibridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Provider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How {@link Backends} chooses a backend when the one asked for cannot run. */
class BackendsTest {

    /**
     * Loads this build's library classes (and nothing else: no JNA) in a class loader of their
     * own, as in an application that excluded the optional JNA dependency. Its parent is the
     * bootstrap loader: the platform loader would still find the modules of the test's own boot
     * layer, JNA among them.
     */
    private static URLClassLoader withoutJna() {
        URL classes = Backends.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {classes}, null);
    }

    @Test
    void theHiddenLoaderReallyHidesJna() throws Exception {
        try (URLClassLoader loader = withoutJna()) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.sun.jna.Native"));
            assertEquals(loader, loader.loadClass(Backends.class.getName()).getClassLoader());
        }
    }

    /**
     * {@code Tapi.open} with {@code Backend.JNA} and no JNA on the class path threw the raw
     * {@link NoClassDefFoundError} of {@code com/sun/jna/Native}; it documents, and now throws, an
     * {@link IllegalStateException} that says how to add JNA.
     */
    @Test
    void missingJnaIsAnIllegalStateExceptionNotANoClassDefFoundError() throws Exception {
        try (URLClassLoader loader = withoutJna()) {
            Class<?> backendType = loader.loadClass("io.github.tapibridge.Backend");
            Class<?> providerType = loader.loadClass("io.github.tapibridge.Provider");
            Class<?> configType = loader.loadClass("io.github.tapibridge.TapiConfig");
            Class<?> builderType = loader.loadClass("io.github.tapibridge.TapiConfig$Builder");
            Class<?> tapiType = loader.loadClass("io.github.tapibridge.Tapi");
            Object jna = backendType.getField("JNA").get(null);
            // Any provider library: the backend fails before it loads one.
            Object provider = providerType.getMethod("library", Path.class)
                    .invoke(null, Path.of("no-such-provider.so").toAbsolutePath());
            Object builder = configType.getMethod("builder").invoke(null);
            builderType.getMethod("backend", backendType).invoke(builder, jna);
            builderType.getMethod("provider", providerType).invoke(builder, provider);
            Object config = builderType.getMethod("build").invoke(builder);
            Method open = tapiType.getMethod("open", configType);
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> open.invoke(null, config));
            IllegalStateException missing = assertInstanceOf(IllegalStateException.class, e.getCause(),
                    "not a raw NoClassDefFoundError");
            assertTrue(missing.getMessage().contains("net.java.dev.jna:jna"), missing.getMessage());
            assertTrue(missing.getMessage().contains("Backend.JNI"), missing.getMessage());
        }
    }

    /** Below JDK 22 there is no java.lang.foreign to run on: the message says what is needed. */
    @Test
    void ffmBelowJdk22IsAnIllegalStateExceptionSayingItNeedsJdk22() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Backends.ffmBackendClass(17));
        assertTrue(e.getMessage().contains("Backend.FFM needs JDK 22+"), e.getMessage());
        assertTrue(e.getMessage().contains("Java 17"), e.getMessage());
    }

    /**
     * This execution loads the library from its class directory, where no JVM reads
     * META-INF/versions: as on a JDK below 22, or with a jar built without the FFM part,
     * Backend.FFM is an IllegalStateException saying that it needs JDK 22+ (before any library
     * is loaded), whichever JDK runs the build.
     */
    @Test
    void ffmWithoutItsPartIsAnIllegalStateExceptionSayingItNeedsJdk22() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Backends.open(Backend.FFM, Provider.library(Path.of("no-such-provider.so").toAbsolutePath())));
        assertTrue(e.getMessage().contains("Backend.FFM needs JDK 22+"), e.getMessage());
    }
}
