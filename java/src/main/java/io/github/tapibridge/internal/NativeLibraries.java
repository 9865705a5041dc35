package io.github.tapibridge.internal;

import static io.github.tapibridge.internal.NativePlatform.bundledResource;
import static io.github.tapibridge.internal.NativePlatform.fileName;
import static io.github.tapibridge.internal.NativePlatform.platform;

import io.github.tapibridge.internal.jni.TapiJni;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds the native libraries of tapibridge: {@code tapibridge} (the JNI bridge, loaded into the
 * JVM) and {@code tapisim} (the simulated switch, loaded later as a TAPI provider by a backend).
 *
 * <h2>Search order</h2>
 * One search order, for both:
 * <ol>
 *   <li>system property {@value #TAPISIM_PATH_PROPERTY} (simulator only): the full path of the
 *       simulator library;</li>
 *   <li>system property {@value #LIBRARY_PATH_PROPERTY}: a directory holding both libraries under
 *       their file names for the platform ({@link NativePlatform#fileName});</li>
 *   <li>the bundled resource {@code <platform>/<file name>} of the {@code tapibridge-native} jar
 *       ({@code linux-x86-64/libtapibridge.so}, {@code win32-x86-64/tapibridge.dll}: the folder
 *       named as JNA names it, see {@link NativePlatform#platform()}), looked up through the
 *       class loader of this class (so it works on the class path and the module path), and,
 *       unless it already is a file, extracted once per process into a private directory of the
 *       temporary folder (below);</li>
 *   <li>the directories of {@code java.library.path}.</li>
 * </ol>
 * A place that does not hold the library, or whose library fails to load, is skipped; if no place
 * works, the UnsatisfiedLinkError lists every place tried and why it failed. After loading the
 * bridge, its ABI version must equal {@link TapiJni#ABI_VERSION}. Nothing is printed: what was
 * loaded from where goes to the {@link System.Logger} of this class at DEBUG.
 *
 * <h2>Extraction and clean-up</h2>
 * Bundled libraries inside a jar are copied into a directory {@code tapibridge-<16 hex digits>}
 * of {@code java.io.tmpdir} ({@code %TEMP%} on Windows), created for this process with owner-only
 * permissions ({@code rwx------}) where the file system has POSIX permissions. Beside it, and
 * created before it, a marker file {@code tapibridge-<same digits>.lck} says that its process is
 * alive. At exit the JVM deletes the libraries, then the directory, then the marker
 * ({@link File#deleteOnExit()}). On Windows a DLL cannot be deleted while it is loaded, and the
 * JVM unloads neither library before it exits: the libraries and their directory stay in
 * {@code %TEMP%}, but the marker (a plain file, never loaded) is deleted. So the first extraction
 * of every process first deletes each {@code tapibridge-<16 hex digits>} directory of the same
 * temporary folder whose marker is gone, with the library files in it. That clean-up is best
 * effort: what cannot be deleted is logged at DEBUG and left for a later run; it looks at no
 * entry of another name, follows no symbolic link or junction, deletes no file it did not
 * extract, and never deletes a marker. A process that is killed keeps its marker, so its
 * directory stays until the marker is deleted. {@link ExtractionDirectories} does both.
 */
public final class NativeLibraries {

    /** System property: a directory containing both native libraries. */
    public static final String LIBRARY_PATH_PROPERTY = "tapibridge.library.path";

    /** System property: the full path of the simulator library (tapisim). */
    public static final String TAPISIM_PATH_PROPERTY = "tapibridge.tapisim.path";

    static final String BRIDGE = "tapibridge";
    static final String SIMULATOR = "tapisim";
    /** Every library the loader looks up, in the order {@link #bundledResources} lists them. */
    static final List<String> LIBRARIES = List.of(BRIDGE, SIMULATOR);
    /** The name of an isolated switch's copy of the simulator: this and its number. */
    static final String ISOLATED_PREFIX = "tapisim-switch-";

    private static final System.Logger LOG = System.getLogger(NativeLibraries.class.getName());

    /** Guards every static field below. */
    private static final Object LOCK = new Object();
    private static Path bridge;
    /** The bridge's file found for the FFM backend, not loaded through System.load. */
    private static Path bridgeFile;
    private static Path simulator;
    private static Path extractDirectory;
    /** Extracted libraries by resource name. */
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
            // The file the FFM backend already mapped, if any: one module, whoever loads it.
            Path found = bridgeFile != null && load(bridgeFile, tried) ? bridgeFile
                    : find(BRIDGE, Lookup.SYSTEM, file -> load(file, tried), tried);
            if (found == null) {
                throw notFound(Lookup.SYSTEM.platform(), BRIDGE, tried);
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
     * The file of the JNI bridge, found as {@link #loadBridge()} finds it but not loaded: the FFM
     * backend maps it with a symbol lookup and calls its plain C API, so neither System.load nor
     * JNI_OnLoad runs. A later {@link #loadBridge()} loads this same file (one module for the
     * platform's loader). Thread-safe.
     *
     * @return the bridge's file: the loaded one if {@link #loadBridge()} ran first
     * @throws UnsatisfiedLinkError if no place holds it (the message lists every place tried)
     */
    public static Path bridgeFile() {
        synchronized (LOCK) {
            if (bridge != null) {
                return bridge;
            }
            if (bridgeFile == null) {
                bridgeFile = locate(BRIDGE, "bridge library for the FFM backend");
            }
            return bridgeFile;
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
                simulator = locate(SIMULATOR, "simulator library");
            }
            return simulator;
        }
    }

    /**
     * The first file of the search for {@code library}, not loaded (the caller holds LOCK).
     *
     * @param what what the file is for, for the DEBUG log
     * @throws UnsatisfiedLinkError if no place holds it (the message lists every place tried)
     */
    private static Path locate(String library, String what) {
        List<String> tried = new ArrayList<>();
        Path found = find(library, Lookup.SYSTEM, file -> true, tried);
        if (found == null) {
            throw notFound(Lookup.SYSTEM.platform(), library, tried);
        }
        LOG.log(Level.DEBUG, what + ": {0}", found);
        return found;
    }

    /**
     * A private copy of the simulator library for isolated switch {@code number}: the file
     * {@code tapisim-switch-<number>} (with the platform's prefix and suffix) in this process's
     * extraction directory, which is made if no library was extracted yet. A copy, not a link:
     * the loader would take a link for the library it names.
     *
     * @param number the switch's number in the process
     * @return the copy
     * @throws UnsatisfiedLinkError as {@link #simulatorPath()}
     * @throws UncheckedIOException if the copy cannot be made
     */
    static Path isolatedCopy(long number) {
        Path source = simulatorPath();
        Path target;
        synchronized (LOCK) {
            try {
                if (extractDirectory == null) {
                    extractDirectory = ExtractionDirectories.first(ExtractionDirectories.temporaryFolder());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot make a directory for the copy of " + source, e);
            }
            target = extractDirectory.resolve(fileName(platform(), ISOLATED_PREFIX + number));
        }
        try {
            return Files.copy(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source + " to " + target
                    + " for an isolated switch", e);
        }
    }

    /**
     * Refuses a bridge of another ABI version: of its JNI natives, or (for the FFM backend) of
     * its plain C API, each numbered on its own.
     *
     * @param library the version the library reports ({@code TapiJni.abiVersion()},
     *        {@code tapibridge_ffm_abi_version()})
     * @param expected the version of the Java declarations ({@code TapiJni.ABI_VERSION}, the
     *        FFM backend's)
     * @param file the library file, for the message
     * @throws UnsatisfiedLinkError naming both versions and the file if they differ
     */
    public static void checkAbi(int library, int expected, Path file) {
        if (library != expected) {
            throw new UnsatisfiedLinkError("tapibridge: the native library " + file
                    + " has ABI version " + library + " but this tapibridge jar needs ABI version "
                    + expected + ": the native library and the jar come from different builds"
                    + " (use the tapibridge-native jar of the same release, or fix "
                    + LIBRARY_PATH_PROPERTY + ")");
        }
    }

    // ---- search -------------------------------------------------------------------------

    /**
     * What the search is for and where it looks: the platform folder (which also gives the file
     * names), system properties and class path resources. Tests substitute each.
     */
    record Lookup(String platform, Function<String, String> property, Function<String, URL> resource) {
        static final Lookup SYSTEM = new Lookup(NativePlatform.platform(), System::getProperty, NativeLibraries::resource);
    }

    /**
     * Every resource the search looks up on a platform, one per library of {@link #LIBRARIES}.
     *
     * @param platform a platform folder
     * @return for {@code win32-x86-64}: {@code win32-x86-64/tapibridge.dll} and
     *         {@code win32-x86-64/tapisim.dll}
     */
    static List<String> bundledResources(String platform) {
        return LIBRARIES.stream().map(library -> bundledResource(platform, library)).toList();
    }

    /**
     * Searches the places in order for a library of {@code lookup.platform()}; the first file
     * that {@code accept} takes is the result. Every place looked at and why it was passed over
     * is added to {@code tried}.
     *
     * @return the accepted file, or null
     */
    static Path find(String library, Lookup lookup, Predicate<Path> accept, List<String> tried) {
        String fileName = fileName(lookup.platform(), library);

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

        String resource = bundledResource(lookup.platform(), library);
        URL url = lookup.resource().apply(resource);
        if (url == null) {
            tried.add("bundled resource " + resource + ": not on the class path or module path"
                    + " (is the tapibridge-native jar there, built for this platform?)");
        } else {
            Path p = bundled(resource, fileName, url, tried);
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

    /** The error when no place held {@code library}: names the file and every place tried. */
    static UnsatisfiedLinkError notFound(String platform, String library, List<String> tried) {
        StringBuilder b = new StringBuilder("tapibridge: cannot find the native library ")
                .append(fileName(platform, library)).append(" for ").append(platform)
                .append(". Tried, in order:");
        for (int i = 0; i < tried.size(); i++) {
            b.append("\n  ").append(i + 1).append(". ").append(tried.get(i));
        }
        b.append("\nPut the tapibridge-native jar for this platform on the class path, or set -D")
                .append(LIBRARY_PATH_PROPERTY).append(" to a directory holding ")
                .append(fileName(platform, BRIDGE)).append(" and ")
                .append(fileName(platform, SIMULATOR)).append('.');
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
    private static Path bundled(String resource, String fileName, URL url, List<String> tried) {
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
            Path done = EXTRACTED.get(resource);
            if (done != null) {
                return done;
            }
            try {
                if (extractDirectory == null) {
                    extractDirectory = ExtractionDirectories.first(ExtractionDirectories.temporaryFolder());
                }
                Path target = extractDirectory.resolve(fileName);
                try (InputStream in = url.openStream();
                     OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                             StandardOpenOption.WRITE)) {
                    in.transferTo(out);
                }
                // Registered after the directory, so deleted before it (reverse order). A loaded
                // DLL cannot be deleted on Windows: a later process's clean-up deletes it.
                target.toFile().deleteOnExit();
                EXTRACTED.put(resource, target);
                LOG.log(Level.DEBUG, "extracted {0} to {1}", url, target);
                return target;
            } catch (IOException | RuntimeException e) {
                tried.add(place + ": cannot extract it: " + e);
                return null;
            }
        }
    }
}
