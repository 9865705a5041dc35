package io.github.tapibridge.internal.jna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import io.github.tapibridge.Backend;
import io.github.tapibridge.Provider;
import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.spi.TapiBackend;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The raw JNA backend against the simulator: the same calls and answers as through JNI. */
class JnaBackendTest {

    private static final int LINEERR_INVALCALLHANDLE = 0x80000018;
    private static final int LINEERR_INVALLINEHANDLE = 0x8000002B;
    private static final int LINEERR_INVALPOINTER = 0x80000035;
    private static final int LINEERR_OPERATIONUNAVAIL = 0x80000049;
    private static final int LINEERR_UNINITIALIZED = 0x80000050;

    /** lineInitializeExW with USEEVENT; returns the app handle. */
    private static int initialize(JnaBackend b, long scratch) {
        long params = scratch + 16;
        b.putInt(scratch + 8, 0x00030001);
        b.putInt(params, 28);
        b.putInt(params + 12, 2);
        assertEquals(0, b.lineInitializeExW(scratch, 0, "jna test", scratch + 4, scratch + 8, params));
        assertEquals(4, b.getInt(scratch + 4));
        return b.getInt(scratch);
    }

    @Test
    void callFlowThroughTheSimulator() {
        try (JnaBackend b = JnaBackend.openSimulator()) {
            assertEquals("JNA", b.name());
            assertTrue(b.hasSimulatorControl());
            assertEquals(0, b.tapisimReset());
            long before = b.liveAllocations();
            long mem = b.allocate(256);
            int app = initialize(b, mem);
            assertEquals(0, b.lineOpenW(app, 0, mem + 64, 0x00030001, 0, 0x77, 4, 4, 0));
            int line = b.getInt(mem + 64);
            assertEquals(0, b.tapisimSetStation("201", 1));
            int request = b.lineMakeCallW(line, mem + 68, "201", 0, 0);
            assertTrue(request > 0);
            int call = b.getInt(mem + 68);
            long message = mem + 96;
            assertEquals(0, b.lineGetMessage(app, message, 0));
            ByteBuffer m = b.view(message, 40);
            assertEquals(12, m.getInt(4));                 // LINE_REPLY
            assertEquals(0x77, m.getLong(8));
            assertEquals(request, (int) m.getLong(16));
            assertEquals(0, (int) m.getLong(24));
            // Call completion: accepted, ID written with the reply.
            int complete = b.lineCompleteCall(call, mem + 72, 2, 0);
            assertTrue(complete > 0);
            boolean replied = false;
            while (b.lineGetMessage(app, message, 0) == 0) {
                if (m.getInt(4) == 12 && (int) m.getLong(16) == complete) {
                    assertEquals(0, (int) m.getLong(24));
                    replied = true;
                }
            }
            assertTrue(replied);
            assertEquals(1, b.getInt(mem + 72));
            assertEquals(LINEERR_INVALCALLHANDLE, b.lineDrop(0x7FFF0000, 0, 0));
            assertEquals(LINEERR_INVALPOINTER, b.lineCompleteCall(call, 0, 2, 0));
            assertEquals(0, b.lineShutdown(app));
            assertTrue(b.tapisimTrace().contains("lineCompleteCall("));
            assertEquals(0, b.tapisimAdvance(1500));
            assertEquals(1500, b.tapisimNow());
            b.free(mem);
            assertEquals(before, b.liveAllocations());
        }
    }

    /** A fixture library of the native build (a TAPI library that is not the simulator). */
    static Path fixture(String name) {
        String dir = System.getProperty("tapibridge.test.nativeBuildDir", "../native/target/cmake");
        Path fake = Path.of(dir, System.mapLibraryName(name)).toAbsolutePath().normalize();
        assertTrue(java.nio.file.Files.isRegularFile(fake), "test fixture missing (build native first): " + fake);
        return fake;
    }

