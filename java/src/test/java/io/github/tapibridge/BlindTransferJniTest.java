package io.github.tapibridge;

/** {@link BlindTransferContract} through the JNI backend. */
class BlindTransferJniTest extends BlindTransferContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
