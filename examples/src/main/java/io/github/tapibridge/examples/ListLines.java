package io.github.tapibridge.examples;

import io.github.tapibridge.AddressCaps;
import io.github.tapibridge.Line;
import io.github.tapibridge.LineDevice;
import io.github.tapibridge.LineOptions;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;

/** Lists every line with its call completion capabilities (lineGetDevCaps, lineGetAddressCaps). */
public final class ListLines {

    private ListLines() {
    }

    public static void main(String[] args) {
        Main.main(args, ListLines::run);
    }

    static void run(ExampleContext ctx) {
        ctx.simulator().ifPresent(Simulator::reset);
        try (Tapi tapi = Tapi.open(ctx.config())) {
            ctx.out().printf("%d lines (%s)%n", tapi.lineCount(), ctx.config().provider());
            for (int id = 0; id < tapi.lineCount(); id++) {
                LineDevice device = tapi.device(id);
                try (Line line = tapi.openLine(id, LineOptions.monitor())) {
                    AddressCaps caps = line.addressCaps(0);
                    ctx.out().printf("line %d  \"%s\"  API %s  address %s%n", id, device.name(),
                            device.apiVersion(), caps.address());
                    if (!caps.supportsCompletion()) {
                        ctx.out().println("    no call completion");
                        continue;
                    }
                    ctx.out().printf("    up to %d completions, modes %s, conditions %s%n",
                            caps.maxCallCompletions(), caps.completionModes(), caps.completionConditions());
                    for (int m = 0; m < caps.completionMessages().size(); m++) {
                        ctx.out().printf("    message %d: %s%n", m, caps.completionMessages().get(m));
                    }
                }
            }
        }
    }
}
