package io.github.tapibridge;

/** {@link BackendCloseRaceContract} through the JNA backend. */
class BackendCloseRaceJnaTest extends BackendCloseRaceContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
