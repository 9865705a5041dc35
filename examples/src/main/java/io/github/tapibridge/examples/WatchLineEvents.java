package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches a line: every event in order. On the simulator another application (a second
 * {@code Tapi}) calls line 0, which answers; the caller hangs up.
 */
public final class WatchLineEvents {

    private WatchLineEvents() {
    }

    public static void main(String[] args) {
        Main.main(args, WatchLineEvents::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            Line line = tapi.openLine(0);
            if (ctx.simulator().isEmpty()) {
                CompletableFuture<Call> next = line.whenNewCall();
                flow.say("watching line 0; call it");
                Call call = flow.await(next);
                flow.await(call, CallState.IDLE);
                return;
            }
            try (Tapi other = Tapi.open(ctx.config().toBuilder().appName("caller").build())) {
                Line otherLine = other.openLine(3);
                flow.say("another application on line 103 calls 100");
                CompletableFuture<Call> next = line.whenNewCall();
                Call outgoing = otherLine.makeCall("100").get();
                Call incoming = flow.await(next);
                flow.await(incoming, CallState.OFFERING);
                flow.say("answer");
                incoming.answer().get();
                flow.await(incoming, CallState.CONNECTED);
                flow.say("the caller hangs up");
                outgoing.drop().get(10, TimeUnit.SECONDS);
                flow.await(incoming, CallState.DISCONNECTED);
                incoming.drop().get();
                flow.await(incoming, CallState.IDLE);
            }
        }
    }
}
