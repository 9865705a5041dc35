package io.github.tapibridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.LineError;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The table of the applications' USEEVENT events and the drain's spin on them
 * ({@link AppEvents}), over {@link FakeWaits} and a scripted {@code lineGetMessage}: what is
 * recorded, when a take spins, polls and blocks, and that a shutdown ends a spin and closes a
 * duplicate no drain polls any more. The backends' use of it: {@code EventSpinCases}.
 */
class AppEventsTest {

    static final int USEEVENT = TapiConstants.LINEINITIALIZEEXOPTION_USEEVENT;
    static final int CALLHUBTRACKING = 0x80000000;
    static final int SIZE = Layout.LINEINITIALIZEEXPARAMS_SIZE;
    static final int EMPTY = TapiConstants.LINEERR_OPERATIONFAILED;
    static final int INFINITE = TapiConstants.INFINITE;
    static final int INVALAPPHANDLE = LineError.LINEERR_INVALAPPHANDLE.code();
    static final long HANG_GUARD_SECONDS = 60;

    final FakeWaits waits = new FakeWaits();
    final AppEvents events = new AppEvents(waits);

    /** A lineGetMessage that records each timeout and answers what {@code answer} says. */
    static final class Script implements AppEvents.Taker {
        final List<Integer> timeouts = new CopyOnWriteArrayList<>();
        final IntUnaryOperator answer;

        Script(IntUnaryOperator answer) {
            this.answer = answer;
        }

        @Override
        public int lineGetMessage(int hLineApp, long lpMessage, int dwTimeout) {
            timeouts.add(dwTimeout);
            return answer.applyAsInt(dwTimeout);
        }
    }

    /** Empty while taken with timeout 0; a message once it blocks. */
    static Script emptyUntilItBlocks() {
        return new Script(t -> t == 0 ? EMPTY : 0);
    }

    @Test
    void kernel32IsBoundOnWindowsOnlyAndAFailedBindingGivesNoWaits() {
        String os = System.getProperty("os.name");
        if (!os.toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            assertNull(AppEvents.windowsWaits("test", () -> {
                throw new AssertionError("bound off Windows");
            }));
        }
        System.setProperty("os.name", "Windows 11"); // as the backends' bindings would see it
        try {
            assertEquals(waits, AppEvents.windowsWaits("test", () -> waits));
            assertNull(AppEvents.windowsWaits("test", () -> {
                throw new UnsatisfiedLinkError("no kernel32 here");
            }), "logged; the drain blocks at once");
        } finally {
            System.setProperty("os.name", os);
        }
    }

    @Test
    void recordsOnlyAnApplicationThatGotTheEventModel() {
        events.initialized(1, SIZE, USEEVENT, 0x100);
        events.initialized(2, SIZE, USEEVENT | CALLHUBTRACKING, 0x200);
        assertEquals(2, events.recorded());
        assertEquals(List.of(0x100L, 0x200L), waits.duplicated);

        events.initialized(3, SIZE, 1, 0x300); // LINEINITIALIZEEXOPTION_USEHIDDENWINDOW
        events.initialized(4, SIZE, USEEVENT | 4, 0x400);
        events.initialized(5, SIZE, USEEVENT, 0);
        events.initialized(0, SIZE, USEEVENT, 0x600);
        events.initialized(7, Layout.LINEINITIALIZEEXPARAMS_HANDLES + Layout.POINTER_SIZE - 1, USEEVENT, 0x700);
        assertEquals(2, events.recorded());
        assertEquals(2, waits.duplicated.size(), "nothing duplicated for those: " + waits.duplicated);

        assertTrue(AppEvents.coversEvent(Layout.LINEINITIALIZEEXPARAMS_HANDLES + Layout.POINTER_SIZE));
        assertFalse(AppEvents.coversEvent(Layout.LINEINITIALIZEEXPARAMS_HANDLES + Layout.POINTER_SIZE - 1));
        assertTrue(AppEvents.coversEvent(-1), "dwTotalSize is unsigned");
    }

