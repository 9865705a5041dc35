package io.github.tapibridge.internal.jni;

/**
 * The natives of libtapibridge for the simulator's control functions ({@code tapisim.h};
 * {@code native/jni/tapisimjni.c}): a static, one-to-one mirror of the C functions, with the
 * conventions of {@link TapiJni} ({@code provider} first, strings passed to the simulator as
 * UTF-8). C throws only for misuse: a {@code 0} provider (IllegalStateException), a string over
 * 1024 UTF-16 units or containing U+0000 (IllegalArgumentException), or a control function the
 * provider does not export (UnsupportedOperationException).
 *
 * <p>The library registers these natives in the same {@code JNI_OnLoad} as {@link TapiJni}'s, and
 * {@link TapiJni#ABI_VERSION} covers both classes. Nothing here checks that a provider is still
 * open: that is {@link JniBackend}'s job.
 */
final class TapisimJni {

    private TapisimJni() {
    }

    /** Whether the provider exports every {@code tapisim_} control function. */
    static native boolean hasSimulatorControl(long provider);

    // ---- simulator control (tapisim.h); UnsupportedOperationException if not exported ----

    static native int tapisim_reset(long provider);

    static native int tapisim_set_station(long provider, String number, int state);

    static native int tapisim_advance(long provider, int ms);

    static native int tapisim_now(long provider);

    static native int tapisim_fail_next(long provider, String function, int lineerr);

    static native int tapisim_set_option(long provider, String name, int value);

    static native int tapisim_trace(long provider, long buf, int size, long needed);

    static native int tapisim_trace_clear(long provider);

    /** Also UnsupportedOperationException if the simulator predates it. */
    static native int tapisim_post_messages(long provider, int hLineApp, int count);

    // ---- topology (also UnsupportedOperationException if the simulator predates it) -------

    static native int tapisim_set_lines(long provider, int count);

    static native int tapisim_set_line(long provider, int deviceId, String number, String name);

    static native int tapisim_set_completion_caps(long provider, int deviceId, int max, int modes,
            int conditions);

    static native int tapisim_set_completion_messages(long provider, int deviceId, String texts);

    // ---- waiting for the event pump -------------------------------------------------------

    /** Also UnsupportedOperationException if the simulator predates it. */
    static native int tapisim_sync(long provider, int hLineApp, int token);

    // ---- simulator: remote stations driven by the test; also UnsupportedOperationException if
    // the simulator predates them ----

    static native int tapisim_remote_call(long provider, String from, String fromName, String to, long callId);

    static native int tapisim_remote_answer(long provider, String number);

    static native int tapisim_remote_hangup(long provider, String number);

    static native int tapisim_remote_call_ex(long provider, String from, String fromName, String to, int flags,
            long callId);

    static native int tapisim_remote_digits(long provider, String number, String digits);

    // ---- several addresses per line (also UnsupportedOperationException if the simulator
    // predates them) ----

    static native int tapisim_set_addresses(long provider, int deviceId, String numbers);

    static native int tapisim_set_address_completion_caps(long provider, int deviceId, int addressId, int max,
            int modes, int conditions);

    static native int tapisim_set_address_completion_messages(long provider, int deviceId, int addressId,
            String texts);
}
