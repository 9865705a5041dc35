package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/**
 * {@link RemoteStationContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class RemoteStationJnaTest extends RemoteStationContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
