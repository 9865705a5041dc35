package io.github.tapibridge.modularcheck;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Line;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.sim.Simulator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Opens an application on an isolated simulated switch, calls a remote station and waits until it
 * answers: the native libraries were found and loaded from the module {@code
 * io.github.tapibridge.natives}. Prints one line and exits 0, or throws.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the check.
     *
     * @param args how it runs, for the line it prints; then the backend (JNI if none); then
     *        {@code unavailable} if opening it must fail with the IllegalStateException of a
     *        backend this JDK cannot run (Backend.FFM below JDK 22)
     * @throws Exception if the check fails
     */
    public static void main(String[] args) throws Exception {
        String how = args.length > 0 ? args[0] : "?";
        Backend backend = args.length > 1 ? Backend.valueOf(args[1]) : Backend.JNI;
        if (args.length > 2 && args[2].equals("unavailable")) {
            expectUnavailable(how, backend);
            return;
        }
        Module library = Tapi.class.getModule();
        if (!library.isNamed()) {
            throw new IllegalStateException("tapibridge is not a named module here: " + library);
        }
        try (Simulator sim = Simulator.create();
             Tapi tapi = Tapi.open(TapiConfig.builder().provider(sim.provider()).backend(backend).build())) {
            Line line = tapi.openLine(0);
            Call call = line.makeCall("201").get(30, TimeUnit.SECONDS);
            sim.advance(Duration.ofSeconds(3), tapi); // the remote station answers after 3 s
            CallState state = call.state();
            if (state != CallState.CONNECTED) {
                throw new IllegalStateException("the call is " + state + ", not CONNECTED");
            }
            System.out.println("tapibridge on the " + how + ": " + library.getName() + " with "
                    + ModuleLayer.boot().findModule("io.github.tapibridge.natives").map(Module::getName)
                            .orElse("no natives module") + ", a call CONNECTED through "
                    + tapi.config().backend());
        }
    }

    /** Opening the backend fails at once, saying which JDK it needs; the simulator is not reached. */
    private static void expectUnavailable(String how, Backend backend) {
        try (Tapi tapi = Tapi.open(TapiConfig.builder().backend(backend).build())) {
            throw new IllegalStateException(backend + " opened on Java " + Runtime.version() + ": " + tapi);
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().contains("needs JDK 22+")) {
                throw e;
            }
            System.out.println("tapibridge on the " + how + ": " + backend + " refused on Java "
                    + Runtime.version().feature() + ": " + e.getMessage());
        }
    }
}
