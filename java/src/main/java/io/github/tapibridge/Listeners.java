package io.github.tapibridge;

import io.github.tapibridge.internal.SerialExecutor;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/**
 * Listener delivery of one application: its own listeners (those of {@link Tapi#addListener}) and
 * the hand-over of each event to a line's listeners and then the application's, on the event pump
 * thread or, if one is configured, through a {@link SerialExecutor} on the listener executor.
 *
 * <p>Threading: any thread adds and removes listeners (a copy-on-write array); events are emitted
 * on the event pump thread only. No lock.
 */
final class Listeners {

    private final ListenerArray listeners = new ListenerArray();
    private final SerialExecutor executor;

    Listeners(TapiConfig config) {
        this.executor = config.listenerExecutor().map(SerialExecutor::new).orElse(null);
    }

    void add(Consumer<LineEvent> listener) {
        listeners.add(listener);
    }

    void remove(Consumer<LineEvent> listener) {
        listeners.remove(listener);
    }

    /** Whether an event of this line reaches a listener: spares building events nobody gets. */
    boolean listening(Line line) {
        return !listeners.isEmpty() || (line != null && line.hasListeners());
    }

    /** Delivers an event to the line's listeners and the application's, in order. */
    void emit(Line line, LineEvent event) {
        Object[] own = line != null ? line.listenerArray() : null;
        Object[] all = listeners.snapshot();
        if ((own == null || own.length == 0) && all.length == 0) {
            return;
        }
        if (executor == null) {
            if (own != null) {
                deliver(own, event);
            }
            deliver(all, event);
        } else {
            executor.execute(() -> {
                if (own != null) {
                    deliver(own, event);
                }
                deliver(all, event);
            });
        }
    }

    /**
     * Runs a task once the events emitted before it have been delivered: at once on the pump
     * thread, or with a listener executor behind them on that executor.
     */
    void afterDelivery(Runnable task) {
        if (executor == null) {
            task.run();
        } else {
            executor.execute(task);
        }
    }

    /** Whether the current thread is delivering events from the listener executor. */
    boolean deliveringOnCurrentThread() {
        return executor != null && executor.isDrainingOnCurrentThread();
    }

    @SuppressWarnings("unchecked")
    private static void deliver(Object[] targets, LineEvent event) {
        for (Object o : targets) {
            try {
                ((Consumer<LineEvent>) o).accept(event);
            } catch (RuntimeException | Error e) {
                Session.LOG.log(Level.WARNING, "A listener threw on " + event
                        + "; it stays registered", e);
            }
        }
    }
}
