package io.github.tapibridge;

/** {@link ConferenceContract} through the JNI backend. */
class ConferenceJniTest extends ConferenceContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
