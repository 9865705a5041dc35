package io.github.tapibridge;

/**
 * {@link RedirectContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class RedirectJnaTest extends RedirectContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
