package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/**
 * {@link IsolatedSwitchContract} through the JNI backend.
 */
class IsolatedSwitchJniTest extends IsolatedSwitchContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
