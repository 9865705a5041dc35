package io.github.tapibridge.examples;

import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.sim.Simulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * What an example runs with: the configuration chosen on the command line, where to print, and
 * the simulated switch when the provider is the simulator. Against a real switch the examples
 * cannot set stations busy or move the clock; they say what they wait for and wait in real time.
 */
public final class ExampleContext {

    private final TapiConfig config;
    private final PrintStream out;
    private final String dial;
    private final Duration wait;
    private final Simulator simulator;

    ExampleContext(TapiConfig config, PrintStream out, String dial, Duration wait) {
        this.config = config;
        this.out = out;
        this.dial = dial;
        this.wait = wait;
        this.simulator = config.provider().kind() == Provider.Kind.SIMULATOR ? Simulator.get() : null;
    }

    /** The configuration from the command line ({@code --provider}, {@code --backend}). */
    public TapiConfig config() {
        return config;
    }

    /** Where the example prints. */
    public PrintStream out() {
        return out;
    }

    /** The number to call ({@code --dial}); examples that need a second number add 1 to it. */
    public String dial() {
        return dial;
    }

    /** The simulated switch, if the provider is the simulator. */
    public Optional<Simulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    /** Opens TAPI with the chosen configuration and a flow printer listening to every line. */
    public Tapi open(CallFlow flow) {
        Tapi tapi = Tapi.open(config);
        tapi.addListener(flow);
        return tapi;
    }

    /** A call flow printer that stamps events with the switch's clock. */
    public CallFlow flow() {
        return new CallFlow(out, simulator, wait);
    }

    /** Makes a station busy on the simulator, or asks the person at a real switch to. */
    public void busy(String number) {
        if (simulator != null) {
            simulator.station(number).busy();
            out.printf("%11s   (switch: station %s is busy)%n", "", number);
        } else {
            out.printf("%11s   (make sure %s is busy now)%n", "", number);
        }
    }

    /** Makes a station idle on the simulator, or asks the person at a real switch to. */
    public void idle(String number) {
        if (simulator != null) {
            simulator.station(number).idle();
            out.printf("%11s   (switch: station %s is idle)%n", "", number);
        } else {
            out.printf("%11s   (free %s now)%n", "", number);
        }
    }

    /** Lets time pass: the simulator's virtual clock moves; a real switch is given real time. */
    public void pass(Duration d) throws InterruptedException {
        if (simulator != null) {
            simulator.advance(d);
        } else {
            Thread.sleep(d.toMillis());
        }
    }
}
