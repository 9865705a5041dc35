package io.github.tapibridge.internal.jna;

/** Direct-mapped simulator control functions; defined and registered like {@link DirectTapi}. */
public final class DirectSim implements SimFunctions {

    private static native int tapisim_reset0();
    private static native int tapisim_set_station0(byte[] a, int b);
    private static native int tapisim_advance0(int a);
    private static native int tapisim_now0();
    private static native int tapisim_fail_next0(byte[] a, int b);
    private static native int tapisim_set_option0(byte[] a, int b);
    private static native int tapisim_trace0(long a, int b, long c);
    private static native int tapisim_trace_clear0();
    private static native int tapisim_constant0(byte[] a, long b);
    private static native int tapisim_layout0(byte[] a, byte[] b, long c, long d);
    private static native int tapisim_post_messages0(int a, int b);
    // topology
    private static native int tapisim_set_lines0(int a);
    private static native int tapisim_set_line0(int a, byte[] b, byte[] c);
    private static native int tapisim_set_completion_caps0(int a, int b, int c, int d);
    private static native int tapisim_set_completion_messages0(int a, byte[] b);
    private static native int tapisim_sync0(int a, int b);
    private static native int tapisim_remote_call0(byte[] a, byte[] b, byte[] c, long d);
    private static native int tapisim_remote_answer0(byte[] a);
    private static native int tapisim_remote_hangup0(byte[] a);
    private static native int tapisim_remote_call_ex0(byte[] a, byte[] b, byte[] c, int d, long e);
    private static native int tapisim_remote_digits0(byte[] a, byte[] b);
    private static native int tapisim_set_addresses0(int a, byte[] b);
    private static native int tapisim_set_address_completion_caps0(int a, int b, int c, int d, int e);
    private static native int tapisim_set_address_completion_messages0(int a, int b, byte[] c);

    /** For {@link DirectLoader}. */
    public DirectSim() {
    }

    @Override public int tapisim_reset() { return tapisim_reset0(); }
    @Override public int tapisim_set_station(byte[] a, int b) { return tapisim_set_station0(a, b); }
    @Override public int tapisim_advance(int a) { return tapisim_advance0(a); }
    @Override public int tapisim_now() { return tapisim_now0(); }
    @Override public int tapisim_fail_next(byte[] a, int b) { return tapisim_fail_next0(a, b); }
    @Override public int tapisim_set_option(byte[] a, int b) { return tapisim_set_option0(a, b); }
    @Override public int tapisim_trace(long a, int b, long c) { return tapisim_trace0(a, b, c); }
    @Override public int tapisim_trace_clear() { return tapisim_trace_clear0(); }
    @Override public int tapisim_constant(byte[] a, long b) { return tapisim_constant0(a, b); }
    @Override public int tapisim_layout(byte[] a, byte[] b, long c, long d) { return tapisim_layout0(a, b, c, d); }
    @Override public int tapisim_post_messages(int a, int b) { return tapisim_post_messages0(a, b); }
    // topology
    @Override public int tapisim_set_lines(int a) { return tapisim_set_lines0(a); }
    @Override public int tapisim_set_line(int a, byte[] b, byte[] c) { return tapisim_set_line0(a, b, c); }
    @Override public int tapisim_set_completion_caps(int a, int b, int c, int d) { return tapisim_set_completion_caps0(a, b, c, d); }
    @Override public int tapisim_set_completion_messages(int a, byte[] b) { return tapisim_set_completion_messages0(a, b); }
    @Override public int tapisim_sync(int a, int b) { return tapisim_sync0(a, b); }
    @Override public int tapisim_remote_call(byte[] a, byte[] b, byte[] c, long d) { return tapisim_remote_call0(a, b, c, d); }
    @Override public int tapisim_remote_answer(byte[] a) { return tapisim_remote_answer0(a); }
    @Override public int tapisim_remote_hangup(byte[] a) { return tapisim_remote_hangup0(a); }
    @Override public int tapisim_remote_call_ex(byte[] a, byte[] b, byte[] c, int d, long e) { return tapisim_remote_call_ex0(a, b, c, d, e); }
    @Override public int tapisim_remote_digits(byte[] a, byte[] b) { return tapisim_remote_digits0(a, b); }
    @Override public int tapisim_set_addresses(int a, byte[] b) { return tapisim_set_addresses0(a, b); }
    @Override public int tapisim_set_address_completion_caps(int a, int b, int c, int d, int e) { return tapisim_set_address_completion_caps0(a, b, c, d, e); }
    @Override public int tapisim_set_address_completion_messages(int a, int b, byte[] c) { return tapisim_set_address_completion_messages0(a, b, c); }
}
