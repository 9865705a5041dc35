package io.github.tapibridge.internal.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Provider;
import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.spi.TapiBackend;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The raw FFM backend against the simulator: the same calls and answers as through JNI and JNA,
 * and what is its own (the critical downcalls). Compiled for release 17 like every test, so it
 * reaches the backend through {@link TapiBackend} and reflection; it runs in the build's
 * {@code ffm-backend} execution, on a JDK 22+.
 */
class FfmBackendTest {

    private static final int LINEERR_INVALCALLHANDLE = 0x80000018;
    private static final int LINEERR_INVALPOINTER = 0x80000035;
    private static final int LINEERR_OPERATIONUNAVAIL = 0x80000049;
    private static final int LINEERR_UNINITIALIZED = 0x80000050;

    /** lineInitializeExW with USEEVENT; returns the app handle. */
    private static int initialize(TapiBackend b, long scratch) {
        long params = scratch + 16;
        b.putInt(scratch + 8, 0x00030001);
        b.putInt(params, 28);
        b.putInt(params + 12, 2);
        assertEquals(0, b.lineInitializeExW(scratch, 0, "ffm test", scratch + 4, scratch + 8, params));
        assertEquals(4, b.getInt(scratch + 4));
        return b.getInt(scratch);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> criticalFunctions(TapiBackend b) throws ReflectiveOperationException {
        return (Set<String>) b.getClass().getMethod("criticalFunctions").invoke(b);
    }

    private static Path simulatorFile(TapiBackend simulator) {
        return Path.of(simulator.providerDescription().substring("simulator ".length()));
    }

    @Test
    void callFlowThroughTheSimulator() {
        try (TapiBackend b = Backends.open(Backend.FFM, Provider.simulator())) {
            assertEquals("FFM", b.name());
            assertEquals("io.github.tapibridge.internal.ffm.FfmBackend", b.getClass().getName());
            assertTrue(b.hasSimulatorControl());
            assertEquals(0, b.tapisimReset());
            long before = b.liveAllocations();
            long mem = b.allocate(256);
            assertEquals(before + 1, b.liveAllocations());
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
            byte[] bytes = {1, 2, 3, 4, 5};
            b.write(mem + 200, bytes, 1, 4);
            byte[] back = new byte[4];
            b.read(mem + 200, back, 0, 4);
            assertEquals(List.of((byte) 2, (byte) 3, (byte) 4, (byte) 5),
                    List.of(back[0], back[1], back[2], back[3]));
            b.free(mem);
            assertEquals(before, b.liveAllocations());
            assertThrows(IllegalArgumentException.class, () -> b.getInt(0));
        }
    }

    @Test
    void stringsAreCheckedAsTheJniBridgeChecksThem() {
        try (TapiBackend b = Backends.open(Backend.FFM, Provider.simulator())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> b.lineMakeCallW(1, 0, "101\u0000999", 0, 0));
            assertEquals("lpszDestAddress contains U+0000 at index 3", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> b.lineDialW(1, "1".repeat(1025), 0));
            assertEquals("lpszDestAddress is too long: 1025 UTF-16 units, at most 1024", e.getMessage());
            // The longest strings reach the provider, in UTF-16 and in UTF-8 (3 bytes a unit),
            // which refuses them with a LINEERR_ code.
            assertTrue(b.lineMakeCallW(0x7FFF0000, 0, "9".repeat(1024), 0, 0) < 0);
            assertTrue(b.tapisimFailNext("\u20ac".repeat(1024), LINEERR_OPERATIONUNAVAIL) < 0);
        }
    }

    /**
     * The per-function choice of critical downcalls: on the simulator the hot functions that
     * never block; lineGetMessage only without a timeout (the backend checks dwTimeout); never
     * the lifecycle functions; on any other library none.
     */
    @Test
    void criticalDowncallsOnlyForTheSimulatorsNonBlockingHotFunctions() throws Exception {
        try (TapiBackend sim = Backends.open(Backend.FFM, Provider.simulator());
             TapiBackend byPath = Backends.open(Backend.FFM, Provider.library(simulatorFile(sim)))) {
            assertEquals(Set.of("lineGetCallStatus", "lineCompleteCall", "lineUncompleteCall", "lineGetMessage"),
                    criticalFunctions(sim));
            assertEquals(Set.of(), criticalFunctions(byPath));
            // One switch: the two bindings share the library's globals.
            assertEquals(0, sim.tapisimReset());
            assertEquals(0, sim.tapisimAdvance(250));
            assertEquals(250, byPath.tapisimNow());
        }
    }

