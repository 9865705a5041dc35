package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.internal.Layout;
import io.github.tapibridge.internal.TapiConstants;
import io.github.tapibridge.sim.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every TAPI number and struct offset the Java side types in, checked against the C header
 * {@code native/include/tapi_abi.h}: constant values, completeness of the enums,
 * and the byte offsets the decoders read.
 */
class DriftTest {

    static TapiHeader header;

    @BeforeAll
    static void load() throws Exception {
        header = TapiHeader.load();
        assertTrue(header.constants.size() > 300, "parsed " + header.constants.size() + " constants");
    }

    static <E extends Enum<E>> void checkEnum(Class<E> type, String prefix, ToIntFunction<E> value,
                                              boolean complete) {
        List<String> problems = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String cName = e.name().startsWith(prefix) ? e.name() : prefix + e.name();
            if (e.name().equals("UNKNOWN") && type == LineError.class) {
                continue;
            }
            Long v = header.constants.get(cName);
            if (v == null) {
                problems.add(cName + " missing in the header");
            } else if ((int) (long) v != value.applyAsInt(e)) {
                problems.add(String.format("%s: Java 0x%08X, C 0x%08X", cName, value.applyAsInt(e), v));
            }
        }
        if (complete) {
            TreeSet<String> javaNames = new TreeSet<>();
            for (E e : type.getEnumConstants()) {
                javaNames.add(e.name().startsWith(prefix) ? e.name() : prefix + e.name());
            }
            for (String c : header.constants.keySet()) {
                if (c.startsWith(prefix) && !javaNames.contains(c)) {
                    problems.add(c + " has no Java constant");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void enumsMatchTheHeader() {
        checkEnum(LineError.class, "LINEERR_", LineError::code, true);
        checkEnum(CallCompletionMode.class, "LINECALLCOMPLMODE_", CallCompletionMode::bits, true);
        checkEnum(CompletionCondition.class, "LINECALLCOMPLCOND_", CompletionCondition::bits, true);
        checkEnum(CallState.class, "LINECALLSTATE_", CallState::bits, true);
        checkEnum(CallReason.class, "LINECALLREASON_", CallReason::bits, true);
        checkEnum(CallOrigin.class, "LINECALLORIGIN_", CallOrigin::bits, true);
        checkEnum(CallPrivilege.class, "LINECALLPRIVILEGE_", CallPrivilege::bits, true);
        checkEnum(MediaMode.class, "LINEMEDIAMODE_", MediaMode::bits, true);
        checkEnum(LineDeviceState.class, "LINEDEVSTATE_", LineDeviceState::bits, true);
        checkEnum(CallFeature.class, "LINECALLFEATURE_", CallFeature::bits, true);
        checkEnum(CallFeature2.class, "LINECALLFEATURE2_", CallFeature2::bits, true);
        checkEnum(LineFeature.class, "LINEFEATURE_", LineFeature::bits, true);
        checkEnum(AddressFeature.class, "LINEADDRFEATURE_", AddressFeature::bits, true);
        checkEnum(AddressCapFlag.class, "LINEADDRCAPFLAGS_", AddressCapFlag::bits, true);
        checkEnum(BusyMode.class, "LINEBUSYMODE_", BusyMode::bits, true);
        checkEnum(DialToneMode.class, "LINEDIALTONEMODE_", DialToneMode::bits, true);
        checkEnum(DisconnectMode.class, "LINEDISCONNECTMODE_", DisconnectMode::bits, true);
        checkEnum(ConnectedMode.class, "LINECONNECTEDMODE_", ConnectedMode::bits, true);
        checkEnum(OfferingMode.class, "LINEOFFERINGMODE_", OfferingMode::bits, true);
        checkEnum(SpecialInfo.class, "LINESPECIALINFO_", SpecialInfo::bits, true);
    }

    /** Each mode type of {@link CallStateMode} is the one its state decodes to. */
    @Test
    void stateModesBelongToTheirStates() {
        int checked = 0;
        for (Class<?> type : CallStateMode.class.getPermittedSubclasses()) {
            for (Object o : type.getEnumConstants()) {
                CallStateMode m = (CallStateMode) o;
                assertEquals(Set.of(m), CallStateMode.setOf(m.state(), m.bits()), m.toString());
                checked++;
            }
        }
        assertEquals(42, checked);
    }

    /** The defaults that {@link SimulatorOptions} documents, against the switch's C code. */
    @Test
    void simulatorOptionDefaultsMatchTheSwitch() throws Exception {
        Path sim = TapiHeader.locate().getParent().resolve("../sim").normalize();
        Map<String, Long> set = new HashMap<>();
        Matcher m = Pattern.compile("g_sim\\.opt\\.(\\w+) = ([0-9u* ]+);")
                .matcher(Files.readString(sim.resolve("switch.c")));
        while (m.find()) {
            long v = 1;
            for (String factor : m.group(2).replace("u", "").split("\\*")) {
                v *= Long.parseLong(factor.trim());
            }
            set.put(m.group(1), v);
        }
        assertEquals(Map.of("guardMs", SimulatorOptions.DEFAULT_GUARD_TIME.toMillis(),
                "recallRingMs", SimulatorOptions.DEFAULT_RECALL_RING_TIME.toMillis(),
                "expiryBusyMs", SimulatorOptions.DEFAULT_EXPIRY_BUSY.toMillis(),
                "expiryNoAnswerMs", SimulatorOptions.DEFAULT_EXPIRY_NOANSWER.toMillis(),
                "trace", 1L), set, "every other option is 0 (false, ErrorDelivery.IN_REPLY) by the memset");
        assertTrue(Files.readString(sim.resolve("topology.c"))
                .contains("a->maxCompletions = " + SimulatorOptions.DEFAULT_MAX_CALL_COMPLETIONS + ";"));
        assertEquals(Duration.ofMillis(Integer.MAX_VALUE), SimulatorOptions.MAX_TIMER);
    }

    @Test
    void internalConstantsMatchTheHeader() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Field f : TapiConstants.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class || f.getName().equals("INFINITE")) {
                continue;
            }
            Long c = header.constants.get(f.getName());
            if (c == null) {
                problems.add(f.getName() + " missing in the header");
            } else if ((int) (long) c != f.getInt(null)) {
                problems.add(f.getName());
            }
        }
        assertEquals(List.of(), problems);
        assertEquals((int) header.constant("INFINITE"), TapiConstants.INFINITE);
        // Numbers typed into public records and events.
        assertEquals((int) header.constant("LINECALLFEATURE_COMPLETECALL"), 0x10);
        assertEquals((int) header.constant("LINECALLINFOSTATE_REASON"),
                new LineEvent.CallInfoChanged(null, null, 0x200).reasonChanged() ? 0x200 : -1);
        assertEquals((int) header.constant("LINECALLINFOSTATE_COMPLETIONID"),
                new LineEvent.CallInfoChanged(null, null, 0x400).completionIdChanged() ? 0x400 : -1);
    }

