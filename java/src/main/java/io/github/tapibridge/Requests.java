package io.github.tapibridge;

import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.OutSlots;
import io.github.tapibridge.internal.PumpFuture;
import io.github.tapibridge.internal.RequestRegistry;
import io.github.tapibridge.internal.RequestRegistry.Pending;
import io.github.tapibridge.internal.TapiConstants;
import io.github.tapibridge.spi.TapiBackend;
import java.util.function.LongToIntFunction;

/**
 * The request side of one application: issuing an asynchronous TAPI request ({@link #submit}),
 * its future and its out-parameter slot ({@link OutSlots}), and what happens when its {@code LINE_REPLY} arrives
 * ({@link #replied}), when TAPI refuses it at once, or when the reply can no longer be awaited:
 * the line was closed ({@link #abandon}) or the application shut down ({@link #shutdown}). The
 * {@link RequestRegistry} matches request IDs with replies in either order.
 *
 * <p>Threading: application threads issue requests; a reply is processed by the event pump, or
 * by the issuing thread if the pump dequeued it before the request was registered; the registry
 * makes sure exactly one thread processes each. Futures are completed outside the guards. No lock:
 * what a request counts while it is in flight (the line's {@code makeCallsInFlight}, the
 * unresolved completions of {@link Completions}) is undone once, by {@link #resolved}.
 */
final class Requests {

    final RequestRegistry registry;
    /** Where the out-parameters come from: no malloc/free per request. */
    final OutSlots slots;
    private final TapiBackend backend;
    private final Handles handles;
    private final Completions completions;

    Requests(TapiBackend backend, Handles handles, Completions completions) {
        this.backend = backend;
        this.handles = handles;
        this.completions = completions;
        this.registry = new RequestRegistry(this::discard);
        this.slots = new OutSlots(backend);
    }

    static TapiException shutdownException(String function) {
        return new TapiException(TapiConstants.LINEERR_INVALAPPHANDLE, function,
                "the application was shut down before the reply arrived");
    }

    /**
     * Issues an asynchronous request: takes an out-parameter slot, calls the function inside the
     * guards, registers the request ID, and processes a reply that arrived first. The future is
     * completed outside the guards.
     */
    @SuppressWarnings("unchecked")
    <T> PumpFuture<T> submit(Guard[] guards, String function, Object owner, boolean outParameter,
                             Request q, LongToIntFunction call) {
        Pending p = null;
        int earlyResult = 0;
        int outValue = 0;
        boolean processNow = false;
        TapiException failure = null;
        Guard.enterAll(guards);
        boolean issued = false;
        try {
            long out = outParameter ? slots.take() : 0;
            try {
                long epoch = registry.epoch();
                beforeIssue(q);
                issued = true;
                int r = call.applyAsInt(out);
                if (r >= 0) {
                    p = new Pending(function, owner, out, q, epoch);
                    out = 0; // owned by the request now
                    RequestRegistry.Registration reg = r == 0 ? RequestRegistry.Registration.REPLIED
                            : registry.register(r, p);
                    switch (reg) {
                        case WAITING:
                            break;
                        case REPLIED:
                            earlyResult = r == 0 ? 0 : p.earlyResult();
                            outValue = takeOut(p, earlyResult);
                            processNow = true;
                            break;
                        default:
                            takeOut(p, -1);
                            failure = shutdownException(function);
                            break;
                    }
                } else {
                    failure = new TapiException(r, function);
                }
            } finally {
                slots.give(out);
            }
        } catch (RuntimeException | Error e) {
            if (issued && p == null) {
                resolved(q);
            }
            throw e;
        } finally {
            Guard.exitAll(guards);
        }
        if (failure != null) {
            resolved(q);
            q.future.completeExceptionally(failure);
        } else if (processNow) {
            finish(p, earlyResult, outValue);
        }
        return (PumpFuture<T>) (PumpFuture<?>) q.future;
    }

    /**
     * A {@code LINE_REPLY} arrived (event pump): if its request is registered, reads and frees the
     * out-parameter and applies the result; otherwise the registry keeps the result for the
     * issuing thread, which processes it in {@link #submit}.
     */
    void replied(int requestId, int result) {
        Pending p = registry.reply(requestId, result);
        if (p != null) {
            int out = takeOut(p, result);
            finish(p, result, out);
        }
    }

    /**
     * Fails the pending requests of a line that was closed, at once, with
     * {@code LINEERR_INVALLINEHANDLE} (what TAPI answers a request on a closed line's handle)
     * naming the function. If the provider can no longer write their out-parameters
     * ({@code providerDone}: {@code lineClose} succeeded, or the provider closed the line with
     * {@code LINE_CLOSE}; TAPI suppresses the outstanding replies of a closed line), they are
     * freed now; otherwise they stay registered until the reply or shutdown.
     */
    void abandon(Line line, boolean providerDone) {
        for (Pending p : registry.abandon(line)) {
            Request q = (Request) p.context();
            resolved(q);
            q.future.completeExceptionally(new TapiException(TapiConstants.LINEERR_INVALLINEHANDLE,
                    p.function(), "the line was closed before the reply arrived"));
        }
        if (providerDone) {
            for (Pending p : registry.release(line)) {
                discard(p);
            }
        }
    }

