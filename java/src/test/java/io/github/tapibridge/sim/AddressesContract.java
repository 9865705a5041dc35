package io.github.tapibridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tapibridge.AddressCaps;
import io.github.tapibridge.Backend;
import io.github.tapibridge.Call;
import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CallInfo;
import io.github.tapibridge.CallState;
import io.github.tapibridge.CompletionCondition;
import io.github.tapibridge.Line;
import io.github.tapibridge.LineError;
import io.github.tapibridge.Provider;
import io.github.tapibridge.Tapi;
import io.github.tapibridge.TapiConfig;
import io.github.tapibridge.TapiException;
import io.github.tapibridge.internal.Backends;
import io.github.tapibridge.spi.TapiBackend;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several addresses per line ({@link Topology.Builder#addresses(int, String...)} and the
 * per-address caps), seen by an application: the device and address caps, the address a call is
 * offered on, and the caps {@code completeCall} honours. Run through both backends by
 * {@code AddressesJniTest} and {@code AddressesJnaTest}.
 */
abstract class AddressesContract {

    Simulator sim;

    /** The backend of the application under test. */
    abstract Backend backend();

    @BeforeEach
    void reset() {
        sim = Simulator.get();
        sim.reset();
    }

    @AfterEach
    void restore() {
        sim.reset();
    }

    Tapi open() {
        return Tapi.open(TapiConfig.builder().provider(Provider.simulator()).backend(backend())
                .appName("addresses test").build());
    }

    @Test
    void applicationSeesTheAddressesAndTheirCaps() {
        sim.configure(Topology.builder()
                .lines(2)
                .addresses(0, "200", "201", "202")
                .completionCaps(0, 1, 2, EnumSet.of(CallCompletionMode.CALLBACK), EnumSet.of(CompletionCondition.BUSY))
                .completionMessages(0, 1, List.of("Back soon"))
                .build());
        try (Tapi tapi = open()) {
            assertEquals(3, tapi.device(0).numAddresses());
            assertEquals(1, tapi.device(1).numAddresses());
            try (Line line = tapi.openLine(0)) {
                assertEquals("200", line.addressCaps(0).address());
                AddressCaps one = line.addressCaps(1);
                assertEquals("201", one.address());
                assertEquals(2, one.maxCallCompletions());
                assertEquals(EnumSet.of(CallCompletionMode.CALLBACK), one.completionModes());
                assertEquals(EnumSet.of(CompletionCondition.BUSY), one.completionConditions());
                assertEquals(List.of("Back soon"), one.completionMessages());
                AddressCaps two = line.addressCaps(2);
                assertEquals("202", two.address());
                assertEquals(4, two.maxCallCompletions());
                assertEquals(3, two.completionMessages().size());
                TapiException e = assertThrows(TapiException.class, () -> line.addressCaps(3));
                assertEquals(LineError.LINEERR_INVALADDRESSID, e.error());
            }
        }
    }

    @Test
    void callToAnAddressNumberIsOfferedOnThatAddress() throws Exception {
        sim.configure(Topology.builder().addresses(1, "101", "151").build());
        try (Tapi tapi = open()) {
            Line callee = tapi.openLine(1);
            Line caller = tapi.openLine(0);
            CompletableFuture<Call> incoming = callee.whenNewCall();
            caller.makeCall("151").get(30, TimeUnit.SECONDS);
            Call in = incoming.get(30, TimeUnit.SECONDS);
            CallInfo info = in.info();
            assertEquals(1, info.addressId());
            assertEquals("151", info.calledId());
            assertEquals("100", info.callerId());

            CompletableFuture<Call> outside = callee.whenNewCall();
            sim.station("0301").call("101");
            assertEquals(0, outside.get(30, TimeUnit.SECONDS).info().addressId(),
                    "address 0 is free while address 1 has a call");
        }
    }

    @Test
    void anAddressIsAStationAndAddressZeroKeepsItsCaps() throws Exception {
        sim.configure(Topology.builder()
                .addresses(0, "100", "150")
                .completionCaps(0, 0, EnumSet.noneOf(CallCompletionMode.class), EnumSet.noneOf(CompletionCondition.class))
                .build());
        sim.station("0301").busy();
        sim.station("150").busy();
        try (Tapi tapi = open()) {
            Line line = tapi.openLine(0);
            Line other = tapi.openLine(1);
            Call toBusy = line.makeCall("0301").get(30, TimeUnit.SECONDS);
            toBusy.whenState(CallState.BUSY).get(30, TimeUnit.SECONDS);
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> toBusy.completeCall(CallCompletionMode.CALLBACK).get(30, TimeUnit.SECONDS));
            assertEquals(LineError.LINEERR_OPERATIONUNAVAIL, ((TapiException) refused.getCause()).error(),
                    "address 0 offers no completion");
            Call toAddress = other.makeCall("150").get(30, TimeUnit.SECONDS);
            toAddress.whenState(CallState.BUSY).get(30, TimeUnit.SECONDS);
            toAddress.completeCall(CallCompletionMode.CALLBACK).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void builderRejectsBadAddresses() {
        assertThrows(IllegalArgumentException.class, () -> Topology.builder().addresses(0));
        assertThrows(IllegalArgumentException.class,
                () -> Topology.builder().addresses(0, "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        assertThrows(IllegalArgumentException.class, () -> Topology.builder().addresses(0, "200", "2x"));
        assertThrows(IllegalArgumentException.class, () -> Topology.builder().addresses(0, "200", "200"));
        assertThrows(NullPointerException.class, () -> Topology.builder().addresses(0, "200", null));
        assertThrows(IllegalArgumentException.class, () -> Topology.builder().addresses(0, "200", "101").build());
        assertThrows(IllegalArgumentException.class,
                () -> Topology.builder().line(0, "300", null).addresses(0, "200", "201").build());
        assertThrows(IllegalArgumentException.class, () -> Topology.builder()
                .completionCaps(0, 1, 1, EnumSet.noneOf(CallCompletionMode.class),
                        EnumSet.noneOf(CompletionCondition.class)).build());
        assertThrows(IllegalArgumentException.class,
                () -> Topology.builder().addresses(0, "100", "150").completionMessages(0, 2, List.of()).build());
        assertThrows(IllegalArgumentException.class,
                () -> Topology.builder().completionMessages(0, Topology.MAX_ADDRESSES, List.of()));
        Topology.builder().line(0, "200", "Same").addresses(0, "200", "201").build();
    }

    /** The backend's own bindings of the setters, with the switch's error codes. */
    @Test
    void backendSettersReachTheSwitch() {
        try (TapiBackend b = Backends.open(backend(), Provider.simulator())) {
            assertEquals(LineError.LINEERR_INVALADDRESS.code(), b.tapisimSetAddresses(0, "100\n101"));
            assertEquals(LineError.LINEERR_INVALPARAM.code(), b.tapisimSetAddresses(0, ""));
            assertEquals(0, b.tapisimSetAddresses(0, "100\n150"));
            assertEquals(LineError.LINEERR_INVALADDRESSID.code(),
                    b.tapisimSetAddressCompletionCaps(0, 2, 1, 0x2, 0x1));
            assertEquals(0, b.tapisimSetAddressCompletionCaps(0, 1, 1, 0x2, 0x1));
            assertEquals(LineError.LINEERR_INVALADDRESSID.code(),
                    b.tapisimSetAddressCompletionMessages(1, 1, "One"));
            assertEquals(0, b.tapisimSetAddressCompletionMessages(0, 1, "One"));
        }
        try (Tapi tapi = open(); Line line = tapi.openLine(0)) {
            AddressCaps caps = line.addressCaps(1);
            assertEquals("150", caps.address());
            assertEquals(1, caps.maxCallCompletions());
            assertEquals(List.of("One"), caps.completionMessages());
        }
    }
}
