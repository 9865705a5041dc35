package io.github.tapibridge.examples;

import io.github.tapibridge.AddressCaps;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;

/**
 * The demo: on the simulator's virtual clock, a call to a busy station requests CALLBACK and
 * takes the recall; a call to another busy station camps on and rings through; a third request
 * is cancelled. Prints the call flow: time, TAPI message, call state, completion ID; with
 * {@code --ladder}, also the switch's trace drawn as a ladder diagram at the end.
 */
public final class RunDemo {

    private RunDemo() {
    }

    public static void main(String[] args) {
        Main.main(args, RunDemo::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            Line line = tapi.openLine(0);
            AddressCaps caps = line.addressCaps(0);
            ctx.out().printf("tapibridge demo: line %s (%s, %s backend), completion modes %s%n",
                    caps.address(), ctx.config().provider(), ctx.config().backend(), caps.completionModes());
            String first = ctx.dial();
            String second = next(first, 1);
            String third = next(first, 2);
            ctx.out().printf("%n1. CALLBACK: %s is busy; the switch calls back when it is free%n", first);
            RequestCallback.requestCallback(ctx, flow, line, first);
            ctx.out().printf("%n2. CAMPON: %s is busy; the call waits and rings through%n", second);
            CampOnBusyLine.campOn(ctx, flow, line, second);
            ctx.out().printf("%n3. Cancel: a callback request for %s, cancelled%n", third);
            CancelCompletion.cancel(ctx, flow, line, third);
            ctx.out().printf("%ndone%n");
        }
    }

    /** The number {@code n} above {@code number}, if it is numeric. */
    private static String next(String number, int n) {
        try {
            return Long.toString(Long.parseLong(number) + n);
        } catch (NumberFormatException e) {
            return number;
        }
    }
}
