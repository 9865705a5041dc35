package io.github.tapibridge;

/**
 * {@link ProviderOpenContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class ProviderOpenFfmTest extends ProviderOpenContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
