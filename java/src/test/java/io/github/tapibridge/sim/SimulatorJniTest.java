package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link SimulatorContract} through the JNI backend. */
class SimulatorJniTest extends SimulatorContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
