package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Enums, exceptions, configuration and records: everything that needs no provider. */
class ValueTypesTest {

    // ---- CallCompletionMode -------------------------------------------------------------

    @Test
    void completionModesHaveTheirTapiValues() {
        assertEquals(1, CallCompletionMode.CAMPON.bits());
        assertEquals(2, CallCompletionMode.CALLBACK.bits());
        assertEquals(4, CallCompletionMode.INTRUDE.bits());
        assertEquals(8, CallCompletionMode.MESSAGE.bits());
        for (CallCompletionMode m : CallCompletionMode.values()) {
            assertSame(m, CallCompletionMode.of(m.bits()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 5, 0x10, 0x0F, -1, 0x80000001})
    void completionModeOfRejectsAnythingButOneKnownBit(int bits) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CallCompletionMode.of(bits));
        assertTrue(e.getMessage().contains(String.format("0x%08X", bits)));
    }

    @Test
    void completionModeSetsAndMasks() {
        assertEquals(EnumSet.allOf(CallCompletionMode.class), CallCompletionMode.setOf(0xFFFFFFFF));
        assertEquals(Set.of(CallCompletionMode.CAMPON, CallCompletionMode.MESSAGE), CallCompletionMode.setOf(9));
        assertTrue(CallCompletionMode.setOf(0x30).isEmpty());
        assertThrows(UnsupportedOperationException.class,
                () -> CallCompletionMode.setOf(1).add(CallCompletionMode.CALLBACK));
        assertEquals(0xF, CallCompletionMode.maskOf(EnumSet.allOf(CallCompletionMode.class)));
        assertEquals(0, CallCompletionMode.maskOf(Set.of()));
        for (int mask = 0; mask < 16; mask++) {
            assertEquals(mask, CallCompletionMode.maskOf(CallCompletionMode.setOf(mask)));
        }
        assertThrows(NullPointerException.class, () -> CallCompletionMode.maskOf(null));
    }

    @Test
    void completionConditions() {
        assertEquals(CompletionCondition.BUSY, CompletionCondition.of(1));
        assertEquals(CompletionCondition.NOANSWER, CompletionCondition.of(2));
        assertThrows(IllegalArgumentException.class, () -> CompletionCondition.of(3));
        assertEquals(EnumSet.allOf(CompletionCondition.class), CompletionCondition.setOf(3));
        assertEquals(3, CompletionCondition.maskOf(CompletionCondition.setOf(7)));
    }

    // ---- the other TAPI enums -----------------------------------------------------------

    @Test
    void bitEnumsRoundTrip() {
        for (CallState s : CallState.values()) {
            assertSame(s, CallState.of(s.bits()));
            assertSame(s, CallState.decode(s.bits()));
        }
        assertThrows(IllegalArgumentException.class, () -> CallState.of(0x3));
        assertSame(CallState.UNKNOWN, CallState.decode(0x10000), "lenient for provider values");
        assertEquals(Set.of(CallState.IDLE, CallState.BUSY), CallState.setOf(0x41));
        assertEquals(0x41, CallState.maskOf(Set.of(CallState.IDLE, CallState.BUSY)));
        for (CallReason r : CallReason.values()) {
            assertSame(r, CallReason.of(r.bits()));
        }
        assertEquals(0x80, CallReason.CALLCOMPLETION.bits());
        assertSame(CallReason.UNKNOWN, CallReason.decode(0));
        assertEquals(1, CallReason.setOf(0x80).size());
        assertEquals(0x80, CallReason.maskOf(Set.of(CallReason.CALLCOMPLETION)));
        for (CallOrigin o : CallOrigin.values()) {
            assertSame(o, CallOrigin.of(o.bits()));
        }
        assertSame(CallOrigin.UNKNOWN, CallOrigin.decode(3));
        assertEquals(3, CallOrigin.maskOf(CallOrigin.setOf(3)));
        assertThrows(IllegalArgumentException.class, () -> CallOrigin.of(8));
        assertSame(CallPrivilege.OWNER, CallPrivilege.of(4));
        assertSame(CallPrivilege.NONE, CallPrivilege.decode(0));
        assertEquals(6, CallPrivilege.maskOf(CallPrivilege.setOf(6)));
        assertThrows(IllegalArgumentException.class, () -> CallPrivilege.of(8));
        assertSame(MediaMode.INTERACTIVEVOICE, MediaMode.of(4));
        assertSame(MediaMode.UNKNOWN, MediaMode.decode(1));
        assertThrows(IllegalArgumentException.class, () -> MediaMode.of(1));
        assertEquals(0xFFFE, MediaMode.maskOf(MediaMode.setOf(0xFFFFFFFF)));
        assertSame(LineDeviceState.COMPLCANCEL, LineDeviceState.of(0x00800000));
        assertNull(LineDeviceState.decode(0x02000000));
        assertThrows(IllegalArgumentException.class, () -> LineDeviceState.of(0x02000000));
        assertEquals(0x01FFFFFF, LineDeviceState.maskOf(LineDeviceState.setOf(-1)));
    }

