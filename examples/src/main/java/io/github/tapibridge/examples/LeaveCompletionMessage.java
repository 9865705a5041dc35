package io.github.tapibridge.examples;

import io.github.tapibridge.AddressCaps;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.LineDeviceState;
import io.github.tapibridge.LineEvent;
import io.github.tapibridge.LineOptions;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;

/**
 * Leaves one of the switch's predefined messages at a busy station (MESSAGE). On the simulator
 * the station is line 2 ("102") unless {@code --dial} names another; a line of the switch then
 * shows message waiting.
 */
public final class LeaveCompletionMessage {

    private LeaveCompletionMessage() {
    }

    public static void main(String[] args) {
        Main.main(args, LeaveCompletionMessage::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            Line line = tapi.openLine(0);
            // A line of the simulated switch shows message waiting; 102 unless --dial says.
            String target = ctx.dial(ctx.simulator().isPresent() ? "102" : ExampleContext.DEFAULT_DIAL);
            Line targetLine = null;
            if (ctx.localLine(target).isPresent()) {
                targetLine = tapi.openLine(ctx.localLine(target).getAsInt(),
                        LineOptions.monitor().withStatusMessages(LineDeviceState.MSGWAITON));
            } else if (ctx.simulator().isPresent()) {
                flow.say(target + " is a remote station: this switch cannot show its message waiting");
            }
            AddressCaps caps = line.addressCaps(0);
            int message = 0;
            flow.say("messages of this address: " + caps.completionMessages());
            ctx.busy(target);
            Call call = line.makeCall(target).get();
            flow.await(call, CallState.BUSY);
            flow.say(target + " is busy: leave message " + message + ", \""
                    + caps.completionMessages().get(message) + "\" (lineCompleteCall, MESSAGE)");
            CallCompletion completion = call.completeCall(CallCompletionMode.MESSAGE, message).get();
            flow.await(call, CallState.IDLE);
            flow.say("delivered: completion id " + completion.id());
            if (targetLine != null) {
                Line watched = targetLine;
                flow.until(LineEvent.LineDeviceStateChanged.class,
                        e -> e.line() == watched && e.states().contains(LineDeviceState.MSGWAITON));
                flow.say("line " + target + " shows message waiting: " + watched.status().messageWaiting());
            }
        }
    }
}
