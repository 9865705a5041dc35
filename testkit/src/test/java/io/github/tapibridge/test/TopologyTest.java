package io.github.tapibridge.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import io.github.tapibridge.sim.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@link TapiSimulatorTest#topology()}: the switch is shaped before any application opens.
 */
class TopologyTest {

    /** A topology of another class, named as {@code "class#method"}. */
    static Topology threeLines() {
        return Topology.builder().lines(3).build();
    }

    @TapiSimulatorTest(topology = "twoLines")
    static class Topologies {
        static Topology twoLines() {
            return Topology.builder().lines(2).line(1, "2001", "Reception").build();
        }

        Topology instanceTopology() {
            return Topology.builder().lines(5).build();
        }

        static String notATopology() {
            return "two lines";
        }

        @Test
        void fromTheClass(Tapi tapi) {
            assertEquals(2, tapi.lineCount());
            assertEquals("Reception", tapi.device(1).name());
        }

        @Test
        @TapiSimulatorTest(topology = "io.github.tapibridge.test.TopologyTest#threeLines")
        void fromAnotherClass(Tapi tapi) {
            assertEquals(3, tapi.lineCount());
        }

        @Test
        @TapiSimulatorTest(topology = "instanceTopology")
        void fromAnInstanceMethod(Tapi tapi) {
            assertEquals(5, tapi.lineCount());
        }

        @Test
        @TapiSimulatorTest(topology = "missing")
        void unknownMethod(Tapi tapi) {
        }

        @Test
        @TapiSimulatorTest(topology = "notATopology")
        void wrongReturnType(Tapi tapi) {
        }

        @Nested
        class Inside {
            @Test
            void inheritsTheEnclosingClassesTopology(Tapi tapi) {
                assertEquals(2, tapi.lineCount());
            }
        }
    }

    @Test
    void theTopologyMethodShapesTheSwitchBeforeTheApplicationOpens() {
        EngineExecutionResults results = Inner.run(Topologies.class);
        assertEquals(List.of("fromAnInstanceMethod", "fromAnotherClass", "fromTheClass",
                "inheritsTheEnclosingClassesTopology"), Inner.passed(results));
        Map<String, Throwable> failures = Inner.failures(results);
        assertEquals(2, failures.size(), failures.toString());
        Throwable missing = failures.get("unknownMethod");
        assertInstanceOf(ExtensionConfigurationException.class, missing);
        assertTrue(missing.getMessage().startsWith("@TapiSimulatorTest(topology = \"missing\"): no method missing()"),
                missing.getMessage());
        Throwable wrong = failures.get("wrongReturnType");
        assertInstanceOf(ExtensionConfigurationException.class, wrong);
        assertTrue(wrong.getMessage().contains("returns java.lang.String, not Topology"), wrong.getMessage());
    }

    @TapiSimulatorTest
    static class ConfiguredInBeforeEach {
        @BeforeEach
        void shape(Simulator sim) {
            sim.configure(Topology.builder().lines(1).build()); // no application is open yet
        }

        @Test
        void seesOneLine(Tapi tapi) {
            assertEquals(1, tapi.lineCount());
        }
    }

    @Test
    void aBeforeEachMethodThatTakesOnlyTheSwitchMayStillConfigureIt() {
        EngineExecutionResults results = Inner.run(ConfiguredInBeforeEach.class);
        assertEquals(List.of("seesOneLine"), Inner.passed(results), Inner.failures(results).toString());
    }
}
