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
 * the station is line 2 ("102"), which then shows message waiting.
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
            String target = ctx.dial();
            Line targetLine = null;
            if (ctx.simulator().isPresent()) {
                target = "102";
                targetLine = tapi.openLine(2, LineOptions.monitor().withStatusMessages(LineDeviceState.MSGWAITON));
            }
            AddressCaps caps = line.addressCaps(0);
            int message = 0;
            flow.say("messages of this address: " + caps.completionMessages());
            ctx.busy(target);
            Call call = line.makeCall(target).get();
            flow.await(call, call.whenState(CallState.BUSY));
            flow.say(target + " is busy: leave message " + message + ", \""
                    + caps.completionMessages().get(message) + "\" (lineCompleteCall, MESSAGE)");
            CallCompletion completion = call.completeCall(CallCompletionMode.MESSAGE, message).get();
            flow.await(call, call.whenState(CallState.IDLE));
            flow.say("delivered: completion id " + completion.id());
            if (targetLine != null) {
                Line watched = targetLine;
                flow.until(LineEvent.LineDeviceStateChanged.class,
                        e -> e.line() == watched && e.states().contains(LineDeviceState.MSGWAITON));
                flow.say("line 102 shows message waiting: " + watched.status().messageWaiting());
            }
        }
    }
}
