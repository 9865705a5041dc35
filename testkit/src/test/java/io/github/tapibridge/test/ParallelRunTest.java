package io.github.tapibridge.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Tests that use the extension run at the same time, each on its own switch: this module's own
 * tests run in JUnit's concurrent mode (see the surefire configuration), and an inner class of
 * two tests that wait for each other runs concurrently below.
 */
class ParallelRunTest {

    @Test
    void thisModulesTestsRunOnJUnitsParallelExecutor() {
        assertTrue(Thread.currentThread().getName().startsWith("ForkJoinPool"),
                "concurrent mode runs tests on the fork-join pool, not on " + Thread.currentThread().getName());
    }

    @TapiSimulatorTest
    static class TwoAtOnce {
        /** Both tests hold a call in progress here at the same time. */
        static final CountDownLatch BOTH_CALLING = new CountDownLatch(2);

        static void callWhileTheOtherCalls(Simulator sim, Tapi tapi, boolean busy, CallState expected)
                throws Exception {
            if (busy) {
                sim.station("201").busy();
            }
            Call call = tapi.openLine(0).makeCall("201").get(60, TimeUnit.SECONDS);
            assertEquals(expected, call.whenState(expected).get(60, TimeUnit.SECONDS));
            BOTH_CALLING.countDown();
            assertTrue(BOTH_CALLING.await(60, TimeUnit.SECONDS), "hang guard: the other test runs meanwhile");
            sim.advance(Duration.ofSeconds(3), tapi); // an idle 201 answers after 3 s
            assertEquals(busy ? CallState.BUSY : CallState.CONNECTED, call.state(),
                    "201 is busy on one switch only");
            call.drop().get(60, TimeUnit.SECONDS);
        }

        @Test
        void busyHere(Simulator sim, Tapi tapi) throws Exception {
            callWhileTheOtherCalls(sim, tapi, true, CallState.BUSY);
        }

        @Test
        void idleHere(Simulator sim, Tapi tapi) throws Exception {
            callWhileTheOtherCalls(sim, tapi, false, CallState.RINGBACK);
        }
    }

    @Test
    void twoTestsOnTheSameNumbersRunConcurrentlyEachOnItsOwnSwitch() {
        EngineExecutionResults results = Inner.run(TwoAtOnce.class, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"));
        assertEquals(List.of("busyHere", "idleHere"), Inner.passed(results), Inner.failures(results).toString());
    }
}
