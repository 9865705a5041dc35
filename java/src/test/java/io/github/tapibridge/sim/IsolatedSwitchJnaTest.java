package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/**
 * {@link IsolatedSwitchContract} through the JNA backend.
 */
class IsolatedSwitchJnaTest extends IsolatedSwitchContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
