package io.github.tapibridge.sim;

/**
 * A dialable station of the simulated switch: a local line (such as {@code "101"}) or a remote
 * number. Obtain one with {@link Simulator#station(String)}.
 *
 * <p>A call to an {@linkplain #idle() idle} station rings (the caller sees RINGBACK) and, for a
 * remote station, is answered after 3 seconds of virtual time; a {@linkplain #busy() busy} station
 * gives BUSY; a {@linkplain #noAnswer() no-answer} station rings forever. A local line is also busy
 * while it has an active call, whatever its station state. Making a busy station idle lets queued
 * call completions for it proceed (after the guard time).
 *
 * <p>A remote station can also be played by the test: it {@linkplain #call(String) calls a local
 * line} (an outside caller with caller ID, optionally {@linkplain #named(String) named}),
 * {@linkplain #answer() answers} a call ringing it (the only way a {@linkplain #manual() manual}
 * station answers) and {@linkplain #hangUp() hangs up}. A remote station takes part in one call
 * at a time.
 *
 * <pre>{@code
 * RemoteCall rc = sim.station("0301").named("Alice").call("101");
 * Call in = line.whenNewCall().get();      // OFFERING, info(): callerId "0301", callerName "Alice"
 * in.answer().get();                        // CONNECTED
 * rc.hangUp();                              // the call goes DISCONNECTED (NORMAL)
 * }</pre>
 *
 * <p>Immutable and thread-safe; the state lives in the switch.
 */
public final class Station {

    private final Simulator simulator;
    private final String number;
    private final String name;

    Station(Simulator simulator, String number) {
        this(simulator, number, null);
    }

    private Station(Simulator simulator, String number, String name) {
        this.simulator = simulator;
        this.number = number;
        this.name = name;
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
                : io.github.tapibridge.internal.TapiStrings.check(callerName, "callerName"));
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
     * {@code callerIdFlags} {@code ADDRESS} (and {@code NAME} with a name), and the line's number
     * as {@code calledId}.
     *
     * <p>If the line is busy (set {@linkplain #busy() busy}, or in a call) the caller hears busy
     * tone: nothing reaches the line and the result {@linkplain RemoteCall#wasBusy() was busy}.
     * The messages are queued when this returns; the event pump delivers them asynchronously.
     *
     * @param localNumber the number of a local line ({@code "100"} ...)
     * @return what the switch did with the call
     * @throws NullPointerException if {@code localNumber} is null
     * @throws IllegalArgumentException if {@code localNumber} is longer than 1,024 UTF-16 units or
     *         contains U+0000
     * @throws io.github.tapibridge.TapiException {@code LINEERR_INVALADDRESS} if this station's
     *         number or {@code localNumber} is not dialable, or this station is a local line;
     *         {@code LINEERR_BADDEVICEID} if no local line has {@code localNumber};
     *         {@code LINEERR_INVALPARAM} for a name the switch refuses;
     *         {@code LINEERR_CALLUNAVAIL} if this station is already in a call
     * @throws UnsupportedOperationException if the loaded simulator predates remote stations
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

    @Override
    public String toString() {
        return "Station[" + number + (name == null ? "" : ", \"" + name + "\"") + "]";
    }
}
