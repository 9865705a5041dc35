package io.github.tapibridge;

import java.util.Set;

/**
 * Something TAPI reported about a line, a call or a completion: one record per kind of message.
 * Listeners receive them with {@link Line#addListener(java.util.function.Consumer)} (events of
 * that line) or {@link Tapi#addListener(java.util.function.Consumer)} (every event).
 *
 * <p>The hierarchy is sealed, so a {@code switch} over the records (or a chain of
 * {@code instanceof} patterns) can cover every case:
 * <pre>{@code
 * line.addListener(event -> {
 *     if (event instanceof LineEvent.NewCall n && n.privilege() == CallPrivilege.OWNER) {
 *         n.call().answer();
 *     }
 * });
 * }</pre>
 *
 * <p><b>Order and threads.</b> Events are delivered in the order TAPI queued the messages, one at
 * a time, on the event pump thread, or on the configured
 * {@linkplain TapiConfig.Builder#listenerExecutor listener executor}. By the time a listener sees
 * an event, the library has already applied it: the futures it completes are complete, and the
 * {@link Call} and {@link CallCompletion} objects it names are up to date. A listener may call any
 * method of the API, but must not block on a future on the pump thread (it would throw
 * IllegalStateException instead of deadlocking). A listener that throws is logged and does not
 * affect other listeners or later events.
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/line-messages">Line messages
 *      (Microsoft)</a>
 */
public sealed interface LineEvent {

    /**
     * A call changed state ({@code LINE_CALLSTATE}).
     *
     * @param line the line of the call
     * @param call the call
     * @param state {@code dwParam1}: the new state
     * @param stateMode {@code dwParam2}: the state's mode, for example a {@code LINEBUSYMODE_}
     *        value for {@link CallState#BUSY} or a {@code LINEDISCONNECTMODE_} value for
     *        {@link CallState#DISCONNECTED}; the raw mask, decoded by {@link #stateModeSet()}.
     *        For {@link CallState#CONFERENCED} it is the handle of the conference call
     *        ({@code hConfCall}, this application's handle), as {@link Call#currentConference()}
     *        resolves it
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/line-callstate">LINE_CALLSTATE
     *      (Microsoft)</a>
     */
    record CallStateChanged(Line line, Call call, CallState state, int stateMode)
            implements LineEvent {

        /**
         * Returns the mode of the state, decoded for that state ({@link #stateMode()} is the raw
         * mask): for example {@code [DisconnectMode.BUSY]} in {@link CallState#DISCONNECTED}.
         *
         * @return an unmodifiable set, empty for a state without a mode
         * @see CallStateMode#setOf(CallState, int)
         */
        public Set<CallStateMode> stateModeSet() {
            return CallStateMode.setOf(state, stateMode);
        }
    }

    /**
     * Information about a call changed ({@code LINE_CALLINFO}); {@link Call#info()} returns the new
     * values.
     *
     * @param line the line of the call
     * @param call the call
     * @param infoStates {@code dwParam1}: the {@code LINECALLINFOSTATE_} bits of what changed
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/line-callinfo">LINE_CALLINFO
     *      (Microsoft)</a>
     */
    record CallInfoChanged(Line line, Call call, int infoStates) implements LineEvent {

        /**
         * Tells whether {@code dwReason} changed ({@code LINECALLINFOSTATE_REASON}).
         *
         * @return true if the reason changed
         */
        public boolean reasonChanged() {
            return (infoStates & 0x00000200) != 0;
        }

        /**
         * Tells whether {@code dwCompletionID} changed ({@code LINECALLINFOSTATE_COMPLETIONID}).
         *
         * @return true if the completion ID changed
         */
        public boolean completionIdChanged() {
            return (infoStates & 0x00000400) != 0;
        }
    }

    /**
     * The application was given a handle for a call it did not make: an incoming call, the recall
     * of a completion, or (with monitor privilege) a call of another application
     * ({@code LINE_APPNEWCALL}, or the first {@code LINE_CALLSTATE} of the handle before API 2.0).
     * A {@link CallStateChanged} follows.
     *
     * @param line the line of the call
     * @param call the new call
     * @param addressId the address of the call
     * @param privilege this application's privilege on the call
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/line-appnewcall">LINE_APPNEWCALL
     *      (Microsoft)</a>
     */
    record NewCall(Line line, Call call, int addressId, CallPrivilege privilege)
            implements LineEvent {
    }

    /**
     * An asynchronous request completed ({@code LINE_REPLY}). The request's future is already
     * complete when listeners see this.
     *
     * @param line the line the request was made on, or null if the line is no longer known
     * @param requestId {@code dwParam1}: the request ID the TAPI function returned
     * @param result {@code dwParam2}: 0, or a negative {@code LINEERR_} code
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/line-reply">LINE_REPLY
     *      (Microsoft)</a>
     */
    record Reply(Line line, int requestId, int result) implements LineEvent {

        /**
         * Tells whether the request succeeded.
         *
         * @return true if {@link #result()} is 0
         */
        public boolean isSuccess() {
            return result == 0;
        }

        /**
         * Returns the error of a failed request.
         *
         * @return the error, or null if the request succeeded
         */
        public LineError error() {
            return result == 0 ? null : LineError.of(result);
        }
    }

