package io.github.tapibridge;

/**
 * {@link DigitsContract} through the FFM backend.
 * Runs in the build's {@code ffm-backend} execution.
 */
class DigitsFfmTest extends DigitsContract {

    @Override
    Backend backend() {
        return Backend.FFM;
    }
}
