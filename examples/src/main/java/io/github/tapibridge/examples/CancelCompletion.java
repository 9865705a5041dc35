package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiException;
import io.github.tapibridge.sim.Simulator;
import java.util.concurrent.ExecutionException;

/**
 * Requests a callback, then cancels it (lineUncompleteCall); the spent completion ID is refused
 * afterwards with {@code LINEERR_INVALCOMPLETIONID}.
 */
public final class CancelCompletion {

    private CancelCompletion() {
    }

    public static void main(String[] args) {
        Main.main(args, CancelCompletion::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            cancel(ctx, flow, tapi.openLine(0), ctx.dial());
        }
    }

    static void cancel(ExampleContext ctx, CallFlow flow, Line line, String target) throws Exception {
        ctx.busy(target);
        flow.say("call " + target);
        Call call = line.makeCall(target).get();
        flow.await(call, CallState.BUSY);
        CallCompletion completion = call.completeCall(CallCompletionMode.CALLBACK).get();
        flow.await(call, CallState.IDLE);
        flow.say("callback requested: completion id " + completion.id() + "; changed our mind: cancel it");
        call.close();
        flow.reply(completion.cancel()); // prints the LINE_REPLY of lineUncompleteCall
        flow.say("cancelled: " + completion.state() + ", " + line.status().numCallCompletions()
                + " completions outstanding on the line");
        try {
            flow.reply(line.uncompleteCall(completion.id()));
            flow.say("the switch accepted a spent ID (unexpected)");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TapiException t)) {
                throw e;
            }
            flow.say("cancelling it again: " + t.error());
        }
    }
}
