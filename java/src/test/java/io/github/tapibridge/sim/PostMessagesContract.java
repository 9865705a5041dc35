package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tapibridge.Backend;
import io.github.tapibridge.LineError;
import io.github.tapibridge.LineEvent;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.spi.TapiBackend;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Simulator#postMessages}, the hook of the event delivery benchmark: synthetic
 * {@code LINE_DEVSPECIFIC} messages reach the application's listeners in order, as
 * {@link LineEvent.Other}. Run in full through both backends by {@code PostMessagesJniTest} and
 * {@code PostMessagesJnaTest}.
 */
abstract class PostMessagesContract {

    static final long HANG_GUARD_SECONDS = 60;
    static final int LINE_DEVSPECIFIC = 4;

    Simulator sim;
    Tapi tapi;
    final BlockingQueue<LineEvent> events = new LinkedBlockingQueue<>();

    /** The backend of the application under test. */
    abstract Backend backend();

    @BeforeEach
    void open() {
        sim = Simulator.get();
        sim.reset();
        tapi = Tapi.open(TapiConfig.builder().provider(Provider.simulator()).backend(backend())
                .appName("post messages test").build());
        tapi.addListener(events::add);
    }

    @AfterEach
    void close() {
        tapi.close();
    }

    LineEvent.Other next() throws InterruptedException {
        LineEvent e = events.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertNotNull(e, "no event");
        return (LineEvent.Other) e;
    }

    @Test
    void messagesArriveInOrderAsOtherEvents() throws Exception {
        sim.postMessages(tapi, 1000);
        sim.postMessages(tapi, 2);
        for (int i = 0; i < 1000; i++) {
            LineEvent.Other e = next();
            assertEquals(LINE_DEVSPECIFIC, e.messageId());
            assertNull(e.line());
            assertEquals(0, e.device());
            assertEquals(i, e.param1());
            assertEquals(1000, e.param2());
            assertEquals(0, e.param3());
        }
        assertEquals(0, next().param1());
        assertEquals(1, next().param1());
    }

    @Test
    void theTraceHasOneLinePerBatch() {
        sim.clearTrace();
        sim.postMessages(tapi, 500);
        String trace = sim.trace();
        assertEquals(1, trace.lines().count(), trace);
        assertEquals(1, trace.lines().filter(l -> l.contains("tapisim_post_messages(")).count(), trace);
    }

    @Test
    void zeroPostsNothing() throws Exception {
        sim.postMessages(tapi, 0);
        sim.postMessages(tapi, 1);
        assertEquals(1, next().param2());
    }

    @Test
    void theBackendMethodMirrorsC() throws Exception {
        try (TapiBackend b = Backends.open(backend(), Provider.simulator())) {
            assertEquals(0, b.tapisimPostMessages(tapi.handle(), 3));
            assertEquals(LineError.LINEERR_INVALAPPHANDLE.code(), b.tapisimPostMessages(tapi.handle() + 7, 1));
            assertEquals(LineError.LINEERR_INVALPARAM.code(), b.tapisimPostMessages(tapi.handle(), -1));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(i, next().param1());
        }
    }

    @Test
    void misuse() {
        assertThrows(NullPointerException.class, () -> sim.postMessages(null, 1));
        assertThrows(IllegalArgumentException.class, () -> sim.postMessages(tapi, -1));
        assertThrows(IllegalArgumentException.class,
                () -> sim.postMessages(tapi, Simulator.MAX_POSTED_MESSAGES + 1));
        tapi.close();
        assertThrows(IllegalStateException.class, () -> sim.postMessages(tapi, 1));
    }
}
