package io.github.tapibridge.sim;

/**
 * A dialable station of the simulated switch: a local line (such as {@code "101"}) or a remote
 * number. Obtain one with {@link Simulator#station(String)}.
 *
 * <p>A call to an {@linkplain #idle() idle} station rings (the caller sees RINGBACK) and, for a
 * remote station, is answered after 3 seconds of virtual time; a {@linkplain #busy() busy} station
 * gives BUSY; a {@linkplain #noAnswer() no-answer} station rings forever. A local line (or
 * address) is also busy while a call on it is active, whatever its station state. Making a busy station idle lets queued
 * call completions for it proceed (after the guard time).
 *
 * <p>A remote station can also be played by the test: it {@linkplain #call(String) calls a local
 * line} (an outside caller with caller ID, optionally {@linkplain #named(String) named}, or
 * {@linkplain #withheld() withholding} it),
 * {@linkplain #answer() answers} a call ringing it (the only way a {@linkplain #manual() manual}
 * station answers) and {@linkplain #hangUp() hangs up}. A remote station takes part in one call
 * at a time.
 *
 * <pre>{@code
 * RemoteCall rc = sim.station("0301").named("Alice").call("101");
 * Call in = line.whenNewCall().get();      // OFFERING, info(): callerId "0301", callerName "Alice"
 * in.answer().get();                        // CONNECTED
 * rc.hangUp();                              // the call goes DISCONNECTED (NORMAL)
 *
 * sim.station("0302").withheld().call("101"); // info(): callerIdFlags [BLOCKED], callerId null
 * }</pre>
 *
 * <p>The number of a local line, or of one of its {@linkplain Topology.Builder#addresses(int,
 * String...) addresses}, names that address: its state is that address's.
 *
 * <p>Immutable and thread-safe; the state lives in the switch.
 */
public final class Station {

    /**
     * What a remote station's calls tell the called line about the caller
     * ({@code LINECALLINFO dwCallerIDFlags}).
     */
    public enum CallerId {
        /** The number, and the {@linkplain #named(String) name} if any: {@code ADDRESS}, {@code NAME}. */
        SHOWN(0),
        /**
         * Withheld by the caller ({@code TAPISIM_REMOTE_WITHHELD}): {@code BLOCKED}, no number, no
         * name; the same as connected ID once answered.
         */
        WITHHELD(1),
        /**
         * Not passed on by the network ({@code TAPISIM_REMOTE_UNAVAILABLE}): {@code OUTOFAREA},
         * no number, no name; the same as connected ID once answered.
         */
        UNAVAILABLE(2);

        final int flags;

        CallerId(int flags) {
            this.flags = flags;
        }
    }

    private final Simulator simulator;
    private final String number;
    private final String name;
    private final CallerId callerId;

    Station(Simulator simulator, String number) {
        this(simulator, number, null, CallerId.SHOWN);
    }

    private Station(Simulator simulator, String number, String name, CallerId callerId) {
        this.simulator = simulator;
        this.number = number;
        this.name = name;
        this.callerId = callerId;
    }

    /**
     * Returns the dialable number.
     *
     * @return the number
     */
    public String number() {
        return number;
    }

    /**
     * Makes the station idle ({@code tapisim_set_station(number, TAPISIM_STATION_IDLE)}).
     *
     * @return this station
     * @throws io.github.tapibridge.TapiException {@code LINEERR_INVALADDRESS} if the number is not
     *         dialable
     */
    public Station idle() {
        simulator.setStation(number, Simulator.STATION_IDLE);
        return this;
    }

    /**
     * Makes the station busy ({@code TAPISIM_STATION_BUSY}): every call to it gets BUSY.
     *
     * @return this station
     * @throws io.github.tapibridge.TapiException {@code LINEERR_INVALADDRESS} if the number is not
     *         dialable
     */
    public Station busy() {
        simulator.setStation(number, Simulator.STATION_BUSY);
        return this;
    }

    /**
     * Makes the station ring without answering ({@code TAPISIM_STATION_NOANSWER}).
     *
     * @return this station
     * @throws io.github.tapibridge.TapiException {@code LINEERR_INVALADDRESS} if the number is not
     *         dialable
     */
    public Station noAnswer() {
        simulator.setStation(number, Simulator.STATION_NOANSWER);
        return this;
    }

