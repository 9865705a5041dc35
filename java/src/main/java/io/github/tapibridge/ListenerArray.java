package io.github.tapibridge;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The listeners of a line or an application: a copy-on-write array whose current snapshot the
 * event pump reads with one volatile load, without copying it (CopyOnWriteArrayList copies in
 * {@code toArray} and allocates in its iterator, once per event).
 *
 * <p>Threading: any thread adds and removes (under this object's lock); {@link #snapshot()} is
 * lock-free and its array is never written after it was published.
 */
final class ListenerArray {

    private static final Object[] NONE = new Object[0];

    private volatile Object[] items = NONE;

    synchronized void add(Consumer<LineEvent> listener) {
        Object[] old = items;
        Object[] next = Arrays.copyOf(old, old.length + 1);
        next[old.length] = Objects.requireNonNull(listener, "listener");
        items = next;
    }

    /** Removes the first registration of listener (by equality, as a list does). */
    synchronized boolean remove(Object listener) {
        Object[] old = items;
        for (int i = 0; i < old.length; i++) {
            if (old[i].equals(listener)) {
                Object[] next = new Object[old.length - 1];
                System.arraycopy(old, 0, next, 0, i);
                System.arraycopy(old, i + 1, next, i, old.length - i - 1);
                items = next;
                return true;
            }
        }
        return false;
    }

    /** @return the listeners now, in the order they were added; never modified */
    Object[] snapshot() {
        return items;
    }

    boolean isEmpty() {
        return items.length == 0;
    }
}
