package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.internal.StructBuffer;
import io.github.tapibridge.internal.Structs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe-allocate-retry helper and the bounds-checked reader, over fake native memory. */
class StructsTest {

    final FakeBackend memory = new FakeBackend();

    @Test
    void growsWhenTheFixedPartDoesNotFit() {
        List<Integer> sizes = new ArrayList<>();
        StructBuffer s = Structs.fetch(memory, "lineGetCallInfoW", 100, buf -> {
            int total = memory.getInt(buf);
            sizes.add(total);
            if (total < 344) {
                return FakeBackend.LINEERR_STRUCTURETOOSMALL;
            }
            memory.putInt(buf + 4, 344);
            memory.putInt(buf + 8, 344);
            memory.putInt(buf + 84, 0x80);
            return 0;
        });
        assertEquals(List.of(100, 200, 400), sizes);
        assertEquals(344, s.length());
        assertEquals(0x80, s.dword(84));
        assertEquals(0, memory.liveBlocks(), "every attempt's buffer freed");
    }

    @Test
    void fetchesAgainWithTheNeededSize() {
        List<Integer> sizes = new ArrayList<>();
        byte[] name = "A long name\0".getBytes(StandardCharsets.UTF_16LE);
        StructBuffer s = Structs.fetch(memory, "lineGetDevCapsW", 300, buf -> {
            int total = memory.getInt(buf);
            sizes.add(total);
            memory.putInt(buf + 4, 300 + name.length);
            if (total < 300 + name.length) {
                memory.putInt(buf + 8, 300);
                return 0;
            }
            memory.putInt(buf + 8, 300 + name.length);
            memory.putInt(buf + 32, name.length);
            memory.putInt(buf + 36, 300);
            memory.write(buf + 300, name, 0, name.length);
            return 0;
        });
        assertEquals(List.of(300, 300 + name.length), sizes);
        assertEquals("A long name", s.wstring(32, 36));
        assertEquals(0, memory.liveBlocks());
    }

    @Test
    void errorsAndRunawayProvidersAreTapiExceptions() {
        TapiException e = assertThrows(TapiException.class,
                () -> Structs.fetch(memory, "lineGetCallStatus", 64, buf -> 0x80000018));
        assertEquals(LineError.LINEERR_INVALCALLHANDLE, e.error());
        assertEquals("lineGetCallStatus", e.function());
        e = assertThrows(TapiException.class, () -> Structs.fetch(memory, "lineGetCallStatus", 64,
                buf -> FakeBackend.LINEERR_STRUCTURETOOSMALL));
        assertEquals(LineError.LINEERR_STRUCTURETOOSMALL, e.error());
        e = assertThrows(TapiException.class, () -> Structs.fetch(memory, "lineGetCallStatus", 64, buf -> {
            int total = memory.getInt(buf);
            memory.putInt(buf + 4, total + 1); // always one more
            memory.putInt(buf + 8, 12);
            return 0;
        }));
        assertEquals(LineError.LINEERR_STRUCTURETOOSMALL, e.error());
        e = assertThrows(TapiException.class, () -> Structs.fetch(memory, "lineGetCallStatus", 64, buf -> {
            memory.putInt(buf + 4, Integer.MAX_VALUE);
            memory.putInt(buf + 8, 12);
            return 0;
        }));
        assertTrue(e.getMessage().contains("limit"));
        assertEquals(0, memory.liveBlocks());
    }

    @Test
    void aUsedSizeBeyondTheBufferIsNotTrusted() {
        StructBuffer s = Structs.fetch(memory, "x", 64, buf -> {
            memory.putInt(buf + 4, 64);
            memory.putInt(buf + 8, 1_000_000);
            return 0;
        });
        assertEquals(64, s.length());
    }

    @Test
    void readerNeverReadsOutOfBounds() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 7);
        b.putInt(16, 10); // size of a string
        b.putInt(20, 60); // offset: 60 + 10 > 64
        b.putInt(24, -4); // negative size
        b.putInt(28, 8);
        b.putInt(32, 4); // a valid 4-byte string at 40: "hi" without terminator... "h", "i"
        b.putInt(36, 40);
        b.put(40, (byte) 'h').put(42, (byte) 'i');
        StructBuffer s = new StructBuffer(b.array());
        assertEquals(7, s.dword(0));
        assertEquals(0, s.dword(62), "a DWORD past the end reads as 0");
        assertEquals(0, s.dword(-4));
        assertNull(s.wstring(16, 20));
        assertNull(s.wstring(24, 28));
        assertEquals("hi", s.wstring(32, 36));
        assertNull(s.wstringAt(0, 0));
        assertTrue(s.wstringEntries(3, 16, 48, 40).isEmpty(), "array past the end");
        assertTrue(s.wstringEntries(4, 16, 32, 8).isEmpty(), "count * entry size > total");
        assertEquals(List.of("hi", ""), s.wstringEntries(2, 8, 16, 40));
    }
}
