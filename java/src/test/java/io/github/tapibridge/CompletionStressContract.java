package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Many threads issuing requests while the pump correlates replies: no reply is lost (every future
 * completes), none is duplicated (one Reply event per request, nothing left in the registry), and
 * native memory returns to where it was.
 *
 * <p>Cycle: make a call to a busy station (it is BUSY when the reply arrives: the simulator routes
 * inside lineMakeCall), request a CAMPON completion, cancel it (the switch then releases the camped
 * call), deallocate the call. Three asynchronous round trips. Two threads per line device keep each
 * device below its 4 outstanding completions; each thread has its own target, so no target queues
 * more than one request.
 */
abstract class CompletionStressContract extends SimTestSupport {

    static final int THREADS = 8;
    static final int CYCLES = 10_000;

    static void cycle(Line line, String target) throws Exception {
        Call call = await(line.makeCall(target));
        CallCompletion c = await(call.completeCall(CallCompletionMode.CAMPON));
        await(c.cancel());
        if (c.state() != CallCompletion.State.CANCELLED) {
            throw new AssertionError("completion " + c + " after a successful cancel");
        }
        call.close();
    }

    @Test
    void eightThreadsTenThousandCyclesEach() throws Exception {
        List<Line> lines = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            lines.add(tapi.openLine(d));
        }
        AtomicLong replies = new AtomicLong();
        CountDownLatch flushed = new CountDownLatch(lines.size());
        tapi.addListener(e -> {
            if (e instanceof LineEvent.Reply r) {
                replies.incrementAndGet();
                if (!r.isSuccess()) {
                    flushed.countDown(); // only the flush requests fail
                }
            }
        });
        long baseline = tapi.nativeAllocations();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Line line = lines.get(t / 2);
                String target = "30" + t;
                sim.station(target).busy();
                Callable<Integer> worker = () -> {
                    for (int i = 0; i < CYCLES; i++) {
                        cycle(line, target);
                    }
                    return CYCLES;
                };
                results.add(pool.submit(worker));
            }
            int done = 0;
            for (Future<Integer> f : results) {
                done += f.get(10, TimeUnit.MINUTES);
            }
            assertEquals(THREADS * CYCLES, done);
        } finally {
            pool.shutdownNow();
        }
        // One more request per line flushes the pump: its reply comes after every other. Its
        // future completes before the listeners see its Reply event, so wait for the events.
        for (Line line : lines) {
            failure(line.uncompleteCall(-1));
        }
        assertTrue(flushed.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the flush replies reached the listener");
        long requests = 3L * THREADS * CYCLES + lines.size();
        assertEquals(requests, replies.get(), "exactly one LINE_REPLY per request");
        assertEquals(0, tapi.session().registry.pendingCount());
        assertEquals(0, tapi.session().registry.earlyReplyCount());
        for (Line line : lines) {
            assertTrue(line.completions().isEmpty());
            assertTrue(line.calls().isEmpty());
            assertEquals(0, line.status().numCallCompletions());
        }
        assertEquals(baseline, tapi.nativeAllocations(), "native memory back to the baseline");
    }
}
