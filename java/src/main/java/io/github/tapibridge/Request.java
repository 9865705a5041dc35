package io.github.tapibridge;

import io.github.tapibridge.internal.PumpFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The context of one asynchronous request in the
 * {@link io.github.tapibridge.internal.RequestRegistry}: what it was for, its inputs, and the
 * future its reply completes. Created by the issuing {@link Line} or {@link Call} on an
 * application thread; read by whichever thread processes the reply (the issuing thread or the
 * event pump). Immutable but for the once-only {@link #markResolved()}.
 */
final class Request {

    /** The kinds of asynchronous request. */
    enum Kind { MAKE_CALL, COMPLETE_CALL, UNCOMPLETE_CALL, ANSWER, DROP, DIAL, HOLD, UNHOLD, SWAP_HOLD,
        REDIRECT, BLIND_TRANSFER, SETUP_TRANSFER, COMPLETE_TRANSFER, CONFERENCE, ADD_TO_CONFERENCE,
        REMOVE_FROM_CONFERENCE;

        /** The reply writes the handle of a new call of this application to the out-parameter. */
        boolean makesCall() {
            return this == MAKE_CALL || this == SETUP_TRANSFER || this == CONFERENCE;
        }
    }

    final Kind kind;
    final PumpFuture<Object> future;
    final Line line;
    final Call call;
    final CallCompletionMode mode;
    final int messageId;
    final CallCompletion target;
    private final AtomicBoolean resolved = new AtomicBoolean();

    Request(Kind kind, PumpFuture<Object> future, Line line, Call call, CallCompletionMode mode,
            int messageId, CallCompletion target) {
        this.kind = kind;
        this.future = future;
        this.line = line;
        this.call = call;
        this.mode = mode;
        this.messageId = messageId;
        this.target = target;
    }

    /** True the first time only: the book-keeping of an issued request is undone once. */
    boolean markResolved() {
        return resolved.compareAndSet(false, true);
    }
}
