package io.github.tapibridge;

/**
 * {@link BackendCloseRaceContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class BackendCloseRaceFfmTest extends BackendCloseRaceContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
