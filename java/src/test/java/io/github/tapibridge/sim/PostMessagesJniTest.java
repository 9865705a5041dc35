package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link PostMessagesContract} through the JNI backend. */
class PostMessagesJniTest extends PostMessagesContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
