package io.github.tapibridge;

/**
 * {@link CloseReentryContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class CloseReentryJnaTest extends CloseReentryContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
