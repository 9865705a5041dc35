package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link AddressesContract} through the JNI backend. */
class AddressesJniTest extends AddressesContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
