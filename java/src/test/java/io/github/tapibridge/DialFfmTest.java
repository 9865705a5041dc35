package io.github.tapibridge;

/**
 * {@link DialContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class DialFfmTest extends DialContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
