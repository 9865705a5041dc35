package io.github.tapibridge;

/**
 * {@link SimLifecycleContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class SimLifecycleJnaTest extends SimLifecycleContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
