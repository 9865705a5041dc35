package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;

/**
 * Consults a second party while the first waits on hold: holds the call ({@code lineHold}),
 * makes a call in dial tone ({@code lineMakeCall} without a number) and dials it in two steps
 * ({@code lineDial}, the first ending in {@code ;}), then swaps between the two
 * ({@code lineSwapHold}) and hangs up both.
 */
public final class HoldAndSwap {

    private HoldAndSwap() {
    }

    public static void main(String[] args) {
        Main.main(args, HoldAndSwap::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            consult(ctx, flow, tapi.openLine(0), ctx.dial(), next(ctx.dial()));
        }
    }

    /** The second party: the number after {@code number} (201 gives 202), as in the demo. */
    private static String next(String number) {
        try {
            return Long.toString(Long.parseLong(number) + 1);
        } catch (NumberFormatException e) {
            return number;
        }
    }

    static void consult(ExampleContext ctx, CallFlow flow, Line line, String first, String second)
            throws Exception {
        flow.say("call " + first);
        Call call = line.makeCall(first).get();
        flow.await(call, CallState.RINGBACK);
        ctx.pass(Duration.ofSeconds(3));
        flow.await(call, CallState.CONNECTED);

        flow.say("put " + first + " on hold (lineHold)");
        call.hold().get();
        flow.await(call, CallState.ONHOLD);

        flow.say("take a new call in dial tone (lineMakeCall without a number)");
        Call consultation = line.makeCall().get();
        flow.await(consultation, CallState.DIALTONE);
        String head = second.substring(0, 1);
        String rest = second.substring(1);
        flow.say("dial " + head + "; then " + rest + " (lineDial)");
        consultation.dial(head + ";").get();
        flow.await(consultation, CallState.DIALING);
        consultation.dial(rest).get();
        flow.await(consultation, CallState.RINGBACK);
        ctx.pass(Duration.ofSeconds(3));
        flow.await(consultation, CallState.CONNECTED);
        flow.say("talking to " + consultation.info().calledId() + "; " + first + " is " + call.state());

        flow.say("swap: back to " + first + ", " + second + " waits (lineSwapHold)");
        consultation.swapHold(call).get();
        flow.await(call, CallState.CONNECTED);
        flow.say(first + " is " + call.state() + ", " + second + " is " + consultation.state());

        flow.say("hang up both");
        for (Call c : new Call[] {consultation, call}) {
            c.drop().get();
            flow.await(c, CallState.IDLE);
            c.close();
        }
    }
}
