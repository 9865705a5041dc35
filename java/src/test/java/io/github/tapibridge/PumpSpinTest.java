package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.internal.EventPump;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event pump asks its drain to spin before blocking exactly while replies are owed
 * (docs/architecture.md, "The event pump's spin"), over {@link FakeBackend}, which records each
 * drain's {@code spinMicros}: an idle application's pump blocks at once and costs no CPU.
 */
class PumpSpinTest {

    static final int LINE_LINEDEVSTATE = 8;

    FakeBackend fake;
    Tapi tapi;

    @BeforeEach
    void open() {
        fake = new FakeBackend();
        tapi = Tapi.open(TapiConfig.builder().appName("spin test").build(), fake);
    }

    @AfterEach
    void close() {
        tapi.close();
    }

    /** The spins of the drains made from now on, once the pump waits in the next one. */
    List<Integer> drainsAfter(int from) throws InterruptedException {
        fake.awaitIdle();
        List<Integer> all = fake.drainSpins;
        return all.subList(from, all.size());
    }

    @Test
    void thePumpSpinsOnlyWhileARequestWaitsForItsReply() throws Exception {
        Line line = tapi.openLine(0);
        fake.awaitIdle();
        int before = fake.drainSpins.size();
        assertTrue(before > 0, "the pump drains");
        assertTrue(fake.drainSpins.stream().allMatch(s -> s == 0), "nothing owed yet: " + fake.drainSpins);

        CompletableFuture<Call> made = line.makeCall("201");
        FakeBackend.Request r = fake.lastRequest();
        fake.post(line.handle(), LINE_LINEDEVSTATE, fake.instanceOf(line.handle()), 0, 0, 0); // wakes the pump
        List<Integer> owed = drainsAfter(before);
        assertEquals(EventPump.SPIN_MICROS, owed.get(owed.size() - 1),
                "the drain made while lineMakeCall's reply is owed spins: " + owed);

        int replied = fake.drainSpins.size();
        fake.defineCall(0x3001, line.handle(), CallState.DIALTONE, CallReason.DIRECT, 0);
        fake.reply(r, 0, 0x3001);
        made.get(30, TimeUnit.SECONDS);
        List<Integer> after = drainsAfter(replied);
        assertEquals(0, after.get(after.size() - 1), "nothing owed again: " + after);
    }
}
