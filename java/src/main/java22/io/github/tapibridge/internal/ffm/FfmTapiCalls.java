package io.github.tapibridge.internal.ffm;

import io.github.tapibridge.internal.AppEvents;
import io.github.tapibridge.internal.GuardRecord;
import io.github.tapibridge.internal.Layout;

/**
 * The TAPI functions of {@link FfmBackend} that every provider has, each a downcall of
 * {@link Downcalls} inside the backend's Java guard, except on the bundled simulator (and its
 * isolated copies), where {@code lineGetCallStatus}, {@code lineCompleteCall},
 * {@code lineUncompleteCall}, {@code lineGetMessage} and {@code lineGetMessages} call
 * libtapibridge's wrappers ({@link FfmDirect}) with no Java guard: the wrappers enter the C guard
 * of the bridge, which costs no fence. Those downcalls are critical except
 * {@code lineGetMessage} with a timeout and the batch, which block ({@link Downcalls#CRITICAL}).
 */
abstract class FfmTapiCalls extends FfmMemory {

    /** The provider's handle in libtapibridge's C guard ({@link FfmDirect}), or 0: Java guard only. */
    final long direct;
    /**
     * The applications' USEEVENT events the drain spins on where {@link #direct} is 0 (on Windows:
     * {@code tapi32.dll}, a library opened by path), or null: it blocks at once.
     */
    private final AppEvents events;
    /** {@code lineGetMessage} inside the caller's guard entry, for {@link AppEvents#take}. */
    private final AppEvents.Taker taker = this::getMessage;

    /**
     * @param waits what the drain polls the applications' events with where the library's hot
     *        functions are not called through libtapibridge, or null
     */
    FfmTapiCalls(FfmLibrary library, String description, AppEvents.Waits waits) {
        super(library, description);
        this.direct = library.critical ? FfmDirect.open(library.path, library.pinned) : 0;
        this.events = direct == 0 && waits != null ? new AppEvents(waits) : null;
    }

    /** Closes the duplicates of the events of applications never shut down: for released(). */
    final void forgetEvents() {
        if (events != null) {
            events.clear();
        }
    }

    /**
     * A wrapper's result, or what its own results mean: the C guard refused the handle once
     * {@link #close()} began (IllegalStateException, as the Java guard's), or it could not record
     * the thread (OutOfMemoryError).
     */
    private int answer(int result) {
        if (FfmDirect.refused(result)) {
            throw refusal(result);
        }
        return result;
    }

    private RuntimeException refusal(int result) {
        if (result == FfmDirect.NOMEM) {
            throw new OutOfMemoryError("the call guard's record of this thread");
        }
        if (result == FfmDirect.CLOSED) {
            guard.ensureOpen(); // closed by now: the Java guard's exception
            return new IllegalStateException("FFM backend (" + description + ") is closed");
        }
        return new IllegalArgumentException("refused by libtapibridge: " + Integer.toHexString(result));
    }

    // ---- TAPI ----------------------------------------------------------------------------

    @Override
    public int lineInitializeExW(long lphLineApp, long hInstance, String lpszFriendlyAppName,
                                 long lpdwNumDevs, long lpdwAPIVersion, long lpLineInitializeExParams) {
        GuardRecord held = guard.enter();
        try {
            long name = wide(lpszFriendlyAppName, "lpszFriendlyAppName", 0);
            int r = (int) Downcalls.LINE_INITIALIZE_EX_W.invokeExact(library.lineInitializeExW, lphLineApp, hInstance,
                    0L, name, lpdwNumDevs, lpdwAPIVersion, lpLineInitializeExParams);
            if (r == 0 && events != null && lphLineApp != 0 && lpLineInitializeExParams != 0) {
                noteEvent(ALL.get(INT, lphLineApp), lpLineInitializeExParams);
            }
            return r;
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    /** Records the event of an application initialized with these parameters, if it has one. */
    private void noteEvent(int hLineApp, long params) {
        int totalSize = ALL.get(INT, params + Layout.TOTAL_SIZE);
        if (AppEvents.coversEvent(totalSize)) {
            events.initialized(hLineApp, totalSize, ALL.get(INT, params + Layout.LINEINITIALIZEEXPARAMS_OPTIONS),
                    ALL.get(LONG, params + Layout.LINEINITIALIZEEXPARAMS_HANDLES));
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

    /** On the simulator, critical only with {@code dwTimeout == 0}: with a timeout it blocks. */
    @Override
    public int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout) {
        if (direct != 0) {
            return answer(FfmDirect.lineGetMessage(direct, hLineApp, lpMessage, dwTimeout));
        }
        GuardRecord held = guard.enter();
        try {
            return getMessage(hLineApp, lpMessage, dwTimeout);
        } finally {
            guard.exit(held);
        }
    }

    /**
     * As the interface's default, inside one entry of the guard for the whole batch; on the
     * simulator one plain downcall of libtapibridge's batch, the JNI bridge's loop and spin. On
     * other libraries the first take spins, on Windows, on the application's USEEVENT event
     * ({@link AppEvents}: {@code tapi32.dll}); elsewhere it blocks at once.
     */
    @Override
    public int lineGetMessages(int hLineApp, long lpMessages, int count, int dwTimeout,
                               int spinMicros) {
        if (count < 1) {
            throw new IllegalArgumentException("count: " + count + ", at least 1");
        }
        if (spinMicros < 0) {
            throw new IllegalArgumentException("spinMicros: " + spinMicros + ", at least 0");
        }
        if (direct != 0) {
            return answer(FfmDirect.lineGetMessages(direct, hLineApp, lpMessages, count, dwTimeout,
                    spinMicros));
        }
        GuardRecord held = guard.enter();
        try {
            int r = events != null
                    ? events.take(taker, hLineApp, lpMessages, dwTimeout, spinMicros)
                    : getMessage(hLineApp, lpMessages, dwTimeout);
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
            return (int) Downcalls.INT_PTR_INT.invokeExact(library.lineGetMessage, hLineApp, lpMessage, dwTimeout);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** Then forgets the application's event, whatever lineShutdown returned. */
    @Override
    public int lineShutdown(int hLineApp) {
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT.invokeExact(library.lineShutdown, hLineApp);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            try {
                if (events != null) {
                    events.shutdown(hLineApp);
                }
            } finally {
                guard.exit(held);
            }
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
        if (direct != 0) {
            return answer(FfmDirect.lineGetCallStatus(direct, hCall, lpCallStatus));
        }
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT_PTR.invokeExact(library.lineGetCallStatus, hCall, lpCallStatus);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineCompleteCall(int hCall, long lpdwCompletionID, int dwCompletionMode, int dwMessageID) {
        if (direct != 0) {
            return answer(FfmDirect.lineCompleteCall(direct, hCall, lpdwCompletionID, dwCompletionMode, dwMessageID));
        }
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.LINE_COMPLETE_CALL.invokeExact(library.lineCompleteCall, hCall, lpdwCompletionID,
                    dwCompletionMode, dwMessageID);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int lineUncompleteCall(int hLine, int dwCompletionID) {
        if (direct != 0) {
            return answer(FfmDirect.lineUncompleteCall(direct, hLine, dwCompletionID));
        }
        GuardRecord held = guard.enter();
        try {
            return (int) Downcalls.INT_INT.invokeExact(library.lineUncompleteCall, hLine, dwCompletionID);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }
}
