package io.github.tapibridge.internal.ffm;

import io.github.tapibridge.internal.GuardRecord;
import io.github.tapibridge.internal.Layout;

/**
 * The TAPI functions of {@link FfmBackend} that every provider has, each a downcall of
 * {@link Downcalls} inside the backend's guard. On the bundled simulator, {@code lineGetCallStatus},
 * {@code lineCompleteCall}, {@code lineUncompleteCall} and {@code lineGetMessage} with
 * {@code dwTimeout == 0} are critical calls ({@link Downcalls#CRITICAL}); every other call, and
 * every call on another provider, is a plain downcall.
 */
abstract class FfmTapiCalls extends FfmMemory {

    FfmTapiCalls(FfmLibrary library, String description) {
        super(library, description);
    }

    // ---- TAPI ----------------------------------------------------------------------------

    @Override
    public int lineInitializeExW(long lphLineApp, long hInstance, String lpszFriendlyAppName,
                                 long lpdwNumDevs, long lpdwAPIVersion, long lpLineInitializeExParams) {
        GuardRecord held = guard.enter();
        try {
            long name = wide(lpszFriendlyAppName, "lpszFriendlyAppName", 0);
            return (int) Downcalls.LINE_INITIALIZE_EX_W.invokeExact(library.lineInitializeExW, lphLineApp, hInstance,
                    0L, name, lpdwNumDevs, lpdwAPIVersion, lpLineInitializeExParams);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineMakeCallW(int hLine, long lphCall, String lpszDestAddress, int dwCountryCode,
                             long lpCallParams) {
        GuardRecord held = guard.enter();
        try {
            long dest = wide(lpszDestAddress, "lpszDestAddress", 0);
            return (int) Downcalls.LINE_MAKE_CALL_W.invokeExact(library.lineMakeCallW, hLine, lphCall, dest,
                    dwCountryCode, lpCallParams);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    /** Critical only with {@code dwTimeout == 0} (on the simulator): with a timeout it blocks. */
    @Override
    public int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout) {
        GuardRecord held = guard.enter();
        try {
            return getMessage(hLineApp, lpMessage, dwTimeout);
        } finally {
            guard.exit(held);
        }
    }

    /**
     * As the interface's default, inside one entry of the guard for the whole batch; the calls
     * after the first do not wait, so they are critical on the simulator.
     */
    @Override
    public int lineGetMessages(int hLineApp, long lpMessages, int count, int dwTimeout) {
        if (count < 1) {
            throw new IllegalArgumentException("count: " + count + ", at least 1");
        }
        GuardRecord held = guard.enter();
        try {
            int r = getMessage(hLineApp, lpMessages, dwTimeout);
            if (r != 0) {
                return r;
            }
            int n = 1;
            while (n < count && getMessage(hLineApp, lpMessages + (long) n * Layout.LINEMESSAGE_SIZE, 0) == 0) {
                n++;
            }
            return n;
        } finally {
            guard.exit(held);
        }
    }

    /** The downcall of {@code lineGetMessage}, inside the caller's guard entry. */
    private int getMessage(int hLineApp, long lpMessage, int dwTimeout) {
        try {
            return critical && dwTimeout == 0
                    ? (int) Downcalls.INT_PTR_INT_CRITICAL.invokeExact(library.lineGetMessage, hLineApp, lpMessage,
                            dwTimeout)
                    : (int) Downcalls.INT_PTR_INT.invokeExact(library.lineGetMessage, hLineApp, lpMessage, dwTimeout);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    @Override
    public int lineShutdown(int hLineApp) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT.invokeExact(library.lineShutdown, hLineApp);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineNegotiateAPIVersion(int hLineApp, int dwDeviceID, int dwAPILowVersion,
            int dwAPIHighVersion, long lpdwAPIVersion, long lpExtensionID) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.LINE_NEGOTIATE_API_VERSION.invokeExact(library.lineNegotiateAPIVersion, hLineApp, dwDeviceID, dwAPILowVersion, dwAPIHighVersion, lpdwAPIVersion, lpExtensionID);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineGetDevCapsW(int hLineApp, int dwDeviceID, int dwAPIVersion, int dwExtVersion,
            long lpLineDevCaps) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.LINE_GET_DEV_CAPS_W.invokeExact(library.lineGetDevCapsW, hLineApp, dwDeviceID, dwAPIVersion, dwExtVersion, lpLineDevCaps);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineGetAddressCapsW(int hLineApp, int dwDeviceID, int dwAddressID, int dwAPIVersion,
            int dwExtVersion, long lpAddressCaps) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.LINE_GET_ADDRESS_CAPS_W.invokeExact(library.lineGetAddressCapsW, hLineApp, dwDeviceID, dwAddressID, dwAPIVersion, dwExtVersion, lpAddressCaps);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineOpenW(int hLineApp, int dwDeviceID, long lphLine, int dwAPIVersion, int dwExtVersion,
            long dwCallbackInstance, int dwPrivileges, int dwMediaModes, long lpCallParams) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.LINE_OPEN_W.invokeExact(library.lineOpenW, hLineApp, dwDeviceID, lphLine, dwAPIVersion, dwExtVersion, dwCallbackInstance,
                    dwPrivileges, dwMediaModes, lpCallParams);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineClose(int hLine) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT.invokeExact(library.lineClose, hLine);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineSetStatusMessages(int hLine, int dwLineStates, int dwAddressStates) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT_INT_INT.invokeExact(library.lineSetStatusMessages, hLine, dwLineStates, dwAddressStates);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineGetLineDevStatusW(int hLine, long lpLineDevStatus) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT_PTR.invokeExact(library.lineGetLineDevStatusW, hLine, lpLineDevStatus);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineAnswer(int hCall, long lpsUserUserInfo, int dwSize) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT_PTR_INT.invokeExact(library.lineAnswer, hCall, lpsUserUserInfo, dwSize);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineDrop(int hCall, long lpsUserUserInfo, int dwSize) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT_PTR_INT.invokeExact(library.lineDrop, hCall, lpsUserUserInfo, dwSize);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineDeallocateCall(int hCall) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT.invokeExact(library.lineDeallocateCall, hCall);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineGetCallInfoW(int hCall, long lpCallInfo) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT_PTR.invokeExact(library.lineGetCallInfoW, hCall, lpCallInfo);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineGetCallStatus(int hCall, long lpCallStatus) {
        GuardRecord held = guard.enter();
        try {
            return critical
                    ? (int) Downcalls.INT_PTR_CRITICAL.invokeExact(library.lineGetCallStatus, hCall, lpCallStatus)
                    : (int) Downcalls.INT_PTR.invokeExact(library.lineGetCallStatus, hCall, lpCallStatus);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineCompleteCall(int hCall, long lpdwCompletionID, int dwCompletionMode, int dwMessageID) {
        GuardRecord held = guard.enter();
        try {
            return critical
                    ? (int) Downcalls.LINE_COMPLETE_CALL_CRITICAL.invokeExact(library.lineCompleteCall, hCall, lpdwCompletionID, dwCompletionMode, dwMessageID)
                    : (int) Downcalls.LINE_COMPLETE_CALL.invokeExact(library.lineCompleteCall, hCall, lpdwCompletionID, dwCompletionMode, dwMessageID);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineUncompleteCall(int hLine, int dwCompletionID) {
        GuardRecord held = guard.enter();
        try {
            return critical
                    ? (int) Downcalls.INT_INT_CRITICAL.invokeExact(library.lineUncompleteCall, hLine, dwCompletionID)
                    : (int) Downcalls.INT_INT.invokeExact(library.lineUncompleteCall, hLine, dwCompletionID);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }
}
