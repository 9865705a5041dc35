package io.github.tapibridge;

/**
 * {@link NativeMemoryContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class NativeMemoryFfmTest extends NativeMemoryContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
