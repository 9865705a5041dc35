package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Conference;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;

/**
 * Brings a second party into a call: a consultation call ({@code lineSetupTransfer}, then
 * {@code lineDial}) becomes a three-party conference with the first
 * ({@code lineCompleteTransfer}, conference mode); the conference call's parties are listed,
 * one leaves ({@code lineRemoveFromConference}), which ends the conference, and the rest hangs up.
 */
public final class ThreePartyConference {

    private ThreePartyConference() {
    }

    public static void main(String[] args) {
        Main.main(args, ThreePartyConference::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            String first = ctx.dial();
            conference(ctx, flow, tapi.openLine(0), first, first.equals("202") ? "203" : "202");
        }
    }

    static void conference(ExampleContext ctx, CallFlow flow, Line line, String first, String second)
            throws Exception {
        flow.say("call " + first);
        Call call = line.makeCall(first).get();
        flow.await(call, CallState.RINGBACK);
        ctx.pass(Duration.ofSeconds(3));
        flow.await(call, CallState.CONNECTED);

        flow.say("hold " + first + " and consult " + second + " (lineSetupTransfer, lineDial)");
        Call consultation = call.setupTransfer().get();
        flow.await(consultation, CallState.DIALTONE);
        consultation.dial(second).get();
        flow.await(consultation, CallState.RINGBACK);
        ctx.pass(Duration.ofSeconds(3));
        flow.await(consultation, CallState.CONNECTED);

        flow.say("join all three (lineCompleteTransfer, conference mode)");
        Conference conference = call.conference(consultation).get();
        flow.await(consultation, CallState.CONFERENCED);
        flow.say("conference " + conference.call() + " with " + conference.parties().size() + " parties: "
                + first + " is " + call.state() + ", " + second + " is " + consultation.state());

        flow.say(second + " leaves the conference (lineRemoveFromConference)");
        consultation.removeFromConference().get();
        flow.await(conference.call(), CallState.IDLE);
        flow.say("the conference ended: " + first + " is " + call.state() + ", " + second + " is "
                + consultation.state());
        conference.call().close();

        flow.say("hang up both");
        for (Call c : new Call[] {consultation, call}) {
            c.drop().get();
            flow.await(c, CallState.IDLE);
            c.close();
        }
    }
}
