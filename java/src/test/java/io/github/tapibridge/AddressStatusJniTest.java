package io.github.tapibridge;

/** {@link AddressStatusContract} through the JNI backend. */
class AddressStatusJniTest extends AddressStatusContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
