package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link AddressesContract} through the JNA backend. */
class AddressesJnaTest extends AddressesContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
