package io.github.tapibridge;

/**
 * {@link PendingRequestsContract} through the JNA backend.
 */
class PendingRequestsJnaTest extends PendingRequestsContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
