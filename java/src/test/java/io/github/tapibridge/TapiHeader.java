package io.github.tapibridge;

import io.github.tapibridge.internal.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C side's source of truth, {@code native/include/tapi_abi.h} (checked against the real
 * {@code tapi.h} by the native build): its {@code #define} constants and the field offsets of its
 * packed structures, computed as the compiler lays them out with {@code #pragma pack(1)}. Public
 * for the probe tests of {@code internal.jna}, which enumerate a structure's fields from it.
 */
public final class TapiHeader {

    private static final Pattern DEFINE = Pattern.compile(
            "^#define\\s+([A-Z][A-Z0-9_]*)\\s+\\(?\\s*(0[xX][0-9A-Fa-f]+|\\d+)[uUlL]*\\s*\\)?\\s*(/\\*.*)?$");
    private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+([A-Za-z_][A-Za-z0-9_]*)(\\[(\\d+)])?;");

    public final Map<String, Long> constants = new LinkedHashMap<>();
    /** struct name -> field name -> {offset, size}; "" -> {0, sizeof}. */
    public final Map<String, Map<String, int[]>> structs = new LinkedHashMap<>();

    static Path locate() {
        for (Path p : List.of(Path.of("../native/include/tapi_abi.h"), Path.of("native/include/tapi_abi.h"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        String build = System.getProperty("tapibridge.test.nativeBuildDir");
        if (build != null) {
            Path p = Path.of(build).resolve("../../include/tapi_abi.h").normalize();
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AssertionError("native/include/tapi_abi.h not found from " + Path.of("").toAbsolutePath());
    }

    public static TapiHeader load() throws IOException {
        TapiHeader h = new TapiHeader();
        List<String> lines = Files.readAllLines(locate());
        // Only the portable part: the header includes <tapi.h> on Windows and stops there.
        for (String line : lines) {
            Matcher m = DEFINE.matcher(line.trim());
            if (m.matches()) {
                String v = m.group(2);
                h.constants.put(m.group(1), v.startsWith("0x") || v.startsWith("0X")
                        ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v));
            }
        }
        h.parseStructs(lines);
        return h;
    }

    private int sizeOf(String type) {
        switch (type) {
            case "DWORD": case "LONG": case "HLINE": case "HCALL": case "HLINEAPP": case "BOOL":
                return 4;
            case "WORD": case "WCHAR":
                return 2;
            case "BYTE": case "char":
                return 1;
            case "DWORD_PTR": case "HANDLE": case "LPVOID":
                return Layout.POINTER_SIZE;
            default:
                Map<String, int[]> s = structs.get(type);
                if (s == null) {
                    throw new AssertionError("unknown field type " + type);
                }
                return s.get("")[1];
        }
    }

    private void parseStructs(List<String> lines) {
        Map<String, int[]> fields = null;
        int offset = 0;
        boolean inUnion = false;
        int unionSize = 0;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.startsWith("typedef struct") && line.endsWith("{")) {
                fields = new LinkedHashMap<>();
                offset = 0;
                continue;
            }
            if (fields == null) {
                continue;
            }
            if (line.startsWith("union") && line.endsWith("{")) {
                inUnion = true;
                unionSize = 0;
                continue;
            }
            if (inUnion && line.startsWith("}")) {
                String name = line.substring(1).replace(";", "").trim();
                fields.put(name, new int[] {offset, unionSize});
                offset += unionSize;
                inUnion = false;
                continue;
            }
            if (line.startsWith("}")) {
                String names = line.substring(1).replace(";", "").trim();
                String name = names.split(",")[0].trim();
                fields.put("", new int[] {0, offset});
                structs.put(name, fields);
                fields = null;
                continue;
            }
            Matcher m = FIELD.matcher(line);
            if (m.find()) {
                int size = sizeOf(m.group(1)) * (m.group(4) != null ? Integer.parseInt(m.group(4)) : 1);
                if (inUnion) {
                    unionSize = Math.max(unionSize, size);
                } else {
                    fields.put(m.group(2), new int[] {offset, size});
                    offset += size;
                }
            }
        }
    }

    public int offset(String struct, String field) {
        Map<String, int[]> s = structs.get(struct);
        if (s == null || !s.containsKey(field)) {
            throw new AssertionError(struct + "." + field + " not in tapi_abi.h");
        }
        return s.get(field)[0];
    }

    public int sizeof(String struct) {
        return offset(struct, "") + structs.get(struct).get("")[1];
    }

    public long constant(String name) {
        Long v = constants.get(name);
        if (v == null) {
            throw new AssertionError(name + " not defined in tapi_abi.h");
        }
        return v;
    }
}
