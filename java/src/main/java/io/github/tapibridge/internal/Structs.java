package io.github.tapibridge.internal;

import io.github.tapibridge.TapiException;
import io.github.tapibridge.spi.TapiBackend;

/**
 * The one helper that fetches a variable-size TAPI structure: allocate a buffer, set
 * {@code dwTotalSize}, call the function, and if it reports {@code dwNeededSize > dwUsedSize} (or
 * fails with {@code LINEERR_STRUCTURETOOSMALL} because the buffer is smaller than the fixed part
 * for the negotiated version) grow the buffer and call again. The filled bytes are copied to the
 * Java heap and the native buffer freed before returning, so decoders work on an immutable copy.
 */
public final class Structs {

    /** Largest buffer the helper will allocate (1 MiB): a provider asking for more is broken. */
    static final int MAX_SIZE = 1 << 20;

    /** Attempts before giving up on a provider whose needed size keeps growing. */
    static final int MAX_ATTEMPTS = 6;

    private Structs() {
    }

    /** A TAPI Get function, called with the address of a buffer whose dwTotalSize is set. */
    @FunctionalInterface
    public interface Getter {
        /**
         * Calls the function.
         *
         * @param buffer the address of the structure
         * @return the function's result: 0 or a negative LINEERR_ code
         */
        int call(long buffer);
    }

    /**
     * Fetches a structure with the probe-allocate-retry protocol.
     *
     * @param backend the backend that allocates memory and reads it back
     * @param function the TAPI function name, for exceptions
     * @param initialSize the first buffer size: the fixed size plus room for the usual
     *        variable part, so that one call normally suffices
     * @param getter calls the function
     * @return the structure's bytes up to {@code dwUsedSize}
     * @throws TapiException if the function fails, or a provider keeps asking for more
     */
    public static StructBuffer fetch(TapiBackend backend, String function, int initialSize,
                                     Getter getter) {
        int size = Math.max(initialSize, 12);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long buffer = backend.allocate(size);
            try {
                backend.putInt(buffer + Layout.TOTAL_SIZE, size);
                int r = getter.call(buffer);
                if (r == TapiConstants.LINEERR_STRUCTURETOOSMALL) {
                    // Smaller than the fixed part for the negotiated version: grow and retry.
                    if (size >= MAX_SIZE) {
                        throw new TapiException(r, function);
                    }
                    size = Math.min(size * 2, MAX_SIZE);
                    continue;
                }
                if (r != 0) {
                    throw new TapiException(r, function);
                }
                int needed = backend.getInt(buffer + Layout.NEEDED_SIZE);
                int used = backend.getInt(buffer + Layout.USED_SIZE);
                if (Integer.compareUnsigned(needed, size) > 0 && Integer.compareUnsigned(needed, used) > 0) {
                    if (Integer.compareUnsigned(needed, MAX_SIZE) > 0) {
                        throw new TapiException(TapiConstants.LINEERR_STRUCTURETOOSMALL, function,
                                "the provider needs " + Integer.toUnsignedString(needed)
                                        + " bytes, more than the limit of " + MAX_SIZE);
                    }
                    size = needed;
                    continue;
                }
                // Never trust dwUsedSize beyond the buffer we own.
                int length = Integer.compareUnsigned(used, size) > 0 || used < 12 ? size : used;
                byte[] bytes = new byte[length];
                backend.read(buffer, bytes, 0, length);
                return new StructBuffer(bytes);
            } finally {
                backend.free(buffer);
            }
        }
        throw new TapiException(TapiConstants.LINEERR_STRUCTURETOOSMALL, function,
                "the provider kept asking for a larger buffer after " + MAX_ATTEMPTS + " attempts");
    }
}
