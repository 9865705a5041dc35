package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.DigitMode;
import io.github.tapibridge.LineEvent;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.EnumSet;

/**
 * A touch-tone exchange on a connected call: sends a menu choice as DTMF
 * ({@code lineGenerateDigits}, {@code LINE_GENERATE} when sent), then listens for the digits
 * the far end keys in ({@code lineMonitorDigits}, a {@code LINE_MONITORDIGITS} per key) until
 * {@code #}, and hangs up. On the simulator the far end is a remote station that presses the keys.
 */
public final class DtmfMenu {

    private DtmfMenu() {
    }

    public static void main(String[] args) {
        Main.main(args, DtmfMenu::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            String number = ctx.dial();
            flow.say("call " + number);
            Call call = tapi.openLine(0).makeCall(number).get();
            flow.await(call, CallState.RINGBACK);
            ctx.pass(Duration.ofSeconds(3));
            flow.await(call, CallState.CONNECTED);

            flow.say("choose option 1 of the menu: send 1# as DTMF (lineGenerateDigits)");
            call.generateDigits("1#", DigitMode.DTMF, null);
            ctx.pass(Duration.ofMillis(400));
            LineEvent.DigitsGenerated sent = flow.until(LineEvent.DigitsGenerated.class, e -> e.call() == call);
            flow.say(sent.done() ? "sent" : "cancelled");

            flow.say("listen for the far end's keys, up to # (lineMonitorDigits)");
            call.monitorDigits(EnumSet.of(DigitMode.DTMF));
            if (ctx.simulator().isPresent()) {
                ctx.simulator().get().station(number).pressDigits("42#");
                flow.say("(switch: station " + number + " presses 4 2 #)");
                ctx.pass(Duration.ofMillis(600));
            } else {
                flow.say("(press 4 2 # on " + number + " now)");
            }
            StringBuilder entered = new StringBuilder();
            for (;;) {
                LineEvent.DigitReceived key = flow.until(LineEvent.DigitReceived.class, e -> e.call() == call);
                if (key.digit() == '#') {
                    break;
                }
                entered.append(key.digit());
            }
            flow.say("the far end entered " + entered);
            call.monitorDigits(EnumSet.noneOf(DigitMode.class));

            flow.say("hang up");
            call.drop().get();
            flow.await(call, CallState.IDLE);
            call.close();
        }
    }
}
