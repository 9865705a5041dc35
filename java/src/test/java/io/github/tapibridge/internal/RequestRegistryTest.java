package io.github.tapibridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.internal.RequestRegistry.Pending;
import io.github.tapibridge.internal.RequestRegistry.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The request registry on its own, with both orders of registration and reply made explicit
 * (deterministic), and a concurrent run of both orders mixed.
 */
class RequestRegistryTest {

    final List<Pending> discarded = new ArrayList<>();
    final RequestRegistry registry = new RequestRegistry(discarded::add);

    static Pending request(Object owner) {
        return new Pending("lineCompleteCall", owner, 0x1000, "context");
    }

    @Test
    void registerThenReply() {
        Pending p = request(null);
        assertEquals(Registration.WAITING, registry.register(0x1001, p));
        assertEquals(0x1001, p.requestId());
        assertEquals(1, registry.pendingCount());
        assertSame(p, registry.reply(0x1001, 0), "the pump processes it");
        assertEquals(0, registry.pendingCount());
        assertEquals(0, registry.earlyReplyCount());
        assertNull(registry.reply(0x1001, 0), "a second reply is not matched to it again");
        assertEquals(1, registry.earlyReplyCount());
    }

    @Test
    void replyThenRegister() {
        assertNull(registry.reply(0x1002, 0x8000001C), "no request yet: a placeholder keeps the result");
        assertEquals(1, registry.earlyReplyCount());
        Pending p = request(null);
        assertEquals(Registration.REPLIED, registry.register(0x1002, p), "the issuing thread processes it");
        assertEquals(0x8000001C, p.earlyResult());
        assertEquals(0, registry.pendingCount());
        assertEquals(0, registry.earlyReplyCount());
    }

    /**
     * A provider that breaks the contract with two replies for one ID before its registration:
     * one placeholder stays, with the newer result, and no reply is owed for it.
     */
    @Test
    void twoEarlyRepliesLeaveOnePlaceholderWithTheNewerResult() {
        assertNull(registry.reply(0x1003, 0x80000001));
        assertNull(registry.reply(0x1003, 0));
        assertEquals(1, registry.earlyReplyCount());
        assertFalse(registry.repliesOwed(), "the placeholder is counted once, not twice");
        Pending p = request(null);
        assertEquals(Registration.REPLIED, registry.register(0x1003, p));
        assertEquals(0, p.earlyResult(), "the newer result");
        assertEquals(0, registry.earlyReplyCount());
        assertFalse(registry.repliesOwed());
    }

    /**
     * Only a registered request waiting for its reply owes one: not an early reply's placeholder
     * (its request will find it when it registers) and not a released request's marker. The
     * event pump spins before blocking exactly while this is true.
     */
    @Test
    void repliesAreOwedOnlyWhileARegisteredRequestWaits() {
        assertFalse(registry.repliesOwed(), "empty");
        Pending waiting = request(null);
        registry.register(0x1001, waiting);
        assertTrue(registry.repliesOwed());
        assertSame(waiting, registry.reply(0x1001, 0));
        assertFalse(registry.repliesOwed(), "replied");

        assertNull(registry.reply(0x1002, 0));
        assertFalse(registry.repliesOwed(), "an early reply's placeholder owes nothing");
        assertEquals(Registration.REPLIED, registry.register(0x1002, request(null)));
        assertFalse(registry.repliesOwed());

        Object line = new Object();
        registry.register(0x1003, request(line));
        assertTrue(registry.repliesOwed());
        registry.abandon(line);
        assertEquals(1, registry.release(line).size());
        assertEquals(1, registry.releasedCount());
        assertFalse(registry.repliesOwed(), "a released request's marker owes nothing");

        registry.register(0x1004, request(null));
        assertTrue(registry.repliesOwed());
        assertEquals(1, registry.shutdown().size());
        assertFalse(registry.repliesOwed(), "shut down");
    }

    @Test
    void pendingRequestKeepsItsData() {
        Object owner = new Object();
        Pending p = new Pending("lineMakeCallW", owner, 0xABC0, "ctx");
        assertEquals("lineMakeCallW", p.function());
        assertSame(owner, p.owner());
        assertEquals(0xABC0, p.outParameter());
        assertEquals("ctx", p.context());
        assertFalse(p.isAbandoned());
        assertTrue(p.toString().contains("lineMakeCallW"));
    }

