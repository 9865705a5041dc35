package io.github.tapibridge;

/**
 * {@link SimLifecycleContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class SimLifecycleFfmTest extends SimLifecycleContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
