package io.github.tapibridge.internal.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.CallCompletionMode;
import io.github.tapibridge.CallOrigin;
import io.github.tapibridge.CallPrivilege;
import io.github.tapibridge.CallReason;
import io.github.tapibridge.CallState;
import io.github.tapibridge.CompletionCondition;
import io.github.tapibridge.DigitMode;
import io.github.tapibridge.PartyIdFlag;
import io.github.tapibridge.LineDeviceState;
import io.github.tapibridge.LineError;
import io.github.tapibridge.MediaMode;
import io.github.tapibridge.internal.TapiConstants;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every TAPI number of the public enums and of {@link TapiConstants} equals the value the C
 * compiler gives the constant of the same name: taken from the simulator's probe, never
 * retyped.
 */
class ConstantsDriftTest {

    private static JnaBackend backend;

    @BeforeAll
    static void open() {
        backend = JnaBackend.openSimulator();
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private static <E extends Enum<E>> void check(Class<E> type, String prefix, ToIntFunction<E> value,
                                                  String... notTapi) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (E e : type.getEnumConstants()) {
            if (List.of(notTapi).contains(e.name())) {
                continue;
            }
            String cName = e.name().startsWith(prefix) ? e.name() : prefix + e.name();
            OptionalInt c = backend.probeConstant(cName);
            if (c.isEmpty()) {
                wrong.add(cName + " unknown to C");
            } else if (c.getAsInt() != value.applyAsInt(e)) {
                wrong.add(String.format("%s: Java 0x%08X, C 0x%08X", cName, value.applyAsInt(e), c.getAsInt()));
            }
            checked++;
        }
        assertTrue(wrong.isEmpty(), type.getSimpleName() + ": " + wrong);
        assertTrue(checked > 0);
    }

    @Test
    void lineErrors() {
        check(LineError.class, "LINEERR_", LineError::code, "UNKNOWN");
        assertEquals(95, LineError.values().length - 1, "every LINEERR_ of the 3.1 header");
    }

    @Test
    void callStates() {
        check(CallState.class, "LINECALLSTATE_", CallState::bits);
    }

    @Test
    void callReasons() {
        check(CallReason.class, "LINECALLREASON_", CallReason::bits);
    }

    @Test
    void completionModes() {
        check(CallCompletionMode.class, "LINECALLCOMPLMODE_", CallCompletionMode::bits);
    }

    @Test
    void completionConditions() {
        check(CompletionCondition.class, "LINECALLCOMPLCOND_", CompletionCondition::bits);
    }

    @Test
    void lineDeviceStates() {
        check(LineDeviceState.class, "LINEDEVSTATE_", LineDeviceState::bits);
    }

    @Test
    void mediaModes() {
        check(MediaMode.class, "LINEMEDIAMODE_", MediaMode::bits);
    }

    @Test
    void digitModes() {
        check(DigitMode.class, "LINEDIGITMODE_", DigitMode::bits);
    }

    @Test
    void partyIdFlags() {
        check(PartyIdFlag.class, "LINECALLPARTYID_", PartyIdFlag::bits);
    }

    @Test
    void privileges() {
        check(CallPrivilege.class, "LINECALLPRIVILEGE_", CallPrivilege::bits);
    }

    @Test
    void origins() {
        check(CallOrigin.class, "LINECALLORIGIN_", CallOrigin::bits);
    }

    /**
     * {@link TapiConstants} fields whose C name differs from the Java name. Empty today: every
     * field is named as in {@code tapi.h}. A field the probe does not know by its Java name must
     * be mapped here or excused, with its reason, in {@link #NOT_IN_PROBE}.
     */
    static final Map<String, String> C_NAMES = Map.of();

    /** {@link TapiConstants} fields the probe has no entry for, with the reason and where they are checked. */
    static final Map<String, String> NOT_IN_PROBE = Map.of(
            "INFINITE", "winbase.h's, not tapi.h's; tapisim_constant lists tapi.h only."
                    + " DriftTest checks it against tapi_abi.h");

    /** Every {@code static final int} of {@link TapiConstants}: message IDs, options, flags, errors. */
    @Test
    void internalConstants() throws Exception {
        List<String> wrong = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        int checked = 0;
        int messages = 0;
        for (Field f : TapiConstants.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) || !Modifier.isFinal(m) || f.getType() != int.class) {
                continue;
            }
            seen.add(f.getName());
            if (NOT_IN_PROBE.containsKey(f.getName())) {
                continue;
            }
            f.setAccessible(true);
            int java = f.getInt(null);
            String cName = C_NAMES.getOrDefault(f.getName(), f.getName());
            OptionalInt c = backend.probeConstant(cName);
            if (c.isEmpty()) {
                wrong.add(cName + " unknown to C");
            } else if (c.getAsInt() != java) {
                wrong.add(String.format("%s: Java 0x%08X, C 0x%08X", cName, java, c.getAsInt()));
            }
            checked++;
            if (cName.startsWith("LINE_")) {
                // The message IDs: the name the pump logs is the C name of the ID.
                if (!cName.equals(TapiConstants.messageName(java))) {
                    wrong.add(cName + ": messageName says " + TapiConstants.messageName(java));
                }
                messages++;
            }
        }
        assertEquals(List.of(), wrong);
        TreeSet<String> stale = new TreeSet<>(C_NAMES.keySet());
        stale.addAll(NOT_IN_PROBE.keySet());
        stale.removeAll(seen);
        assertEquals(Set.of(), stale, "C_NAMES/NOT_IN_PROBE entries for fields TapiConstants no longer has");
        assertTrue(checked > 20, "checked " + checked);
        assertTrue(messages > 0, "message IDs of TapiConstants");
        int unknown = backend.probeConstant("LINE_GATHERDIGITS").getAsInt();
        assertEquals("MESSAGE_" + unknown, TapiConstants.messageName(unknown), "a message Java does not name");
    }
}
