package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/**
 * {@link MessageBatchContract} through the FFM backend, whose batch drain is the default loop of
 * {@code TapiBackend.lineGetMessages}. Runs in the build's {@code ffm-backend} execution.
 */
class MessageBatchFfmTest extends MessageBatchContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
