package io.github.tapibridge.internal.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tapibridge.internal.NativeLibraries;
import io.github.tapibridge.spi.TapiBackend;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The natives and the provider loader at their edges: misuse, providers that are not the
 * simulator (fixtures built by native/CMakeLists.txt, not bundled), the ABI stamp, and the shape
 * of the classes.
 */
class TapiJniTest {

    static final int LINEERR_OPERATIONUNAVAIL = 0x80000049;
    static final int LINEERR_UNINITIALIZED = 0x80000050;
    static final int LINEERR_INVALCALLHANDLE = 0x80000018;
    static final int LINEERR_INVALLINEHANDLE = 0x8000002B;

    @BeforeAll
    static void load() {
        NativeLibraries.loadBridge();
    }

    /** A test fixture library of the CMake build (native/target/cmake). */
    static Path fixture(String name) {
        String dir = System.getProperty("tapibridge.test.nativeBuildDir", "../native/target/cmake");
        Path p = Paths.get(dir, System.mapLibraryName(name)).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(p), "test fixture missing (build native first): " + p);
        return p;
    }

    @Test
    void abiVersionOfTheLoadedLibraryIsTheJavaOne() {
        assertEquals(TapiJni.ABI_VERSION, TapiJni.abiVersion());
    }

    @Test
    void zeroProviderIsIllegalState() {
        assertThrows(IllegalStateException.class, () -> TapiJni.lineShutdown(0, 1));
        assertThrows(IllegalStateException.class, () -> TapiJni.lineMakeCallW(0, 0, 0, "201", 0, 0));
        assertThrows(IllegalStateException.class, () -> TapiJni.allocate(0, 4));
        assertThrows(IllegalStateException.class, () -> TapiJni.liveAllocations(0));
        assertThrows(IllegalStateException.class, () -> TapiJni.closeProvider(0));
    }

    @Test
    void openProviderMisuse() {
        assertThrows(NullPointerException.class, () -> TapiJni.openProvider(null, true));
        assertThrows(IllegalArgumentException.class, () -> TapiJni.openProvider("", true));
        assertThrows(IllegalArgumentException.class, () -> TapiJni.openProvider("/tmp/a\u0000b", true));
    }

    @Test
    void missingLibraryNamesTheFile() {
        Path missing = Paths.get("no-such-dir", "libnothing.so").toAbsolutePath();
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class,
                () -> JniBackend.openLibrary(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void libraryWithoutATapiFunctionIsRefusedNamingIt() {
        Path lib = fixture("tapifake_incomplete");
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class,
                () -> JniBackend.openLibrary(lib));
        assertTrue(e.getMessage().contains("lineUncompleteCall"), e.getMessage());
        assertTrue(e.getMessage().contains(lib.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("lineGetMessage"), e.getMessage());

        Path bridge = NativeLibraries.bridgePath(); // exports JNI_OnLoad only
        e = assertThrows(UnsatisfiedLinkError.class, () -> JniBackend.openLibrary(bridge));
        assertTrue(e.getMessage().contains("lineInitializeExW"), e.getMessage());
    }

    @Test
    void providerWithoutSimulatorControl() {
        try (JniBackend b = JniBackend.openLibrary(fixture("tapifake_tapi"))) {
            assertFalse(b.hasSimulatorControl());
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineShutdown(1)); // the fixture's answer
            UnsupportedOperationException e =
                    assertThrows(UnsupportedOperationException.class, b::tapisimReset);
            assertTrue(e.getMessage().contains("tapisim_reset"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, b::tapisimNow);
            assertThrows(UnsupportedOperationException.class, b::tapisimTrace);
            assertThrows(UnsupportedOperationException.class, b::tapisimTraceClear);
            assertThrows(UnsupportedOperationException.class, () -> b.tapisimAdvance(1));
            assertThrows(UnsupportedOperationException.class, () -> b.tapisimSetStation("1", 0));
            assertThrows(UnsupportedOperationException.class, () -> b.tapisimFailNext("x", -1));
            assertThrows(UnsupportedOperationException.class, () -> b.tapisimSetOption("x", 0));
        }
    }

    @Test
    void providerWithoutAddressStatusOpensAndRefusesItAlone() {
        try (JniBackend b = JniBackend.openLibrary(fixture("tapifake_tapi"))) {
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineShutdown(1)); // the required functions work
            UnsupportedOperationException e =
                    assertThrows(UnsupportedOperationException.class, () -> b.lineGetAddressStatusW(1, 0, 8));
            assertTrue(e.getMessage().contains("lineGetAddressStatusW"), e.getMessage());
            assertTrue(e.getMessage().contains("tapifake_tapi"), e.getMessage());
        }
        try (JniBackend b = JniBackend.openSimulator()) { // exports it: TAPI answers
            long mem = b.allocate(64);
            b.putInt(mem, 64);
            assertTrue(Set.of(LINEERR_UNINITIALIZED, LINEERR_INVALLINEHANDLE)
                    .contains(b.lineGetAddressStatusW(0x7FFF0000, 0, mem)));
            b.free(mem);
        }
    }

    @Test
    void providerWithoutCallControlOpensAndRefusesItAlone() {
        try (JniBackend b = JniBackend.openLibrary(fixture("tapifake_tapi"))) {
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineShutdown(1)); // the required functions work
            UnsupportedOperationException e =
                    assertThrows(UnsupportedOperationException.class, () -> b.lineHold(1));
            assertTrue(e.getMessage().contains("lineHold"), e.getMessage());
            assertTrue(e.getMessage().contains("tapifake_tapi"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> b.lineUnhold(1));
            assertThrows(UnsupportedOperationException.class, () -> b.lineSwapHold(1, 2));
            assertThrows(UnsupportedOperationException.class, () -> b.lineDialW(1, "201", 0));
            e = assertThrows(UnsupportedOperationException.class, () -> b.lineRedirectW(1, "201", 0));
            assertTrue(e.getMessage().contains("lineRedirectW"), e.getMessage());
            assertTrue(e.getMessage().contains("tapifake_tapi"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> b.lineBlindTransferW(1, "201", 0));
            assertThrows(UnsupportedOperationException.class, () -> b.lineGenerateDigitsW(1, 2, "1", 0));
            assertThrows(UnsupportedOperationException.class, () -> b.lineMonitorDigits(1, 2));
            e = assertThrows(UnsupportedOperationException.class, () -> b.lineSetupTransferW(1, 0, 0));
            assertTrue(e.getMessage().contains("lineSetupTransferW"), e.getMessage());
            assertTrue(e.getMessage().contains("lineRemoveFromConference"), e.getMessage());
            assertTrue(e.getMessage().contains("tapifake_tapi"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> b.lineCompleteTransfer(1, 2, 0, 1));
            assertThrows(UnsupportedOperationException.class, () -> b.lineAddToConference(1, 2));
            assertThrows(UnsupportedOperationException.class, () -> b.lineRemoveFromConference(1));
        }
        try (JniBackend b = JniBackend.openSimulator()) { // exports them: TAPI answers
            assertTrue(Set.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE).contains(b.lineHold(0x7FFF0000)));
            assertTrue(Set.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE)
                    .contains(b.lineDialW(0x7FFF0000, "201", 0)));
            assertTrue(Set.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE)
                    .contains(b.lineRedirectW(0x7FFF0000, "201", 0)));
            assertTrue(Set.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE)
                    .contains(b.lineMonitorDigits(0x7FFF0000, 2)));
            assertTrue(Set.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE)
                    .contains(b.lineRemoveFromConference(0x7FFF0000)));
        }
    }

    @Test
    void providerPredatingTransferAndConferenceKeepsTheOtherGroups() {
        try (JniBackend b = JniBackend.openLibrary(fixture("tapifake_noconf"))) {
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineHold(1), "call control is bound");
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineRedirectW(1, "201", 0), "transfer and digits are bound");
            UnsupportedOperationException e =
                    assertThrows(UnsupportedOperationException.class, () -> b.lineSetupTransferW(1, 0, 0));
            assertTrue(e.getMessage().contains("tapifake_noconf"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> b.lineCompleteTransfer(1, 2, 0, 1));
            assertThrows(UnsupportedOperationException.class, () -> b.lineAddToConference(1, 2));
            assertThrows(UnsupportedOperationException.class, () -> b.lineRemoveFromConference(1));
        }
    }

    /**
     * Defect: the loader resolved the transfer and conference group only if address status had
     * resolved too (its all-resolved flag was not reset between the two groups), so a provider
     * without {@code lineGetAddressStatusW} lost transfer and conference as well.
     */
    @Test
    void providerWithoutAddressStatusKeepsTransferAndConference() {
        try (JniBackend b = JniBackend.openLibrary(fixture("tapifake_noaddrstatus"))) {
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineSetupTransferW(1, 0, 0), "transfer is bound");
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineCompleteTransfer(1, 2, 0, 1));
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineAddToConference(1, 2), "conference is bound");
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineRemoveFromConference(1));
            UnsupportedOperationException e =
                    assertThrows(UnsupportedOperationException.class, () -> b.lineGetAddressStatusW(1, 0, 0));
            assertTrue(e.getMessage().contains("tapifake_noaddrstatus"), e.getMessage());
        }
    }

    @Test
    void simulatorWithoutSetOption() {
        try (JniBackend b = JniBackend.openLibrary(fixture("tapifake_sim"))) {
            assertTrue(b.hasSimulatorControl());
            assertEquals(42, b.tapisimNow()); // the fixture's, not the bundled simulator's
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> b.tapisimSetOption("guard_ms", 1));
            assertTrue(e.getMessage().contains("tapisim_set_option"), e.getMessage());
            assertTrue(e.getMessage().contains("tapifake_sim"), e.getMessage());
        }
    }

    @Test
    void providersStayLoadedAfterCloseButRefusedLibrariesAreUnloaded() throws Exception {
        Path maps = Paths.get("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "needs Linux /proc to see the mapped libraries");
        Path refused = fixture("tapifake_incomplete");
        assertThrows(UnsatisfiedLinkError.class, () -> JniBackend.openLibrary(refused));
        assertFalse(Files.readString(maps).contains(refused.toString()), "refused library unloaded");
        Path provider = fixture("tapifake_tapi");
        JniBackend.openLibrary(provider).close();
        // pinned: libtapisim's state and clock thread must outlive any one backend
        assertTrue(Files.readString(maps).contains(provider.toString()), "provider stays mapped");
    }

    @Test
    void everyMethodThrowsIllegalStateAfterClose() throws Exception {
        JniBackend b = JniBackend.openSimulator();
        b.close();
        b.close();
        Set<String> checked = new TreeSet<>();
        for (Method m : TapiBackend.class.getMethods()) {
            if (m.getName().equals("close") || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Object[] args = Arrays.stream(m.getParameterTypes()).map(TapiJniTest::zero).toArray();
            try {
                m.invoke(b, args);
                fail(m.getName() + " ran after close");
            } catch (InvocationTargetException e) {
                assertTrue(e.getCause() instanceof IllegalStateException,
                        m.getName() + " threw " + e.getCause());
            }
            checked.add(m.getName());
        }
        assertEquals(TapiBackend.class.getMethods().length - 1, checked.size(), checked.toString());
    }

    private static Object zero(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == byte[].class) {
            return new byte[4];
        }
        return null;
    }

    @Test
    void shapeOfTheJniClass() {
        assertNativesOnlyClass(TapiJni.class);
        for (Method m : TapiJni.class.getDeclaredMethods()) {
            String n = m.getName();
            assertFalse(n.startsWith("tapisim_") || n.equals("hasSimulatorControl"),
                    n + " belongs in TapisimJni");
        }
    }

    /**
     * Final, one private constructor, only static natives; every TAPI and {@code tapisim_} native
     * takes the provider first.
     */
    static void assertNativesOnlyClass(Class<?> c) {
        assertTrue(Modifier.isFinal(c.getModifiers()));
        assertEquals(1, c.getDeclaredConstructors().length);
        assertTrue(Modifier.isPrivate(c.getDeclaredConstructors()[0].getModifiers()));
        for (Method m : c.getDeclaredMethods()) {
            assertTrue(Modifier.isStatic(m.getModifiers()) && Modifier.isNative(m.getModifiers()),
                    m + " is not static native");
        }
        // handles mirror C: every TAPI and tapisim_ native takes the provider first
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().startsWith("line") || m.getName().startsWith("tapisim_")) {
                assertEquals(long.class, m.getParameterTypes()[0], m.getName());
            }
        }
    }

    @Test
    void backendMirrorsEveryTapiFunctionOfTheInterface() {
        Set<String> natives = new TreeSet<>();
        for (Method m : TapiJni.class.getDeclaredMethods()) {
            natives.add(m.getName());
        }
        for (Method m : TapiBackend.class.getMethods()) {
            if (m.getName().startsWith("line")) {
                assertTrue(natives.contains(m.getName()), "no native for " + m.getName());
                Class<?>[] nativeParams = Arrays.stream(TapiJni.class.getDeclaredMethods())
                        .filter(n -> n.getName().equals(m.getName())).findFirst().orElseThrow()
                        .getParameterTypes();
                assertEquals(Arrays.asList(m.getParameterTypes()),
                        Arrays.asList(nativeParams).subList(1, nativeParams.length), m.getName());
            }
        }
    }
}
