package io.github.tapibridge;

/**
 * {@link CompletionStressContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class CompletionStressFfmTest extends CompletionStressContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
