package io.github.tapibridge.internal.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import io.github.tapibridge.internal.NativeLibraries;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JNA backend under {@code -Xcheck:jni}, in a child JVM whose whole output is read. JNA's own
 * dispatch library prints two warnings while it loads (its {@code JNI_OnLoad} exceeds the
 * checker's advisory local-reference capacity and leaves an exception unchecked); those are
 * JNA's and are allowed. Any other warning, or one raised while our code runs, fails.
 */
class JnaCheckTest {

    /** One warning of the checked JNI, with the Java stack lines that follow it. */
    private static List<String> warnings(String output) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : output.split("\\R")) {
            if (line.startsWith("WARNING") || line.startsWith("FATAL ERROR")) {
                if (current != null) {
                    blocks.add(current.toString());
                }
                current = new StringBuilder(line);
            } else if (current != null && (line.startsWith("\tat ") || line.startsWith("\t- "))) {
                current.append('\n').append(line);
            } else if (current != null) {
                blocks.add(current.toString());
                current = null;
            }
        }
        if (current != null) {
            blocks.add(current.toString());
        }
        return blocks;
    }

    @Test
    void jnaBackendRunsCleanUnderXcheckJni() throws Exception {
        String classes = System.getProperty("tapibridge.test.classes", "target/classes");
        String testClasses = System.getProperty("tapibridge.test.testClasses", "target/test-classes");
        String jna = Path.of(Native.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xcheck:jni",
                "-D" + NativeLibraries.TAPISIM_PATH_PROPERTY + "=" + NativeLibraries.simulatorPath(),
                "-cp", String.join(File.pathSeparator, classes, testClasses, jna),
                JnaCheckScenario.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
        String output = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains(JnaCheckScenario.DONE), output);
        for (String w : warnings(output)) {
            assertTrue(w.contains("com.sun.jna.Native.loadNativeDispatchLibrary"),
                    "-Xcheck:jni warning outside JNA's own library load:\n" + w + "\n\nwhole output:\n" + output);
        }
    }
}
