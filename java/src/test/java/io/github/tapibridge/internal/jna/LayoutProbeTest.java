package io.github.tapibridge.internal.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.TapiHeader;
import io.github.tapibridge.internal.Layout;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every offset and size of {@link Layout} equals what the C compiler gives the field it names
 * in C, taken from the simulator's layout probe ({@code tapisim_layout}), never recomputed in
 * Java. The map from Java constant to C field is written out below; a {@code Layout} constant
 * missing from it fails the test, so a new constant cannot escape the check. The fixed sizes of
 * older TAPI versions are not in the probe; {@code DriftTest} keeps those.
 */
class LayoutProbeTest {

    /** The structures with the {@code dwTotalSize}/{@code dwNeededSize}/{@code dwUsedSize} header. */
    static final List<String> SIZED = List.of("LINEINITIALIZEEXPARAMS", "LINEDEVCAPS", "LINEADDRESSCAPS",
            "LINECALLINFO", "LINECALLSTATUS", "LINEDEVSTATUS", "LINEADDRESSSTATUS");

    /** What a {@link Layout} constant stands for in C. */
    enum Kind {
        /** {@code sizeof(struct)}. */
        SIZEOF,
        /** {@code offsetof(struct, field)}; the field is {@code width} bytes wide as Java reads it. */
        OFFSET,
        /** {@code offsetof(s, field)} in every structure of {@link #SIZED}. */
        HEADER_OFFSET,
        /** {@code sizeof} of the field: the width of a {@code DWORD_PTR}. */
        FIELD_SIZE
    }

    /**
     * One {@link Layout} constant: the C structure and field, the width Java reads there, and the
     * fields Java reads at fixed distances after it (4, 8, ... bytes on).
     */
    record Slot(Kind kind, String struct, String field, int width, List<String> following) {
    }

    static final int DWORD = 4;

    static final Map<String, Slot> TABLE = new LinkedHashMap<>();

    static void sizeOf(String constant, String struct) {
        put(constant, new Slot(Kind.SIZEOF, struct, null, 0, List.of()));
    }

    static void dword(String constant, String struct, String field, String... following) {
        put(constant, new Slot(Kind.OFFSET, struct, field, DWORD, List.of(following)));
    }

    static void pointer(String constant, String struct, String field) {
        put(constant, new Slot(Kind.OFFSET, struct, field, Layout.POINTER_SIZE, List.of()));
    }

    static void put(String constant, Slot slot) {
        if (TABLE.put(constant, slot) != null) {
            throw new AssertionError(constant + " mapped twice");
        }
    }