    /** Maps a {@link Layout} constant to its C field. */
    static String fieldOf(String struct, String suffix) {
        if (struct.equals("LINEMESSAGE") && suffix.equals("INSTANCE")) {
            return "dwCallbackInstance";
        }
        String want = suffix.replace("_", "").toLowerCase();
        for (String f : header.structs.get(struct).keySet()) {
            String k = f.toLowerCase();
            if (k.startsWith("dw")) {
                k = k.substring(2);
            }
            if (k.equals(want)) {
                return f;
            }
        }
        throw new AssertionError("no field of " + struct + " for " + suffix);
    }

    @Test
    void layoutOffsetsMatchTheHeader() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Field f : Layout.class.getFields()) {
            String name = f.getName();
            if (f.getType() != int.class || name.equals("POINTER_SIZE")) {
                continue;
            }
            int javaValue = f.getInt(null);
            if (name.equals("TOTAL_SIZE") || name.equals("NEEDED_SIZE") || name.equals("USED_SIZE")) {
                String field = "dw" + name.charAt(0) + name.substring(1, name.indexOf('_')).toLowerCase() + "Size";
                for (String s : List.of("LINEDEVCAPS", "LINEADDRESSCAPS", "LINECALLINFO", "LINECALLSTATUS",
                        "LINEDEVSTATUS", "LINEADDRESSSTATUS", "LINEINITIALIZEEXPARAMS")) {
                    if (header.offset(s, field) != javaValue) {
                        problems.add(name + " in " + s);
                    }
                    checked++;
                }
                continue;
            }
            String struct = null;
            for (String s : header.structs.keySet()) {
                if (name.startsWith(s + "_") && (struct == null || s.length() > struct.length())) {
                    struct = s;
                }
            }
            if (struct == null) {
                problems.add(name + ": no struct");
                continue;
            }
            String suffix = name.substring(struct.length() + 1);
            int cValue = suffix.equals("SIZE") ? header.sizeof(struct) : header.offset(struct, fieldOf(struct, suffix));
            if (cValue != javaValue) {
                problems.add(String.format("%s: Java %d, C %d", name, javaValue, cValue));
            }
            checked++;
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 60, "checked " + checked);
        // The decoders read the four DWORDs after each party's ...IDFlags.
        for (String party : List.of("Caller", "Called", "Connected")) {
            int flags = header.offset("LINECALLINFO", "dw" + party + "IDFlags");
            assertEquals(flags + 4, header.offset("LINECALLINFO", "dw" + party + "IDSize"));
            assertEquals(flags + 8, header.offset("LINECALLINFO", "dw" + party + "IDOffset"));
            assertEquals(flags + 12, header.offset("LINECALLINFO", "dw" + party + "IDNameSize"));
            assertEquals(flags + 16, header.offset("LINECALLINFO", "dw" + party + "IDNameOffset"));
        }
        // The fixed sizes by version, as tapisrv hard-codes them (docs/simulator.md, "Structures").
        assertEquals(344, header.sizeof("LINECALLINFO"));
        assertEquals(228, header.sizeof("LINEADDRESSCAPS"));
        assertEquals(84, header.offset("LINECALLINFO", "dwReason"));
        assertEquals(88, header.offset("LINECALLINFO", "dwCompletionID"));
        Map<String, int[]> msg = header.structs.get("LINEMESSAGE");
        assertEquals(Layout.LINEMESSAGE_SIZE, msg.get("")[1]);
    }
}
