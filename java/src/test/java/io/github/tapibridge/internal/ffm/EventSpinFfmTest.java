package io.github.tapibridge.internal.ffm;

import io.github.tapibridge.internal.AppEvents;
import io.github.tapibridge.internal.EventSpinCases;
import io.github.tapibridge.spi.TapiBackend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * {@link EventSpinCases} through the FFM backend, on a library opened by path. Compiled for
 * release 17, so it reaches {@code FfmBackend.openLibrary(Path, AppEvents.Waits)} (the JDK 22
 * class's) by reflection, as {@code FfmBackendTest} reaches that class's own methods.
 */
class EventSpinFfmTest extends EventSpinCases {

    @Override
    protected TapiBackend open(Path path, AppEvents.Waits waits) {
        try {
            Method open = FfmBackend.class.getDeclaredMethod("openLibrary", Path.class, AppEvents.Waits.class);
            open.setAccessible(true);
            return (TapiBackend) open.invoke(null, path, waits);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the FFM backend of JDK 22+ did not load", e);
        }
    }
}
