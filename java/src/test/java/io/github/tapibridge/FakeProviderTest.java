package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public API over {@link FakeBackend}: every order of replies and events is scripted, so
 * correlation, close semantics and listener delivery are tested without timing and without
 * native code.
 */
class FakeProviderTest {

    static final int LINE_CALLINFO = 1;
    static final int LINE_CALLSTATE = 2;
    static final int LINE_CLOSE = 3;
    static final int LINE_LINEDEVSTATE = 8;
    static final int LINE_CREATE = 19;
    static final int LINE_APPNEWCALL = 23;
    static final int INVALCALLCOMPLMODE = 0x80000017;
    static final int INVALCALLSTATE = 0x8000001C;

    FakeBackend fake;
    Tapi tapi;
    final List<LineEvent> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() {
        fake = new FakeBackend();
        tapi = Tapi.open(TapiConfig.builder().appName("fake test").build(), fake);
    }

    @AfterEach
    void close() {
        tapi.close();
        assertTrue(fake.isClosed(), "the backend is released");
        assertEquals(0, fake.liveBlocks(), "every native block is freed after close");
    }

    Line openLine() {
        Line line = tapi.openLine(0);
        line.addListener(events::add);
        return line;
    }

    long inst(Line line) {
        return fake.instanceOf(line.handle());
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    static TapiException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        return assertInstanceOf(TapiException.class, e.getCause());
    }

    /** A call made on the line, answered by the fake with handle {@code hCall} in {@code state}. */
    Call makeCall(Line line, int hCall, CallState state) throws Exception {
        CompletableFuture<Call> f = line.makeCall("201");
        FakeBackend.Request r = fake.lastRequest();
        fake.defineCall(hCall, line.handle(), state, CallReason.DIRECT, 0);
        fake.reply(r, 0, hCall);
        Call call = await(f);
        fake.post(hCall, LINE_CALLSTATE, inst(line), state.bits(), 0, 0);
        fake.awaitIdle();
        return call;
    }

    CallCompletion complete(Call call, CallCompletionMode mode, int id) throws Exception {
        CompletableFuture<CallCompletion> f = call.completeCall(mode);
        FakeBackend.Request r = fake.lastRequest();
        assertEquals("lineCompleteCall", r.function());
        assertEquals(mode.bits(), r.mode());
        fake.reply(r, 0, id);
        return await(f);
    }

    // ---- call control ---------------------------------------------------------------------

