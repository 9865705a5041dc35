package io.github.tapibridge.internal.ffm;

import io.github.tapibridge.internal.AppEvents;
import io.github.tapibridge.internal.GuardRecord;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The simulator's control functions of {@link FfmBackend} ({@code tapisim.h}), resolved all or
 * none ({@link FfmSim}): without them each throws UnsupportedOperationException. Plain downcalls
 * (they are for tests, and {@code tapisim_reset} waits for the switch's clock thread), guarded
 * like every TAPI function; C strings are UTF-8, checked as the TAPI strings are.
 */
abstract class FfmSimControl extends FfmConference {

    FfmSimControl(FfmLibrary library, String description, AppEvents.Waits waits) {
        super(library, description, waits);
    }

    // ---- simulator control ---------------------------------------------------------------

    @Override
    public boolean hasSimulatorControl() {
        guard.ensureOpen();
        return library.sim != null;
    }

    /** The functions; called inside the guard. */
    private FfmSim sim() {
        FfmSim sim = library.sim;
        if (sim == null) {
            throw new UnsupportedOperationException(description + " has no simulator control functions");
        }
        return sim;
    }

    @Override
    public String tapisimTrace() {
        GuardRecord held = guard.enter();
        try (Arena arena = Arena.ofConfined()) {
            FfmSim s = sim();
            MemorySegment needed = arena.allocate(ValueLayout.JAVA_INT);
            for (;;) {
                int r = (int) Downcalls.PTR_INT_PTR.invokeExact(s.trace(), 0L, 0, needed.address());
                int size = needed.get(ValueLayout.JAVA_INT, 0);
                if (r < 0 && size <= 0) {
                    throw new IllegalStateException("tapisim_trace failed: " + r);
                }
                try (Arena buffer = Arena.ofConfined()) {
                    MemorySegment text = buffer.allocate(size);
                    if ((int) Downcalls.PTR_INT_PTR.invokeExact(s.trace(), text.address(), size, needed.address()) == 0) {
                        return new String(text.asSlice(0, size - 1).toArray(ValueLayout.JAVA_BYTE),
                                StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public long tapisimRemoteCall(String from, String fromName, String to) {
        GuardRecord held = guard.enter();
        try (Arena arena = Arena.ofConfined()) {
            FfmSim s = sim();
            MemorySegment callId = arena.allocate(ValueLayout.JAVA_INT);
            int r = (int) Downcalls.PTR_PTR_PTR_PTR.invokeExact(s.remoteCall(), utf8(from, "from", 0),
                    utf8(fromName, "fromName", 1), utf8(to, "to", 2), callId.address());
            return r < 0 ? r : Integer.toUnsignedLong(callId.get(ValueLayout.JAVA_INT, 0));
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public long tapisimRemoteCallEx(String from, String fromName, String to, int flags) {
        GuardRecord held = guard.enter();
        try (Arena arena = Arena.ofConfined()) {
            FfmSim s = sim();
            MemorySegment callId = arena.allocate(ValueLayout.JAVA_INT);
            int r = (int) Downcalls.PTR_PTR_PTR_INT_PTR.invokeExact(s.remoteCallEx(), utf8(from, "from", 0),
                    utf8(fromName, "fromName", 1), utf8(to, "to", 2), flags, callId.address());
            return r < 0 ? r : Integer.toUnsignedLong(callId.get(ValueLayout.JAVA_INT, 0));
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimReset() {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            return (int) Downcalls.VOID.invokeExact(s.reset());
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimSetStation(String number, int state) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            long n = utf8(number, "number", 0);
            return (int) Downcalls.PTR_INT.invokeExact(s.setStation(), n, state);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimAdvance(int ms) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            return (int) Downcalls.INT.invokeExact(s.advance(), ms);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimNow() {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            return (int) Downcalls.VOID.invokeExact(s.now());
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimFailNext(String function, int lineerr) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            long f = utf8(function, "function", 0);
            return (int) Downcalls.PTR_INT.invokeExact(s.failNext(), f, lineerr);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimSetOption(String name, int value) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            long n = utf8(name, "name", 0);
            return (int) Downcalls.PTR_INT.invokeExact(s.setOption(), n, value);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimTraceClear() {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            return (int) Downcalls.VOID.invokeExact(s.traceClear());
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimPostMessages(int hLineApp, int count) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            return (int) Downcalls.INT_INT.invokeExact(s.postMessages(), hLineApp, count);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimSync(int hLineApp, int token) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            return (int) Downcalls.INT_INT.invokeExact(s.sync(), hLineApp, token);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimSetLines(int count) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            return (int) Downcalls.INT.invokeExact(s.setLines(), count);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimSetLine(int deviceId, String number, String name) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            long n = utf8(number, "number", 0);
            long m = utf8(name, "name", 1);
            return (int) Downcalls.INT_PTR_PTR.invokeExact(s.setLine(), deviceId, n, m);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimSetCompletionCaps(int deviceId, int maxCompletions, int modes, int conditions) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            return (int) Downcalls.INT_INT_INT_INT.invokeExact(s.setCompletionCaps(), deviceId, maxCompletions, modes, conditions);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimSetCompletionMessages(int deviceId, String texts) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            long t = utf8(texts, "texts", 0);
            return (int) Downcalls.INT_PTR.invokeExact(s.setCompletionMessages(), deviceId, t);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimSetAddresses(int deviceId, String numbers) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            long n = utf8(numbers, "numbers", 0);
            return (int) Downcalls.INT_PTR.invokeExact(s.setAddresses(), deviceId, n);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimSetAddressCompletionCaps(int deviceId, int addressId, int maxCompletions, int modes,
            int conditions) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            return (int) Downcalls.INT_INT_INT_INT_INT.invokeExact(s.setAddressCompletionCaps(), deviceId, addressId, maxCompletions, modes,
                    conditions);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimSetAddressCompletionMessages(int deviceId, int addressId, String texts) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            long t = utf8(texts, "texts", 0);
            return (int) Downcalls.INT_INT_PTR.invokeExact(s.setAddressCompletionMessages(), deviceId, addressId, t);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimRemoteAnswer(String number) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            long n = utf8(number, "number", 0);
            return (int) Downcalls.PTR.invokeExact(s.remoteAnswer(), n);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimRemoteHangup(String number) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            long n = utf8(number, "number", 0);
            return (int) Downcalls.PTR.invokeExact(s.remoteHangup(), n);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }

    @Override
    public int tapisimRemoteDigits(String number, String digits) {
        GuardRecord held = guard.enter();
        try {
            FfmSim s = sim();
            long n = utf8(number, "number", 0);
            long d = utf8(digits, "digits", 1);
            return (int) Downcalls.PTR_PTR.invokeExact(s.remoteDigits(), n, d);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            guard.exit(held);
        }
    }
}
