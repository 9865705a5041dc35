package io.github.tapibridge;

/**
 * {@link SimErrorMappingContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class SimErrorMappingJnaTest extends SimErrorMappingContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
