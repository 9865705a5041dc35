package io.github.tapibridge.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A CompletableFuture completed by the event pump. Blocking on it from the pump thread while it is
 * not done would deadlock (the pump is the thread that would complete it), so {@code get} and
 * {@code join} throw IllegalStateException in that case instead of hanging. Dependent stages are of
 * the same class.
 *
 * @param <T> the result type
 */
public final class PumpFuture<T> extends CompletableFuture<T> {

    private final Supplier<Thread> pump;

    /**
     * Creates an incomplete future.
     *
     * @param pump returns the pump thread (or null when none runs)
     */
    public PumpFuture(Supplier<Thread> pump) {
        this.pump = pump;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new PumpFuture<>(pump);
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        checkNotPump();
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        checkNotPump();
        return super.get(timeout, unit);
    }

    @Override
    public T join() {
        checkNotPump();
        return super.join();
    }

    private void checkNotPump() {
        if (!isDone() && Thread.currentThread() == pump.get()) {
            throw new IllegalStateException("Blocking on a tapibridge future on the event pump thread"
                    + " (in a listener or a callback) would deadlock: the pump completes it. Chain a"
                    + " callback instead, or configure a listener executor.");
        }
    }
}
