package io.github.tapibridge;

/**
 * {@link ProviderOpenContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class ProviderOpenJnaTest extends ProviderOpenContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
