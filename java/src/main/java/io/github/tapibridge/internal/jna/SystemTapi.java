package io.github.tapibridge.internal.jna;

import com.sun.jna.Function;
import com.sun.jna.Native;
import io.github.tapibridge.internal.Tapi32Location;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * Where the system TAPI lives: {@code tapi32.dll} in the folder that Windows reports as its
 * system directory ({@code GetSystemDirectoryW} of kernel32), loaded by full path, so that
 * neither {@code %SystemRoot%} (an environment variable, set by whoever starts the JVM) nor
 * the DLL search order picks the file. The choice of path is pure ({@link Tapi32Location}, shared
 * with the FFM backend) and works on any host; only {@link #tapi32Path()} calls Windows.
 *
 * @see <a href="https://learn.microsoft.com/en-us/windows/win32/api/sysinfoapi/nf-sysinfoapi-getsystemdirectoryw">GetSystemDirectoryW</a>
 */
final class SystemTapi {

    /** {@code MAX_PATH} of the Windows headers, without the terminating NUL. */
    static final int MAX_PATH = Tapi32Location.MAX_PATH;

    private SystemTapi() {
    }

    /**
     * The full path of {@code tapi32.dll} on this machine. Windows only: calls
     * {@code GetSystemDirectoryW} through JNA.
     *
     * @return for example {@code C:\Windows\system32\tapi32.dll}
     * @throws IllegalStateException if Windows does not report its system directory
     */
    static String tapi32Path() {
        Function getSystemDirectoryW = Function.getFunction("kernel32", "GetSystemDirectoryW",
                Function.ALT_CONVENTION);
        return tapi32In(systemDirectory(
                buffer -> getSystemDirectoryW.invokeInt(new Object[] {buffer, buffer.length}),
                Native::getLastError));
    }

    /** {@link Tapi32Location#systemDirectory}. */
    static String systemDirectory(ToIntFunction<char[]> call, IntSupplier lastError) {
        return Tapi32Location.systemDirectory(call, lastError);
    }

    /** {@link Tapi32Location#tapi32In}. */
    static String tapi32In(String systemDirectory) {
        return Tapi32Location.tapi32In(systemDirectory);
    }
}
