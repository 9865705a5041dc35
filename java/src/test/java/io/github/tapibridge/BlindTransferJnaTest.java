package io.github.tapibridge;

/**
 * {@link BlindTransferContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class BlindTransferJnaTest extends BlindTransferContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
