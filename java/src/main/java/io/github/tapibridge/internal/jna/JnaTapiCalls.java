package io.github.tapibridge.internal.jna;

import com.sun.jna.Pointer;
import io.github.tapibridge.internal.AppEvents;
import io.github.tapibridge.internal.Layout;
import io.github.tapibridge.internal.TapiConstants;

/**
 * The TAPI functions of {@link JnaBackend} that every provider has, each inside the guard of
 * {@link JnaMemory}, and the event pump's drain with its spin. {@link JnaCallControl} adds the
 * optional call control functions, {@link JnaBackend} how a provider is opened, the
 * simulator's control functions and the probes of the C side.
 */
abstract class JnaTapiCalls extends JnaMemory {

    final TapiFunctions tapi;
    final SimFunctions sim;
    /** What the event pump's drain spins on, or null (it then blocks at once, or uses events). */
    private final ActivityFunctions activity;
    /** The applications' USEEVENT events the drain spins on where activity is null, or null. */
    private final AppEvents events;
    /** {@code lineGetMessage} of the provider, for {@link AppEvents#take}. */
    private final AppEvents.Taker taker;

    /**
     * @param waits what the drain polls the applications' events with, or null: then it spins on
     *        the library's activity word, if it has one; with waits, never on that word (the
     *        tests of the event spin drop it, as the C tests do)
     */
    JnaTapiCalls(DirectBinding binding, String description, AppEvents.Waits waits) {
        super(description);
        this.tapi = binding.tapi;
        this.sim = binding.sim;
        this.activity = waits == null ? binding.activity : null;
        this.events = waits == null ? null : new AppEvents(waits);
        this.taker = tapi::lineGetMessage;
    }

    // ---- TAPI ----------------------------------------------------------------------------

    @Override
    public int lineInitializeExW(long lphLineApp, long hInstance, String name, long lpdwNumDevs,
                                 long lpdwAPIVersion, long lpParams) {
        enter();
        try {
            int r = tapi.lineInitializeExW(lphLineApp, hInstance, 0, wide(name, "lpszFriendlyAppName"),
                    lpdwNumDevs, lpdwAPIVersion, lpParams);
            if (r == 0 && events != null && lphLineApp != 0 && lpParams != 0) {
                noteEvent(new Pointer(lphLineApp).getInt(0), new Pointer(lpParams));
            }
            return r;
        } finally {
            exit();
        }
    }

    /** Records the event of an application initialized with these parameters, if it has one. */
    private void noteEvent(int hLineApp, Pointer params) {
        int totalSize = params.getInt(Layout.TOTAL_SIZE);
        if (AppEvents.coversEvent(totalSize)) {
            events.initialized(hLineApp, totalSize, params.getInt(Layout.LINEINITIALIZEEXPARAMS_OPTIONS),
                    params.getLong(Layout.LINEINITIALIZEEXPARAMS_HANDLES));
        }
    }

    /** Then forgets the application's event, whatever lineShutdown returned. */
    @Override
    public int lineShutdown(int hLineApp) {
        enter();
        try {
            return tapi.lineShutdown(hLineApp);
        } finally {
            try {
                if (events != null) {
                    events.shutdown(hLineApp);
                }
            } finally {
                exit();
            }
        }
    }

