package io.github.tapibridge.internal.jna;

import io.github.tapibridge.internal.AppEvents;
import io.github.tapibridge.internal.EventSpinCases;
import io.github.tapibridge.spi.TapiBackend;
import java.nio.file.Path;

/** {@link EventSpinCases} through the JNA backend. */
class EventSpinJnaTest extends EventSpinCases {

    @Override
    protected TapiBackend open(Path path, AppEvents.Waits waits) {
        return JnaBackend.openLibrary(path, waits);
    }
}
