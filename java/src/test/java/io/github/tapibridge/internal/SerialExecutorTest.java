package io.github.tapibridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void runsTasksInOrderOneAtATimeEvenWhenOneThrows() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            int[] concurrent = {0};
            int[] maxConcurrent = {0};
            CountDownLatch done = new CountDownLatch(1);
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                serial.execute(() -> {
                    synchronized (concurrent) {
                        maxConcurrent[0] = Math.max(maxConcurrent[0], ++concurrent[0]);
                    }
                    order.add(n);
                    synchronized (concurrent) {
                        concurrent[0]--;
                    }
                    if (n == 5) {
                        throw new IllegalStateException("task failure (expected by the test)");
                    }
                    if (n == 9_999) {
                        done.countDown();
                    }
                });
            }
            done.await(60, TimeUnit.SECONDS);
            assertEquals(10_000, order.size());
            for (int i = 0; i < 10_000; i++) {
                assertEquals(i, order.get(i));
            }
            assertEquals(1, maxConcurrent[0]);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRejectingExecutorDoesNotLoseLaterTasks() {
        boolean[] reject = {true};
        List<Runnable> accepted = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(task -> {
            if (reject[0]) {
                throw new java.util.concurrent.RejectedExecutionException("full (expected by the test)");
            }
            accepted.add(task);
        });
        List<Integer> ran = new ArrayList<>();
        serial.execute(() -> ran.add(1));
        reject[0] = false;
        serial.execute(() -> ran.add(2));
        accepted.forEach(Runnable::run);
        assertEquals(List.of(1, 2), ran);
    }
}
