package io.github.tapibridge.internal.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tapibridge.internal.NativeLibraries;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The FFM backend maps libtapibridge for its C wrappers without System.load, so JNI_OnLoad does
 * not run then; the JNI backend opened afterwards in the same JVM must still load the bridge and
 * work. This JVM has long loaded the bridge, so the scenario runs in a fresh child JVM (the same
 * JDK 22+, the packaged multi-release jar).
 */
class FfmThenJniTest {

    @Test
    void theJniBackendStillOpensAfterTheFfmBackendMappedTheBridge() throws Exception {
        Path jar = Path.of(Class.forName("io.github.tapibridge.internal.ffm.FfmBackend")
                .getProtectionDomain().getCodeSource().getLocation().toURI());
        String testClasses = System.getProperty("tapibridge.test.testClasses", "target/test-classes");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xcheck:jni",
                "--enable-native-access=ALL-UNNAMED",
                "-D" + NativeLibraries.LIBRARY_PATH_PROPERTY + "=" + NativeLibraries.bridgeFile().getParent(),
                "-D" + NativeLibraries.TAPISIM_PATH_PROPERTY + "=" + NativeLibraries.simulatorPath(),
                "-cp", jar + File.pathSeparator + testClasses,
                FfmThenJniScenario.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM timed out: " + command);
        }
        String out = output.get(10, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains(FfmThenJniScenario.DONE), out);
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }
}
