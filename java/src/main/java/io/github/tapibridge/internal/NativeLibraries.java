package io.github.tapibridge.internal;

import io.github.tapibridge.internal.jni.TapiJni;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds the native libraries of tapibridge: {@code tapibridge} (the JNI bridge, loaded into the
 * JVM) and {@code tapisim} (the simulated switch, loaded later as a TAPI provider by a backend).
 * One search order, for both:
 * <ol>
 *   <li>system property {@value #TAPISIM_PATH_PROPERTY} (simulator only): the full path of the
 *       simulator library;</li>
 *   <li>system property {@value #LIBRARY_PATH_PROPERTY}: a directory holding both libraries under
 *       their platform names ({@code libtapibridge.so}, {@code tapibridge.dll}, ...);</li>
 *   <li>the bundled resource {@code <platform>/<name>} of the {@code tapibridge-native} jar
 *       ({@code linux-x86-64/libtapibridge.so}, the folder named as JNA names it), looked up through
 *       the class loader of this class (so it works on the class path and the module path), and
 *       extracted once per process into a private temporary directory deleted at exit;</li>
 *   <li>the directories of {@code java.library.path}.</li>
 * </ol>
 * A place that does not hold the library, or whose library fails to load, is skipped; if no place
 * works, the UnsatisfiedLinkError lists every place tried and why it failed. After loading the
 * bridge, its ABI version must equal {@link TapiJni#ABI_VERSION}. Nothing is printed: what was
 * loaded from where goes to the {@link System.Logger} of this class at DEBUG.
 */
public final class NativeLibraries {

    /** System property: a directory containing both native libraries. */
    public static final String LIBRARY_PATH_PROPERTY = "tapibridge.library.path";

    /** System property: the full path of the simulator library (tapisim). */
    public static final String TAPISIM_PATH_PROPERTY = "tapibridge.tapisim.path";

    static final String BRIDGE = "tapibridge";
    static final String SIMULATOR = "tapisim";

    private static final System.Logger LOG = System.getLogger(NativeLibraries.class.getName());

    /** Guards every static field below. */
    private static final Object LOCK = new Object();
    private static Path bridge;
    private static Path simulator;
    private static Path extractDirectory;
    private static final Map<String, Path> EXTRACTED = new HashMap<>();

    private NativeLibraries() {
    }

    /**
     * Loads the JNI bridge into the JVM and checks its ABI version. Idempotent and thread-safe.
     *
     * @throws UnsatisfiedLinkError if no place holds a loadable bridge (the message lists every
     *         place tried), or if the bridge found was built for another ABI version
     */
    public static void loadBridge() {
        synchronized (LOCK) {
            if (bridge != null) {
                return;
            }
            List<String> tried = new ArrayList<>();
            Path found = find(BRIDGE, Lookup.SYSTEM, file -> load(file, tried), tried);
            if (found == null) {
                throw notFound(BRIDGE, tried);
            }
            bridge = found;
            LOG.log(Level.DEBUG, "loaded {0} (ABI {1})", found, TapiJni.ABI_VERSION);
        }
    }

    /**
     * The file of the loaded JNI bridge.
     *
     * @return the path given to {@link System#load(String)}
     * @throws UnsatisfiedLinkError as {@link #loadBridge()}
     */
    public static Path bridgePath() {
        synchronized (LOCK) {
            loadBridge();
            return bridge;
        }
    }

    /**
     * The simulator library (libtapisim): a file to give to a backend as its TAPI provider. Looked
     * up once; thread-safe.
     *
     * @return the path of the simulator library
     * @throws UnsatisfiedLinkError if no place holds it (the message lists every place tried)
     */
    public static Path simulatorPath() {
        synchronized (LOCK) {
            if (simulator == null) {
                List<String> tried = new ArrayList<>();
                Path found = find(SIMULATOR, Lookup.SYSTEM, file -> true, tried);
                if (found == null) {
                    throw notFound(SIMULATOR, tried);
                }
                simulator = found;
                LOG.log(Level.DEBUG, "simulator library: {0}", found);
            }
            return simulator;
        }
    }

    /**
     * Refuses a bridge of another ABI version.
     *
     * @param library the version the library reports ({@code TapiJni.abiVersion()})
     * @param expected the version of the Java declarations ({@code TapiJni.ABI_VERSION})
     * @param file the library file, for the message
     * @throws UnsatisfiedLinkError naming both versions and the file if they differ
     */
    static void checkAbi(int library, int expected, Path file) {
        if (library != expected) {
            throw new UnsatisfiedLinkError("tapibridge: the native library " + file
                    + " has ABI version " + library + " but this tapibridge jar needs ABI version "
                    + expected + ": the native library and the jar come from different builds"
                    + " (use the tapibridge-native jar of the same release, or fix "
                    + LIBRARY_PATH_PROPERTY + ")");
        }
    }

    // ---- search -------------------------------------------------------------------------

    /** Where the search looks: system properties and class path resources (tests substitute). */
    record Lookup(Function<String, String> property, Function<String, URL> resource) {
        static final Lookup SYSTEM = new Lookup(System::getProperty, NativeLibraries::resource);
    }

    /**
     * Searches the places in order; the first file that {@code accept} takes is the result.
     * Every place looked at and why it was passed over is added to {@code tried}.
     *
     * @return the accepted file, or null
     */
    static Path find(String library, Lookup lookup, Predicate<Path> accept, List<String> tried) {
        String fileName = System.mapLibraryName(library);

        if (library.equals(SIMULATOR)) {
            String file = lookup.property().apply(TAPISIM_PATH_PROPERTY);
            String place = "system property " + TAPISIM_PATH_PROPERTY;
            if (file == null || file.isEmpty()) {
                tried.add(place + ": not set");
            } else {
                Path p = existing(path(file), tried, place + "=" + file);
                if (p != null && accept.test(p)) {
                    return p;
                }
            }
        }

        String dir = lookup.property().apply(LIBRARY_PATH_PROPERTY);
        String place = "system property " + LIBRARY_PATH_PROPERTY;
        if (dir == null || dir.isEmpty()) {
            tried.add(place + ": not set");
        } else {
            Path p = existing(path(dir, fileName), tried, place + "=" + dir);
            if (p != null && accept.test(p)) {
                return p;
            }
        }

        String resource = platform() + "/" + fileName;
        URL url = lookup.resource().apply(resource);
        if (url == null) {
            tried.add("bundled resource " + resource + ": not on the class path or module path"
                    + " (is the tapibridge-native jar there, built for this platform?)");
        } else {
            Path p = bundled(library, resource, url, tried);
            if (p != null && accept.test(p)) {
                return p;
            }
        }

        String libraryPath = lookup.property().apply("java.library.path");
        boolean any = false;
        if (libraryPath != null) {
            for (String entry : libraryPath.split(File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                Path p = path(entry, fileName);
                if (p != null && Files.isRegularFile(p)) {
                    any = true;
                    if (accept.test(p)) {
                        return p;
                    }
                }
            }
        }
        if (!any) {
            tried.add("java.library.path=" + libraryPath + ": no " + fileName + " in any entry");
        }
        return null;
    }

    static UnsatisfiedLinkError notFound(String library, List<String> tried) {
        StringBuilder b = new StringBuilder("tapibridge: cannot find the native library ")
                .append(System.mapLibraryName(library)).append(" for ").append(platform())
                .append(". Tried, in order:");
        for (int i = 0; i < tried.size(); i++) {
            b.append("\n  ").append(i + 1).append(". ").append(tried.get(i));
        }
        b.append("\nPut the tapibridge-native jar for this platform on the class path, or set -D")
                .append(LIBRARY_PATH_PROPERTY).append(" to a directory holding ")
                .append(System.mapLibraryName(BRIDGE)).append(" and ")
                .append(System.mapLibraryName(SIMULATOR)).append('.');
        return new UnsatisfiedLinkError(b.toString());
    }

    /** The file, or null after noting in {@code tried} that it is not there. */
    private static Path existing(Path p, List<String> tried, String place) {
        if (p == null) {
            tried.add(place + ": not a valid path");
            return null;
        }
        if (!Files.isRegularFile(p)) {
            tried.add(place + ": " + p + " does not exist");
            LOG.log(Level.DEBUG, "{0}: {1} does not exist; searching on", place, p);
            return null;
        }
        return p;
    }

    private static Path path(String first, String... more) {
        try {
            return Paths.get(first, more).toAbsolutePath();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** System.load and the ABI check; a library that does not load is noted and passed over. */
    private static boolean load(Path file, List<String> tried) {
        try {
            System.load(file.toString());
        } catch (UnsatisfiedLinkError e) {
            tried.add(file + ": failed to load: " + e.getMessage());
            return false;
        } catch (LinkageError e) {
            // JNI_OnLoad could not register abiVersion: not a tapibridge library of this family.
            throw new UnsatisfiedLinkError("tapibridge: " + file + " is not a tapibridge native"
                    + " library for this jar (ABI version " + TapiJni.ABI_VERSION + "): " + e);
        }
        checkAbi(TapiJni.abiVersion(), TapiJni.ABI_VERSION, file);
        return true;
    }

    // ---- bundled resources --------------------------------------------------------------

    private static URL resource(String name) {
        ClassLoader loader = NativeLibraries.class.getClassLoader();
        return loader != null ? loader.getResource(name) : ClassLoader.getSystemResource(name);
    }

    /** The resource as a file: itself if it is one (an exploded class folder), else extracted. */
    private static Path bundled(String library, String resource, URL url, List<String> tried) {
        String place = "bundled resource " + resource + " (" + url + ")";
        if ("file".equals(url.getProtocol())) {
            try {
                return Paths.get(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                tried.add(place + ": " + e);
                return null;
            }
        }
        synchronized (LOCK) {
            Path done = EXTRACTED.get(library);
            if (done != null) {
                return done;
            }
            try {
                if (extractDirectory == null) {
                    extractDirectory = createPrivateDirectory();
                    extractDirectory.toFile().deleteOnExit();
                }
                Path target = extractDirectory.resolve(resource.substring(resource.indexOf('/') + 1));
                try (InputStream in = url.openStream();
                     OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                             StandardOpenOption.WRITE)) {
                    in.transferTo(out);
                }
                // Registered after the directory, so deleted before it (reverse order). A loaded
                // DLL cannot be deleted on Windows: it then stays in the temporary folder.
                target.toFile().deleteOnExit();
                EXTRACTED.put(library, target);
                LOG.log(Level.DEBUG, "extracted {0} to {1}", url, target);
                return target;
            } catch (IOException | RuntimeException e) {
                tried.add(place + ": cannot extract it: " + e);
                return null;
            }
        }
    }

    private static Path createPrivateDirectory() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory("tapibridge-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory("tapibridge-"); // Windows: in the user's own %TEMP%
    }

    // ---- platform -----------------------------------------------------------------------

    /**
     * The folder of the bundled libraries for this JVM, in JNA's naming.
     *
     * @return for example {@code linux-x86-64}
     */
    public static String platform() {
        return platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

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
}
