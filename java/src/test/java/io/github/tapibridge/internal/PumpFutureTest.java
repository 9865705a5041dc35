package io.github.tapibridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PumpFutureTest {

    @Test
    void blockingOnThePumpThreadThrowsInsteadOfDeadlocking() throws Exception {
        Thread self = Thread.currentThread();
        PumpFuture<String> f = new PumpFuture<>(() -> self);
        assertThrows(IllegalStateException.class, f::join);
        assertThrows(IllegalStateException.class, f::get);
        assertThrows(IllegalStateException.class, () -> f.get(1, TimeUnit.SECONDS));
        CompletableFuture<Integer> dependent = f.thenApply(String::length);
        assertInstanceOf(PumpFuture.class, dependent);
        assertThrows(IllegalStateException.class, dependent::join);
        f.complete("done");
        assertEquals("done", f.join(), "a completed future never blocks");
        assertEquals("done", f.get());
        assertEquals(4, dependent.get(1, TimeUnit.SECONDS));
    }

    @Test
    void otherThreadsMayBlock() throws Exception {
        PumpFuture<String> f = new PumpFuture<>(() -> null);
        Thread t = new Thread(() -> f.complete("x"));
        t.start();
        assertEquals("x", f.get(30, TimeUnit.SECONDS));
    }
}
