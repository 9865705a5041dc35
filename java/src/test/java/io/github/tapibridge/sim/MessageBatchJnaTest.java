package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link MessageBatchContract} through the JNA backend. */
class MessageBatchJnaTest extends MessageBatchContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
