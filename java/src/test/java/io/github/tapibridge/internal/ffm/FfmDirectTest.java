package io.github.tapibridge.internal.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Provider;
import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.spi.TapiBackend;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * The FFM backend's calls through libtapibridge's guarded C wrappers (FfmDirect) on the bundled
 * simulator: which functions go there, and that they are refused once the backend is closed.
 * Compiled for release 17 like every test, so it reaches the backend's own methods through
 * reflection; it runs in the build's {@code ffm-backend} execution, on a JDK 22+.
 */
class FfmDirectTest {

    private static final int BOGUS = 0x7FFF0000;

    @SuppressWarnings("unchecked")
    private static Set<String> functions(TapiBackend b, String method) throws ReflectiveOperationException {
        return (Set<String>) b.getClass().getMethod(method).invoke(b);
    }

    private static Path simulatorFile(TapiBackend simulator) {
        return Path.of(simulator.providerDescription().substring("simulator ".length()));
    }

    /** Every TAPI function of the backend that every provider has, by C name, with harmless arguments. */
    private static Map<String, ToIntFunction<TapiBackend>> tapiCalls(long mem) {
        Map<String, ToIntFunction<TapiBackend>> calls = new LinkedHashMap<>();
        calls.put("lineGetCallStatus", b -> b.lineGetCallStatus(BOGUS, mem));
        calls.put("lineCompleteCall", b -> b.lineCompleteCall(BOGUS, mem, 2, 0));
        calls.put("lineUncompleteCall", b -> b.lineUncompleteCall(BOGUS, 1));
        calls.put("lineGetMessage", b -> b.lineGetMessage(BOGUS, mem, 0));
        calls.put("lineGetMessages", b -> b.lineGetMessages(BOGUS, mem, 2, 0, 0));
        calls.put("lineShutdown", b -> b.lineShutdown(BOGUS));
        calls.put("lineNegotiateAPIVersion", b -> b.lineNegotiateAPIVersion(BOGUS, 0, 0x00010004, 0x00030001,
                mem, mem + 8));
        calls.put("lineGetDevCapsW", b -> b.lineGetDevCapsW(BOGUS, 0, 0x00030001, 0, mem));
        calls.put("lineGetAddressCapsW", b -> b.lineGetAddressCapsW(BOGUS, 0, 0, 0x00030001, 0, mem));
        calls.put("lineOpenW", b -> b.lineOpenW(BOGUS, 0, mem, 0x00030001, 0, 0, 1, 0, 0));
        calls.put("lineClose", b -> b.lineClose(BOGUS));
        calls.put("lineSetStatusMessages", b -> b.lineSetStatusMessages(BOGUS, 0, 0));
        calls.put("lineGetLineDevStatusW", b -> b.lineGetLineDevStatusW(BOGUS, mem));
        calls.put("lineMakeCallW", b -> b.lineMakeCallW(BOGUS, mem, "201", 0, 0));
        calls.put("lineAnswer", b -> b.lineAnswer(BOGUS, 0, 0));
        calls.put("lineDrop", b -> b.lineDrop(BOGUS, 0, 0));
        calls.put("lineDeallocateCall", b -> b.lineDeallocateCall(BOGUS));
        calls.put("lineGetCallInfoW", b -> b.lineGetCallInfoW(BOGUS, mem));
        calls.put("lineHold", b -> b.lineHold(BOGUS));
        calls.put("lineDialW", b -> b.lineDialW(BOGUS, "201", 0));
        calls.put("lineRedirectW", b -> b.lineRedirectW(BOGUS, "201", 0));
        calls.put("lineGetAddressStatusW", b -> b.lineGetAddressStatusW(BOGUS, 0, mem));
        calls.put("lineRemoveFromConference", b -> b.lineRemoveFromConference(BOGUS));
        return calls;
    }

