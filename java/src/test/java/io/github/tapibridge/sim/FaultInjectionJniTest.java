package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link FaultInjectionContract} through the JNI backend. */
class FaultInjectionJniTest extends FaultInjectionContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
