package io.github.tapibridge;

/** {@link CallWaitsContract} through the JNI backend. */
class CallWaitsJniTest extends CallWaitsContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
