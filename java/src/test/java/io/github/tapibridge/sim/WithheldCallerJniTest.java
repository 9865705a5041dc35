package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link WithheldCallerContract} through the JNI backend. */
class WithheldCallerJniTest extends WithheldCallerContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
