package io.github.tapibridge;

/**
 * {@link AddressStatusContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class AddressStatusFfmTest extends AddressStatusContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
