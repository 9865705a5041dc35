package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallInfo;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Hands a connected party over to a colleague without talking to the colleague first: calls the
 * party, transfers the call blind to line 101 ({@code lineBlindTransfer}), and shows the two far
 * ends connected to each other while this station is out of the call ({@code IDLE}). The
 * colleague is line 1 of the same application, which answers the transferred call
 * ({@code LINECALLREASON_TRANSFER}, with redirecting and redirection IDs). On the simulator it
 * also prints what the switch's trace recorded of the transfer.
 */
public final class BlindTransfer {

    /** The colleague's line: 101, line 1 of the simulated switch. */
    static final String COLLEAGUE = "101";

    private BlindTransfer() {
    }

    public static void main(String[] args) {
        Main.main(args, BlindTransfer::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            Line line = tapi.openLine(0);
            Line colleague = tapi.openLine(1);
            String party = ctx.dial();
            ctx.sayIfNeverAnswers(flow, party);
            flow.say("call " + party);
            Call call = line.makeCall(party).get();
            flow.await(call, CallState.RINGBACK);
            if (!ctx.answersByItself(party)) {
                return;
            }
            ctx.pass(Duration.ofSeconds(3));
            flow.await(call, CallState.CONNECTED);

            flow.say("transfer " + party + " to " + COLLEAGUE + " without consulting (lineBlindTransfer)");
            CompletableFuture<Call> offered = colleague.whenNewCall();
            flow.reply(call.blindTransfer(COLLEAGUE));
            // The switch offers the party to the colleague, then lets the call go here.
            Call transferred = flow.await(offered);
            flow.await(transferred, CallState.OFFERING);
            flow.await(call, CallState.IDLE);
            flow.say("this station is out of the call: " + call.state());
            call.close();
            CallInfo info = transferred.info();
            flow.say(COLLEAGUE + " is offered " + info.callerId() + ", reason " + info.reason()
                    + ", redirecting ID " + info.redirectingId() + ", redirection ID " + info.redirectionId());
            flow.say(COLLEAGUE + " answers");
            transferred.answer().get();
            flow.await(transferred, CallState.CONNECTED);
            flow.say(party + " and " + COLLEAGUE + " are connected: " + COLLEAGUE + " talks to "
                    + transferred.info().connectedId());
            ctx.simulator().ifPresent(sim -> {
                flow.say("the switch's trace of the transfer:");
                sim.trace().lines().filter(l -> l.contains("lineBlindTransfer") || l.contains("diverted"))
                        .forEach(l -> flow.say("  " + l.strip()));
            });

            flow.say("hang up");
            transferred.drop().get();
            flow.await(transferred, CallState.IDLE);
            transferred.close();
        }
    }
}
