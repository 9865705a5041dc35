package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/**
 * {@link PostMessagesContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class PostMessagesJnaTest extends PostMessagesContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
