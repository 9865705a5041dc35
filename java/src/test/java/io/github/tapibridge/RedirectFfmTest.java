package io.github.tapibridge;

/**
 * {@link RedirectContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class RedirectFfmTest extends RedirectContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
