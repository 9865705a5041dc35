package io.github.tapibridge.examples;

import io.github.tapibridge.Backend;
import io.github.tapibridge.Provider;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.sim.Ladder;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The runnable jar: with no arguments it runs the call completion demo on the simulator;
 * {@code --help} lists the examples and options.
 */
public final class Main {

    /** An example: one task, run with the context built from the command line. */
    @FunctionalInterface
    public interface Example {
        void run(ExampleContext context) throws Exception;
    }

    private record Entry(String description, Example example) {
    }

    private static final Map<String, Entry> EXAMPLES = new LinkedHashMap<>();

    /** The options that take a value: the argument after them is never an example's name. */
    private static final Set<String> WITH_VALUE = Set.of("--provider", "--backend", "--dial", "--wait");

    /** The longest {@code --wait}, in seconds (a day). */
    static final long MAX_WAIT_SECONDS = 86_400;

    static {
        EXAMPLES.put("run-demo", new Entry("the call completion story (the default)", RunDemo::run));
        EXAMPLES.put("list-lines", new Entry("list lines and their completion capabilities", ListLines::run));
        EXAMPLES.put("camp-on-busy-line", new Entry("camp on a busy line until it rings through", CampOnBusyLine::run));
        EXAMPLES.put("request-callback", new Entry("request a callback and take the recall", RequestCallback::run));
        EXAMPLES.put("intrude-on-busy-line", new Entry("join a busy line's conversation", IntrudeOnBusyLine::run));
        EXAMPLES.put("leave-completion-message", new Entry("leave a completion message", LeaveCompletionMessage::run));
        EXAMPLES.put("cancel-completion", new Entry("cancel an outstanding completion", CancelCompletion::run));
        EXAMPLES.put("callback-dialer", new Entry("dial; if busy, ask for a callback and answer it", CallbackDialer::run));
        EXAMPLES.put("hold-and-swap", new Entry("hold a call, dial a second one in steps, swap between them",
                HoldAndSwap::run));
        EXAMPLES.put("dtmf-menu", new Entry("send a menu choice as DTMF, then collect the far end's keys",
                DtmfMenu::run));
        EXAMPLES.put("blind-transfer", new Entry("transfer a connected party to another line without consulting",
                BlindTransfer::run));
        EXAMPLES.put("redirect", new Entry("redirect an offered call to another line before answering",
                RedirectIncoming::run));
        EXAMPLES.put("consultation-transfer", new Entry("consult a colleague, then transfer the call to them",
                ConsultationTransfer::run));
        EXAMPLES.put("conference", new Entry("make a three-party conference from a consultation call",
                ThreePartyConference::run));
        EXAMPLES.put("watch-line-events", new Entry("watch the events of a line", WatchLineEvents::run));
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one example class's {@code run} with the options in {@code args}; exits the JVM. */
    static void main(String[] args, Example example) {
        System.exit(run(args, example, System.out, System.err));
    }

    /**
     * Parses the command line and runs the chosen example.
     *
     * @return the exit code: 0 done, 1 the example failed, 2 bad command line
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        // The example's name may come anywhere among the options: the first argument that is
        // neither an option nor an option's value.
        String name = null;
        List<String> options = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-")) {
                options.add(a);
                if (WITH_VALUE.contains(a) && i + 1 < args.length) {
                    options.add(args[++i]);
                }
            } else if (name == null) {
                name = a;
            } else {
                err.println("one example at a time: " + name + " and " + a + " (--help lists them)");
                return 2;
            }
        }
        if (name == null) {
            name = "run-demo";
        }
        Entry entry = EXAMPLES.get(name);
        if (entry == null) {
            err.println("unknown example: " + name + " (--help lists them)");
            return 2;
        }
        return run(options.toArray(new String[0]), entry.example(), out, err);
    }

    static int run(String[] args, Example example, PrintStream out, PrintStream err) {
        Provider provider = Provider.simulator();
        Backend backend = Backend.JNI;
        String dial = null;
        Duration wait = Duration.ofSeconds(10);
        boolean ladder = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> {
                        usage(out);
                        return 0;
                    }
                    case "--provider" -> provider = switch (value(args, ++i, a)) {
                        case "simulator" -> Provider.simulator();
                        case "system" -> Provider.system();
                        default -> throw new IllegalArgumentException("--provider takes simulator or system");
                    };
                    case "--backend" -> backend = switch (value(args, ++i, a).toLowerCase(Locale.ROOT)) {
                        case "jni" -> Backend.JNI;
                        case "jna" -> Backend.JNA;
                        default -> throw new IllegalArgumentException("--backend takes jni or jna");
                    };
                    case "--dial" -> dial = value(args, ++i, a);
                    case "--wait" -> wait = waitOption(value(args, ++i, a));
                    case "--ladder" -> ladder = true;
                    default -> throw new IllegalArgumentException("unknown option: " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + " (--help lists the options)");
            return 2;
        }
        TapiConfig config = TapiConfig.builder().provider(provider).backend(backend)
                .appName("tapibridge examples").build();
        try {
            ExampleContext context = new ExampleContext(config, out, dial, wait);
            example.run(context);
            if (ladder) {
                printLadder(context);
            }
            return 0;
        } catch (Exception | LinkageError e) {
            err.println("failed: " + e);
            return 1;
        }
    }

    /** The call flow of the run as a ladder diagram, from the simulator's trace. */
    private static void printLadder(ExampleContext context) {
        context.out().println();
        if (context.simulator().isEmpty()) {
            context.out().println("(--ladder: only the simulator has a trace to draw)");
            return;
        }
        context.out().println("the call flow, from the switch's trace:");
        context.out().print(Ladder.fromTrace(context.simulator().get().trace()).toText());
    }

    /** {@code --wait}: whole seconds, 1 to {@link #MAX_WAIT_SECONDS}. */
    private static Duration waitOption(String text) {
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1 || seconds > MAX_WAIT_SECONDS) {
            throw new IllegalArgumentException("--wait takes a whole number of seconds from 1 to "
                    + MAX_WAIT_SECONDS + ": " + text);
        }
        return Duration.ofSeconds(seconds);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar tapibridge-examples.jar [example] [options]  (in any order)");
        out.println();
        out.println("examples:");
        EXAMPLES.forEach((name, e) -> out.printf("  %-26s %s%n", name, e.description()));
        out.println();
        out.println("options:");
        out.println("  --provider simulator|system  the bundled simulator (default) or Windows tapi32.dll");
        out.println("  --backend jni|jna            the JNI bridge (default) or the JNA binding");
        out.println("  --dial NUMBER                the number to call (default 201; the examples that need a");
        out.println("                               line of the switch default to one: 101 or 102)");
        out.println("  --wait SECONDS               how long to wait for each event, 1 to " + MAX_WAIT_SECONDS
                + " (default 10)");
        out.println("  --ladder                     at the end, print the call flow as a ladder diagram");
        out.println("  --help                       this text");
    }
}
