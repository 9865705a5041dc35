package io.github.tapibridge;

/**
 * {@link DigitsContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class DigitsJnaTest extends DigitsContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
