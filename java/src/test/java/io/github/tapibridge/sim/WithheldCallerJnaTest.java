package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link WithheldCallerContract} through the JNA backend. */
class WithheldCallerJnaTest extends WithheldCallerContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
