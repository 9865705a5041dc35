package io.github.tapibridge;

import io.github.tapibridge.internal.Message;
import io.github.tapibridge.internal.TapiConstants;
import java.lang.System.Logger.Level;

/**
 * The dispatch of one application's TAPI messages: for each message type ({@code LINE_REPLY},
 * {@code LINE_CALLSTATE}, {@code LINE_CALLINFO}, {@code LINE_APPNEWCALL},
 * {@code LINE_LINEDEVSTATE}, {@code LINE_GENERATE}, {@code LINE_MONITORDIGITS}, {@code LINE_CLOSE}, {@code LINE_CREATE}, {@code LINE_REMOVE}, and
 * the others), what it does to the lines, calls, requests and completions it names, and then the
 * {@link LineEvent} that reports it. The state changes themselves belong to {@link Requests},
 * {@link Completions} and {@link Handles}; this class decides which apply, in which order, and
 * what listeners see.
 *
 * <p>Threading: the event pump thread only, one message at a time, in queue order. No lock and no
 * state of its own. A {@link Message} is the pump's reused instance: nothing here keeps it past
 * {@link #message}.
 */
final class Dispatcher {

    private final Session session;
    private final Queries queries;
    private final Handles handles;
    private final Requests requests;
    private final Completions completions;
    private final Listeners listeners;

    /** @param session the application, whose {@link Session#closeLine} a LINE_CLOSE calls */
    Dispatcher(Session session, Queries queries, Handles handles, Requests requests,
               Completions completions, Listeners listeners) {
        this.session = session;
        this.queries = queries;
        this.handles = handles;
        this.requests = requests;
        this.completions = completions;
        this.listeners = listeners;
    }

    /** Processes one message: what its type does, then the event that reports it. */
    void message(Message m) {
        switch (m.id()) {
            case TapiConstants.LINE_REPLY:
                onReply(m);
                break;
            case TapiConstants.LINE_CALLSTATE:
                onCallState(m);
                break;
            case TapiConstants.LINE_CALLINFO:
                onCallInfo(m);
                break;
            case TapiConstants.LINE_APPNEWCALL:
                onAppNewCall(m);
                break;
            case TapiConstants.LINE_LINEDEVSTATE:
                onLineDevState(m);
                break;
            case TapiConstants.LINE_GENERATE:
            case TapiConstants.LINE_MONITORDIGITS:
                onDigits(m);
                break;
            case TapiConstants.LINE_CLOSE: {
                Line line = handles.line(m.instance());
                if (line != null && line.isOpen()) {
                    session.closeLine(line, false);
                    listeners.emit(line, new LineEvent.LineClosed(line));
                }
                break;
            }
            case TapiConstants.LINE_CREATE:
                queries.deviceCreated((int) m.param1());
                listeners.emit(null, new LineEvent.DeviceCreated((int) m.param1()));
                break;
            case TapiConstants.LINE_REMOVE:
                listeners.emit(null, new LineEvent.DeviceRemoved((int) m.param1()));
                break;
            default:
                Line line = handles.line(m.instance());
                if (listeners.listening(line)) {
                    listeners.emit(line, new LineEvent.Other(line, m.id(), m.device(), m.param1(),
                            m.param2(), m.param3()));
                }
                break;
        }
    }

    /** LINE_REPLY: settles the request ({@link Requests#replied}), then reports the reply. */
    private void onReply(Message m) {
        int requestId = (int) m.param1();
        int result = (int) m.param2();
        requests.replied(requestId, result);
        Line line = handles.line(m.instance());
        if (listeners.listening(line)) {
            listeners.emit(line, new LineEvent.Reply(line, requestId, result));
        }
    }

