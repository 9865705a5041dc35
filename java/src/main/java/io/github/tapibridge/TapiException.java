package io.github.tapibridge;

import java.util.Optional;

/**
 * A TAPI function failed: it returned a negative {@code LINEERR_} code, or the {@code LINE_REPLY}
 * of an asynchronous request carried one, or the request could not complete because its line or
 * application was closed first.
 *
 * <p>The exception carries the {@linkplain #error() error} as a {@link LineError}, the
 * {@linkplain #code() raw code} exactly as TAPI returned it (useful when the error is
 * {@link LineError#UNKNOWN}) and the {@linkplain #function() name of the TAPI function} that
 * failed. Its message reads {@code [LINEERR_INVALCALLSTATE] lineCompleteCall: the operation is not
 * allowed in the current call state}. Decide on {@link #error()}; the message text may change.
 *
 * <p>When the failing TAPI function is one step of a method of this library, the exception also
 * carries a {@linkplain #context() context}: the method and its arguments, for example
 * {@code openLine(99)}, which the message names before the function:
 * {@code [LINEERR_BADDEVICEID] openLine(99): lineNegotiateAPIVersion: the device ID is not a valid
 * line device}. {@link #error()}, {@link #code()} and {@link #function()} are those of the TAPI
 * function either way.
 *
 * <p>Asynchronous methods of this library report failures by completing their future
 * exceptionally with this exception (wrapped in an {@link java.util.concurrent.ExecutionException}
 * by {@link java.util.concurrent.CompletableFuture#get()}). Misuse of the Java API (a closed object,
 * a null argument) is reported with {@link IllegalStateException}, {@link NullPointerException} or
 * {@link IllegalArgumentException} instead.
 *
 * <p>Pending requests that are cut short by {@link Tapi#close()} fail with
 * {@link LineError#LINEERR_INVALAPPHANDLE} and a message saying that the application was shut
 * down; those cut short by {@link Line#close()} fail with {@link LineError#LINEERR_INVALLINEHANDLE}
 * and a message saying that the line was closed. The waits {@link Call#whenState} and
 * {@link Line#whenNewCall()} fail the same way, and in addition with
 * {@link LineError#LINEERR_INVALCALLHANDLE} when the call is closed and
 * {@link LineError#LINEERR_INVALCALLSTATE} when the call goes idle first; their
 * {@link #function()} is the TAPI message waited for ({@code LINE_CALLSTATE},
 * {@code LINE_APPNEWCALL}) and their {@link #context()} the wait, for example
 * {@code whenState(BUSY)}.
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/tapi/lineerr--constants">LINEERR_
 *      constants (Microsoft)</a>
 */
public class TapiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The error; never null. */
    private final LineError error;

    /** The raw code, as returned by TAPI. */
    private final int code;

    /** The TAPI function, for example {@code "lineCompleteCall"}. */
    private final String function;

    /** The detail given, or null for the standard description of the error. */
    private final String detail;

    /** The method of this library and its arguments, or null. */
    private final String context;

    /**
     * Creates an exception for a TAPI error code, with the standard description of the error as
     * its detail.
     *
     * @param code the code returned by the function or carried by {@code LINE_REPLY}
     * @param function the name of the TAPI function that failed, for example
     *        {@code "lineCompleteCall"}
     * @throws NullPointerException if {@code function} is null
     */
    public TapiException(int code, String function) {
        this(code, function, null);
    }

    /**
     * Creates an exception for a TAPI error code with a specific detail text.
     *
     * @param code the code returned by the function or carried by {@code LINE_REPLY}
     * @param function the name of the TAPI function that failed, for example
     *        {@code "lineCompleteCall"}
     * @param detail what happened, or null for the standard description of the error
     * @throws NullPointerException if {@code function} is null
     */
    public TapiException(int code, String function, String detail) {
        this(code, function, detail, null);
    }

    /**
     * Creates an exception for a TAPI error code met by a method of this library.
     *
     * @param code the code returned by the function or carried by {@code LINE_REPLY}
     * @param function the name of the TAPI function that failed, for example
     *        {@code "lineNegotiateAPIVersion"}
     * @param detail what happened, or null for the standard description of the error
     * @param context the method and its arguments, for example {@code "openLine(99)"}, or null
     *        for none
     * @throws NullPointerException if {@code function} is null
     */
    public TapiException(int code, String function, String detail, String context) {
        super(format(code, function, detail, context));
        this.error = LineError.of(code);
        this.code = code;
        this.function = function;
        this.detail = detail;
        this.context = context;
    }

    /**
     * The same failure, met while running {@code context}: a new exception with this one's code,
     * function, detail, cause and stack trace, and the given context (which replaces any context
     * this one has).
     */
    TapiException withContext(String context) {
        TapiException e = new TapiException(code, function, detail, context);
        if (getCause() != null) {
            e.initCause(getCause());
        }
        e.setStackTrace(getStackTrace());
        for (Throwable s : getSuppressed()) {
            e.addSuppressed(s);
        }
        return e;
    }

    /**
     * Returns the error.
     *
     * @return the error, {@link LineError#UNKNOWN} if TAPI returned a code this library does not
     *         know
     */
    public LineError error() {
        return error;
    }

    /**
     * Returns the code exactly as TAPI returned it (a negative {@code LONG}), which tells unknown
     * codes apart.
     *
     * @return the raw code
     */
    public int code() {
        return code;
    }

    /**
     * Returns the name of the TAPI function that failed.
     *
     * @return the function name, for example {@code "lineCompleteCall"}
     */
    public String function() {
        return function;
    }

    /**
     * Returns the method of this library whose step failed, with its arguments.
     *
     * @return for example {@code "openLine(99)"} or {@code "addressCaps(5) of line 0"}, or empty
     *         if the failing function is the method's own TAPI function and nothing else was
     *         added
     */
    public Optional<String> context() {
        return Optional.ofNullable(context);
    }

    private static String format(int code, String function, String detail, String context) {
        if (function == null) {
            throw new NullPointerException("function");
        }
        LineError error = LineError.of(code);
        String name = error == LineError.UNKNOWN
                ? String.format("UNKNOWN 0x%08X", code)
                : error.name();
        String text = detail != null ? detail : error.description();
        return "[" + name + "] " + (context != null ? context + ": " : "") + function + ": " + text;
    }
}
