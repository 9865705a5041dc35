package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Intrudes on a busy line (INTRUDE): the call joins the conversation at once. On the simulator
 * the busy line is line 1 ("101") unless {@code --dial} names another, in a call of its own; it
 * sees a new party with reason {@code INTRUDE}. A remote number is made busy instead.
 */
public final class IntrudeOnBusyLine {

    private IntrudeOnBusyLine() {
    }

    public static void main(String[] args) {
        Main.main(args, IntrudeOnBusyLine::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            Line line = tapi.openLine(0);
            // On the simulator, a line of the switch talks to 301; 101 unless --dial says.
            String target = ctx.dial(ctx.simulator().isPresent() ? "101" : ExampleContext.DEFAULT_DIAL);
            CompletableFuture<Call> party = null;
            if (ctx.localLine(target).isPresent() && ctx.localLine(target).getAsInt() != 0) {
                Line busyLine = tapi.openLine(ctx.localLine(target).getAsInt());
                flow.say("line " + target + " calls 301 and talks");
                Call conversation = busyLine.makeCall("301").get();
                flow.await(conversation, CallState.RINGBACK);
                ctx.pass(Duration.ofSeconds(3));
                flow.await(conversation, CallState.CONNECTED);
                party = busyLine.whenNewCall(); // the party that will join
            } else {
                ctx.busy(target);
            }
            flow.say("call " + target);
            Call call = line.makeCall(target).get();
            flow.await(call, CallState.BUSY);
            flow.say(target + " is busy: intrude (lineCompleteCall, INTRUDE)");
            CallCompletion completion = call.completeCall(CallCompletionMode.INTRUDE).get();
            flow.await(call, CallState.CONNECTED);
            flow.say("joined the conversation: completion id " + completion.id() + ", reason "
                    + call.info().reason());
            if (party != null) {
                Call joined = flow.await(party);
                flow.await(joined, CallState.CONNECTED);
                flow.say("line " + target + " sees a new party, reason " + joined.info().reason());
            }
            call.drop().get();
            flow.await(call, CallState.IDLE);
        }
    }
}
