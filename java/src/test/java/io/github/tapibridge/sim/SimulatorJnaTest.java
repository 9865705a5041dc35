package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/**
 * {@link SimulatorContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class SimulatorJnaTest extends SimulatorContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
