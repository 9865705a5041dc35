package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallInfo;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.util.concurrent.CompletableFuture;

/**
 * Deflects an incoming call before answering it: a call from a remote station is OFFERING on
 * line 100, which redirects it to line 101 ({@code lineRedirect}); the call leaves line 100
 * ({@code IDLE}) and is offered at 101 with {@code LINECALLREASON_REDIRECT}, whose
 * {@code CallInfo} names 100 as the redirecting and 101 as the redirection party. Line 101 is
 * line 1 of the same application; it answers, and the caller hangs up. On the simulator the
 * caller is station 201 ({@code --dial} names another remote station).
 */
public final class RedirectIncoming {

    /** Where the call goes: 101, line 1 of the simulated switch. */
    static final String DESTINATION = "101";

    private RedirectIncoming() {
    }

    public static void main(String[] args) {
        Main.main(args, RedirectIncoming::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            Line line = tapi.openLine(0);
            Line destination = tapi.openLine(1);
            String caller = ctx.dial();
            CompletableFuture<Call> next = line.whenNewCall();
            if (ctx.simulator().isPresent()) {
                ctx.simulator().get().station(caller).call("100");
                flow.say("(switch: station " + caller + " calls 100)");
            } else {
                flow.say("call line 0 now");
            }
            Call incoming = flow.await(next);
            flow.await(incoming, CallState.OFFERING);
            flow.say("offered a call from " + incoming.info().callerId() + ": redirect it to " + DESTINATION
                    + " (lineRedirect)");
            CompletableFuture<Call> redirected = destination.whenNewCall();
            flow.reply(incoming.redirect(DESTINATION));
            // The switch offers the call at the destination, then lets it go here.
            Call call = flow.await(redirected);
            flow.await(call, CallState.OFFERING);
            flow.await(incoming, CallState.IDLE);
            CallInfo left = incoming.info();
            flow.say("the call left this station: " + incoming.state() + ", redirecting ID "
                    + left.redirectingId() + ", redirection ID " + left.redirectionId());
            incoming.close();
            CallInfo info = call.info();
            flow.say(DESTINATION + " is offered the call: caller " + info.callerId() + ", reason " + info.reason()
                    + ", redirecting ID " + info.redirectingId() + ", redirection ID " + info.redirectionId());
            flow.say(DESTINATION + " answers");
            call.answer().get();
            flow.await(call, CallState.CONNECTED);
            if (ctx.simulator().isPresent()) {
                ctx.simulator().get().station(caller).hangUp();
                flow.say("(switch: station " + caller + " hangs up)");
            } else {
                flow.say("(hang up the caller now)");
            }
            flow.await(call, CallState.DISCONNECTED);
            call.drop().get();
            flow.await(call, CallState.IDLE);
            call.close();
        }
    }
}
