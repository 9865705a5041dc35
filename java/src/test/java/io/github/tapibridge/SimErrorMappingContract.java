package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every LINEERR_ the simulator can produce, through the public API: the right
 * {@link LineError}, the right function name, and the right delivery (exception, failed future,
 * or failed future after LINE_REPLY).
 */
abstract class SimErrorMappingContract extends SimTestSupport {

    static void assertError(LineError expected, String function, TapiException e) {
        assertEquals(expected, e.error(), e.getMessage());
        assertEquals(expected.code(), e.code());
        assertEquals(function, e.function());
        String context = e.context().map(c -> c + ": ").orElse("");
        assertTrue(e.getMessage().startsWith("[" + expected.name() + "] " + context + function + ": "),
                e.getMessage());
    }

    // ---- lineCompleteCall ---------------------------------------------------------------

    @Test
    void completeCallInvalCallStateInReply() throws Exception {
        Line line = tapi.openLine(0);
        Call call = await(line.makeCall("210")); // rings: RINGBACK, then CONNECTED after 3 s
        advance(3000);
        assertError(LineError.LINEERR_INVALCALLSTATE, "lineCompleteCall",
                failure(call.completeCall(CallCompletionMode.CALLBACK)));
    }

    @Test
    void completeCallInvalCallComplModeSyncAndInReply() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call busy = busyCall(line, events, "211");
        CompletableFuture<CallCompletion> sync = busy.complete(CallCompletionMode.CAMPON, 0x10, 0);
        assertTrue(sync.isCompletedExceptionally());
        assertError(LineError.LINEERR_INVALCALLCOMPLMODE, "lineCompleteCall", failure(sync));
        // No answer: only CALLBACK and MESSAGE are allowed, decided by the switch
        // (docs/simulator.md, "Conditions and call states").
        sim.station("212").noAnswer();
        Call ringing = await(line.makeCall("212"));
        await(ringing.whenState(CallState.RINGBACK));
        assertError(LineError.LINEERR_INVALCALLCOMPLMODE, "lineCompleteCall",
                failure(ringing.completeCall(CallCompletionMode.CAMPON)));
        CallCompletion ok = await(ringing.completeCall(CallCompletionMode.CALLBACK));
        assertTrue(ok.isActive());
    }

    @Test
    void completeCallInvalMessageId() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        AddressCaps caps = line.addressCaps(0);
        Call call = busyCall(line, events, "213");
        assertError(LineError.LINEERR_INVALMESSAGEID, "lineCompleteCall",
                failure(call.completeCall(CallCompletionMode.MESSAGE, caps.completionMessages().size())));
        CallCompletion c = await(call.completeCall(CallCompletionMode.MESSAGE, 2));
        assertEquals(CallCompletion.State.FIRED, c.state());
        assertEquals(2, c.messageId());
    }

    @Test
    void completeCallCompletionOverrun() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        int max = line.addressCaps(0).maxCallCompletions();
        List<CallCompletion> accepted = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Call call = busyCall(line, events, "214");
            accepted.add(await(call.completeCall(CallCompletionMode.CALLBACK)));
            await(call.whenState(CallState.IDLE));
            call.close();
        }
        assertEquals(max, line.completions().size());
        Call call = busyCall(line, events, "214");
        assertError(LineError.LINEERR_COMPLETIONOVERRUN, "lineCompleteCall",
                failure(call.completeCall(CallCompletionMode.CALLBACK)));
        await(accepted.get(0).cancel());
        assertEquals(CallCompletion.State.CANCELLED, accepted.get(0).state());
        assertTrue(await(call.completeCall(CallCompletionMode.CALLBACK)).isActive());
    }

    @Test
    void completeCallOperationUnavailWhileCampedOn() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "215");
        CallCompletion c = await(call.completeCall(CallCompletionMode.CAMPON));
        assertError(LineError.LINEERR_OPERATIONUNAVAIL, "lineCompleteCall",
                failure(call.completeCall(CallCompletionMode.CAMPON)));
        assertTrue(c.isActive());
    }

    @Test
    void completeCallNotOwnerOnAMonitorHandle() throws Exception {
        Recorder monitorEvents = new Recorder();
        Line monitor = tapi.openLine(0, LineOptions.monitor());
        monitor.addListener(monitorEvents);
        Recorder events = new Recorder();
        Line owner = openRecorded(0, events);
        busyCall(owner, events, "216");
        LineEvent.NewCall seen = (LineEvent.NewCall) monitorEvents.until(e -> e instanceof LineEvent.NewCall)
                .get(0);
        assertEquals(CallPrivilege.MONITOR, seen.privilege());
        Call watched = seen.call();
        assertEquals(CallPrivilege.MONITOR, watched.privilege());
        assertError(LineError.LINEERR_NOTOWNER, "lineCompleteCall",
                failure(watched.completeCall(CallCompletionMode.CALLBACK)));
        assertError(LineError.LINEERR_NOTOWNER, "lineDrop", failure(watched.drop()));
    }

    @ParameterizedTest
    @EnumSource(names = {"LINEERR_OPERATIONFAILED", "LINEERR_RESOURCEUNAVAIL", "LINEERR_NOMEM"})
    void completeCallInjectedSwitchRefusal(LineError error) throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "217");
        sim.failNext("lineCompleteCall", error);
        assertError(error, "lineCompleteCall", failure(call.completeCall(CallCompletionMode.CALLBACK)));
        assertTrue(line.completions().isEmpty());
    }

    @Test
    void completeCallRacingADropEndsOneOfTheTwoLegalWays() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "218");
        // Both requests are issued before the switch dispatches either (it dispatches when the
        // pump next calls lineGetMessage, which may be at once): the completion either fails
        // because the drop came first, or was accepted first. Both are legal; neither may hang.
        CompletableFuture<CallCompletion> f = call.completeCall(CallCompletionMode.CALLBACK);
        CompletableFuture<Void> drop = call.drop();
        try {
            await(f);
        } catch (java.util.concurrent.ExecutionException e) {
            TapiException t = (TapiException) e.getCause();
            assertTrue(t.error() == LineError.LINEERR_OPERATIONFAILED
                    || t.error() == LineError.LINEERR_INVALCALLSTATE, t.getMessage());
        }
        try {
            await(drop);
        } catch (java.util.concurrent.ExecutionException e) {
            assertEquals(LineError.LINEERR_INVALCALLSTATE, ((TapiException) e.getCause()).error());
        }
    }

    // ---- lineUncompleteCall -------------------------------------------------------------

    @Test
    void uncompleteCallInvalCompletionIdInReply() throws Exception {
        Line line = tapi.openLine(0);
        assertError(LineError.LINEERR_INVALCOMPLETIONID, "lineUncompleteCall",
                failure(line.uncompleteCall(12345)));
    }

    @Test
    void uncompleteCallInjectedRefusal() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "219");
        CallCompletion c = await(call.completeCall(CallCompletionMode.CAMPON));
        sim.failNext("lineUncompleteCall", LineError.LINEERR_RESOURCEUNAVAIL);
        assertError(LineError.LINEERR_RESOURCEUNAVAIL, "lineUncompleteCall", failure(c.cancel()));
        assertTrue(c.isActive());
        await(c.cancel());
        assertEquals(CallCompletion.State.CANCELLED, c.state());
        // The switch releases a camped call it no longer queues.
        await(call.whenState(CallState.IDLE));
    }

    // ---- the other asynchronous functions -----------------------------------------------

    @Test
    void makeCallErrors() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        assertError(LineError.LINEERR_INVALADDRESS, "lineMakeCallW", failure(line.makeCall("no!")));
        assertError(LineError.LINEERR_INVALADDRESS, "lineMakeCallW", failure(line.makeCall("")));
        sim.failNext("lineMakeCall", LineError.LINEERR_RESOURCEUNAVAIL);
        assertError(LineError.LINEERR_RESOURCEUNAVAIL, "lineMakeCallW", failure(line.makeCall("220")));
        int max = line.addressCaps(0).maxActiveCalls();
        for (int i = 0; i < max; i++) {
            busyCall(line, events, "221");
        }
        assertError(LineError.LINEERR_CALLUNAVAIL, "lineMakeCallW", failure(line.makeCall("221")));
    }

    @Test
    void answerAndDropErrors() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        Call call = busyCall(line, events, "222");
        assertError(LineError.LINEERR_INVALCALLSTATE, "lineAnswer", failure(call.answer()));
        sim.failNext("lineAnswer", LineError.LINEERR_OPERATIONFAILED);
        assertError(LineError.LINEERR_OPERATIONFAILED, "lineAnswer", failure(call.answer()));
        sim.failNext("lineDrop", LineError.LINEERR_RESOURCEUNAVAIL);
        assertError(LineError.LINEERR_RESOURCEUNAVAIL, "lineDrop", failure(call.drop()));
        await(call.drop());
        await(call.whenState(CallState.IDLE));
        assertError(LineError.LINEERR_INVALCALLSTATE, "lineDrop", failure(call.drop()));
    }

    // ---- synchronous functions ----------------------------------------------------------

    @Test
    void openAndCapsErrors() {
        assertError(LineError.LINEERR_BADDEVICEID, "lineNegotiateAPIVersion",
                assertThrows(TapiException.class, () -> tapi.openLine(tapi.lineCount())));
        assertError(LineError.LINEERR_BADDEVICEID, "lineNegotiateAPIVersion",
                assertThrows(TapiException.class, () -> tapi.device(99)));
        assertError(LineError.LINEERR_INVALMEDIAMODE, "lineOpenW", assertThrows(TapiException.class,
                () -> tapi.openLine(0, LineOptions.owner().withMediaModes(MediaMode.G3FAX))));
        assertError(LineError.LINEERR_INVALMEDIAMODE, "lineOpenW", assertThrows(TapiException.class,
                () -> tapi.openLine(0, LineOptions.owner().withMediaModes())));
        assertTrue(tapi.lines().isEmpty(), "failed opens leave no line behind");
        // A defined state the switch never reports is accepted (and brings no event); only bits
        // that are no LINEDEVSTATE_ constant of the line's version give LINEERR_INVALLINESTATE.
        tapi.openLine(0, LineOptions.owner().withStatusMessages(LineDeviceState.BATTERY)).close();
        Line line = tapi.openLine(0);
        assertError(LineError.LINEERR_INVALADDRESSID, "lineGetAddressCapsW",
                assertThrows(TapiException.class, () -> line.addressCaps(1)));
    }

    /**
     * {@code openLine(99)} failed with {@code [LINEERR_BADDEVICEID] lineNegotiateAPIVersion: ...},
     * which names neither the method nor the device: a failing inner TAPI call now says which
     * method and which argument, and keeps the error and function of TAPI.
     */
    @Test
    void errorsOfInnerTapiCallsNameTheMethodAndItsArgument() throws Exception {
        TapiException open = assertThrows(TapiException.class, () -> tapi.openLine(99));
        assertError(LineError.LINEERR_BADDEVICEID, "lineNegotiateAPIVersion", open);
        assertEquals("[LINEERR_BADDEVICEID] openLine(99): lineNegotiateAPIVersion: "
                + LineError.LINEERR_BADDEVICEID.description(), open.getMessage());
        assertEquals("openLine(99)", open.context().orElseThrow());
        TapiException device = assertThrows(TapiException.class, () -> tapi.device(99));
        assertError(LineError.LINEERR_BADDEVICEID, "lineNegotiateAPIVersion", device);
        assertEquals("device(99)", device.context().orElseThrow());
        sim.failNext("lineOpen", LineError.LINEERR_RESOURCEUNAVAIL);
        TapiException lineOpen = assertThrows(TapiException.class, () -> tapi.openLine(2));
        assertError(LineError.LINEERR_RESOURCEUNAVAIL, "lineOpenW", lineOpen);
        assertEquals("openLine(2)", lineOpen.context().orElseThrow());
        sim.failNext("lineSetStatusMessages", LineError.LINEERR_NOMEM);
        TapiException status = assertThrows(TapiException.class, () -> tapi.openLine(3));
        assertError(LineError.LINEERR_NOMEM, "lineSetStatusMessages", status);
        assertEquals("openLine(3)", status.context().orElseThrow());

        Line line = tapi.openLine(0);
        TapiException caps = assertThrows(TapiException.class, () -> line.addressCaps(5));
        assertError(LineError.LINEERR_INVALADDRESSID, "lineGetAddressCapsW", caps);
        assertEquals("addressCaps(5) of line 0", caps.context().orElseThrow());
        assertTrue(caps.getMessage().contains("addressCaps(5) of line 0: lineGetAddressCapsW"),
                caps.getMessage());
        sim.failNext("lineGetLineDevStatusW", LineError.LINEERR_NOMEM);
        TapiException lineStatus = assertThrows(TapiException.class, line::status);
        assertError(LineError.LINEERR_NOMEM, "lineGetLineDevStatusW", lineStatus);
        assertEquals("status() of line 0", lineStatus.context().orElseThrow());

        Call call = await(line.makeCall("223"));
        String name = String.format("call 0x%08X", call.handle());
        sim.failNext("lineGetCallStatus", LineError.LINEERR_NOMEM);
        TapiException state = assertThrows(TapiException.class, call::state);
        assertError(LineError.LINEERR_NOMEM, "lineGetCallStatus", state);
        assertEquals("state() of " + name, state.context().orElseThrow());
        sim.failNext("lineGetCallStatus", LineError.LINEERR_NOMEM);
        assertEquals("status() of " + name,
                assertThrows(TapiException.class, call::status).context().orElseThrow());
        sim.failNext("lineGetCallInfo", LineError.LINEERR_NOMEM);
        TapiException info = assertThrows(TapiException.class, call::info);
        assertError(LineError.LINEERR_NOMEM, "lineGetCallInfoW", info);
        assertEquals("info() of " + name, info.context().orElseThrow());
        assertTrue(info.getStackTrace().length > 0);
    }

    @Test
    void incompatibleApiVersion() {
        Tapi future = openTapi(TapiConfig.builder().provider(Provider.simulator())
                .apiVersions(TapiVersion.of(3, 2), TapiVersion.of(3, 9)));
        assertError(LineError.LINEERR_INCOMPATIBLEAPIVERSION, "lineNegotiateAPIVersion",
                assertThrows(TapiException.class, () -> future.openLine(0)));
    }

    @Test
    void simulatorControlErrors() {
        TapiException e = assertThrows(TapiException.class, () -> sim.option("no_such_option", 1));
        assertError(LineError.LINEERR_OPERATIONUNAVAIL, "tapisim_set_option", e);
        assertError(LineError.LINEERR_OPERATIONUNAVAIL, "tapisim_fail_next",
                assertThrows(TapiException.class, () -> sim.failNext("lineGetMessage", LineError.LINEERR_NOMEM)));
        assertError(LineError.LINEERR_INVALADDRESS, "tapisim_set_station",
                assertThrows(TapiException.class, () -> sim.station("no!").busy()));
    }
}
