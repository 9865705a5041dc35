/**
 * tapibridge: Java access to Windows TAPI 2.x telephony lines, with first-class support for call
 * completion, running against {@code tapi32.dll} on Windows or against the bundled simulator of a
 * TAPI switch on any operating system.
 *
 * <p>The public API is the package {@link io.github.tapibridge}; the package
 * {@link io.github.tapibridge.sim} controls the bundled simulator. Every other package is
 * implementation.
 */
@SuppressWarnings("requires-automatic") // JNA has no module descriptor of its own
module io.github.tapibridge {
    // The bundled native libraries, as resources of a module of their own.
    requires io.github.tapibridge.natives;
    // Only Backend.JNA needs JNA; on the module path add it with --add-modules com.sun.jna.
    requires static com.sun.jna;

    exports io.github.tapibridge;
    exports io.github.tapibridge.sim;
}
