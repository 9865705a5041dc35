package io.github.tapibridge.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * The guards one thread is inside ({@link Guard}): a short stack written only by its thread,
 * read by closing threads. Every thread that has entered a guard has one, in a process-wide list
 * that a closer reads; the records of threads that have ended are dropped from it when the next
 * thread registers. Opaque outside this package: {@link Guard#enter()} returns it, for
 * {@link Guard#exit(GuardRecord)}.
 */
public final class GuardRecord {

    /** Guards one thread can be inside at once before {@link Guard} counts the rest apart. */
    static final int DEPTH = 8;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Guard[].class);

    private static final ThreadLocal<GuardRecord> CURRENT = ThreadLocal.withInitial(GuardRecord::register);

    private static final Object LOCK = new Object();

    /** Every live thread's record (copy on write, under LOCK). */
    private static volatile GuardRecord[] all = new GuardRecord[0];

    private final WeakReference<Thread> owner;
    private final Guard[] slots = new Guard[DEPTH];
    /** Slots in use, from the bottom; read and written by the owner only. */
    private int depth;

    private GuardRecord(Thread owner) {
        this.owner = new WeakReference<>(owner);
    }

    /** @return the calling thread's record */
    static GuardRecord current() {
        return CURRENT.get();
    }

    private static GuardRecord register() {
        GuardRecord r = new GuardRecord(Thread.currentThread());
        synchronized (LOCK) {
            GuardRecord[] old = all;
            GuardRecord[] next = new GuardRecord[old.length + 1];
            int n = 0;
            for (GuardRecord o : old) {
                Thread t = o.owner.get();
                if (t != null && t.isAlive()) { // an ended thread is inside no guard
                    next[n++] = o;
                }
            }
            next[n++] = r;
            all = n == next.length ? next : Arrays.copyOf(next, n);
        }
        return r;
    }

    /**
     * Pushes g with a release store; the caller fences before it reads the guard's flag.
     *
     * @return false if the stack is full (nothing pushed)
     */
    boolean push(Guard g) {
        if (depth == DEPTH) {
            return false;
        }
        SLOT.setRelease(slots, depth++, g);
        return true;
    }

    /**
     * Removes the newest entry of g (normally the top: guards are left in reverse order).
     *
     * @return false if g is not on the stack (it was counted apart)
     */
    boolean pop(Guard g) {
        for (int i = depth - 1; i >= 0; i--) {
            if (slots[i] == g) {
                SLOT.setRelease(slots, i, (Guard) null);
                while (depth > 0 && slots[depth - 1] == null) {
                    depth--;
                }
                return true;
            }
        }
        return false;
    }

    /** @return how many entries of g all records hold now (volatile reads) */
    static int count(Guard g) {
        int n = 0;
        for (GuardRecord r : all) {
            for (int i = 0; i < DEPTH; i++) {
                if (SLOT.getVolatile(r.slots, i) == g) {
                    n++;
                }
            }
        }
        return n;
    }
}
