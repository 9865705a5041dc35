package io.github.tapibridge;

/**
 * {@link IdleContract} through the JNI backend.
 */
class IdleJniTest extends IdleContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
