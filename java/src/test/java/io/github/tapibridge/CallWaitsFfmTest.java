package io.github.tapibridge;

/**
 * {@link CallWaitsContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class CallWaitsFfmTest extends CallWaitsContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
