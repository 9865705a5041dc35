package io.github.tapibridge.internal.jna;

/**
 * The simulator's control functions ({@code tapisim.h}), bound like {@link TapiFunctions}.
 * C strings are NUL-terminated ASCII {@code byte[]}.
 */
public interface SimFunctions {

    int tapisim_reset();

    int tapisim_set_station(byte[] number, int state);

    int tapisim_advance(int ms);

    int tapisim_now();

    int tapisim_fail_next(byte[] function, int lineerr);

    int tapisim_set_option(byte[] name, int value);

    int tapisim_trace(long buf, int size, long needed);

    int tapisim_trace_clear();

    int tapisim_constant(byte[] name, long value);

    int tapisim_layout(byte[] type, byte[] field, long offset, long size);

    int tapisim_post_messages(int hLineApp, int count);

    // ---- topology

    int tapisim_set_lines(int count);

    int tapisim_set_line(int deviceId, byte[] number, byte[] name);

    int tapisim_set_completion_caps(int deviceId, int maxCompletions, int modes, int conditions);

    int tapisim_set_completion_messages(int deviceId, byte[] texts);

    int tapisim_sync(int hLineApp, int token);

    // ---- remote stations driven by the test ----

    int tapisim_remote_call(byte[] from, byte[] fromName, byte[] to, long callId);

    int tapisim_remote_answer(byte[] number);

    int tapisim_remote_hangup(byte[] number);

    int tapisim_remote_call_ex(byte[] from, byte[] fromName, byte[] to, int flags, long callId);

    int tapisim_remote_digits(byte[] number, byte[] digits);

    // ---- several addresses per line

    int tapisim_set_addresses(int deviceId, byte[] numbers);

    int tapisim_set_address_completion_caps(int deviceId, int addressId, int maxCompletions, int modes,
            int conditions);

    int tapisim_set_address_completion_messages(int deviceId, int addressId, byte[] texts);
}