    @Test
    void aBackendWithoutCallControlRefusesItWithUnsupportedOperation() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x3001, CallState.CONNECTED);
        Call other = makeCall(line, 0x3002, CallState.ONHOLD);
        int requests = fake.requests.size();
        long blocks = fake.liveBlocks();
        // FakeBackend keeps TapiBackend's defaults for the four functions.
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, call::hold);
        assertTrue(e.getMessage().contains("lineHold"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, call::unhold);
        assertThrows(UnsupportedOperationException.class, () -> call.swapHold(other));
        assertThrows(UnsupportedOperationException.class, () -> call.dial("5"));
        assertEquals(requests, fake.requests.size(), "no request issued");
        assertEquals(blocks, fake.liveBlocks(), "no native memory left behind");
    }

    @Test
    void aBackendWithoutAddressStatusRefusesItWithUnsupportedOperation() {
        Line line = openLine();
        long blocks = fake.liveBlocks();
        // FakeBackend keeps TapiBackend's default for lineGetAddressStatusW.
        UnsupportedOperationException e =
                assertThrows(UnsupportedOperationException.class, () -> line.addressStatus(0));
        assertTrue(e.getMessage().contains("lineGetAddressStatusW"), e.getMessage());
        assertEquals(blocks, fake.liveBlocks(), "no native memory left behind");
        line.status(); // the line still works
    }

    @Test
    void aBackendWithoutTransferAndDigitsRefusesThemWithUnsupportedOperation() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x3001, CallState.CONNECTED);
        int requests = fake.requests.size();
        long blocks = fake.liveBlocks();
        // FakeBackend keeps TapiBackend's defaults for the four functions.
        UnsupportedOperationException e =
                assertThrows(UnsupportedOperationException.class, () -> call.redirect("101"));
        assertTrue(e.getMessage().contains("lineRedirectW"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> call.blindTransfer("101"));
        e = assertThrows(UnsupportedOperationException.class,
                () -> call.generateDigits("1", DigitMode.DTMF, null));
        assertTrue(e.getMessage().contains("lineGenerateDigitsW"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, call::cancelDigits);
        e = assertThrows(UnsupportedOperationException.class,
                () -> call.monitorDigits(java.util.Set.of(DigitMode.DTMF)));
        assertTrue(e.getMessage().contains("lineMonitorDigits"), e.getMessage());
        assertEquals(requests, fake.requests.size(), "no request issued");
        assertEquals(blocks, fake.liveBlocks(), "no native memory left behind");
    }

    @Test
    void aBackendWithoutTransferAndConferenceRefusesThemWithUnsupportedOperation() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x3001, CallState.ONHOLD);
        Call other = makeCall(line, 0x3002, CallState.CONNECTED);
        int requests = fake.requests.size();
        long blocks = fake.liveBlocks();
        // FakeBackend keeps TapiBackend's defaults for the four functions.
        UnsupportedOperationException e =
                assertThrows(UnsupportedOperationException.class, other::setupTransfer);
        assertTrue(e.getMessage().contains("lineSetupTransferW"), e.getMessage());
        e = assertThrows(UnsupportedOperationException.class, () -> call.completeTransfer(other));
        assertTrue(e.getMessage().contains("lineCompleteTransfer"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> call.conference(other));
        e = assertThrows(UnsupportedOperationException.class, call::removeFromConference);
        assertTrue(e.getMessage().contains("lineRemoveFromConference"), e.getMessage());
        e = assertThrows(UnsupportedOperationException.class, () -> call.asConference().add(other));
        assertTrue(e.getMessage().contains("lineAddToConference"), e.getMessage());
        assertEquals(requests, fake.requests.size(), "no request issued");
        assertEquals(blocks, fake.liveBlocks(), "no native memory left behind");
        assertEquals(line.calls().size(), 2, "no call made up");
    }

    // ---- opening ------------------------------------------------------------------------

    @Test
    void openReportsWhatLineInitializeExReturned() {
        assertEquals(2, tapi.lineCount());
        assertEquals(TapiVersion.V3_1, tapi.apiVersion());
        assertEquals(FakeBackend.HLINEAPP, tapi.handle());
        assertTrue(tapi.isOpen());
        assertEquals("fake test", tapi.config().appName());
        assertTrue(fake.calls.contains("lineInitializeExW(fake test)"));
        assertTrue(tapi.toString().contains("open"));
    }

    @Test
    void deviceNegotiatesAndDecodesCaps() {
        LineDevice d = tapi.device(1);
        assertEquals(1, d.id());
        assertEquals("Fake line 1", d.name());
        assertEquals(TapiVersion.V2_2, d.apiVersion());
        assertEquals(1, d.numAddresses());
        assertTrue(d.lineStates().contains(LineDeviceState.COMPLCANCEL));
        assertEquals(8, d.maxActiveCalls());
        TapiException e = assertThrows(TapiException.class, () -> tapi.device(7));
        assertEquals(LineError.LINEERR_BADDEVICEID, e.error());
        assertEquals("lineNegotiateAPIVersion", e.function());
    }

    @Test
    void deviceCapsAreFetchedAgainWhenTheProviderNeedsMore() {
        fake.devCapsNeeded = 5000;
        LineDevice d = tapi.device(0);
        assertEquals("Fake line 0", d.name());
        assertEquals(2, fake.devCapsCalls, "probe, then one call with dwNeededSize bytes");
    }

    @Test
    void openLineSetsDefaultStatusMessagesTheDeviceSupports() {
        Line line = openLine();
        assertEquals(0, line.deviceId());
        assertEquals(TapiVersion.V2_2, line.apiVersion());
        assertTrue(line.isOpen());
        assertTrue(fake.calls.contains("lineOpenW(0, priv=4, media=4)"));
        assertTrue(fake.calls.contains("lineSetStatusMessages(801000)"), fake.calls.toString());
        fake.lineStates = LineDeviceState.NUMCOMPLETIONS.bits();
        tapi.openLine(1, LineOptions.monitor());
        assertTrue(fake.calls.contains("lineOpenW(1, priv=2, media=0)"), fake.calls.toString());
        assertTrue(fake.calls.contains("lineSetStatusMessages(1000)"), fake.calls.toString());
        tapi.openLine(1, LineOptions.none().withStatusMessages(LineDeviceState.BATTERY));
        assertTrue(fake.calls.contains("lineSetStatusMessages(8000)"), fake.calls.toString());
        assertEquals(3, tapi.lines().size());
    }

    @Test
    void addressCapsAndStatusAreDecoded() {
        Line line = openLine();
        AddressCaps caps = line.addressCaps(0);
        assertEquals(4, caps.maxCallCompletions());
        assertEquals(CallCompletionMode.setOf(0xF), caps.completionModes());
        assertEquals(CompletionCondition.setOf(0x3), caps.completionConditions());
        assertEquals(List.of("Call me", "Later"), caps.completionMessages());
        assertTrue(caps.completionIdsUnique());
        assertTrue(caps.supportsCompletion());
        assertEquals(LineError.LINEERR_INVALADDRESSID,
                assertThrows(TapiException.class, () -> line.addressCaps(1)).error());
        fake.numCallCompletions = 3;
        LineStatus status = line.status();
        assertEquals(3, status.numCallCompletions());
        assertTrue(status.connected());
        assertTrue(status.inService());
        assertFalse(status.messageWaiting());
    }

    // ---- replies ------------------------------------------------------------------------

    @Test
    void makeCallCompletesWhenTheReplyArrivesAfterRegistration() throws Exception {
        Line line = openLine();
        long before = tapi.nativeAllocations();
        CompletableFuture<Call> f = line.makeCall("201");
        assertFalse(f.isDone());
        assertEquals(before + 1, tapi.nativeAllocations(), "lphCall lives until the reply");
        FakeBackend.Request r = fake.lastRequest();
        fake.defineCall(0x3001, line.handle(), CallState.DIALING, CallReason.DIRECT, 0);
        fake.reply(r, 0, 0x3001);
        Call call = await(f);
        fake.awaitIdle();
        assertEquals(0x3001, call.handle());
        assertEquals(CallPrivilege.OWNER, call.privilege());
        assertSame(line, call.line());
        assertEquals(List.of(call), line.calls());
        assertEquals(before, tapi.nativeAllocations(), "lphCall freed when the reply was processed");
        LineEvent.Reply reply = (LineEvent.Reply) events.get(0);
        assertEquals(r.id(), reply.requestId());
        assertTrue(reply.isSuccess());
        assertNull(reply.error());
        assertSame(line, reply.line());
    }

    @Test
    void makeCallCompletesWhenTheReplyArrivesBeforeRegistration() throws Exception {
        Line line = openLine();
        long before = tapi.nativeAllocations();
        // The reply and the first state of the call are processed by the pump before
        // lineMakeCallW returns its request ID.
        fake.defineCall(0x3002, line.handle(), CallState.DIALING, CallReason.DIRECT, 0);
        fake.replyEarlyToNext(0, 0x3002,
                new long[] {0x3002, LINE_CALLSTATE, inst(line), CallState.DIALING.bits(), 0, 0});
        CompletableFuture<Call> f = line.makeCall("201");
        assertTrue(f.isDone(), "processed by the issuing thread");
        Call call = await(f);
        assertEquals(0x3002, call.handle());
        assertEquals(CallState.DIALING, call.lastReportedState(), "the early state reached the same object");
        assertEquals(before, tapi.nativeAllocations());
        assertEquals(0, tapi.session().registry.pendingCount());
        assertEquals(0, tapi.session().registry.earlyReplyCount());
        assertInstanceOf(LineEvent.Reply.class, events.get(0));
        LineEvent.CallStateChanged s = (LineEvent.CallStateChanged) events.get(1);
        assertSame(call, s.call());
    }

    @Test
    void aFailedReplyFailsTheFutureWithTheError() throws Exception {
        Line line = openLine();
        long before = tapi.nativeAllocations();
        CompletableFuture<Call> f = line.makeCall("201");
        fake.reply(fake.lastRequest(), 0x80000010, 0);
        TapiException e = failure(f);
        assertEquals(LineError.LINEERR_INVALADDRESS, e.error());
        assertEquals("lineMakeCallW", e.function());
        fake.awaitIdle();
        assertEquals(before, tapi.nativeAllocations());
        assertEquals(LineError.LINEERR_INVALADDRESS, ((LineEvent.Reply) events.get(0)).error());
    }

    @Test
    void aSynchronousErrorFailsTheFutureAtOnceAndFreesTheOutParameter() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x3003, CallState.BUSY);
        long before = tapi.nativeAllocations();
        fake.nextAsyncResult = INVALCALLCOMPLMODE;
        CompletableFuture<CallCompletion> f = call.completeCall(CallCompletionMode.CALLBACK);
        assertTrue(f.isCompletedExceptionally());
        assertEquals(LineError.LINEERR_INVALCALLCOMPLMODE, failure(f).error());
        assertEquals(before, tapi.nativeAllocations());
        assertEquals(0, tapi.session().registry.pendingCount());
    }

    // ---- completion ---------------------------------------------------------------------

    @Test
    void callbackCompletionFiresWithTheRecallOffered() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x3004, CallState.BUSY);
        CallCompletion c = complete(call, CallCompletionMode.CALLBACK, 7);
        assertEquals(7, c.id());
        assertEquals(CallCompletionMode.CALLBACK, c.mode());
        assertSame(call, c.call());
        assertSame(line, c.line());
        assertEquals(0, c.messageId());
        assertTrue(c.isActive());
        assertEquals(CallCompletion.State.ACTIVE, c.state());
        assertEquals(List.of(c), line.completions());
        assertSame(c, line.completion(7).orElseThrow());
        assertFalse(c.whenFired().isDone());

        fake.defineCall(0x3005, line.handle(), CallState.OFFERING, CallReason.CALLCOMPLETION, 7);
        fake.post(line.handle(), LINE_APPNEWCALL, inst(line), 0, 0x3005, CallPrivilege.OWNER.bits());
        fake.post(0x3005, LINE_CALLSTATE, inst(line), CallState.OFFERING.bits(), 1, CallPrivilege.OWNER.bits());
        Call recall = await(c.whenFired());
        fake.awaitIdle();
        assertEquals(0x3005, recall.handle());
        assertEquals(CallCompletion.State.FIRED, c.state());
        assertTrue(line.completions().isEmpty());
        assertTrue(recall.info().isCompletion());
        int n = events.size();
        LineEvent.NewCall nc = (LineEvent.NewCall) events.get(n - 3);
        assertSame(recall, nc.call());
        assertEquals(CallPrivilege.OWNER, nc.privilege());
        assertEquals(CallState.OFFERING, ((LineEvent.CallStateChanged) events.get(n - 2)).state());
        LineEvent.CompletionFired fired = (LineEvent.CompletionFired) events.get(n - 1);
        assertSame(c, fired.completion());
        assertSame(recall, fired.call());
    }

    @Test
    void camponCompletionFiresOnTheSameCall() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x3006, CallState.BUSY);
        CallCompletion c = complete(call, CallCompletionMode.CAMPON, 3);
        fake.defineCall(0x3006, line.handle(), CallState.BUSY, CallReason.CALLCOMPLETION, 3);
        fake.post(0x3006, LINE_CALLINFO, inst(line), 0x600, 0, 0);
        assertSame(call, await(c.whenFired()));
        fake.awaitIdle();
        LineEvent.CallInfoChanged info = (LineEvent.CallInfoChanged) events.get(events.size() - 2);
        assertTrue(info.reasonChanged());
        assertTrue(info.completionIdChanged());
        assertInstanceOf(LineEvent.CompletionFired.class, events.get(events.size() - 1));
    }

    @Test
    void aFireDequeuedBeforeTheReplyIsProcessedIsNotLost() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x3007, CallState.BUSY);
        fake.defineCall(0x3008, line.handle(), CallState.OFFERING, CallReason.CALLCOMPLETION, 9);
        // LINE_REPLY, then the recall, both processed before lineCompleteCall returns.
        fake.replyEarlyToNext(0, 9,
                new long[] {0x3008, LINE_CALLSTATE, inst(line), CallState.OFFERING.bits(), 1, 4});
        CallCompletion c = await(call.completeCall(CallCompletionMode.CALLBACK));
        assertEquals(9, c.id());
        assertEquals(CallCompletion.State.FIRED, c.state());
        assertEquals(0x3008, await(c.whenFired()).handle());
    }

    @Test
    void aSwitchCancelMarksTheCompletion() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x3009, CallState.BUSY);
        CallCompletion c = complete(call, CallCompletionMode.CALLBACK, 11);
        fake.post(line.handle(), LINE_LINEDEVSTATE, inst(line), LineDeviceState.COMPLCANCEL.bits(), 11, 0);
        fake.post(line.handle(), LINE_LINEDEVSTATE, inst(line), LineDeviceState.NUMCOMPLETIONS.bits(), 0, 0);
        fake.awaitIdle();
        assertTrue(c.isCancelledBySwitch());
        assertTrue(c.whenFired().isCancelled());
        CancellationException e = assertThrows(CancellationException.class, () -> c.whenFired().join());
        assertTrue(e.getMessage().contains("switch"));
        LineEvent.CompletionCancelled cc = (LineEvent.CompletionCancelled) events.get(events.size() - 2);
        assertEquals(11, cc.completionId());
        assertSame(c, cc.completion());
        LineEvent.LineDeviceStateChanged n = (LineEvent.LineDeviceStateChanged) events.get(events.size() - 1);
        assertEquals(java.util.Set.of(LineDeviceState.NUMCOMPLETIONS), n.states());
        // cancel() of an inactive completion is refused without calling TAPI.
        int before = fake.requests.size();
        assertEquals(LineError.LINEERR_INVALCOMPLETIONID, failure(c.cancel()).error());
        assertEquals(before, fake.requests.size());
    }

    @Test
    void cancelUncompletesAndCancelsWhenFired() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x300A, CallState.BUSY);
        CallCompletion c = complete(call, CallCompletionMode.CALLBACK, 12);
        CompletableFuture<Void> f = c.cancel();
        FakeBackend.Request r = fake.lastRequest();
        assertEquals("lineUncompleteCall", r.function());
        assertEquals(12, r.mode());
        assertEquals(line.handle(), r.handle());
        fake.reply(r, 0, 0);
        await(f);
        assertEquals(CallCompletion.State.CANCELLED, c.state());
        assertTrue(c.whenFired().isCancelled());
        CancellationException e = assertThrows(CancellationException.class, () -> c.whenFired().join());
        assertEquals("Completion 12 was cancelled", e.getMessage());
        assertEquals(0, e.getStackTrace().length, "created on the pump: no trace to fill in");
        assertTrue(line.completion(12).isEmpty());
    }

    @Test
    void uncompleteCallFailureKeepsTheCompletionActive() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x300B, CallState.BUSY);
        CallCompletion c = complete(call, CallCompletionMode.CAMPON, 13);
        CompletableFuture<Void> f = line.uncompleteCall(13);
        fake.reply(fake.lastRequest(), 0x80000048, 0);
        assertEquals(LineError.LINEERR_OPERATIONFAILED, failure(f).error());
        assertTrue(c.isActive(), "the switch still has it");
        // A camped call that goes idle ends its completion.
        fake.post(0x300B, LINE_CALLSTATE, inst(line), CallState.IDLE.bits(), 0, 0);
        fake.awaitIdle();
        assertEquals(CallCompletion.State.ENDED, c.state());
        assertThrows(CancellationException.class, () -> c.whenFired().join());
    }

    @Test
    void messageCompletionFiresOnAcceptance() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x300C, CallState.BUSY);
        CompletableFuture<CallCompletion> f = call.completeCall(CallCompletionMode.MESSAGE, 1);
        FakeBackend.Request r = fake.lastRequest();
        assertEquals(1, r.messageId());
        fake.reply(r, 0, 14);
        CallCompletion c = await(f);
        assertEquals(1, c.messageId());
        assertEquals(CallCompletion.State.FIRED, c.state());
        assertSame(call, c.whenFired().getNow(null));
        // Other modes pass message ID 0 whatever is given.
        call.completeCall(CallCompletionMode.CALLBACK, 5);
        assertEquals(0, fake.lastRequest().messageId());
    }

    @Test
    void answerAndDropComplete() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x300D, CallState.OFFERING);
        CompletableFuture<Void> a = call.answer();
        assertEquals("lineAnswer", fake.lastRequest().function());
        fake.reply(fake.lastRequest(), 0, 0);
        assertNull(await(a));
        CompletableFuture<Void> d = call.drop();
        assertEquals("lineDrop", fake.lastRequest().function());
        fake.reply(fake.lastRequest(), INVALCALLSTATE, 0);
        assertEquals(LineError.LINEERR_INVALCALLSTATE, failure(d).error());
        assertEquals(CallState.OFFERING, call.state());
        assertEquals(CallPrivilege.OWNER, call.status().privilege());
        assertEquals(CallOrigin.OUTBOUND, call.info().origin());
    }

    // ---- lifecycle ----------------------------------------------------------------------

    @Test
    void closeFailsPendingFuturesAndFreesTheirMemory() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x3010, CallState.BUSY);
        CallCompletion c = complete(call, CallCompletionMode.CALLBACK, 1);
        CompletableFuture<Call> made = line.makeCall("202");
        CompletableFuture<CallCompletion> completing = call.completeCall(CallCompletionMode.CAMPON);
        CompletableFuture<Void> answering = call.answer();
        tapi.close();
        for (CompletableFuture<?> f : List.of(made, completing, answering)) {
            TapiException e = failure(f);
            assertEquals(LineError.LINEERR_INVALAPPHANDLE, e.error());
            assertTrue(e.getMessage().contains("shut down"), e.getMessage());
        }
        assertEquals(CallCompletion.State.CLOSED, c.state());
        assertEquals(LineError.LINEERR_INVALAPPHANDLE, failure(c.whenFired()).error());
        assertTrue(fake.isShutdown());
        assertTrue(fake.isClosed());
        assertEquals(0, fake.liveBlocks());
        assertFalse(tapi.isOpen());
        assertThrows(IllegalStateException.class, tapi::nativeAllocations);
        assertFalse(line.isOpen());
        assertFalse(call.isOpen());
        tapi.close(); // idempotent
        assertEquals(1, fake.calls.stream().filter(s -> s.equals("lineShutdown")).count());
    }

    @Test
    void everyMethodThrowsAfterClose() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x3011, CallState.BUSY);
        CallCompletion c = complete(call, CallCompletionMode.CAMPON, 2);
        tapi.close();
        assertThrows(IllegalStateException.class, tapi::lineCount);
        assertThrows(IllegalStateException.class, tapi::apiVersion);
        assertThrows(IllegalStateException.class, tapi::handle);
        assertThrows(IllegalStateException.class, tapi::lines);
        assertThrows(IllegalStateException.class, () -> tapi.device(0));
        assertThrows(IllegalStateException.class, () -> tapi.openLine(0));
        assertThrows(IllegalStateException.class, () -> tapi.addListener(e -> { }));
        assertThrows(IllegalStateException.class, () -> line.makeCall("201"));
        assertThrows(IllegalStateException.class, () -> line.addressCaps(0));
        assertThrows(IllegalStateException.class, line::status);
        assertThrows(IllegalStateException.class, () -> line.uncompleteCall(2));
        assertThrows(IllegalStateException.class, call::state);
        assertThrows(IllegalStateException.class, call::status);
        assertThrows(IllegalStateException.class, call::info);
        assertThrows(IllegalStateException.class, call::answer);
        assertThrows(IllegalStateException.class, call::drop);
        assertThrows(IllegalStateException.class, () -> call.completeCall(CallCompletionMode.CALLBACK));
        assertThrows(IllegalStateException.class, c::cancel);
        line.close();
        call.close();
        assertFalse(fake.calls.stream().anyMatch(s -> s.startsWith("lineClose")),
                "lineShutdown closed the line natively");
        assertNotNull(tapi.config());
    }

    @Test
    void lineCloseAbandonsItsRequestsAndClosesItsCalls() throws Exception {
        Line line = openLine();
        Line other = tapi.openLine(1);
        Call call = makeCall(line, 0x3012, CallState.BUSY);
        CallCompletion c = complete(call, CallCompletionMode.CALLBACK, 4);
        long before = fake.liveBlocks();
        CompletableFuture<Call> pending = line.makeCall("203");
        FakeBackend.Request r = fake.lastRequest();
        long instance = inst(line);
        fake.writeOut(r, 0x3013); // as TAPI does just before it queues the reply
        line.close();
        line.close();
        assertTrue(fake.calls.contains("lineClose(" + Integer.toHexString(line.handle()) + ")"));
        TapiException e = failure(pending);
        assertEquals(LineError.LINEERR_INVALLINEHANDLE, e.error());
        assertEquals("lineMakeCallW", e.function());
        assertFalse(call.isOpen());
        assertEquals(CallCompletion.State.CLOSED, c.state());
        assertEquals(LineError.LINEERR_INVALLINEHANDLE, failure(c.whenFired()).error());
        assertEquals(before, fake.liveBlocks(),
                "lphCall freed: TAPI suppresses the replies of a closed line, nothing writes it");
        // The reply queued before the close still arrives: it is recognised and ignored.
        fake.post(0, 12, instance, r.id(), 0, 0);
        fake.awaitIdle();
        assertEquals(before, fake.liveBlocks());
        assertEquals(0, tapi.session().registry.releasedCount());
        assertEquals(0, tapi.session().registry.earlyReplyCount(), "not kept as an early reply");
        assertTrue(other.isOpen());
        assertEquals(List.of(other), tapi.lines());
        assertThrows(IllegalStateException.class, () -> line.makeCall("201"));
    }

    @Test
    void callCloseDeallocatesOnce() throws Exception {
        Line line = openLine();
        Call call = makeCall(line, 0x3014, CallState.IDLE);
        call.close();
        call.close();
        assertEquals(1, fake.calls.stream().filter(s -> s.equals("lineDeallocateCall(3014)")).count());
        assertTrue(line.calls().isEmpty());
        assertThrows(IllegalStateException.class, call::state);
        // A late message about the closed handle is ignored.
        fake.post(0x3014, LINE_CALLSTATE, inst(line), CallState.IDLE.bits(), 0, 0);
        fake.awaitIdle();
        assertTrue(line.calls().isEmpty());
    }

    @Test
    void closeFromAListenerOnThePumpDoesNotDeadlock() throws Exception {
        Line line = openLine();
        CompletableFuture<Void> closedOnPump = new CompletableFuture<>();
        line.addListener(e -> {
            if (e instanceof LineEvent.Reply) {
                tapi.close();
                closedOnPump.complete(null);
            }
        });
        CompletableFuture<Call> f = line.makeCall("201");
        fake.reply(fake.lastRequest(), 0, 0x3020);
        await(closedOnPump);
        tapi.close(); // waits until the pump has released everything
        assertTrue(fake.isClosed());
        assertEquals(0x3020, await(f).handle());
    }

    @Test
    void theProviderShuttingTheAppDownClosesIt() throws Exception {
        Line line = openLine();
        CompletableFuture<Call> pending = line.makeCall("201");
        fake.killApplication();
        assertEquals(LineError.LINEERR_INVALAPPHANDLE, failure(pending).error());
        tapi.close();
        assertFalse(tapi.isOpen());
        assertFalse(line.isOpen());
        assertTrue(events.stream().anyMatch(e -> e instanceof LineEvent.LineClosed));
    }

    @Test
    void lineCloseMessageClosesTheLine() throws Exception {
        Line line = openLine();
        CompletableFuture<Call> pending = line.makeCall("201");
        FakeBackend.Request r = fake.lastRequest();
        fake.post(line.handle(), LINE_CLOSE, inst(line), 0, 0, 0);
        fake.awaitIdle();
        assertFalse(line.isOpen());
        assertEquals(LineError.LINEERR_INVALLINEHANDLE, failure(pending).error());
        LineEvent.LineClosed lc = (LineEvent.LineClosed) events.get(events.size() - 1);
        assertSame(line, lc.line());
        assertFalse(fake.calls.contains("lineClose(" + Integer.toHexString(line.handle()) + ")"));
        fake.reply(r, 0x80000048, 0); // a late reply is harmless
        fake.awaitIdle();
    }

    @Test
    void anUnreachableTapiIsClosedByTheCleaner() throws Exception {
        FakeBackend leaked = new FakeBackend();
        openAndForget(leaked);
        // The pump thread keeps running, but it refers only to the session, never to the Tapi.
        for (int i = 0; i < 600 && !leaked.isClosed(); i++) {
            System.gc();
            leaked.awaitClosed(100); // a hang guard, not a timing assumption
        }
        assertTrue(leaked.isClosed(), "the Cleaner shut the application down");
        assertTrue(leaked.isShutdown());
        assertEquals(0, leaked.liveBlocks());
    }

    private static void openAndForget(FakeBackend backend) {
        Tapi t = Tapi.open(TapiConfig.defaults(), backend);
        t.openLine(0).addListener(e -> { });
    }

    // ---- listeners ----------------------------------------------------------------------

    @Test
    void listenersSeeEventsInMessageOrder() throws Exception {
        Line line = openLine();
        List<LineEvent> all = Collections.synchronizedList(new ArrayList<>());
        tapi.addListener(all::add);
        for (int i = 0; i < 200; i++) {
            fake.post(line.handle(), 4, inst(line), i, 0, 0); // LINE_DEVSPECIFIC: not decoded
        }
        fake.post(0, LINE_CREATE, 0, 2, 0, 0);
        fake.awaitIdle();
        assertEquals(200, events.size());
        for (int i = 0; i < 200; i++) {
            LineEvent.Other o = (LineEvent.Other) events.get(i);
            assertEquals(i, o.param1());
            assertEquals(4, o.messageId());
            assertSame(line, o.line());
        }
        assertEquals(201, all.size(), "application listeners also get device events");
        assertEquals(new LineEvent.DeviceCreated(2), all.get(200));
        assertEquals(3, tapi.lineCount());
    }

    @Test
    void aListenerExecutorKeepsMessageOrder() throws Exception {
        tapi.close();
        fake = new FakeBackend();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            tapi = Tapi.open(TapiConfig.builder().listenerExecutor(pool).build(), fake);
            Line line = openLine();
            List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> last = new CompletableFuture<>();
            line.addListener(e -> {
                threads.add(Thread.currentThread());
                if (e instanceof LineEvent.Other o && o.param1() == 999) {
                    last.complete(null);
                }
            });
            for (int i = 0; i < 1000; i++) {
                fake.post(line.handle(), 4, inst(line), i, 0, 0);
            }
            await(last);
            assertEquals(1000, events.size());
            for (int i = 0; i < 1000; i++) {
                assertEquals(i, ((LineEvent.Other) events.get(i)).param1());
            }
            assertFalse(threads.contains(tapi.session().pumpThread()), "not on the pump thread");
        } finally {
            tapi.close();
            pool.shutdown();
        }
    }

    @Test
    void aThrowingListenerDoesNotStopThePumpOrOtherListeners() throws Exception {
        Line line = tapi.openLine(0);
        line.addListener(e -> {
            if (((LineEvent.Other) e).param1() < 2) {
                throw new IllegalArgumentException("listener bug (expected by the test)");
            }
        });
        line.addListener(events::add);
        for (int i = 0; i < 10; i++) {
            fake.post(line.handle(), 4, inst(line), i, 0, 0);
        }
        fake.awaitIdle();
        assertEquals(10, events.size());
        Consumer2 removed = new Consumer2();
        line.addListener(removed);
        assertTrue(line.removeListener(removed));
        assertFalse(line.removeListener(removed));
    }

    static final class Consumer2 implements java.util.function.Consumer<LineEvent> {
        @Override
        public void accept(LineEvent e) {
        }
    }

    @Test
    void aListenerMayCallTheApiButNotBlockOnThePump() throws Exception {
        Line line = openLine();
        AtomicReference<CompletableFuture<Void>> answered = new AtomicReference<>();
        AtomicReference<Throwable> blocked = new AtomicReference<>();
        line.addListener(e -> {
            if (e instanceof LineEvent.NewCall n) {
                CompletableFuture<Void> f = n.call().answer();
                answered.set(f);
                try {
                    f.join();
                } catch (IllegalStateException expected) {
                    blocked.set(expected);
                }
            }
        });
        fake.defineCall(0x3030, line.handle(), CallState.OFFERING, CallReason.DIRECT, 0);
        fake.post(line.handle(), LINE_APPNEWCALL, inst(line), 0, 0x3030, CallPrivilege.OWNER.bits());
        fake.awaitIdle();
        assertNotNull(answered.get(), "the listener answered the call");
        assertInstanceOf(IllegalStateException.class, blocked.get());
        assertEquals("lineAnswer", fake.lastRequest().function());
        fake.reply(fake.lastRequest(), 0, 0);
        await(answered.get());
        // Off the pump, blocking is fine.
        assertNull(answered.get().join());
    }

    @Test
    void futuresCompletedOnThePumpRunCallbacksThere() throws Exception {
        Line line = openLine();
        CompletableFuture<Thread> where = line.makeCall("201").thenApply(c -> Thread.currentThread());
        fake.reply(fake.lastRequest(), 0, 0x3040);
        assertSame(tapi.session().pumpThread(), await(where));
    }
}
