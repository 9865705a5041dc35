package io.github.tapibridge;

/**
 * {@link NativeMemoryContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class NativeMemoryJnaTest extends NativeMemoryContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