    /**
     * LINE_CALLSTATE: finds or creates the call (a new one TAPI hands over with a privilege, or our
     * own whose lineMakeCall reply is not processed yet), announces it, records the state, ends
     * the completions bound to a call gone idle, reports the change, for an offered call looks
     * for the completion it is the recall of, and last settles the waits of
     * {@link Call#whenState} (so that they see all of the above done).
     */
    private void onCallState(Message m) {
        Line line = handles.line(m.instance());
        if (line == null || !line.isOpen()) {
            return;
        }
        int hCall = m.device();
        CallState state = CallState.decode((int) m.param1());
        int privilege = (int) m.param3();
        Call call = handles.call(hCall);
        if (call == null) {
            if (privilege != 0) {
                call = handles.callFor(line, hCall, CallPrivilege.decode(privilege));
            } else if (line.makeCallsInFlight.get() > 0 && !handles.recentlyClosed(hCall)) {
                // Our own new call, whose LINE_REPLY is not processed yet (it was dequeued before
                // the request was registered).
                call = handles.callFor(line, hCall, CallPrivilege.OWNER);
                call.announced = true;
            } else {
                // Formatted now: the pump overwrites m with its next message.
                Session.LOG.log(Level.DEBUG, () -> "Ignoring " + m + " for an unknown call");
                return;
            }
        }
        if (privilege != 0 && !call.announced) {
            call.announced = true;
            listeners.emit(line,
                    new LineEvent.NewCall(line, call, 0, CallPrivilege.decode(privilege)));
            Waits.newCall(line, call);
        }
        call.reported(state, (int) m.param2());
        if (state == CallState.IDLE) {
            completions.endBound(call, "the call went idle");
        }
        if (listeners.listening(line)) {
            listeners.emit(line,
                    new LineEvent.CallStateChanged(line, call, state, (int) m.param2()));
        }
        if (state == CallState.OFFERING) {
            checkCompletion(line, call);
        }
        Waits.stateReported(call, state);
    }

    /** LINE_CALLINFO: reports it; a new reason or completion ID may name a completion. */
    private void onCallInfo(Message m) {
        Line line = handles.line(m.instance());
        Call call = handles.call(m.device());
        if (line == null || call == null) {
            return;
        }
        int states = (int) m.param1();
        if (listeners.listening(line)) {
            listeners.emit(line, new LineEvent.CallInfoChanged(line, call, states));
        }
        if ((states & (TapiConstants.LINECALLINFOSTATE_REASON
                | TapiConstants.LINECALLINFOSTATE_COMPLETIONID)) != 0) {
            checkCompletion(line, call);
        }
    }

    /** LINE_APPNEWCALL: a call handle TAPI gave this application; announced once. */
    private void onAppNewCall(Message m) {
        Line line = handles.line(m.instance());
        if (line == null || !line.isOpen()) {
            return;
        }
        CallPrivilege privilege = CallPrivilege.decode((int) m.param3());
        Call call = handles.callFor(line, (int) m.param2(), privilege);
        if (!call.announced) {
            call.announced = true;
            listeners.emit(line, new LineEvent.NewCall(line, call, (int) m.param1(), privilege));
            Waits.newCall(line, call);
        }
    }

    /**
     * LINE_LINEDEVSTATE: reports the states other than COMPLCANCEL; COMPLCANCEL cancels the
     * completion it names ({@link Completions#cancelledBySwitch}) and is reported on its own.
     */
    private void onLineDevState(Message m) {
        Line line = handles.line(m.instance());
        int states = (int) m.param1();
        int others = states & ~LineDeviceState.COMPLCANCEL.bits();
        if ((others != 0 || states == 0) && listeners.listening(line)) {
            listeners.emit(line, new LineEvent.LineDeviceStateChanged(line,
                    LineDeviceState.setOf(others), m.param2(), m.param3()));
        }
        if ((states & LineDeviceState.COMPLCANCEL.bits()) != 0 && line != null) {
            int id = (int) m.param2();
            CallCompletion c = completions.cancelledBySwitch(line, id);
            listeners.emit(line, new LineEvent.CompletionCancelled(line, id, c));
        }
    }

    /**
     * LINE_GENERATE and LINE_MONITORDIGITS: reported for a known call; a message for a call this
     * application no longer knows, or with a digit mode that is not exactly one, is reported raw
     * ({@link LineEvent.Other}).
     */
    private void onDigits(Message m) {
        Line line = handles.line(m.instance());
        if (!listeners.listening(line)) {
            return;
        }
        Call call = handles.call(m.device());
        DigitMode mode = DigitMode.decode((int) m.param2());
        if (call == null || (m.id() == TapiConstants.LINE_MONITORDIGITS && mode == null)) {
            listeners.emit(line, new LineEvent.Other(line, m.id(), m.device(), m.param1(), m.param2(),
                    m.param3()));
        } else if (m.id() == TapiConstants.LINE_GENERATE) {
            listeners.emit(line, new LineEvent.DigitsGenerated(line, call,
                    (int) m.param1() == TapiConstants.LINEGENERATETERM_DONE, (int) m.param3()));
        } else {
            listeners.emit(line, new LineEvent.DigitReceived(line, call, (char) (m.param1() & 0xFFFF), mode,
                    (int) m.param3()));
        }
    }

    /** Fires the completion the call results from, if any, and reports it. */
    private void checkCompletion(Line line, Call call) {
        CallCompletion c = completions.recalled(line, call);
        if (c != null) {
            listeners.emit(line, new LineEvent.CompletionFired(line, c, call));
        }
    }
}
