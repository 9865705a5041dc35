package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.LineEvent;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
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
            tapi.openLine(0);
            if (ctx.simulator().isEmpty()) {
                flow.say("watching line 0; call it");
                LineEvent.NewCall call = flow.until(LineEvent.NewCall.class, e -> true);
                flow.untilState(call.call(), CallState.IDLE);
                return;
            }
            try (Tapi other = Tapi.open(ctx.config().toBuilder().appName("caller").build())) {
                Line otherLine = other.openLine(3);
                flow.say("another application on line 103 calls 100");
                Call outgoing = otherLine.makeCall("100").get();
                LineEvent.NewCall incoming = flow.until(LineEvent.NewCall.class, e -> true);
                flow.untilState(incoming.call(), CallState.OFFERING);
                flow.say("answer");
                incoming.call().answer().get();
                flow.untilState(incoming.call(), CallState.CONNECTED);
                flow.say("the caller hangs up");
                outgoing.drop().get(10, TimeUnit.SECONDS);
                flow.untilState(incoming.call(), CallState.DISCONNECTED);
                incoming.call().drop().get();
                flow.untilState(incoming.call(), CallState.IDLE);
            }
        }
    }
}
