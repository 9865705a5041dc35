package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link TopologyContract} through the FFM backend. */
class TopologyFfmTest extends TopologyContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