    @Test
    void pastTheCapacityTheDuplicateIsClosedAndTheDrainBlocksAtOnce() {
        for (int app = 1; app <= AppEvents.CAPACITY; app++) {
            events.initialized(app, SIZE, USEEVENT, 0x1000 + app);
        }
        assertEquals(AppEvents.CAPACITY, events.recorded());
        assertTrue(waits.closed.isEmpty());

        int last = AppEvents.CAPACITY + 1;
        events.initialized(last, SIZE, USEEVENT, 0x1000 + last);
        long extra = waits.handedOut.get(AppEvents.CAPACITY);
        assertEquals(java.util.Set.of(extra), waits.closed, "the table is full: its duplicate closed");
        assertNull(events.enter(last));

        Script taker = emptyUntilItBlocks();
        assertEquals(0, events.take(taker, last, 0, INFINITE, 50));
        assertEquals(List.of(INFINITE), taker.timeouts, "no spin: it blocks at once");
        assertEquals(0, waits.polls());
    }

    @Test
    void aDuplicateThatCannotBeMadeLeavesTheApplicationUnrecorded() {
        waits.failDuplicates = true;
        events.initialized(1, SIZE, USEEVENT, 0x100);
        assertEquals(0, events.recorded());
        Script taker = emptyUntilItBlocks();
        assertEquals(0, events.take(taker, 1, 0, INFINITE, 50));
        assertEquals(List.of(INFINITE), taker.timeouts);
    }

    @Test
    void aHandleInitializedAgainReplacesItsEntry() {
        events.initialized(1, SIZE, USEEVENT, 0x100);
        events.initialized(1, SIZE, USEEVENT, 0x101); // an application that ended without shutdown
        assertEquals(1, events.recorded());
        long first = waits.handedOut.get(0);
        long second = waits.handedOut.get(1);
        assertEquals(java.util.Set.of(first), waits.closed);

        waits.answer = AppEvents.WAIT_OBJECT_0;
        Script taker = new Script(t -> taker0(t));
        events.take(taker, 1, 0, INFINITE, 1_000_000);
        assertEquals(0, waits.polls(first));
        assertEquals(1, waits.polls(second));
    }

    private int calls;

    /** Empty at the first take, a message at the second. */
    private int taker0(int timeout) {
        return calls++ == 0 ? EMPTY : 0;
    }

    @Test
    void shutdownAndClearCloseTheDuplicates() {
        events.initialized(1, SIZE, USEEVENT, 0x100);
        events.initialized(2, SIZE, USEEVENT, 0x200);
        events.initialized(3, SIZE, USEEVENT, 0x300);
        events.shutdown(2);
        assertEquals(java.util.Set.of(waits.handedOut.get(1)), waits.closed);
        assertNull(events.enter(2));
        events.shutdown(2); // forgotten already: nothing to close
        events.shutdown(9);
        assertEquals(2, events.recorded());

        events.clear();
        assertEquals(0, events.recorded());
        assertEquals(java.util.Set.copyOf(waits.handedOut), waits.closed);
    }

    @Test
    void aTakeSpinsUntilTheEventIsSignalledThenTakesAgain() {
        int[] polls = {0};
        AppEvents spinning = new AppEvents(new AppEvents.Waits() {
            @Override public long duplicate(long event) { return 0x4000; }
            @Override public int poll(long h) {
                return ++polls[0] < 5 ? AppEvents.WAIT_TIMEOUT : AppEvents.WAIT_OBJECT_0;
            }
            @Override public void close(long h) { }
        });
        spinning.initialized(1, SIZE, USEEVENT, 0x100);
        Script taker = new Script(t -> taker0(t));
        assertEquals(0, spinning.take(taker, 1, 0, INFINITE, 60_000_000));
        assertEquals(List.of(0, 0), taker.timeouts, "taken again with timeout 0 once signalled");
        assertEquals(5, polls[0]);
    }

