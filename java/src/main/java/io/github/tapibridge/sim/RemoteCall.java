package io.github.tapibridge.sim;

/**
 * A call that a remote station placed to a local line ({@link Station#call(String)}), as the
 * switch took it: offered on the line, or refused with busy tone because the line was busy.
 *
 * <p>Immutable and thread-safe: a receipt, not a handle. The call itself lives in the switch;
 * the applications see it as an incoming {@link io.github.tapibridge.Call} on the line.
 */
public final class RemoteCall {

    private final Station from;
    private final String to;
    private final int callId;

    RemoteCall(Station from, String to, int callId) {
        this.from = from;
        this.to = to;
        this.callId = callId;
    }

    /**
     * Returns the remote station that placed the call.
     *
     * @return the calling station
     */
    public Station from() {
        return from;
    }

    /**
     * Returns the number of the local line that was called.
     *
     * @return the called number
     */
    public String to() {
        return to;
    }

    /**
     * Returns the switch's ID of the call, the {@link io.github.tapibridge.CallInfo#callId()} the
     * applications see, or 0 if the line was {@linkplain #wasBusy() busy}.
     *
     * @return the call ID ({@code dwCallID}), or 0
     */
    public int callId() {
        return callId;
    }

    /**
     * Tells whether the line was busy (its station set busy, or in a call): the caller heard busy
     * tone and nothing was offered on the line.
     *
     * @return true if the call did not reach the line
     */
    public boolean wasBusy() {
        return callId == 0;
    }

    /**
     * The caller hangs up ({@link Station#hangUp()}): answered, the local call goes
     * {@code DISCONNECTED} ({@code LINEDISCONNECTMODE_NORMAL}); still offered, it is withdrawn
     * ({@code IDLE}).
     *
     * @throws io.github.tapibridge.TapiException {@code LINEERR_INVALCALLSTATE} if the station is
     *         no longer in a call (it hung up already, or the call was busy)
     */
    public void hangUp() {
        from.hangUp();
    }

    @Override
    public String toString() {
        return "RemoteCall[" + from.number() + " -> " + to + (wasBusy() ? ", busy" : ", callId=" + callId) + "]";
    }
}
