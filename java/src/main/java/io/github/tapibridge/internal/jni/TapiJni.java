package io.github.tapibridge.internal.jni;

import java.nio.ByteBuffer;

/**
 * The natives of libtapibridge ({@code native/jni/tapijni.c}) for the provider, native memory and
 * TAPI: a static, one-to-one mirror of the C functions; the simulator's control functions are in
 * {@code TapisimJni}. {@code provider} is the handle from {@link #openProvider} (a slot of the
 * C call guard, {@code native/jni/guard.h}, not an address);
 * handles and {@code DWORD}s are {@code int}, pointers and {@code DWORD_PTR}s are {@code long}
 * ({@code 0} = {@code NULL}), {@code LPCWSTR} is a {@code String} ({@code null} = {@code NULL}).
 * Results are the C {@code LONG}. C throws only for misuse: a closed, unknown or {@code 0}
 * provider (IllegalStateException), a {@code 0} address for memory access or a string over 1024 UTF-16
 * units or containing U+0000 (IllegalArgumentException), or bad array bounds; and the call
 * control and the transfer and digits natives throw UnsupportedOperationException if the
 * provider lacks their group.
 *
 * <p>Every native that takes a provider runs inside the C call guard: {@link #closeProvider}
 * waits for those running and refuses the later ones, so no call reaches a freed provider. It
 * costs no locked instruction per call (see {@code guard.h}). Nothing here checks that an address
 * is still allocated: that is {@link JniBackend}'s job. Load the library with
 * {@link io.github.tapibridge.internal.NativeLibraries#loadBridge()} first.
 */
public final class TapiJni {

    /**
     * The ABI version of these declarations and of {@code TapisimJni}'s; the library's
     * ({@code TAPIBRIDGE_ABI_VERSION}) must be equal. Bump both when a native of either class is
     * added, removed or changes meaning.
     */
    public static final int ABI_VERSION = 13;

    private TapiJni() {
    }

    /**
     * The library's {@code TAPIBRIDGE_ABI_VERSION}.
     *
     * @return the version the library was built with
     */
    public static native int abiVersion();

    // ---- provider -----------------------------------------------------------------------

    /**
     * Loads a TAPI provider library by path; UnsatisfiedLinkError if it fails or lacks a TAPI
     * function. Pinned: the library stays mapped for the life of the process; unpinned (a private
     * copy of the simulator): the last {@link #closeProvider} of it unmaps it.
     */
    static native long openProvider(String path, boolean pinned);

    /** Loads the system {@code tapi32.dll} from System32 (Windows); else UnsupportedOperationException. */
    static native long openSystemProvider();

    /**
     * Frees the provider once the calls running through it have returned (it waits for them);
     * from the moment it starts, every native given this handle throws IllegalStateException, as
     * does closing it again. A pinned library stays loaded. The handle is not an address: natives
     * refuse a closed or unknown one instead of following it. Must not be called from inside a
     * native of this provider (nothing calls back into Java, so it cannot be).
     */
    static native void closeProvider(long provider);

    /** Threads inside a native of the provider now; for tests that must know a call is running. */
    static native int callsInFlight(long provider);

    // ---- native memory ------------------------------------------------------------------

    /** Zeroed memory, counted in {@link #liveAllocations} of the provider. */
    static native long allocate(long provider, long size);

    static native void free(long provider, long address);

    static native long liveAllocations(long provider);

    static native int getInt(long address);

    static native void putInt(long address, int value);

    static native void read(long address, byte[] dst, int offset, int length);

    static native void write(long address, byte[] src, int offset, int length);

    /** A direct buffer over the memory, in big-endian (the JNI default) order. */
    static native ByteBuffer view(long address, int size);

    // ---- TAPI ---------------------------------------------------------------------------

    static native int lineInitializeExW(long provider, long lphLineApp, long hInstance,
                                        String lpszFriendlyAppName, long lpdwNumDevs,
                                        long lpdwAPIVersion, long lpLineInitializeExParams);

    static native int lineShutdown(long provider, int hLineApp);

    static native int lineNegotiateAPIVersion(long provider, int hLineApp, int dwDeviceID,
                                              int dwAPILowVersion, int dwAPIHighVersion,
                                              long lpdwAPIVersion, long lpExtensionID);

