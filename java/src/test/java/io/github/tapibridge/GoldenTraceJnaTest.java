package io.github.tapibridge;

/**
 * {@link GoldenTraceContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class GoldenTraceJnaTest extends GoldenTraceContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
