package io.github.tapibridge;

/** {@link SimLifecycleContract} through the JNI backend. */
class SimLifecycleJniTest extends SimLifecycleContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
