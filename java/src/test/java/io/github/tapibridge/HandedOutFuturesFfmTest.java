package io.github.tapibridge;

/**
 * {@link HandedOutFuturesContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class HandedOutFuturesFfmTest extends HandedOutFuturesContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
