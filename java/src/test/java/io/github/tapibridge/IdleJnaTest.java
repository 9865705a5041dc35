package io.github.tapibridge;

/**
 * {@link IdleContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class IdleJnaTest extends IdleContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
