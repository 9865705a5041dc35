package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the conformance suite whole: every test that reaches the simulator through the
 * public API lives in an abstract {@code *Contract}, and every contract runs in full through every
 * backend, as a {@code *JniTest} (this execution), a {@code *JnaTest} (the {@code jna-backend}
 * execution) and a {@code *FfmTest} (the {@code ffm-backend} execution, on a JDK 22+) that add
 * nothing but {@code backend()}.
 */
class ConformanceSuiteTest {

    /** The public entry points to the simulator; {@code Tapi.open(config, backend)} takes fakes. */
    static final List<String> SIMULATOR_ENTRY_POINTS = List.of(
            "io/github/tapibridge/Tapi.open:()Lio/github/tapibridge/Tapi;",
            "io/github/tapibridge/Tapi.open:(Lio/github/tapibridge/TapiConfig;)Lio/github/tapibridge/Tapi;",
            "io/github/tapibridge/sim/Simulator.get:()Lio/github/tapibridge/sim/Simulator;");

    /** The name of each backend's runner of a contract ends with its suffix; each execution picks its own. */
    static final Map<Backend, String> RUNNER_SUFFIX =
            Map.of(Backend.JNI, "JniTest", Backend.JNA, "JnaTest", Backend.FFM, "FfmTest");

    /** Test class files, by binary class name. */
    static Map<String, ClassFiles.Info> testClasses;

    @BeforeAll
    static void scan() throws Exception {
        String property = System.getProperty("tapibridge.test.testClasses");
        Path root = property != null && Files.isDirectory(Path.of(property)) ? Path.of(property)
                : Path.of(ConformanceSuiteTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        testClasses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".class"))::iterator) {
                String path = root.relativize(f).toString().replace('\\', '/');
                if (path.endsWith("module-info.class")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(f)) {
                    testClasses.put(path.substring(0, path.length() - ".class".length()).replace('/', '.'),
                            ClassFiles.read(path, in));
                }
            }
        }
        assertTrue(testClasses.containsKey(ConformanceSuiteTest.class.getName()), testClasses.keySet().toString());
    }

    static String topLevel(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, ConformanceSuiteTest.class.getClassLoader());
    }

    @Test
    void everySimulatorTestIsPartOfAContract() {
        List<String> outside = new ArrayList<>();
        for (Map.Entry<String, ClassFiles.Info> c : testClasses.entrySet()) {
            String owner = topLevel(c.getKey());
            if (owner.endsWith("Contract") || owner.equals(SimTestSupport.class.getName())) {
                continue;
            }
            for (String entry : SIMULATOR_ENTRY_POINTS) {
                if (c.getValue().methodRefs().contains(entry)) {
                    outside.add(c.getKey() + " calls " + entry);
                }
            }
        }
        assertEquals(List.of(), outside,
                "simulator tests through the public API belong in a *Contract run by a *JniTest, a *JnaTest and a *FfmTest");
    }

    @Test
    void everyContractRunsInFullOnEveryBackend() throws Exception {
        TreeSet<String> contracts = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String name : testClasses.keySet()) {
            if (!name.endsWith("Contract") || name.contains("$")) {
                continue;
            }
            contracts.add(name);
            Class<?> contract = load(name);
            if (!Modifier.isAbstract(contract.getModifiers())) {
                problems.add(name + " is not abstract");
            }
            String base = name.substring(0, name.length() - "Contract".length());
            for (Backend backend : Backend.values()) {
                String runner = base + RUNNER_SUFFIX.get(backend);
                if (!testClasses.containsKey(runner)) {
                    problems.add(name + " has no " + runner);
                    continue;
                }
                checkRunner(load(runner), contract, backend, problems);
            }
        }
        for (String name : testClasses.keySet()) {
            Class<?> type = load(name);
            Class<?> parent = type.getSuperclass();
            if (parent != null && parent.getName().endsWith("Contract")
                    && !RUNNER_SUFFIX.values().stream()
                            .anyMatch(suffix -> name.equals(parent.getName().replace("Contract", suffix)))) {
                problems.add(name + " extends " + parent.getName() + " under a name no execution expects");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(contracts.size() >= 7, "contracts: " + contracts);
    }

    /** The runner extends the contract directly, declares only {@code backend()}, and returns its backend. */
    private static void checkRunner(Class<?> runner, Class<?> contract, Backend expected, List<String> problems)
            throws Exception {
        if (runner.getSuperclass() != contract || Modifier.isAbstract(runner.getModifiers())) {
            problems.add(runner.getName() + " is not a concrete direct subclass of " + contract.getName());
            return;
        }
        List<String> declared = new ArrayList<>();
        for (Method m : runner.getDeclaredMethods()) {
            if (!m.isSynthetic()) {
                declared.add(m.getName());
            }
        }
        if (!declared.equals(List.of("backend")) || runner.getDeclaredFields().length != 0) {
            problems.add(runner.getName() + " must declare backend() and nothing else (no test is"
                    + " overridden or skipped for one backend); declares " + declared);
            return;
        }
        Constructor<?> constructor = runner.getDeclaredConstructor();
        constructor.setAccessible(true);
        Method backend = runner.getDeclaredMethod("backend");
        backend.setAccessible(true);
        Object actual = backend.invoke(constructor.newInstance());
        if (actual != expected) {
            problems.add(runner.getName() + ".backend() returns " + actual + ", not " + expected);
        }
    }
}
