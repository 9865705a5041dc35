package io.github.tapibridge;

/**
 * {@link ConferenceContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class ConferenceFfmTest extends ConferenceContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
