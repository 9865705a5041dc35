package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link RemoteStationContract} through the JNI backend. */
class RemoteStationJniTest extends RemoteStationContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
