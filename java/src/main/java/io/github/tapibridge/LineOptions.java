package io.github.tapibridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to open a line ({@code lineOpenW} and {@code lineSetStatusMessages}): the privilege on the
 * calls of the line, the media modes of the incoming calls to own, and the line status messages
 * ({@link LineDeviceState}) to receive.
 *
 * <p>Start from {@link #owner()}, {@link #monitor()} or {@link #none()} and refine with the
 * {@code with...} methods, which return new instances:
 * <pre>{@code
 * Line line = tapi.openLine(0, LineOptions.owner().withMediaModes(MediaMode.INTERACTIVEVOICE));
 * }</pre>
 *
 * <p><b>Status messages.</b> Unless {@link #withStatusMessages(Set)} is used, the line enables
 * {@link LineDeviceState#NUMCOMPLETIONS} and {@link LineDeviceState#COMPLCANCEL}, as far as the
 * device supports them ({@code LINEDEVCAPS.dwLineStates}), so that completions cancelled by the
 * switch are noticed ({@link CallCompletion#isCancelledBySwitch()}). An explicit set is passed to
 * {@code lineSetStatusMessages} as it is. TAPI accepts every state defined for the line's API
 * version, also one the device never reports (it then brings no event); a state the version does
 * not define (a 1.4 state such as {@link LineDeviceState#COMPLCANCEL} on a line negotiated at 1.3)
 * makes {@link Tapi#openLine(int, LineOptions)} fail with {@link LineError#LINEERR_INVALLINESTATE}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineopen">lineOpen
 *      (Microsoft)</a>
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linesetstatusmessages">
 *      lineSetStatusMessages (Microsoft)</a>
 */
public final class LineOptions {

    private static final Set<LineDeviceState> DEFAULT_STATUS = Collections.unmodifiableSet(
            EnumSet.of(LineDeviceState.NUMCOMPLETIONS, LineDeviceState.COMPLCANCEL));

    private final Set<CallPrivilege> privileges;
    private final Set<MediaMode> mediaModes;
    private final Set<LineDeviceState> statusMessages;
    private final boolean defaultStatusMessages;

    private LineOptions(Set<CallPrivilege> privileges, Set<MediaMode> mediaModes,
                        Set<LineDeviceState> statusMessages, boolean defaultStatusMessages) {
        this.privileges = privileges;
        this.mediaModes = mediaModes;
        this.statusMessages = statusMessages;
        this.defaultStatusMessages = defaultStatusMessages;
    }

    /**
     * Owner privilege ({@code LINECALLPRIVILEGE_OWNER}) for interactive voice calls
     * ({@link MediaMode#INTERACTIVEVOICE}): the line may make calls, and owns the incoming calls of
     * that media mode, including the recall of a {@link CallCompletionMode#CALLBACK} completion.
     * The default of {@link Tapi#openLine(int)}.
     *
     * @return the options
     */
    public static LineOptions owner() {
        return new LineOptions(Collections.unmodifiableSet(EnumSet.of(CallPrivilege.OWNER)),
                Collections.unmodifiableSet(EnumSet.of(MediaMode.INTERACTIVEVOICE)), DEFAULT_STATUS,
                true);
    }

    /**
     * Monitor privilege ({@code LINECALLPRIVILEGE_MONITOR}): the line receives a monitor handle
     * for every call on the device and may watch them, but not operate on them.
     *
     * @return the options
     */
    public static LineOptions monitor() {
        return new LineOptions(Collections.unmodifiableSet(EnumSet.of(CallPrivilege.MONITOR)),
                Collections.unmodifiableSet(EnumSet.noneOf(MediaMode.class)), DEFAULT_STATUS, true);
    }

    /**
     * No privilege ({@code LINECALLPRIVILEGE_NONE}): the line may make outgoing calls and receives
     * status messages, but gets no handles for other calls.
     *
     * @return the options
     */
    public static LineOptions none() {
        return new LineOptions(Collections.unmodifiableSet(EnumSet.of(CallPrivilege.NONE)),
                Collections.unmodifiableSet(EnumSet.noneOf(MediaMode.class)), DEFAULT_STATUS, true);
    }

    /**
     * Returns options with owner and monitor privilege: the line owns incoming calls of its media
     * modes and monitors all others.
     *
     * @return new options with privileges OWNER and MONITOR
     */
    public LineOptions withOwnerAndMonitor() {
        Set<MediaMode> media = mediaModes.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.of(MediaMode.INTERACTIVEVOICE)) : mediaModes;
        return new LineOptions(Collections.unmodifiableSet(
                EnumSet.of(CallPrivilege.OWNER, CallPrivilege.MONITOR)), media, statusMessages,
                defaultStatusMessages);
    }

    /**
     * Returns options with other media modes (meaningful with owner privilege).
     *
     * @param modes the media modes of incoming calls to own
     * @return new options
     * @throws NullPointerException if {@code modes} or an element is null
     */
    public LineOptions withMediaModes(Set<MediaMode> modes) {
        Set<MediaMode> copy = EnumSet.noneOf(MediaMode.class);
        for (MediaMode m : Objects.requireNonNull(modes, "modes")) {
            copy.add(Objects.requireNonNull(m, "mode"));
        }
        return new LineOptions(privileges, Collections.unmodifiableSet(copy), statusMessages,
                defaultStatusMessages);
    }

    /**
     * Returns options with other media modes (meaningful with owner privilege).
     *
     * @param modes the media modes of incoming calls to own
     * @return new options
     * @throws NullPointerException if an element is null
     */
    public LineOptions withMediaModes(MediaMode... modes) {
        Set<MediaMode> copy = EnumSet.noneOf(MediaMode.class);
        for (MediaMode m : modes) {
            copy.add(Objects.requireNonNull(m, "mode"));
        }
        return withMediaModes(copy);
    }

    /**
     * Returns options that enable exactly these status messages, passed to
     * {@code lineSetStatusMessages} unchanged (see the class comment).
     *
     * @param states the line states to be told about; empty to receive none
     * @return new options
     * @throws NullPointerException if {@code states} or an element is null
     */
    public LineOptions withStatusMessages(Set<LineDeviceState> states) {
        Set<LineDeviceState> copy = EnumSet.noneOf(LineDeviceState.class);
        for (LineDeviceState s : Objects.requireNonNull(states, "states")) {
            copy.add(Objects.requireNonNull(s, "state"));
        }
        return new LineOptions(privileges, mediaModes, Collections.unmodifiableSet(copy), false);
    }

    /**
     * Returns options that enable exactly these status messages.
     *
     * @param states the line states to be told about
     * @return new options
     * @throws NullPointerException if an element is null
     * @see #withStatusMessages(Set)
     */
    public LineOptions withStatusMessages(LineDeviceState... states) {
        Set<LineDeviceState> copy = EnumSet.noneOf(LineDeviceState.class);
        for (LineDeviceState s : states) {
            copy.add(Objects.requireNonNull(s, "state"));
        }
        return withStatusMessages(copy);
    }

    /**
     * Returns the privileges requested from {@code lineOpen}.
     *
     * @return an unmodifiable set: {NONE}, {MONITOR}, {OWNER} or {OWNER, MONITOR}
     */
    public Set<CallPrivilege> privileges() {
        return privileges;
    }

    /**
     * Returns the media modes passed to {@code lineOpen}.
     *
     * @return an unmodifiable set
     */
    public Set<MediaMode> mediaModes() {
        return mediaModes;
    }

    /**
     * Returns the status messages to enable.
     *
     * @return an unmodifiable set
     */
    public Set<LineDeviceState> statusMessages() {
        return statusMessages;
    }

    /**
     * Tells whether the status messages are the default ones, which are reduced to those the
     * device supports.
     *
     * @return true unless {@link #withStatusMessages(Set)} was used
     */
    public boolean hasDefaultStatusMessages() {
        return defaultStatusMessages;
    }

    @Override
    public String toString() {
        return "LineOptions[privileges=" + privileges + ", mediaModes=" + mediaModes
                + ", statusMessages=" + statusMessages + (defaultStatusMessages ? " (default)" : "")
                + "]";
    }
}