    /**
     * Makes the station ring without answering by itself ({@code TAPISIM_STATION_MANUAL}): a call
     * to it stays in RINGBACK until the test calls {@link #answer()}. On a local line it changes
     * nothing (the applications answer).
     *
     * @return this station
     * @throws io.github.tapibridge.TapiException {@code LINEERR_INVALADDRESS} if the number is not
     *         dialable
     */
    public Station manual() {
        simulator.setStation(number, Simulator.STATION_MANUAL);
        return this;
    }

    /**
     * Returns the caller name this station gives in the calls it places, or null.
     *
     * @return the name, or null
     */
    public String name() {
        return name;
    }

    /**
     * Returns this station with a caller name for the calls it {@linkplain #call(String) places}
     * (the caller ID name, {@code LINECALLPARTYID_NAME}). The switch checks the name when a call
     * is placed: 1 to 63 printable ASCII characters.
     *
     * @param callerName the name, or null for none
     * @return a station of the same number with that name
     * @throws IllegalArgumentException if {@code callerName} is longer than 1,024 UTF-16 units or
     *         contains U+0000
     */
    public Station named(String callerName) {
        return new Station(simulator, number, callerName == null ? null
                : io.github.tapibridge.internal.TapiStrings.check(callerName, "callerName"), callerId);
    }

    /**
     * Returns what the calls this station places tell the called line about it.
     *
     * @return {@link CallerId#SHOWN} unless set otherwise
     */
    public CallerId callerId() {
        return callerId;
    }

    /**
     * Returns this station with the caller ID its calls present
     * ({@code tapisim_remote_call_ex} flags). A {@linkplain #named(String) name} is still
     * checked when a call is placed, but not shown unless {@link CallerId#SHOWN}.
     *
     * @param callerId what the called line learns
     * @return a station of the same number and name with that caller ID
     * @throws NullPointerException if {@code callerId} is null
     */
    public Station withCallerId(CallerId callerId) {
        return new Station(simulator, number, name, java.util.Objects.requireNonNull(callerId, "callerId"));
    }

    /**
     * Returns this station withholding its identity in the calls it places:
     * {@code withCallerId(CallerId.WITHHELD)}.
     *
     * @return a station of the same number and name that withholds its caller ID
     */
    public Station withheld() {
        return withCallerId(CallerId.WITHHELD);
    }

    /**
     * This remote station calls the local line numbered {@code localNumber}
     * ({@code tapisim_remote_call}). The call is offered on the line as any incoming call: the
     * first owner (in open order) whose media modes include interactive voice gets it as a new
     * {@link io.github.tapibridge.Call} in {@code OFFERING} ({@link io.github.tapibridge.Line#whenNewCall()},
     * {@link io.github.tapibridge.LineEvent.NewCall}), monitors get it too. Its
     * {@link io.github.tapibridge.CallInfo} has origin
     * {@link io.github.tapibridge.CallOrigin#EXTERNAL}, this station's number as
     * {@code callerId}, its {@linkplain #named(String) name} as {@code callerName} and the
     * {@code callerIdFlags} {@code ADDRESS} (and {@code NAME} with a name), or, if this station
     * {@linkplain #withCallerId(CallerId) hides its caller ID}, no number nor name and the flag
     * {@code BLOCKED} ({@link CallerId#WITHHELD}) or {@code OUTOFAREA}
     * ({@link CallerId#UNAVAILABLE}); and the called number as {@code calledId}. A number of one
     * of a line's {@linkplain Topology.Builder#addresses(int, String...) addresses} reaches that
     * address ({@link io.github.tapibridge.CallInfo#addressId()}).
     *
     * <p>If the address is busy (set {@linkplain #busy() busy}, or in a call) the caller hears busy
     * tone: nothing reaches the line and the result {@linkplain RemoteCall#wasBusy() was busy}.
     * The messages are queued when this returns; the event pump delivers them asynchronously.
     *
     * @param localNumber the number of a local line ({@code "100"} ...) or address
     * @return what the switch did with the call
     * @throws NullPointerException if {@code localNumber} is null
     * @throws IllegalArgumentException if {@code localNumber} is longer than 1,024 UTF-16 units or
     *         contains U+0000
     * @throws io.github.tapibridge.TapiException {@code LINEERR_INVALADDRESS} if this station's
     *         number or {@code localNumber} is not dialable, or this station is a local line;
     *         {@code LINEERR_BADDEVICEID} if no local line has {@code localNumber};
     *         {@code LINEERR_INVALPARAM} for a name the switch refuses;
     *         {@code LINEERR_CALLUNAVAIL} if this station is already in a call
     * @throws UnsupportedOperationException if the loaded simulator predates remote stations (or,
     *         for a hidden caller ID, {@code tapisim_remote_call_ex})
     */
    public RemoteCall call(String localNumber) {
        java.util.Objects.requireNonNull(localNumber, "localNumber");
        io.github.tapibridge.internal.TapiStrings.check(localNumber, "localNumber");
        return simulator.remoteCall(this, localNumber);
    }

