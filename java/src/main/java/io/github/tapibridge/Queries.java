package io.github.tapibridge;

import io.github.tapibridge.internal.Guard;
import io.github.tapibridge.internal.Layout;
import io.github.tapibridge.internal.StructBuffer;
import io.github.tapibridge.internal.Structs;
import io.github.tapibridge.spi.TapiBackend;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The synchronous queries of one application: the number of line devices, the API version
 * negotiated per device (cached), and the {@code lineGet...} structures of devices, addresses,
 * lines and calls, each read inside the guards of the objects it names.
 *
 * <p>Threading: any thread, the event pump included (it reads a call's LINECALLINFO to match
 * completions). No lock: the version cache and the device count are concurrent.
 */
final class Queries {

    /** Room for the variable part of the Get structures, so that one call normally suffices. */
    private static final int VARIABLE_ROOM = 512;

    private final TapiConfig config;
    private final TapiBackend backend;
    private final int hLineApp;
    private final Guard guard;
    private final AtomicInteger lineCount;
    private final ConcurrentHashMap<Integer, TapiVersion> negotiated = new ConcurrentHashMap<>();

    /**
     * @param guard the application's guard
     * @param devices the number of line devices {@code lineInitializeExW} reported
     */
    Queries(TapiConfig config, TapiBackend backend, int hLineApp, Guard guard, int devices) {
        this.config = config;
        this.backend = backend;
        this.hLineApp = hLineApp;
        this.guard = guard;
        this.lineCount = new AtomicInteger(devices);
    }

    int lineCount() {
        guard.ensureOpen();
        return lineCount.get();
    }

    /** LINE_CREATE: device IDs up to this one exist now. */
    void deviceCreated(int deviceId) {
        lineCount.accumulateAndGet(deviceId + 1, Math::max);
    }

    /** lineNegotiateAPIVersion, cached per device. Caller holds the session guard. */
    TapiVersion negotiate(int deviceId) {
        TapiVersion v = negotiated.get(deviceId);
        if (v != null) {
            return v;
        }
        long out = backend.allocate(4 + 16);
        try {
            int r = backend.lineNegotiateAPIVersion(hLineApp, deviceId,
                    config.minApiVersion().dword(), config.maxApiVersion().dword(), out, out + 4);
            if (r != 0) {
                throw new TapiException(r, "lineNegotiateAPIVersion");
            }
            v = TapiVersion.fromDword(backend.getInt(out));
        } finally {
            backend.free(out);
        }
        TapiVersion previous = negotiated.putIfAbsent(deviceId, v);
        return previous != null ? previous : v;
    }

    LineDevice device(int deviceId) {
        Guard.enterAll(guard);
        try {
            TapiVersion version = negotiate(deviceId);
            StructBuffer s = Structs.fetch(backend, "lineGetDevCapsW",
                    Layout.LINEDEVCAPS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetDevCapsW(hLineApp, deviceId, version.dword(), 0, buf));
            return Decode.lineDevice(deviceId, version, s);
        } finally {
            Guard.exitAll(guard);
        }
    }

    AddressCaps addressCaps(Line line, int addressId) {
        Guard.enterAll(line.guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetAddressCapsW",
                    Layout.LINEADDRESSCAPS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetAddressCapsW(hLineApp, line.deviceId(), addressId,
                            line.apiVersion().dword(), 0, buf));
            return Decode.addressCaps(line.deviceId(), addressId, line.apiVersion(), s);
        } finally {
            Guard.exitAll(line.guard, guard);
        }
    }

    LineStatus lineStatus(Line line) {
        Guard.enterAll(line.guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetLineDevStatusW",
                    Layout.LINEDEVSTATUS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetLineDevStatusW(line.handle(), buf));
            return Decode.lineStatus(line.apiVersion(), s);
        } finally {
            Guard.exitAll(line.guard, guard);
        }
    }

    /** lineGetAddressStatusW; UnsupportedOperationException if the provider lacks it. */
    AddressStatus addressStatus(Line line, int addressId) {
        Guard.enterAll(line.guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetAddressStatusW",
                    Layout.LINEADDRESSSTATUS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetAddressStatusW(line.handle(), addressId, buf));
            return Decode.addressStatus(addressId, s);
        } finally {
            Guard.exitAll(line.guard, guard);
        }
    }

    CallStatus callStatus(Call call) {
        Guard.enterAll(call.guard, call.line().guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetCallStatus",
                    Layout.LINECALLSTATUS_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetCallStatus(call.handle(), buf));
            return Decode.callStatus(call.line().apiVersion(), s);
        } finally {
            Guard.exitAll(call.guard, call.line().guard, guard);
        }
    }

    CallInfo callInfo(Call call) {
        Guard.enterAll(call.guard, call.line().guard, guard);
        try {
            StructBuffer s = Structs.fetch(backend, "lineGetCallInfoW",
                    Layout.LINECALLINFO_SIZE + VARIABLE_ROOM,
                    buf -> backend.lineGetCallInfoW(call.handle(), buf));
            return Decode.callInfo(s);
        } finally {
            Guard.exitAll(call.guard, call.line().guard, guard);
        }
    }
}
