package io.github.tapibridge.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on an application-supplied executor (which may
 * use many threads). Listener delivery uses it, so that events keep message order whatever the
 * executor. A task that throws is logged and does not stop the tasks after it; a rejected
 * submission is logged and the queue keeps draining on the next submission.
 */
public final class SerialExecutor implements Executor {

    private static final System.Logger LOG = System.getLogger("io.github.tapibridge");

    private final Executor delegate;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;
    private volatile Thread drainer;

    /**
     * Wraps an executor.
     *
     * @param delegate runs the drain task
     */
    public SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        boolean start;
        synchronized (queue) {
            queue.add(task);
            start = !running;
            running = true;
        }
        if (start) {
            submitDrain();
        }
    }

    private void submitDrain() {
        try {
            delegate.execute(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "The listener executor rejected a task; events wait in order"
                    + " until the next event is submitted", e);
            synchronized (queue) {
                running = false;
            }
        }
    }

    /**
     * Tells whether the current thread is the one running this executor's tasks: a task that
     * waits for a later task of the same executor would wait for itself.
     *
     * @return true inside a task
     */
    public boolean isDrainingOnCurrentThread() {
        return drainer == Thread.currentThread();
    }

    private void drain() {
        drainer = Thread.currentThread();
        for (;;) {
            Runnable task;
            synchronized (queue) {
                task = queue.poll();
                if (task == null) {
                    drainer = null;
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "A listener task threw; later events are still delivered", e);
            }
        }
    }
}
