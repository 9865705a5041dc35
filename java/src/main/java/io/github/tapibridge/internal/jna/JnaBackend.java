package io.github.tapibridge.internal.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.github.tapibridge.internal.AppEvents;
import io.github.tapibridge.internal.NativeLibraries;
import io.github.tapibridge.internal.TapiStrings;
import io.github.tapibridge.spi.TapiBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link TapiBackend} over JNA direct mapping: no compiled bridge, so on Windows it needs only
 * {@code tapi32.dll}. Native memory comes from {@code Native.malloc}; strings cross as UTF-16
 * {@code char[]}. Requires a 64-bit JVM (pointers are passed as {@code long}).
 *
 * <p>The provider library is loaded and bound once per process and stays loaded ({@link
 * DirectBinding}): opening another backend on the same file binds nothing again, so opening and
 * closing backends costs no memory. Each backend keeps its own allocation count and closed state.
 *
 * <p>Strings are checked as the JNI bridge checks them (at most {@value TapiStrings#MAX_LENGTH}
 * UTF-16 units, no U+0000), with the same messages, so that no string is cut short.
 *
 * <p>Thread-safe. {@link #close()} waits for calls in progress; a thread blocked in {@link
 * #lineGetMessage} must first be woken by {@code lineShutdown}.
 */
public final class JnaBackend extends JnaConference {

    private final String description;
    /** The isolated binding this backend holds, or null. */
    private final DirectBinding isolated;
    private final Runnable onClose;

    private JnaBackend(String description, DirectBinding binding, AppEvents.Waits waits) {
        super(binding, description, waits);
        this.description = description;
        this.isolated = null;
        this.onClose = () -> { };
    }

    private JnaBackend(String description, DirectBinding isolated, Runnable onClose) {
        super(isolated, description, eventWaits(isolated));
        this.description = description;
        this.isolated = isolated;
        this.onClose = onClose;
    }

    private JnaBackend(String description, DirectBinding binding) {
        this(description, binding, eventWaits(binding));
    }

    /**
     * What the drain polls the applications' events with: kernel32 on Windows where the library
     * has no activity word (as {@code tapi32.dll}), else null.
     */
    private static AppEvents.Waits eventWaits(DirectBinding binding) {
        return binding.activity == null ? Kernel32Waits.onWindows() : null;
    }

    /** The provider's binding, made once per process; a 64-bit JVM only. */
    private static DirectBinding bind(String path) {
        if (Native.POINTER_SIZE != 8) {
            throw new UnsupportedOperationException("The JNA backend needs a 64-bit JVM");
        }
        return DirectBinding.of(path);
    }

    /** The simulator bundled with tapibridge. */
    public static JnaBackend openSimulator() {
        Path path = NativeLibraries.simulatorPath();
        return new JnaBackend("simulator " + path, bind(path.toString()));
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
    public static JnaBackend openSystem() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new UnsupportedOperationException("The system TAPI provider (tapi32.dll) exists only on Windows");
        }
        String path = SystemTapi.tapi32Path();
        return new JnaBackend("system " + path, bind(path));
    }

    /** Any library exporting the TAPI 2.x W functions. */
    public static JnaBackend openLibrary(Path path) {
        Objects.requireNonNull(path, "path");
        return new JnaBackend("library " + path, bind(path.toAbsolutePath().toString()));
    }

    /**
     * Any library, its drain spinning on the applications' USEEVENT events as {@code waits}
     * reports them, never on the library's activity word: for the tests of the event spin, where
     * the simulator stands in for {@code tapi32.dll} (whose events exist only on Windows).
     */
    static JnaBackend openLibrary(Path path, AppEvents.Waits waits) {
        Objects.requireNonNull(waits, "waits");
        return new JnaBackend("library " + path, bind(path.toAbsolutePath().toString()), waits);
    }

    /**
     * A private copy of the simulator (an isolated switch). Its binding is shared by the backends
     * on the copy and released with the last of them, which unmaps the copy. The caller makes sure
     * that by then nothing runs in it ({@code tapisim_reset} stops the switch's clock thread).
     *
     * @param copy the private copy of libtapisim
     * @param description what the backend is on, for messages
     * @param onClose run once after this backend released the copy
     * @return a backend whose provider is that copy
     * @throws UnsatisfiedLinkError if the copy cannot be loaded
     */
    public static JnaBackend openIsolated(Path copy, String description, Runnable onClose) {
        Objects.requireNonNull(onClose, "onClose");
        if (Native.POINTER_SIZE != 8) {
            throw new UnsupportedOperationException("The JNA backend needs a 64-bit JVM");
        }
        return new JnaBackend(description,
                DirectBinding.acquireIsolated(copy.toAbsolutePath().toString()), onClose);
    }

    @Override
    void released() {
        try {
            if (isolated != null) {
                isolated.releaseIsolated();
            }
        } finally {
            onClose.run();
        }
    }

    @Override
    public String name() {
        return "JNA";
    }

    @Override
    public String providerDescription() {
        return description;
    }

    // ---- simulator control ---------------------------------------------------------------

    @Override
    public boolean hasSimulatorControl() {
        return sim != null;
    }

    private SimFunctions sim() {
        if (sim == null) {
            throw new UnsupportedOperationException(description + " has no simulator control functions");
        }
        return sim;
    }

    @Override
    public int tapisimReset() {
        enter();
        try {
            return sim().tapisim_reset();
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetStation(String number, int state) {
        enter();
        try {
            return sim().tapisim_set_station(utf8(number, "number"), state);
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimAdvance(int ms) {
        enter();
        try {
            return sim().tapisim_advance(ms);
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimNow() {
        enter();
        try {
            return sim().tapisim_now();
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimFailNext(String function, int lineerr) {
        enter();
        try {
            return sim().tapisim_fail_next(utf8(function, "function"), lineerr);
        } finally {
            exit();
        }
    }

    // ---- topology ---------------------------------------------------------------------

    @Override
    public int tapisimSetLines(int count) {
        enter();
        try {
            return sim().tapisim_set_lines(count);
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetLine(int deviceId, String number, String name) {
        enter();
        try {
            return sim().tapisim_set_line(deviceId, utf8(number, "number"), utf8(name, "name"));
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetCompletionCaps(int deviceId, int maxCompletions, int modes, int conditions) {
        enter();
        try {
            return sim().tapisim_set_completion_caps(deviceId, maxCompletions, modes, conditions);
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetCompletionMessages(int deviceId, String texts) {
        enter();
        try {
            return sim().tapisim_set_completion_messages(deviceId, utf8(texts, "texts"));
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetAddresses(int deviceId, String numbers) {
        enter();
        try {
            return sim().tapisim_set_addresses(deviceId, utf8(numbers, "numbers"));
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetAddressCompletionCaps(int deviceId, int addressId, int maxCompletions, int modes,
            int conditions) {
        enter();
        try {
            return sim().tapisim_set_address_completion_caps(deviceId, addressId, maxCompletions, modes,
                    conditions);
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetAddressCompletionMessages(int deviceId, int addressId, String texts) {
        enter();
        try {
            return sim().tapisim_set_address_completion_messages(deviceId, addressId, utf8(texts, "texts"));
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimSetOption(String name, int value) {
        enter();
        try {
            return sim().tapisim_set_option(utf8(name, "name"), value);
        } finally {
            exit();
        }
    }

    @Override
    public String tapisimTrace() {
        enter();
        try {
            SimFunctions s = sim();
            long needed = Native.malloc(4);
            if (needed == 0) {
                throw new OutOfMemoryError("native allocation failed");
            }
            try {
                for (;;) {
                    s.tapisim_trace(0, 0, needed);
                    int size = new Pointer(needed).getInt(0);
                    long buf = Native.malloc(size);
                    if (buf == 0) {
                        throw new OutOfMemoryError("native allocation of " + size + " bytes failed");
                    }
                    try {
                        if (s.tapisim_trace(buf, size, needed) == 0) {
                            byte[] text = new byte[size - 1];
                            new Pointer(buf).read(0, text, 0, text.length);
                            return new String(text, StandardCharsets.UTF_8);
                        }
                    } finally {
                        Native.free(buf);
                    }
                }
            } finally {
                Native.free(needed);
            }
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimTraceClear() {
        enter();
        try {
            return sim().tapisim_trace_clear();
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimPostMessages(int hLineApp, int count) {
        enter();
        try {
            return sim().tapisim_post_messages(hLineApp, count);
        } finally {
            exit();
        }
    }

    // ---- waiting for the event pump -------------------------------------------------------

    @Override
    public int tapisimSync(int hLineApp, int token) {
        enter();
        try {
            return sim().tapisim_sync(hLineApp, token);
        } finally {
            exit();
        }
    }

    // ---- simulator: remote stations driven by the test ----------------------------------------

    @Override
    public long tapisimRemoteCall(String from, String fromName, String to) {
        byte[] f = utf8(from, "from");
        byte[] n = utf8(fromName, "fromName");
        byte[] t = utf8(to, "to");
        enter();
        try {
            long callId = Native.malloc(4);
            try {
                int r = sim().tapisim_remote_call(f, n, t, callId);
                return r < 0 ? r : Integer.toUnsignedLong(new Pointer(callId).getInt(0));
            } finally {
                Native.free(callId);
            }
        } finally {
            exit();
        }
    }

    @Override
    public long tapisimRemoteCallEx(String from, String fromName, String to, int flags) {
        byte[] f = utf8(from, "from");
        byte[] n = utf8(fromName, "fromName");
        byte[] t = utf8(to, "to");
        enter();
        try {
            long callId = Native.malloc(4);
            try {
                int r = sim().tapisim_remote_call_ex(f, n, t, flags, callId);
                return r < 0 ? r : Integer.toUnsignedLong(new Pointer(callId).getInt(0));
            } finally {
                Native.free(callId);
            }
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimRemoteAnswer(String number) {
        byte[] s = utf8(number, "number");
        enter();
        try {
            return sim().tapisim_remote_answer(s);
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimRemoteHangup(String number) {
        byte[] s = utf8(number, "number");
        enter();
        try {
            return sim().tapisim_remote_hangup(s);
        } finally {
            exit();
        }
    }

    @Override
    public int tapisimRemoteDigits(String number, String digits) {
        byte[] s = utf8(number, "number");
        byte[] d = utf8(digits, "digits");
        enter();
        try {
            return sim().tapisim_remote_digits(s, d);
        } finally {
            exit();
        }
    }

    // ---- probes of the C side (tests compare Java's tables against them) -------------------

    /**
     * The value of a TAPI constant as the simulator was compiled ({@code tapisim_constant}).
     *
     * @return the value, or empty if the simulator does not know the name
     */
    public java.util.OptionalInt probeConstant(String name) {
        Objects.requireNonNull(name, "name");
        enter();
        try {
            long out = Native.malloc(4);
            try {
                return sim().tapisim_constant(utf8(name, "name"), out) == 0
                        ? java.util.OptionalInt.of(new Pointer(out).getInt(0)) : java.util.OptionalInt.empty();
            } finally {
                Native.free(out);
            }
        } finally {
            exit();
        }
    }

    /**
     * Offset and size of a structure field as the simulator was compiled ({@code
     * tapisim_layout}); a {@code null} field gives {@code {0, sizeof(type)}}.
     *
     * @return {@code {offset, size}}, or {@code null} if the simulator does not know the names
     */
    public int[] probeLayout(String type, String field) {
        Objects.requireNonNull(type, "type");
        enter();
        try {
            long out = Native.malloc(8);
            try {
                if (sim().tapisim_layout(utf8(type, "type"), utf8(field, "field"), out, out + 4) != 0) {
                    return null;
                }
                Pointer p = new Pointer(out);
                return new int[] { p.getInt(0), p.getInt(4) };
            } finally {
                Native.free(out);
            }
        } finally {
            exit();
        }
    }
}
