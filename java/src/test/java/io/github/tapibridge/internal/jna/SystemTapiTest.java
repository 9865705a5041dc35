package io.github.tapibridge.internal.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Where the JNA backend loads the system TAPI from: the choice of path, on any host. */
class SystemTapiTest {

    /** GetSystemDirectoryW as documented, for a system directory {@code dir}. */
    private static ToIntFunction<char[]> reporting(String dir, List<Integer> sizes) {
        return buffer -> {
            sizes.add(buffer.length);
            if (buffer.length < dir.length() + 1) {
                return dir.length() + 1; // the size needed, NUL included
            }
            dir.getChars(0, dir.length(), buffer, 0);
            buffer[dir.length()] = 0;
            return dir.length();
        };
    }

    @Test
    void tapi32IsInTheSystemDirectory() {
        assertEquals("C:\\Windows\\system32\\tapi32.dll", SystemTapi.tapi32In("C:\\Windows\\system32"));
        assertEquals("D:\\WINNT\\System32\\tapi32.dll", SystemTapi.tapi32In("D:\\WINNT\\System32\\"));
        assertEquals("C:\\tapi32.dll", SystemTapi.tapi32In("C:\\"));
        assertThrows(IllegalStateException.class, () -> SystemTapi.tapi32In(""));
        assertThrows(IllegalStateException.class, () -> SystemTapi.tapi32In("\\"));
    }

    @Test
    void oneCallWithMaxPathPlusOneCharacters() {
        List<Integer> sizes = new ArrayList<>();
        assertEquals("C:\\Windows\\system32",
                SystemTapi.systemDirectory(reporting("C:\\Windows\\system32", sizes), () -> 0));
        assertEquals(List.of(SystemTapi.MAX_PATH + 1), sizes);
    }

    @Test
    void aDirectoryLongerThanMaxPathIsReadWithTheSizeWindowsAsksFor() {
        String dir = "\\\\?\\C:\\" + "x".repeat(400);
        List<Integer> sizes = new ArrayList<>();
        assertEquals(dir, SystemTapi.systemDirectory(reporting(dir, sizes), () -> 0));
        assertEquals(List.of(SystemTapi.MAX_PATH + 1, dir.length() + 1), sizes);
    }

    @Test
    void aFailedCallOrAnEndlessDemandIsAnError() {
        assertThrows(IllegalStateException.class, () -> SystemTapi.systemDirectory(buffer -> 0, () -> 5));
        assertThrows(IllegalStateException.class,
                () -> SystemTapi.systemDirectory(buffer -> buffer.length + 1, () -> 0));
        assertThrows(IllegalStateException.class, () -> SystemTapi.systemDirectory(buffer -> -1, () -> 0));
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void windowsReportsAFolderThatHoldsTapi32() {
        String path = SystemTapi.tapi32Path();
        assertTrue(path.toLowerCase(java.util.Locale.ROOT).endsWith("\\tapi32.dll"), path);
        assertTrue(Files.isRegularFile(Path.of(path)), path);
    }
}
