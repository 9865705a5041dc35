package io.github.tapibridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A conference call of this application: the call TAPI creates when
 * {@link Call#conference(Call)} joins a held call and its consultation call
 * ({@code lineCompleteTransfer} in {@code LINETRANSFERMODE_CONFERENCE}), and the calls in it, its
 * parties.
 *
 * <p>The conference call ({@link #call()}, the {@code hConfCall} of TAPI) is a {@link Call} of
 * its own: its {@link CallInfo#origin()} is {@link CallOrigin#CONFERENCE}; holding it
 * ({@link Call#hold()}) holds every party, dropping it ({@link Call#drop()}) drops them all,
 * and once it has gone {@link CallState#IDLE} it should be closed like any call. The parties are
 * this application's calls in {@link CallState#CONFERENCED} whose last {@code LINE_CALLSTATE}
 * named this conference call ({@link Call#currentConference()}). A party leaves with
 * {@link Call#removeFromConference()} (it goes on hold) or when its far end hangs up; when one
 * party is left, it takes the conference's place and the conference call goes idle.
 *
 * <p>Thread-safe; one object per conference call. Futures as {@link Call} describes them.
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-linecompletetransfer">
 *      lineCompleteTransfer (Microsoft)</a>
 */
public final class Conference {

    private final Call call;

    Conference(Call call) {
        this.call = call;
    }

    /**
     * Returns the conference call ({@code hConfCall}).
     *
     * @return the call, also in {@link Line#calls()}
     */
    public Call call() {
        return call;
    }

    /**
     * Returns the parties of the conference as the events this application processed report them:
     * its calls whose last reported state is {@link CallState#CONFERENCED} in this conference
     * call. No TAPI function is called.
     *
     * @return a snapshot, in no particular order; empty once the conference has ended
     */
    public List<Call> parties() {
        List<Call> parties = new ArrayList<>();
        for (Call c : call.line().calls()) {
            if (c != call && c.lastReportedState() == CallState.CONFERENCED
                    && c.lastReportedStateMode() == call.handle()) {
                parties.add(c);
            }
        }
        return parties;
    }

    /**
     * Adds a call of this application to the conference ({@code lineAddToConference(hConfCall,
     * hConsultCall)}): typically a consultation call made while the conference is on hold
     * (for example a call made with {@link Line#makeCall(String)} after {@link Call#hold()} of
     * the conference call). The call goes {@link CallState#CONFERENCED}, then the conference
     * call {@link CallState#CONNECTED}.
     *
     * <p>The future fails with a {@link TapiException} whose {@link TapiException#function()}
     * is {@code lineAddToConference}: at once (before this method returns) for
     * {@link LineError#LINEERR_INVALCONFCALLHANDLE} (this call is no longer a conference),
     * {@link LineError#LINEERR_INVALCALLHANDLE} ({@code party} is a conference or a party of
     * one, or belongs to another line) and {@link LineError#LINEERR_NOTOWNER}; in the
     * {@code LINE_REPLY} for {@link LineError#LINEERR_INVALCALLSTATE} (the conference is not on
     * hold, or {@code party} is neither connected nor on hold, or is in a transfer set-up) and
     * {@link LineError#LINEERR_CONFERENCEFULL}. Thread-safe.
     *
     * @param party the call to add, of the same {@link Tapi}
     * @return a future completed when TAPI confirms, or exceptionally with a TapiException
     * @throws NullPointerException if {@code party} is null
     * @throws IllegalArgumentException if {@code party} is the conference call or a call of
     *         another {@link Tapi}
     * @throws IllegalStateException if the conference call or {@code party} is closed
     * @throws UnsupportedOperationException if the provider library does not export
     *         {@code lineAddToConference} (nor the other transfer and conference functions)
     * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/tapi/nf-tapi-lineaddtoconference">
     *      lineAddToConference (Microsoft)</a>
     */
    public CompletableFuture<Void> add(Call party) {
        return Transfers.addToConference(call, Objects.requireNonNull(party, "party"));
    }

    @Override
    public String toString() {
        return "Conference[" + call + "]";
    }
}
