package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/**
 * {@link FaultInjectionContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class FaultInjectionFfmTest extends FaultInjectionContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
