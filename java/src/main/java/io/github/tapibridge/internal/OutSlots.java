package io.github.tapibridge.internal;

import io.github.tapibridge.spi.TapiBackend;
import java.util.Arrays;

/**
 * The 4-byte out-parameters of one application's asynchronous requests ({@code lphCall} of
 * {@code lineMakeCallW}, {@code lpdwCompletionID} of {@code lineCompleteCall},
 * {@code lphConsultCall} of {@code lineSetupTransferW}, ...): slots of a slab of native memory,
 * allocated from the backend in chunks of {@link #CHUNK} slots as needed and reused, so that a
 * request costs no {@code malloc}/{@code free} and no native crossing for its out-parameter. A
 * slot is handed out by the thread that issues the request and given back by whichever thread
 * processes the reply; the chunks are freed by {@link #close()}, once TAPI can no longer write
 * any slot (after {@code lineShutdown}).
 *
 * <p>{@link #inUse()} counts the slots handed out and not given back, so that the application's
 * count of native blocks ({@code Tapi.nativeAllocations()}) still shows a leaked out-parameter:
 * it counts slots in use instead of the chunks.
 *
 * <p>Thread-safe: one private lock, held for a few array operations, never across native code
 * other than the backend's {@code allocate} of a new chunk.
 */
public final class OutSlots {

    /** Slots per chunk. */
    public static final int CHUNK = 64;

    private final TapiBackend backend;
    private long[] chunks = new long[4];
    private int chunkCount;
    private long[] free = new long[CHUNK];
    private int freeCount;
    private int inUse;
    private boolean closed;

    /**
     * Creates an empty slab; the first {@link #take()} allocates its first chunk.
     *
     * @param backend the backend whose native memory the chunks are
     */
    public OutSlots(TapiBackend backend) {
        this.backend = backend;
    }

    /**
     * Hands out a slot. Its content is whatever the last request left there: the provider
     * writes it before it reports success.
     *
     * @return the slot's native address
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized long take() {
        if (closed) {
            throw new IllegalStateException("the application is closed");
        }
        if (freeCount == 0) {
            grow();
        }
        inUse++;
        return free[--freeCount];
    }

    /**
     * Gives a slot back. After {@link #close()} this does nothing (the memory is already freed).
     *
     * @param slot an address from {@link #take()}, or 0 (ignored)
     */
    public synchronized void give(long slot) {
        if (slot == 0 || closed) {
            return;
        }
        free[freeCount++] = slot;
        inUse--;
    }

    /** @return the slots handed out and not given back */
    public synchronized int inUse() {
        return inUse;
    }

    /** @return the chunks allocated from the backend (each one native block) */
    public synchronized int chunks() {
        return chunkCount;
    }

    /**
     * The backend's count of native blocks with each chunk replaced by its slots in use: what
     * the count would be if every out-parameter were a block of its own.
     *
     * @return {@link TapiBackend#liveAllocations()} - {@link #chunks()} + {@link #inUse()}
     */
    public synchronized long liveBlocks() {
        return backend.liveAllocations() - chunkCount + inUse;
    }

    /** Frees every chunk; later {@link #take()} calls throw and {@link #give} does nothing. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < chunkCount; i++) {
            backend.free(chunks[i]);
        }
        chunkCount = 0;
        freeCount = 0;
        inUse = 0;
    }

    private void grow() {
        long chunk = backend.allocate(4L * CHUNK);
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        chunks[chunkCount++] = chunk;
        int total = chunkCount * CHUNK;
        if (free.length < total) {
            free = Arrays.copyOf(free, total);
        }
        for (int i = CHUNK - 1; i >= 0; i--) {
            free[freeCount++] = chunk + 4L * i;
        }
    }
}
