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
     * alone. Needs JNA at run time; if this build has no JNA binding,
     * {@link Tapi#open(TapiConfig)} throws IllegalStateException for it.
     */
    JNA
}
