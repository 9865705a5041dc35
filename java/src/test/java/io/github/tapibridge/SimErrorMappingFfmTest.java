package io.github.tapibridge;

/**
 * {@link SimErrorMappingContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class SimErrorMappingFfmTest extends SimErrorMappingContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
