package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CallState;
import io.github.tapibridge.LineDeviceState;
import io.github.tapibridge.LineEvent;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Camps on a busy station (CAMPON): the call waits in BUSY and rings through by itself when the
 * station is free.
 */
public final class CampOnBusyLine {

    private CampOnBusyLine() {
    }

    public static void main(String[] args) {
        Main.main(args, CampOnBusyLine::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            campOn(ctx, flow, tapi.openLine(0), ctx.dial());
        }
    }

    static void campOn(ExampleContext ctx, CallFlow flow, Line line, String target) throws Exception {
        ctx.sayIfNeverAnswers(flow, target);
        ctx.busy(target);
        flow.say("call " + target);
        Call call = line.makeCall(target).get();
        flow.await(call, CallState.BUSY);
        flow.say(target + " is busy: camp on (lineCompleteCall, CAMPON)");
        CallCompletion completion = call.completeCall(CallCompletionMode.CAMPON).get();
        flow.until(LineEvent.LineDeviceStateChanged.class,
                e -> e.states().contains(LineDeviceState.NUMCOMPLETIONS));
        flow.say("accepted: completion id " + completion.id() + "; the call waits in " + call.state());
        ctx.idle(target);
        ctx.pass(Duration.ofSeconds(2));
        flow.until(LineEvent.CallInfoChanged.class, e -> e.call() == call);
        flow.await(call, CallState.RINGBACK);
        Call fired = completion.whenFired().get(30, TimeUnit.SECONDS);
        if (ctx.answersByItself(target)) {
            ctx.pass(Duration.ofSeconds(3));
            flow.await(call, CallState.CONNECTED);
            flow.say("rang through on the same call (" + (fired == call) + "); hang up");
        } else {
            flow.say("rang through on the same call (" + (fired == call) + "); " + target
                    + " rings, and nobody answers a line of this switch here; hang up");
        }
        call.drop().get();
        flow.await(call, CallState.IDLE);
        call.close();
    }
}
