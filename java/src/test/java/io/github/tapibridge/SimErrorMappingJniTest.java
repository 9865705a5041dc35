package io.github.tapibridge;

/** {@link SimErrorMappingContract} through the JNI backend. */
class SimErrorMappingJniTest extends SimErrorMappingContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
