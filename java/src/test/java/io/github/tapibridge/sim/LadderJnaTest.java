package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link LadderContract} through the JNA backend. */
class LadderJnaTest extends LadderContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
