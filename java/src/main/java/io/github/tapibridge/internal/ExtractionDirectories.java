package io.github.tapibridge.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The private directories of the temporary folder that {@link NativeLibraries} extracts bundled
 * libraries into, one per process, and the clean-up of those that exited processes left behind
 * (on Windows a loaded DLL cannot be deleted, so its directory outlives its process). Each
 * directory {@code tapibridge-<16 hex digits>} has a marker file beside it,
 * {@code tapibridge-<same digits>.lck}, that exists while its process lives: the directory of a
 * marker that is gone is stale. Thread-safety: {@link NativeLibraries} calls these methods under
 * its lock; the clean-up is best effort and safe against other processes doing the same.
 */
final class ExtractionDirectories {

    /** The file name of a marker beside an extraction directory: the directory's name and this. */
    static final String MARKER_SUFFIX = ".lck";
    /** The names of the extraction directories; the clean-up looks at no other entry of the folder. */
    private static final Pattern EXTRACTION_NAME = Pattern.compile("tapibridge-[0-9a-f]{16}");
    /** The only files the clean-up deletes inside an extraction directory: what it extracts. */
    private static final Set<String> EXTRACTED_NAMES = Set.copyOf(NativeLibraries.LIBRARIES.stream()
            .flatMap(library -> List.of("win32", "darwin", "linux").stream()
                    .map(os -> NativePlatform.fileName(os + "-", library)))
            .toList());

    /** The copies of the simulator that isolated switches load ({@link NativeLibraries#isolatedCopy}). */
    private static final Pattern ISOLATED_NAME = Pattern.compile("(lib)?"
            + NativeLibraries.ISOLATED_PREFIX + "[0-9]{1,19}\\.(so|dll|dylib)");

    private static final System.Logger LOG = System.getLogger(ExtractionDirectories.class.getName());

    /** Created on first use: a SecureRandom seeds itself, which can take a moment. */
    private static final class Random {
        static final SecureRandom SOURCE = new SecureRandom();
    }

    private ExtractionDirectories() {
    }

    /** {@code java.io.tmpdir}, absolute. */
    static Path temporaryFolder() {
        return Paths.get(System.getProperty("java.io.tmpdir", ".")).toAbsolutePath();
    }

    /**
     * What the first extraction of a process does: deletes the stale extraction directories of
     * {@code root}, then creates its own.
     *
     * @param root the temporary folder ({@code java.io.tmpdir}; tests pass their own)
     * @return the new, empty directory
     * @throws IOException if it cannot be created
     */
    static Path first(Path root) throws IOException {
        deleteStaleExtractions(root);
        return create(root);
    }

    /**
     * Creates a private extraction directory {@code tapibridge-<16 hex digits>} in {@code root},
     * after its marker {@code tapibridge-<same digits>.lck}, so that no other process ever sees
     * the directory without its marker. Both are deleted at exit: first the directory (if empty
     * by then), last the marker.
     *
     * @param root the temporary folder ({@code java.io.tmpdir}; tests pass their own)
     * @return the new, empty directory
     * @throws IOException if either cannot be created
     */
    static Path create(Path root) throws IOException {
        boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] file = posix ? new FileAttribute<?>[] {owner("rw-------")} : new FileAttribute<?>[0];
        FileAttribute<?>[] dir = posix ? new FileAttribute<?>[] {owner("rwx------")} : new FileAttribute<?>[0];
        for (int attempt = 1; ; attempt++) {
            String name = String.format("tapibridge-%016x", Random.SOURCE.nextLong());
            Path marker = root.resolve(name + MARKER_SUFFIX);
            Path directory = root.resolve(name);
            try {
                Files.createFile(marker, file);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 10) {
                    continue;
                }
                throw e;
            }
            try {
                Files.createDirectory(directory, dir);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(marker);
                if (e instanceof FileAlreadyExistsException && attempt < 10) {
                    continue;
                }
                throw e;
            }
            // deleteOnExit deletes in reverse order of registration: the directory, then its marker.
            marker.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            return directory;
        }
    }

    /**
     * Deletes every extraction directory of {@code root} whose marker is gone (its process has
     * exited, on Windows leaving the DLLs it had loaded), with the library files in it. Best
     * effort: what cannot be listed or deleted is logged at DEBUG and skipped. Touches only
     * entries named {@code tapibridge-<16 hex digits>} that are plain directories (no symbolic
     * link, junction or other reparse point), and inside them only regular files named as a
     * bundled library; so a directory holding anything else stays.
     *
     * @param root the temporary folder ({@code java.io.tmpdir}; tests pass their own)
     * @return how many directories were deleted
     */
    static int deleteStaleExtractions(Path root) {
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root,
                p -> EXTRACTION_NAME.matcher(p.getFileName().toString()).matches())) {
            for (Path entry : entries) {
                if (deleteIfStale(entry)) {
                    deleted++;
                }
            }
        } catch (IOException | DirectoryIteratorException | SecurityException e) {
            LOG.log(Level.DEBUG, "cannot look for stale extraction directories in {0}: {1}", root, e);
        }
        if (deleted > 0) {
            LOG.log(Level.DEBUG, "deleted {0} stale extraction directories in {1}", deleted, root);
        }
        return deleted;
    }

    private static boolean deleteIfStale(Path directory) {
        try {
            Path marker = directory.resolveSibling(directory.getFileName() + MARKER_SUFFIX);
            if (Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
                return false; // its process is alive
            }
            if (!isPlain(directory, true)) {
                LOG.log(Level.DEBUG, "{0} has no marker but is not a plain directory: left alone", directory);
                return false;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path f : files) {
                    if (isExtracted(f.getFileName().toString()) && isPlain(f, false)) {
                        Files.delete(f);
                    }
                }
            }
            Files.delete(directory); // fails if anything else is in it
            LOG.log(Level.DEBUG, "deleted the stale extraction directory {0}", directory);
            return true;
        } catch (IOException | DirectoryIteratorException | SecurityException e) {
            LOG.log(Level.DEBUG, "cannot delete the stale extraction directory {0}: {1}", directory, e);
            return false;
        }
    }

    /** Whether the clean-up deletes a file of this name: an extracted library or a switch's copy. */
    static boolean isExtracted(String name) {
        return EXTRACTED_NAMES.contains(name) || ISOLATED_NAME.matcher(name).matches();
    }

    /**
     * Whether {@code p} is, without following links, a directory (or a regular file) that is no
     * link: on Windows a junction is a directory that {@link BasicFileAttributes#isOther()} marks.
     */
    private static boolean isPlain(Path p, boolean directory) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink() || a.isOther()) {
            return false;
        }
        return directory ? a.isDirectory() : a.isRegularFile();
    }

    private static FileAttribute<Set<PosixFilePermission>> owner(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
