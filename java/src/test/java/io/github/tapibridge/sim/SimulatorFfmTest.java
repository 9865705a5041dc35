package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/**
 * {@link SimulatorContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class SimulatorFfmTest extends SimulatorContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
