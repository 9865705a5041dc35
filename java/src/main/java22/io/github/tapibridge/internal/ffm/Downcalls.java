package io.github.tapibridge.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Set;

/**
 * The downcall handles of the FFM backend, one per C signature and kind of call, in static final
 * fields so that the JIT treats them as constants and inlines the call. Each handle takes the
 * function's address (a {@link MemorySegment} of the provider library, {@link FfmLibrary}) as its
 * first argument, then the C arguments: {@code DWORD} and handles as {@code int}, every pointer
 * and {@code DWORD_PTR} as a 64-bit {@code long} (on every 64-bit ABI the linker supports a
 * pointer and a 64-bit integer travel in the same register or stack slot, and a {@code long}
 * needs no {@code MemorySegment} per call). Every TAPI function returns its {@code LONG} as
 * {@code int}.
 *
 * <p>Every TAPI handle here is plain. The critical downcalls ({@code Linker.Option.critical(false)}:
 * no transition of the thread out of Java, so the call cannot reach a safepoint, must never block
 * or call back into Java, and may touch no Java heap) are those of {@code calloc} and {@code free}
 * below, on the bundled simulator those of libtapibridge's guarded wrappers
 * ({@link FfmDirect}): see {@link #CRITICAL}, and on Windows kernel32's
 * {@code WaitForSingleObject} with timeout 0, the drain's poll of an application's event
 * ({@link FfmKernel32}).
 */
@SuppressWarnings("restricted") // native access is this backend's job; granted by --enable-native-access
final class Downcalls {

    static final Linker LINKER = Linker.nativeLinker();

    private static final MemoryLayout I = JAVA_INT;
    /** A pointer or a {@code DWORD_PTR}: 64 bits. */
    private static final MemoryLayout P = JAVA_LONG;

    /**
     * The functions called with a critical handle, on the bundled simulator only, through
     * libtapibridge's wrappers ({@link FfmDirect}; for {@code lineGetMessage} only with
     * {@code dwTimeout == 0}): they run under the switch's lock for a bounded time and never wait.
     * The batch {@code lineGetMessages} goes through a wrapper too, with a plain downcall: it
     * blocks once. Every other function is a plain downcall: the lifecycle functions
     * ({@code lineInitializeExW}, {@code lineShutdown}, {@code lineOpenW}, {@code lineClose}) may
     * start or stop threads and wait for them, {@code lineGetMessage} with a timeout blocks, and
     * the simulator's control functions are for tests. On {@code tapi32.dll} and any other
     * provider library no call is critical: Windows TAPI answers through the TAPI service (a call
     * may wait on it), and an unknown library may block anywhere. {@code calloc} and {@code free}
     * of the C library (native memory) are always critical.
     */
    static final Set<String> CRITICAL = Set.of("lineGetCallStatus", "lineCompleteCall",
            "lineUncompleteCall", "lineGetMessage");

    // ---- TAPI ----------------------------------------------------------------------------

    static final MethodHandle LINE_INITIALIZE_EX_W = plain(P, P, P, P, P, P, P);
    /** lineShutdown, lineClose, lineDeallocateCall, lineHold, lineUnhold: {@code (DWORD)}. */
    static final MethodHandle INT = plain(I);
    static final MethodHandle LINE_NEGOTIATE_API_VERSION = plain(I, I, I, I, P, P);
    static final MethodHandle LINE_GET_DEV_CAPS_W = plain(I, I, I, I, P);
    static final MethodHandle LINE_GET_ADDRESS_CAPS_W = plain(I, I, I, I, I, P);
    static final MethodHandle LINE_OPEN_W = plain(I, I, P, I, I, P, I, I, P);
    /** lineSetStatusMessages: {@code (DWORD, DWORD, DWORD)}. */
    static final MethodHandle INT_INT_INT = plain(I, I, I);
    /** lineGetLineDevStatusW, lineGetCallInfoW, lineGetCallStatus: {@code (DWORD, pointer)}. */
    static final MethodHandle INT_PTR = plain(I, P);
    static final MethodHandle LINE_MAKE_CALL_W = plain(I, P, P, I, P);
    /**
     * lineAnswer, lineDrop, lineGetMessage; lineDialW, lineRedirectW, lineBlindTransferW:
     * {@code (DWORD, pointer, DWORD)}.
     */
    static final MethodHandle INT_PTR_INT = plain(I, P, I);
    static final MethodHandle LINE_COMPLETE_CALL = plain(I, P, I, I);
    /** lineUncompleteCall, lineSwapHold, lineMonitorDigits: {@code (DWORD, DWORD)}. */
    static final MethodHandle INT_INT = plain(I, I);
    static final MethodHandle LINE_GENERATE_DIGITS_W = plain(I, I, P, I);

    // ---- simulator control (tapisim.h); C strings are pointers -----------------------------

    static final MethodHandle VOID = plain();
    /** {@code (const char *, DWORD)}: tapisim_set_station, _fail_next, _set_option. */
    static final MethodHandle PTR_INT = plain(P, I);
    /** {@code (const char *)}: tapisim_remote_answer, _remote_hangup. */
    static final MethodHandle PTR = plain(P);
    /** {@code (const char *, const char *)}: tapisim_remote_digits; _constant (name, out). */
    static final MethodHandle PTR_PTR = plain(P, P);
    /** tapisim_trace: {@code (char *, DWORD, DWORD *)}; the other shapes below: see {@link FfmSim}. */
    static final MethodHandle PTR_INT_PTR = plain(P, I, P);
    static final MethodHandle PTR_PTR_PTR_PTR = plain(P, P, P, P);
    static final MethodHandle PTR_PTR_PTR_INT_PTR = plain(P, P, P, I, P);
    static final MethodHandle INT_PTR_PTR = plain(I, P, P);
    static final MethodHandle INT_INT_INT_INT = plain(I, I, I, I);
    static final MethodHandle INT_INT_INT_INT_INT = plain(I, I, I, I, I);
    static final MethodHandle INT_INT_PTR = plain(I, I, P);
    /** {@code lineCompleteTransfer}. */
    static final MethodHandle INT_INT_PTR_INT = plain(I, I, P, I);

    // ---- the C library -----------------------------------------------------------------------

    /** {@code void *calloc(size_t, size_t)}. */
    static final MethodHandle CALLOC = LINKER.downcallHandle(
            LINKER.defaultLookup().find("calloc").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG), Linker.Option.critical(false));
    /** {@code void free(void *)}. */
    static final MethodHandle FREE = LINKER.downcallHandle(
            LINKER.defaultLookup().find("free").orElseThrow(),
            FunctionDescriptor.ofVoid(JAVA_LONG), Linker.Option.critical(false));

    private Downcalls() {
    }

    private static MethodHandle plain(MemoryLayout... arguments) {
        return LINKER.downcallHandle(FunctionDescriptor.of(JAVA_INT, arguments));
    }

    /**
     * What a downcall threw, to rethrow: a downcall throws nothing checked, so this is an error
     * or a runtime exception of the linker.
     */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("downcall failed", t);
    }
}
