package io.github.tapibridge;

/**
 * {@link GoldenTraceContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class GoldenTraceFfmTest extends GoldenTraceContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
