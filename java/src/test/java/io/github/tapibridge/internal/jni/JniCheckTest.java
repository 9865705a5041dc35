package io.github.tapibridge.internal.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.internal.NativeLibraries;
import io.github.tapibridge.internal.NativePlatform;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Xcheck:jni} must print nothing. Its warnings go to the JVM's own stdout, which the
 * test framework does not see, so each test runs {@link JniCheckScenario} in a child JVM with
 * {@code -Xcheck:jni} and reads everything the child prints.
 */
class JniCheckTest {

    /** What HotSpot's checked JNI prints (jniCheck.cpp), and a crash. */
    private static final Pattern JNI_COMPLAINT = Pattern.compile(
            "WARNING in native method|WARNING: JNI local refs|FATAL ERROR in native method"
                    + "|JNI call made|A fatal error has been detected");

    record Result(int exitCode, String output) {
    }

    static Result runChild(List<String> jvmOptions, String... args) throws Exception {
        String classes = System.getProperty("tapibridge.test.classes", "target/classes");
        String testClasses = System.getProperty("tapibridge.test.testClasses", "target/test-classes");
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xcheck:jni");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classes + File.pathSeparator + testClasses);
        command.add(JniCheckScenario.class.getName());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM timed out: " + command);
        }
        return new Result(p.exitValue(), output.get(10, TimeUnit.SECONDS));
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Test
    void everyNativeRunsCleanUnderXcheckJni() throws Exception {
        Path bridge = NativeLibraries.bridgePath();
        Path simulator = NativeLibraries.simulatorPath();
        Result r = runChild(List.of(
                "-D" + NativeLibraries.LIBRARY_PATH_PROPERTY + "=" + bridge.getParent(),
                "-D" + NativeLibraries.TAPISIM_PATH_PROPERTY + "=" + simulator));
        Matcher m = JNI_COMPLAINT.matcher(r.output());
        assertTrue(!m.find(), "-Xcheck:jni complained:\n" + r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains(JniCheckScenario.DONE), r.output());
    }

    @Test
    void loaderErrorNamesEveryPlaceTried(@TempDir Path emptyDir) throws Exception {
        // no native jar on the child's class path, a bogus property, an empty java.library.path
        Result r = runChild(List.of(
                "-D" + NativeLibraries.LIBRARY_PATH_PROPERTY + "=/bogus/tapibridge",
                "-Djava.library.path=" + emptyDir), "load");
        assertNotEquals(0, r.exitCode(), r.output());
        String out = r.output();
        assertTrue(out.contains("java.lang.UnsatisfiedLinkError"), out);
        assertTrue(out.contains(NativeLibraries.LIBRARY_PATH_PROPERTY + "=/bogus/tapibridge"), out);
        assertTrue(out.contains("bundled resource " + NativePlatform.platform() + "/"
                + System.mapLibraryName("tapibridge")), out);
        assertTrue(out.contains("java.library.path=" + emptyDir), out);
        assertTrue(!JNI_COMPLAINT.matcher(out).find(), out);
    }
}
