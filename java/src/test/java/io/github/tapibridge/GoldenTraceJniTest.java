package io.github.tapibridge;

/** {@link GoldenTraceContract} through the JNI backend. */
class GoldenTraceJniTest extends GoldenTraceContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
