package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/**
 * {@link IsolatedSwitchContract} through the FFM backend.
 */
class IsolatedSwitchFfmTest extends IsolatedSwitchContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
