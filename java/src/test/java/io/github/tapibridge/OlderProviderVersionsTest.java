package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A provider that negotiates a version below 2.0 for a line returns that version's structures: the
 * fields a later version added are not there, and the bytes at their offsets belong to the
 * variable part. (The simulator always serves 2.0 or later to this library, which needs 2.0 for
 * lineGetMessage; a real provider may stop at 1.3 or 1.4 per line.)
 */
class OlderProviderVersionsTest {

    FakeBackend fake;
    Tapi tapi;

    @BeforeEach
    void open() {
        fake = new FakeBackend();
        tapi = Tapi.open(TapiConfig.builder().appName("old provider")
                .apiVersions(TapiVersion.V1_3, TapiVersion.V3_1).build(), fake);
    }

    @AfterEach
    void close() {
        tapi.close();
    }

    @Test
    void fieldsOfLaterVersionsWereDecodedFromTheVariablePartOfA13AddressCaps() {
        fake.lineVersion = 0x00010003;
        Line line = tapi.openLine(0);
        assertEquals(TapiVersion.V1_3, line.apiVersion());
        AddressCaps caps = line.addressCaps(0);
        assertEquals(0, caps.addressFeatures(), "dwAddressFeatures is a 1.4 field");
        assertEquals(0, caps.callFeatures2(), "dwCallFeatures2 is a 2.0 field");
        assertEquals(List.of("Call me", "Later"), caps.completionMessages(),
                "the variable part right after the 1.3 fixed part");
    }

    @Test
    void aLineOf20ReadsEveryField() {
        Line line = tapi.openLine(0);
        assertEquals(TapiVersion.V2_2, line.apiVersion());
        assertEquals(List.of("Call me", "Later"), line.addressCaps(0).completionMessages());
    }
}
