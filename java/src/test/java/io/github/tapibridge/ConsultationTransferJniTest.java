package io.github.tapibridge;

/** {@link ConsultationTransferContract} through the JNI backend. */
class ConsultationTransferJniTest extends ConsultationTransferContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
