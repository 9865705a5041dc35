package io.github.tapibridge.internal.jni;

import io.github.tapibridge.internal.NativeLibraries;
import io.github.tapibridge.internal.TapiConstants;
import io.github.tapibridge.spi.TapiBackend;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The JNI backend: {@link TapiBackend} over libtapibridge ({@link TapiJni}, and {@code TapisimJni}
 * for the simulator), bound to one provider library for its whole life. The TAPI functions and
 * native memory are in {@link JniTapiCalls}; here are the ways to open it and the simulator's
 * control functions ({@code tapisim.h}); the optional call control functions are in
 * {@link JniCallControl}, the transfer and conference functions in {@link JniConference}.
 *
 * <p>Thread-safe, with the guard and close semantics of {@link JniTapiCalls}.
 */
public final class JniBackend extends JniConference {

    private final boolean simulatorControl;

    private JniBackend(long provider, String description, Runnable onClose) {
        super(provider, description, onClose);
        this.simulatorControl = TapisimJni.hasSimulatorControl(provider);
    }

    private JniBackend(long provider, String description) {
        this(provider, description, () -> { });
    }

    /**
     * Opens the bundled simulator ({@link NativeLibraries#simulatorPath()}). Every backend of the
     * process sees the same simulated switch.
     *
     * @return a backend whose provider is libtapisim
     * @throws UnsatisfiedLinkError if the bridge or the simulator cannot be found or loaded
     */
    public static JniBackend openSimulator() {
        NativeLibraries.loadBridge();
        Path library = NativeLibraries.simulatorPath();
        return new JniBackend(TapiJni.openProvider(library.toString(), true), "simulator " + library);
    }

