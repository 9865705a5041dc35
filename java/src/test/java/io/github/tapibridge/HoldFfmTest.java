package io.github.tapibridge;

/**
 * {@link HoldContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class HoldFfmTest extends HoldContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
