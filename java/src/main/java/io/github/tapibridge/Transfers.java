package io.github.tapibridge;

import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.TapiConstants;
import java.util.concurrent.CompletableFuture;

/**
 * The requests of consultation transfer and conference behind {@link Call} and
 * {@link Conference}: {@code lineSetupTransferW}, {@code lineCompleteTransfer} in both modes,
 * {@code lineAddToConference}, {@code lineRemoveFromConference}. The new calls of
 * {@code lineSetupTransferW} and of the conference mode arrive in an out-parameter written when
 * the {@code LINE_REPLY} arrives, which {@link Requests} reads as for {@code lineMakeCallW}.
 */
final class Transfers {

    private Transfers() {
    }

    static CompletableFuture<Call> setupTransfer(Call call) {
        Session session = call.session();
        Request q = new Request(Request.Kind.SETUP_TRANSFER, session.newFuture(), call.line(), call, null, 0,
                null);
        return session.requests.submit(guards(call, null), "lineSetupTransferW", call.line(), true, q,
                out -> session.backend.lineSetupTransferW(call.handle(), out, 0));
    }

    static CompletableFuture<Void> completeTransfer(Call held, Call consultation) {
        check(held, consultation, "transferred");
        Session session = held.session();
        Request q = new Request(Request.Kind.COMPLETE_TRANSFER, session.newFuture(), held.line(), held, null,
                0, null);
        return session.requests.submit(guards(held, consultation), "lineCompleteTransfer", held.line(), false,
                q, out -> session.backend.lineCompleteTransfer(held.handle(), consultation.handle(), 0,
                        TapiConstants.LINETRANSFERMODE_TRANSFER));
    }

    static CompletableFuture<Conference> conference(Call held, Call consultation) {
        check(held, consultation, "conferenced");
        Session session = held.session();
        Request q = new Request(Request.Kind.CONFERENCE, session.newFuture(), held.line(), held, null, 0,
                null);
        return session.requests.submit(guards(held, consultation), "lineCompleteTransfer", held.line(), true,
                q, out -> session.backend.lineCompleteTransfer(held.handle(), consultation.handle(), out,
                        TapiConstants.LINETRANSFERMODE_CONFERENCE));
    }

    static CompletableFuture<Void> addToConference(Call conference, Call party) {
        check(conference, party, "added to itself");
        Session session = conference.session();
        Request q = new Request(Request.Kind.ADD_TO_CONFERENCE, session.newFuture(), conference.line(),
                conference, null, 0, null);
        return session.requests.submit(guards(conference, party), "lineAddToConference", conference.line(),
                false, q, out -> session.backend.lineAddToConference(conference.handle(), party.handle()));
    }

    static CompletableFuture<Void> removeFromConference(Call party) {
        Session session = party.session();
        Request q = new Request(Request.Kind.REMOVE_FROM_CONFERENCE, session.newFuture(), party.line(), party,
                null, 0, null);
        return session.requests.submit(guards(party, null), "lineRemoveFromConference", party.line(), false,
                q, out -> session.backend.lineRemoveFromConference(party.handle()));
    }

    /** The Java API's own checks of a pair of calls. */
    private static void check(Call call, Call other, String what) {
        if (other == call) {
            throw new IllegalArgumentException(call.name() + " cannot be " + what + " with itself");
        }
        if (other.session() != call.session()) {
            throw new IllegalArgumentException(other.name() + " belongs to another Tapi");
        }
    }

    /** The guards of one call or two, their lines and the application. */
    private static Guard[] guards(Call call, Call other) {
        Session session = call.session();
        if (other == null) {
            return new Guard[] {call.guard, call.line().guard, session.guard};
        }
        return other.line() == call.line()
                ? new Guard[] {call.guard, other.guard, call.line().guard, session.guard}
                : new Guard[] {call.guard, other.guard, call.line().guard, other.line().guard, session.guard};
    }
}
