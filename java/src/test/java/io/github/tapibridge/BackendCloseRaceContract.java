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
 * made after {@code close()} returned reaches the provider. The simulator's trace shows which
 * calls reached it: each call carries its own number as the call handle, numbers are taken before
 * the call, so a traced number above the last one taken when close returned is a call that
 * started after close and still reached the switch.
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
            long buffer = observer.allocate(1024); // plain memory: it outlives the closed backend
            observer.putInt(buffer, 1024);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    assertEquals(0, observer.tapisimTraceClear());
                    int lastBeforeReturn = race(Backends.open(backend(), Provider.simulator()), buffer);
                    Matcher m = TRACED.matcher(observer.tapisimTrace());
                    while (m.find()) {
                        long number = Long.parseLong(m.group(1), 16);
                        assertTrue(number <= lastBeforeReturn, "round " + round + ": call 0x"
                                + m.group(1) + " started after close returned (the last number"
                                + " taken by then: 0x" + Integer.toHexString(lastBeforeReturn)
                                + ") and reached the provider");
                    }
                }
            } finally {
                observer.free(buffer);
            }
        }
    }

    @Test
    void callsRacingTheCloseOfAnIsolatedSwitchNeverRunInItsUnloadedLibrary() throws Exception {
        for (int round = 0; round < ROUNDS / 4; round++) {
            try (Simulator isolated = Simulator.create()) {
                TapiBackend b = Backends.open(backend(), isolated.provider());
                long buffer = b.allocate(1024);
                b.putInt(buffer, 1024);
                race(b, buffer); // then the switch's close unloads and deletes the library copy
            } // the memory was malloc'd by the bridge or JNA, not the library: it stays valid
        }
    }

    /**
     * Runs THREADS callers of {@code b.lineGetCallStatus} until each is refused, closes {@code b}
     * among them, and returns the last call number taken when close returned.
     */
    private static int race(TapiBackend b, long buffer) throws Exception {
        AtomicInteger numbers = new AtomicInteger(FIRST_NUMBER);
        AtomicReference<Throwable> wrong = new AtomicReference<>();
        CountDownLatch warm = new CountDownLatch(THREADS);
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread caller = new Thread(() -> {
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
            }, "close-race-" + t);
            callers.add(caller);
            caller.start();
        }
        assertTrue(warm.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the callers started");
        b.close();
        int lastBeforeReturn = numbers.get();
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
            if (caller.isAlive()) {
                fail(caller.getName() + " was never refused after close");
            }
        }
        if (wrong.get() != null) {
            throw new AssertionError("a call neither answered nor threw IllegalStateException",
                    wrong.get());
        }
        return lastBeforeReturn;
    }
}
