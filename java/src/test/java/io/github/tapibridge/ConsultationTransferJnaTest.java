package io.github.tapibridge;

/**
 * {@link ConsultationTransferContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class ConsultationTransferJnaTest extends ConsultationTransferContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
