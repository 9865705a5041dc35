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
 * <p>Immutable and thread-safe; the state lives in the switch.
 */
public final class Station {

    private final Simulator simulator;
    private final String number;

    Station(Simulator simulator, String number) {
        this.simulator = simulator;
        this.number = number;
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

    @Override
    public String toString() {
        return "Station[" + number + "]";
    }
}
