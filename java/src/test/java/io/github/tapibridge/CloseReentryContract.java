package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Closing from inside what a close runs: a future callback on the closing thread, a listener on
 * the event pump. Every close here runs on a daemon thread of its own and the test waits for it
 * with the hang guard only, so that a deadlock fails the test instead of hanging the build; the
 * applications are opened without {@link #openTapi}, whose teardown would wait for a deadlocked
 * close.
 */
abstract class CloseReentryContract extends SimTestSupport {

    private Tapi openUnmanaged() {
        return Tapi.open(TapiConfig.builder().provider(Provider.simulator()).backend(backend()).build());
    }

    /** Runs {@code action} on a daemon thread; the future completes with that thread when it returns. */
    private static CompletableFuture<Thread> onOwnThread(String name, Runnable action) {
        CompletableFuture<Thread> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                action.run();
                done.complete(Thread.currentThread());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** An active CALLBACK completion on device 0 of {@code t}. */
    private CallCompletion activeCompletion(Tapi t, String number) throws Exception {
        Line line = t.openLine(0);
        Recorder events = new Recorder();
        line.addListener(events);
        Call call = busyCall(line, events, number);
        return await(call.completeCall(CallCompletionMode.CALLBACK));
    }

    @Test
    void tapiCloseCalledAgainByACallbackOfTheClosingThreadDoesNotDeadlock() throws Exception {
        Tapi t = openUnmanaged();
        CallCompletion c = activeCompletion(t, "270");
        AtomicReference<Thread> callbackThread = new AtomicReference<>();
        CompletableFuture<Boolean> innerClose = new CompletableFuture<>();
        c.whenFired().whenComplete((r, e) -> {
            callbackThread.set(Thread.currentThread());
            t.close(); // re-entrant: returns at once
            innerClose.complete(t.isOpen());
        });
        Thread closer = await(onOwnThread("closer", t::close));
        assertSame(closer, callbackThread.get(), "the outer close failed the future on its own thread");
        assertFalse(await(innerClose), "the inner close found the application closing");
        assertFalse(t.isOpen());
        assertEquals(CallCompletion.State.CLOSED, c.state());
        t.close();
    }

    @Test
    void tapiCloseCalledByACallbackInTryWithResourcesDoesNotDeadlock() throws Exception {
        CompletableFuture<Tapi> closed = new CompletableFuture<>();
        await(onOwnThread("try-with-resources", () -> {
            try (Tapi t = openUnmanaged()) {
                CallCompletion c = activeCompletion(t, "271");
                c.whenFired().whenComplete((r, e) -> t.close());
                closed.complete(t);
            } catch (Exception e) {
                closed.completeExceptionally(e);
            }
        }));
        assertFalse(await(closed).isOpen());
    }

    @Test
    void tapiCloseFromAListenerOnThePumpWhileAnotherThreadClosesDoesNotDeadlock() throws Exception {
        Tapi t = openUnmanaged();
        Line line = t.openLine(1);
        CompletableFuture<Thread> closedOnPump = new CompletableFuture<>();
        line.addListener(e -> {
            if (e instanceof LineEvent.Reply) {
                t.close(); // on the pump: returns at once, the pump releases as it ends
                closedOnPump.complete(Thread.currentThread());
            }
        });
        line.makeCall("272");
        assertSame(t.session().pumpThread(), await(closedOnPump));
        await(onOwnThread("closer", t::close)); // waits for the pump to end, which it does
        assertFalse(t.isOpen());
        assertFalse(line.isOpen());
    }

    @Test
    void lineAndCallClosedAgainByCallbacksOfTheClosingThreadDoNotDeadlock() throws Exception {
        Tapi t = openUnmanaged();
        try {
            Line line = t.openLine(0);
            Recorder events = new Recorder();
            line.addListener(events);
            Call call = busyCall(line, events, "273");
            CallCompletion c = await(call.completeCall(CallCompletionMode.CAMPON));
            CompletableFuture<Boolean> callback = new CompletableFuture<>();
            c.whenFired().whenComplete((r, e) -> {
                call.close(); // the line's close is closing it too
                line.close(); // re-entrant
                callback.complete(line.isOpen() || call.isOpen());
            });
            await(onOwnThread("line closer", line::close));
            assertFalse(await(callback));
            assertEquals(CallCompletion.State.CLOSED, c.state());
            assertTrue(t.isOpen());
            Line again = t.openLine(0);
            assertEquals(0, again.status().numCallCompletions(), "the line was closed natively");
        } finally {
            t.close();
        }
    }

    @Test
    void lineAndCallCloseFromAListenerOnThePumpDoNotDeadlock() throws Exception {
        Tapi t = openUnmanaged();
        try {
            Line line = t.openLine(1);
            CompletableFuture<Boolean> closedOnPump = new CompletableFuture<>();
            line.addListener(e -> {
                if (e instanceof LineEvent.CallStateChanged s && s.state() == CallState.RINGBACK) {
                    s.call().close();
                    line.close();
                    closedOnPump.complete(s.call().isOpen() || line.isOpen());
                }
            });
            line.makeCall("274"); // its future may fail: the listener may close the line first
            assertFalse(await(closedOnPump));
            await(onOwnThread("line closer", line::close));
            assertTrue(t.isOpen());
            assertEquals(0, t.openLine(1).status().numActiveCalls(), "the call went with the line");
        } finally {
            t.close();
        }
    }
}
