package io.github.tapibridge.internal.jni;

import io.github.tapibridge.spi.TapiBackend;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The TAPI functions and the native memory of the JNI backend over libtapibridge ({@link TapiJni}),
 * bound to one provider library for its whole life; {@link JniBackend} adds how it is opened and
 * the simulator's control functions.
 *
 * <p>Thread-safe. The guard is libtapibridge's own (its C call guard, see {@link TapiJni}): every
 * native given the provider enters it in C, with no locked instruction, and {@link #close()}
 * waits there for the natives already running before it releases the provider; from the moment
 * close starts, every method throws IllegalStateException (those that do not reach the provider
 * check a volatile flag). A thread blocked in {@link #lineGetMessage(int, long, int)} counts as
 * running: shut its application down first ({@link #lineShutdown(int)} wakes it with
 * {@code LINEERR_INVALAPPHANDLE}), or {@code close()} waits for its timeout. Native memory from
 * {@link #allocate(long)} is counted per backend and can only be freed while the backend is open:
 * free it before closing.
 */
abstract class JniTapiCalls implements TapiBackend {

    final long provider;
    final String description;
    /** Set once, by the first {@link #close()}, before the provider is retired. */
    private volatile boolean closed;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Run once after the provider is released: the isolated switch's reference, or nothing. */
    private final Runnable onClose;

    JniTapiCalls(long provider, String description, Runnable onClose) {
        this.provider = provider;
        this.description = description;
        this.onClose = onClose;
    }

    /**
     * Releases the provider once no call is running. Closing twice is safe; after close every
     * method throws IllegalStateException. Blocks while a call is running: shut down every
     * application whose thread waits in {@code lineGetMessage} first.
     */
    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            closed = true;
            try {
                TapiJni.closeProvider(provider); // waits in C for the calls running through it
            } finally {
                onClose.run();
            }
        }
    }

    @Override
    public String toString() {
        return "JniBackend[" + description + (closed ? ", closed]" : "]");
    }

    /** Calls inside the guard now; for tests that must know a call is running. */
    int callsInFlight() {
        return TapiJni.callsInFlight(provider);
    }

    /** For the methods that do not reach the provider, which the C guard checks. */
    final void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("JNI backend (" + description + ") is closed");
        }
    }

    @Override
    public String name() {
        ensureOpen();
        return "JNI";
    }

    @Override
    public String providerDescription() {
        ensureOpen();
        return description;
    }

    // ---- native memory ------------------------------------------------------------------

    @Override
    public long allocate(long size) {
        return TapiJni.allocate(provider, size);
    }

    @Override
    public void free(long address) {
        TapiJni.free(provider, address);
    }

    @Override
    public long liveAllocations() {
        return TapiJni.liveAllocations(provider);
    }

    @Override
    public int getInt(long address) {
        ensureOpen();
        return TapiJni.getInt(address);
    }

    @Override
    public void putInt(long address, int value) {
        ensureOpen();
        TapiJni.putInt(address, value);
    }

    @Override
    public void read(long address, byte[] dst, int offset, int length) {
        ensureOpen();
        TapiJni.read(address, dst, offset, length);
    }

    @Override
    public void write(long address, byte[] src, int offset, int length) {
        ensureOpen();
        TapiJni.write(address, src, offset, length);
    }

    @Override
    public ByteBuffer view(long address, int size) {
        ensureOpen();
        return TapiJni.view(address, size).order(ByteOrder.LITTLE_ENDIAN);
    }

    // ---- TAPI ---------------------------------------------------------------------------

    @Override
    public int lineInitializeExW(long lphLineApp, long hInstance, String lpszFriendlyAppName,
                                 long lpdwNumDevs, long lpdwAPIVersion,
                                 long lpLineInitializeExParams) {
        return TapiJni.lineInitializeExW(provider, lphLineApp, hInstance, lpszFriendlyAppName,
                lpdwNumDevs, lpdwAPIVersion, lpLineInitializeExParams);
    }

    @Override
    public int lineShutdown(int hLineApp) {
        return TapiJni.lineShutdown(provider, hLineApp);
    }

    @Override
    public int lineNegotiateAPIVersion(int hLineApp, int dwDeviceID, int dwAPILowVersion,
                                       int dwAPIHighVersion, long lpdwAPIVersion,
                                       long lpExtensionID) {
        return TapiJni.lineNegotiateAPIVersion(provider, hLineApp, dwDeviceID, dwAPILowVersion,
                dwAPIHighVersion, lpdwAPIVersion, lpExtensionID);
    }

    @Override
    public int lineGetDevCapsW(int hLineApp, int dwDeviceID, int dwAPIVersion, int dwExtVersion,
                               long lpLineDevCaps) {
        return TapiJni.lineGetDevCapsW(provider, hLineApp, dwDeviceID, dwAPIVersion,
                dwExtVersion, lpLineDevCaps);
    }

    @Override
    public int lineGetAddressCapsW(int hLineApp, int dwDeviceID, int dwAddressID,
                                   int dwAPIVersion, int dwExtVersion, long lpAddressCaps) {
        return TapiJni.lineGetAddressCapsW(provider, hLineApp, dwDeviceID, dwAddressID,
                dwAPIVersion, dwExtVersion, lpAddressCaps);
    }

    @Override
    public int lineOpenW(int hLineApp, int dwDeviceID, long lphLine, int dwAPIVersion,
                         int dwExtVersion, long dwCallbackInstance, int dwPrivileges,
                         int dwMediaModes, long lpCallParams) {
        return TapiJni.lineOpenW(provider, hLineApp, dwDeviceID, lphLine, dwAPIVersion,
                dwExtVersion, dwCallbackInstance, dwPrivileges, dwMediaModes, lpCallParams);
    }

    @Override
    public int lineClose(int hLine) {
        return TapiJni.lineClose(provider, hLine);
    }

    @Override
    public int lineSetStatusMessages(int hLine, int dwLineStates, int dwAddressStates) {
        return TapiJni.lineSetStatusMessages(provider, hLine, dwLineStates, dwAddressStates);
    }

    @Override
    public int lineGetLineDevStatusW(int hLine, long lpLineDevStatus) {
        return TapiJni.lineGetLineDevStatusW(provider, hLine, lpLineDevStatus);
    }

    @Override
    public int lineMakeCallW(int hLine, long lphCall, String lpszDestAddress, int dwCountryCode,
                             long lpCallParams) {
        return TapiJni.lineMakeCallW(provider, hLine, lphCall, lpszDestAddress, dwCountryCode,
                lpCallParams);
    }

    @Override
    public int lineAnswer(int hCall, long lpsUserUserInfo, int dwSize) {
        return TapiJni.lineAnswer(provider, hCall, lpsUserUserInfo, dwSize);
    }

    @Override
    public int lineDrop(int hCall, long lpsUserUserInfo, int dwSize) {
        return TapiJni.lineDrop(provider, hCall, lpsUserUserInfo, dwSize);
    }

    @Override
    public int lineDeallocateCall(int hCall) {
        return TapiJni.lineDeallocateCall(provider, hCall);
    }

    @Override
    public int lineGetCallInfoW(int hCall, long lpCallInfo) {
        return TapiJni.lineGetCallInfoW(provider, hCall, lpCallInfo);
    }

    @Override
    public int lineGetCallStatus(int hCall, long lpCallStatus) {
        return TapiJni.lineGetCallStatus(provider, hCall, lpCallStatus);
    }

    @Override
    public int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout) {
        return TapiJni.lineGetMessage(provider, hLineApp, lpMessage, dwTimeout);
    }

    /** One crossing per batch: the drain loop, and its spin, run in C (tb_get_messages). */
    @Override
    public int lineGetMessages(int hLineApp, long lpMessages, int count, int dwTimeout,
                               int spinMicros) {
        return TapiJni.lineGetMessages(provider, hLineApp, lpMessages, count, dwTimeout,
                spinMicros);
    }

    @Override
    public int lineCompleteCall(int hCall, long lpdwCompletionID, int dwCompletionMode,
                                int dwMessageID) {
        return TapiJni.lineCompleteCall(provider, hCall, lpdwCompletionID, dwCompletionMode,
                dwMessageID);
    }

    @Override
    public int lineUncompleteCall(int hLine, int dwCompletionID) {
        return TapiJni.lineUncompleteCall(provider, hLine, dwCompletionID);
    }
}
