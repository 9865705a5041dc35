package io.github.tapibridge.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Java copy of a TAPI structure, read field by field with bounds checks: a field beyond the
 * copied bytes (a newer field the provider did not fill for an older API version) reads as 0, and
 * a variable field whose offset or size points outside the structure reads as absent. No input
 * can make decoding throw.
 */
public final class StructBuffer {

    private final ByteBuffer bytes;
    private final int length;

    /**
     * Wraps bytes; the array must not be changed afterwards.
     *
     * @param data the structure's bytes, little-endian as in native memory
     */
    public StructBuffer(byte[] data) {
        this.bytes = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        this.length = data.length;
    }

    /** @return the number of bytes */
    public int length() {
        return length;
    }

    /**
     * Reads a DWORD.
     *
     * @param offset the byte offset of the field
     * @return its value, or 0 if it lies beyond the bytes
     */
    public int dword(int offset) {
        return offset >= 0 && offset <= length - 4 ? bytes.getInt(offset) : 0;
    }

    /**
     * Reads a NUL-terminated UTF-16 string of a {@code W} function, described by a size field
     * (bytes, terminator included) and an offset field.
     *
     * @param sizeField the offset of the {@code ...Size} DWORD
     * @param offsetField the offset of the {@code ...Offset} DWORD
     * @return the string without its terminator, or null if absent or out of bounds
     */
    public String wstring(int sizeField, int offsetField) {
        return wstringAt(dword(offsetField), dword(sizeField));
    }

    /**
     * Reads UTF-16 text at a given place, stopping at the first NUL.
     *
     * @param offset the byte offset of the text
     * @param size its size in bytes
     * @return the text, or null if {@code size} is 0 or the range is out of bounds
     */
    public String wstringAt(int offset, int size) {
        if (size <= 0 || offset < 0 || offset > length || size > length - offset) {
            return null;
        }
        int chars = size / 2;
        int end = 0;
        while (end < chars && bytes.getShort(offset + 2 * end) != 0) {
            end++;
        }
        return new String(bytes.array(), offset, 2 * end, StandardCharsets.UTF_16LE);
    }

    /**
     * Reads an array of fixed-size NUL-padded UTF-16 entries (for example the completion
     * message texts of {@code LINEADDRESSCAPS}).
     *
     * @param count number of entries
     * @param entrySize bytes per entry
     * @param totalSize bytes of the whole array as reported
     * @param offset byte offset of the array
     * @return the entries, an empty list if the array is absent or inconsistent
     */
    public List<String> wstringEntries(int count, int entrySize, int totalSize, int offset) {
        if (count <= 0 || entrySize <= 0 || totalSize <= 0 || offset <= 0
                || (long) count * entrySize > totalSize
                || offset > length || totalSize > length - offset) {
            return Collections.emptyList();
        }
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String s = wstringAt(offset + i * entrySize, entrySize);
            list.add(s == null ? "" : s);
        }
        return Collections.unmodifiableList(list);
    }
}