    static {
        put("POINTER_SIZE", new Slot(Kind.FIELD_SIZE, "LINEMESSAGE", "dwParam1", 0, List.of()));

        sizeOf("LINEMESSAGE_SIZE", "LINEMESSAGE");
        dword("LINEMESSAGE_HDEVICE", "LINEMESSAGE", "hDevice");
        dword("LINEMESSAGE_MESSAGEID", "LINEMESSAGE", "dwMessageID");
        pointer("LINEMESSAGE_INSTANCE", "LINEMESSAGE", "dwCallbackInstance");
        pointer("LINEMESSAGE_PARAM1", "LINEMESSAGE", "dwParam1");
        pointer("LINEMESSAGE_PARAM2", "LINEMESSAGE", "dwParam2");
        pointer("LINEMESSAGE_PARAM3", "LINEMESSAGE", "dwParam3");

        sizeOf("LINEINITIALIZEEXPARAMS_SIZE", "LINEINITIALIZEEXPARAMS");
        dword("LINEINITIALIZEEXPARAMS_OPTIONS", "LINEINITIALIZEEXPARAMS", "dwOptions");
        pointer("LINEINITIALIZEEXPARAMS_HANDLES", "LINEINITIALIZEEXPARAMS", "Handles");

        put("TOTAL_SIZE", new Slot(Kind.HEADER_OFFSET, null, "dwTotalSize", DWORD, List.of()));
        put("NEEDED_SIZE", new Slot(Kind.HEADER_OFFSET, null, "dwNeededSize", DWORD, List.of()));
        put("USED_SIZE", new Slot(Kind.HEADER_OFFSET, null, "dwUsedSize", DWORD, List.of()));

        sizeOf("LINEDEVCAPS_SIZE", "LINEDEVCAPS");
        dword("LINEDEVCAPS_PROVIDERINFO_SIZE", "LINEDEVCAPS", "dwProviderInfoSize");
        dword("LINEDEVCAPS_PROVIDERINFO_OFFSET", "LINEDEVCAPS", "dwProviderInfoOffset");
        dword("LINEDEVCAPS_SWITCHINFO_SIZE", "LINEDEVCAPS", "dwSwitchInfoSize");
        dword("LINEDEVCAPS_SWITCHINFO_OFFSET", "LINEDEVCAPS", "dwSwitchInfoOffset");
        dword("LINEDEVCAPS_PERMANENTLINEID", "LINEDEVCAPS", "dwPermanentLineID");
        dword("LINEDEVCAPS_LINENAME_SIZE", "LINEDEVCAPS", "dwLineNameSize");
        dword("LINEDEVCAPS_LINENAME_OFFSET", "LINEDEVCAPS", "dwLineNameOffset");
        dword("LINEDEVCAPS_STRINGFORMAT", "LINEDEVCAPS", "dwStringFormat");
        dword("LINEDEVCAPS_NUMADDRESSES", "LINEDEVCAPS", "dwNumAddresses");
        dword("LINEDEVCAPS_MEDIAMODES", "LINEDEVCAPS", "dwMediaModes");
        dword("LINEDEVCAPS_DEVCAPFLAGS", "LINEDEVCAPS", "dwDevCapFlags");
        dword("LINEDEVCAPS_MAXNUMACTIVECALLS", "LINEDEVCAPS", "dwMaxNumActiveCalls");
        dword("LINEDEVCAPS_LINESTATES", "LINEDEVCAPS", "dwLineStates");
        dword("LINEDEVCAPS_LINEFEATURES", "LINEDEVCAPS", "dwLineFeatures");

        sizeOf("LINEADDRESSCAPS_SIZE", "LINEADDRESSCAPS");
        dword("LINEADDRESSCAPS_LINEDEVICEID", "LINEADDRESSCAPS", "dwLineDeviceID");
        dword("LINEADDRESSCAPS_ADDRESS_SIZE", "LINEADDRESSCAPS", "dwAddressSize");
        dword("LINEADDRESSCAPS_ADDRESS_OFFSET", "LINEADDRESSCAPS", "dwAddressOffset");
        dword("LINEADDRESSCAPS_CALLSTATES", "LINEADDRESSCAPS", "dwCallStates");
        dword("LINEADDRESSCAPS_MAXNUMACTIVECALLS", "LINEADDRESSCAPS", "dwMaxNumActiveCalls");
        dword("LINEADDRESSCAPS_ADDRCAPFLAGS", "LINEADDRESSCAPS", "dwAddrCapFlags");
        dword("LINEADDRESSCAPS_CALLFEATURES", "LINEADDRESSCAPS", "dwCallFeatures");
        dword("LINEADDRESSCAPS_MAXCALLCOMPLETIONS", "LINEADDRESSCAPS", "dwMaxCallCompletions");
        dword("LINEADDRESSCAPS_CALLCOMPLETIONCONDS", "LINEADDRESSCAPS", "dwCallCompletionConds");
        dword("LINEADDRESSCAPS_CALLCOMPLETIONMODES", "LINEADDRESSCAPS", "dwCallCompletionModes");
        dword("LINEADDRESSCAPS_NUMCOMPLETIONMESSAGES", "LINEADDRESSCAPS", "dwNumCompletionMessages");
        dword("LINEADDRESSCAPS_COMPLETIONMSGTEXTENTRYSIZE", "LINEADDRESSCAPS", "dwCompletionMsgTextEntrySize");
        dword("LINEADDRESSCAPS_COMPLETIONMSGTEXT_SIZE", "LINEADDRESSCAPS", "dwCompletionMsgTextSize");
        dword("LINEADDRESSCAPS_COMPLETIONMSGTEXT_OFFSET", "LINEADDRESSCAPS", "dwCompletionMsgTextOffset");
        dword("LINEADDRESSCAPS_ADDRESSFEATURES", "LINEADDRESSCAPS", "dwAddressFeatures");
        dword("LINEADDRESSCAPS_CALLFEATURES2", "LINEADDRESSCAPS", "dwCallFeatures2");

        sizeOf("LINECALLINFO_SIZE", "LINECALLINFO");
        dword("LINECALLINFO_HLINE", "LINECALLINFO", "hLine");
        dword("LINECALLINFO_LINEDEVICEID", "LINECALLINFO", "dwLineDeviceID");
        dword("LINECALLINFO_ADDRESSID", "LINECALLINFO", "dwAddressID");
        dword("LINECALLINFO_BEARERMODE", "LINECALLINFO", "dwBearerMode");
        dword("LINECALLINFO_MEDIAMODE", "LINECALLINFO", "dwMediaMode");
        dword("LINECALLINFO_CALLID", "LINECALLINFO", "dwCallID");
        dword("LINECALLINFO_RELATEDCALLID", "LINECALLINFO", "dwRelatedCallID");
        dword("LINECALLINFO_CALLSTATES", "LINECALLINFO", "dwCallStates");
        dword("LINECALLINFO_ORIGIN", "LINECALLINFO", "dwOrigin");
        dword("LINECALLINFO_REASON", "LINECALLINFO", "dwReason");
        dword("LINECALLINFO_COMPLETIONID", "LINECALLINFO", "dwCompletionID");
        dword("LINECALLINFO_NUMOWNERS", "LINECALLINFO", "dwNumOwners");
        dword("LINECALLINFO_NUMMONITORS", "LINECALLINFO", "dwNumMonitors");
        // Decode.callInfo reads each party's Size, Offset, NameSize, NameOffset at +4 .. +16.
        dword("LINECALLINFO_CALLERIDFLAGS", "LINECALLINFO", "dwCallerIDFlags",
                "dwCallerIDSize", "dwCallerIDOffset", "dwCallerIDNameSize", "dwCallerIDNameOffset");
        dword("LINECALLINFO_CALLEDIDFLAGS", "LINECALLINFO", "dwCalledIDFlags",
                "dwCalledIDSize", "dwCalledIDOffset", "dwCalledIDNameSize", "dwCalledIDNameOffset");
        dword("LINECALLINFO_CONNECTEDIDFLAGS", "LINECALLINFO", "dwConnectedIDFlags",
                "dwConnectedIDSize", "dwConnectedIDOffset", "dwConnectedIDNameSize", "dwConnectedIDNameOffset");
        dword("LINECALLINFO_REDIRECTIONIDFLAGS", "LINECALLINFO", "dwRedirectionIDFlags",
                "dwRedirectionIDSize", "dwRedirectionIDOffset", "dwRedirectionIDNameSize",
                "dwRedirectionIDNameOffset");
        dword("LINECALLINFO_REDIRECTINGIDFLAGS", "LINECALLINFO", "dwRedirectingIDFlags",
                "dwRedirectingIDSize", "dwRedirectingIDOffset", "dwRedirectingIDNameSize",
                "dwRedirectingIDNameOffset");
        dword("LINECALLINFO_APPNAME_SIZE", "LINECALLINFO", "dwAppNameSize");
        dword("LINECALLINFO_APPNAME_OFFSET", "LINECALLINFO", "dwAppNameOffset");

        sizeOf("LINECALLSTATUS_SIZE", "LINECALLSTATUS");
        dword("LINECALLSTATUS_CALLSTATE", "LINECALLSTATUS", "dwCallState");
        dword("LINECALLSTATUS_CALLSTATEMODE", "LINECALLSTATUS", "dwCallStateMode");
        dword("LINECALLSTATUS_CALLPRIVILEGE", "LINECALLSTATUS", "dwCallPrivilege");
        dword("LINECALLSTATUS_CALLFEATURES", "LINECALLSTATUS", "dwCallFeatures");
        dword("LINECALLSTATUS_CALLFEATURES2", "LINECALLSTATUS", "dwCallFeatures2");

        sizeOf("LINEDEVSTATUS_SIZE", "LINEDEVSTATUS");
        dword("LINEDEVSTATUS_NUMOPENS", "LINEDEVSTATUS", "dwNumOpens");
        dword("LINEDEVSTATUS_OPENMEDIAMODES", "LINEDEVSTATUS", "dwOpenMediaModes");
        dword("LINEDEVSTATUS_NUMACTIVECALLS", "LINEDEVSTATUS", "dwNumActiveCalls");
        dword("LINEDEVSTATUS_NUMONHOLDCALLS", "LINEDEVSTATUS", "dwNumOnHoldCalls");
        dword("LINEDEVSTATUS_NUMONHOLDPENDCALLS", "LINEDEVSTATUS", "dwNumOnHoldPendCalls");
        dword("LINEDEVSTATUS_LINEFEATURES", "LINEDEVSTATUS", "dwLineFeatures");
        dword("LINEDEVSTATUS_NUMCALLCOMPLETIONS", "LINEDEVSTATUS", "dwNumCallCompletions");
        dword("LINEDEVSTATUS_RINGMODE", "LINEDEVSTATUS", "dwRingMode");
        dword("LINEDEVSTATUS_SIGNALLEVEL", "LINEDEVSTATUS", "dwSignalLevel");
        dword("LINEDEVSTATUS_BATTERYLEVEL", "LINEDEVSTATUS", "dwBatteryLevel");
        dword("LINEDEVSTATUS_ROAMMODE", "LINEDEVSTATUS", "dwRoamMode");
        dword("LINEDEVSTATUS_DEVSTATUSFLAGS", "LINEDEVSTATUS", "dwDevStatusFlags");
        dword("LINEDEVSTATUS_AVAILABLEMEDIAMODES", "LINEDEVSTATUS", "dwAvailableMediaModes");

        sizeOf("LINEADDRESSSTATUS_SIZE", "LINEADDRESSSTATUS");
        dword("LINEADDRESSSTATUS_NUMINUSE", "LINEADDRESSSTATUS", "dwNumInUse");
        dword("LINEADDRESSSTATUS_NUMACTIVECALLS", "LINEADDRESSSTATUS", "dwNumActiveCalls");
        dword("LINEADDRESSSTATUS_NUMONHOLDCALLS", "LINEADDRESSSTATUS", "dwNumOnHoldCalls");
        dword("LINEADDRESSSTATUS_NUMONHOLDPENDCALLS", "LINEADDRESSSTATUS", "dwNumOnHoldPendCalls");
        dword("LINEADDRESSSTATUS_ADDRESSFEATURES", "LINEADDRESSSTATUS", "dwAddressFeatures");
        dword("LINEADDRESSSTATUS_NUMRINGSNOANSWER", "LINEADDRESSSTATUS", "dwNumRingsNoAnswer");
    }