    /**
     * With the provider's handle in libtapibridge closed and the Java guard still open, exactly
     * the functions that directFunctions() names are refused: they, and only they, run inside
     * the C guard instead of the Java one.
     */
    @Test
    void theFunctionsGuardedInCAreTheReportedOnes() throws Exception {
        try (TapiBackend observer = Backends.open(Backend.FFM, Provider.simulator());
             TapiBackend b = Backends.open(Backend.FFM, Provider.simulator())) {
            Set<String> direct = functions(b, "directFunctions");
            assertTrue(direct.containsAll(functions(b, "criticalFunctions")), direct.toString());
            long mem = observer.allocate(1024);
            try {
                observer.putInt(mem, 1024);
                Map<String, ToIntFunction<TapiBackend>> calls = tapiCalls(mem);
                assertTrue(calls.keySet().containsAll(direct), direct.toString());
                calls.forEach((name, call) -> call.applyAsInt(b)); // every one answers while open

                Field handle = Class.forName("io.github.tapibridge.internal.ffm.FfmTapiCalls")
                        .getDeclaredField("direct");
                handle.setAccessible(true);
                Method close = Class.forName("io.github.tapibridge.internal.ffm.FfmDirect")
                        .getDeclaredMethod("close", long.class);
                close.setAccessible(true);
                assertEquals(true, close.invoke(null, handle.getLong(b)));

                Set<String> refused = new TreeSet<>();
                calls.forEach((name, call) -> {
                    try {
                        call.applyAsInt(b);
                    } catch (IllegalStateException e) {
                        refused.add(name);
                    }
                });
                assertEquals(new TreeSet<>(direct), refused);
            } finally {
                observer.free(mem);
            }
        }
    }

    /** The other bindings of the simulator's file (by path) use the Java guard alone. */
    @Test
    void onlyTheBundledSimulatorCallsThroughTheCGuard() throws Exception {
        try (TapiBackend sim = Backends.open(Backend.FFM, Provider.simulator());
             TapiBackend byPath = Backends.open(Backend.FFM, Provider.library(simulatorFile(sim)))) {
            assertEquals(Set.of("lineGetCallStatus", "lineCompleteCall", "lineUncompleteCall", "lineGetMessage",
                    "lineGetMessages"), functions(sim, "directFunctions"));
            assertEquals(Set.of(), functions(byPath, "directFunctions"));
        }
    }

    /** After close, each wrapped function throws the Java guard's IllegalStateException. */
    @Test
    void everyWrappedFunctionIsRefusedAfterClose() throws Exception {
        TapiBackend b = Backends.open(Backend.FFM, Provider.simulator());
        assertFalse(functions(b, "directFunctions").isEmpty());
        b.close();
        String closed = assertThrows(IllegalStateException.class, () -> b.lineGetCallInfoW(BOGUS, 8)).getMessage();
        Map<String, ToIntFunction<TapiBackend>> calls = new LinkedHashMap<>();
        calls.put("lineGetCallStatus", x -> x.lineGetCallStatus(BOGUS, 8));
        calls.put("lineCompleteCall", x -> x.lineCompleteCall(BOGUS, 8, 2, 0));
        calls.put("lineUncompleteCall", x -> x.lineUncompleteCall(BOGUS, 1));
        calls.put("lineGetMessage", x -> x.lineGetMessage(BOGUS, 8, 0));
        calls.put("lineGetMessage with a timeout", x -> x.lineGetMessage(BOGUS, 8, 60_000));
        calls.put("lineGetMessages", x -> x.lineGetMessages(BOGUS, 8, 4, 0, 0));
        calls.put("lineGetMessages with a timeout", x -> x.lineGetMessages(BOGUS, 8, 4, 60_000, 0));
        calls.forEach((name, call) -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> call.applyAsInt(b), name);
            assertEquals(closed, e.getMessage(), name);
        });
        assertThrows(IllegalArgumentException.class, () -> b.lineGetMessages(BOGUS, 8, 0, 0, 0));
    }
}
