package io.github.tapibridge.internal.jna;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import io.github.tapibridge.internal.AppEvents;

/**
 * {@link AppEvents.Waits} over {@code kernel32.dll}, direct-mapped (a poll allocates nothing):
 * the event spin of the JNA drain on Windows. Bound on first use; 64-bit Windows only, where
 * {@code HANDLE} is a {@code long} and there is one calling convention.
 */
final class Kernel32Waits implements AppEvents.Waits {

    /** {@code SYNCHRONIZE}: the duplicate can be waited on, and nothing else. */
    private static final int SYNCHRONIZE = 0x00100000;

    private static native int WaitForSingleObject(long hHandle, int dwMilliseconds);

    private static native long GetCurrentProcess();

    private static native int DuplicateHandle(long hSourceProcessHandle, long hSourceHandle,
                                              long hTargetProcessHandle, long[] lpTargetHandle,
                                              int dwDesiredAccess, int bInheritHandle, int dwOptions);

    private static native int CloseHandle(long hObject);

    private Kernel32Waits() {
    }

    /** Bound once, on Windows. */
    private static final class Holder {
        static final AppEvents.Waits WAITS = AppEvents.windowsWaits("JNA", () -> {
            Native.register(Kernel32Waits.class, NativeLibrary.getInstance("kernel32"));
            return new Kernel32Waits();
        });
    }

    /**
     * kernel32's waits on Windows, else null.
     *
     * @return the waits, or null
     */
    static AppEvents.Waits onWindows() {
        return Holder.WAITS;
    }

    @Override
    public long duplicate(long event) {
        long self = GetCurrentProcess();
        long[] own = new long[1];
        return DuplicateHandle(self, event, self, own, SYNCHRONIZE, 0, 0) != 0 ? own[0] : 0;
    }

    @Override
    public int poll(long handle) {
        return WaitForSingleObject(handle, 0);
    }

    @Override
    public void close(long handle) {
        CloseHandle(handle);
    }
}
