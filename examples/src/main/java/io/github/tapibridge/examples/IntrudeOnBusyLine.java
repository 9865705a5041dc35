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
 * the busy line is line 1 ("101"), in a call of its own; it sees a new party with reason
 * {@code INTRUDE}.
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
            String target = ctx.dial();
            CompletableFuture<Call> party = null;
            if (ctx.simulator().isPresent()) {
                Line busyLine = tapi.openLine(1);
                target = "101";
                flow.say("line 101 calls 301 and talks");
                Call conversation = busyLine.makeCall("301").get();
                flow.await(conversation, conversation.whenState(CallState.RINGBACK));
                ctx.pass(Duration.ofSeconds(3));
                flow.await(conversation, conversation.whenState(CallState.CONNECTED));
                party = busyLine.whenNewCall(); // the party that will join
            }
            flow.say("call " + target);
            Call call = line.makeCall(target).get();
            flow.await(call, call.whenState(CallState.BUSY));
            flow.say(target + " is busy: intrude (lineCompleteCall, INTRUDE)");
            CallCompletion completion = call.completeCall(CallCompletionMode.INTRUDE).get();
            flow.await(call, call.whenState(CallState.CONNECTED));
            flow.say("joined the conversation: completion id " + completion.id() + ", reason "
                    + call.info().reason());
            if (party != null) {
                Call joined = flow.await(party);
                flow.await(joined, joined.whenState(CallState.CONNECTED));
                flow.say("line 101 sees a new party, reason " + joined.info().reason());
            }
            call.drop().get();
            flow.await(call, call.whenState(CallState.IDLE));
        }
    }
}
