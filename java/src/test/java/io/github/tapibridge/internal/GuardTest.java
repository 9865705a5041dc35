package io.github.tapibridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GuardTest {

    @Test
    void countsCallsAndRefusesThemAfterClose() {
        Guard g = new Guard("Thing");
        g.enter();
        g.enter();
        assertEquals(2, g.inFlight());
        g.exit();
        g.exit();
        assertEquals(0, g.inFlight());
        assertFalse(g.isClosed());
        g.ensureOpen();
        assertTrue(g.close());
        assertFalse(g.close(), "idempotent");
        assertTrue(g.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, g::enter);
        assertEquals("Thing is closed", e.getMessage());
        assertThrows(IllegalStateException.class, g::ensureOpen);
        g.awaitQuiescent();
        assertTrue(g.toString().contains("closed"));
    }

    @Test
    void closeWaitsForCallsInFlight() throws Exception {
        Guard g = new Guard("Thing");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        callInside(g, entered, release);
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        g.close();
        Thread closer = new Thread(g::awaitQuiescent);
        closer.start();
        closer.join(100); // not a timing assertion: only gives it a chance to return wrongly
        assertTrue(closer.isAlive(), "still waiting for the call in flight");
        assertEquals(1, g.inFlight());
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(closer.isAlive());
        assertEquals(0, g.inFlight());
    }

    @Test
    void nestingDeeperThanARecordFallsBackToTheCounter() {
        Guard g = new Guard("Thing");
        int depth = GuardRecord.DEPTH + 3;
        for (int i = 0; i < depth; i++) {
            g.enter();
        }
        assertEquals(depth, g.inFlight());
        g.close();
        assertThrows(IllegalStateException.class, g::enter);
        assertEquals(depth, g.inFlight(), "a refused enter leaves nothing behind, full record or not");
        for (int i = 0; i < depth; i++) {
            g.exit();
        }
        assertEquals(0, g.inFlight());
        g.awaitQuiescent();
    }

    @Test
    void theRecordEnterReturnsLeavesTheSameCallEvenPastTheDepth() {
        Guard g = new Guard("Thing");
        GuardRecord[] held = new GuardRecord[GuardRecord.DEPTH + 2];
        for (int i = 0; i < held.length; i++) {
            held[i] = g.enter();
        }
        assertTrue(held[0] != null && held[GuardRecord.DEPTH - 1] != null, "on the record");
        assertTrue(held[GuardRecord.DEPTH] == null, "counted apart: enter says so");
        assertEquals(held.length, g.inFlight());
        for (int i = held.length - 1; i >= 0; i--) {
            g.exit(held[i]);
        }
        assertEquals(0, g.inFlight());
    }

    @Test
    void enterAllBacksOutOfEveryGuardWhenOneIsClosed() {
        Guard a = new Guard("A");
        Guard b = new Guard("B");
        Guard c = new Guard("C");
        b.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Guard.enterAll(a, b, c));
        assertEquals("B is closed", e.getMessage());
        assertEquals(0, a.inFlight());
        assertEquals(0, c.inFlight());
        Guard.enterAll(a, c);
        assertEquals(1, a.inFlight());
        assertEquals(1, c.inFlight());
        Guard.exitAll(a, c);
        assertEquals(0, a.inFlight() + c.inFlight());
    }

    @Test
    void enterAllBacksOutOfTheCountedPartToo() {
        Guard[] open = new Guard[GuardRecord.DEPTH + 2];
        for (int i = 0; i < open.length; i++) {
            open[i] = new Guard("G" + i);
        }
        Guard closed = new Guard("Closed");
        closed.close();
        Guard[] all = java.util.Arrays.copyOf(open, open.length + 1);
        all[open.length] = closed;
        assertThrows(IllegalStateException.class, () -> Guard.enterAll(all));
        for (Guard g : open) {
            assertEquals(0, g.inFlight(), g.toString());
        }
        Guard.enterAll(open);
        for (Guard g : open) {
            assertEquals(1, g.inFlight(), g.toString());
        }
        Guard.exitAll(open);
        for (Guard g : open) {
            assertEquals(0, g.inFlight(), g.toString());
        }
    }

    @Test
    void leavingOutOfOrderStillLeavesEveryGuard() {
        Guard a = new Guard("A");
        Guard b = new Guard("B");
        a.enter();
        b.enter();
        a.exit();
        assertEquals(0, a.inFlight());
        assertEquals(1, b.inFlight());
        a.enter();
        b.exit();
        a.exit();
        assertEquals(0, a.inFlight() + b.inFlight());
    }

    @Test
    void theCallsOfOtherThreadsAreSeenByTheCloser() throws Exception {
        Guard g = new Guard("Thing");
        CountDownLatch entered = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        Thread[] callers = new Thread[3];
        for (int i = 0; i < callers.length; i++) {
            callers[i] = callInside(g, entered, release);
        }
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        assertEquals(3, g.inFlight());
        release.countDown();
        for (Thread t : callers) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertEquals(0, g.inFlight());
    }

    @Test
    void anInterruptedCloserStillWaitsAndKeepsItsInterrupt() throws Exception {
        Guard g = new Guard("Thing");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        callInside(g, entered, release);
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        g.close();
        boolean[] keptInterrupt = new boolean[1];
        Thread closer = new Thread(() -> {
            Thread.currentThread().interrupt();
            g.awaitQuiescent();
            keptInterrupt[0] = Thread.currentThread().isInterrupted();
        });
        closer.start();
        closer.join(100); // not a timing assertion: only gives it a chance to return wrongly
        assertTrue(closer.isAlive(), "an interrupt does not end the wait");
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(closer.isAlive());
        assertTrue(keptInterrupt[0]);
    }

    /** Many rounds of callers racing a close: after awaitQuiescent no call is inside. */
    @Test
    void noCallIsInsideOnceTheCloserHasWaited() throws Exception {
        for (int round = 0; round < 200; round++) {
            Guard g = new Guard("Thing");
            java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean late = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicBoolean quiescent = new java.util.concurrent.atomic.AtomicBoolean();
            CountDownLatch go = new CountDownLatch(1);
            Thread[] callers = new Thread[2];
            for (int i = 0; i < callers.length; i++) {
                callers[i] = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (;;) {
                        try {
                            g.enter();
                        } catch (IllegalStateException closed) {
                            return;
                        }
                        try {
                            inside.incrementAndGet();
                            if (quiescent.get()) {
                                late.set(true);
                            }
                            Thread.onSpinWait();
                        } finally {
                            inside.decrementAndGet();
                            g.exit();
                        }
                    }
                });
                callers[i].start();
            }
            go.countDown();
            Thread.yield();
            g.close();
            g.awaitQuiescent();
            quiescent.set(true);
            assertEquals(0, inside.get(), "round " + round);
            for (Thread t : callers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertFalse(late.get(), "a call ran after awaitQuiescent returned, round " + round);
        }
    }

    /** Starts a thread that enters g, counts entered down and stays inside until release. */
    private static Thread callInside(Guard g, CountDownLatch entered, CountDownLatch release) {
        Thread caller = new Thread(() -> {
            g.enter();
            try {
                entered.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                g.exit();
            }
        });
        caller.start();
        return caller;
    }
}
