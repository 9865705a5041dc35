package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link LadderContract} through the FFM backend. */
class LadderFfmTest extends LadderContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