    // ---- LineError and TapiException ----------------------------------------------------

    @Test
    void lineErrorsMapBothWays() {
        assertEquals(95, LineError.values().length - 1, "every LINEERR_ of tapi.h, plus UNKNOWN");
        for (LineError e : LineError.values()) {
            if (e != LineError.UNKNOWN) {
                assertSame(e, LineError.of(e.code()));
                assertTrue(e.code() < 0);
                assertFalse(e.description().isEmpty());
            }
        }
        assertEquals(0x8000001C, LineError.LINEERR_INVALCALLSTATE.code());
        assertEquals(-2147483620, LineError.LINEERR_INVALCALLSTATE.code());
        assertEquals(0x80000061, LineError.LINEERR_SERVICE_NOT_RUNNING.code());
        assertSame(LineError.UNKNOWN, LineError.of(0x80000004), "unassigned");
        assertSame(LineError.UNKNOWN, LineError.of(0x80000031), "unassigned");
        assertSame(LineError.UNKNOWN, LineError.of(0x80000062));
        assertSame(LineError.UNKNOWN, LineError.of(0x80001001));
        assertSame(LineError.UNKNOWN, LineError.of(0));
        assertSame(LineError.UNKNOWN, LineError.of(0x1001));
        assertSame(LineError.UNKNOWN, LineError.of(-1));
        assertEquals(0, LineError.UNKNOWN.code());
    }

    @Test
    void tapiExceptionCarriesErrorCodeAndFunction() {
        TapiException e = new TapiException(0x8000001C, "lineCompleteCall");
        assertSame(LineError.LINEERR_INVALCALLSTATE, e.error());
        assertEquals(0x8000001C, e.code());
        assertEquals("lineCompleteCall", e.function());
        assertEquals("[LINEERR_INVALCALLSTATE] lineCompleteCall: the operation is not allowed in the"
                + " current call state", e.getMessage());
        assertTrue(e.toString().contains("[LINEERR_INVALCALLSTATE] lineCompleteCall"));
        TapiException unknown = new TapiException(0x80001234, "lineDrop", "odd");
        assertSame(LineError.UNKNOWN, unknown.error());
        assertEquals(0x80001234, unknown.code());
        assertEquals("[UNKNOWN 0x80001234] lineDrop: odd", unknown.getMessage());
        assertThrows(NullPointerException.class, () -> new TapiException(0x80000001, null));
        assertTrue(RuntimeException.class.isAssignableFrom(TapiException.class));
        assertTrue(e.context().isEmpty());
    }

    @Test
    void tapiExceptionWithAContextNamesItBeforeTheFunction() {
        TapiException e = new TapiException(0x80000002, "lineNegotiateAPIVersion", null, "openLine(99)");
        assertSame(LineError.LINEERR_BADDEVICEID, e.error());
        assertEquals("lineNegotiateAPIVersion", e.function());
        assertEquals("openLine(99)", e.context().orElseThrow());
        assertEquals("[LINEERR_BADDEVICEID] openLine(99): lineNegotiateAPIVersion: the device ID is not a"
                + " valid line device", e.getMessage());
        TapiException inner = new TapiException(0x80000002, "lineNegotiateAPIVersion", "odd");
        inner.initCause(new IllegalStateException("cause"));
        TapiException outer = inner.withContext("device(7)");
        assertEquals("[LINEERR_BADDEVICEID] device(7): lineNegotiateAPIVersion: odd", outer.getMessage());
        assertEquals(inner.code(), outer.code());
        assertSame(inner.getCause(), outer.getCause());
        assertEquals(List.of(inner.getStackTrace()), List.of(outer.getStackTrace()));
        assertEquals("[LINEERR_BADDEVICEID] lineNegotiateAPIVersion: odd", inner.getMessage(),
                "the original is unchanged");
    }

