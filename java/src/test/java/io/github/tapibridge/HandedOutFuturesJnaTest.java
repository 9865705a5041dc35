package io.github.tapibridge;

/**
 * {@link HandedOutFuturesContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class HandedOutFuturesJnaTest extends HandedOutFuturesContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