    /**
     * The state of the line device changed ({@code LINE_LINEDEVSTATE}), for the status messages
     * enabled in {@link LineOptions}. A {@link LineDeviceState#COMPLCANCEL} is reported as
     * {@link CompletionCancelled} instead.
     *
     * @param line the line
     * @param states {@code dwParam1}: what changed
     * @param param2 {@code dwParam2}: for {@link LineDeviceState#RINGING} the ring mode
     * @param param3 {@code dwParam3}: for {@link LineDeviceState#RINGING} the ring count
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/line-linedevstate">
     *      LINE_LINEDEVSTATE (Microsoft)</a>
     */
    record LineDeviceStateChanged(Line line, Set<LineDeviceState> states, long param2, long param3)
            implements LineEvent {
    }

    /**
     * The switch cancelled a call completion on its own ({@code LINE_LINEDEVSTATE} with
     * {@link LineDeviceState#COMPLCANCEL}; needs API 1.4 and that status message enabled, as
     * {@link LineOptions} does by default). The completion is already marked
     * {@linkplain CallCompletion#isCancelledBySwitch() cancelled by the switch}.
     *
     * @param line the line
     * @param completionId {@code dwParam2}: the ID of the cancelled completion, now invalid
     * @param completion the completion, or null if this application did not request it (or
     *        requested it on another line)
     */
    record CompletionCancelled(Line line, int completionId, CallCompletion completion)
            implements LineEvent {
    }

    /**
     * A call completion was carried out: for {@link CallCompletionMode#CALLBACK} the recall is
     * offered, for {@link CallCompletionMode#CAMPON} the original call now rings through.
     * {@link CallCompletion#whenFired()} is already complete with {@code call}. Not sent for
     * {@link CallCompletionMode#INTRUDE} and {@link CallCompletionMode#MESSAGE}, which are carried
     * out on acceptance (see {@link CallCompletion} for this and for one rare race).
     *
     * @param line the line the call is on
     * @param completion the completion
     * @param call the recall, or the original call
     */
    record CompletionFired(Line line, CallCompletion completion, Call call) implements LineEvent {
    }

    /**
     * A digit generation on a call ended ({@code LINE_GENERATE}), the one
     * {@link Call#generateDigits(String, DigitMode, java.time.Duration)} started: all its digits
     * were sent ({@link #done()}), or it was cancelled, by a new generation on the call, by
     * {@link Call#cancelDigits()} or by the call leaving {@link CallState#CONNECTED}.
     *
     * @param line the line of the call
     * @param call the call
     * @param done {@code dwParam1}: true for {@code LINEGENERATETERM_DONE}, false for
     *        {@code LINEGENERATETERM_CANCEL}
     * @param tick {@code dwParam3}: the tick count in ms when it ended (0 below TAPI 2.0; the
     *        simulator's virtual clock)
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/line-generate">LINE_GENERATE
     *      (Microsoft)</a>
     */
    record DigitsGenerated(Line line, Call call, boolean done, int tick) implements LineEvent {
    }

    /**
     * The far end of a call sent a digit that this application monitors
     * ({@code LINE_MONITORDIGITS}, after {@link Call#monitorDigits(Set)}).
     *
     * @param line the line of the call
     * @param call the call
     * @param digit {@code dwParam1}: the digit ({@code 0}-{@code 9}, {@code A}-{@code D},
     *        {@code *}, {@code #})
     * @param mode {@code dwParam2}: how it was detected; {@link DigitMode#DTMF} as the tone
     *        starts, {@link DigitMode#DTMFEND} as it ends, {@link DigitMode#PULSE}
     * @param tick {@code dwParam3}: the tick count in ms (0 below TAPI 2.0; the simulator's
     *        virtual clock)
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/line-monitordigits">
     *      LINE_MONITORDIGITS (Microsoft)</a>
     */
    record DigitReceived(Line line, Call call, char digit, DigitMode mode, int tick)
            implements LineEvent {
    }

    /**
     * The line was closed by the provider ({@code LINE_CLOSE}), or the application was shut down
     * by the provider (for example a {@linkplain io.github.tapibridge.sim.Simulator#reset()
     * simulator reset}). The line and its calls are closed. Not sent for {@link Line#close()}.
     *
     * @param line the line
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/line-close">LINE_CLOSE
     *      (Microsoft)</a>
     */
    record LineClosed(Line line) implements LineEvent {
    }

    /**
     * A line device was added ({@code LINE_CREATE}); {@link Tapi#lineCount()} includes it.
     * Delivered to {@link Tapi} listeners only.
     *
     * @param deviceId the new device ID
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/line-create">LINE_CREATE
     *      (Microsoft)</a>
     */
    record DeviceCreated(int deviceId) implements LineEvent {
    }

    /**
     * A line device was removed ({@code LINE_REMOVE}). Delivered to {@link Tapi} listeners only.
     *
     * @param deviceId the removed device ID
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/line-remove">LINE_REMOVE
     *      (Microsoft)</a>
     */
    record DeviceRemoved(int deviceId) implements LineEvent {
    }

    /**
     * A message this library does not decode (for example {@code LINE_ADDRESSSTATE} or
     * {@code LINE_DEVSPECIFIC}), with its raw {@code LINEMESSAGE} fields.
     *
     * @param line the line named by {@code dwCallbackInstance}, or null
     * @param messageId {@code dwMessageID}
     * @param device {@code hDevice}
     * @param param1 {@code dwParam1}
     * @param param2 {@code dwParam2}
     * @param param3 {@code dwParam3}
     */
    record Other(Line line, int messageId, int device, long param1, long param2, long param3)
            implements LineEvent {
    }
}