    static native int lineGetDevCapsW(long provider, int hLineApp, int dwDeviceID,
                                      int dwAPIVersion, int dwExtVersion, long lpLineDevCaps);

    static native int lineGetAddressCapsW(long provider, int hLineApp, int dwDeviceID,
                                          int dwAddressID, int dwAPIVersion, int dwExtVersion,
                                          long lpAddressCaps);

    static native int lineOpenW(long provider, int hLineApp, int dwDeviceID, long lphLine,
                                int dwAPIVersion, int dwExtVersion, long dwCallbackInstance,
                                int dwPrivileges, int dwMediaModes, long lpCallParams);

    static native int lineClose(long provider, int hLine);

    static native int lineSetStatusMessages(long provider, int hLine, int dwLineStates,
                                            int dwAddressStates);

    static native int lineGetLineDevStatusW(long provider, int hLine, long lpLineDevStatus);

    static native int lineMakeCallW(long provider, int hLine, long lphCall, String lpszDestAddress,
                                    int dwCountryCode, long lpCallParams);

    static native int lineAnswer(long provider, int hCall, long lpsUserUserInfo, int dwSize);

    static native int lineDrop(long provider, int hCall, long lpsUserUserInfo, int dwSize);

    static native int lineDeallocateCall(long provider, int hCall);

    static native int lineGetCallInfoW(long provider, int hCall, long lpCallInfo);

    static native int lineGetCallStatus(long provider, int hCall, long lpCallStatus);

    /** Blocks up to {@code dwTimeout} ms ({@code -1} = INFINITE); holds no JNI lock meanwhile. */
    static native int lineGetMessage(long provider, int hLineApp, long lpMessage, int dwTimeout);

    /**
     * Blocks once, as {@link #lineGetMessage}, for the first message, then takes the messages
     * already queued into the following {@code LINEMESSAGE}s, up to {@code count}; returns how
     * many (at least 1) or the first call's {@code LINEERR_}. With {@code spinMicros} > 0 and
     * INFINITE, spins on the simulator's activity word first (as TapiBackend's
     * {@code lineGetMessages}). Throws IllegalArgumentException for a count below 1 or a
     * negative spin.
     */
    static native int lineGetMessages(long provider, int hLineApp, long lpMessages, int count,
                                      int dwTimeout, int spinMicros);

    static native int lineCompleteCall(long provider, int hCall, long lpdwCompletionID,
                                       int dwCompletionMode, int dwMessageID);

    static native int lineUncompleteCall(long provider, int hLine, int dwCompletionID);

    // ---- call control: UnsupportedOperationException if the provider does not export all four

    static native int lineDialW(long provider, int hCall, String lpszDestAddress, int dwCountryCode);

    static native int lineHold(long provider, int hCall);

    static native int lineUnhold(long provider, int hCall);

    static native int lineSwapHold(long provider, int hActiveCall, int hHeldCall);

    // ---- transfer and digits: UnsupportedOperationException if the provider does not export all
    // four (a group of its own, see native/jni/provider.h)

    static native int lineRedirectW(long provider, int hCall, String lpszDestAddress, int dwCountryCode);

    static native int lineBlindTransferW(long provider, int hCall, String lpszDestAddress, int dwCountryCode);

    static native int lineGenerateDigitsW(long provider, int hCall, int dwDigitMode, String lpszDigits,
            int dwDuration);

    static native int lineMonitorDigits(long provider, int hCall, int dwDigitModes);

    static native int lineGetAddressStatusW(long provider, int hLine, int dwAddressID,
                                            long lpAddressStatus);

    // ---- consultation transfer and conference: UnsupportedOperationException if the provider
    // does not export all four (a third group, see native/jni/provider.h)

    static native int lineSetupTransferW(long provider, int hCall, long lphConsultCall, long lpCallParams);

    static native int lineCompleteTransfer(long provider, int hCall, int hConsultCall, long lphConfCall,
            int dwTransferMode);

    static native int lineAddToConference(long provider, int hConfCall, int hConsultCall);

    static native int lineRemoveFromConference(long provider, int hCall);
}