    @Test
    void abandonMarksButKeepsTheRequestsOfAnOwner() {
        Object line = new Object();
        Pending a = request(line);
        Pending b = request(new Object());
        registry.register(1, a);
        registry.register(2, b);
        assertEquals(List.of(a), registry.abandon(line));
        assertTrue(a.isAbandoned());
        assertFalse(b.isAbandoned());
        assertTrue(registry.abandon(line).isEmpty(), "only once");
        assertEquals(2, registry.pendingCount(), "memory stays owned until the reply or shutdown");
        assertSame(a, registry.reply(1, 0x80000048));
    }

    @Test
    void releaseHandsBackTheRequestsOfAClosedOwnerAndALateReplyIsIgnored() {
        Object line = new Object();
        Pending queued = request(line);
        Pending suppressed = request(line);
        Pending other = request(new Object());
        registry.register(1, queued);
        registry.register(2, suppressed);
        registry.register(3, other);
        registry.abandon(line);
        List<Pending> released = registry.release(line);
        assertEquals(2, released.size());
        assertTrue(released.containsAll(List.of(queued, suppressed)));
        assertEquals(1, registry.pendingCount());
        assertEquals(2, registry.releasedCount());
        assertNull(registry.reply(1, 0), "a reply queued before the close is consumed by its marker");
        assertEquals(0, registry.earlyReplyCount(), "and not kept as an early reply");
        assertEquals(1, registry.releasedCount());
        assertSame(other, registry.reply(3, 0), "issued before the close: its reply purges nothing");
        assertEquals(1, registry.releasedCount());
        Pending later = new Pending("lineMakeCallW", null, 0, "ctx", registry.epoch());
        registry.register(4, later);
        assertSame(later, registry.reply(4, 0));
        assertEquals(0, registry.releasedCount(),
                "a reply of a request issued after the close: the suppressed reply will not come");
        assertTrue(discarded.isEmpty(), "the caller frees what release returns");
    }

    @Test
    void aReusedIdReplacesTheMarkerOfAReleasedRequest() {
        Object line = new Object();
        registry.register(5, request(line));
        registry.release(line);
        Pending fresh = request(null);
        assertEquals(Registration.WAITING, registry.register(5, fresh));
        assertEquals(0, registry.releasedCount());
        assertSame(fresh, registry.reply(5, 0));
    }

    @Test
    void aReusedIdDiscardsTheAbandonedRequest() {
        Object line = new Object();
        Pending old = request(line);
        registry.register(7, old);
        registry.abandon(line);
        Pending fresh = request(null);
        assertEquals(Registration.WAITING, registry.register(7, fresh));
        assertEquals(List.of(old), discarded);
        assertSame(fresh, registry.reply(7, 0));
    }

    @Test
    void shutdownReturnsEverythingAndRefusesMore() {
        Pending a = request(null);
        registry.register(1, a);
        registry.reply(2, 0);
        assertEquals(List.of(a), registry.shutdown());
        assertEquals(0, registry.pendingCount());
        assertEquals(0, registry.earlyReplyCount());
        assertEquals(Registration.SHUT_DOWN, registry.register(3, request(null)));
        assertNull(registry.reply(3, 0));
        assertEquals(0, registry.earlyReplyCount());
    }

    @Test
    void concurrentRegistrationsAndRepliesPairUpExactlyOnce() throws Exception {
        int n = 200_000;
        AtomicInteger byPump = new AtomicInteger();
        AtomicInteger byIssuer = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(2);
        Thread pump = new Thread(() -> {
            await(start);
            for (int id = 1; id <= n; id++) {
                if (registry.reply(id, 0) != null) {
                    byPump.incrementAndGet();
                }
            }
        });
        pump.start();
        await(start);
        for (int id = 1; id <= n; id++) {
            if (registry.register(id, request(null)) == Registration.REPLIED) {
                byIssuer.incrementAndGet();
            }
        }
        pump.join();
        assertEquals(n, byPump.get() + byIssuer.get(), "every reply processed exactly once");
        assertEquals(0, registry.pendingCount());
        assertEquals(0, registry.earlyReplyCount());
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