    // ---- configuration ------------------------------------------------------------------

    @Test
    void configDefaultsAndBuilder() {
        TapiConfig d = TapiConfig.defaults();
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        assertEquals(windows ? Provider.system() : Provider.simulator(), d.provider());
        assertEquals(Backend.JNI, d.backend());
        assertEquals("tapibridge", d.appName());
        assertEquals(TapiVersion.V2_0, d.minApiVersion());
        assertEquals(TapiVersion.V3_1, d.maxApiVersion());
        assertTrue(d.listenerExecutor().isEmpty());
        Executor direct = Runnable::run;
        TapiConfig c = TapiConfig.builder().provider(Provider.library(Path.of("x.so")))
                .backend(Backend.JNA).appName("app").apiVersions(TapiVersion.V1_4, TapiVersion.V2_2)
                .listenerExecutor(direct).build();
        assertEquals(Provider.library(Path.of("x.so")), c.provider());
        assertEquals(Backend.JNA, c.backend());
        assertEquals("app", c.appName());
        assertEquals(TapiVersion.V1_4, c.minApiVersion());
        assertEquals(TapiVersion.V2_2, c.maxApiVersion());
        assertSame(direct, c.listenerExecutor().orElseThrow());
        TapiConfig copy = c.toBuilder().appName("other").build();
        assertEquals("other", copy.appName());
        assertEquals(c.provider(), copy.provider());
        assertTrue(c.toString().contains("app"));
        TapiConfig.Builder b = TapiConfig.builder();
        assertThrows(NullPointerException.class, () -> b.provider(null));
        assertThrows(NullPointerException.class, () -> b.backend(null));
        assertThrows(NullPointerException.class, () -> b.appName(null));
        assertThrows(NullPointerException.class, () -> b.apiVersions(null, TapiVersion.V2_0));
        assertThrows(IllegalArgumentException.class, () -> b.apiVersions(TapiVersion.V3_0, TapiVersion.V2_0));
        assertThrows(IllegalArgumentException.class, () -> b.apiVersions(TapiVersion.V1_4, TapiVersion.V1_4));
    }

    @Test
    void providers() {
        assertEquals(Provider.Kind.SIMULATOR, Provider.simulator().kind());
        assertEquals(Provider.Kind.SYSTEM, Provider.system().kind());
        assertTrue(Provider.simulator().path().isEmpty());
        Provider lib = Provider.library(Path.of("/opt/tsp/libtapi.so"));
        assertEquals(Provider.Kind.LIBRARY, lib.kind());
        assertEquals(Path.of("/opt/tsp/libtapi.so"), lib.path().orElseThrow());
        assertEquals(lib, Provider.library(Path.of("/opt/tsp/libtapi.so")));
        assertEquals(lib.hashCode(), Provider.library(Path.of("/opt/tsp/libtapi.so")).hashCode());
        assertFalse(lib.equals(Provider.simulator()));
        assertEquals("simulator", Provider.simulator().toString());
        assertEquals("system", Provider.system().toString());
        assertEquals("library(/opt/tsp/libtapi.so)", lib.toString());
        assertThrows(NullPointerException.class, () -> Provider.library(null));
        assertEquals(List.of(Backend.JNI, Backend.JNA, Backend.FFM), List.of(Backend.values()));
    }

