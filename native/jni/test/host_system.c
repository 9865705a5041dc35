/*
 * The JNI test host's checks of openSystemProvider: on Windows tapi32.dll comes from System32
 * only, never from beside the executable or the working directory (host.cmake plants a fake
 * tapi32.dll in both); elsewhere there is no system TAPI and it throws.
 */
#include "jni_host.h"

#include <stdio.h>
#include <string.h>

#ifdef _WIN32

#include <windows.h>
#include <winternl.h>

/* LdrRegisterDllNotification (ntdll, Windows Vista and later; wine): the loader reports every
 * DLL it maps, with its full path, also one that is unloaded again before the call returns. */
typedef struct {
    ULONG Flags;
    const UNICODE_STRING *FullDllName;
    const UNICODE_STRING *BaseDllName;
    PVOID DllBase;
    ULONG SizeOfImage;
} dll_notification;
typedef VOID(CALLBACK *dll_notification_fn)(ULONG reason, const dll_notification *data,
                                            PVOID context);
typedef LONG(NTAPI *register_fn)(ULONG flags, dll_notification_fn fn, PVOID context,
                                 PVOID *cookie);
typedef LONG(NTAPI *unregister_fn)(PVOID cookie);
#define DLL_LOADED 1

#define MAX_LOADS 4
static WCHAR loads[MAX_LOADS][MAX_PATH];
static int load_count;

/* Runs under the loader lock: copies, nothing else. */
static VOID CALLBACK on_dll(ULONG reason, const dll_notification *data, PVOID context)
{
    (void)context;
    const UNICODE_STRING *base = data->BaseDllName, *full = data->FullDllName;
    size_t n = full->Length / sizeof(WCHAR);
    if (reason != DLL_LOADED || base->Length != 10 * sizeof(WCHAR)
        || _wcsnicmp(base->Buffer, L"tapi32.dll", 10) != 0 || load_count == MAX_LOADS
        || n >= MAX_PATH)
        return;
    memcpy(loads[load_count], full->Buffer, n * sizeof(WCHAR));
    loads[load_count++][n] = 0;
}

static const char *utf8(const WCHAR *w, char *buf, int size)
{
    if (WideCharToMultiByte(CP_UTF8, 0, w, -1, buf, size, NULL, NULL) <= 0)
        snprintf(buf, (size_t)size, "?");
    return buf;
}

/* `file` is directly in the folder `dir`. */
static int in_folder(const WCHAR *file, const WCHAR *dir)
{
    size_t d = wcslen(dir);
    const WCHAR *slash = wcsrchr(file, L'\\');
    return slash != NULL && (size_t)(slash - file) == d && _wcsnicmp(file, dir, d) == 0;
}

/* A planted tapi32.dll beside the executable (the first place of the default DLL search) and in
 * the working directory (host.cmake makes them one folder). */
static int planted_path(WCHAR *out, int besideExe)
{
    DWORD n = besideExe ? GetModuleFileNameW(NULL, out, MAX_PATH)
                        : GetCurrentDirectoryW(MAX_PATH, out);
    WCHAR *slash = besideExe && n > 0 && n < MAX_PATH ? wcsrchr(out, L'\\') : NULL;
    if (slash != NULL)
        *slash = 0;
    if (n == 0 || n >= MAX_PATH - 12 || (besideExe && slash == NULL)) {
        out[0] = 0;
        return 0;
    }
    wcscat(out, L"\\tapi32.dll");
    return GetFileAttributesW(out) != INVALID_FILE_ATTRIBUTES;
}

static int is_planted(const WCHAR *file, WCHAR planted[2][MAX_PATH])
{
    return (planted[0][0] != 0 && _wcsicmp(file, planted[0]) == 0)
        || (planted[1][0] != 0 && _wcsicmp(file, planted[1]) == 0);
}

void check_system_provider(void)
{
    WCHAR planted[2][MAX_PATH], system[MAX_PATH];
    char label[3 * MAX_PATH];
    int ok = planted_path(planted[0], 1);
    check(ok, "a fake tapi32.dll is planted beside the host: %s",
          utf8(planted[0], label, sizeof label));
    ok = planted_path(planted[1], 0);
    check(ok, "a fake tapi32.dll is planted in the working directory: %s",
          utf8(planted[1], label, sizeof label));
    DWORD n = GetSystemDirectoryW(system, MAX_PATH);
    if (n == 0 || n >= MAX_PATH)
        system[0] = 0;

    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    register_fn reg =
        (register_fn)(void (*)(void))GetProcAddress(ntdll, "LdrRegisterDllNotification");
    unregister_fn unreg =
        (unregister_fn)(void (*)(void))GetProcAddress(ntdll, "LdrUnregisterDllNotification");
    PVOID cookie = NULL;
    int watching = reg != NULL && unreg != NULL && reg(0, on_dll, NULL, &cookie) == 0;
    jlong p = J0(openSystemProvider);
    if (watching)
        unreg(cookie);

    int fromSystem = watching && load_count > 0, planted_loaded = 0;
    for (int i = 0; i < load_count; i++) {
        printf("# loaded %s\n", utf8(loads[i], label, sizeof label));
        fromSystem = fromSystem && in_folder(loads[i], system);
        planted_loaded = planted_loaded || is_planted(loads[i], planted);
    }
    check(fromSystem, "openSystemProvider loads tapi32.dll from %s",
          utf8(system, label, sizeof label));
    for (int i = 0; i < 2; i++)
        planted_loaded = planted_loaded || (planted[i][0] != 0 && GetModuleHandleW(planted[i]) != NULL);
    check(!planted_loaded, "openSystemProvider loads neither planted tapi32.dll");

    if (p == 0) {
        /* wine's builtin tapi32.dll lacks lineGetAddressCapsW and lineGetLineDevStatusW */
        const char *message = fj_exception_message();
        int incomplete = message != NULL && strstr(message, "does not export") != NULL;
        check(thrown("java/lang/UnsatisfiedLinkError") && incomplete,
              "openSystemProvider refuses System32's tapi32.dll as incomplete");
        return;
    }
    check(clean(), "openSystemProvider opens it");
    HMODULE m = GetModuleHandleW(L"tapi32.dll");
    WCHAR file[MAX_PATH];
    DWORD f = m != NULL ? GetModuleFileNameW(m, file, MAX_PATH) : 0;
    check(f > 0 && f < MAX_PATH && in_folder(file, system)
              && GetProcAddress(m, "tapifake_planted") == NULL,
          "the tapi32.dll in the process is System32's: %s",
          f > 0 && f < MAX_PATH ? utf8(file, label, sizeof label) : "none");
    check(J(hasSimulatorControl, p) == JNI_FALSE && clean(), "it is not the simulator");
    J(closeProvider, p);
    check(clean(), "closeProvider of the system provider");
}

#else /* !_WIN32 */

void check_system_provider(void)
{
    jlong p = J0(openSystemProvider);
    int t = thrown("java/lang/UnsupportedOperationException");
    check(t && p == 0, "openSystemProvider: UnsupportedOperationException (no system TAPI)");
}

#endif /* !_WIN32 */
