package io.github.tapibridge.internal.ffm;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One provider library loaded through {@link SymbolLookup#libraryLookup(Path, Arena)}: the
 * addresses of its TAPI functions, of its optional groups ({@link CallControl},
 * {@link TransferDigits}, {@link Conference}: all or none, so a provider that lacks one of a
 * group still opens without that group; and {@code lineGetAddressStatusW} alone) and of its simulator control functions ({@link FfmSim}), and whether its
 * hot functions may be called critically ({@link Downcalls#CRITICAL}: the bundled simulator
 * only).
 *
 * <p>Libraries are loaded once per process, keyed by the file's real path (and whether it is
 * opened as the simulator: the same file loaded twice is one mapping, one switch), and stay loaded, as
 * the JNI and JNA backends keep theirs. The private copy of the simulator behind an isolated
 * switch is the exception: it is counted ({@link #acquireIsolated}) and the last
 * {@link #releaseIsolated()} closes its arena, which unloads the copy. No call may run through
 * the library then; the backends' guards see to that. Thread-safe.
 */
@SuppressWarnings("restricted") // native access is this backend's job; granted by --enable-native-access
final class FfmLibrary {

    /** Libraries by real path. Guarded by itself. */
    private static final Map<String, FfmLibrary> PINNED = new HashMap<>();
    /** Isolated copies by path. Guarded by itself. */
    private static final Map<String, FfmLibrary> ISOLATED = new HashMap<>();

    /** {@code lineDialW}, {@code lineHold}, {@code lineUnhold}, {@code lineSwapHold}. */
    record CallControl(MemorySegment lineDialW, MemorySegment lineHold, MemorySegment lineUnhold,
            MemorySegment lineSwapHold) {
    }

    /** {@code lineRedirectW}, {@code lineBlindTransferW}, {@code lineGenerateDigitsW}, {@code lineMonitorDigits}. */
    record TransferDigits(MemorySegment lineRedirectW, MemorySegment lineBlindTransferW,
            MemorySegment lineGenerateDigitsW, MemorySegment lineMonitorDigits) {
    }

    /** {@code lineSetupTransferW}, {@code lineCompleteTransfer}, {@code lineAddToConference}, {@code lineRemoveFromConference}. */
    record Conference(MemorySegment lineSetupTransferW, MemorySegment lineCompleteTransfer,
            MemorySegment lineAddToConference, MemorySegment lineRemoveFromConference) {
    }

    final String path;
    private final Arena arena;
    /**
     * Whether this is the bundled simulator or an isolated copy of it: its hot functions
     * ({@link FfmDirect#FUNCTIONS}) go through libtapibridge's C guard, critically where they
     * never block ({@link Downcalls#CRITICAL}).
     */
    final boolean critical;
    /** False for an isolated copy: unloaded with its last backend. */
    final boolean pinned;

    final MemorySegment lineInitializeExW;
    final MemorySegment lineShutdown;
    final MemorySegment lineNegotiateAPIVersion;
    final MemorySegment lineGetDevCapsW;
    final MemorySegment lineGetAddressCapsW;
    final MemorySegment lineOpenW;
    final MemorySegment lineClose;
    final MemorySegment lineSetStatusMessages;
    final MemorySegment lineGetLineDevStatusW;
    final MemorySegment lineMakeCallW;
    final MemorySegment lineAnswer;
    final MemorySegment lineDrop;
    final MemorySegment lineDeallocateCall;
    final MemorySegment lineGetCallInfoW;
    final MemorySegment lineGetCallStatus;
    final MemorySegment lineGetMessage;
    final MemorySegment lineCompleteCall;
    final MemorySegment lineUncompleteCall;
    /** Null if the library does not export the whole group. */
    final CallControl callControl;
    /** Null if the library does not export the whole group. */
    final TransferDigits transferDigits;
    /** {@code lineGetAddressStatusW}, a group of its own; null if the library does not export it. */
    final MemorySegment lineGetAddressStatusW;
    /** Null if the library does not export the whole group. */
    final Conference conference;
    /** Null if the library does not export all of them. */
    final FfmSim sim;
    /** Backends on an isolated copy. Guarded by {@link #ISOLATED}. */
    private int references;

    private FfmLibrary(String path, Arena arena, boolean critical, boolean pinned) {
        this.path = path;
        this.arena = arena;
        this.critical = critical;
        this.pinned = pinned;
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(Path.of(path), arena);
        } catch (IllegalArgumentException e) { // InvalidPathException too
            throw new UnsatisfiedLinkError("Cannot load the TAPI provider library " + path + ": " + e.getMessage());
        }
        lineInitializeExW = required(lookup, "lineInitializeExW");
        lineShutdown = required(lookup, "lineShutdown");
        lineNegotiateAPIVersion = required(lookup, "lineNegotiateAPIVersion");
        lineGetDevCapsW = required(lookup, "lineGetDevCapsW");
        lineGetAddressCapsW = required(lookup, "lineGetAddressCapsW");
        lineOpenW = required(lookup, "lineOpenW");
        lineClose = required(lookup, "lineClose");
        lineSetStatusMessages = required(lookup, "lineSetStatusMessages");
        lineGetLineDevStatusW = required(lookup, "lineGetLineDevStatusW");
        lineMakeCallW = required(lookup, "lineMakeCallW");
        lineAnswer = required(lookup, "lineAnswer");
        lineDrop = required(lookup, "lineDrop");
        lineDeallocateCall = required(lookup, "lineDeallocateCall");
        lineGetCallInfoW = required(lookup, "lineGetCallInfoW");
        lineGetCallStatus = required(lookup, "lineGetCallStatus");
        lineGetMessage = required(lookup, "lineGetMessage");
        lineCompleteCall = required(lookup, "lineCompleteCall");
        lineUncompleteCall = required(lookup, "lineUncompleteCall");
        MemorySegment[] cc = optional(lookup, "lineDialW", "lineHold", "lineUnhold", "lineSwapHold");
        callControl = cc == null ? null : new CallControl(cc[0], cc[1], cc[2], cc[3]);
        MemorySegment[] td = optional(lookup, "lineRedirectW", "lineBlindTransferW", "lineGenerateDigitsW",
                "lineMonitorDigits");
        transferDigits = td == null ? null : new TransferDigits(td[0], td[1], td[2], td[3]);
        lineGetAddressStatusW = find(lookup, "lineGetAddressStatusW");
        MemorySegment[] cf = optional(lookup, "lineSetupTransferW", "lineCompleteTransfer", "lineAddToConference",
                "lineRemoveFromConference");
        conference = cf == null ? null : new Conference(cf[0], cf[1], cf[2], cf[3]);
        sim = FfmSim.of(name -> find(lookup, name));
    }

    /**
     * The library at {@code path}, loaded on first use and kept for the life of the process.
     *
     * @param path the library file
     * @param simulator whether it is the bundled simulator (its hot functions are called critically)
     * @return the library shared by every backend on that file
     * @throws UnsatisfiedLinkError if it cannot be loaded or lacks a TAPI function (the message names it)
     */
    static FfmLibrary of(String path, boolean simulator) {
        String file = realPath(path);
        // The simulator opened as a library by path is bound again, without critical calls.
        String key = (simulator ? "simulator " : "library ") + file;
        synchronized (PINNED) {
            FfmLibrary library = PINNED.get(key);
            if (library == null) {
                library = open(file, simulator, true);
                PINNED.put(key, library);
            }
            return library;
        }
    }

    /**
     * The private copy of the simulator behind an isolated switch, loaded by its first backend
     * and counted.
     *
     * @param path the copy, absolute
     * @return the library; {@link #releaseIsolated()} once per call
     * @throws UnsatisfiedLinkError if the copy cannot be loaded or lacks a function
     */
    static FfmLibrary acquireIsolated(String path) {
        synchronized (ISOLATED) {
            FfmLibrary library = ISOLATED.get(path);
            if (library == null) {
                library = open(path, true, false);
                ISOLATED.put(path, library);
            }
            library.references++;
            return library;
        }
    }

    /** Drops one backend's hold on an isolated copy; the last one unloads it. */
    void releaseIsolated() {
        synchronized (ISOLATED) {
            if (--references > 0) {
                return;
            }
            ISOLATED.remove(path);
            arena.close();
        }
    }

    /** Loads a library in an arena of its own, closed again if the library lacks a function. */
    private static FfmLibrary open(String path, boolean simulator, boolean pinned) {
        Arena arena = Arena.ofShared();
        try {
            return new FfmLibrary(path, arena, simulator, pinned);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    private MemorySegment required(SymbolLookup lookup, String name) {
        MemorySegment address = find(lookup, name);
        if (address == null) {
            throw new UnsatisfiedLinkError("The TAPI provider library " + path + " does not export " + name);
        }
        return address;
    }

    /** The group's addresses, or null if one is missing. */
    private static MemorySegment[] optional(SymbolLookup lookup, String... names) {
        MemorySegment[] addresses = new MemorySegment[names.length];
        for (int i = 0; i < names.length; i++) {
            addresses[i] = find(lookup, names[i]);
            if (addresses[i] == null) {
                return null;
            }
        }
        return addresses;
    }

    /**
     * A function's address as a segment of the global scope: a downcall then keeps no arena alive
     * per call (the library's lifetime is the backends' business), or null if not exported.
     */
    private static MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name).map(s -> MemorySegment.ofAddress(s.address())).orElse(null);
    }

    /** The file's real path, or {@code path} itself if it names no file (loading it then fails). */
    static String realPath(String path) {
        try {
            return Path.of(path).toRealPath().toString();
        } catch (IOException | InvalidPathException | SecurityException e) {
            return path;
        }
    }
}
