package io.github.tapibridge.internal.jna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The raw JNA backend against the simulator: the same calls and answers as through JNI. */
class JnaBackendTest {

    private static final int LINEERR_INVALCALLHANDLE = 0x80000018;
    private static final int LINEERR_INVALPOINTER = 0x80000035;

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

    @Test
    void twoBindingsOfOneLibraryShareTheSwitch() {
        try (JnaBackend a = JnaBackend.openSimulator();
             JnaBackend b = JnaBackend.openLibrary(Path.of(a.providerDescription().substring("simulator ".length())))) {
            assertEquals(0, a.tapisimReset());
            assertEquals(0, a.tapisimAdvance(250));
            assertEquals(250, b.tapisimNow());
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
