package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link TopologyContract} through the JNI backend. */
class TopologyJniTest extends TopologyContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
