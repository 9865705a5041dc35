package io.github.tapibridge;

/**
 * {@link DialContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class DialJnaTest extends DialContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
