package io.github.tapibridge.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.github.tapibridge.internal.AppEvents;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * {@link AppEvents.Waits} over {@code kernel32.dll}: the event spin of the FFM drain on every
 * library but the bundled simulator (whose drain spins in libtapibridge), on Windows. Handles are
 * 64-bit {@code long}s, as in {@link Downcalls}. {@code WaitForSingleObject} with timeout 0 never
 * waits and touches no Java heap, so its downcall is critical; the others are plain.
 */
@SuppressWarnings("restricted") // native access is this backend's job; granted by --enable-native-access
final class FfmKernel32 implements AppEvents.Waits {

    /** {@code SYNCHRONIZE}: the duplicate can be waited on, and nothing else. */
    private static final int SYNCHRONIZE = 0x00100000;

    private final MethodHandle waitForSingleObject;
    private final MethodHandle getCurrentProcess;
    private final MethodHandle duplicateHandle;
    private final MethodHandle closeHandle;

    private FfmKernel32(SymbolLookup kernel32) {
        Linker linker = Downcalls.LINKER;
        waitForSingleObject = linker.downcallHandle(find(kernel32, "WaitForSingleObject"),
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT), Linker.Option.critical(false));
        getCurrentProcess = linker.downcallHandle(find(kernel32, "GetCurrentProcess"),
                FunctionDescriptor.of(JAVA_LONG));
        duplicateHandle = linker.downcallHandle(find(kernel32, "DuplicateHandle"),
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT,
                        JAVA_INT, JAVA_INT));
        closeHandle = linker.downcallHandle(find(kernel32, "CloseHandle"),
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name).orElseThrow(() -> new UnsatisfiedLinkError("kernel32 has no " + name));
    }

    /** Bound once, on Windows. */
    private static final class Holder {
        static final AppEvents.Waits WAITS = AppEvents.windowsWaits("FFM",
                () -> new FfmKernel32(SymbolLookup.libraryLookup("kernel32", Arena.global())));
    }

    /**
     * kernel32's waits on Windows, else null.
     *
     * @return the waits, or null
     */
    static AppEvents.Waits onWindows() {
        return Holder.WAITS;
    }

    @Override
    public long duplicate(long event) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment own = arena.allocate(JAVA_LONG);
            long self = (long) getCurrentProcess.invokeExact();
            int ok = (int) duplicateHandle.invokeExact(self, event, self, own.address(), SYNCHRONIZE, 0, 0);
            return ok != 0 ? own.get(JAVA_LONG, 0) : 0;
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    @Override
    public int poll(long handle) {
        try {
            return (int) waitForSingleObject.invokeExact(handle, 0);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    @Override
    public void close(long handle) {
        try {
            int ignored = (int) closeHandle.invokeExact(handle);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