    @Test
    void closedBackendRefusesEveryCall() {
        TapiBackend b = Backends.open(Backend.FFM, Provider.simulator());
        b.close();
        b.close();
        assertThrows(IllegalStateException.class, () -> b.lineGetCallStatus(1, 0));
        assertThrows(IllegalStateException.class, () -> b.allocate(4));
        assertThrows(IllegalStateException.class, b::tapisimNow);
    }

    @Test
    void providerWithoutCallControlBindsAndRefusesItAlone() {
        String dir = System.getProperty("tapibridge.test.nativeBuildDir", "../native/target/cmake");
        Path fake = Path.of(dir, System.mapLibraryName("tapifake_tapi")).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(fake), "test fixture missing (build native first): " + fake);
        try (TapiBackend b = Backends.open(Backend.FFM, Provider.library(fake))) {
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineShutdown(1)); // the required functions work
            assertTrue(!b.hasSimulatorControl());
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
            assertTrue(e.getMessage().contains("lineRemoveFromConference"), e.getMessage());
            assertTrue(e.getMessage().contains("tapifake_tapi"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> b.lineCompleteTransfer(1, 2, 0, 1));
            assertThrows(UnsupportedOperationException.class, () -> b.lineAddToConference(1, 2));
            assertThrows(UnsupportedOperationException.class, () -> b.lineRemoveFromConference(1));
            e = assertThrows(UnsupportedOperationException.class, () -> b.lineGetAddressStatusW(1, 0, 8));
            assertTrue(e.getMessage().contains("lineGetAddressStatusW"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, b::tapisimNow);
        }
        fake = Path.of(dir, System.mapLibraryName("tapifake_noconf")).toAbsolutePath().normalize();
        try (TapiBackend b = Backends.open(Backend.FFM, Provider.library(fake))) { // the other groups stay
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineHold(1), "call control is bound");
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineRedirectW(1, "201", 0), "transfer and digits are bound");
            UnsupportedOperationException e =
                    assertThrows(UnsupportedOperationException.class, () -> b.lineSetupTransferW(1, 0, 0));
            assertTrue(e.getMessage().contains("tapifake_noconf"), e.getMessage());
        }
        fake = Path.of(dir, System.mapLibraryName("tapifake_noaddrstatus")).toAbsolutePath().normalize();
        try (TapiBackend b = Backends.open(Backend.FFM, Provider.library(fake))) { // all but address status
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineSetupTransferW(1, 0, 0), "transfer is bound");
            assertEquals(LINEERR_OPERATIONUNAVAIL, b.lineAddToConference(1, 2), "conference is bound");
            assertThrows(UnsupportedOperationException.class, () -> b.lineGetAddressStatusW(1, 0, 8));
        }
        try (TapiBackend b = Backends.open(Backend.FFM, Provider.simulator())) { // exports them: TAPI answers
            assertTrue(List.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE).contains(b.lineHold(0x7FFF0000)));
            assertTrue(List.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE)
                    .contains(b.lineDialW(0x7FFF0000, "201", 0)));
            assertTrue(List.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE)
                    .contains(b.lineRedirectW(0x7FFF0000, "201", 0)));
            assertTrue(List.of(LINEERR_UNINITIALIZED, LINEERR_INVALCALLHANDLE)
                    .contains(b.lineMonitorDigits(0x7FFF0000, 2)));
        }
    }

    @Test
    void missingLibraryIsAnUnsatisfiedLinkError() {
        Path nowhere = Path.of("no-such-provider.so").toAbsolutePath();
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class,
                () -> Backends.open(Backend.FFM, Provider.library(nowhere)));
        assertTrue(e.getMessage().contains("no-such-provider.so"), e.getMessage());
    }
}
