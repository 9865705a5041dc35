package io.github.tapibridge.internal.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.LineError;
import org.junit.jupiter.api.Test;

/**
 * The JNA backend's own binding of the remote-station functions ({@code tapisim_remote_*}):
 * {@link io.github.tapibridge.sim.Simulator} drives the switch through JNI, so only this test
 * calls them through JNA.
 */
class RemoteStationBindingTest {

    @Test
    void remoteStationFunctionsPassTheirArgumentsAndResults() {
        try (JnaBackend jna = JnaBackend.openSimulator()) {
            assertEquals(0, jna.tapisimReset());
            long callId = jna.tapisimRemoteCall("0301", "Bob", "103");
            assertTrue(callId > 0, "the call ID of the offered call: " + callId);
            assertEquals(0, jna.tapisimRemoteHangup("0301"));
            assertEquals(LineError.LINEERR_INVALCALLSTATE.code(), jna.tapisimRemoteHangup("0301"));
            assertEquals(LineError.LINEERR_INVALCALLSTATE.code(), jna.tapisimRemoteAnswer("0301"));
            assertEquals(LineError.LINEERR_BADDEVICEID.code(), jna.tapisimRemoteCall("0301", null, "999"));
            assertEquals(0, jna.tapisimSetStation("103", 1)); // TAPISIM_STATION_BUSY
            assertEquals(0, jna.tapisimRemoteCall("0301", null, "103"), "busy: no call");
            assertEquals(0, jna.tapisimReset());
        }
    }
}
