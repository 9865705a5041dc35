package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Coding rules checked on the compiled classes: the public packages do not depend on
 * the backends, no library class prints to System.out or System.err or has a finalizer, and the
 * module exports only the API.
 */
class ArchitectureTest {

    static boolean isPublicPackage(String path) {
        int slash = path.lastIndexOf('/');
        String pkg = path.substring(0, slash);
        return pkg.equals("io/github/tapibridge") || pkg.equals("io/github/tapibridge/sim");
    }

    @Test
    void thereAreClassesToCheck() throws Exception {
        List<ClassFiles.Info> all = ClassFiles.all();
        assertTrue(all.stream().anyMatch(c -> c.name().equals("io/github/tapibridge/Tapi.class")), all.toString());
        assertTrue(all.stream().anyMatch(c -> c.name().startsWith("io/github/tapibridge/internal/")));
    }

    @Test
    void publicPackagesDoNotDependOnTheBackends() throws Exception {
        List<String> violations = new ArrayList<>();
        for (ClassFiles.Info c : ClassFiles.all()) {
            if (!isPublicPackage(c.name())) {
                continue;
            }
            for (String s : c.utf8()) {
                if (s.contains("io/github/tapibridge/internal/jni") || s.contains("io/github/tapibridge/internal/jna")
                        || s.contains("io.github.tapibridge.internal.jni") || s.contains("io.github.tapibridge.internal.jna")
                        || s.contains("com/sun/jna")) {
                    violations.add(c.name() + " -> " + s);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noLibraryClassPrints() throws Exception {
        List<String> violations = new ArrayList<>();
        for (ClassFiles.Info c : ClassFiles.all()) {
            for (String f : c.fieldRefs()) {
                if (f.startsWith("java/lang/System.out:") || f.startsWith("java/lang/System.err:")) {
                    violations.add(c.name() + " uses " + f);
                }
            }
            for (String m : c.methodRefs()) {
                if (m.contains(".printStackTrace:()V")) {
                    violations.add(c.name() + " calls " + m);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noFinalizers() throws Exception {
        List<String> violations = new ArrayList<>();
        for (ClassFiles.Info c : ClassFiles.all()) {
            if (c.methods().contains("finalize()V")) {
                violations.add(c.name());
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theModuleExportsOnlyTheApi() throws Exception {
        Set<ModuleDescriptor> found = new java.util.HashSet<>();
        ModuleFinder.of(ClassFiles.classesDirectory()).findAll().forEach(r -> found.add(r.descriptor()));
        assertEquals(1, found.size());
        ModuleDescriptor d = found.iterator().next();
        assertEquals("io.github.tapibridge", d.name());
        Set<String> exports = new TreeSet<>();
        for (ModuleDescriptor.Exports e : d.exports()) {
            assertTrue(e.targets().isEmpty(), "no qualified exports: " + e);
            exports.add(e.source());
        }
        assertEquals(new TreeSet<>(Set.of("io.github.tapibridge", "io.github.tapibridge.sim")), exports);
        assertTrue(d.opens().isEmpty());
    }
}
