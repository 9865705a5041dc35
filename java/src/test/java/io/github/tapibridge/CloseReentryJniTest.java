package io.github.tapibridge;

/** {@link CloseReentryContract} through the JNI backend. */
class CloseReentryJniTest extends CloseReentryContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
