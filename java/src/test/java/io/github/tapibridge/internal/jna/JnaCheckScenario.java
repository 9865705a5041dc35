package io.github.tapibridge.internal.jna;

/**
 * Run by {@link JnaCheckTest} in a child JVM under {@code -Xcheck:jni}: drives the JNA backend
 * through initialise, open, make call, completion, messages, probes and shutdown.
 */
public final class JnaCheckScenario {

    static final String DONE = "JNA scenario done";

    private JnaCheckScenario() {
    }

    public static void main(String[] args) {
        try (JnaBackend b = JnaBackend.openSimulator()) {
            b.tapisimReset();
            long mem = b.allocate(256);
            b.putInt(mem + 8, 0x00030001);
            b.putInt(mem + 16, 28);
            b.putInt(mem + 28, 2);
            check(b.lineInitializeExW(mem, 0, "xcheck", mem + 4, mem + 8, mem + 16) == 0, "init");
            int app = b.getInt(mem);
            check(b.lineOpenW(app, 0, mem + 64, 0x00030001, 0, 1, 4, 4, 0) == 0, "open");
            b.tapisimSetStation("201", 1);
            check(b.lineMakeCallW(b.getInt(mem + 64), mem + 68, "201", 0, 0) > 0, "make call");
            check(b.lineCompleteCall(b.getInt(mem + 68), mem + 72, 2, 0) > 0, "complete");
            int messages = 0;
            while (b.lineGetMessage(app, mem + 96, 0) == 0) {
                b.view(mem + 96, 40).getInt(4);
                messages++;
            }
            check(messages >= 5, "messages");
            b.tapisimAdvance(1000);
            check(b.probeConstant("LINE_REPLY").getAsInt() == 12, "probe");
            check(!b.tapisimTrace().isEmpty(), "trace");
            check(b.lineShutdown(app) == 0, "shutdown");
            b.free(mem);
        }
        System.out.println(DONE);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
