package io.github.tapibridge;

/** {@link DialContract} through the JNI backend. */
class DialJniTest extends DialContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
