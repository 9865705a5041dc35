package io.github.tapibridge;

/**
 * {@link BlindTransferContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class BlindTransferFfmTest extends BlindTransferContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