    /**
     * Structures Java declares field for field: the number of fields the probe knows must equal
     * the number of {@link Layout} offsets. The others Java reads in part (the public records
     * expose a subset), so for them only completeness of the probe itself is checked.
     */
    static final Set<String> DECLARED_IN_FULL = Set.of("LINEMESSAGE");

    private static JnaBackend backend;

    @BeforeAll
    static void open() {
        backend = JnaBackend.openSimulator();
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    /** The {@code static final int} fields of {@link Layout}, by name. */
    static Map<String, Integer> layoutConstants() throws IllegalAccessException {
        Map<String, Integer> constants = new LinkedHashMap<>();
        for (Field f : Layout.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class) {
                f.setAccessible(true);
                constants.put(f.getName(), f.getInt(null));
            }
        }
        return constants;
    }

    /** {@code {offset, size}} of a field (or {@code {0, sizeof}} for a null field), from C. */
    static int[] probe(String struct, String field) {
        int[] p = backend.probeLayout(struct, field);
        assertNotNull(p, () -> "the layout probe does not know " + struct + (field == null ? "" : "." + field));
        return p;
    }

    static Set<String> structsJavaReads() {
        Set<String> structs = new LinkedHashSet<>(SIZED);
        for (Slot s : TABLE.values()) {
            if (s.struct() != null) {
                structs.add(s.struct());
            }
        }
        return structs;
    }

