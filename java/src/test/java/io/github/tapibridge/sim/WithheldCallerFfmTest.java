package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link WithheldCallerContract} through the FFM backend. */
class WithheldCallerFfmTest extends WithheldCallerContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
