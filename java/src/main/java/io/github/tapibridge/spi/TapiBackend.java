package io.github.tapibridge.spi;

import io.github.tapibridge.internal.Layout;
import java.nio.ByteBuffer;

/**
 * The raw TAPI 2.x surface that the public API is built on: the one seam between Java and native
 * code. Each TAPI method mirrors the C function of the same name (the {@code W} entry points),
 * parameter for parameter:
 * <ul>
 *   <li>{@code HLINEAPP}, {@code HLINE}, {@code HCALL} and every {@code DWORD} are {@code int}
 *       (handles are 32-bit on every platform, Win64 included);</li>
 *   <li>{@code DWORD_PTR} is {@code long};</li>
 *   <li>every pointer is a {@code long} native address of memory obtained from
 *       {@link #allocate(long)}, or {@code 0} for {@code NULL};</li>
 *   <li>{@code LPCWSTR} parameters are Java strings, passed as NUL-terminated UTF-16
 *       ({@code null} passes {@code NULL});</li>
 *   <li>the result is the function's {@code LONG}: {@code 0}, a positive request ID, or a
 *       negative {@code LINEERR_} code.</li>
 * </ul>
 * A backend is bound to one provider library (the simulator, {@code tapi32.dll}, or another
 * library exporting the TAPI functions) for its whole life.
 *
 * <p>Implementations are thread-safe: TAPI functions may be called from any thread, and
 * {@link #lineGetMessage} blocks only its caller. A backend never throws for a TAPI error; it
 * throws {@link IllegalStateException} after {@link #close()}, and the memory methods throw
 * {@link IllegalArgumentException} for a {@code 0} address. This interface is not for
 * applications: it validates nothing that TAPI itself would reject, and a wrong address can
 * corrupt memory.
 */
public interface TapiBackend extends AutoCloseable {

    /** {@code "JNI"}, {@code "JNA"} or {@code "FFM"}. */
    String name();

    /** A description of the provider library this backend calls, for messages. */
    String providerDescription();

    // ---- native memory -------------------------------------------------------------------

    /** Allocates {@code size} bytes of zeroed native memory; never returns 0. */
    long allocate(long size);

    /** Frees memory from {@link #allocate(long)}; {@code 0} is ignored. */
    void free(long address);

    /** Number of blocks allocated and not yet freed through this backend's native side. */
    long liveAllocations();

    int getInt(long address);

    void putInt(long address, int value);

    /** Copies {@code length} bytes from native memory into {@code dst}. */
    void read(long address, byte[] dst, int offset, int length);

    /** Copies {@code length} bytes of {@code src} into native memory. */
    void write(long address, byte[] src, int offset, int length);

    /**
     * A little-endian view of {@code size} bytes at {@code address}; valid until the memory is
     * freed. Used for structures read on hot paths (LINEMESSAGE) without a copy.
     */
    ByteBuffer view(long address, int size);

    // ---- TAPI ----------------------------------------------------------------------------

    int lineInitializeExW(long lphLineApp, long hInstance, String lpszFriendlyAppName,
                          long lpdwNumDevs, long lpdwAPIVersion, long lpLineInitializeExParams);

    int lineShutdown(int hLineApp);

    int lineNegotiateAPIVersion(int hLineApp, int dwDeviceID, int dwAPILowVersion,
                                int dwAPIHighVersion, long lpdwAPIVersion, long lpExtensionID);

    int lineGetDevCapsW(int hLineApp, int dwDeviceID, int dwAPIVersion, int dwExtVersion,
                        long lpLineDevCaps);

    int lineGetAddressCapsW(int hLineApp, int dwDeviceID, int dwAddressID, int dwAPIVersion,
                            int dwExtVersion, long lpAddressCaps);

    int lineOpenW(int hLineApp, int dwDeviceID, long lphLine, int dwAPIVersion, int dwExtVersion,
                  long dwCallbackInstance, int dwPrivileges, int dwMediaModes, long lpCallParams);

    int lineClose(int hLine);

    int lineSetStatusMessages(int hLine, int dwLineStates, int dwAddressStates);

