package io.github.tapibridge.internal.jni;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.internal.NativeLibraries;

import java.lang.reflect.Method;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator control natives at their edges: misuse answered by C, and the shape of the class
 * (the providers that are not the simulator are in {@link TapiJniTest}, through the backend).
 */
class TapisimJniTest {

    @BeforeAll
    static void load() {
        NativeLibraries.loadBridge();
    }

    @Test
    void zeroProviderIsIllegalState() {
        assertThrows(IllegalStateException.class, () -> TapisimJni.hasSimulatorControl(0));
        assertThrows(IllegalStateException.class, () -> TapisimJni.tapisim_reset(0));
        assertThrows(IllegalStateException.class, () -> TapisimJni.tapisim_now(0));
        assertThrows(IllegalStateException.class,
                () -> TapisimJni.tapisim_set_station(0, "201", 0));
        assertThrows(IllegalStateException.class,
                () -> TapisimJni.tapisim_remote_call_ex(0, "1", null, "2", 0, 0));
    }

    @Test
    void shapeOfTheJniClass() {
        TapiJniTest.assertNativesOnlyClass(TapisimJni.class);
        for (Method m : TapisimJni.class.getDeclaredMethods()) {
            String n = m.getName();
            assertTrue(n.startsWith("tapisim_") || n.equals("hasSimulatorControl"),
                    n + " is not a simulator control native");
        }
    }
}