    @Test
    void everyLayoutConstantIsMapped() throws Exception {
        Map<String, Integer> constants = layoutConstants();
        TreeSet<String> unmapped = new TreeSet<>(constants.keySet());
        unmapped.removeAll(TABLE.keySet());
        assertEquals(Set.of(), unmapped, "Layout constants with no C field in LayoutProbeTest.TABLE");
        TreeSet<String> stale = new TreeSet<>(TABLE.keySet());
        stale.removeAll(constants.keySet());
        assertEquals(Set.of(), stale, "TABLE entries for constants Layout no longer has");
    }

    @Test
    void everyLayoutConstantEqualsTheProbe() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Integer> c : layoutConstants().entrySet()) {
            Slot s = TABLE.get(c.getKey());
            if (s == null) {
                continue; // everyLayoutConstantIsMapped reports it
            }
            int java = c.getValue();
            switch (s.kind()) {
                case SIZEOF -> {
                    int size = probe(s.struct(), null)[1];
                    if (size != java) {
                        wrong.add(String.format("%s: Java %d, C sizeof(%s) %d", c.getKey(), java, s.struct(), size));
                    }
                    checked++;
                }
                case FIELD_SIZE -> {
                    int size = probe(s.struct(), s.field())[1];
                    if (size != java) {
                        wrong.add(String.format("%s: Java %d, C sizeof(%s.%s) %d",
                                c.getKey(), java, s.struct(), s.field(), size));
                    }
                    checked++;
                }
                case HEADER_OFFSET -> {
                    for (String struct : SIZED) {
                        checkField(wrong, c.getKey(), java, struct, s.field(), s.width());
                        checked++;
                    }
                }
                case OFFSET -> {
                    checkField(wrong, c.getKey(), java, s.struct(), s.field(), s.width());
                    checked++;
                    int at = java;
                    for (String next : s.following()) {
                        at += s.width();
                        checkField(wrong, c.getKey() + " + " + (at - java), at, s.struct(), next, s.width());
                        checked++;
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked >= TABLE.size(), "checked " + checked);
    }

    private static void checkField(List<String> wrong, String name, int offset, String struct, String field,
                                  int width) {
        int[] p = probe(struct, field);
        if (p[0] != offset || p[1] != width) {
            wrong.add(String.format("%s: Java offset %d width %d, C %s.%s offset %d size %d",
                    name, offset, width, struct, field, p[0], p[1]));
        }
        int size = probe(struct, null)[1];
        if (p[0] + p[1] > size) {
            wrong.add(String.format("%s: %s.%s ends after sizeof(%s) %d", name, struct, field, struct, size));
        }
    }

    /**
     * For each structure Java reads or writes, the probe knows every field {@code tapi_abi.h}
     * declares, at the offset the header's declaration gives, and the fields tile the structure
     * with no gap (packed) up to its {@code sizeof}: so the probe's table is complete and the
     * header parser of {@code DriftTest} agrees with the compiler.
     */
    @Test
    void theProbeKnowsEveryFieldOfTheStructuresJavaReads() throws Exception {
        TapiHeader header = TapiHeader.load();
        List<String> wrong = new ArrayList<>();
        for (String struct : structsJavaReads()) {
            Map<String, int[]> declared = header.structs.get(struct);
            assertNotNull(declared, struct + " not in tapi_abi.h");
            int known = 0;
            int end = 0;
            for (Map.Entry<String, int[]> f : declared.entrySet()) {
                if (f.getKey().isEmpty()) {
                    continue;
                }
                int[] p = backend.probeLayout(struct, f.getKey());
                if (p == null) {
                    wrong.add(struct + "." + f.getKey() + " unknown to the probe");
                    continue;
                }
                known++;
                if (p[0] != f.getValue()[0] || p[1] != f.getValue()[1]) {
                    wrong.add(String.format("%s.%s: header %d+%d, C %d+%d", struct, f.getKey(),
                            f.getValue()[0], f.getValue()[1], p[0], p[1]));
                }
                if (p[0] != end) {
                    wrong.add(String.format("%s.%s at %d, previous field ends at %d", struct, f.getKey(), p[0], end));
                }
                end = p[0] + p[1];
            }
            assertEquals(declared.size() - 1, known, struct + ": fields known to the probe");
            int size = probe(struct, null)[1];
            if (end != size || header.sizeof(struct) != size) {
                wrong.add(String.format("%s: fields end at %d, header sizeof %d, C sizeof %d",
                        struct, end, header.sizeof(struct), size));
            }
            if (DECLARED_IN_FULL.contains(struct)) {
                long javaFields = TABLE.values().stream()
                        .filter(s -> s.kind() == Kind.OFFSET && struct.equals(s.struct())).count();
                assertEquals(known, javaFields, struct + ": Layout declares every field the probe knows");
            }
        }
        assertEquals(List.of(), wrong);
    }
}