    /**
     * Fails every pending request and frees its out-parameter. Call it after
     * {@code lineShutdown}: TAPI writes no out-parameter after it.
     */
    void shutdown() {
        for (Pending p : registry.shutdown()) {
            Request q = (Request) p.context();
            discard(p);
            resolved(q);
            q.future.completeExceptionally(shutdownException(p.function()));
        }
    }

    private void beforeIssue(Request q) {
        if (q.kind.makesCall()) {
            q.line.makeCallsInFlight.incrementAndGet();
        } else if (q.kind == Request.Kind.COMPLETE_CALL) {
            completions.requestIssued();
        }
    }

    /** Undoes {@link #beforeIssue} once per request. */
    private void resolved(Request q) {
        if (!q.markResolved()) {
            return;
        }
        if (q.kind.makesCall()) {
            q.line.makeCallsInFlight.decrementAndGet();
        } else if (q.kind == Request.Kind.COMPLETE_CALL) {
            completions.requestResolved();
        }
    }

    /** Reads the out-parameter of a successful reply and frees it. */
    private int takeOut(Pending p, int result) {
        long out = p.outParameter();
        if (out == 0) {
            return 0;
        }
        try {
            return result == 0 ? backend.getInt(out) : 0;
        } finally {
            slots.give(out);
        }
    }

    /** Frees a request the provider can no longer answer. */
    private void discard(Pending p) {
        slots.give(p.outParameter());
    }

    /**
     * The application settled the future of its {@code lineMakeCall} or
     * {@code lineSetupTransfer} itself (cancelled it, or timed it out) before the reply: nobody
     * would ever close the call, so it is dropped and deallocated now (a dropped consultation
     * call gives the held call back). A conference call is kept: dropping it would drop its
     * parties; it is in {@link Line#calls()}. From TAPI 2.0, deallocating drops a call whose
     * only owner is this application; before, the drop is requested first.
     */
    private static void disown(Call call) {
        try {
            if (call.line().apiVersion().isAtLeast(TapiVersion.V2_0)) {
                call.close();
            } else {
                call.drop().whenComplete((v, failure) -> call.close());
            }
        } catch (RuntimeException e) {
            Session.LOG.log(System.Logger.Level.DEBUG, "Could not drop the abandoned " + call, e);
            call.close();
        }
    }

    /**
     * Applies a reply: completes the future and updates the objects. No native calls, but for
     * the new call of a request whose future the application gave up ({@link #disown}).
     */
    private void finish(Pending p, int result, int outValue) {
        Request q = (Request) p.context();
        if (p.isAbandoned()) {
            resolved(q);
            return;
        }
        if (result != 0) {
            resolved(q);
            if (q.target != null) {
                q.target.cancelling = false;
                if (result == LineError.LINEERR_INVALCOMPLETIONID.code()) {
                    completions.unknownToSwitch(q.target);
                }
            }
            q.future.completeExceptionally(new TapiException(result, p.function()));
            return;
        }
        switch (q.kind) {
            case MAKE_CALL:
            case SETUP_TRANSFER:
            case CONFERENCE: {
                Call call = handles.callFor(q.line, outValue, CallPrivilege.OWNER);
                call.announced = true;
                resolved(q);
                if (q.line.isOpen()) {
                    Object value = q.kind == Request.Kind.CONFERENCE ? call.asConference() : call;
                    if (!q.future.complete(value) && q.kind != Request.Kind.CONFERENCE) {
                        disown(call);
                    }
                } else if (registry.isShutDown()) {
                    // Tapi.close() shut the registry down while this reply was being processed,
                    // then closed the line: the application was shut down, as for the others.
                    q.future.completeExceptionally(shutdownException(p.function()));
                } else {
                    q.future.completeExceptionally(new TapiException(
                            TapiConstants.LINEERR_INVALLINEHANDLE, p.function(),
                            "the line was closed before the reply arrived"));
                }
                break;
            }
            case COMPLETE_CALL: {
                CallCompletion c = completions.register(q, outValue);
                resolved(q);
                completions.carriedOutOnAcceptance(c, q.call);
                q.future.complete(c);
                break;
            }
            case UNCOMPLETE_CALL:
                resolved(q);
                if (q.target != null) {
                    completions.uncompleted(q.target);
                }
                q.future.complete(null);
                break;
            default:
                resolved(q);
                q.future.complete(null);
                break;
        }
    }
}
