package io.github.tapibridge;

import io.github.tapibridge.internal.Layout;
import io.github.tapibridge.spi.TapiBackend;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A scripted TAPI provider in plain Java, for unit tests of the public API without native code.
 * "Native memory" is a map of Java byte arrays at fake addresses. Asynchronous functions return
 * a request ID and record what they were given; the test decides when and how each request is
 * answered ({@link #reply}), and which messages the pump sees ({@link #post}). {@link #awaitIdle()}
 * returns once the pump has processed every posted message and waits for the next one.
 */
final class FakeBackend implements TapiBackend {

    static final int LINEERR_INVALAPPHANDLE = 0x80000014;
    static final int LINEERR_STRUCTURETOOSMALL = 0x8000004D;

    static final int HLINEAPP = 0x0000A001;
    static final int TAPISIM_LINE_SYNC = 0x7A510001;

    /** A request an asynchronous function accepted. */
    record Request(int id, String function, int handle, long out, int mode, int messageId) {
    }

    private final TreeMap<Long, byte[]> blocks = new TreeMap<>();
    private long nextAddress = 0x10000;
    private final ArrayDeque<long[]> queue = new ArrayDeque<>();
    private boolean shutdown;
    private boolean closed;
    private boolean pumpWaiting;
    private int nextRequest = 0x1001;
    private int nextLine = 0x2001;
    private final Map<Integer, Long> instances = new HashMap<>();
    final List<Request> requests = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    /** Per-call data for lineGetCallInfoW / lineGetCallStatus: hCall -> {state, reason, completionId}. */
    final Map<Integer, int[]> callData = new HashMap<>();

    /** Result of the next asynchronous call instead of a request ID (0 = normal). */
    volatile int nextAsyncResult;
    /** When positive, lineGetDevCapsW claims to need this many bytes (probe-retry tests). */
    volatile int devCapsNeeded;
    /** Number of lineGetDevCapsW calls. */
    volatile int devCapsCalls;
    volatile int lineStates = LineDeviceState.maskOf(java.util.EnumSet.of(
            LineDeviceState.NUMCOMPLETIONS, LineDeviceState.COMPLCANCEL, LineDeviceState.RINGING));
    volatile int numCallCompletions;

    // ---- test control -------------------------------------------------------------------

    /** Queues a LINEMESSAGE for the pump. */
    synchronized void post(int hDevice, int messageId, long instance, long p1, long p2, long p3) {
        queue.add(new long[] {hDevice, messageId, instance, p1, p2, p3});
        notifyAll();
    }

    /** Queues a LINE_REPLY for a request; writes {@code outValue} first if it succeeds. */
    synchronized void reply(Request r, int result, int outValue) {
        if (result == 0 && r.out() != 0) {
            putInt(r.out(), outValue);
        }
        post(0, 12, instanceOf(lineOf(r)), r.id(), result & 0xFFFFFFFFL, 0);
    }

    /** Writes the out-parameter without replying (as a provider does before queuing the reply). */
    synchronized void writeOut(Request r, int outValue) {
        putInt(r.out(), outValue);
    }

    synchronized long instanceOf(int hLine) {
        Long i = instances.get(hLine);
        return i == null ? 0 : i;
    }

    private int lineOf(Request r) {
        if (r.function().equals("lineMakeCallW") || r.function().equals("lineUncompleteCall")) {
            return r.handle();
        }
        int[] d = callData.get(r.handle());
        return d == null ? 0 : d[3];
    }

    synchronized Request lastRequest() {
        return requests.get(requests.size() - 1);
    }

    synchronized Request request(String function, int index) {
        int n = 0;
        for (Request r : requests) {
            if (r.function().equals(function) && n++ == index) {
                return r;
            }
        }
        throw new AssertionError("no request " + index + " of " + function + " in " + requests);
    }

    /** Registers a call handle for call info/status queries. */
    synchronized void defineCall(int hCall, int hLine, CallState state, CallReason reason, int completionId) {
        callData.put(hCall, new int[] {state.bits(), reason.bits(), completionId, hLine});
    }

    /** Waits until the pump has processed every posted message and is waiting for the next. */
    synchronized void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(queue.isEmpty() && pumpWaiting) && !shutdown) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the pump did not drain the queue");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized long liveBlocks() {
        return blocks.size();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Waits up to {@code millis} for {@link #close()}. */
    synchronized boolean awaitClosed(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized boolean isShutdown() {
        return shutdown;
    }

    // ---- memory -------------------------------------------------------------------------

    @Override
    public String name() {
        return "FAKE";
    }

    @Override
    public String providerDescription() {
        return "fake provider";
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("fake backend closed");
        }
    }

    @Override
    public synchronized long allocate(long size) {
        ensureOpen();
        long a = nextAddress;
        nextAddress += (size + 15) / 16 * 16 + 16;
        blocks.put(a, new byte[(int) size]);
        return a;
    }

    @Override
    public synchronized void free(long address) {
        if (address == 0) {
            return;
        }
        if (blocks.remove(address) == null) {
            throw new AssertionError("free of unknown address 0x" + Long.toHexString(address));
        }
    }

    @Override
    public synchronized long liveAllocations() {
        return blocks.size();
    }

    private ByteBuffer at(long address, int length) {
        Map.Entry<Long, byte[]> e = blocks.floorEntry(address);
        if (e == null || address - e.getKey() + length > e.getValue().length) {
            throw new AssertionError("access outside allocated memory at 0x" + Long.toHexString(address));
        }
        return ByteBuffer.wrap(e.getValue(), (int) (address - e.getKey()), length).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public synchronized int getInt(long address) {
        ensureOpen();
        return at(address, 4).getInt(0);
    }

    @Override
    public synchronized void putInt(long address, int value) {
        ensureOpen();
        at(address, 4).putInt(0, value);
    }

    @Override
    public synchronized void read(long address, byte[] dst, int offset, int length) {
        ensureOpen();
        at(address, length).get(0, dst, offset, length);
    }

    @Override
    public synchronized void write(long address, byte[] src, int offset, int length) {
        ensureOpen();
        at(address, length).put(0, src, offset, length);
    }

    @Override
    public synchronized ByteBuffer view(long address, int size) {
        ensureOpen();
        return at(address, size);
    }

    // ---- TAPI ---------------------------------------------------------------------------

    @Override
    public synchronized int lineInitializeExW(long lphLineApp, long hInstance, String name,
                                              long lpdwNumDevs, long lpdwAPIVersion, long params) {
        calls.add("lineInitializeExW(" + name + ")");
        putInt(lphLineApp, HLINEAPP);
        putInt(lpdwNumDevs, 2);
        putInt(lpdwAPIVersion, 0x00030001);
        return 0;
    }

    @Override
    public synchronized int lineShutdown(int hLineApp) {
        calls.add("lineShutdown");
        if (shutdown) {
            return LINEERR_INVALAPPHANDLE;
        }
        shutdown = true;
        queue.clear();
        notifyAll();
        return 0;
    }

    /** The version lineNegotiateAPIVersion answers (a provider that stops at 1.3 sets 0x00010003). */
    volatile int lineVersion = 0x00020002;

    @Override
    public synchronized int lineNegotiateAPIVersion(int hLineApp, int dev, int low, int high,
                                                    long lpdwAPIVersion, long lpExtensionID) {
        if (dev >= 2) {
            return 0x80000002; // BADDEVICEID
        }
        putInt(lpdwAPIVersion, lineVersion);
        return 0;
    }

    @Override
    public synchronized int lineGetDevCapsW(int hLineApp, int dev, int version, int ext, long buf) {
        devCapsCalls++;
        int total = getInt(buf);
        if (total < 252) {
            return LINEERR_STRUCTURETOOSMALL;
        }
        String name = "Fake line " + dev;
        byte[] text = (name + "\0").getBytes(StandardCharsets.UTF_16LE);
        int needed = Math.max(268 + text.length, devCapsNeeded);
        putInt(buf + 4, needed);
        if (needed > total) {
            putInt(buf + 8, 268);
            return 0;
        }
        putInt(buf + 8, 268 + text.length);
        putInt(buf + Layout.LINEDEVCAPS_LINENAME_SIZE, text.length);
        putInt(buf + Layout.LINEDEVCAPS_LINENAME_OFFSET, 268);
        write(buf + 268, text, 0, text.length);
        putInt(buf + Layout.LINEDEVCAPS_NUMADDRESSES, 1);
        putInt(buf + Layout.LINEDEVCAPS_LINESTATES, lineStates);
        putInt(buf + Layout.LINEDEVCAPS_MEDIAMODES, MediaMode.INTERACTIVEVOICE.bits());
        putInt(buf + Layout.LINEDEVCAPS_MAXNUMACTIVECALLS, 8);
        return 0;
    }

    @Override
    public synchronized int lineGetAddressCapsW(int hLineApp, int dev, int addr, int version,
                                                int ext, long buf) {
        if (addr != 0) {
            return 0x80000011; // INVALADDRESSID
        }
        int total = getInt(buf);
        byte[] texts = new byte[2 * 8 * 2];
        byte[] a = "Call me".getBytes(StandardCharsets.UTF_16LE);
        byte[] b = "Later".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(a, 0, texts, 0, a.length);
        System.arraycopy(b, 0, texts, 16, b.length);
        // The variable part starts where the fixed part of the version ends: 228 bytes from
        // 2.0, 176 for 1.3 (up to dwCallCompletionModes' neighbours; no dwAddressFeatures).
        int fixed = version < 0x00010004 ? 176 : 228;
        int needed = fixed + texts.length;
        putInt(buf + 4, needed);
        putInt(buf + 8, Math.min(needed, total));
        putInt(buf + Layout.LINEADDRESSCAPS_MAXCALLCOMPLETIONS, 4);
        putInt(buf + Layout.LINEADDRESSCAPS_CALLCOMPLETIONMODES, 0xF);
        putInt(buf + Layout.LINEADDRESSCAPS_CALLCOMPLETIONCONDS, 0x3);
        putInt(buf + Layout.LINEADDRESSCAPS_ADDRCAPFLAGS, 0x800);
        if (needed <= total) {
            putInt(buf + Layout.LINEADDRESSCAPS_NUMCOMPLETIONMESSAGES, 2);
            putInt(buf + Layout.LINEADDRESSCAPS_COMPLETIONMSGTEXTENTRYSIZE, 16);
            putInt(buf + Layout.LINEADDRESSCAPS_COMPLETIONMSGTEXT_SIZE, 32);
            putInt(buf + Layout.LINEADDRESSCAPS_COMPLETIONMSGTEXT_OFFSET, fixed);
            write(buf + fixed, texts, 0, texts.length);
        }
        return 0;
    }

    @Override
    public synchronized int lineOpenW(int hLineApp, int dev, long lphLine, int version, int ext,
                                      long instance, int privileges, int mediaModes, long params) {
        calls.add("lineOpenW(" + dev + ", priv=" + privileges + ", media=" + mediaModes + ")");
        int h = nextLine++;
        instances.put(h, instance);
        putInt(lphLine, h);
        return 0;
    }

    @Override
    public synchronized int lineClose(int hLine) {
        calls.add("lineClose(" + Integer.toHexString(hLine) + ")");
        return 0;
    }

    @Override
    public synchronized int lineSetStatusMessages(int hLine, int lineStates, int addressStates) {
        calls.add("lineSetStatusMessages(" + Integer.toHexString(lineStates) + ")");
        return 0;
    }

    @Override
    public synchronized int lineGetLineDevStatusW(int hLine, long buf) {
        putInt(buf + 4, 88);
        putInt(buf + 8, 88);
        putInt(buf + Layout.LINEDEVSTATUS_NUMCALLCOMPLETIONS, numCallCompletions);
        putInt(buf + Layout.LINEDEVSTATUS_DEVSTATUSFLAGS, 0x5);
        return 0;
    }

    private synchronized int async(String function, int handle, long out, int mode, int messageId) {
        int forced = nextAsyncResult;
        if (forced != 0) {
            nextAsyncResult = 0;
            return forced;
        }
        int id = nextRequest++;
        Request r = new Request(id, function, handle, out, mode, messageId);
        requests.add(r);
        notifyAll();
        if (replyEarly) {
            // The reply (and any follow-up messages) is dequeued and processed by the pump before
            // this function returns its request ID: the order a fast provider can produce.
            replyEarly = false;
            reply(r, earlyResult, earlyOutValue);
            for (long[] m : earlyFollowUp) {
                post((int) m[0], (int) m[1], m[2], m[3], m[4], m[5]);
            }
            earlyFollowUp.clear();
            try {
                awaitIdle();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return id;
    }

    /** Makes the next asynchronous call reply before it returns (see {@link #async}). */
    synchronized void replyEarlyToNext(int result, int outValue, long[]... followUp) {
        replyEarly = true;
        earlyResult = result;
        earlyOutValue = outValue;
        earlyFollowUp.clear();
        earlyFollowUp.addAll(List.of(followUp));
    }

    private boolean replyEarly;
    private int earlyResult;
    private int earlyOutValue;
    private final List<long[]> earlyFollowUp = new ArrayList<>();

    @Override
    public int lineMakeCallW(int hLine, long lphCall, String dest, int country, long params) {
        return async("lineMakeCallW", hLine, lphCall, 0, 0);
    }

    @Override
    public int lineAnswer(int hCall, long uui, int size) {
        return async("lineAnswer", hCall, 0, 0, 0);
    }

    @Override
    public int lineDrop(int hCall, long uui, int size) {
        return async("lineDrop", hCall, 0, 0, 0);
    }

    @Override
    public synchronized int lineDeallocateCall(int hCall) {
        calls.add("lineDeallocateCall(" + Integer.toHexString(hCall) + ")");
        return 0;
    }

    @Override
    public synchronized int lineGetCallInfoW(int hCall, long buf) {
        int[] d = callData.get(hCall);
        if (d == null) {
            return 0x80000018; // INVALCALLHANDLE
        }
        putInt(buf + 4, Layout.LINECALLINFO_SIZE);
        putInt(buf + 8, Layout.LINECALLINFO_SIZE);
        putInt(buf + Layout.LINECALLINFO_REASON, d[1]);
        putInt(buf + Layout.LINECALLINFO_COMPLETIONID, d[2]);
        putInt(buf + Layout.LINECALLINFO_ORIGIN, CallOrigin.OUTBOUND.bits());
        return 0;
    }

    @Override
    public synchronized int lineGetCallStatus(int hCall, long buf) {
        int[] d = callData.get(hCall);
        if (d == null) {
            return 0x80000018;
        }
        putInt(buf + 4, 56);
        putInt(buf + 8, 56);
        putInt(buf + Layout.LINECALLSTATUS_CALLSTATE, d[0]);
        putInt(buf + Layout.LINECALLSTATUS_CALLPRIVILEGE, CallPrivilege.OWNER.bits());
        return 0;
    }

    /** The spinMicros of every drain the pump made, in order. */
    final List<Integer> drainSpins = new CopyOnWriteArrayList<>();

    /** Records the spin the pump asks for; the drain itself is the interface's (no spin). */
    @Override
    public int lineGetMessages(int hLineApp, long lpMessages, int count, int dwTimeout,
                               int spinMicros) {
        drainSpins.add(spinMicros);
        return TapiBackend.super.lineGetMessages(hLineApp, lpMessages, count, dwTimeout, spinMicros);
    }

    @Override
    public synchronized int lineGetMessage(int hLineApp, long lpMessage, int timeout) {
        ensureOpen();
        if (queue.isEmpty() && !shutdown && timeout == 0) {
            return 0x80000048; // LINEERR_OPERATIONFAILED: the timeout ran out (the pump's drain)
        }
        while (queue.isEmpty() && !shutdown) {
            pumpWaiting = true;
            notifyAll();
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0x80000048;
            }
        }
        pumpWaiting = false;
        if (shutdown) {
            return LINEERR_INVALAPPHANDLE;
        }
        long[] m = queue.poll();
        ByteBuffer v = at(lpMessage, Layout.LINEMESSAGE_SIZE);
        v.putInt(0, (int) m[0]);
        v.putInt(4, (int) m[1]);
        v.putLong(8, m[2]);
        v.putLong(16, m[3]);
        v.putLong(24, m[4]);
        v.putLong(32, m[5]);
        return 0;
    }

    /** Makes lineGetMessage fail as if the provider had shut the application down. */
    synchronized void killApplication() {
        shutdown = true;
        notifyAll();
    }

    @Override
    public int lineCompleteCall(int hCall, long lpId, int mode, int messageId) {
        return async("lineCompleteCall", hCall, lpId, mode, messageId);
    }

    @Override
    public int lineUncompleteCall(int hLine, int completionId) {
        return async("lineUncompleteCall", hLine, 0, completionId, 0);
    }

    // ---- simulator control: absent ------------------------------------------------------

    @Override
    public boolean hasSimulatorControl() {
        return false;
    }

    @Override
    public int tapisimReset() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int tapisimSetStation(String number, int state) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int tapisimAdvance(int ms) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int tapisimNow() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int tapisimFailNext(String function, int lineerr) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int tapisimSetOption(String name, int value) {
        throw new UnsupportedOperationException();
    }

    // ---- topology

    @Override
    public int tapisimSetLines(int count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int tapisimSetLine(int deviceId, String number, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int tapisimSetCompletionCaps(int deviceId, int maxCompletions, int modes, int conditions) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int tapisimSetCompletionMessages(int deviceId, String texts) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String tapisimTrace() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int tapisimTraceClear() {
        throw new UnsupportedOperationException();
    }

    /** tapisim_sync, which this fake does offer: the marker goes after the posted messages. */
    @Override
    public synchronized int tapisimSync(int hLineApp, int token) {
        ensureOpen();
        if (shutdown || hLineApp != HLINEAPP) {
            return LINEERR_INVALAPPHANDLE;
        }
        post(0, TAPISIM_LINE_SYNC, 0, token & 0xFFFFFFFFL, 0, 0);
        return 0;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
