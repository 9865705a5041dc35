package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TapiVersionTest {

    @ParameterizedTest
    @CsvSource({
        "0x00010003, 1, 3, 1.3",
        "0x00010004, 1, 4, 1.4",
        "0x00020000, 2, 0, 2.0",
        "0x00020001, 2, 1, 2.1",
        "0x00020002, 2, 2, 2.2",
        "0x00030000, 3, 0, 3.0",
        "0x00030001, 3, 1, 3.1",
        "0x00000000, 0, 0, 0.0",
        "0xFFFFFFFF, 65535, 65535, 65535.65535",
        "0x8000FFFF, 32768, 65535, 32768.65535",
    })
    void decodesAndEncodesDwords(String hex, int major, int minor, String text) {
        int dword = Integer.parseUnsignedInt(hex.substring(2), 16);

        TapiVersion version = TapiVersion.fromDword(dword);

        assertEquals(major, version.major());
        assertEquals(minor, version.minor());
        assertEquals(dword, version.dword());
        assertEquals(text, version.toString());
        assertEquals(version, TapiVersion.of(major, minor));
        assertEquals(version, TapiVersion.parse(text));
    }

    @Test
    void constantsHaveTheTapiHeaderValues() {
        assertEquals(0x00010003, TapiVersion.V1_3.dword());
        assertEquals(0x00010004, TapiVersion.V1_4.dword());
        assertEquals(0x00020000, TapiVersion.V2_0.dword());
        assertEquals(0x00020001, TapiVersion.V2_1.dword());
        assertEquals(0x00020002, TapiVersion.V2_2.dword());
        assertEquals(0x00030000, TapiVersion.V3_0.dword());
        assertEquals(0x00030001, TapiVersion.V3_1.dword());
    }

    @Test
    void toStringAndParseRoundTrip() {
        assertEquals("2.2", TapiVersion.V2_2.toString());
        assertEquals(TapiVersion.V3_1, TapiVersion.parse("3.1"));
        assertEquals(TapiVersion.V1_4, TapiVersion.parse(TapiVersion.V1_4.toString()));
        assertEquals(TapiVersion.of(2, 1), TapiVersion.parse("02.01"));
        assertEquals(TapiVersion.of(65535, 0), TapiVersion.parse("0000065535.0"));
    }

    @Test
    void equalsAndHashCodeFollowTheValue() {
        TapiVersion a = TapiVersion.of(2, 2);
        TapiVersion b = TapiVersion.fromDword(0x00020002);

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(TapiVersion.V2_2, a);
        assertNotEquals(TapiVersion.V2_1, a);
        assertNotEquals(a, null);
        assertNotEquals(a, "2.2");
        assertNotEquals(a, Integer.valueOf(0x00020002));
    }

    @Test
    void ordersByNumericValue() {
        List<TapiVersion> versions = new ArrayList<>(List.of(
                TapiVersion.V3_1, TapiVersion.fromDword(0xFFFF0000), TapiVersion.V1_4,
                TapiVersion.V2_2, TapiVersion.V3_0, TapiVersion.V2_0, TapiVersion.V1_3,
                TapiVersion.V2_1));
        Collections.sort(versions);

        assertEquals(List.of(TapiVersion.V1_3, TapiVersion.V1_4, TapiVersion.V2_0, TapiVersion.V2_1,
                TapiVersion.V2_2, TapiVersion.V3_0, TapiVersion.V3_1, TapiVersion.fromDword(0xFFFF0000)),
                versions);
        assertEquals(0, TapiVersion.V2_2.compareTo(TapiVersion.of(2, 2)));
        assertTrue(TapiVersion.of(1, 10).compareTo(TapiVersion.of(2, 0)) < 0);
        assertTrue(TapiVersion.of(2, 10).compareTo(TapiVersion.of(2, 9)) > 0);
    }

    @Test
    void isAtLeastComparesVersions() {
        assertTrue(TapiVersion.V3_1.isAtLeast(TapiVersion.V2_0));
        assertTrue(TapiVersion.V2_0.isAtLeast(TapiVersion.V2_0));
        assertFalse(TapiVersion.V1_4.isAtLeast(TapiVersion.V2_0));
        assertThrows(NullPointerException.class, () -> TapiVersion.V1_4.isAtLeast(null));
    }

    @ParameterizedTest
    @CsvSource({"-1, 0, major", "0, -1, minor", "65536, 0, major", "0, 65536, minor",
        "-2147483648, 0, major", "0, 2147483647, minor"})
    void ofRejectsPartsOutOfRange(int major, int minor, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TapiVersion.of(major, minor));

        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().contains("0..65535"), e.getMessage());
    }

    @Test
    void ofAcceptsTheLimits() {
        assertEquals(0xFFFFFFFF, TapiVersion.of(65535, 65535).dword());
        assertEquals(0, TapiVersion.of(0, 0).dword());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "2", "2.", ".2", "2..2", "2.2.0", "v2.2", "2.2a", " 2.2",
        "2.2 ", "+2.2", "-2.2", "2.-1", "2,2", "0x2.2", "٢.٢", "2.2\n"})
    void parseRejectsMalformedText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TapiVersion.parse(text));

        assertTrue(e.getMessage().startsWith("Not a TAPI version"), e.getMessage());
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"65536.0, major", "0.65536, minor", "99999999999999999999.1, major",
        "1.99999999999999999999, minor"})
    void parseRejectsPartsOutOfRange(String text, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TapiVersion.parse(text));

        assertTrue(e.getMessage().contains(part + " version out of range"), e.getMessage());
    }

    @Test
    void parseRejectsNull() {
        assertThrows(NullPointerException.class, () -> TapiVersion.parse(null));
    }
}
