package io.github.tapibridge;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A minimal class-file reader for the architecture rules: constant pool and member names. */
final class ClassFiles {

    /** What a class file refers to. */
    record Info(String name, List<String> utf8, List<String> fieldRefs, List<String> methodRefs,
                List<String> methods) {
    }

    private ClassFiles() {
    }

    /** The directory of the library's compiled classes. */
    static Path classesDirectory() throws Exception {
        String p = System.getProperty("tapibridge.test.classes");
        if (p != null && Files.isDirectory(Path.of(p))) {
            return Path.of(p);
        }
        return Path.of(Tapi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static List<Info> all() throws Exception {
        Path root = classesDirectory();
        List<Info> list = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".class"))::iterator) {
                if (f.getFileName().toString().equals("module-info.class")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(f)) {
                    list.add(read(root.relativize(f).toString().replace('\\', '/'), in));
                }
            }
        }
        return list;
    }

    static Info read(String path, InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file: " + path);
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf = new String[count];
        int[][] refs = new int[count][];
        int[] tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> utf[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> refs[i] = new int[] {in.readUnsignedShort()};
                case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    refs[i] = new int[] {in.readUnsignedShort()};
                }
                default -> throw new IOException("unknown constant tag " + tag + " in " + path);
            }
        }
        List<String> utf8 = new ArrayList<>();
        List<String> fieldRefs = new ArrayList<>();
        List<String> methodRefs = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (utf[i] != null) {
                utf8.add(utf[i]);
            }
            if (tags[i] == 9 || tags[i] == 10 || tags[i] == 11) {
                String owner = utf[refs[refs[i][0]][0]];
                int[] nat = refs[refs[i][1]];
                String member = owner + "." + utf[nat[0]] + ":" + utf[nat[1]];
                (tags[i] == 9 ? fieldRefs : methodRefs).add(member);
            }
        }
        in.readUnsignedShort(); // access
        in.readUnsignedShort(); // this
        in.readUnsignedShort(); // super
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            in.readUnsignedShort();
        }
        skipMembers(in, utf, null);
        List<String> methods = new ArrayList<>();
        skipMembers(in, utf, methods);
        return new Info(path, utf8, fieldRefs, methodRefs, methods);
    }

    private static void skipMembers(DataInputStream in, String[] utf, List<String> names) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.readUnsignedShort();
            String name = utf[in.readUnsignedShort()];
            String desc = utf[in.readUnsignedShort()];
            if (names != null) {
                names.add(name + desc);
            }
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.readUnsignedShort();
                int length = in.readInt();
                in.readFully(new byte[length]);
            }
        }
    }
}
