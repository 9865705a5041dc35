package io.github.tapibridge.internal.ffm;

import io.github.tapibridge.internal.AppEvents;
import io.github.tapibridge.internal.NativeLibraries;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link io.github.tapibridge.spi.TapiBackend} on the Foreign Function and Memory API
 * ({@code java.lang.foreign}, final in JDK 22): no compiled bridge, so on Windows it needs only
 * {@code tapi32.dll}. Built with {@code --release 22} into the multi-release part of the jar
 * ({@code META-INF/versions/22}), so a JDK below 22 never sees it. Needs native access:
 * {@code --enable-native-access=io.github.tapibridge} (module path) or {@code ALL-UNNAMED}
 * (class path). Requires a 64-bit JVM.
 *
 * <p>Guards: every call runs inside the backend's Java guard ({@link
 * io.github.tapibridge.internal.Guard}: a fence per call), except on the bundled simulator (and
 * its isolated copies), whose hot functions {@code lineGetCallStatus}, {@code lineCompleteCall},
 * {@code lineUncompleteCall}, {@code lineGetMessage} and {@code lineGetMessages} go through
 * libtapibridge's plain C wrappers ({@link FfmDirect}, {@code native/jni/tapibridge_ffm.h}) with
 * no Java guard: each wrapper enters the bridge's C call guard, as a JNI native does, and that
 * entry needs no fence (the closing side pays with a process-wide barrier), which Java cannot
 * express. So the simulator needs libtapibridge as well; {@link #criticalFunctions()} and
 * {@link #directFunctions()} say which calls go where.
 *
 * <p>Downcalls, per function ({@link Downcalls}): on the bundled simulator these wrappers are
 * critical ({@code Linker.Option.critical(false)}: no thread state transition; they never block,
 * never call back and touch no Java heap):
 * <ul>
 *   <li>{@code lineGetCallStatus}, {@code lineCompleteCall}, {@code lineUncompleteCall};</li>
 *   <li>{@code lineGetMessage} with {@code dwTimeout == 0} (with a timeout it blocks: plain, and
 *       so is the batch {@code lineGetMessages});</li>
 *   <li>{@code calloc} and {@code free} of the C library (native memory), on every provider.</li>
 * </ul>
 * Plain downcalls: {@code lineInitializeExW}, {@code lineShutdown}, {@code lineOpenW},
 * {@code lineClose} (they may start, stop or wait for threads and take locks), {@code
 * lineGetMessage} with a timeout, every other TAPI function, the call control and transfer and
 * digits groups, and the simulator's control functions. On {@code tapi32.dll} and on any other
 * library opened by path (the simulator's file included) every TAPI call is a plain downcall
 * inside the Java guard: Windows TAPI answers through the TAPI service, and an unknown library
 * may block anywhere.
 *
 * <p>Each provider library is loaded once per process and stays loaded ({@link FfmLibrary});
 * an isolated switch's copy is unloaded (its arena closed) with the last backend on it. Each
 * backend keeps its own allocation count and closed state. Strings are checked as the JNI bridge
 * checks them (at most 1024 UTF-16 units, no U+0000), with the same messages.
 *
 * <p>Thread-safe. {@link #close()} closes the Java guard and waits for the calls inside it, then
 * closes the provider's handle in libtapibridge, which waits for the calls inside the C guard,
 * and only then releases the library (an isolated copy is unloaded with its last backend, after
 * libtapibridge dropped its own hold on the copy); a thread blocked in {@link #lineGetMessage}
 * must first be woken by {@code lineShutdown}.
 */
public final class FfmBackend extends FfmSimControl {

    /** The isolated copy this backend holds, or null. */
    private final FfmLibrary isolated;
    private final Runnable onClose;

    private FfmBackend(FfmLibrary library, String description, FfmLibrary isolated, Runnable onClose,
                       AppEvents.Waits waits) {
        super(library, description, waits);
        this.isolated = isolated;
        this.onClose = onClose;
    }

    private static void require64Bit() {
        if (ValueLayout.ADDRESS.byteSize() != 8) {
            throw new UnsupportedOperationException("The FFM backend needs a 64-bit JVM");
        }
    }

    /**
     * The simulator bundled with tapibridge; its hot functions go through libtapibridge's
     * guarded wrappers, called critically.
     *
     * @return a backend whose provider is libtapisim
     * @throws UnsatisfiedLinkError if the simulator or libtapibridge cannot be found or loaded,
     *         or libtapibridge is of another ABI version
     */
    public static FfmBackend openSimulator() {
        require64Bit();
        Path path = NativeLibraries.simulatorPath();
        return new FfmBackend(FfmLibrary.of(path.toString(), true), "simulator " + path, null, () -> { },
                null);
    }

    /**
     * Windows {@code tapi32.dll}, by full path from the system directory that Windows reports
     * ({@code GetSystemDirectoryW}), so no other folder of the DLL search order is consulted.
     *
     * @return a backend bound to the system TAPI
     * @throws UnsupportedOperationException if this is not Windows
     * @throws IllegalStateException if Windows does not report its system directory
     * @throws UnsatisfiedLinkError if {@code tapi32.dll} cannot be loaded from it
     */
    public static FfmBackend openSystem() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new UnsupportedOperationException("The system TAPI provider (tapi32.dll) exists only on Windows");
        }
        require64Bit();
        String path = FfmSystemTapi.tapi32Path();
        return new FfmBackend(FfmLibrary.of(path, false), "system " + path, null, () -> { },
                FfmKernel32.onWindows());
    }

    /**
     * Any library exporting the TAPI 2.x W functions; no call is critical.
     *
     * @param path the library file
     * @return a backend whose provider is that library
     * @throws UnsatisfiedLinkError if it cannot be loaded or lacks a TAPI function (the message names it)
     */
    public static FfmBackend openLibrary(Path path) {
        Objects.requireNonNull(path, "path");
        require64Bit();
        return openLibrary(path, FfmKernel32.onWindows());
    }

    /**
     * Any library, its drain spinning on the applications' USEEVENT events as {@code waits}
     * reports them (null: it blocks at once). {@link #openLibrary(Path)} passes kernel32's on
     * Windows; the tests of the event spin pass their own, the simulator standing in for
     * {@code tapi32.dll} (whose events exist only on Windows).
     */
    static FfmBackend openLibrary(Path path, AppEvents.Waits waits) {
        Objects.requireNonNull(path, "path");
        require64Bit();
        return new FfmBackend(FfmLibrary.of(path.toAbsolutePath().toString(), false), "library " + path, null,
                () -> { }, waits);
    }

    /**
     * A private copy of the simulator (an isolated switch), shared by the backends on the copy
     * and unloaded with the last of them. The caller makes sure that by then nothing runs in it
     * ({@code tapisim_reset} stops the switch's clock thread).
     *
     * @param copy the private copy of libtapisim
     * @param description what the backend is on, for messages
     * @param onClose run once after this backend released the copy
     * @return a backend whose provider is that copy
     * @throws UnsatisfiedLinkError if the copy cannot be loaded
     */
    public static FfmBackend openIsolated(Path copy, String description, Runnable onClose) {
        Objects.requireNonNull(onClose, "onClose");
        require64Bit();
        FfmLibrary library = FfmLibrary.acquireIsolated(copy.toAbsolutePath().toString());
        try {
            return new FfmBackend(library, description, library, onClose, null);
        } catch (RuntimeException | Error e) {
            library.releaseIsolated(); // libtapibridge refused it: the copy's other holds stay
            throw e;
        }
    }

    /**
     * The functions that this backend calls critically on the provider it is bound to, for tests
     * and diagnostics.
     *
     * @return the C names ({@code lineGetMessage} only with {@code dwTimeout == 0}); empty unless
     *         the provider is the bundled simulator
     */
    public java.util.Set<String> criticalFunctions() {
        return critical ? Downcalls.CRITICAL : java.util.Set.of();
    }

    /**
     * The functions that this backend calls through libtapibridge's guarded wrappers, with no
     * Java guard, for tests and diagnostics: those of {@link #criticalFunctions()} and the batch
     * {@code lineGetMessages}.
     *
     * @return the C names; empty unless the provider is the bundled simulator
     */
    public java.util.Set<String> directFunctions() {
        return direct != 0 ? FfmDirect.FUNCTIONS : java.util.Set.of();
    }

    /** The C close first (it waits for the C-guarded calls), then the library's release. */
    @Override
    void released() {
        try {
            try {
                forgetEvents();
            } finally {
                if (direct != 0) {
                    FfmDirect.close(direct);
                }
            }
        } finally {
            try {
                if (isolated != null) {
                    isolated.releaseIsolated();
                }
            } finally {
                onClose.run();
            }
        }
    }
}
