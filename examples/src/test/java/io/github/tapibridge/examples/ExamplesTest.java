package io.github.tapibridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Call;
import io.github.tapibridge.CallState;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.sim.Simulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs every example as the jar would, and checks its exit code and what it prints. */
class ExamplesTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertContainsInOrder(String text, String... parts) {
        int at = 0;
        for (String part : parts) {
            int i = text.indexOf(part, at);
            assertTrue(i >= 0, "missing, or out of order: \"" + part + "\" in\n" + text);
            at = i + part.length();
        }
    }

    @ParameterizedTest
    @CsvSource({"jni", "jna"})
    void theDemoTellsTheWholeStory(String backend) {
        Run r = run("--backend", backend);
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(),
                "1. CALLBACK", "BUSY", "IDLE", "accepted: completion id 1; the call went idle",
                "2.000 s  LINE_APPNEWCALL", "OFFERING", "the recall: reason CALLCOMPLETION, completion id 1",
                "5.000 s  LINE_CALLSTATE", "CONNECTED",
                "2. CAMPON", "accepted: completion id 2; the call waits in BUSY",
                "7.000 s  LINE_CALLINFO", "reason CALLCOMPLETION, completion id 2", "RINGBACK",
                "10.000 s  LINE_CALLSTATE", "CONNECTED", "rang through on the same call (true)",
                "3. Cancel", "completion id 3", "cancelled: CANCELLED, 0 completions outstanding",
                "cancelling it again: LINEERR_INVALCOMPLETIONID", "done");
        assertEquals("", r.err());
    }

    @Test
    void theDemoIsTheDefault() {
        // Handle values and request IDs are never reused, so they differ between runs.
        String handles = "0x[0-9A-F]{8}";
        assertEquals(run().out().replaceAll(handles, "0x..."), run("run-demo").out().replaceAll(handles, "0x..."));
    }

    @Test
    void theDemoDrawsItsLadderWithTheOption() {
        String handles = "0x[0-9A-F]{8}";
        String plain = run().out().replaceAll(handles, "0x...");
        Run r = run("--ladder");
        assertEquals(0, r.exit(), r.err());
        String out = r.out().replaceAll(handles, "0x...");
        assertTrue(out.startsWith(plain), "the story first, unchanged:\n" + out);
        String ladder = out.substring(plain.length());
        String[] rows = ladder.split("\n");
        assertEquals("", rows[0]);
        assertEquals("the call flow, from the switch's trace:", rows[1]);
        assertTrue(rows[2].matches("\\s+time\\s+app 0x\\.\\.\\.\\s+line 0\\s+201\\s+202\\s+203"), rows[2]);
        assertContainsInOrder(ladder, "BUSY -> 0", "|--lineMakeCallW(\"201\") -> request 0x", "|--call 201-",
                "|<-busy-", "<-LINE_CALLSTATE 0x... BUSY-", "|--lineCompleteCall(0x..., mode=CALLBACK, msg=0)",
                "== advance 2000 ms ==", "<-LINE_APPNEWCALL 0x...-", "mode=CAMPON", "mode=CALLBACK",
                "|--lineUncompleteCall(");
    }

    @Test
    void listLines() {
        Run r = run("list-lines");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "4 lines", "line 0  \"Simulated line 100\"",
                "up to 4 completions, modes [CAMPON, CALLBACK, INTRUDE, MESSAGE], conditions [BUSY, NOANSWER]",
                "message 0: Please call me back", "line 3");
    }

    @Test
    void campOnBusyLine() {
        Run r = run("camp-on-busy-line");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "BUSY", "waits in BUSY", "LINE_CALLINFO", "RINGBACK", "CONNECTED",
                "rang through on the same call (true)", "IDLE");
    }

    @Test
    void requestCallback() {
        Run r = run("request-callback", "--dial", "555");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "call 555", "BUSY", "completion id 1", "OFFERING",
                "reason CALLCOMPLETION, completion id 1", "connected to 555");
    }

    @Test
    void callbackDialer() {
        Run r = run("callback-dialer");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "dial 201", "callback requested: completion id 1",
                "the recall was answered: reason CALLCOMPLETION", "CONNECTED", "connected to 201", "IDLE");
    }

    @Test
    void intrudeOnBusyLine() {
        Run r = run("intrude-on-busy-line");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "line 101 calls 301", "CONNECTED", "call 101", "BUSY",
                "joined the conversation: completion id 1, reason CALLCOMPLETION",
                "line 101 sees a new party, reason INTRUDE");
    }

    @Test
    void leaveCompletionMessage() {
        Run r = run("leave-completion-message");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "Please call me back", "BUSY", "IDLE", "delivered",
                "[MSGWAITON]", "message waiting: true");
    }

    @Test
    void cancelCompletion() {
        Run r = run("cancel-completion");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "cancel it", "cancelled: CANCELLED", "LINEERR_INVALCOMPLETIONID");
    }

    @Test
    void holdAndSwap() {
        Run r = run("hold-and-swap");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "call 201", "CONNECTED", "lineHold", "ONHOLD", "DIALTONE",
                "dial 2; then 02", "DIALING", "RINGBACK", "CONNECTED", "talking to 202; 201 is ONHOLD",
                "lineSwapHold", "201 is CONNECTED, 202 is ONHOLD", "hang up both", "IDLE", "IDLE");
    }

    @Test
    void consultationTransfer() {
        Run r = run("consultation-transfer");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "call 201", "CONNECTED", "lineSetupTransfer", "ONHOLDPENDTRANSFER",
                "DIALTONE", "201 is ONHOLDPENDTRANSFER; the consultation call has DIALTONE", "dial the colleague at 101",
                "RINGBACK", "101 answers", "OFFERING", "CONNECTED", "transfer modes [TRANSFERNORM, TRANSFERCONF]",
                "lineCompleteTransfer", "IDLE", "201 is IDLE, the consultation call is IDLE", "101 now talks to 201",
                "101 hangs up", "IDLE");
    }

    @Test
    void conference() {
        Run r = run("conference");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "call 201", "CONNECTED", "hold 201 and consult 202", "DIALTONE", "RINGBACK",
                "CONNECTED", "lineCompleteTransfer, conference mode", "CONFERENCED", "with 2 parties: 201 is CONFERENCED,"
                + " 202 is CONFERENCED", "lineRemoveFromConference", "IDLE",
                "the conference ended: 201 is CONNECTED, 202 is ONHOLD", "hang up both", "IDLE", "IDLE");
    }

    @Test
    void dtmfMenu() {
        Run r = run("dtmf-menu");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "call 201", "CONNECTED", "send 1# as DTMF", "LINE_GENERATE", "DONE", "sent",
                "lineMonitorDigits", "presses 4 2 #", "LINE_MONITORDIGITS", "'4' DTMF", "'2' DTMF", "'#' DTMF",
                "the far end entered 42", "hang up", "IDLE");
    }

    @Test
    void blindTransfer() {
        Run r = run("blind-transfer");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "call 201", "CONNECTED", "transfer 201 to 101", "lineBlindTransfer",
                "LINE_REPLY", "ok", "LINE_APPNEWCALL", "OFFERING", "IDLE", "this station is out of the call: IDLE",
                "101 is offered 201, reason TRANSFER, redirecting ID 100, redirection ID 101", "101 answers",
                "CONNECTED", "201 and 101 are connected: 101 talks to 201", "the switch's trace of the transfer:",
                "lineBlindTransferW", "201 diverted to 101", "hang up", "IDLE");
        assertEquals("", r.err());
    }

    @Test
    void redirect() {
        Run r = run("redirect");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "station 201 calls 100", "LINE_APPNEWCALL", "OFFERING",
                "offered a call from 201: redirect it to 101 (lineRedirect)", "LINE_REPLY", "ok", "LINE_APPNEWCALL",
                "OFFERING", "IDLE", "the call left this station: IDLE, redirecting ID 100, redirection ID 101",
                "101 is offered the call: caller 201, reason REDIRECT, redirecting ID 100,"
                        + " redirection ID 101", "101 answers", "CONNECTED", "station 201 hangs up", "DISCONNECTED",
                "IDLE");
        assertEquals("", r.err());
    }

    @Test
    void watchLineEvents() {
        Run r = run("watch-line-events");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "LINE_APPNEWCALL", "OFFERING", "answer", "CONNECTED",
                "the caller hangs up", "DISCONNECTED", "IDLE");
    }

    @Test
    void helpListsEveryExampleAndOption() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        for (String name : List.of("run-demo", "list-lines", "camp-on-busy-line", "request-callback",
                "intrude-on-busy-line", "leave-completion-message", "cancel-completion", "watch-line-events",
                "callback-dialer", "hold-and-swap", "dtmf-menu", "blind-transfer", "redirect", "consultation-transfer",
                "conference", "--provider", "--backend", "--dial", "--wait", "--ladder")) {
            assertTrue(r.out().contains(name), name);
        }
    }

    @Test
    void badCommandLinesExitWith2() {
        Run unknownOption = run("--bogus");
        assertEquals(2, unknownOption.exit());
        assertTrue(unknownOption.err().contains("unknown option: --bogus"), unknownOption.err());
        assertEquals(2, run("no-such-example").exit());
        assertEquals(2, run("--backend", "jnx").exit());
        assertEquals(2, run("--dial").exit());
        assertEquals("", run("--bogus").out());
    }

    @Test
    void theSystemProviderOutsideWindowsFailsClearly() {
        if (!System.getProperty("os.name").startsWith("Windows")) {
            Run r = run("list-lines", "--provider", "system");
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("Windows"), r.err());
        }
    }

    // ---- defects of the command line and the examples (issue 15) -------------------------

    @Test
    void requestCallbackToALocalLineSaysItNeverAnswers() {
        Run r = run("request-callback", "--dial", "101");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "101 is a line of this switch", "never answers by itself",
                "call 101", "BUSY", "the recall", "RINGBACK", "101 rings");
        assertEquals("", r.err());
    }

    @Test
    void aTimeoutSaysWhichStateWasAwaited() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (Simulator sim = Simulator.create();
             Tapi tapi = Tapi.open(TapiConfig.builder().provider(sim.provider()).build())) {
            // The clock does not move, so the remote station never answers.
            CallFlow flow = new CallFlow(new PrintStream(text, true, StandardCharsets.UTF_8), sim,
                    Duration.ofMillis(100));
            tapi.addListener(flow);
            Call call = tapi.openLine(0).makeCall("201").get();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> flow.await(call, CallState.CONNECTED));
            assertEquals(String.format("call 0x%08X did not reach CONNECTED within PT0.1S (its last reported"
                    + " state: RINGBACK)", call.handle()), e.getMessage());
        }
    }

    @Test
    void leaveCompletionMessageHonoursDial() {
        Run r = run("leave-completion-message", "--dial", "103");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "103 is busy", "delivered", "[MSGWAITON]",
                "line 103 shows message waiting: true");
        assertTrue(!r.out().contains("line 102") && !r.out().contains("102 is busy"), r.out());
    }

    @Test
    void intrudeOnBusyLineHonoursDial() {
        Run r = run("intrude-on-busy-line", "--dial", "102");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "line 102 calls 301", "CONNECTED", "call 102", "BUSY",
                "joined the conversation", "line 102 sees a new party, reason INTRUDE");
        assertTrue(!r.out().contains("line 101") && !r.out().contains("call 101"), r.out());
    }

    @Test
    void waitMustBeAWholeNumberOfSeconds() {
        for (String bad : List.of("-1", "0", "abc", "1.5", "86401", "99999999999999999999")) {
            Run r = run("list-lines", "--wait", bad);
            assertEquals(2, r.exit(), bad);
            assertTrue(r.err().contains("--wait takes a whole number of seconds from 1 to 86400: " + bad), r.err());
            assertTrue(!r.err().contains("NumberFormatException") && !r.err().contains("For input string"), r.err());
            assertEquals("", r.out(), bad);
        }
        assertEquals(0, run("list-lines", "--wait", "5").exit());
    }

    @Test
    void optionsMayComeBeforeTheExampleName() {
        Run r = run("--dial", "555", "--wait", "5", "request-callback");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "call 555", "connected to 555");
        Run two = run("list-lines", "cancel-completion");
        assertEquals(2, two.exit());
        assertTrue(two.err().contains("one example at a time"), two.err());
    }

    @Test
    void cancelCompletionShowsTheUncompleteCallReply() {
        Run r = run("cancel-completion");
        assertEquals(0, r.exit(), r.err());
        assertContainsInOrder(r.out(), "cancel it", "LINE_REPLY", "ok", "cancelled: CANCELLED",
                "LINE_REPLY", "LINEERR_INVALCOMPLETIONID", "cancelling it again: LINEERR_INVALCOMPLETIONID");
    }

    @Test
    void theDemoShowsTheUncompleteCallReply() {
        Run r = run();
        assertEquals(0, r.exit(), r.err());
        String step3 = r.out().substring(r.out().indexOf("3. Cancel"));
        assertContainsInOrder(step3, "cancel it", "LINE_REPLY", "ok", "cancelled: CANCELLED",
                "LINE_REPLY", "LINEERR_INVALCOMPLETIONID", "cancelling it again");
    }

    @Test
    void theReadmeListsEveryOption() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String options = readme.substring(readme.indexOf("\nOptions: "));
        options = options.substring(0, options.indexOf("\n\n"));
        for (String option : List.of("--backend", "--provider", "--dial", "--wait", "--ladder", "--help")) {
            assertTrue(options.contains("`" + option), option + " in " + options);
        }
        assertTrue(run("--help").out().contains("--wait"));
    }
}
