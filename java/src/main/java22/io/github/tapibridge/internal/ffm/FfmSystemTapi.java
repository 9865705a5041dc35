package io.github.tapibridge.internal.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.github.tapibridge.internal.Tapi32Location;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The path of {@code tapi32.dll} for the FFM backend: {@code GetSystemDirectoryW} of kernel32,
 * called through a downcall that captures {@code GetLastError}; the choice of path is
 * {@link Tapi32Location}'s, shared with the JNA backend. Windows only.
 */
@SuppressWarnings("restricted") // native access is this backend's job; granted by --enable-native-access
final class FfmSystemTapi {

    private FfmSystemTapi() {
    }

    /**
     * The full path of {@code tapi32.dll} on this machine.
     *
     * @return for example {@code C:\Windows\system32\tapi32.dll}
     * @throws IllegalStateException if Windows does not report its system directory
     */
    static String tapi32Path() {
        Linker linker = Downcalls.LINKER;
        Linker.Option lastError = Linker.Option.captureCallState("GetLastError");
        MemoryLayout stateLayout = Linker.Option.captureStateLayout();
        VarHandle errorHandle = stateLayout.varHandle(MemoryLayout.PathElement.groupElement("GetLastError"));
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup kernel32 = SymbolLookup.libraryLookup("kernel32", arena);
            MethodHandle getSystemDirectoryW = linker.downcallHandle(
                    kernel32.find("GetSystemDirectoryW").orElseThrow(
                            () -> new IllegalStateException("kernel32 has no GetSystemDirectoryW")),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), lastError);
            MemorySegment state = arena.allocate(stateLayout);
            return Tapi32Location.tapi32In(Tapi32Location.systemDirectory(buffer -> {
                MemorySegment native_ = arena.allocate(ValueLayout.JAVA_CHAR, buffer.length);
                int result;
                try {
                    result = (int) getSystemDirectoryW.invokeExact(state, native_, buffer.length);
                } catch (Throwable t) {
                    throw Downcalls.rethrow(t);
                }
                MemorySegment.copy(native_, ValueLayout.JAVA_CHAR, 0, buffer, 0, buffer.length);
                return result;
            }, () -> (int) errorHandle.get(state, 0L)));
        }
    }
}
