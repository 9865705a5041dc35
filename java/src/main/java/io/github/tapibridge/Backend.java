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
    JNA,

    /**
     * A binding on the Foreign Function and Memory API ({@code java.lang.foreign}): like JNA it
     * needs no compiled bridge, and it costs about what JNI costs per call. Needs a JDK 22 or later
     * at run time (the part of the tapibridge jar under {@code META-INF/versions/22}), and native
     * access granted to tapibridge: {@code --enable-native-access=io.github.tapibridge} on the
     * module path, {@code --enable-native-access=ALL-UNNAMED} on the class path (without it the
     * JDK prints a warning, or refuses with {@code --illegal-native-access=deny}). On an older
     * JDK, or with a jar built without that part, {@link Tapi#open(TapiConfig)} throws
     * IllegalStateException saying that it needs JDK 22+.
     */
    FFM
}