    /**
     * Opens the system TAPI, {@code tapi32.dll} from System32 only (no DLL search in the working
     * directory or the PATH).
     *
     * @return a backend whose provider is {@code tapi32.dll}
     * @throws UnsupportedOperationException if this is not Windows
     * @throws UnsatisfiedLinkError if the bridge or {@code tapi32.dll} cannot be loaded
     */
    public static JniBackend openSystem() {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new UnsupportedOperationException("the system TAPI (tapi32.dll) exists only on"
                    + " Windows, not on " + os + ": use the simulator or a TAPI library by path");
        }
        NativeLibraries.loadBridge();
        return new JniBackend(TapiJni.openSystemProvider(), "tapi32.dll (System32)");
    }

    /**
     * Opens a library that exports the TAPI 2.x functions of {@link TapiBackend}; its
     * {@code tapisim_} control functions are used when it exports them.
     *
     * @param library the library file
     * @return a backend whose provider is that library
     * @throws UnsatisfiedLinkError if it cannot be loaded or lacks a TAPI function (the message
     *         names it)
     */
    public static JniBackend openLibrary(Path library) {
        Objects.requireNonNull(library, "library");
        NativeLibraries.loadBridge();
        Path file = library.toAbsolutePath();
        return new JniBackend(TapiJni.openProvider(file.toString(), true), file.toString());
    }

    /**
     * Opens a private copy of the simulator (an isolated switch) unpinned: the copy is unmapped
     * when the last backend on it closes. The caller makes sure that by then nothing runs in it
     * ({@code tapisim_reset} before the last close stops the switch's clock thread).
     *
     * @param copy the private copy of libtapisim
     * @param description what the backend is on, for messages
     * @param onClose run once after this backend released the copy
     * @return a backend whose provider is that copy
     * @throws UnsatisfiedLinkError if the bridge or the copy cannot be loaded
     */
    public static JniBackend openIsolated(Path copy, String description, Runnable onClose) {
        Objects.requireNonNull(onClose, "onClose");
        NativeLibraries.loadBridge();
        long provider = TapiJni.openProvider(copy.toAbsolutePath().toString(), false);
        return new JniBackend(provider, description, onClose);
    }

    // ---- simulator control ----------------------------------------------------------------

    @Override
    public boolean hasSimulatorControl() {
        ensureOpen();
        return simulatorControl;
    }

    @Override
    public int tapisimReset() {
        return TapisimJni.tapisim_reset(provider);
    }

    @Override
    public int tapisimSetStation(String number, int state) {
        return TapisimJni.tapisim_set_station(provider, number, state);
    }

    @Override
    public int tapisimAdvance(int ms) {
        return TapisimJni.tapisim_advance(provider, ms);
    }

    @Override
    public int tapisimNow() {
        return TapisimJni.tapisim_now(provider);
    }

    @Override
    public int tapisimFailNext(String function, int lineerr) {
        return TapisimJni.tapisim_fail_next(provider, function, lineerr);
    }

    // ---- topology ---------------------------------------------------------------------

    @Override
    public int tapisimSetLines(int count) {
        return TapisimJni.tapisim_set_lines(provider, count);
    }

    @Override
    public int tapisimSetLine(int deviceId, String number, String name) {
        return TapisimJni.tapisim_set_line(provider, deviceId, number, name);
    }

    @Override
    public int tapisimSetCompletionCaps(int deviceId, int maxCompletions, int modes, int conditions) {
        return TapisimJni.tapisim_set_completion_caps(provider, deviceId, maxCompletions, modes, conditions);
    }

    @Override
    public int tapisimSetCompletionMessages(int deviceId, String texts) {
        return TapisimJni.tapisim_set_completion_messages(provider, deviceId, texts);
    }

    @Override
    public int tapisimSetAddresses(int deviceId, String numbers) {
        return TapisimJni.tapisim_set_addresses(provider, deviceId, numbers);
    }

    @Override
    public int tapisimSetAddressCompletionCaps(int deviceId, int addressId, int maxCompletions, int modes,
            int conditions) {
        return TapisimJni.tapisim_set_address_completion_caps(provider, deviceId, addressId, maxCompletions,
                modes, conditions);
    }

    @Override
    public int tapisimSetAddressCompletionMessages(int deviceId, int addressId, String texts) {
        return TapisimJni.tapisim_set_address_completion_messages(provider, deviceId, addressId, texts);
    }

    @Override
    public int tapisimSetOption(String name, int value) {
        return TapisimJni.tapisim_set_option(provider, name, value);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Asks {@code tapisim_trace} for the size, then copies; retries if the trace grew between
     * the two calls. The text is ASCII (decoded as UTF-8).
     */
    @Override
    public String tapisimTrace() {
        long needed = TapiJni.allocate(provider, 4);
        long buf = 0;
        try {
            int size = 0;
            for (;;) {
                int r = TapisimJni.tapisim_trace(provider, buf, size, needed);
                if (r == 0) {
                    byte[] bytes = new byte[size];
                    if (size > 0) {
                        TapiJni.read(buf, bytes, 0, size);
                    }
                    int length = 0;
                    while (length < size && bytes[length] != 0) {
                        length++;
                    }
                    return new String(bytes, 0, length, StandardCharsets.UTF_8);
                }
                int next = TapiJni.getInt(needed);
                if (r != TapiConstants.LINEERR_STRUCTURETOOSMALL || next <= size) {
                    throw new IllegalStateException(String.format(
                            "tapisim_trace(%d bytes) returned 0x%08X, needed %d", size, r, next));
                }
                TapiJni.free(provider, buf);
                buf = 0;
                buf = TapiJni.allocate(provider, next);
                size = next;
            }
        } finally {
            TapiJni.free(provider, buf);
            TapiJni.free(provider, needed);
        }
    }

    @Override
    public int tapisimTraceClear() {
        return TapisimJni.tapisim_trace_clear(provider);
    }

    @Override
    public int tapisimPostMessages(int hLineApp, int count) {
        return TapisimJni.tapisim_post_messages(provider, hLineApp, count);
    }

    // ---- waiting for the event pump -------------------------------------------------------

    @Override
    public int tapisimSync(int hLineApp, int token) {
        return TapisimJni.tapisim_sync(provider, hLineApp, token);
    }

    // ---- simulator: remote stations driven by the test ----------------------------------------

    @Override
    public long tapisimRemoteCall(String from, String fromName, String to) {
        long callId = TapiJni.allocate(provider, 4);
        try {
            int r = TapisimJni.tapisim_remote_call(provider, from, fromName, to, callId);
            return r < 0 ? r : Integer.toUnsignedLong(TapiJni.getInt(callId));
        } finally {
            TapiJni.free(provider, callId);
        }
    }

    @Override
    public long tapisimRemoteCallEx(String from, String fromName, String to, int flags) {
        long callId = TapiJni.allocate(provider, 4);
        try {
            int r = TapisimJni.tapisim_remote_call_ex(provider, from, fromName, to, flags, callId);
            return r < 0 ? r : Integer.toUnsignedLong(TapiJni.getInt(callId));
        } finally {
            TapiJni.free(provider, callId);
        }
    }

    @Override
    public int tapisimRemoteAnswer(String number) {
        return TapisimJni.tapisim_remote_answer(provider, number);
    }

    @Override
    public int tapisimRemoteHangup(String number) {
        return TapisimJni.tapisim_remote_hangup(provider, number);
    }

    @Override
    public int tapisimRemoteDigits(String number, String digits) {
        return TapisimJni.tapisim_remote_digits(provider, number, digits);
    }
}
