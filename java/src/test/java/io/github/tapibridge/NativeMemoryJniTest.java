package io.github.tapibridge;

/** {@link NativeMemoryContract} through the JNI backend. */
class NativeMemoryJniTest extends NativeMemoryContract {

    @Override
    Backend backend() {
        return Backend.JNI;
    }
}
