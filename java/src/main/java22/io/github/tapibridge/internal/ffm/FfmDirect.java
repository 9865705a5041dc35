package io.github.tapibridge.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.github.tapibridge.internal.NativeLibraries;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * The plain C API of libtapibridge for this backend ({@code native/jni/tapibridge_ffm.h}): a
 * provider opened through the JNI bridge's own provider loader and published in its C call
 * guard, and wrappers of the simulator's hot functions ({@link #FUNCTIONS}) that enter that
 * guard, call the provider and leave it. The C guard's entry is a plain store to the thread's own
 * record and a compiler-only barrier (the closing side pays with a process-wide barrier), which
 * Java cannot express: the Java {@link io.github.tapibridge.internal.Guard} needs a full fence.
 * So on the bundled simulator these functions run under the C guard alone.
 *
 * <p>libtapibridge is loaded with {@link SymbolLookup#libraryLookup(Path, Arena)} on the file
 * that {@link NativeLibraries#bridgeFile()} names (the global arena: it stays loaded, as the JNI
 * bridge does); its {@code JNI_OnLoad} then does not run, and {@code tapibridge_ffm_open}
 * initialises the guard itself. A later {@code System.load} of the same file (the JNI backend in
 * the same JVM) is the same module. The library's {@code tapibridge_ffm_abi_version} must equal
 * {@link #ABI_VERSION}. If the library cannot be found or loaded, or is of another ABI, opening
 * the simulator through this backend throws the UnsatisfiedLinkError that says why.
 *
 * <p>A wrapper answers the TAPI function's result, or one of the results below, which no TAPI
 * function returns ({@code LINEERR_} codes are {@code 0x8000xxxx}, request IDs positive).
 */
@SuppressWarnings("restricted") // native access is this backend's job; granted by --enable-native-access
final class FfmDirect {

    /** Must equal {@code TAPIBRIDGE_FFM_ABI_VERSION} of {@code tapibridge_ffm.h}. */
    static final int ABI_VERSION = 2;

    /** The handle names no open provider. */
    static final int CLOSED = 0xFFFF0001;
    /** Out of memory (the thread's record of the C guard). */
    static final int NOMEM = 0xFFFF0002;
    /** An argument the bridge refuses itself. */
    static final int BADARG = 0xFFFF0003;
    /** Open: the library did not load, or is no TAPI provider. */
    static final int LOAD = 0xFFFF0004;
    /** Open: every provider slot of the C guard is taken. */
    static final int FULL = 0xFFFF0005;

    /** The TAPI functions called through the wrappers on the bundled simulator. */
    static final Set<String> FUNCTIONS = Set.of("lineGetCallStatus", "lineCompleteCall",
            "lineUncompleteCall", "lineGetMessage", "lineGetMessages");

    private static final MemoryLayout I = JAVA_INT;
    private static final MemoryLayout J = JAVA_LONG;

    /** Why the C API is unavailable, or null. */
    private static final Throwable FAILURE;
    private static final MethodHandle OPEN;
    private static final MethodHandle CLOSE;
    /** Critical: they never block, never call back and touch no Java heap. */
    private static final MethodHandle GET_CALL_STATUS;
    private static final MethodHandle COMPLETE_CALL;
    private static final MethodHandle UNCOMPLETE_CALL;
    private static final MethodHandle GET_MESSAGE_NOW;
    /** Plain: lineGetMessage with a timeout and the batch block. */
    private static final MethodHandle GET_MESSAGE;
    private static final MethodHandle GET_MESSAGES;

    static {
        MethodHandle[] h = new MethodHandle[8];
        Throwable failure = null;
        try {
            Path file = NativeLibraries.bridgeFile();
            SymbolLookup lookup;
            try {
                lookup = SymbolLookup.libraryLookup(file, Arena.global());
            } catch (IllegalArgumentException e) {
                throw new UnsatisfiedLinkError("tapibridge: cannot load " + file + ": " + e.getMessage());
            }
            MethodHandle abi = handle(lookup, file, "tapibridge_ffm_abi_version", false);
            NativeLibraries.checkAbi((int) abi.invokeExact(), ABI_VERSION, file);
            h[0] = handle(lookup, file, "tapibridge_ffm_open", false, J, I, I, J, J, I);
            h[1] = handle(lookup, file, "tapibridge_ffm_close", false, J);
            h[2] = handle(lookup, file, "tapibridge_ffm_lineGetCallStatus", true, J, I, J);
            h[3] = handle(lookup, file, "tapibridge_ffm_lineCompleteCall", true, J, I, J, I, I);
            h[4] = handle(lookup, file, "tapibridge_ffm_lineUncompleteCall", true, J, I, I);
            h[5] = handle(lookup, file, "tapibridge_ffm_lineGetMessage", true, J, I, J, I);
            h[6] = handle(lookup, file, "tapibridge_ffm_lineGetMessage", false, J, I, J, I);
            h[7] = handle(lookup, file, "tapibridge_ffm_lineGetMessages", false, J, I, J, I, I, I);
        } catch (Throwable t) {
            failure = t;
        }
        FAILURE = failure;
        OPEN = h[0];
        CLOSE = h[1];
        GET_CALL_STATUS = h[2];
        COMPLETE_CALL = h[3];
        UNCOMPLETE_CALL = h[4];
        GET_MESSAGE_NOW = h[5];
        GET_MESSAGE = h[6];
        GET_MESSAGES = h[7];
    }

    private FfmDirect() {
    }

    private static MethodHandle handle(SymbolLookup lookup, Path file, String name, boolean critical,
                                       MemoryLayout... arguments) {
        MemorySegment address = lookup.find(name).orElseThrow(() -> new UnsatisfiedLinkError(
                "tapibridge: " + file + " does not export " + name + " (ABI version " + ABI_VERSION + ")"));
        FunctionDescriptor d = FunctionDescriptor.of(JAVA_INT, arguments);
        return critical
                ? Downcalls.LINKER.downcallHandle(address, d, Linker.Option.critical(false))
                : Downcalls.LINKER.downcallHandle(address, d);
    }

    /**
     * Opens the provider library at {@code path} in libtapibridge and publishes it in its guard.
     *
     * @param pinned false for the private copy behind an isolated switch (the last close of the
     *        copy's providers unloads it), else it stays loaded
     * @return the handle, never 0
     * @throws UnsatisfiedLinkError if libtapibridge is unavailable, or the library does not load
     * @throws IllegalStateException if every provider slot is taken
     */
    static long open(String path, boolean pinned) {
        if (FAILURE != null) {
            UnsatisfiedLinkError e = new UnsatisfiedLinkError(
                    "tapibridge: the FFM backend calls the simulator through libtapibridge, which is unavailable: "
                            + FAILURE.getMessage());
            e.initCause(FAILURE);
            throw e;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment units = arena.allocate(2L * Math.max(path.length(), 1), 2);
            for (int i = 0; i < path.length(); i++) {
                units.setAtIndex(ValueLayout.JAVA_CHAR_UNALIGNED, i, path.charAt(i));
            }
            MemorySegment handle = arena.allocate(JAVA_LONG);
            int errSize = 1024;
            MemorySegment err = arena.allocate(errSize);
            int r = (int) OPEN.invokeExact(units.address(), path.length(), pinned ? 1 : 0, handle.address(),
                    err.address(), errSize);
            String why = err.getString(0, StandardCharsets.UTF_8);
            switch (r) {
                case 0:
                    return handle.get(JAVA_LONG, 0);
                case NOMEM:
                    throw new OutOfMemoryError("opening a TAPI provider");
                case FULL:
                    throw new IllegalStateException(why);
                case BADARG:
                    throw new IllegalArgumentException("provider path of " + path.length()
                            + " UTF-16 units (1 to 32767, no U+0000)");
                default:
                    throw new UnsatisfiedLinkError(why.isEmpty() ? "cannot load the TAPI provider " + path : why);
            }
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /**
     * Unpublishes the handle, waits for the calls running through it, and releases its provider.
     *
     * @return false if the handle was closed already
     */
    static boolean close(long handle) {
        try {
            return (int) CLOSE.invokeExact(handle) == 0;
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    static int lineGetCallStatus(long handle, int hCall, long lpCallStatus) {
        try {
            return (int) GET_CALL_STATUS.invokeExact(handle, hCall, lpCallStatus);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    static int lineCompleteCall(long handle, int hCall, long lpdwCompletionID, int dwCompletionMode,
                                int dwMessageID) {
        try {
            return (int) COMPLETE_CALL.invokeExact(handle, hCall, lpdwCompletionID, dwCompletionMode, dwMessageID);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    static int lineUncompleteCall(long handle, int hLine, int dwCompletionID) {
        try {
            return (int) UNCOMPLETE_CALL.invokeExact(handle, hLine, dwCompletionID);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** Critical without a timeout, plain with one (it blocks). */
    static int lineGetMessage(long handle, int hLineApp, long lpMessage, int dwTimeout) {
        try {
            return dwTimeout == 0
                    ? (int) GET_MESSAGE_NOW.invokeExact(handle, hLineApp, lpMessage, 0)
                    : (int) GET_MESSAGE.invokeExact(handle, hLineApp, lpMessage, dwTimeout);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** Plain: it blocks once, as lineGetMessage with the timeout (after its spin, if any). */
    static int lineGetMessages(long handle, int hLineApp, long lpMessages, int count, int dwTimeout,
                               int spinMicros) {
        try {
            return (int) GET_MESSAGES.invokeExact(handle, hLineApp, lpMessages, count, dwTimeout,
                    spinMicros);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** Whether a wrapper's result is one of the bridge's own ({@link #CLOSED}, {@link #NOMEM}, {@link #BADARG}). */
    static boolean refused(int result) {
        return result >= CLOSED && result <= BADARG;
    }
}
