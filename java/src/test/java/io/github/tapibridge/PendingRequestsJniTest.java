package io.github.tapibridge;

/**
 * {@link PendingRequestsContract} through the JNI backend.
 */
class PendingRequestsJniTest extends PendingRequestsContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
