package io.github.tapibridge;

/**
 * {@link PendingRequestsContract} through the FFM backend.
 */
class PendingRequestsFfmTest extends PendingRequestsContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
