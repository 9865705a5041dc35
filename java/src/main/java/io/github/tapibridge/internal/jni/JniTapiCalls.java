package io.github.tapibridge.internal.jni;

import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.spi.TapiBackend;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The TAPI functions and the native memory of the JNI backend over libtapibridge ({@link TapiJni}),
 * bound to one provider library for its whole life; {@link JniBackend} adds how it is opened and
 * the simulator's control functions.
 *
 * <p>Thread-safe. Every method runs inside one {@link Guard}: after {@link #close()} starts, every
 * method throws IllegalStateException, and {@code close()} waits for the native calls already
 * running before it releases the provider. A thread blocked in
 * {@link #lineGetMessage(int, long, int)} counts as running: shut its application down first
 * ({@link #lineShutdown(int)} wakes it with {@code LINEERR_INVALAPPHANDLE}), or {@code close()}
 * waits for its timeout. Native memory from {@link #allocate(long)} is counted per backend and can
 * only be freed while the backend is open: free it before closing.
 */
abstract class JniTapiCalls implements TapiBackend {

    final long provider;
    final String description;
    final Guard guard;
    /** Run once after the provider is released: the isolated switch's reference, or nothing. */
    private final Runnable onClose;

    JniTapiCalls(long provider, String description, Runnable onClose) {
        this.provider = provider;
        this.description = description;
        this.guard = new Guard("JNI backend (" + description + ")");
        this.onClose = onClose;
    }

    /**
     * Releases the provider once no call is running. Closing twice is safe; after close every
     * method throws IllegalStateException. Blocks while a call is running: shut down every
     * application whose thread waits in {@code lineGetMessage} first.
     */
    @Override
    public void close() {
        if (guard.close()) {
            guard.awaitQuiescent();
            try {
                TapiJni.closeProvider(provider);
            } finally {
                onClose.run();
            }
        }
    }

    @Override
    public String toString() {
        return "JniBackend[" + description + (guard.isClosed() ? ", closed]" : "]");
    }

    /** Calls inside the guard now; for tests that must know a call is running. */
    int callsInFlight() {
        return guard.inFlight();
    }

    @Override
    public String name() {
        guard.ensureOpen();
        return "JNI";
    }

    @Override
    public String providerDescription() {
        guard.ensureOpen();
        return description;
    }

    // ---- native memory ------------------------------------------------------------------

    @Override
    public long allocate(long size) {
        guard.enter();
        try {
            return TapiJni.allocate(provider, size);
        } finally {
            guard.exit();
        }
    }

    @Override
    public void free(long address) {
        guard.enter();
        try {
            TapiJni.free(provider, address);
        } finally {
            guard.exit();
        }
    }

    @Override
    public long liveAllocations() {
        guard.enter();
        try {
            return TapiJni.liveAllocations(provider);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int getInt(long address) {
        guard.enter();
        try {
            return TapiJni.getInt(address);
        } finally {
            guard.exit();
        }
    }

    @Override
    public void putInt(long address, int value) {
        guard.enter();
        try {
            TapiJni.putInt(address, value);
        } finally {
            guard.exit();
        }
    }

    @Override
    public void read(long address, byte[] dst, int offset, int length) {
        guard.enter();
        try {
            TapiJni.read(address, dst, offset, length);
        } finally {
            guard.exit();
        }
    }

    @Override
    public void write(long address, byte[] src, int offset, int length) {
        guard.enter();
        try {
            TapiJni.write(address, src, offset, length);
        } finally {
            guard.exit();
        }
    }

    @Override
    public ByteBuffer view(long address, int size) {
        guard.enter();
        try {
            return TapiJni.view(address, size).order(ByteOrder.LITTLE_ENDIAN);
        } finally {
            guard.exit();
        }
    }

    // ---- TAPI ---------------------------------------------------------------------------

    @Override
    public int lineInitializeExW(long lphLineApp, long hInstance, String lpszFriendlyAppName,
                                 long lpdwNumDevs, long lpdwAPIVersion,
                                 long lpLineInitializeExParams) {
        guard.enter();
        try {
            return TapiJni.lineInitializeExW(provider, lphLineApp, hInstance, lpszFriendlyAppName,
                    lpdwNumDevs, lpdwAPIVersion, lpLineInitializeExParams);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineShutdown(int hLineApp) {
        guard.enter();
        try {
            return TapiJni.lineShutdown(provider, hLineApp);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineNegotiateAPIVersion(int hLineApp, int dwDeviceID, int dwAPILowVersion,
                                       int dwAPIHighVersion, long lpdwAPIVersion,
                                       long lpExtensionID) {
        guard.enter();
        try {
            return TapiJni.lineNegotiateAPIVersion(provider, hLineApp, dwDeviceID, dwAPILowVersion,
                    dwAPIHighVersion, lpdwAPIVersion, lpExtensionID);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineGetDevCapsW(int hLineApp, int dwDeviceID, int dwAPIVersion, int dwExtVersion,
                               long lpLineDevCaps) {
        guard.enter();
        try {
            return TapiJni.lineGetDevCapsW(provider, hLineApp, dwDeviceID, dwAPIVersion,
                    dwExtVersion, lpLineDevCaps);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineGetAddressCapsW(int hLineApp, int dwDeviceID, int dwAddressID,
                                   int dwAPIVersion, int dwExtVersion, long lpAddressCaps) {
        guard.enter();
        try {
            return TapiJni.lineGetAddressCapsW(provider, hLineApp, dwDeviceID, dwAddressID,
                    dwAPIVersion, dwExtVersion, lpAddressCaps);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineOpenW(int hLineApp, int dwDeviceID, long lphLine, int dwAPIVersion,
                         int dwExtVersion, long dwCallbackInstance, int dwPrivileges,
                         int dwMediaModes, long lpCallParams) {
        guard.enter();
        try {
            return TapiJni.lineOpenW(provider, hLineApp, dwDeviceID, lphLine, dwAPIVersion,
                    dwExtVersion, dwCallbackInstance, dwPrivileges, dwMediaModes, lpCallParams);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineClose(int hLine) {
        guard.enter();
        try {
            return TapiJni.lineClose(provider, hLine);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineSetStatusMessages(int hLine, int dwLineStates, int dwAddressStates) {
        guard.enter();
        try {
            return TapiJni.lineSetStatusMessages(provider, hLine, dwLineStates, dwAddressStates);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineGetLineDevStatusW(int hLine, long lpLineDevStatus) {
        guard.enter();
        try {
            return TapiJni.lineGetLineDevStatusW(provider, hLine, lpLineDevStatus);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineMakeCallW(int hLine, long lphCall, String lpszDestAddress, int dwCountryCode,
                             long lpCallParams) {
        guard.enter();
        try {
            return TapiJni.lineMakeCallW(provider, hLine, lphCall, lpszDestAddress, dwCountryCode,
                    lpCallParams);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineAnswer(int hCall, long lpsUserUserInfo, int dwSize) {
        guard.enter();
        try {
            return TapiJni.lineAnswer(provider, hCall, lpsUserUserInfo, dwSize);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineDrop(int hCall, long lpsUserUserInfo, int dwSize) {
        guard.enter();
        try {
            return TapiJni.lineDrop(provider, hCall, lpsUserUserInfo, dwSize);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineDeallocateCall(int hCall) {
        guard.enter();
        try {
            return TapiJni.lineDeallocateCall(provider, hCall);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineGetCallInfoW(int hCall, long lpCallInfo) {
        guard.enter();
        try {
            return TapiJni.lineGetCallInfoW(provider, hCall, lpCallInfo);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineGetCallStatus(int hCall, long lpCallStatus) {
        guard.enter();
        try {
            return TapiJni.lineGetCallStatus(provider, hCall, lpCallStatus);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout) {
        guard.enter();
        try {
            return TapiJni.lineGetMessage(provider, hLineApp, lpMessage, dwTimeout);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineCompleteCall(int hCall, long lpdwCompletionID, int dwCompletionMode,
                                int dwMessageID) {
        guard.enter();
        try {
            return TapiJni.lineCompleteCall(provider, hCall, lpdwCompletionID, dwCompletionMode,
                    dwMessageID);
        } finally {
            guard.exit();
        }
    }

    @Override
    public int lineUncompleteCall(int hLine, int dwCompletionID) {
        guard.enter();
        try {
            return TapiJni.lineUncompleteCall(provider, hLine, dwCompletionID);
        } finally {
            guard.exit();
        }
    }
}
