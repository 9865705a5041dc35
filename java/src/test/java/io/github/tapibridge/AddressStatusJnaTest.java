package io.github.tapibridge;

/**
 * {@link AddressStatusContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class AddressStatusJnaTest extends AddressStatusContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
