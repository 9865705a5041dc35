package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link LadderContract} through the JNI backend. */
class LadderJniTest extends LadderContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
