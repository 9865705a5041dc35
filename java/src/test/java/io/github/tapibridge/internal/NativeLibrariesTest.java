package io.github.tapibridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tapibridge.internal.jni.TapiJni;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

    /** Set to true where the build must bundle the Windows libraries (CI; see java/pom.xml). */
    private static final String REQUIRE_WINDOWS = "tapibridge.test.requireWindows";

    private static NativeLibraries.Lookup lookup(Map<String, String> properties, URL resource) {
        return new NativeLibraries.Lookup(NativePlatform.platform(), properties::get, name -> resource);
    }

    @Test
    void fileNamesFollowThePlatformFolderNotTheHost() {
        assertEquals("tapibridge.dll", NativePlatform.fileName("win32-x86-64", "tapibridge"));
        assertEquals("tapisim.dll", NativePlatform.fileName("win32-x86-64", "tapisim"));
        assertEquals("tapisim.dll", NativePlatform.fileName("win32-aarch64", "tapisim"));
        assertEquals("libtapibridge.so", NativePlatform.fileName("linux-x86-64", "tapibridge"));
        assertEquals("libtapisim.so", NativePlatform.fileName("linux-aarch64", "tapisim"));
        assertEquals("libtapisim.dylib", NativePlatform.fileName("darwin-aarch64", "tapisim"));
        assertEquals("libtapisim.so", NativePlatform.fileName("freebsd-x86-64", "tapisim"));
        assertEquals(List.of("win32-x86-64/tapibridge.dll", "win32-x86-64/tapisim.dll"),
                NativeLibraries.bundledResources("win32-x86-64"));
        assertEquals(List.of("linux-x86-64/libtapibridge.so", "linux-x86-64/libtapisim.so"),
                NativeLibraries.bundledResources("linux-x86-64"));
        // On the host itself the names agree with the JVM's own.
        for (String library : NativeLibraries.LIBRARIES) {
            assertEquals(System.mapLibraryName(library), NativePlatform.fileName(NativePlatform.platform(), library));
        }
    }

    @Test
    void theSearchForWin32IsTheSameOnAnyHost(@TempDir Path dir) throws Exception {
        Path dll = Files.createFile(dir.resolve("tapisim.dll"));
        Files.createFile(dir.resolve("libtapisim.so"));
        List<String> asked = new ArrayList<>();
        NativeLibraries.Lookup win32 = new NativeLibraries.Lookup("win32-x86-64",
                Map.of(NativeLibraries.LIBRARY_PATH_PROPERTY, dir.toString())::get,
                name -> {
                    asked.add(name);
                    return null;
                });
        assertEquals(dll, NativeLibraries.find(NativeLibraries.SIMULATOR, win32, p -> true, new ArrayList<>()));

        List<String> tried = new ArrayList<>();
        for (String library : NativeLibraries.LIBRARIES) {
            assertNull(NativeLibraries.find(library, win32, p -> false, tried));
        }
        // The resources the search asked for are exactly those bundledResources names.
        assertEquals(NativeLibraries.bundledResources("win32-x86-64"), asked);
        String message = NativeLibraries.notFound("win32-x86-64", NativeLibraries.BRIDGE, tried).getMessage();
        assertTrue(message.contains("tapibridge.dll for win32-x86-64"), message);
        assertTrue(message.contains("holding tapibridge.dll and tapisim.dll"), message);
        assertTrue(message.contains("bundled resource win32-x86-64/tapisim.dll"), message);
        assertFalse(message.contains(".so"), message);
    }

    @Test
    void everyLibraryTheLoaderWouldAskForOnWin32X8664IsBundled() throws IOException {
        boolean required = Boolean.parseBoolean(System.getProperty(REQUIRE_WINDOWS));
        assertBundled("win32-x86-64", required, "built without mingw-w64, win32-x86-64 libraries not"
                + " in the native jar (set -Dtapibridge.requireWindows=true to make this a failure)");
    }

    @Test
    void everyLibraryTheLoaderWouldAskForOnLinuxX8664IsBundled() throws IOException {
        boolean host = NativePlatform.platform().equals("linux-x86-64");
        assertBundled("linux-x86-64", host, "the host is " + NativePlatform.platform()
                + ", linux-x86-64 libraries not in the native jar");
    }

    /**
     * Checks that each resource the loader would look up on {@code platform} is on the test class
     * path and is a shared library for that platform. If none is there and none is
     * {@code required}, the test is skipped with {@code reason}; a partial set always fails.
     */
    private static void assertBundled(String platform, boolean required, String reason) throws IOException {
        List<String> resources = NativeLibraries.bundledResources(platform);
        List<String> missing = new ArrayList<>();
        for (String resource : resources) {
            if (NativeLibraries.Lookup.SYSTEM.resource().apply(resource) == null) {
                missing.add(resource);
            }
        }
        boolean anyPresent = missing.size() < resources.size();
        assumeTrue(anyPresent || required, reason);
        assertEquals(List.of(), missing, "not on the test class path (the tapibridge-native jar)"
                + (anyPresent ? "" : ": " + reason));
        for (String resource : resources) {
            byte[] bytes;
            try (InputStream in = NativeLibraries.Lookup.SYSTEM.resource().apply(resource).openStream()) {
                bytes = in.readAllBytes();
            }
            assertEquals(platform.startsWith("win32-") ? "PE DLL x86-64" : "ELF 64-bit x86-64",
                    binaryFormat(bytes), resource);
        }
    }

    /** "PE DLL x86-64", "ELF 64-bit x86-64" or a short description of anything else. */
    private static String binaryFormat(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length > 0x40 && bytes[0] == 'M' && bytes[1] == 'Z') {
            int pe = b.getInt(0x3C);
            if (pe < 0 || pe + 24 > bytes.length || b.getInt(pe) != 0x00004550) {
                return "MZ without a PE header";
            }
            int machine = Short.toUnsignedInt(b.getShort(pe + 4));
            boolean dll = (b.getShort(pe + 22) & 0x2000) != 0; // IMAGE_FILE_DLL
            return "PE " + (dll ? "DLL" : "EXE") + " " + (machine == 0x8664 ? "x86-64" : Integer.toHexString(machine));
        }
        if (bytes.length > 20 && b.getInt(0) == 0x464C457F) {
            int machine = Short.toUnsignedInt(b.getShort(18));
            return "ELF " + (bytes[4] == 2 ? "64-bit" : "32-bit") + " " + (machine == 62 ? "x86-64" : "machine " + machine);
        }
        return "unknown format (" + bytes.length + " bytes)";
    }

    @Test
    void platformFolderInJnaNaming() {
        assertEquals("linux-x86-64", NativePlatform.platform("Linux", "amd64"));
        assertEquals("linux-aarch64", NativePlatform.platform("Linux", "aarch64"));
        assertEquals("win32-x86-64", NativePlatform.platform("Windows 11", "amd64"));
        assertEquals("win32-x86", NativePlatform.platform("Windows 10", "x86"));
        assertEquals("darwin-x86-64", NativePlatform.platform("Mac OS X", "x86_64"));
        assertEquals("darwin-aarch64", NativePlatform.platform("Mac OS X", "aarch64"));
        assertEquals("freebsd-x86-64", NativePlatform.platform("FreeBSD", "amd64"));
    }

    @Test
    void errorNamesEveryPlaceTried(@TempDir Path empty) {
        Map<String, String> props = Map.of(
                NativeLibraries.LIBRARY_PATH_PROPERTY, "/bogus/tapibridge/dir",
                NativeLibraries.TAPISIM_PATH_PROPERTY, "/bogus/libtapisim-file.so",
                "java.library.path", empty + File.pathSeparator + "/another/bogus");
        List<String> tried = new ArrayList<>();
        assertNull(NativeLibraries.find(NativeLibraries.SIMULATOR, lookup(props, null),
                p -> true, tried));
        String message = NativeLibraries.notFound(NativePlatform.platform(), NativeLibraries.SIMULATOR, tried).getMessage();
        String file = System.mapLibraryName("tapisim");
        assertTrue(message.contains(NativeLibraries.TAPISIM_PATH_PROPERTY + "=/bogus/libtapisim-file.so"), message);
        assertTrue(message.contains(NativeLibraries.LIBRARY_PATH_PROPERTY + "=/bogus/tapibridge/dir"), message);
        assertTrue(message.contains("bundled resource " + NativePlatform.platform() + "/" + file), message);
        assertTrue(message.contains("java.library.path=" + empty), message);
        assertTrue(message.contains("/another/bogus"), message);
        assertEquals(4, tried.size(), tried.toString());
    }

    @Test
    void unsetPropertiesAreNamedToo() {
        List<String> tried = new ArrayList<>();
        assertNull(NativeLibraries.find(NativeLibraries.BRIDGE, lookup(Map.of(), null), p -> true, tried));
        String message = NativeLibraries.notFound(NativePlatform.platform(), NativeLibraries.BRIDGE, tried).getMessage();
        assertTrue(message.contains(NativeLibraries.LIBRARY_PATH_PROPERTY + ": not set"), message);
        assertTrue(message.contains(System.mapLibraryName("tapibridge")), message);
        assertTrue(message.contains("java.library.path=null"), message);
    }

    @Test
    void searchOrderPropertyThenDirectoryThenResourceThenLibraryPath(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        String name = System.mapLibraryName("tapisim");
        Path inA = Files.createFile(a.resolve(name));
        Path inB = Files.createFile(b.resolve(name));
        Path explicit = Files.createFile(dir.resolve("explicit-" + name));

        // java.library.path only
        Map<String, String> props = Map.of("java.library.path", b.toString());
        assertEquals(inB, NativeLibraries.find(NativeLibraries.SIMULATOR, lookup(props, null), p -> true, new ArrayList<>()));
        // the directory property wins over java.library.path
        props = Map.of("java.library.path", b.toString(), NativeLibraries.LIBRARY_PATH_PROPERTY, a.toString());
        assertEquals(inA, NativeLibraries.find(NativeLibraries.SIMULATOR, lookup(props, null), p -> true, new ArrayList<>()));
        // the file property wins over both
        props = Map.of("java.library.path", b.toString(), NativeLibraries.LIBRARY_PATH_PROPERTY, a.toString(),
                NativeLibraries.TAPISIM_PATH_PROPERTY, explicit.toString());
        assertEquals(explicit, NativeLibraries.find(NativeLibraries.SIMULATOR, lookup(props, null), p -> true, new ArrayList<>()));
        // a file resource (exploded class folder) is used in place, before java.library.path
        props = Map.of("java.library.path", b.toString());
        assertEquals(inA, NativeLibraries.find(NativeLibraries.SIMULATOR, lookup(props, inA.toUri().toURL()), p -> true, new ArrayList<>()));
        // a place whose library is refused (fails to load) is passed over
        List<String> tried = new ArrayList<>();
        props = Map.of("java.library.path", b.toString(), NativeLibraries.LIBRARY_PATH_PROPERTY, a.toString());
        assertEquals(inB, NativeLibraries.find(NativeLibraries.SIMULATOR, lookup(props, null), p -> !p.equals(inA), tried));
    }

    @Test
    void bundledLibrariesAreExtractedIntoAPrivateDirectory() throws Exception {
        NativeLibraries.loadBridge();
        Path bridge = NativeLibraries.bridgePath();
        Path simulator = NativeLibraries.simulatorPath();
        assertTrue(Files.isRegularFile(bridge), bridge.toString());
        assertTrue(Files.isRegularFile(simulator), simulator.toString());
        assertEquals(System.mapLibraryName("tapibridge"), bridge.getFileName().toString());
        assertEquals(System.mapLibraryName("tapisim"), simulator.getFileName().toString());
        assertEquals(bridge.getParent(), simulator.getParent(), "one directory per process");
        Path directory = bridge.getParent();
        if (System.getProperty(NativeLibraries.LIBRARY_PATH_PROPERTY) == null
                && directory.getFileName().toString().startsWith("tapibridge-")) {
            assertTrue(directory.getFileName().toString().matches("tapibridge-[0-9a-f]{16}"), directory.toString());
            assertTrue(Files.isRegularFile(marker(directory)), "the marker of a live process is there");
            if (Files.getFileAttributeView(bridge, PosixFileAttributeView.class) != null) {
                assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(directory));
            }
        }
        NativeLibraries.loadBridge(); // idempotent
        assertEquals(bridge, NativeLibraries.bridgePath());
    }

    @Test
    void abiMismatchNamesBothVersionsAndTheFile() {
        Path file = Path.of("/opt/x/libtapibridge.so");
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class,
                () -> NativeLibraries.checkAbi(TapiJni.ABI_VERSION + 1, TapiJni.ABI_VERSION, file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("ABI version " + (TapiJni.ABI_VERSION + 1)), e.getMessage());
        assertTrue(e.getMessage().contains("ABI version " + TapiJni.ABI_VERSION), e.getMessage());
        NativeLibraries.checkAbi(TapiJni.ABI_VERSION, TapiJni.ABI_VERSION, file);
    }

    private static Path marker(Path extractionDirectory) {
        return extractionDirectory.resolveSibling(extractionDirectory.getFileName() + ExtractionDirectories.MARKER_SUFFIX);
    }

    private static Path directoryWith(Path root, String name, String... files) throws IOException {
        Path dir = Files.createDirectory(root.resolve(name));
        for (String f : files) {
            Files.write(dir.resolve(f), new byte[] {1, 2, 3});
        }
        return dir;
    }

    /** A symbolic link, or null where the file system or the user may not make one. */
    private static Path symbolicLink(Path link, Path target) {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    @Test
    void staleExtractionDirectoriesAreDeletedAndLiveOnesKept(@TempDir Path root, @TempDir Path outside)
            throws IOException {
        // Left by processes that have exited: no marker.
        Path windowsLeftover = directoryWith(root, "tapibridge-0123456789abcdef", "tapibridge.dll", "tapisim.dll");
        Path empty = directoryWith(root, "tapibridge-00000000000000aa");
        Path linuxLeftover = directoryWith(root, "tapibridge-00000000000000bb", "libtapibridge.so", "libtapisim.so");
        // A live process: its marker is there.
        Path live = directoryWith(root, "tapibridge-fedcba9876543210", "tapibridge.dll", "tapisim.dll");
        Files.createFile(marker(live));
        // Not named as an extraction directory.
        List<Path> foreign = List.of(
                directoryWith(root, "tapibridge-123", "tapisim.dll"),
                directoryWith(root, "tapibridge-0123456789ABCDEF", "tapisim.dll"),
                directoryWith(root, "tapibridge-0123456789abcdef0", "tapisim.dll"),
                directoryWith(root, "tapibridge-pump-00000001", "tapisim.dll"),
                directoryWith(root, "other-0123456789abcdef", "tapisim.dll"),
                Files.createFile(root.resolve("tapibridge-00000000000000cc")));
        // Named as one, without a marker, but holding a file the loader never extracts.
        Path notOnlyOurs = directoryWith(root, "tapibridge-00000000000000dd", "tapisim.dll", "notes.txt");
        // Symbolic links: never followed.
        Path secret = Files.write(outside.resolve("libtapisim.so"), new byte[] {4});
        Path linkedDirectory = symbolicLink(root.resolve("tapibridge-00000000000000ee"), outside);
        Path withLink = directoryWith(root, "tapibridge-00000000000000ff");
        Path innerLink = symbolicLink(withLink.resolve("libtapisim.so"), secret);

        // (Where no link could be made, the directory meant to hold one is empty, so stale.)
        assertEquals(innerLink != null ? 3 : 4, ExtractionDirectories.deleteStaleExtractions(root));

        for (Path gone : List.of(windowsLeftover, empty, linuxLeftover)) {
            assertFalse(Files.exists(gone, LinkOption.NOFOLLOW_LINKS), gone.toString());
        }
        assertTrue(Files.isRegularFile(live.resolve("tapisim.dll")));
        assertTrue(Files.isRegularFile(marker(live)));
        for (Path kept : foreign) {
            assertTrue(Files.exists(kept, LinkOption.NOFOLLOW_LINKS), kept.toString());
        }
        assertTrue(Files.isRegularFile(foreign.get(0).resolve("tapisim.dll")));
        assertTrue(Files.isRegularFile(notOnlyOurs.resolve("notes.txt")));
        assertTrue(Files.isRegularFile(secret), "a link's target is never deleted");
        if (linkedDirectory != null) {
            assertTrue(Files.isSymbolicLink(linkedDirectory));
        }
        if (innerLink != null) {
            assertTrue(Files.isSymbolicLink(innerLink));
        }
        assertEquals(0, ExtractionDirectories.deleteStaleExtractions(root), "nothing more to delete");
    }

    @Test
    void firstExtractionDeletesStaleDirectoriesAndMarksItsOwn(@TempDir Path root) throws IOException {
        Path stale = directoryWith(root, "tapibridge-0123456789abcdef", "tapisim.dll");
        Path own = ExtractionDirectories.first(root);
        assertFalse(Files.exists(stale));
        assertTrue(own.getFileName().toString().matches("tapibridge-[0-9a-f]{16}"), own.toString());
        assertTrue(Files.isDirectory(own));
        assertTrue(Files.isRegularFile(marker(own)));
        if (Files.getFileAttributeView(own, PosixFileAttributeView.class) != null) {
            assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(own));
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(marker(own)));
        }
        Files.createFile(own.resolve("tapisim.dll"));
        // Another process starting now leaves it alone ...
        Path other = ExtractionDirectories.first(root);
        assertTrue(Files.isRegularFile(own.resolve("tapisim.dll")));
        // ... and once its process has exited on Windows (the marker deleted, the DLL not), a
        // later one deletes it.
        Files.delete(marker(own));
        assertEquals(1, ExtractionDirectories.deleteStaleExtractions(root));
        assertFalse(Files.exists(own));
        assertTrue(Files.isDirectory(other));
    }
}
