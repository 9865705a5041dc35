package io.github.tapibridge;

/** {@link StringArgumentsContract} through the JNA backend. */
class StringArgumentsJnaTest extends StringArgumentsContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
