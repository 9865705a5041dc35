package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/**
 * {@link PostMessagesContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class PostMessagesFfmTest extends PostMessagesContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
