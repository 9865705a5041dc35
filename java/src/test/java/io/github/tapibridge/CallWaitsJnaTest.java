package io.github.tapibridge;

/**
 * {@link CallWaitsContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class CallWaitsJnaTest extends CallWaitsContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
