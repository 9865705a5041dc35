package io.github.tapibridge.internal.jni;

import io.github.tapibridge.internal.NativeLibraries;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Run in a child JVM by {@link JniCheckTest}: calls every native of {@link TapiJni} and
 * {@link TapisimJni}, on success
 * and on every misuse path that C answers with an exception, so that {@code -Xcheck:jni} sees
 * each JNI call the bridge makes. Exits 0 and prints {@value #DONE} when every step behaved.
 *
 * <p>{@code load}: only loads the bridge (for the loader error test).
 */
public final class JniCheckScenario {

    static final String DONE = "JniCheckScenario: all steps passed";

    private JniCheckScenario() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("load")) {
            NativeLibraries.loadBridge();
            return;
        }
        boolean checked = ProcessHandle.current().info().arguments()
                .map(a -> java.util.Arrays.asList(a).contains("-Xcheck:jni")).orElse(true);
        check(checked, "the child JVM runs with -Xcheck:jni");
        check(TapiJni.ABI_VERSION == abi(), "ABI");

        try (JniBackend b = JniBackend.openSimulator()) {
            check(b.tapisimReset() == 0, "reset");
            check(b.tapisimTraceClear() == 0, "trace clear");
            long params = b.allocate(28);
            b.putInt(params, 28);
            b.putInt(params + 12, 2);
            long out = b.allocate(64);
            b.putInt(out + 8, 0x00030001);
            check(b.lineInitializeExW(out, 0, "check \u00e9\ud83d\ude00", out + 4, out + 8, params) == 0, "init");
            int app = b.getInt(out);
            check(b.lineNegotiateAPIVersion(app, 0, 0x00010004, 0x00030001, out + 12, out + 16) == 0, "negotiate");
            long caps = b.allocate(4096);
            b.putInt(caps, 4096);
            check(b.lineGetDevCapsW(app, 0, 0x00030001, 0, caps) == 0, "devcaps");
            b.putInt(caps, 4096);
            check(b.lineGetAddressCapsW(app, 0, 0, 0x00030001, 0, caps) == 0, "addresscaps");
            check(b.lineOpenW(app, 0, out + 32, 0x00030001, 0, 7L, 4, 4, 0) == 0, "open");
            int line = b.getInt(out + 32);
            check(b.lineSetStatusMessages(line, 0, 0) == 0, "status messages");
            b.putInt(caps, 4096);
            check(b.lineGetLineDevStatusW(line, caps) == 0, "devstatus");
            check(b.tapisimSetStation("201", 1) == 0, "busy station");
            check(b.lineMakeCallW(line, out + 36, "201", 0, 0) > 0, "makecall");
            int call = b.getInt(out + 36);
            b.putInt(caps, 4096);
            check(b.lineGetCallStatus(call, caps) == 0, "callstatus");
            b.putInt(caps, 4096);
            check(b.lineGetCallInfoW(call, caps) == 0, "callinfo");
            int complete = b.lineCompleteCall(call, out + 40, 2, 0);
            check(complete > 0 || complete < 0, "completecall returns a request or an error");
            check(b.lineUncompleteCall(line, 12345) != 0, "uncomplete of an unknown id");
            check(b.lineAnswer(call, 0, 0) != 0, "answer an outgoing call: refused now or in LINE_REPLY");
            check(b.lineDrop(call, 0, 0) > 0, "drop");
            long msg = b.allocate(40);
            int messages = 0;
            while (b.lineGetMessage(app, msg, 0) == 0) {
                ByteBuffer v = b.view(msg, 40);
                check(v.getInt(4) >= 0, "message id");
                messages++;
            }
            check(messages > 3, "messages");
            check(b.lineDeallocateCall(call) == 0, "deallocate");
            check(b.tapisimAdvance(10) == 0 && b.tapisimNow() == 10, "clock");
            check(b.tapisimFailNext("lineMakeCall", 0x8000004B) == 0, "fail next");
            check(b.tapisimSetOption("guard_ms", 100) == 0, "option");
            check(b.tapisimTrace().contains("lineMakeCallW"), "trace");
            byte[] bytes = new byte[8];
            b.write(msg, bytes, 0, 8);
            b.read(msg, bytes, 0, 8);

            // misuse, answered by C with an exception
            expect(IllegalArgumentException.class, () -> b.getInt(0));
            expect(IllegalArgumentException.class, () -> { b.putInt(0, 1); return null; });
            expect(IllegalArgumentException.class, () -> { b.read(0, bytes, 0, 1); return null; });
            expect(IllegalArgumentException.class, () -> { b.write(0, bytes, 0, 1); return null; });
            expect(IllegalArgumentException.class, () -> b.view(0, 1));
            expect(IllegalArgumentException.class, () -> b.view(msg, -1));
            expect(IllegalArgumentException.class, () -> b.allocate(-5));
            expect(ArrayIndexOutOfBoundsException.class, () -> { b.read(msg, bytes, 4, 8); return null; });
            expect(ArrayIndexOutOfBoundsException.class, () -> { b.write(msg, bytes, -1, 1); return null; });
            expect(NullPointerException.class, () -> { b.read(msg, null, 0, 1); return null; });
            expect(NullPointerException.class, () -> { b.write(msg, null, 0, 1); return null; });
            expect(IllegalArgumentException.class, () -> b.lineMakeCallW(line, out + 44, "9".repeat(1025), 0, 0));
            expect(IllegalArgumentException.class, () -> b.lineMakeCallW(line, out + 44, "2\u00000", 0, 0));
            expect(IllegalArgumentException.class, () -> b.lineInitializeExW(out, 0, "x".repeat(5000), out + 4, out + 8, params));
            expect(IllegalArgumentException.class, () -> b.tapisimSetStation("1".repeat(1025), 0));
            expect(IllegalArgumentException.class, () -> b.tapisimFailNext("a\u0000", 0));
            expect(IllegalArgumentException.class, () -> b.tapisimSetOption("\u0000", 0));
            check(b.tapisimSetStation(null, 0) < 0 && b.lineMakeCallW(line, out + 44, null, 0, 0) != 0, "null strings");
            expect(IllegalStateException.class, () -> TapiJni.lineGetMessage(0, app, msg, 0));
            expect(IllegalStateException.class, () -> TapisimJni.tapisim_now(0));
            expect(IllegalStateException.class, () -> { TapiJni.closeProvider(0); return null; });
            expect(NullPointerException.class, () -> TapiJni.openProvider(null, true));
            expect(IllegalArgumentException.class, () -> TapiJni.openProvider("", true));
            expect(UnsatisfiedLinkError.class, () -> TapiJni.openProvider("/nonexistent/\u00e9/lib.so", true));
            expect(UnsatisfiedLinkError.class, () -> TapiJni.openProvider(NativeLibraries.bridgePath().toString(), true));
            if (!System.getProperty("os.name").startsWith("Windows")) {
                expect(UnsupportedOperationException.class, TapiJni::openSystemProvider);
            }

            // a blocked lineGetMessage, woken by lineShutdown from this thread
            while (b.lineGetMessage(app, msg, 0) == 0) {
                messages++;
            }
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(
                    () -> b.lineGetMessage(app, msg, -1), r -> new Thread(r).start());
            Thread.sleep(100);
            check(b.lineShutdown(app) == 0, "shutdown");
            check(blocked.get(10, TimeUnit.SECONDS) == 0x80000014, "woken with INVALAPPHANDLE");

            for (long block : new long[] {params, out, caps, msg}) {
                b.free(block);
            }
            check(b.liveAllocations() == 0, "no native memory left");
        }
        System.out.println(DONE);
    }

    private static int abi() {
        NativeLibraries.loadBridge();
        return TapiJni.abiVersion();
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("step failed: " + what);
        }
    }

    private static void expect(Class<? extends Throwable> type, Supplier<?> call) {
        try {
            call.get();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return;
            }
            throw new AssertionError("expected " + type.getName() + ", got " + t, t);
        }
        throw new AssertionError("expected " + type.getName() + ", nothing thrown");
    }
}
