package io.github.tapibridge;

/**
 * {@link ConsultationTransferContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class ConsultationTransferFfmTest extends ConsultationTransferContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
