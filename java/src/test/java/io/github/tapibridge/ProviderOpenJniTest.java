package io.github.tapibridge;

/** {@link ProviderOpenContract} through the JNI backend. */
class ProviderOpenJniTest extends ProviderOpenContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
