package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat over 100,000 completion cycles: every out-parameter and structure
 * buffer is freed ({@link Tapi#nativeAllocations()} counts the blocks the backend has not freed).
 * The 1,000,000-cycle measurement of DESIGN §6, of the whole process, is a benchmark
 * ({@code benchmarks/}, {@code NativeMemoryRun}).
 */
abstract class NativeMemoryContract extends SimTestSupport {

    static final int WARM_UP = 1_000;
    static final int CYCLES = 100_000;

    @Test
    void hundredThousandCyclesDoNotGrowNativeMemory() throws Exception {
        Line line = tapi.openLine(0);
        sim.station("401").busy();
        for (int i = 0; i < WARM_UP; i++) {
            cycle(line);
        }
        long afterWarmUp = tapi.nativeAllocations();
        for (int i = 0; i < CYCLES; i++) {
            cycle(line);
        }
        assertEquals(afterWarmUp, tapi.nativeAllocations());
        assertEquals(0, tapi.session().registry.pendingCount());
    }

    /** One cycle, also reading the structures the API decodes. */
    void cycle(Line line) throws Exception {
        Call call = await(line.makeCall("401"));
        call.state();
        CallCompletion c = await(call.completeCall(CallCompletionMode.CAMPON));
        call.info();
        await(c.cancel());
        call.close();
    }
}
