package io.github.tapibridge;

/** {@link BackendCloseRaceContract} through the JNI backend. */
class BackendCloseRaceJniTest extends BackendCloseRaceContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
