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
        Thread caller = new Thread(() -> {
            g.enter();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                g.exit();
            }
        });
        caller.start();
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
}
