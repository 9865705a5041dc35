package io.github.tapibridge;

import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.PumpFuture;
import io.github.tapibridge.internal.TapiConstants;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The waits of {@link Tapi#whenIdle()}: each is a future and a token, and a marker message with
 * that token that the simulator queued behind everything waiting for the application
 * ({@code tapisim_sync}). The queue is first in, first out and the pump dispatches one message
 * at a time, so when the pump takes a marker it has dispatched every message queued before it:
 * the future is then completed, on the pump thread, or with a listener executor after the
 * listener calls of those messages ({@link Listeners#afterDelivery}).
 *
 * <p>Why a marker and not a queue length or a drain until empty: a length read by one thread
 * while the pump is dispatching says nothing exact about which messages are done, and a drain
 * until empty never ends while the switch keeps sending (a realtime clock, another thread's
 * calls). The marker needs no counting, no timeout and no polling; it costs one message.
 *
 * <p>Threading: {@link #when()} on any thread (it registers the future before posting the
 * marker, so the pump always finds it); {@link #reached} on the pump thread; {@link #shutdown}
 * by the close, after the guard has no call in flight. No lock: each future is removed from the
 * map exactly once, by whoever completes it.
 */
final class Idle {

    /** {@code TAPISIM_LINE_SYNC} of {@code tapisim.h}: the marker's message ID. */
    static final int TAPISIM_LINE_SYNC = 0x7A510001;

    /** Past this, a timeout is no limit (nanoseconds would overflow). */
    private static final Duration MAX_WAIT = Duration.ofDays(365);

    private final Session session;
    private final Map<Integer, PumpFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger nextToken = new AtomicInteger();

    Idle(Session session) {
        this.session = session;
    }

    /** Posts a marker and returns the future its arrival completes. */
    PumpFuture<Void> when() {
        PumpFuture<Void> f = session.newFuture();
        Guard.enterAll(session.guard);
        try {
            int token = nextToken.getAndIncrement();
            waiting.put(token, f);
            int r;
            try {
                r = session.backend.tapisimSync(session.hLineApp, token);
            } catch (RuntimeException | Error e) {
                waiting.remove(token);
                throw e;
            }
            if (r != 0) {
                waiting.remove(token);
                throw new TapiException(r, "tapisim_sync");
            }
        } finally {
            Guard.exitAll(session.guard);
        }
        return f;
    }

    /** {@link Tapi#awaitIdle}: refuses where it would wait for itself, then waits. */
    void await(Duration timeout, Tapi tapi) throws InterruptedException, TimeoutException {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("Negative timeout: " + timeout);
        }
        if (Thread.currentThread() == session.pumpThread()
                || session.listeners.deliveringOnCurrentThread()) {
            throw new IllegalStateException("awaitIdle in a listener or callback of this Tapi"
                    + " would wait for itself: the pump is busy running it. Use whenIdle() and"
                    + " chain a callback instead.");
        }
        PumpFuture<Void> f = when();
        long nanos = timeout.compareTo(MAX_WAIT) > 0 ? Long.MAX_VALUE : timeout.toNanos();
        try {
            f.get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new TimeoutException("The event pump of " + tapi + " did not dispatch the"
                    + " messages queued before awaitIdle within " + timeout + ": a listener or"
                    + " callback may be blocked, or the listener executor not running");
        }
    }

    /** The pump took the marker with this token. */
    void reached(int token) {
        PumpFuture<Void> f = waiting.remove(token);
        if (f != null) {
            session.listeners.afterDelivery(() -> f.complete(null));
        }
    }

    /** Fails the waits whose marker will not come: the application was shut down. */
    void shutdown() {
        for (Integer token : waiting.keySet()) {
            PumpFuture<Void> f = waiting.remove(token);
            if (f != null) {
                f.completeExceptionally(new TapiException(TapiConstants.LINEERR_INVALAPPHANDLE,
                        "whenIdle", "the application was shut down before its event pump was idle"));
            }
        }
    }
}
