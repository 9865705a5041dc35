package io.github.tapibridge;

/**
 * {@link IdleContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class IdleFfmTest extends IdleContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