    @Test
    void providerWithoutAddressStatusBindsAndRefusesItAlone() {
        Path fake = fixture("tapifake_tapi");
        try (JnaBackend b = JnaBackend.openLibrary(fake)) {
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineShutdown(1)); // the required functions work
            UnsupportedOperationException e =
                    assertThrows(UnsupportedOperationException.class, () -> b.lineGetAddressStatusW(1, 0, 8));
            assertTrue(e.getMessage().contains("lineGetAddressStatusW"), e.getMessage());
            assertTrue(e.getMessage().contains("tapifake_tapi"), e.getMessage());
        }
        try (JnaBackend b = JnaBackend.openSimulator()) { // exports it: TAPI answers
            long mem = b.allocate(64);
            b.putInt(mem, 64);
            assertTrue(List.of(LINEERR_UNINITIALIZED, LINEERR_INVALLINEHANDLE)
                    .contains(b.lineGetAddressStatusW(0x7FFF0000, 0, mem)));
            b.free(mem);
        }
    }

    @Test
    void providerPredatingTransferAndConferenceKeepsTheOtherGroups() {
        Path fake = fixture("tapifake_noconf");
        try (JnaBackend b = JnaBackend.openLibrary(fake)) {
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

    @Test
    void providerWithoutAddressStatusKeepsTransferAndConference() {
        Path fake = fixture("tapifake_noaddrstatus");
        try (JnaBackend b = JnaBackend.openLibrary(fake)) {
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineSetupTransferW(1, 0, 0), "transfer is bound");
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineAddToConference(1, 2), "conference is bound");
            assertThrows(UnsupportedOperationException.class, () -> b.lineGetAddressStatusW(1, 0, 0));
        }
    }

    @Test
    void providerWithoutCallControlBindsAndRefusesItAlone() {
        // The fixture of the JNI loader tests: a TAPI library without the call control functions.
        Path fake = fixture("tapifake_tapi");
        try (JnaBackend b = JnaBackend.openLibrary(fake)) {
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
        try (JnaBackend b = JnaBackend.openSimulator()) { // exports them: TAPI answers
            assertTrue(List.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE).contains(b.lineHold(0x7FFF0000)));
            assertTrue(List.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE)
                    .contains(b.lineDialW(0x7FFF0000, "201", 0)));
            assertTrue(List.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE)
                    .contains(b.lineRedirectW(0x7FFF0000, "201", 0)));
            assertTrue(List.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE)
                    .contains(b.lineMonitorDigits(0x7FFF0000, 2)));
            assertTrue(List.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE)
                    .contains(b.lineRemoveFromConference(0x7FFF0000)));
        }
    }

    @Test
    void twoBindingsOfOneLibraryShareTheSwitch() {
        try (JnaBackend a = JnaBackend.openSimulator();
             JnaBackend b = JnaBackend.openLibrary(Path.of(a.providerDescription().substring("simulator ".length())))) {
            assertEquals(0, a.tapisimReset());
            assertEquals(0, a.tapisimAdvance(250));
            assertEquals(250, b.tapisimNow());
        }
    }

    /**
     * The classes JNA holds registered natives for ({@code Native.register}): each holds native
     * call stubs until it is unregistered, which nothing does.
     */
    @SuppressWarnings("unchecked")
    private static int registeredClasses() throws ReflectiveOperationException {
        Field f = Native.class.getDeclaredField("registeredClasses");
        f.setAccessible(true);
        Map<Class<?>, ?> registered = (Map<Class<?>, ?>) f.get(null);
        synchronized (registered) {
            return registered.size();
        }
    }

    @Test
    void openAndCloseRegisterNoNativesAfterTheFirst() throws Exception {
        Backends.open(Backend.JNA, Provider.simulator()).close();
        int before = registeredClasses();
        // Kept reachable, so that what they registered cannot be collected while counted.
        List<TapiBackend> closed = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TapiBackend b = Backends.open(Backend.JNA, Provider.simulator());
            b.close();
            closed.add(b);
        }
        assertEquals(before, registeredClasses(), "classes registered by 50 open/close cycles");
        assertEquals(50, closed.size());
    }

    @Test
    void backendsOnOneLibraryShareOneBinding() {
        JnaBackend.openSimulator().close();
        int bound = DirectBinding.count();
        Path simulator = Path.of(DirectBinding.realPath(
                io.github.tapibridge.internal.NativeLibraries.simulatorPath().toString()));
        Path otherSpelling = simulator.getParent().resolve(".").resolve(simulator.getFileName());
        for (int i = 0; i < 20; i++) {
            try (JnaBackend a = JnaBackend.openSimulator();
                 JnaBackend b = JnaBackend.openLibrary(otherSpelling)) {
                assertEquals(a.tapisimNow(), b.tapisimNow());
                assertEquals(0, b.liveAllocations());
            }
        }
        assertEquals(bound, DirectBinding.count());
        assertSame(DirectBinding.of(simulator.toString()), DirectBinding.of(otherSpelling.toString()));
    }

    @Test
    void eachBackendKeepsItsOwnStateOverTheSharedBinding() {
        JnaBackend a = JnaBackend.openSimulator();
        try (JnaBackend b = JnaBackend.openSimulator()) {
            long p = a.allocate(8);
            assertEquals(1, a.liveAllocations());
            assertEquals(0, b.liveAllocations());
            a.free(p);
            a.close();
            assertThrows(IllegalStateException.class, a::tapisimNow);
            b.tapisimNow(); // b is not closed with a
        }
    }

    @Test
    void stringsAreCheckedAsTheJniBridgeChecksThem() {
        try (JnaBackend b = JnaBackend.openSimulator()) {
            long mem = b.allocate(64);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> b.lineMakeCallW(1, mem, "101\u0000999", 0, 0));
            assertEquals("lpszDestAddress contains U+0000 at index 3", e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> b.lineInitializeExW(mem, 0, "x".repeat(1025), mem + 4, mem + 8, mem + 16));
            assertEquals("lpszFriendlyAppName is too long: 1025 UTF-16 units, at most 1024", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> b.tapisimSetStation("2\u0000", 1));
            assertEquals("number contains U+0000 at index 1", e.getMessage());
            b.free(mem);
        }
    }

    @Test
    void probesAnswerFromC() {
        try (JnaBackend b = JnaBackend.openSimulator()) {
            assertEquals(0x80000018, b.probeConstant("LINEERR_INVALCALLHANDLE").getAsInt());
            assertTrue(b.probeConstant("NO_SUCH_CONSTANT").isEmpty());
            assertArrayEquals(new int[] {88, 4}, b.probeLayout("LINECALLINFO", "dwCompletionID"));
            assertArrayEquals(new int[] {0, 344}, b.probeLayout("LINECALLINFO", null));
            assertNull(b.probeLayout("LINECALLINFO", "dwNoSuchField"));
        }
    }

    @Test
    void misuseIsRefusedInJava() {
        JnaBackend b = JnaBackend.openSimulator();
        assertThrows(IllegalArgumentException.class, () -> b.getInt(0));
        assertThrows(IllegalArgumentException.class, () -> b.allocate(0));
        long p = b.allocate(8);
        assertThrows(IndexOutOfBoundsException.class, () -> b.read(p, new byte[4], 2, 4));
        b.free(p);
        b.close();
        b.close();
        assertThrows(IllegalStateException.class, b::tapisimNow);
        assertThrows(IllegalStateException.class, () -> b.lineShutdown(1));
        assertThrows(IllegalStateException.class, () -> b.allocate(4));
    }

    @Test
    void theSystemProviderIsWindowsOnly() {
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertThrows(UnsupportedOperationException.class, JnaBackend::openSystem);
        }
    }
}
