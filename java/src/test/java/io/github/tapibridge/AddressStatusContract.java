package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.sim.Topology;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link Line#addressStatus(int)} through the public API: the counts and the address features
 * following a call (connected, on hold, back, gone) and a waiting completion request, two
 * addresses counted apart, and the errors (a bad address ID, an injected fault, a closed line).
 */
abstract class AddressStatusContract extends SimTestSupport {

    static void assertCounts(AddressStatus s, int inUse, int active, int onHold, int onHoldPending) {
        assertEquals(inUse, s.numInUse(), "dwNumInUse");
        assertEquals(active, s.numActiveCalls(), "dwNumActiveCalls");
        assertEquals(onHold, s.numOnHoldCalls(), "dwNumOnHoldCalls");
        assertEquals(onHoldPending, s.numOnHoldPendingCalls(), "dwNumOnHoldPendCalls");
    }

    /** An outside caller rings {@code number} on {@code line}, which answers. */
    Call answeredOutsideCall(Line line, String number) throws Exception {
        CompletableFuture<Call> incoming = line.whenNewCall();
        sim.station("0301").call(number);
        Call call = await(incoming);
        await(call.whenState(CallState.OFFERING));
        await(call.answer());
        await(call.whenState(CallState.CONNECTED));
        return call;
    }

    @Test
    void countsAndFeaturesFollowACallThroughHold() throws Exception {
        Line line = tapi.openLine(0, LineOptions.owner());
        AddressStatus idle = line.addressStatus(0);
        assertEquals(0, idle.addressId());
        assertCounts(idle, 0, 0, 0, 0);
        assertEquals(EnumSet.of(AddressFeature.MAKECALL), idle.addressFeatureSet());
        assertTrue(line.addressCaps(0).addressFeatureSet().containsAll(idle.addressFeatureSet()),
                "the caps are the upper bound");
        assertEquals(0, idle.numRingsNoAnswer(), "no forwarding in the simulator");

        Call call = answeredOutsideCall(line, "100");
        assertCounts(line.addressStatus(0), 1, 1, 0, 0);
        await(call.hold());
        await(call.whenState(CallState.ONHOLD));
        AddressStatus held = line.addressStatus(0);
        assertCounts(held, 1, 0, 1, 0);
        assertTrue(held.can(AddressFeature.MAKECALL), "room for another call");
        await(call.unhold());
        await(call.whenState(CallState.CONNECTED));
        assertCounts(line.addressStatus(0), 1, 1, 0, 0);
        await(call.drop());
        await(call.whenState(CallState.IDLE));
        assertCounts(line.addressStatus(0), 0, 0, 0, 0);
    }

    @Test
    void theFeatureSetIsUnmodifiable() {
        Line line = tapi.openLine(0, LineOptions.owner());
        AddressStatus s = line.addressStatus(0);
        java.util.Set<AddressFeature> features = s.addressFeatureSet();
        assertThrows(UnsupportedOperationException.class, () -> features.add(AddressFeature.PICKUP));
        assertEquals(EnumSet.of(AddressFeature.MAKECALL), s.addressFeatureSet());
        assertFalse(s.can(AddressFeature.PICKUP));
    }

    @Test
    void eachAddressCountsItsOwnCalls() throws Exception {
        tapi.close(); // the topology changes only while no application is initialised
        sim.configure(Topology.builder().addresses(0, "100", "150").build());
        tapi = openTapi(TapiConfig.builder().provider(Provider.simulator()).appName("java test"));
        Line line = tapi.openLine(0, LineOptions.owner());
        Call call = answeredOutsideCall(line, "150");
        assertEquals(1, call.info().addressId());
        assertCounts(line.addressStatus(1), 1, 1, 0, 0);
        assertCounts(line.addressStatus(0), 0, 0, 0, 0);
        assertEquals(Set.of(AddressFeature.MAKECALL), line.addressStatus(0).addressFeatureSet());
    }

    @Test
    void uncompleteCallIsAFeatureWhileACompletionWaits() throws Exception {
        Recorder events = new Recorder();
        Line line = openRecorded(0, events);
        assertFalse(line.addressStatus(0).can(AddressFeature.UNCOMPLETECALL));
        Call call = busyCall(line, events, "201");
        CallCompletion completion = await(call.completeCall(CallCompletionMode.CALLBACK));
        assertEquals(EnumSet.of(AddressFeature.MAKECALL, AddressFeature.UNCOMPLETECALL),
                line.addressStatus(0).addressFeatureSet());
        assertTrue(line.addressCaps(0).addressFeatureSet().contains(AddressFeature.UNCOMPLETECALL));
        await(completion.cancel());
        assertEquals(EnumSet.of(AddressFeature.MAKECALL), line.addressStatus(0).addressFeatureSet());
    }

    @Test
    void aBadAddressIdIsATapiException() {
        Line line = tapi.openLine(0, LineOptions.owner());
        TapiException e = assertThrows(TapiException.class, () -> line.addressStatus(1));
        assertEquals(LineError.LINEERR_INVALADDRESSID, e.error());
        assertEquals("lineGetAddressStatusW", e.function());
        assertTrue(e.getMessage().contains("addressStatus(1) of line 0"), e.getMessage());
        assertThrows(TapiException.class, () -> line.addressStatus(-1));
    }

    @Test
    void anInjectedFaultIsATapiException() {
        Line line = tapi.openLine(0, LineOptions.owner());
        sim.failNext("lineGetAddressStatus", LineError.LINEERR_RESOURCEUNAVAIL);
        TapiException e = assertThrows(TapiException.class, () -> line.addressStatus(0));
        assertEquals(LineError.LINEERR_RESOURCEUNAVAIL, e.error());
        assertEquals("lineGetAddressStatusW", e.function());
        assertCounts(line.addressStatus(0), 0, 0, 0, 0); // the fault is spent
    }

    @Test
    void aClosedLineIsIllegalState() {
        Line line = tapi.openLine(0, LineOptions.owner());
        line.close();
        assertThrows(IllegalStateException.class, () -> line.addressStatus(0));
        Line other = tapi.openLine(0, LineOptions.owner());
        tapi.close();
        assertThrows(IllegalStateException.class, () -> other.addressStatus(0));
    }
}
