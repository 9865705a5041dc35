package io.github.tapibridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tapibridge.internal.NativeLibraries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Opening a {@link Tapi} on each kind of provider, through the backend under test. */
abstract class ProviderOpenContract extends SimTestSupport {

    @Test
    void theSystemProviderExistsOnlyOnWindows() {
        if (TapiConfig.isWindows()) {
            return;
        }
        assertThrows(UnsupportedOperationException.class,
                () -> Tapi.open(TapiConfig.builder().provider(Provider.system()).backend(backend()).build()));
    }

    @Test
    void aMissingLibraryIsALinkError() {
        assertThrows(UnsatisfiedLinkError.class, () -> Tapi.open(TapiConfig.builder()
                .provider(Provider.library(Path.of("no-such-dir/libnotapi.so"))).backend(backend()).build()));
    }

    @Test
    void theSimulatorByPathIsAProviderLikeAnyOther() {
        Path simulator = NativeLibraries.simulatorPath();
        try (Tapi byPath = Tapi.open(TapiConfig.builder().provider(Provider.library(simulator))
                .backend(backend()).build())) {
            assertEquals(backend().name(), byPath.backend().name());
            assertEquals(4, byPath.lineCount());
            assertEquals("Simulated line 103", byPath.device(3).name());
        }
    }
}
