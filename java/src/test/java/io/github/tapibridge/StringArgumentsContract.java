package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Strings for the provider are checked once, in the public API, so that both backends refuse the
 * same ones with the same message and none is cut short in C: at most 1,024 UTF-16 units, no
 * U+0000. A refused string reaches neither the backend (no native block is allocated for it)
 * nor the switch (its trace shows no call).
 */
abstract class StringArgumentsContract extends SimTestSupport {

    static final String TOO_LONG = "2".repeat(1025);
    static final String LONGEST = "2".repeat(1024);

    /** Runs {@code misuse}, expects {@code message}, and checks that the switch saw nothing. */
    void refusedBeforeTheProvider(String message, Executable misuse) {
        sim.clearTrace();
        long blocks = tapi.nativeAllocations();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, misuse);
        assertEquals(message, e.getMessage());
        assertEquals(blocks, tapi.nativeAllocations());
        assertEquals("", sim.trace());
    }

    @Test
    void makeCallWithU0000IsRefusedNotCutShort() {
        Line line = tapi.openLine(0);
        refusedBeforeTheProvider("destination contains U+0000 at index 3",
                () -> line.makeCall("101\u0000999"));
        assertTrue(line.calls().isEmpty());
    }

    @Test
    void makeCallWithMoreThan1024UnitsIsRefused() {
        Line line = tapi.openLine(0);
        refusedBeforeTheProvider("destination is too long: 1025 UTF-16 units, at most 1024",
                () -> line.makeCall(TOO_LONG));
    }

    @Test
    void makeCallWithExactly1024UnitsReachesTheSwitch() throws Exception {
        Line line = tapi.openLine(0);
        sim.clearTrace();
        CompletableFuture<Call> made = line.makeCall(LONGEST);
        try {
            made.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).close();
        } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof TapiException, e.toString()); // the switch's answer
        }
        assertTrue(sim.trace().contains("lineMakeCallW("), sim.trace());
    }

    @Test
    void anAppNameWithU0000IsRefused() {
        refusedBeforeTheProvider("appName contains U+0000 at index 2",
                () -> openTapi(TapiConfig.builder().provider(Provider.simulator()).appName("my\u0000app")));
    }

    @Test
    void anAppNameOfMoreThan1024UnitsIsRefused() {
        refusedBeforeTheProvider("appName is too long: 1025 UTF-16 units, at most 1024",
                () -> openTapi(TapiConfig.builder().provider(Provider.simulator()).appName(TOO_LONG)));
    }

    @Test
    void anAppNameOfExactly1024UnitsIsAccepted() {
        sim.clearTrace();
        Tapi second = openTapi(TapiConfig.builder().provider(Provider.simulator()).appName(LONGEST));
        assertEquals(LONGEST, second.config().appName());
        assertTrue(sim.trace().contains("lineInitializeExW("), sim.trace());
    }

    @Test
    void simulatorStringsWithU0000AreRefused() {
        refusedBeforeTheProvider("number contains U+0000 at index 1", () -> sim.station("2\u000001"));
        refusedBeforeTheProvider("function contains U+0000 at index 12",
                () -> sim.failNext("lineMakeCall\u0000", LineError.LINEERR_CALLUNAVAIL));
        refusedBeforeTheProvider("name contains U+0000 at index 5", () -> sim.option("trace\u0000x", 0));
        refusedBeforeTheProvider("number is too long: 1025 UTF-16 units, at most 1024",
                () -> sim.station(TOO_LONG));
        sim.station("201").busy(); // the switch still takes what is valid
        assertTrue(sim.trace().contains("tapisim_set_station(\"201\""), sim.trace());
    }
}
