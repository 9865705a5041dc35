package io.github.tapibridge.examples;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletion;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A dialer that does not give up on a busy number: it places the call, and if the number is
 * busy it asks the switch to call back when it is free (CALLBACK) and answers the recall. The
 * application code that {@code CallbackDialerTest} tests with the {@code tapibridge-test}
 * extension (see {@code docs/testing.md}); run on its own it dials a busy number on the
 * simulator.
 *
 * <p>Non-blocking: each step runs on the event thread when the one before completes.
 */
public final class CallbackDialer {

    /**
     * One dial in progress.
     *
     * @param callback completes once the dialer knows whether it had to ask for a callback: with
     *        the accepted completion if the number was busy, empty if it was not
     * @param call completes with the call that rings the far end: the call placed, or the
     *        answered recall; exceptionally if a step fails (the busy call is dropped then)
     */
    public record Dial(CompletableFuture<Optional<CallCompletion>> callback, CompletableFuture<Call> call) {
    }

    private final Line line;

    /**
     * Creates a dialer on an open line.
     *
     * @param line the line to call from, as owner
     */
    public CallbackDialer(Line line) {
        this.line = line;
    }

    /**
     * Dials a number.
     *
     * @param number the number
     * @return the dial in progress
     */
    public Dial dial(String number) {
        CompletableFuture<Optional<CallCompletion>> callback = new CompletableFuture<>();
        CompletableFuture<Call> call = line.makeCall(number)
                .thenCompose(placed -> placed.whenState(CallState.RINGBACK, CallState.CONNECTED, CallState.BUSY)
                        .thenCompose(state -> {
                            if (state != CallState.BUSY) {
                                callback.complete(Optional.empty());
                                return CompletableFuture.completedFuture(placed);
                            }
                            return callBack(placed, callback);
                        }));
        call.whenComplete((c, failure) -> {
            if (failure != null) {
                callback.completeExceptionally(failure);
            }
        });
        return new Dial(callback, call);
    }

    /** Asks for a callback on a busy call, then answers the recall. */
    private static CompletableFuture<Call> callBack(Call busy, CompletableFuture<Optional<CallCompletion>> callback) {
        return busy.completeCall(CallCompletionMode.CALLBACK)
                .whenComplete((completion, refused) -> {
                    if (refused != null) {
                        busy.drop().whenComplete((v, e) -> busy.close());
                    } else {
                        busy.whenState(CallState.IDLE).thenRun(busy::close); // the switch idles it
                    }
                })
                .thenCompose(completion -> {
                    callback.complete(Optional.of(completion));
                    return completion.whenFired();
                })
                .thenCompose(recall -> recall.whenState(CallState.OFFERING)
                        .thenCompose(offering -> recall.answer())
                        .thenApply(answered -> recall));
    }

    public static void main(String[] args) {
        Main.main(args, CallbackDialer::run);
    }

    static void run(ExampleContext ctx) throws Exception {
        ctx.simulator().ifPresent(Simulator::reset);
        CallFlow flow = ctx.flow();
        try (Tapi tapi = ctx.open(flow)) {
            String target = ctx.dial();
            ctx.busy(target);
            flow.say("dial " + target + "; the dialer asks for a callback if it is busy");
            Dial dial = new CallbackDialer(tapi.openLine(0)).dial(target);
            flow.say("callback requested: completion id " + flow.await(dial.callback()).orElseThrow().id());
            ctx.idle(target);
            ctx.pass(Duration.ofSeconds(2));
            Call recall = flow.await(dial.call());
            flow.say("the recall was answered: reason " + recall.info().reason());
            ctx.pass(Duration.ofSeconds(3));
            flow.await(recall, CallState.CONNECTED);
            flow.say("connected to " + target + "; hang up");
            recall.drop().get();
            flow.await(recall, CallState.IDLE);
            recall.close();
        }
    }
}