    @Test
    void lineOptions() {
        LineOptions owner = LineOptions.owner();
        assertEquals(Set.of(CallPrivilege.OWNER), owner.privileges());
        assertEquals(Set.of(MediaMode.INTERACTIVEVOICE), owner.mediaModes());
        assertEquals(Set.of(LineDeviceState.NUMCOMPLETIONS, LineDeviceState.COMPLCANCEL), owner.statusMessages());
        assertTrue(owner.hasDefaultStatusMessages());
        assertEquals(Set.of(CallPrivilege.MONITOR), LineOptions.monitor().privileges());
        assertTrue(LineOptions.monitor().mediaModes().isEmpty());
        assertEquals(Set.of(CallPrivilege.NONE), LineOptions.none().privileges());
        LineOptions both = LineOptions.monitor().withOwnerAndMonitor();
        assertEquals(Set.of(CallPrivilege.OWNER, CallPrivilege.MONITOR), both.privileges());
        assertEquals(Set.of(MediaMode.INTERACTIVEVOICE), both.mediaModes());
        LineOptions data = owner.withMediaModes(MediaMode.DATAMODEM, MediaMode.G3FAX);
        assertEquals(Set.of(MediaMode.DATAMODEM, MediaMode.G3FAX), data.mediaModes());
        assertEquals(Set.of(MediaMode.INTERACTIVEVOICE), owner.mediaModes(), "immutable");
        assertEquals(data.mediaModes(), owner.withMediaModes(data.mediaModes()).mediaModes());
        LineOptions quiet = owner.withStatusMessages();
        assertTrue(quiet.statusMessages().isEmpty());
        assertFalse(quiet.hasDefaultStatusMessages());
        assertEquals(Set.of(LineDeviceState.RINGING),
                owner.withStatusMessages(Set.of(LineDeviceState.RINGING)).statusMessages());
        assertThrows(UnsupportedOperationException.class, () -> owner.privileges().clear());
        assertThrows(NullPointerException.class, () -> owner.withMediaModes((MediaMode) null));
        assertThrows(NullPointerException.class, () -> owner.withStatusMessages((Set<LineDeviceState>) null));
        assertTrue(owner.toString().contains("OWNER"));
    }

    // ---- records ------------------------------------------------------------------------

    @Test
    void rawMasksDecodeToTypedSets() {
        CallStatus busy = new CallStatus(CallState.BUSY, 0x1, CallPrivilege.OWNER, 0x10 | 0x80, 0x8);
        assertEquals(Set.of(BusyMode.STATION), busy.stateModeSet());
        assertEquals(Set.of(CallFeature.COMPLETECALL, CallFeature.DROP), busy.callFeatureSet());
        assertEquals(Set.of(CallFeature2.COMPLCALLBACK), busy.callFeature2Set());
        // The same bit means something else in another state.
        assertEquals(Set.of(DisconnectMode.NORMAL),
                new CallStatus(CallState.DISCONNECTED, 0x1, CallPrivilege.OWNER, 0, 0).stateModeSet());
        assertEquals(Set.of(DisconnectMode.BUSY, DisconnectMode.CANCELLED),
                CallStateMode.setOf(CallState.DISCONNECTED, 0x20 | 0x80000));
        assertEquals(Set.of(ConnectedMode.ACTIVE), CallStateMode.setOf(CallState.CONNECTED, 0x1));
        assertEquals(Set.of(DialToneMode.INTERNAL), CallStateMode.setOf(CallState.DIALTONE, 0x4));
        assertEquals(Set.of(OfferingMode.INACTIVE), CallStateMode.setOf(CallState.OFFERING, 0x2));
        assertEquals(Set.of(SpecialInfo.REORDER), CallStateMode.setOf(CallState.SPECIALINFO, 0x4));
        assertEquals(Set.of(), new CallStatus(CallState.IDLE, 0x1, CallPrivilege.OWNER, 0, 0).stateModeSet());
        assertEquals(Set.of(), CallStateMode.setOf(null, 0x1));
        assertEquals(Set.of(), CallStateMode.setOf(CallState.BUSY, 0x100), "unknown bits are ignored");
        assertEquals(Set.of(BusyMode.TRUNK),
                new LineEvent.CallStateChanged(null, null, CallState.BUSY, 0x2).stateModeSet());
        assertThrows(UnsupportedOperationException.class, () -> busy.stateModeSet().clear());

        assertEquals(Set.of(CallFeature.SETCALLDATA), CallFeature.setOf(0x80000000), "the sign bit");
        assertEquals(0xFFFFFFFF, CallFeature.maskOf(CallFeature.setOf(-1)));
        assertEquals(32, CallFeature.setOf(-1).size());
        assertEquals(Set.of(LineFeature.MAKECALL),
                new LineStatus(1, Set.of(), 0, 0, 0, 0x8, 0, 0, 0, 0, 0, 0, Set.of()).lineFeatureSet());
        AddressCaps caps = new AddressCaps(0, 0, "100", 4, Set.of(), Set.of(), List.of(), true, Set.of(), 8,
                0x800 | 0x20, 0x10, 0x4, 0x40 | 0x2);
        assertEquals(Set.of(AddressCapFlag.COMPLETIONID, AddressCapFlag.DIALED), caps.addressCapFlagSet());
        assertEquals(Set.of(CallFeature.COMPLETECALL), caps.callFeatureSet());
        assertEquals(Set.of(CallFeature2.COMPLCAMPON), caps.callFeature2Set());
        assertEquals(Set.of(AddressFeature.UNCOMPLETECALL, AddressFeature.MAKECALL), caps.addressFeatureSet());
        assertEquals(0x42, AddressFeature.maskOf(caps.addressFeatureSet()));
    }