    /**
     * This remote station answers the local line's call that rings it
     * ({@code tapisim_remote_answer}): the call goes {@code CONNECTED}. Works in every station
     * state; for a {@linkplain #manual() manual} station it is the only way to answer, an
     * {@linkplain #idle() idle} one answers earlier than its 3 seconds.
     *
     * @throws io.github.tapibridge.TapiException {@code LINEERR_INVALCALLSTATE} if no call rings
     *         it; {@code LINEERR_INVALADDRESS} if this is a local line or not dialable
     * @throws UnsupportedOperationException if the loaded simulator predates remote stations
     */
    public void answer() {
        simulator.remoteAnswer(number);
    }

    /**
     * This remote station hangs up ({@code tapisim_remote_hangup}). A local line's call to it goes
     * {@code DISCONNECTED}: {@code LINEDISCONNECTMODE_NORMAL} if it was connected,
     * {@code LINEDISCONNECTMODE_REJECT} if it was still ringing; the application then drops and
     * deallocates it. A call this station placed ({@link #call(String)}) goes {@code DISCONNECTED}
     * ({@code NORMAL}) if it was answered, and is withdrawn ({@code IDLE}) if still offered.
     *
     * @throws io.github.tapibridge.TapiException {@code LINEERR_INVALCALLSTATE} if the station is
     *         in no call; {@code LINEERR_INVALADDRESS} if this is a local line or not dialable
     * @throws UnsupportedOperationException if the loaded simulator predates remote stations
     */
    public void hangUp() {
        simulator.remoteHangup(number);
    }

    /**
     * This remote station, in a connected call with a local line, presses keys
     * ({@code tapisim_remote_digits}): they travel as DTMF on the virtual clock with the default
     * timing of {@code lineGenerateDigits} (for each key 95 ms of spacing, then 95 ms of tone), so
     * {@link Simulator#advance} must move the clock for them to arrive. An application monitoring
     * the local call ({@link io.github.tapibridge.Call#monitorDigits}) gets a
     * {@link io.github.tapibridge.LineEvent.DigitReceived} per key for {@code DTMF} as its tone
     * starts and for {@code DTMFEND} as it ends. Keys pressed while earlier ones are still being
     * sent follow them; the call leaving {@code CONNECTED} drops the keys not sent yet. See
     * "Stations: local and remote" in {@code docs/simulator.md}.
     *
     * @param keys one or more of {@code 0}-{@code 9}, {@code A}-{@code D}, {@code *}, {@code #}
     * @throws NullPointerException if {@code keys} is null
     * @throws io.github.tapibridge.TapiException {@code LINEERR_INVALCALLSTATE} if the station is
     *         in no connected call; {@code LINEERR_INVALPARAM} if {@code keys} is empty or has
     *         another character; {@code LINEERR_INVALADDRESS} if this is a local line's number
     * @throws UnsupportedOperationException if the loaded simulator predates remote keys
     */
    public void pressDigits(String keys) {
        simulator.remoteDigits(number, java.util.Objects.requireNonNull(keys, "keys"));
    }

    @Override
    public String toString() {
        return "Station[" + number + (name == null ? "" : ", \"" + name + "\"")
                + (callerId == CallerId.SHOWN ? "" : ", " + callerId) + "]";
    }
}
