package io.github.tapibridge;

/**
 * How tapibridge calls the native TAPI functions.
 *
 * @see TapiConfig.Builder#backend(Backend)
 */
public enum Backend {

    /**
     * The JNI bridge ({@code libtapibridge}), bundled in the {@code tapibridge-native} jar for each
     * supported platform: the default, and the fastest.
     */
    JNI,

    /**
     * A JNA binding that needs no compiled bridge, so on Windows it works with {@code tapi32.dll}
     * alone. Needs JNA ({@code net.java.dev.jna:jna}) at run time, on the class path or, on the
     * module path, added with {@code --add-modules com.sun.jna}: without it (or if this build has
     * no JNA binding), {@link Tapi#open(TapiConfig)} throws IllegalStateException saying so.
     */
    JNA
}
