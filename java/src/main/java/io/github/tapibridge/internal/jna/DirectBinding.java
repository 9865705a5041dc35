package io.github.tapibridge.internal.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One provider library, bound by JNA direct mapping once per process: its {@link NativeLibrary}
 * and the {@link DirectTapi} (and, if it exports them, {@link DirectCallControl},
 * {@link DirectTransferDigits}, {@link DirectAddressStatus}, {@link DirectConference} and
 * {@link DirectSim}) copies
 * registered with it. Every {@link JnaBackend} on the same library
 * shares the binding; what belongs to one backend
 * (its allocation count, its closed flag) stays in the backend.
 *
 * <p>Bindings are keyed by the library's real path (symbolic links and {@code .} resolved), so
 * two spellings of one file share one binding, and are never released: a class registered with
 * {@code Native.register} holds native call stubs that live until the class is unregistered, and
 * the library stays mapped for the life of the process, as the JNI backend pins it
 * ({@code native/jni/provider.c}). A library that fails to bind (a missing function) is not kept.
 *
 * <p>The private copy of the simulator behind an isolated switch is the exception: its binding is
 * counted ({@link #acquireIsolated}) and released with the last backend on it
 * ({@link #releaseIsolated}), which unregisters its classes and closes the library, so that the
 * copy is unmapped and switches come and go without the process growing. It is bound by JNA's
 * interface mapping, not by direct mapping: JNA cannot take back what {@code Native.register}
 * makes (its {@code unregister} frees neither the closure of each native nor, through its cache of
 * library options, the class), so every switch would leave them behind. Interface mapping costs
 * more per call, which a switch made for a test can afford. The copy is opened
 * {@code RTLD_LOCAL}, so its symbols never join the global scope of the process.
 *
 * <p>Thread-safe.
 */
final class DirectBinding {

    /** Bindings by real path. Guarded by itself. */
    private static final Map<String, DirectBinding> BOUND = new HashMap<>();
    /** Bindings of isolated switches by path. Guarded by itself. */
    private static final Map<String, DirectBinding> ISOLATED = new HashMap<>();

    /** The TAPI functions of an isolated switch, by interface mapping. */
    interface IsolatedTapi extends Library, TapiFunctions {
    }

    /** The call control functions of an isolated switch, by interface mapping. */
    interface IsolatedCallControl extends Library, CallControlFunctions {
    }

    /** The transfer and digits functions of an isolated switch, by interface mapping. */
    interface IsolatedTransferDigits extends Library, TransferDigitsFunctions {
    }

    /** lineGetAddressStatusW of an isolated switch, by interface mapping. */
    interface IsolatedAddressStatus extends Library, AddressStatusFunctions {
    }

    /** The transfer and conference functions of an isolated switch, by interface mapping. */
    interface IsolatedConference extends Library, ConferenceFunctions {
    }

    /** The control functions of an isolated switch, by interface mapping. */
    interface IsolatedSim extends Library, SimFunctions {
    }

    final String path;
    final NativeLibrary library;
    final TapiFunctions tapi;
    /** The call control functions, or null if the library does not export them all. */
    final CallControlFunctions callControl;
    /** The transfer and digits functions, or null if the library does not export them all. */
    final TransferDigitsFunctions transferDigits;
    /** lineGetAddressStatusW, or null if the library does not export it. */
    final AddressStatusFunctions addressStatus;
    /** The transfer and conference functions, or null if the library does not export them all. */
    final ConferenceFunctions conference;
    /** The simulator control functions, or null if the library does not export them all. */
    final SimFunctions sim;
    /**
     * {@code tapisim_activity}, or null: not exported, or an isolated copy (bound by interface
     * mapping, whose calls allocate; a spin of such calls would make garbage).
     */
    final ActivityFunctions activity;
    /** Backends on an isolated binding. Guarded by {@link #ISOLATED}. */
    private int references;

    private DirectBinding(String path, NativeLibrary library, TapiFunctions tapi,
                          CallControlFunctions callControl, TransferDigitsFunctions transferDigits,
                          AddressStatusFunctions addressStatus, ConferenceFunctions conference,
                          SimFunctions sim, ActivityFunctions activity) {
        this.path = path;
        this.library = library;
        this.tapi = tapi;
        this.callControl = callControl;
        this.transferDigits = transferDigits;
        this.addressStatus = addressStatus;
        this.conference = conference;
        this.sim = sim;
        this.activity = activity;
    }

    /**
     * The binding of the library at {@code path}, made on first use.
     *
     * @param path the library file, absolute
     * @return the binding shared by every backend on that file
     * @throws UnsatisfiedLinkError if the library cannot be loaded or lacks a TAPI function
     */
    static DirectBinding of(String path) {
        String key = realPath(path);
        synchronized (BOUND) {
            DirectBinding b = BOUND.get(key);
            if (b == null) {
                NativeLibrary library = DirectLoader.open(key);
                TapiFunctions tapi = DirectLoader.bind(DirectTapi.class, TapiFunctions.class, library);
                CallControlFunctions callControl = DirectLoader.hasAll(DirectCallControl.class, library)
                        ? DirectLoader.bind(DirectCallControl.class, CallControlFunctions.class, library)
                        : null;
                TransferDigitsFunctions transferDigits = DirectLoader.hasAll(DirectTransferDigits.class, library)
                        ? DirectLoader.bind(DirectTransferDigits.class, TransferDigitsFunctions.class, library)
                        : null;
                AddressStatusFunctions addressStatus = DirectLoader.hasAll(DirectAddressStatus.class, library)
                        ? DirectLoader.bind(DirectAddressStatus.class, AddressStatusFunctions.class, library)
                        : null;
                ConferenceFunctions conference = DirectLoader.hasAll(DirectConference.class, library)
                        ? DirectLoader.bind(DirectConference.class, ConferenceFunctions.class, library)
                        : null;
                SimFunctions sim = DirectLoader.hasAll(DirectSim.class, library)
                        ? DirectLoader.bind(DirectSim.class, SimFunctions.class, library) : null;
                ActivityFunctions activity = DirectLoader.hasAll(DirectActivity.class, library)
                        ? DirectLoader.bind(DirectActivity.class, ActivityFunctions.class, library) : null;
                b = new DirectBinding(key, library, tapi, callControl, transferDigits, addressStatus,
                        conference, sim, activity);
                BOUND.put(key, b);
            }
            return b;
        }
    }

    /**
     * The binding of an isolated switch's private copy, made by its first backend and counted.
     *
     * @param path the copy, absolute
     * @return the binding; {@link #releaseIsolated()} once per call
     * @throws UnsatisfiedLinkError if the copy cannot be loaded or lacks a function
     */
    static DirectBinding acquireIsolated(String path) {
        synchronized (ISOLATED) {
            DirectBinding b = ISOLATED.get(path);
            if (b == null) {
                Map<String, Object> options = DirectLoader.localOptions();
                NativeLibrary library = NativeLibrary.getInstance(path, options);
                try {
                    b = new DirectBinding(path, library, Native.load(path, IsolatedTapi.class, options),
                            Native.load(path, IsolatedCallControl.class, options),
                            Native.load(path, IsolatedTransferDigits.class, options),
                            Native.load(path, IsolatedAddressStatus.class, options),
                            Native.load(path, IsolatedConference.class, options),
                            Native.load(path, IsolatedSim.class, options), null);
                } catch (RuntimeException | Error e) {
                    library.close();
                    throw e;
                }
                ISOLATED.put(path, b);
            }
            b.references++;
            return b;
        }
    }

    /**
     * Drops one backend's hold on an isolated binding; the last one closes the library. No call may
     * be running through the binding then.
     */
    void releaseIsolated() {
        synchronized (ISOLATED) {
            if (--references > 0) {
                return;
            }
            ISOLATED.remove(path);
            library.close();
        }
    }

    /** How many libraries this process has bound. */
    static int count() {
        synchronized (BOUND) {
            return BOUND.size();
        }
    }

    /**
     * The file's real path, or {@code path} itself if it names no file (loading it then fails
     * with JNA's message).
     */
    static String realPath(String path) {
        try {
            return Path.of(path).toRealPath().toString();
        } catch (IOException | InvalidPathException | SecurityException e) {
            return path;
        }
    }
}
