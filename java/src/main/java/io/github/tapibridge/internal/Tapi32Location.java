package io.github.tapibridge.internal;

import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * Where the system TAPI lives: {@code tapi32.dll} in the folder that Windows reports as its
 * system directory ({@code GetSystemDirectoryW} of kernel32), loaded by full path, so that
 * neither {@code %SystemRoot%} (an environment variable, set by whoever starts the JVM) nor
 * the DLL search order picks the file. Pure: the backends that need no bridge (JNA, FFM) call
 * {@code GetSystemDirectoryW} their own way and pass it in, so this works on any host.
 */
public final class Tapi32Location {

    /** {@code MAX_PATH} of the Windows headers, without the terminating NUL. */
    public static final int MAX_PATH = 260;

    /** Rounds of "buffer too small" before giving up (the directory cannot keep growing). */
    private static final int ATTEMPTS = 3;

    private Tapi32Location() {
    }

    /**
     * Runs {@code GetSystemDirectoryW(lpBuffer, uSize)} with a buffer of {@code MAX_PATH + 1}
     * characters and, while Windows answers that it needs more, again with the size it needs.
     *
     * @param call the function: fills the buffer, returns its result ({@code uSize} is the
     *        buffer's length): the length of the directory, or the size needed (terminating NUL
     *        included) if the buffer is too small, or 0 on failure
     * @param lastError {@code GetLastError()} after a failed call
     * @return the system directory
     * @throws IllegalStateException if the call fails or keeps asking for a larger buffer
     */
    public static String systemDirectory(ToIntFunction<char[]> call, IntSupplier lastError) {
        int size = MAX_PATH + 1;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            char[] buffer = new char[size];
            int result = call.applyAsInt(buffer);
            if (result == 0) {
                throw new IllegalStateException("GetSystemDirectoryW failed (Windows error "
                        + lastError.getAsInt() + "): cannot locate tapi32.dll");
            }
            if (result < 0) { // a UINT beyond any path
                throw new IllegalStateException("GetSystemDirectoryW returned "
                        + Integer.toUnsignedString(result) + ": cannot locate tapi32.dll");
            }
            if (result < size) {
                return new String(buffer, 0, result);
            }
            size = Math.max(result, size + 1);
        }
        throw new IllegalStateException("GetSystemDirectoryW kept asking for a larger buffer"
                + " (last " + size + " characters): cannot locate tapi32.dll");
    }

    /**
     * The path of {@code tapi32.dll} in a Windows system directory, in Windows syntax whatever
     * the host.
     *
     * @param systemDirectory as {@code GetSystemDirectoryW} reports it, with or without a
     *        trailing backslash
     * @return {@code <systemDirectory>\tapi32.dll}
     * @throws IllegalStateException if {@code systemDirectory} is empty
     */
    public static String tapi32In(String systemDirectory) {
        String dir = systemDirectory;
        while (dir.endsWith("\\") || dir.endsWith("/")) {
            dir = dir.substring(0, dir.length() - 1);
        }
        if (dir.isEmpty()) {
            throw new IllegalStateException("Windows reported the system directory \""
                    + systemDirectory + "\": cannot locate tapi32.dll");
        }
        return dir + "\\tapi32.dll";
    }
}
