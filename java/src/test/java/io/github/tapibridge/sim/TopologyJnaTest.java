package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link TopologyContract} through the JNA backend. */
class TopologyJnaTest extends TopologyContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
