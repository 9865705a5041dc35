package io.github.tapibridge.internal.ffm;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Provider;
import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.internal.NativeLibraries;
import io.github.tapibridge.spi.TapiBackend;
import java.lang.reflect.Field;

/**
 * The child JVM of {@link FfmThenJniTest}: the FFM backend on the simulator maps libtapibridge
 * first (a symbol lookup: no System.load, no JNI_OnLoad), then the JNI backend loads the same
 * file with System.load, and both answer. Exits 0 after printing {@link #DONE}, else with the
 * exception.
 */
public final class FfmThenJniScenario {

    static final String DONE = "ffm-then-jni: done";
    private static final int BOGUS = 0x7FFF0000;

    private FfmThenJniScenario() {
    }

    public static void main(String[] args) throws Exception {
        try (TapiBackend ffm = Backends.open(Backend.FFM, Provider.simulator())) {
            long mem = ffm.allocate(1024);
            ffm.putInt(mem, 1024);
            int viaFfm = ffm.lineGetCallStatus(BOGUS, mem);
            require(viaFfm < 0, "FFM lineGetCallStatus answered " + viaFfm);
            require(!bridgeLoaded(), "the JNI bridge was loaded before the JNI backend opened");
            try (TapiBackend jni = Backends.open(Backend.JNI, Provider.simulator())) {
                require(bridgeLoaded(), "the JNI backend did not load the bridge");
                require(jni.lineGetCallStatus(BOGUS, mem) == viaFfm, "JNI answered otherwise");
                require(ffm.lineGetCallStatus(BOGUS, mem) == viaFfm, "FFM answered otherwise after the JNI load");
            }
            require(ffm.lineGetCallStatus(BOGUS, mem) == viaFfm, "FFM answered otherwise after the JNI close");
            ffm.free(mem);
        }
        System.out.println(DONE);
    }

    private static boolean bridgeLoaded() throws ReflectiveOperationException {
        Field bridge = NativeLibraries.class.getDeclaredField("bridge");
        bridge.setAccessible(true);
        return bridge.get(null) != null;
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }
}
