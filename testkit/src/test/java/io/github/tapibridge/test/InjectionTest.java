package io.github.tapibridge.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * What the extension injects, and that it closes it after the test: inner test classes run with
 * the engine test kit, which record what they were given.
 */
class InjectionTest {

    /** What one test of {@link Injected} saw. */
    record Seen(Simulator fromBeforeEach, Tapi tapiFromBeforeEach, Simulator sim, Tapi tapi, Tapi second) {
    }

    @TapiSimulatorTest
    static class Injected {
        static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();

        Simulator simFromBeforeEach;
        Tapi tapiFromBeforeEach;

        @BeforeEach
        void setUp(Simulator sim, Tapi tapi) {
            simFromBeforeEach = sim;
            tapiFromBeforeEach = tapi;
        }

        @Test
        void twoApplications(Simulator sim, Tapi tapi, Tapi second) {
            SEEN.put("twoApplications", new Seen(simFromBeforeEach, tapiFromBeforeEach, sim, tapi, second));
        }

        @Test
        void oneApplication(Simulator sim, Tapi tapi) {
            sim.advance(Duration.ofSeconds(7)); // this test's clock only
            SEEN.put("oneApplication", new Seen(simFromBeforeEach, tapiFromBeforeEach, sim, tapi, null));
        }

        @Test
        void closesItsOwnApplication(Tapi tapi) {
            tapi.close();
        }

        @Test
        void resetsItsSwitch(Simulator sim, Tapi tapi) {
            sim.reset(); // closes the application: nothing is left to check
        }
    }

    @Test
    void eachTestGetsAFreshIsolatedSwitchAndApplicationsOnItWhichAreClosedAfterIt() {
        EngineExecutionResults results = Inner.run(Injected.class);
        assertEquals(List.of("closesItsOwnApplication", "oneApplication", "resetsItsSwitch", "twoApplications"),
                Inner.passed(results), Inner.failures(results).toString());

        Seen two = Injected.SEEN.get("twoApplications");
        Seen one = Injected.SEEN.get("oneApplication");
        assertTrue(two.sim().isIsolated());
        assertSame(two.fromBeforeEach(), two.sim(), "@BeforeEach and the test share the switch");
        assertSame(two.tapiFromBeforeEach(), two.tapi(), "and the first application");
        assertNotSame(two.tapi(), two.second(), "a second Tapi parameter is a second application");
        assertEquals(two.sim().provider(), two.tapi().config().provider());
        assertEquals(two.sim().provider(), two.second().config().provider(), "on the same switch");
        assertEquals(Backend.JNI, two.tapi().config().backend(), "JNI by default");
        assertEquals("test app 2", two.second().config().appName());

        assertNotSame(one.sim(), two.sim(), "every test has a switch of its own");
        assertFalse(one.sim().provider().equals(two.sim().provider()));
        for (Seen s : List.of(one, two)) {
            assertTrue(s.sim().isClosed(), "the switch is closed after the test");
            assertFalse(s.tapi().isOpen(), "so is the application");
        }
        assertFalse(two.second().isOpen());
    }

    @TapiSimulatorTest
    static class ConstructorInjection {
        ConstructorInjection(Tapi tapi) {
        }

        @Test
        void neverRuns() {
        }
    }

    @Test
    void aConstructorCannotTakeAnApplicationAsItBelongsToNoSingleTest() {
        Throwable failure = Inner.failures(Inner.run(ConstructorInjection.class)).get("neverRuns");
        assertInstanceOf(ParameterResolutionException.class, failure);
        assertTrue(failure.getMessage().contains("into test methods and @BeforeEach / @AfterEach methods only"),
                failure.getMessage());
    }

    @TapiSimulatorTest
    static class NotAnnotatedMethods {
        @Test
        void usesTheClassDefaults(Tapi tapi) {
            assertEquals(Backend.JNI, tapi.config().backend());
            assertEquals(4, tapi.lineCount(), "the switch's default topology");
        }
    }

    @Test
    void withoutAttributesTheDefaultsApply() {
        EngineExecutionResults results = Inner.run(NotAnnotatedMethods.class);
        assertEquals(List.of("usesTheClassDefaults"), Inner.passed(results), Inner.failures(results).toString());
    }
}
