package io.github.tapibridge;

/**
 * {@link HoldContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class HoldJnaTest extends HoldContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
