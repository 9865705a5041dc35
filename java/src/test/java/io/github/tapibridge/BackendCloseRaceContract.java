package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.sim.Simulator;
import io.github.tapibridge.spi.TapiBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The backend's close under fire, repeated: many threads call through a backend while another
 * closes it. No crash, every call either answers or throws IllegalStateException, and no call
 * reaches the provider after {@code close()} returned. The simulator's trace shows which calls
 * reached it (a line as each returns): the trace read as close returns must already hold every
 * line the race leaves, so close waited for the calls in flight, and no call refused after it got
 * through. Each call carries its own number as the call handle, taken before the call.
 */
abstract class BackendCloseRaceContract extends SimTestSupport {

    static final int ROUNDS = 40;
    static final int THREADS = 4;
    /** Calls made before the close starts, so that it lands among running calls. */
    static final int CALLS_BEFORE_CLOSE = 200;
    static final int FIRST_NUMBER = 0x40000000;
    static final Pattern TRACED = Pattern.compile("lineGetCallStatus\\(0x([0-9A-F]{8})\\)");

    @Test
    void callsRacingCloseEitherAnswerOrThrowAndNoneReachesTheProviderAfterIt() throws Exception {
        try (TapiBackend observer = Backends.open(backend(), Provider.simulator())) {
            for (int round = 0; round < ROUNDS; round++) {
                race(Backends.open(backend(), Provider.simulator()), observer, "round " + round);
            }
        }
    }

    @Test
    void callsRacingTheCloseOfAnIsolatedSwitchNeverRunInItsUnloadedLibrary() throws Exception {
        for (int round = 0; round < ROUNDS / 4; round++) {
            try (Simulator isolated = Simulator.create();
                 TapiBackend observer = Backends.open(backend(), isolated.provider())) {
                race(Backends.open(backend(), isolated.provider()), observer, "isolated " + round);
            } // the switch's close then unloads and deletes its library copy
        }
    }

    /** Runs THREADS callers of {@code b.lineGetCallStatus} until each is refused, closing b among them. */
    private static void race(TapiBackend b, TapiBackend observer, String round) throws Exception {
        assertEquals(0, observer.tapisimTraceClear());
        long buffer = observer.allocate(1024); // plain memory: it outlives the closed backend
        observer.putInt(buffer, 1024);
        AtomicInteger numbers = new AtomicInteger(FIRST_NUMBER);
        AtomicReference<Throwable> wrong = new AtomicReference<>();
        CountDownLatch warm = new CountDownLatch(THREADS);
        List<Thread> callers = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                Thread caller = new Thread(() -> call(b, buffer, numbers, warm, wrong),
                        "close-race-" + t);
                callers.add(caller);
                caller.start();
            }
            assertTrue(warm.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the callers started");
            b.close();
            int lastBeforeReturn = numbers.get();
            List<String> atClose = traced(observer);
            for (Thread caller : callers) {
                caller.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
                if (caller.isAlive()) {
                    fail(round + ": " + caller.getName() + " was never refused after close");
                }
            }
            if (wrong.get() != null) {
                throw new AssertionError(round + ": a call neither answered nor threw"
                        + " IllegalStateException", wrong.get());
            }
            List<String> after = traced(observer);
            if (after.size() != atClose.size()) {
                fail(round + ": " + (after.size() - atClose.size()) + " calls reached the provider"
                        + " after close returned (" + atClose.size() + " before it), the first 0x"
                        + after.get(atClose.size()));
            }
            assertEquals(atClose, after, round + ": the trace changed after close returned");
            for (String number : after) {
                assertTrue(Long.parseLong(number, 16) <= lastBeforeReturn, round + ": call 0x"
                        + number + " started after close returned and reached the provider");
            }
        } finally {
            observer.free(buffer);
        }
    }

    private static void call(TapiBackend b, long buffer, AtomicInteger numbers,
                             CountDownLatch warm, AtomicReference<Throwable> wrong) {
        int made = 0;
        try {
            for (;;) {
                int number = numbers.incrementAndGet();
                try {
                    b.lineGetCallStatus(number, buffer); // no such call: an error code
                } catch (IllegalStateException closed) {
                    return;
                }
                if (++made == CALLS_BEFORE_CLOSE) {
                    warm.countDown();
                }
            }
        } catch (Throwable e) {
            wrong.compareAndSet(null, e);
        } finally {
            if (made < CALLS_BEFORE_CLOSE) {
                warm.countDown();
            }
        }
    }

    /** The call numbers of the lineGetCallStatus lines of the trace, in order. */
    private static List<String> traced(TapiBackend observer) {
        List<String> numbers = new ArrayList<>();
        Matcher m = TRACED.matcher(observer.tapisimTrace());
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }
}