    @Test
    void addressStatusDecodesItsFeatureMask() {
        AddressStatus s = new AddressStatus(2, 1, 3, 0, 1, 0x2 | 0x40 | 0x8000_0000, 0);
        assertEquals(java.util.EnumSet.of(AddressFeature.MAKECALL, AddressFeature.UNCOMPLETECALL),
                s.addressFeatureSet(), "bits without a constant are left out");
        assertTrue(s.can(AddressFeature.UNCOMPLETECALL));
        assertFalse(s.can(AddressFeature.PICKUP));
        assertEquals(Set.of(), new AddressStatus(0, 0, 0, 0, 0, 0, 0).addressFeatureSet());
    }

    @Test
    void recordConveniences() {
        AddressCaps caps = new AddressCaps(0, 0, "100", 4, CallCompletionMode.setOf(0xF),
                CompletionCondition.setOf(3), List.of("a"), true, CallState.setOf(0xFFFF), 8, 0x800, 0, 0, 0);
        assertTrue(caps.supportsCompletion());
        assertFalse(new AddressCaps(0, 0, "", 0, Set.of(), Set.of(), List.of(), false, Set.of(), 0, 0, 0, 0, 0)
                .supportsCompletion());
        assertTrue(new CallStatus(CallState.BUSY, 1, CallPrivilege.OWNER, 0x10, 0).canCompleteCall());
        assertFalse(new CallStatus(CallState.IDLE, 0, CallPrivilege.OWNER, 0x1, 0).canCompleteCall());
        CallInfo recall = new CallInfo(0, 0, 1, 0, 1, Set.of(MediaMode.INTERACTIVEVOICE), CallOrigin.INTERNAL,
                CallReason.CALLCOMPLETION, 3, 1, 0, "201", null, "100", null, null, null, null,
                Set.of(PartyIdFlag.ADDRESS), Set.of(PartyIdFlag.ADDRESS), Set.of(), null, null, Set.of(),
                null, null, Set.of(), Set.of(CallState.CONNECTED));
        assertTrue(recall.isCompletion());
        LineStatus st = new LineStatus(1, Set.of(), 0, 0, 0, 0, 2, 0, 0, 0, 0, 0x7, Set.of());
        assertTrue(st.messageWaiting());
        assertTrue(st.inService());
        assertTrue(st.connected());
        LineEvent.Reply ok = new LineEvent.Reply(null, 5, 0);
        assertTrue(ok.isSuccess());
        assertNull(ok.error());
        assertEquals(LineError.LINEERR_NOMEM, new LineEvent.Reply(null, 5, 0x80000044).error());
        LineEvent.CallInfoChanged info = new LineEvent.CallInfoChanged(null, null, 0x200);
        assertTrue(info.reasonChanged());
        assertFalse(info.completionIdChanged());
    }
}
