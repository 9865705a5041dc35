package io.github.tapibridge.examples;

import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.sim.Simulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

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

    /** The number to call when {@code --dial} is not given. */
    public static final String DEFAULT_DIAL = "201";

    /** How many lines the simulator has after {@link Simulator#reset()}: 100 to 103. */
    private static final int SIMULATED_LINES = 4;

    /**
     * The number to call ({@code --dial}, or {@value #DEFAULT_DIAL}); examples that need a second
     * number add 1 to it.
     */
    public String dial() {
        return dial(DEFAULT_DIAL);
    }

    /**
     * The number to call: {@code --dial} if it was given, else the example's own default, such as
     * a line of the simulated switch for an example that needs one.
     */
    public String dial(String exampleDefault) {
        return dial != null ? dial : exampleDefault;
    }

    /**
     * The device ID of the simulated switch's line with this number ({@code "100"} is line 0 ...
     * {@code "103"} line 3 in the default topology the examples reset to), or empty if the
     * number is a remote station or the provider is not the simulator.
     */
    public OptionalInt localLine(String number) {
        if (simulator != null && number.matches("1\\d\\d")) {
            int id = Integer.parseInt(number.substring(1));
            if (id < SIMULATED_LINES) {
                return OptionalInt.of(id);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Whether a call to {@code number} is answered without this program: a remote station of
     * the simulator answers after 3 seconds, a person answers at a real switch; a line of the
     * simulated switch never answers by itself (an application on it would have to).
     */
    public boolean answersByItself(String number) {
        return localLine(number).isEmpty();
    }

    /** Says up front that a local target will not answer, and what the example does then. */
    void sayIfNeverAnswers(CallFlow flow, String number) {
        if (!answersByItself(number)) {
            flow.say(number + " is a line of this switch, and a line never answers by itself (an"
                    + " application on it would have to): this example stops where " + number + " rings");
        }
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
