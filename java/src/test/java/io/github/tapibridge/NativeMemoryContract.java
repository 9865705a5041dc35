package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat over 100,000 completion cycles: every out-parameter and structure
 * buffer is freed ({@link Tapi#nativeAllocations()} counts the blocks the backend has not freed).
 * The 1,000,000-cycle measurement of the whole process (docs/performance.md) is a benchmark
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

    static final int PENDING_CLOSES = 300;

    @Test
    void closingALineWithACompleteCallPendingFailsItAtOnceAndFreesItsMemory() throws Exception {
        Line helper = tapi.openLine(3);
        long before = 0;
        for (int i = 0; i <= PENDING_CLOSES; i++) {
            if (i == 1) {
                before = tapi.nativeAllocations(); // after one warm-up cycle
            }
            Recorder events = new Recorder();
            Line line = openRecorded(0, events);
            Call call = busyCall(line, events, "402");
            CompletableFuture<CallCompletion> f;
            Runnable release = holdPump(helper);
            try {
                f = call.completeCall(CallCompletionMode.CAMPON);
                assertFalse(f.isDone(), "the switch answers when the application next looks");
                line.close(); // lineClose suppresses the pending reply
                assertTrue(f.isCompletedExceptionally(), "failed by the close, at once");
            } finally {
                release.run();
            }
            TapiException e = failure(f);
            assertEquals(LineError.LINEERR_INVALLINEHANDLE, e.error());
            assertEquals("lineCompleteCall", e.function());
        }
        // A round trip issued after the closes: every reply queued before them has been drained.
        assertEquals(LineError.LINEERR_INVALCOMPLETIONID, failure(helper.uncompleteCall(1)).error());
        assertEquals(before, tapi.nativeAllocations(), "no out-parameter is left behind");
        assertEquals(0, tapi.session().registry.pendingCount());
        assertEquals(0, tapi.session().registry.releasedCount());
        assertEquals(0, tapi.session().registry.earlyReplyCount());
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
