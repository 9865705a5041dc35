package io.github.tapibridge;

/**
 * {@link CloseReentryContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class CloseReentryFfmTest extends CloseReentryContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
