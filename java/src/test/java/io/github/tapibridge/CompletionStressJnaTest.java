package io.github.tapibridge;

/**
 * {@link CompletionStressContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class CompletionStressJnaTest extends CompletionStressContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
