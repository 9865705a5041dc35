package io.github.tapibridge;

/** {@link StringArgumentsContract} through the FFM backend. */
class StringArgumentsFfmTest extends StringArgumentsContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
