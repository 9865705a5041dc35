package io.github.tapibridge.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link AppEvents.Waits} for tests, standing in for kernel32 off Windows: its duplicates are
 * numbers it hands out, each poll answers what {@link #answer} says, and it records every event
 * it was asked to duplicate, every poll and every close, and a poll of a closed duplicate (which
 * kernel32 would answer for a closed, or reused, handle).
 */
public final class FakeWaits implements AppEvents.Waits {

    /** The events {@link #duplicate} was asked for, in order. */
    public final List<Long> duplicated = new CopyOnWriteArrayList<>();
    /** The duplicates handed out, in order. */
    public final List<Long> handedOut = new CopyOnWriteArrayList<>();
    /** The duplicates closed. */
    public final Set<Long> closed = ConcurrentHashMap.newKeySet();
    /** Polls of a duplicate after its close: must stay 0. */
    public final AtomicInteger pollsOfClosed = new AtomicInteger();
    private final Map<Long, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(0x4000);

    /** What a poll answers: {@link AppEvents#WAIT_TIMEOUT} until a test changes it. */
    public volatile int answer = AppEvents.WAIT_TIMEOUT;
    /** Whether {@link #duplicate} fails. */
    public volatile boolean failDuplicates;

    @Override
    public long duplicate(long event) {
        duplicated.add(event);
        if (failDuplicates) {
            return 0;
        }
        long h = next.getAndIncrement();
        polls.put(h, new AtomicInteger());
        handedOut.add(h);
        return h;
    }

    @Override
    public int poll(long handle) {
        if (closed.contains(handle)) {
            pollsOfClosed.incrementAndGet();
        }
        polls.get(handle).incrementAndGet();
        return answer;
    }

    @Override
    public void close(long handle) {
        if (!closed.add(handle)) {
            throw new AssertionError("closed twice: " + handle);
        }
    }

    /** Polls of one duplicate so far. */
    public int polls(long handle) {
        return polls.get(handle).get();
    }

    /** Polls of every duplicate so far. */
    public int polls() {
        return polls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Waits until a duplicate has been polled, that is until a drain spins on it. */
    public void awaitPolls(long handle, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000;
        while (polls(handle) == 0) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("no drain polled an event in " + timeoutMillis + " ms");
            }
            Thread.sleep(1);
        }
    }

    /** Waits until the polls stop growing for 200 ms, that is until every drain blocks. */
    public void awaitNoMorePolls(long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000;
        int seen = polls();
        for (;;) {
            Thread.sleep(200);
            int now = polls();
            if (now == seen) {
                return;
            }
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("a drain still polls after " + timeoutMillis + " ms");
            }
            seen = now;
        }
    }
}
