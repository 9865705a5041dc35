package io.github.tapibridge;

/** {@link HoldContract} through the JNI backend. */
class HoldJniTest extends HoldContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