    @Override
    public int lineNegotiateAPIVersion(int hLineApp, int dev, int lo, int hi, long lpdwAPIVersion, long lpExt) {
        enter();
        try {
            return tapi.lineNegotiateAPIVersion(hLineApp, dev, lo, hi, lpdwAPIVersion, lpExt);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetDevCapsW(int hLineApp, int dev, int version, int ext, long lpLineDevCaps) {
        enter();
        try {
            return tapi.lineGetDevCapsW(hLineApp, dev, version, ext, lpLineDevCaps);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetAddressCapsW(int hLineApp, int dev, int address, int version, int ext, long lpAddressCaps) {
        enter();
        try {
            return tapi.lineGetAddressCapsW(hLineApp, dev, address, version, ext, lpAddressCaps);
        } finally {
            exit();
        }
    }

    @Override
    public int lineOpenW(int hLineApp, int dev, long lphLine, int version, int ext, long instance,
                         int privileges, int mediaModes, long lpCallParams) {
        enter();
        try {
            return tapi.lineOpenW(hLineApp, dev, lphLine, version, ext, instance, privileges, mediaModes, lpCallParams);
        } finally {
            exit();
        }
    }

    @Override
    public int lineClose(int hLine) {
        enter();
        try {
            return tapi.lineClose(hLine);
        } finally {
            exit();
        }
    }

    @Override
    public int lineSetStatusMessages(int hLine, int lineStates, int addressStates) {
        enter();
        try {
            return tapi.lineSetStatusMessages(hLine, lineStates, addressStates);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetLineDevStatusW(int hLine, long lpLineDevStatus) {
        enter();
        try {
            return tapi.lineGetLineDevStatusW(hLine, lpLineDevStatus);
        } finally {
            exit();
        }
    }

    @Override
    public int lineMakeCallW(int hLine, long lphCall, String dest, int countryCode, long lpCallParams) {
        enter();
        try {
            return tapi.lineMakeCallW(hLine, lphCall, wide(dest, "lpszDestAddress"), countryCode, lpCallParams);
        } finally {
            exit();
        }
    }

    @Override
    public int lineAnswer(int hCall, long lpsUserUserInfo, int dwSize) {
        enter();
        try {
            return tapi.lineAnswer(hCall, lpsUserUserInfo, dwSize);
        } finally {
            exit();
        }
    }

    @Override
    public int lineDrop(int hCall, long lpsUserUserInfo, int dwSize) {
        enter();
        try {
            return tapi.lineDrop(hCall, lpsUserUserInfo, dwSize);
        } finally {
            exit();
        }
    }

    @Override
    public int lineDeallocateCall(int hCall) {
        enter();
        try {
            return tapi.lineDeallocateCall(hCall);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetCallInfoW(int hCall, long lpCallInfo) {
        enter();
        try {
            return tapi.lineGetCallInfoW(hCall, lpCallInfo);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetCallStatus(int hCall, long lpCallStatus) {
        enter();
        try {
            return tapi.lineGetCallStatus(hCall, lpCallStatus);
        } finally {
            exit();
        }
    }

    @Override
    public int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout) {
        enter();
        try {
            return tapi.lineGetMessage(hLineApp, lpMessage, dwTimeout);
        } finally {
            exit();
        }
    }

    /**
     * As the interface's default, inside one entry of the guard for the whole batch, and with
     * the JNI bridge's spin ({@code tb_get_messages}) run here in Java: on
     * {@code tapisim_activity} where the library exports it, else on Windows on the
     * application's USEEVENT event ({@link AppEvents}).
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
        enter();
        try {
            int r;
            if (spinMicros > 0 && dwTimeout == TapiConstants.INFINITE && activity != null) {
                r = spinThenGet(hLineApp, lpMessages, spinMicros);
            } else if (events != null) {
                r = events.take(taker, hLineApp, lpMessages, dwTimeout, spinMicros);
            } else {
                r = tapi.lineGetMessage(hLineApp, lpMessages, dwTimeout);
            }
            if (r != 0) {
                return r;
            }
            int n = 1;
            while (n < count && tapi.lineGetMessage(hLineApp, lpMessages + (long) n * Layout.LINEMESSAGE_SIZE, 0) == 0) {
                n++;
            }
            return n;
        } finally {
            exit();
        }
    }

    /** Takes with timeout 0 while the activity word changes, for up to spinMicros; then blocks. */
    private int spinThenGet(int hLineApp, long lpMessage, int spinMicros) {
        long deadline = 0;
        for (;;) {
            int seen = activity.tapisim_activity(); // before the take: no change is missed
            int r = tapi.lineGetMessage(hLineApp, lpMessage, 0);
            if (r != TapiConstants.LINEERR_OPERATIONFAILED) {
                return r; // a message, or an error
            }
            if (deadline == 0) {
                deadline = System.nanoTime() + spinMicros * 1000L;
            }
            while (activity.tapisim_activity() == seen) {
                if (System.nanoTime() - deadline >= 0) {
                    return tapi.lineGetMessage(hLineApp, lpMessage, TapiConstants.INFINITE);
                }
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public int lineCompleteCall(int hCall, long lpdwCompletionID, int mode, int messageId) {
        enter();
        try {
            return tapi.lineCompleteCall(hCall, lpdwCompletionID, mode, messageId);
        } finally {
            exit();
        }
    }

    @Override
    public int lineUncompleteCall(int hLine, int completionId) {
        enter();
        try {
            return tapi.lineUncompleteCall(hLine, completionId);
        } finally {
            exit();
        }
    }

    /**
     * Waits for the calls in progress, then refuses every call. Idempotent: the first close runs
     * {@link #released()}.
     */
    @Override
    public void close() {
        if (guard.close()) {
            guard.awaitQuiescent();
            try {
                if (events != null) {
                    events.clear(); // the duplicates of applications never shut down
                }
            } finally {
                released();
            }
        }
    }

    /** Run once by the first {@link #close()}, after the last call through this backend. */
    void released() {
    }
}
