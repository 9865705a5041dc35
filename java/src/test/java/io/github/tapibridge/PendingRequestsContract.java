package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Tapi#pendingRequests()}: the requests still waiting for their {@code LINE_REPLY}. A
 * request is held pending deterministically by keeping the event pump busy in a listener, so
 * that the reply, although the switch has queued it, cannot be dispatched.
 */
abstract class PendingRequestsContract extends SimTestSupport {

    static final Duration GUARD = Duration.ofSeconds(HANG_GUARD_SECONDS);

    @Test
    void aFreshApplicationHasNoPendingRequests() {
        assertEquals(List.of(), tapi.pendingRequests());
    }

    /** Keeps the event pump in a listener until closed: replies queued meanwhile wait. */
    private AutoCloseable holdPump() throws Exception {
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        tapi.addListener(e -> {
            if (e instanceof LineEvent.Other && inListener.getCount() > 0) {
                inListener.countDown();
                try {
                    release.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        sim.postMessages(tapi, 1);                       // the pump takes it and stays in the listener
        assertTrue(inListener.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        return release::countDown;
    }

    @Test
    void aRequestIsPendingUntilThePumpHasDispatchedItsReply() throws Exception {
        Line line = tapi.openLine(0);
        CompletableFuture<Call> call;
        try (AutoCloseable held = holdPump()) {
            call = line.makeCall("201");
            List<String> pending = tapi.pendingRequests();
            assertEquals(1, pending.size(), pending.toString());
            assertTrue(pending.get(0).matches("lineMakeCallW request 0x[0-9A-F]{8}"), pending.get(0));
            assertTrue(sim.trace().contains("-> " + pending.get(0).substring("lineMakeCallW ".length())),
                    "the ID is the one the trace shows: " + pending.get(0));
            assertFalse(call.isDone());
        }
        tapi.awaitIdle(GUARD);
        assertTrue(call.isDone());
        assertEquals(List.of(), tapi.pendingRequests());
        await(call).drop().get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aRequestOfALineWhoseCloseFailedStaysPendingAsAbandonedUntilItsReply() throws Exception {
        Line line = tapi.openLine(0);
        try (AutoCloseable held = holdPump()) {
            CompletableFuture<Call> call = line.makeCall("201");
            sim.failNext("lineClose", LineError.LINEERR_OPERATIONFAILED);
            line.close();
            assertTrue(call.isCompletedExceptionally(), "closing the line failed the request's future");
            List<String> pending = tapi.pendingRequests();
            assertEquals(1, pending.size(), pending.toString());
            assertTrue(pending.get(0).endsWith(" (abandoned)"), pending.get(0));
        }
        tapi.awaitIdle(GUARD);
        assertEquals(List.of(), tapi.pendingRequests(), "the reply settled it");
    }

    @Test
    void aClosedApplicationRefuses() {
        tapi.close();
        assertThrows(IllegalStateException.class, tapi::pendingRequests);
    }
}
