package io.github.tapibridge;

/** {@link CompletionStressContract} through the JNI backend. */
class CompletionStressJniTest extends CompletionStressContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