    @Test
    void aSpinThatRunsOutBlocks() {
        events.initialized(1, SIZE, USEEVENT, 0x100);
        Script taker = emptyUntilItBlocks();
        assertEquals(0, events.take(taker, 1, 0, INFINITE, 1_000));
        assertEquals(List.of(0, INFINITE), taker.timeouts);
        assertTrue(waits.polls() > 0, "it polled before it blocked");
        assertNotNull(events.enter(1), "still recorded");
    }

    @Test
    void anEventSignalledOverAnEmptyQueueEndsTheSpinAtItsDeadline() {
        events.initialized(1, SIZE, USEEVENT, 0x100);
        waits.answer = AppEvents.WAIT_OBJECT_0; // signalled, but every take finds the queue empty
        Script taker = emptyUntilItBlocks();
        assertEquals(0, events.take(taker, 1, 0, INFINITE, 1_000));
        List<Integer> t = taker.timeouts;
        assertEquals(INFINITE, t.get(t.size() - 1), "it blocks in the end: " + t.size() + " takes");
        assertTrue(t.subList(0, t.size() - 1).stream().allMatch(x -> x == 0));
    }

    @Test
    void aFailedPollBlocks() {
        events.initialized(1, SIZE, USEEVENT, 0x100);
        waits.answer = 0xFFFFFFFF; // WAIT_FAILED
        Script taker = emptyUntilItBlocks();
        assertEquals(0, events.take(taker, 1, 0, INFINITE, 60_000_000));
        assertEquals(List.of(0, INFINITE), taker.timeouts);
        assertEquals(1, waits.polls());
    }

    @Test
    void noSpinWithoutSpinMicrosOrWithAFiniteTimeoutAndNoneAfterAnError() {
        events.initialized(1, SIZE, USEEVENT, 0x100);
        Script taker = emptyUntilItBlocks();
        events.take(taker, 1, 0, INFINITE, 0);
        events.take(taker, 1, 0, 100, 50);
        assertEquals(List.of(INFINITE, 100), taker.timeouts);

        Script failing = new Script(t -> INVALAPPHANDLE);
        assertEquals(INVALAPPHANDLE, events.take(failing, 1, 0, INFINITE, 60_000_000));
        assertEquals(List.of(0), failing.timeouts, "the first take's error, at once");
        assertEquals(0, waits.polls());
    }

    @Test
    void shutdownEndsASpinAndClosesTheDuplicateOnlyOnceNoDrainPollsIt() throws Exception {
        events.initialized(1, SIZE, USEEVENT, 0x100);
        Script taker = new Script(t -> t == 0 ? EMPTY : INVALAPPHANDLE); // shut down: the block fails
        CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(
                () -> events.take(taker, 1, 0, INFINITE, 600_000_000));
        waits.awaitPolls(waits.handedOut.get(0), HANG_GUARD_SECONDS * 1000);
        events.shutdown(1);
        assertEquals(INVALAPPHANDLE, drain.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        assertEquals(INFINITE, taker.timeouts.get(taker.timeouts.size() - 1));
        assertEquals(java.util.Set.of(waits.handedOut.get(0)), waits.closed);
        assertEquals(0, waits.pollsOfClosed.get(), "a duplicate polled after its close");
    }

    @Test
    void manyShutdownsRacingSpinsNeverPollAClosedDuplicate() throws Exception {
        for (int round = 0; round < 200; round++) {
            int app = round + 1;
            events.initialized(app, SIZE, USEEVENT, 0x100 + app);
            Script taker = new Script(t -> t == 0 ? EMPTY : INVALAPPHANDLE);
            CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(
                    () -> events.take(taker, app, 0, INFINITE, 600_000_000));
            if (round % 2 == 1) { // else it may come before the drain enters, or while it polls
                waits.awaitPolls(waits.handedOut.get(round), HANG_GUARD_SECONDS * 1000);
            }
            events.shutdown(app);
            drain.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        }
        assertEquals(0, waits.pollsOfClosed.get());
        assertEquals(0, events.recorded());
    }
}
