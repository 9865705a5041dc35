package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.Backend;
import io.github.tapibridge.LineError;
import io.github.tapibridge.internal.jna.JnaBackend;
import org.junit.jupiter.api.Test;

/**
 * {@link RemoteStationContract} through the JNA backend, and the JNA backend's own binding of the
 * remote-station functions ({@link Simulator} drives the switch through JNI).
 * Runs in the build's {@code jna-backend} execution.
 */
class RemoteStationJnaTest extends RemoteStationContract {

    @Override
    Backend backend() {
        return Backend.JNA;
    }

    @Test
    void jnaBackendBindsTheRemoteStationFunctions() {
        try (JnaBackend jna = JnaBackend.openSimulator()) {
            long callId = jna.tapisimRemoteCall("0301", "Bob", "103");
            assertTrue(callId > 0, "the call ID of the offered call: " + callId);
            assertEquals(0, jna.tapisimRemoteHangup("0301"));
            assertEquals(LineError.LINEERR_INVALCALLSTATE.code(), jna.tapisimRemoteHangup("0301"));
            assertEquals(LineError.LINEERR_INVALCALLSTATE.code(), jna.tapisimRemoteAnswer("0301"));
            assertEquals(LineError.LINEERR_BADDEVICEID.code(), jna.tapisimRemoteCall("0301", null, "999"));
            sim.station("103").busy();
            assertEquals(0, jna.tapisimRemoteCall("0301", null, "103"), "busy: no call");
        }
    }
}
