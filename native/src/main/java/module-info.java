/**
 * The native libraries of tapibridge, as resources: {@code linux-x86-64/} and
 * {@code win32-x86-64/} hold the JNI bridge ({@code libtapibridge.so}, {@code tapibridge.dll}) and
 * the simulated TAPI switch ({@code libtapisim.so}, {@code tapisim.dll}). No classes.
 *
 * <p>A named module rather than an automatic one, so that {@code io.github.tapibridge} can require
 * it: a modular application then resolves it with no flags, and jlink accepts it. Its resources
 * are in no package, so the module system does not encapsulate them.
 */
module io.github.tapibridge.natives {
}
