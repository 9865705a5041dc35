package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.LineEvent;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;

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
            if (ctx.simulator().isPresent()) {
                Line busyLine = tapi.openLine(1);
                target = "101";
                flow.say("line 101 calls 301 and talks");
                Call conversation = busyLine.makeCall("301").get();
                flow.untilState(conversation, CallState.RINGBACK);
                ctx.pass(Duration.ofSeconds(3));
                flow.untilState(conversation, CallState.CONNECTED);
            }
            flow.say("call " + target);
            Call call = line.makeCall(target).get();
            flow.untilState(call, CallState.BUSY);
            flow.say(target + " is busy: intrude (lineCompleteCall, INTRUDE)");
            CallCompletion completion = call.completeCall(CallCompletionMode.INTRUDE).get();
            flow.untilState(call, CallState.CONNECTED);
            flow.say("joined the conversation: completion id " + completion.id() + ", reason "
                    + call.info().reason());
            if (ctx.simulator().isPresent()) {
                LineEvent.NewCall party = flow.until(LineEvent.NewCall.class, e -> e.line().deviceId() == 1);
                flow.untilState(party.call(), CallState.CONNECTED);
                flow.say("line 101 sees a new party, reason " + party.call().info().reason());
            }
            call.drop().get();
            flow.untilState(call, CallState.IDLE);
        }
    }
}