    int lineGetLineDevStatusW(int hLine, long lpLineDevStatus);

    int lineMakeCallW(int hLine, long lphCall, String lpszDestAddress, int dwCountryCode,
                      long lpCallParams);

    int lineAnswer(int hCall, long lpsUserUserInfo, int dwSize);

    int lineDrop(int hCall, long lpsUserUserInfo, int dwSize);

    int lineDeallocateCall(int hCall);

    int lineGetCallInfoW(int hCall, long lpCallInfo);

    int lineGetCallStatus(int hCall, long lpCallStatus);

    /** Blocks up to {@code dwTimeout} ms ({@code -1} = INFINITE) for the next message. */
    int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout);

    /**
     * Drains a batch of messages: blocks once, as {@link #lineGetMessage}{@code (hLineApp,
     * lpMessages, dwTimeout)}, for the first message, then takes those already queued with
     * timeout 0 into the following {@code LINEMESSAGE}s of the array ({@code sizeof(LINEMESSAGE)}
     * apart: 8 bytes and four pointers), until {@code count} are taken or one such call fails
     * (the queue is empty, or the application was shut down: the next drain reports it). Queue
     * order is kept: element {@code i} was queued before element {@code i + 1}.
     *
     * <p>With {@code spinMicros} above 0 and {@code dwTimeout} INFINITE, the first wait may spin
     * for up to {@code spinMicros} microseconds before it blocks: the event pump asks for it
     * while replies are owed, so that a request made meanwhile reaches it without waking a
     * blocked thread. A backend spins only where there is something to watch without the
     * provider's lock: the bundled simulator's {@code tapisim_activity}, taking again whenever it
     * changes, or on Windows the application's {@code LINEINITIALIZEEXOPTION_USEEVENT} event
     * ({@code tapi32.dll}), taking again while it is signalled; elsewhere it blocks at once. The
     * spin changes when the call returns, never what it returns.
     *
     * <p>This default loops over {@link #lineGetMessage} in Java and does not spin; a backend
     * may do the same in one native crossing.
     *
     * @param hLineApp the application
     * @param lpMessages an array of {@code count} {@code LINEMESSAGE}s
     * @param count the array's length, at least 1
     * @param dwTimeout the first call's timeout in ms ({@code -1} = INFINITE)
     * @param spinMicros the longest spin before blocking, 0 for none
     * @return how many messages were taken (1 to {@code count}), or the first call's negative
     *         {@code LINEERR_} code
     * @throws IllegalArgumentException if {@code count} is below 1 or {@code spinMicros} below 0
     */
    default int lineGetMessages(int hLineApp, long lpMessages, int count, int dwTimeout,
                                int spinMicros) {
        if (count < 1) {
            throw new IllegalArgumentException("count: " + count + ", at least 1");
        }
        if (spinMicros < 0) {
            throw new IllegalArgumentException("spinMicros: " + spinMicros + ", at least 0");
        }
        int r = lineGetMessage(hLineApp, lpMessages, dwTimeout);
        if (r != 0) {
            return r;
        }
        long size = Layout.LINEMESSAGE_SIZE;
        int n = 1;
        while (n < count && lineGetMessage(hLineApp, lpMessages + n * size, 0) == 0) {
            n++;
        }
        return n;
    }

    int lineCompleteCall(int hCall, long lpdwCompletionID, int dwCompletionMode, int dwMessageID);

    int lineUncompleteCall(int hLine, int dwCompletionID);

    // ---- call control beside completion --------------------------------------------------
    // Optional: a provider library may not export them (all four or none are used), and a
    // backend that predates them does not override these defaults. Either way they throw
    // UnsupportedOperationException, naming the function.

    /**
     * {@code lineDialW}: dials on a call in dial tone, or one left dialling by a {@code ;}.
     *
     * @param hCall the call
     * @param lpszDestAddress the dialable address
     * @param dwCountryCode the country code, 0 for the default
     * @return a positive request ID or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineDialW(int hCall, String lpszDestAddress, int dwCountryCode) {
        throw new UnsupportedOperationException("lineDialW: not supported by " + name());
    }

    /**
     * {@code lineHold}.
     *
     * @param hCall the call to put on hold
     * @return a positive request ID or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineHold(int hCall) {
        throw new UnsupportedOperationException("lineHold: not supported by " + name());
    }

    /**
     * {@code lineUnhold}.
     *
     * @param hCall the held call to take back
     * @return a positive request ID or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineUnhold(int hCall) {
        throw new UnsupportedOperationException("lineUnhold: not supported by " + name());
    }

    /**
     * {@code lineSwapHold}.
     *
     * @param hActiveCall the active call, put on hold
     * @param hHeldCall the held call, made active
     * @return a positive request ID or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineSwapHold(int hActiveCall, int hHeldCall) {
        throw new UnsupportedOperationException("lineSwapHold: not supported by " + name());
    }

    // ---- transfer and digits -------------------------------------------------------------
    // Optional as a group of their own (all four or none are used), so that a provider that
    // dials and holds but predates these keeps dialling and holding. Without them, or in a
    // backend that predates them, they throw UnsupportedOperationException, naming the function.

    /**
     * {@code lineRedirectW}: deflects an offered call to another address.
     *
     * @param hCall the offered call
     * @param lpszDestAddress the dialable address to deflect it to
     * @param dwCountryCode the country code, 0 for the default
     * @return a positive request ID or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineRedirectW(int hCall, String lpszDestAddress, int dwCountryCode) {
        throw new UnsupportedOperationException("lineRedirectW: not supported by " + name());
    }

    /**
     * {@code lineBlindTransferW}: transfers a connected call without consultation.
     *
     * @param hCall the connected call
     * @param lpszDestAddress the dialable address to transfer it to
     * @param dwCountryCode the country code, 0 for the default
     * @return a positive request ID or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineBlindTransferW(int hCall, String lpszDestAddress, int dwCountryCode) {
        throw new UnsupportedOperationException("lineBlindTransferW: not supported by " + name());
    }

    /**
     * {@code lineGenerateDigitsW} (synchronous).
     *
     * @param hCall the connected call
     * @param dwDigitMode {@code LINEDIGITMODE_PULSE} or {@code LINEDIGITMODE_DTMF}
     * @param lpszDigits the digits, or null to cancel the generation in progress
     * @param dwDuration the tone duration in ms, 0 for the default
     * @return 0 or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineGenerateDigitsW(int hCall, int dwDigitMode, String lpszDigits, int dwDuration) {
        throw new UnsupportedOperationException("lineGenerateDigitsW: not supported by " + name());
    }

    /**
     * {@code lineMonitorDigits} (synchronous).
     *
     * @param hCall the call
     * @param dwDigitModes {@code LINEDIGITMODE_} bits, 0 to stop
     * @return 0 or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineMonitorDigits(int hCall, int dwDigitModes) {
        throw new UnsupportedOperationException("lineMonitorDigits: not supported by " + name());
    }

    // ---- address status ------------------------------------------------------------------
    // Optional on its own: a provider that predates it still opens.

    /**
     * {@code lineGetAddressStatusW} (synchronous): fills a {@code LINEADDRESSSTATUS}.
     *
     * @param hLine the open line
     * @param dwAddressID the address of the line
     * @param lpAddressStatus the structure, its {@code dwTotalSize} set
     * @return 0 or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineGetAddressStatusW(int hLine, int dwAddressID, long lpAddressStatus) {
        throw new UnsupportedOperationException("lineGetAddressStatusW: not supported by " + name());
    }

    // ---- consultation transfer and conference (optional, a group of their own) -----------

    /**
     * {@code lineSetupTransferW}: puts a connected call on hold pending transfer and creates a
     * consultation call in dial tone.
     *
     * @param hCall the connected call
     * @param lphConsultCall native memory (4 bytes) the provider writes the consultation call's
     *        handle to when the {@code LINE_REPLY} reports success
     * @param lpCallParams a {@code LINECALLPARAMS} for the consultation call, or 0 for none
     * @return a positive request ID or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineSetupTransferW(int hCall, long lphConsultCall, long lpCallParams) {
        throw new UnsupportedOperationException("lineSetupTransferW: not supported by " + name());
    }

    /**
     * {@code lineCompleteTransfer}: joins a held call with its consultation call, as a transfer
     * or a conference.
     *
     * @param hCall the call on hold (pending transfer)
     * @param hConsultCall the consultation call
     * @param lphConfCall in {@code LINETRANSFERMODE_CONFERENCE}, native memory (4 bytes) the
     *        provider writes the conference call's handle to when the {@code LINE_REPLY} reports
     *        success; 0 in {@code LINETRANSFERMODE_TRANSFER}
     * @param dwTransferMode {@code LINETRANSFERMODE_TRANSFER} or {@code LINETRANSFERMODE_CONFERENCE}
     * @return a positive request ID or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineCompleteTransfer(int hCall, int hConsultCall, long lphConfCall, int dwTransferMode) {
        throw new UnsupportedOperationException("lineCompleteTransfer: not supported by " + name());
    }

    /**
     * {@code lineAddToConference}: adds a call to a conference call.
     *
     * @param hConfCall the conference call
     * @param hConsultCall the call to add
     * @return a positive request ID or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineAddToConference(int hConfCall, int hConsultCall) {
        throw new UnsupportedOperationException("lineAddToConference: not supported by " + name());
    }

    /**
     * {@code lineRemoveFromConference}: takes a party out of its conference.
     *
     * @param hCall the party, in {@code LINECALLSTATE_CONFERENCED}
     * @return a positive request ID or a negative {@code LINEERR_} code
     * @throws UnsupportedOperationException if the provider or backend lacks it
     */
    default int lineRemoveFromConference(int hCall) {
        throw new UnsupportedOperationException("lineRemoveFromConference: not supported by " + name());
    }

    // ---- simulator control (tapisim.h) ---------------------------------------------------

    /** Whether the provider exports the {@code tapisim_*} control functions. */
    boolean hasSimulatorControl();

    /* Each of these throws UnsupportedOperationException when hasSimulatorControl() is false. */

    int tapisimReset();

    int tapisimSetStation(String number, int state);

    int tapisimAdvance(int ms);

    int tapisimNow();

    int tapisimFailNext(String function, int lineerr);

    int tapisimSetOption(String name, int value);

    /** The whole trace ({@code tapisim_trace}) as a string. */
    String tapisimTrace();

    int tapisimTraceClear();

    /**
     * {@code tapisim_post_messages}: queues {@code count} synthetic {@code LINE_DEVSPECIFIC}
     * messages for the application (a hook for benchmarks and tests; see {@code tapisim.h}). A
     * backend that predates it, or a simulator that does not export it, throws
     * UnsupportedOperationException.
     *
     * @param hLineApp the application handle
     * @param count how many messages, a {@code DWORD}
     * @return {@code 0} or a negative {@code LINEERR_} code
     */
    default int tapisimPostMessages(int hLineApp, int count) {
        throw new UnsupportedOperationException("tapisim_post_messages: not supported by " + name());
    }

    // ---- topology (tapisim.h); a backend or simulator that predates it throws
    // UnsupportedOperationException. Each returns 0 or a negative LINEERR_ code.

    /** {@code tapisim_set_lines}. */
    default int tapisimSetLines(int count) {
        throw new UnsupportedOperationException("tapisim_set_lines: not supported by " + name());
    }

    /** {@code tapisim_set_line}; {@code name} may be null (the default name). */
    default int tapisimSetLine(int deviceId, String number, String name) {
        throw new UnsupportedOperationException("tapisim_set_line: not supported by " + name());
    }

    /** {@code tapisim_set_completion_caps}. */
    default int tapisimSetCompletionCaps(int deviceId, int maxCompletions, int modes, int conditions) {
        throw new UnsupportedOperationException("tapisim_set_completion_caps: not supported by " + name());
    }

    /** {@code tapisim_set_completion_messages}; {@code texts} '\n'-separated, null for the default. */
    default int tapisimSetCompletionMessages(int deviceId, String texts) {
        throw new UnsupportedOperationException("tapisim_set_completion_messages: not supported by " + name());
    }

    /**
     * {@code tapisim_set_addresses}: the line gets one address per number of {@code numbers}
     * ('\n'-separated, address ID 0 first).
     */
    default int tapisimSetAddresses(int deviceId, String numbers) {
        throw new UnsupportedOperationException("tapisim_set_addresses: not supported by " + name());
    }

    /** {@code tapisim_set_address_completion_caps}. */
    default int tapisimSetAddressCompletionCaps(int deviceId, int addressId, int maxCompletions, int modes,
            int conditions) {
        throw new UnsupportedOperationException("tapisim_set_address_completion_caps: not supported by " + name());
    }

    /** {@code tapisim_set_address_completion_messages}; {@code texts} as for the line's. */
    default int tapisimSetAddressCompletionMessages(int deviceId, int addressId, String texts) {
        throw new UnsupportedOperationException(
                "tapisim_set_address_completion_messages: not supported by " + name());
    }

    /**
     * {@code tapisim_sync}: answers the requests the simulator still owes a reply, then queues
     * one marker message ({@code TAPISIM_LINE_SYNC}, {@code dwParam1} the token) after
     * everything queued for the application (a hook for tests; see {@code tapisim.h}). A backend
     * that predates it, or a simulator that does not export it, throws
     * UnsupportedOperationException.
     *
     * @param hLineApp the application handle
     * @param token the marker's {@code dwParam1}, a {@code DWORD}
     * @return {@code 0} or a negative {@code LINEERR_} code
     */
    default int tapisimSync(int hLineApp, int token) {
        throw new UnsupportedOperationException("tapisim_sync: not supported by " + name());
    }

    // ---- simulator: remote stations driven by the test (tapisim.h) ------------------------

    /**
     * {@code tapisim_remote_call}: the remote station {@code from} calls the local line numbered
     * {@code to}. A backend or simulator without it throws UnsupportedOperationException.
     *
     * @param from the caller's number
     * @param fromName the caller's name, or null
     * @param to the local line's number
     * @return a negative {@code LINEERR_} code, or the {@code dwCallID} of the offered call as an
     *         unsigned 32-bit value (0: the line was busy and nothing was offered)
     */
    default long tapisimRemoteCall(String from, String fromName, String to) {
        throw new UnsupportedOperationException("tapisim_remote_call: not supported by " + name());
    }

    /**
     * {@code tapisim_remote_call_ex}: {@link #tapisimRemoteCall} with {@code TAPISIM_REMOTE_}
     * flags (1 withheld, 2 unavailable); UnsupportedOperationException as above.
     *
     * @param from the caller's number
     * @param fromName the caller's name, or null
     * @param to the local address's number
     * @param flags {@code TAPISIM_REMOTE_} bits
     * @return as {@link #tapisimRemoteCall}
     */
    default long tapisimRemoteCallEx(String from, String fromName, String to, int flags) {
        throw new UnsupportedOperationException("tapisim_remote_call_ex: not supported by " + name());
    }

    /** {@code tapisim_remote_answer}; UnsupportedOperationException as above. */
    default int tapisimRemoteAnswer(String number) {
        throw new UnsupportedOperationException("tapisim_remote_answer: not supported by " + name());
    }

    /** {@code tapisim_remote_hangup}; UnsupportedOperationException as above. */
    default int tapisimRemoteHangup(String number) {
        throw new UnsupportedOperationException("tapisim_remote_hangup: not supported by " + name());
    }

    /**
     * {@code tapisim_remote_digits}: the remote station presses keys; UnsupportedOperationException
     * as above.
     *
     * @param number the remote station, in a CONNECTED call
     * @param digits the keys (0-9, A-D, *, #)
     * @return 0 or a negative {@code LINEERR_} code
     */
    default int tapisimRemoteDigits(String number, String digits) {
        throw new UnsupportedOperationException("tapisim_remote_digits: not supported by " + name());
    }

    /** Releases the provider library. Idempotent; every other method then throws IllegalStateException. */
    @Override
    void close();
}
