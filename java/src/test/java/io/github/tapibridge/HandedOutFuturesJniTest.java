package io.github.tapibridge;

/** {@link HandedOutFuturesContract} through the JNI backend. */
class HandedOutFuturesJniTest extends HandedOutFuturesContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
