package io.github.tapibridge;

/**
 * {@link ConferenceContract} through the JNA backend.
 * Runs in the build's {@code jna-backend} execution.
 */
class ConferenceJnaTest extends ConferenceContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }
}
