package io.github.tapibridge;

/** {@link RedirectContract} through the JNI backend. */
class RedirectJniTest extends RedirectContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
