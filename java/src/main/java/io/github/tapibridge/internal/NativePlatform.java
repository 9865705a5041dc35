package io.github.tapibridge.internal;

import java.util.Locale;

/**
 * The platform folders of the bundled native libraries, in JNA's naming ({@code linux-x86-64},
 * {@code win32-x86-64}: the folders of the {@code tapibridge-native} jar), and the file name of a
 * library in each, for the search of {@link NativeLibraries}.
 *
 * <p>The file name of a library follows from the platform folder, not from the JVM that runs the
 * search, so that the lookup for any platform can be computed (and tested) on any host:
 * <table>
 *   <caption>File names by platform folder</caption>
 *   <tr><th>platform folder</th><th>bridge</th><th>simulator</th></tr>
 *   <tr><td>{@code win32-*}</td><td>{@code tapibridge.dll}</td><td>{@code tapisim.dll}</td></tr>
 *   <tr><td>{@code darwin-*}</td><td>{@code libtapibridge.dylib}</td><td>{@code libtapisim.dylib}</td></tr>
 *   <tr><td>{@code linux-*} and any other</td><td>{@code libtapibridge.so}</td><td>{@code libtapisim.so}</td></tr>
 * </table>
 * The same names are looked for in the directory of
 * {@value NativeLibraries#LIBRARY_PATH_PROPERTY} and in {@code java.library.path}, and named in
 * the error.
 */
public final class NativePlatform {

    private NativePlatform() {
    }

    /**
     * The folder of the bundled libraries for this JVM, in JNA's naming.
     *
     * @return for example {@code linux-x86-64}
     */
    public static String platform() {
        return platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * The platform folder of an operating system and architecture, as {@code os.name} and
     * {@code os.arch} give them.
     *
     * @param osName for example {@code Windows 11} or {@code Linux}
     * @param osArch for example {@code amd64} or {@code aarch64}
     * @return for example {@code win32-x86-64}
     */
    static String platform(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os;
        if (name.startsWith("windows")) {
            os = "win32";
        } else if (name.startsWith("mac") || name.startsWith("darwin")) {
            os = "darwin";
        } else if (name.startsWith("linux")) {
            os = "linux";
        } else {
            os = name.replaceAll("[^a-z0-9]", "");
        }
        String a = osArch.toLowerCase(Locale.ROOT);
        String arch;
        if (a.matches("x86_64|amd64|x64|em64t")) {
            arch = "x86-64";
        } else if (a.matches("aarch64|arm64")) {
            arch = "aarch64";
        } else if (a.matches("i[3-6]86|x86")) {
            arch = "x86";
        } else if (a.startsWith("arm")) {
            arch = "arm";
        } else {
            arch = a;
        }
        return os + "-" + arch;
    }

    /**
     * The file name of a library on a platform: a function of the platform folder alone, never of
     * the JVM that asks.
     *
     * @param platform a platform folder ({@code win32-x86-64}, {@code linux-x86-64}, ...)
     * @param library {@code tapibridge}, {@code tapisim} or another library's name
     * @return {@code <library>.dll} for {@code win32-*}, {@code lib<library>.dylib} for
     *         {@code darwin-*}, else {@code lib<library>.so}
     */
    public static String fileName(String platform, String library) {
        if (platform.startsWith("win32-")) {
            return library + ".dll";
        }
        if (platform.startsWith("darwin-")) {
            return "lib" + library + ".dylib";
        }
        return "lib" + library + ".so";
    }

    /**
     * The resource that holds a library in the {@code tapibridge-native} jar.
     *
     * @param platform a platform folder
     * @param library the library's name
     * @return {@code <platform>/<file name>}
     */
    public static String bundledResource(String platform, String library) {
        return platform + "/" + fileName(platform, library);
    }
}
