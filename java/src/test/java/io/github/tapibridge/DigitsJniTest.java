package io.github.tapibridge;

/** {@link DigitsContract} through the JNI backend. */
class DigitsJniTest extends DigitsContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
