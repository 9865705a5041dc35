package io.github.tapibridge;

/** {@link StringArgumentsContract} through the JNI backend. */
class StringArgumentsJniTest extends StringArgumentsContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
