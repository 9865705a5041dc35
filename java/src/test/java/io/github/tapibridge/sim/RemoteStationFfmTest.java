package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/**
 * {@link RemoteStationContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class RemoteStationFfmTest extends RemoteStationContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
