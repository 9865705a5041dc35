package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Calls a busy station, asks the switch to call back when it is free (CALLBACK), and takes the
 * recall: a new incoming call whose call info says {@code CALLCOMPLETION} and the completion ID.
 */
public final class RequestCallback {

    private RequestCallback() {
    }

    public static void main(String[] args) {
        Main.main(args, RequestCallback::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            requestCallback(ctx, flow, tapi.openLine(0), ctx.dial());
        }
    }

    static void requestCallback(ExampleContext ctx, CallFlow flow, Line line, String target) throws Exception {
        ctx.sayIfNeverAnswers(flow, target);
        ctx.busy(target);
        flow.say("call " + target);
        Call call = line.makeCall(target).get();
        flow.await(call, CallState.BUSY);
        flow.say(target + " is busy: request a callback (lineCompleteCall, CALLBACK)");
        CallCompletion completion = call.completeCall(CallCompletionMode.CALLBACK).get();
        flow.await(call, CallState.IDLE);
        flow.say("accepted: completion id " + completion.id() + "; the call went idle");
        call.close();
        ctx.idle(target);
        ctx.pass(Duration.ofSeconds(2));
        Call recall = completion.whenFired().get(30, TimeUnit.SECONDS);
        flow.await(recall, CallState.OFFERING);
        flow.say("the recall: reason " + recall.info().reason() + ", completion id "
                + recall.info().completionId() + "; answer it");
        recall.answer().get();
        flow.await(recall, CallState.RINGBACK);
        if (ctx.answersByItself(target)) {
            ctx.pass(Duration.ofSeconds(3));
            flow.await(recall, CallState.CONNECTED);
            flow.say("connected to " + target + "; hang up");
        } else {
            flow.say(target + " rings, and nobody answers a line of this switch here; hang up");
        }
        recall.drop().get();
        flow.await(recall, CallState.IDLE);
        recall.close();
    }
}
