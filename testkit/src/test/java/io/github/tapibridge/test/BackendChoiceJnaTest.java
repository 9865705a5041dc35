package io.github.tapibridge.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code @TapiSimulatorTest(backend = Backend.JNA)}: the applications run on JNA (in the build's
 * {@code jna-backend} execution, with JNA on the class path), and the leak check holds there too.
 */
@TapiSimulatorTest(backend = Backend.JNA)
class BackendChoiceJnaTest {

    @Test
    void theApplicationsRunOnTheChosenBackend(Simulator sim, Tapi tapi, Tapi second) throws Exception {
        assertEquals(Backend.JNA, tapi.config().backend());
        assertEquals(Backend.JNA, second.config().backend());
        sim.station("201").busy();
        Call call = tapi.openLine(0).makeCall("201").get(60, TimeUnit.SECONDS);
        assertEquals(CallState.BUSY, call.whenState(CallState.BUSY).get(60, TimeUnit.SECONDS));
        call.drop().get(60, TimeUnit.SECONDS);
    }
}
