package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Hands a call over to a colleague after talking to them first: puts the call on hold pending
 * transfer and gets a consultation call in dial tone ({@code lineSetupTransfer}), dials the
 * colleague on it ({@code lineDial}), and once they answer joins the two
 * ({@code lineCompleteTransfer}, transfer mode). On the simulator the colleague is line 1 (101),
 * which this program opens and answers itself; the switch does not join two outside parties.
 */
public final class ConsultationTransfer {

    private ConsultationTransfer() {
    }

    public static void main(String[] args) {
        Main.main(args, ConsultationTransfer::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            String colleague = ctx.localLine("101").isPresent() ? "101" : "202";
            Line desk = ctx.localLine(colleague).isPresent()
                    ? tapi.openLine(ctx.localLine(colleague).getAsInt()) : null;
            transfer(ctx, flow, tapi.openLine(0), ctx.dial(), colleague, desk);
        }
    }

    static void transfer(ExampleContext ctx, CallFlow flow, Line line, String customer, String colleague,
                         Line desk) throws Exception {
        flow.say("call " + customer);
        Call call = line.makeCall(customer).get();
        flow.await(call, CallState.RINGBACK);
        ctx.pass(Duration.ofSeconds(3));
        flow.await(call, CallState.CONNECTED);

        flow.say("hold " + customer + " for a transfer (lineSetupTransfer)");
        Call consultation = call.setupTransfer().get();
        flow.await(consultation, CallState.DIALTONE);
        flow.say(customer + " is " + call.state() + "; the consultation call has " + consultation.state());
        CompletableFuture<Call> ringing = desk == null ? null : desk.whenNewCall();
        flow.say("dial the colleague at " + colleague + " (lineDial)");
        consultation.dial(colleague).get();
        flow.await(consultation, CallState.RINGBACK);
        Call colleaguesCall = null;
        if (ringing != null) {
            flow.say(colleague + " answers");
            colleaguesCall = ringing.get();
            flow.await(colleaguesCall, CallState.OFFERING);
            colleaguesCall.answer().get();
        } else {
            ctx.pass(Duration.ofSeconds(3));
        }
        flow.await(consultation, CallState.CONNECTED);
        flow.say("talking to " + colleague + "; transfer modes " + call.status().callFeature2Set());

        flow.say("complete the transfer (lineCompleteTransfer)");
        call.completeTransfer(consultation).get();
        flow.await(consultation, CallState.IDLE);
        flow.say(customer + " is " + call.state() + ", the consultation call is " + consultation.state());
        call.close();
        consultation.close();
        if (colleaguesCall != null) {
            flow.say(colleague + " now talks to " + colleaguesCall.info().connectedId());
            flow.say(colleague + " hangs up");
            colleaguesCall.drop().get();
            flow.await(colleaguesCall, CallState.IDLE);
            colleaguesCall.close();
        }
    }
}
