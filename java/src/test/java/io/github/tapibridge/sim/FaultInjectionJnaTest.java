package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/**
 * {@link FaultInjectionContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class FaultInjectionJnaTest extends FaultInjectionContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
