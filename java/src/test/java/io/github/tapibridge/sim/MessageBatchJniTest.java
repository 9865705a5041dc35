package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link MessageBatchContract} through the JNI backend. */
class MessageBatchJniTest extends MessageBatchContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
