package io.github.tapibridge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Correlates asynchronous TAPI requests with their {@code LINE_REPLY} messages.
 *
 * <p>An asynchronous TAPI function returns a positive request ID, and TAPI later queues
 * {@code LINE_REPLY(requestId, result)}. The issuing thread {@linkplain #register registers} the
 * request after the function returned; the event pump {@linkplain #reply reports} the reply when it
 * dequeues it. TAPI guarantees only that the reply is queued after the function returned, so the
 * pump may dequeue it before the issuing thread has registered the ID. Both orders are handled
 * with atomic map operations and no waiting (the registration's {@code putIfAbsent} and the
 * reply's {@code remove} when the other has not happened yet, else one
 * {@link ConcurrentHashMap#compute} more):
 * <ul>
 *   <li>register first: the map holds the {@link Pending} request; the reply removes it and the
 *       pump processes it;</li>
 *   <li>reply first: the reply leaves a placeholder with the result; the registration removes it
 *       and the issuing thread processes the request itself.</li>
 * </ul>
 * Whoever removes a request from the map owns it: exactly one thread processes each reply, and
 * that thread frees the request's out-parameter memory.
 *
 * <p>A request whose line is closed is {@linkplain #abandon abandoned}: its future is failed at
 * once. While the provider may still write its out-parameter it stays registered, until the reply
 * is processed or the application is shut down ({@link #shutdown()} returns every request left).
 * Once the provider can no longer write it (TAPI suppresses the outstanding replies of a line
 * that {@code lineClose} or {@code LINE_CLOSE} closed), the owner's requests are
 * {@linkplain #release released}: each is handed back, for its memory to be freed, and leaves a
 * small marker under its ID, so that a reply queued before the close is still recognised (and
 * ignored) rather than taken for the early reply of a later request. A marker goes when that
 * reply arrives, or as soon as the reply of a request issued after the close has been processed:
 * replies are dequeued in the order they were queued, and the closed line's reply, if any, was
 * queued before the close returned.
 *
 * <p>Thread-safe.
 */
public final class RequestRegistry {

    /** What happened to a request passed to {@link #register}. */
    public enum Registration {
        /** The request waits for its reply, which the pump will process. */
        WAITING,
        /** The reply had already arrived: the caller processes it ({@link Pending#earlyResult()}). */
        REPLIED,
        /** The registry is shut down: the caller fails the request and frees its memory. */
        SHUT_DOWN
    }

    /**
     * A request waiting for its reply: what to complete, the native memory TAPI writes at reply
     * time, and what the request was for. The fields are set by the issuing thread before the
     * request is registered, and the registry publishes them safely to the processing thread.
     */
    public static final class Pending {
        private final String function;
        private final Object owner;
        private final long outParameter;
        private final Object context;
        private final long epoch;
        private volatile boolean abandoned;
        private int requestId;
        private int earlyResult;

        /**
         * Creates a request.
         *
         * @param function the TAPI function, for example {@code "lineCompleteCall"}
         * @param owner the object whose closing abandons the request (the line), or null
         * @param outParameter native memory written by TAPI at reply time, or 0
         * @param context what the processing thread needs (the future and its inputs)
         */
        public Pending(String function, Object owner, long outParameter, Object context) {
            this(function, owner, outParameter, context, 0);
        }

        /**
         * Creates a request issued after {@code epoch} {@linkplain RequestRegistry#release
         * releases} had completed.
         *
         * @param function the TAPI function, for example {@code "lineCompleteCall"}
         * @param owner the object whose closing abandons the request (the line), or null
         * @param outParameter native memory written by TAPI at reply time, or 0
         * @param context what the processing thread needs (the future and its inputs)
         * @param epoch {@link RequestRegistry#epoch()} read before the TAPI function was called
         */
        public Pending(String function, Object owner, long outParameter, Object context,
                       long epoch) {
            this.function = function;
            this.owner = owner;
            this.outParameter = outParameter;
            this.context = context;
            this.epoch = epoch;
        }

        /** @return the TAPI function name */
        public String function() {
            return function;
        }

        /** @return the owner given at creation, or null */
        public Object owner() {
            return owner;
        }

        /** @return the out-parameter address, or 0 */
        public long outParameter() {
            return outParameter;
        }

        /** @return the context given at creation */
        public Object context() {
            return context;
        }

        /** @return the request ID, once registered */
        public int requestId() {
            return requestId;
        }

        /** @return the result of a reply that arrived before registration */
        public int earlyResult() {
            return earlyResult;
        }

        /** @return true once {@link RequestRegistry#abandon} marked it */
        public boolean isAbandoned() {
            return abandoned;
        }

        @Override
        public String toString() {
            return function + " request 0x" + String.format("%08X", requestId)
                    + (abandoned ? " (abandoned)" : "");
        }
    }

    /** Placeholder for a reply dequeued before its request was registered. */
    private static final class EarlyReply {
        final int result;

        EarlyReply(int result) {
            this.result = result;
        }
    }

    /** Marker left by {@link #release} under the ID of a request whose memory was freed. */
    private static final class Released {
        final long epoch;

        Released(long epoch) {
            this.epoch = epoch;
        }
    }

    private final ConcurrentHashMap<Integer, Object> entries = new ConcurrentHashMap<>();
    private final Consumer<Pending> discard;
    private final AtomicLong releases = new AtomicLong();
    private final AtomicInteger markers = new AtomicInteger();
    /** EarlyReply placeholders in the map (only the rare paths of compute change it). */
    private final AtomicInteger earlyReplies = new AtomicInteger();
    private volatile boolean shutdown;

    /**
     * Creates an empty registry.
     *
     * @param discard receives an abandoned request that the provider can no longer answer (its
     *        request ID was handed out again): the consumer frees its memory
     */
    public RequestRegistry(Consumer<Pending> discard) {
        this.discard = discard;
    }

    /**
     * Registers a request under the ID the TAPI function returned.
     *
     * @param requestId the positive request ID
     * @param request the request
     * @return {@link Registration#WAITING}; {@link Registration#REPLIED} if the reply was already
     *         dequeued (its result is in {@link Pending#earlyResult()}: the caller processes it);
     *         {@link Registration#SHUT_DOWN} if the registry is shut down
     */
    public Registration register(int requestId, Pending request) {
        request.requestId = requestId;
        if (shutdown) {
            return Registration.SHUT_DOWN;
        }
        if (entries.putIfAbsent(requestId, request) == null) {
            // The usual case, as compute's first branch below, without its lambda and array.
            return afterInsert(requestId, request);
        }
        Object[] replaced = new Object[1];
        Object after = entries.compute(requestId, (id, present) -> {
            if (present == null) {
                return request;
            }
            if (present instanceof EarlyReply) {
                request.earlyResult = ((EarlyReply) present).result;
                earlyReplies.decrementAndGet();
                return null;
            }
            if (present instanceof Released) {
                markers.decrementAndGet(); // the provider handed the ID out again
                return request;
            }
            // A request is still registered under this ID: the provider reused the ID, so that
            // request will never be answered. Only an abandoned one can be in this state.
            replaced[0] = present;
            return request;
        });
        if (replaced[0] != null) {
            discard.accept((Pending) replaced[0]);
        }
        if (after == null) {
            purge(request.epoch);
            return Registration.REPLIED;
        }
        return afterInsert(requestId, request);
    }

    private Registration afterInsert(int requestId, Pending request) {
        if (shutdown && entries.remove(requestId, request)) {
            // shutdown() ran between the check above and the insertion and did not see it.
            return Registration.SHUT_DOWN;
        }
        return Registration.WAITING;
    }

    /**
     * Reports a {@code LINE_REPLY}.
     *
     * @param requestId {@code dwParam1} of the message
     * @param result {@code dwParam2} of the message, as a {@code LONG}
     * @return the request waiting for this reply, now removed (the caller processes it), or null
     *         if it is not registered yet (a placeholder now holds the result) or the registry is
     *         shut down
     */
    public Pending reply(int requestId, int result) {
        if (shutdown) {
            return null;
        }
        Object waiting = entries.remove(requestId);
        if (waiting instanceof Pending) {
            // The usual case, one map operation: the atomic remove makes this thread the
            // request's only owner.
            Pending p = (Pending) waiting;
            purge(p.epoch);
            return p;
        }
        if (waiting instanceof Released) {
            markers.decrementAndGet(); // queued before its line was closed: ignored
            return null;
        }
        if (waiting instanceof EarlyReply) {
            // Two replies for one ID: the provider broke the contract. The newer one is kept
            // below, as if the older one had never been there.
            earlyReplies.decrementAndGet();
        }
        // Nothing registered under the ID (or a placeholder, just removed): leave the result for
        // the registration, unless it registers in the meantime.
        Object[] found = new Object[1];
        entries.compute(requestId, (id, present) -> {
            if (present == null) {
                earlyReplies.incrementAndGet();
                return new EarlyReply(result);
            }
            if (present instanceof Released) {
                markers.decrementAndGet(); // queued before its line was closed: ignored
                return null;
            }
            if (present instanceof EarlyReply) {
                // Two replies for one ID: keep the newer one; the provider broke the contract.
                return new EarlyReply(result);
            }
            found[0] = present;
            return null;
        });
        Pending p = (Pending) found[0];
        if (p != null) {
            purge(p.epoch);
        }
        return p;
    }

    /**
     * Returns the number of {@link #release} calls made so far. A request records it before its
     * TAPI function is called ({@link Pending#Pending(String, Object, long, Object, long)}).
     *
     * @return the count
     */
    public long epoch() {
        return releases.get();
    }

    /**
     * Releases the requests of an owner whose out-parameters the provider can no longer write
     * (its line was closed, and TAPI suppresses the line's outstanding replies): removes each,
     * marks it abandoned, and leaves a marker under its ID (see the class comment). Call it after
     * {@link #abandon}, once the close has returned.
     *
     * @param owner the owner whose requests to release
     * @return the requests removed, whose memory the caller now owns and frees
     */
    public List<Pending> release(Object owner) {
        Released marker = new Released(releases.incrementAndGet());
        List<Pending> list = new ArrayList<>();
        for (Map.Entry<Integer, Object> e : entries.entrySet()) {
            Object o = e.getValue();
            if (o instanceof Pending && ((Pending) o).owner == owner
                    && entries.replace(e.getKey(), o, marker)) {
                markers.incrementAndGet();
                ((Pending) o).abandoned = true;
                list.add((Pending) o);
            }
        }
        return list;
    }

    /**
     * The reply of a request issued after {@code epoch} releases has been processed: every reply
     * queued before those releases has been dequeued, so their markers can go.
     */
    private void purge(long epoch) {
        if (markers.get() == 0) {
            return;
        }
        for (Map.Entry<Integer, Object> e : entries.entrySet()) {
            Object o = e.getValue();
            if (o instanceof Released && ((Released) o).epoch <= epoch
                    && entries.remove(e.getKey(), o)) {
                markers.decrementAndGet();
            }
        }
    }

    /**
     * Marks every request of {@code owner} as abandoned and returns those that were not already,
     * so that the caller can fail their futures. They stay registered (see the class comment).
     *
     * @param owner the owner whose requests to abandon
     * @return the newly abandoned requests
     */
    public List<Pending> abandon(Object owner) {
        List<Pending> list = new ArrayList<>();
        for (Object o : entries.values()) {
            if (o instanceof Pending) {
                Pending p = (Pending) o;
                if (p.owner == owner && !p.abandoned) {
                    p.abandoned = true;
                    list.add(p);
                }
            }
        }
        return list;
    }

    /**
     * Shuts the registry down: every later {@link #register} returns
     * {@link Registration#SHUT_DOWN}, every later {@link #reply} is ignored, and every request
     * still registered is removed and returned, so that the caller can fail it and free its memory.
     * Call it only once TAPI can no longer write the out-parameters (after {@code lineShutdown}).
     *
     * @return the requests that were registered
     */
    public List<Pending> shutdown() {
        shutdown = true;
        markers.set(0);
        earlyReplies.set(0);
        List<Pending> list = new ArrayList<>();
        for (Integer id : entries.keySet()) {
            Object o = entries.remove(id);
            if (o instanceof Pending) {
                list.add((Pending) o);
            }
        }
        return list;
    }

    /**
     * Whether {@link #shutdown()} has run.
     *
     * @return true once the registry is shut down
     */
    public boolean isShutDown() {
        return shutdown;
    }

    /**
     * Whether a registered request waits for its reply: more entries than the placeholders of
     * early replies (their requests need no reply any more; the issuing thread takes them) and
     * the markers of released requests. Cheap (a count, no iteration), for the event pump's
     * choice to spin before it blocks; a snapshot, which may be stale by the time it is used.
     *
     * @return true if a reply is owed to a registered request
     */
    public boolean repliesOwed() {
        return entries.mappingCount() > (long) markers.get() + earlyReplies.get();
    }

    /**
     * Number of registered requests (abandoned ones included), for tests and diagnostics.
     *
     * @return the count
     */
    public int pendingCount() {
        int n = 0;
        for (Object o : entries.values()) {
            if (o instanceof Pending) {
                n++;
            }
        }
        return n;
    }

    /**
     * The requests registered now (abandoned ones included), each described by
     * {@link Pending#toString()}: a snapshot for diagnostics.
     *
     * @return the descriptions, in no particular order
     */
    public List<String> pendingDescriptions() {
        List<String> list = new ArrayList<>();
        for (Object o : entries.values()) {
            if (o instanceof Pending) {
                list.add(o.toString());
            }
        }
        return list;
    }

    /**
     * Number of markers of released requests whose reply may still arrive, for tests and
     * diagnostics.
     *
     * @return the count
     */
    public int releasedCount() {
        int n = 0;
        for (Object o : entries.values()) {
            if (o instanceof Released) {
                n++;
            }
        }
        return n;
    }

    /**
     * Number of replies waiting for their registration, for tests and diagnostics.
     *
     * @return the count
     */
    public int earlyReplyCount() {
        int n = 0;
        for (Object o : entries.values()) {
            if (o instanceof EarlyReply) {
                n++;
            }
        }
        return n;
    }
}
