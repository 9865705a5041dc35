package io.github.tapibridge.sim;

import io.github.tapibridge.Backend;

/** {@link AddressesContract} through the FFM backend. */
class AddressesFfmTest extends AddressesContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
