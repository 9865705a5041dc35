/*
 * Bad pointers: every pointer argument of every exported function, given an address that is not
 * mapped, gets LINEERR_INVALPOINTER (as tapi32, whose client side probes each pointer over the
 * size it declares) and changes nothing, instead of crashing the process. A structure whose
 * dwTotalSize reaches past its real buffer, and a string that runs into unmapped memory before
 * its terminator, get the same. A completion ID pointer that goes bad between lineCompleteCall
 * and its LINE_REPLY turns the reply into LINEERR_INVALPOINTER, as tapi32's fault on writing it.
 *
 * What the simulator cannot see (tapi32's exception-based probe would): memory unmapped, or made
 * read-only, after its region passed a probe. The probe keeps a cache of good regions (emptied by
 * tapisim_reset, lineShutdown and whenever a reply-time probe finds memory gone), so such a pointer
 * still passes the probe of a later call and that call faults. The reply-time probe (completion
 * ID, lphCall) asks the system afresh and sees unmapped memory; on Linux it does not see a
 * mapping made read-only after it was probed. Also: a string longer than 65,536 characters
 * without a terminator is refused, where tapi32 would accept it.
 */
#define _DEFAULT_SOURCE 1 /* MAP_ANONYMOUS */
#include "sim_test.h"

#include <stdint.h>
#ifdef _WIN32
#include <windows.h>
#else
#include <sys/mman.h>
#include <unistd.h>
#endif

#define V31 0x00030001u
#define OWNER LINECALLPRIVILEGE_OWNER
#define BUSY_TARGET "201"

/* The addresses of the report: 1 to 0x10, 0x7FFFFFFF, 0x80000000 to 0x8000000F, 0xFFFFFFF0 to
 * 0xFFFFFFFF. */
#define NBAD 49
static void *bad_address(size_t i)
{
    uintptr_t a = i < 16 ? 1 + i : i == 16 ? 0x7FFFFFFFu : i < 33 ? 0x80000000u + (i - 17) : 0xFFFFFFF0u + (i - 33);
    return (void *)a;
}

#define FOR_BAD(p) for (size_t i_ = 0; i_ < NBAD && ((p) = bad_address(i_), 1); i_++)

#define CHECK_INVALPOINTER(call, at) do { LONG r_ = (call); CHECK_ERR(r_, LINEERR_INVALPOINTER); \
    if (r_ != (LONG)LINEERR_INVALPOINTER) fprintf(stderr, "  with address %p\n", (at)); } while (0)

/* ---- memory with an inaccessible page after it ------------------------------------------- */

static size_t page_size(void)
{
#ifdef _WIN32
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    return si.dwPageSize;
#else
    return (size_t)sysconf(_SC_PAGESIZE);
#endif
}

/* One read-write page, followed by `guard` inaccessible ones. */
static unsigned char *map_page(int guard)
{
    size_t pg = page_size();
#ifdef _WIN32
    unsigned char *p = VirtualAlloc(NULL, pg * (guard ? 2 : 1), MEM_RESERVE, PAGE_NOACCESS);
    if (p != NULL && VirtualAlloc(p, pg, MEM_COMMIT, PAGE_READWRITE) == NULL)
        p = NULL;
#else
    unsigned char *p = mmap(NULL, pg * (guard ? 2 : 1), PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        p = NULL;
    else if (guard && mprotect(p + pg, pg, PROT_NONE) != 0)
        p = NULL;
#endif
    CHECK(p != NULL);
    if (p == NULL)
        exit(1);
    return p;
}

static void unmap_page(unsigned char *p, int guard)
{
#ifdef _WIN32
    (void)guard;
    CHECK(VirtualFree(p, 0, MEM_RELEASE));
#else
    CHECK_EQ(munmap(p, page_size() * (guard ? 2 : 1)), 0);
#endif
}

/* `size` bytes that end where the accessible page ends, filled with 0xA5. */
static void *at_page_end(unsigned char *page, size_t size)
{
    unsigned char *p = page + page_size() - size;
    memset(p, 0xA5, size);
    return p;
}

static int untouched(const void *p, size_t size, size_t from)
{
    for (size_t i = from; i < size; i++)
        if (((const unsigned char *)p)[i] != 0xA5)
            return 0;
    return 1;
}

/* ---- fixtures ---------------------------------------------------------------------------- */

static HCALL busy_call(HLINEAPP app, HLINE line)
{
    CHECK_EQ(tapisim_set_station(BUSY_TARGET, TAPISIM_STATION_BUSY), 0);
    HCALL call = 0;
    CHECK(make_call(line, BUSY_TARGET, &call) > 0);
    drain(app);
    CHECK_EQ(call_state(call), LINECALLSTATE_BUSY);
    return call;
}

static LINEDEVSTATUS dev_status(HLINE line)
{
    LINEDEVSTATUS st;
    memset(&st, 0, sizeof st);
    st.dwTotalSize = sizeof st;
    CHECK_EQ(lineGetLineDevStatusW(line, &st), 0);
    return st;
}

static void check_consistent(void)
{
    char why[256];
    LONG r = tapisim_check(why, sizeof why);
    CHECK_EQ(r, 0);
    if (r != 0)
        fprintf(stderr, "  %s\n", why);
}

/* ---- every pointer argument, every bad address -------------------------------------------- */

TEST(bad_pointer_in_lineInitializeExW_crashed)
{
    static const WCHAR name[] = { 'p', 0 };
    void *bad;
    FOR_BAD(bad) {
        HLINEAPP h = 0x1234;
        DWORD numDevs = 77, ver = V31;
        LINEINITIALIZEEXPARAMS p;
        memset(&p, 0, sizeof p);
        p.dwTotalSize = sizeof p;
        p.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
        CHECK_INVALPOINTER(lineInitializeExW(bad, NULL, NULL, name, &numDevs, &ver, &p), bad);
        CHECK_INVALPOINTER(lineInitializeExW(&h, NULL, NULL, bad, &numDevs, &ver, &p), bad);
        CHECK_INVALPOINTER(lineInitializeExW(&h, NULL, NULL, name, bad, &ver, &p), bad);
        CHECK_INVALPOINTER(lineInitializeExW(&h, NULL, NULL, name, &numDevs, bad, &p), bad);
        CHECK_INVALPOINTER(lineInitializeExW(&h, NULL, NULL, name, &numDevs, &ver, bad), bad);
        CHECK_EQ(h, 0x1234);
        CHECK_EQ(numDevs, 77);
        CHECK_EQ(ver, V31);
        CHECK_EQ(p.dwNeededSize, 0);
        CHECK(p.Handles.hEvent == NULL);
    }
    /* No application came into being. */
    CHECK_ERR(lineShutdown(0x00010001u), LINEERR_UNINITIALIZED);
    check_consistent();
}

TEST(bad_pointer_in_lineNegotiateAPIVersion_crashed)
{
    HLINEAPP app = init_app("p");
    void *bad;
    FOR_BAD(bad) {
        DWORD ver = 0x55;
        LINEEXTENSIONID ext;
        memset(&ext, 0xA5, sizeof ext);
        CHECK_INVALPOINTER(lineNegotiateAPIVersion(app, 0, 0x00010004u, V31, bad, &ext), bad);
        CHECK_INVALPOINTER(lineNegotiateAPIVersion(app, 0, 0x00010004u, V31, &ver, bad), bad);
        CHECK_EQ(ver, 0x55);
        CHECK(untouched(&ext, sizeof ext, 0));
    }
    CHECK_EQ(lineShutdown(app), 0);
}

TEST(bad_pointer_in_the_get_functions_crashed)
{
    HLINEAPP app = init_app("p");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = busy_call(app, line);
    void *bad;
    FOR_BAD(bad) {
        CHECK_INVALPOINTER(lineGetDevCapsW(app, 0, V31, 0, bad), bad);
        CHECK_INVALPOINTER(lineGetAddressCapsW(app, 0, 0, V31, 0, bad), bad);
        CHECK_INVALPOINTER(lineGetLineDevStatusW(line, bad), bad);
        CHECK_INVALPOINTER(lineGetCallStatus(call, bad), bad);
        CHECK_INVALPOINTER(lineGetCallInfoW(call, bad), bad);
    }
    EXPECT_NO_MSG(app);
    CHECK_EQ(lineShutdown(app), 0);
}

TEST(bad_pointer_in_lineOpenW_crashed)
{
    HLINEAPP app = init_app("p");
    HLINE other = open_line(app, 0, V31, OWNER, 0);
    void *bad;
    FOR_BAD(bad) {
        CHECK_INVALPOINTER(lineOpenW(app, 0, bad, V31, 0, 0, OWNER, LINEMEDIAMODE_INTERACTIVEVOICE, NULL), bad);
        HLINE h = 0x1234;
        CHECK_INVALPOINTER(lineOpenW(app, 0, &h, V31, 0, 0, OWNER | LINEOPENOPTION_SINGLEADDRESS,
                                     LINEMEDIAMODE_INTERACTIVEVOICE, bad), bad);
        CHECK_EQ(h, 0x1234);
    }
    CHECK_EQ(dev_status(other).dwNumOpens, 1);
    EXPECT_NO_MSG(app);
    CHECK_EQ(lineShutdown(app), 0);
}

TEST(bad_pointer_in_lineMakeCallW_crashed)
{
    static const WCHAR dest[] = { '2', '0', '1', 0 };
    HLINEAPP app = init_app("p");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    LINECALLPARAMS cp;
    memset(&cp, 0, sizeof cp);
    cp.dwTotalSize = sizeof cp;
    void *bad;
    FOR_BAD(bad) {
        HCALL call = 0x1234;
        CHECK_INVALPOINTER(lineMakeCallW(line, bad, dest, 0, NULL), bad);
        CHECK_INVALPOINTER(lineMakeCallW(line, &call, bad, 0, NULL), bad);
        CHECK_INVALPOINTER(lineMakeCallW(line, &call, dest, 0, bad), bad);
        CHECK_EQ(call, 0x1234);
    }
    /* No call, no request: nothing queued, nothing active. */
    EXPECT_NO_MSG(app);
    CHECK_EQ(dev_status(line).dwNumActiveCalls, 0);
    HCALL call = 0;
    CHECK(lineMakeCallW(line, &call, dest, 0, &cp) > 0);
    CHECK(call != 0);
    check_consistent();
    CHECK_EQ(lineShutdown(app), 0);
}

TEST(bad_pointer_in_lineCompleteCall_crashed)
{
    HLINEAPP app = init_app("p");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = busy_call(app, line);
    void *bad;
    FOR_BAD(bad)
        CHECK_INVALPOINTER(lineCompleteCall(call, bad, LINECALLCOMPLMODE_CAMPON, 0), bad);
    EXPECT_NO_MSG(app); /* no request, so no LINE_REPLY, and no crash writing an ID */
    CHECK_EQ(dev_status(line).dwNumCallCompletions, 0);
    CHECK_EQ(call_state(call), LINECALLSTATE_BUSY);
    check_consistent();
    CHECK_EQ(lineShutdown(app), 0);
}

TEST(bad_pointer_in_lineGetMessage_crashed)
{
    HLINEAPP app = init_app("p");
    CHECK_EQ(tapisim_post_messages(app, 1), 0);
    void *bad;
    FOR_BAD(bad) {
        CHECK_INVALPOINTER(lineGetMessage(app, bad, 0), bad);
        CHECK_INVALPOINTER(lineGetMessage(app, bad, 10), bad);
    }
    /* The message is still there. */
    EXPECT_MSG(app, 0, LINE_DEVSPECIFIC, 0, 1, 0);
    CHECK_EQ(lineShutdown(app), 0);
}

TEST(bad_user_user_info_in_lineAnswer_and_lineDrop_crashed)
{
    HLINEAPP app = init_app("p");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = busy_call(app, line);
    void *bad;
    FOR_BAD(bad) {
        CHECK_INVALPOINTER(lineAnswer(call, bad, 16), bad);
        CHECK_INVALPOINTER(lineDrop(call, bad, 16), bad);
    }
    EXPECT_NO_MSG(app); /* refused synchronously: no request */
    CHECK_EQ(call_state(call), LINECALLSTATE_BUSY);
    CHECK_EQ(lineShutdown(app), 0);
}

TEST(bad_pointer_in_the_control_functions_crashed)
{
    void *bad;
    FOR_BAD(bad) {
        char buf[64];
        memset(buf, 0xA5, sizeof buf);
        DWORD needed = 0x55, offset = 0x55, size = 0x55;
        LONG value = 0x55;
        CHECK_INVALPOINTER(tapisim_set_station(bad, TAPISIM_STATION_BUSY), bad);
        CHECK_INVALPOINTER(tapisim_fail_next(bad, LINEERR_NOMEM), bad);
        CHECK_INVALPOINTER(tapisim_set_option(bad, 1), bad);
        CHECK_INVALPOINTER(tapisim_trace(bad, sizeof buf, &needed), bad);
        CHECK_INVALPOINTER(tapisim_trace(buf, sizeof buf, bad), bad);
        CHECK_INVALPOINTER(tapisim_check(bad, sizeof buf), bad);
        CHECK_INVALPOINTER(tapisim_constant(bad, &value), bad);
        CHECK_INVALPOINTER(tapisim_constant("LINE_REPLY", bad), bad);
        CHECK_INVALPOINTER(tapisim_layout(bad, NULL, &offset, &size), bad);
        CHECK_INVALPOINTER(tapisim_layout("LINECALLINFO", bad, &offset, &size), bad);
        CHECK_INVALPOINTER(tapisim_layout("LINECALLINFO", "dwReason", bad, &size), bad);
        CHECK_INVALPOINTER(tapisim_layout("LINECALLINFO", "dwReason", &offset, bad), bad);
        CHECK_EQ(needed, 0x55);
        CHECK_EQ(offset, 0x55);
        CHECK_EQ(size, 0x55);
        CHECK_EQ(value, 0x55);
        CHECK(untouched(buf, sizeof buf, 0));
    }
    check_consistent();
}

/* A bad pointer is found where a NULL one is: a bad handle checked before it still wins. */
TEST(bad_pointer_is_found_where_null_is)
{
    static const WCHAR dest[] = { '2', '0', '1', 0 };
    void *bad = bad_address(20);
    DWORD id = 0;
    /* Pointer checks that come first (tapi32's own), before any application exists. */
    CHECK_ERR(lineCompleteCall(0x999, NULL, LINECALLCOMPLMODE_CAMPON, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(lineCompleteCall(0x999, bad, LINECALLCOMPLMODE_CAMPON, 0), LINEERR_INVALPOINTER);
    CHECK_ERR(lineCompleteCall(0x999, &id, LINECALLCOMPLMODE_CAMPON, 0), LINEERR_UNINITIALIZED);
    CHECK_ERR(lineGetCallStatus(0x999, bad), LINEERR_INVALPOINTER);
    CHECK_ERR(lineOpenW(0x999, 0, bad, V31, 0, 0, OWNER, LINEMEDIAMODE_INTERACTIVEVOICE, NULL),
              LINEERR_INVALPOINTER);
    /* lineMakeCallW checks the line handle before its pointers. */
    CHECK_ERR(lineMakeCallW(0x999, NULL, dest, 0, NULL), LINEERR_UNINITIALIZED);
    CHECK_ERR(lineMakeCallW(0x999, bad, dest, 0, NULL), LINEERR_UNINITIALIZED);
    HLINEAPP app = init_app("p");
    CHECK_ERR(lineMakeCallW(0x999, NULL, dest, 0, NULL), LINEERR_INVALLINEHANDLE);
    CHECK_ERR(lineMakeCallW(0x999, bad, dest, 0, NULL), LINEERR_INVALLINEHANDLE);
    CHECK_ERR(lineMakeCallW(0x999, &id, bad, 0, NULL), LINEERR_INVALLINEHANDLE);
    /* lineOpenW reads lpCallParams only with LINEOPENOPTION_SINGLEADDRESS. */
    HLINE line = 0;
    CHECK_EQ(lineOpenW(app, 0, &line, V31, 0, 0, OWNER, LINEMEDIAMODE_INTERACTIVEVOICE, bad), 0);
    /* A NULL user-user info is none at all; a size of 0 reads nothing. */
    HCALL call = busy_call(app, line);
    CHECK(lineDrop(call, bad, 0) > 0);
    CHECK_EQ(lineShutdown(app), 0);
}

/* ---- declared sizes past the real buffer ---------------------------------------------------- */

TEST(total_size_past_the_buffer_wrote_past_it)
{
    HLINEAPP app = init_app("p");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = busy_call(app, line);
    unsigned char *page = map_page(1);
    /* Each structure's full size fits before the guard page; it declares 512 bytes more. */
#define PAST(type, callexpr) do { type *s_ = at_page_end(page, sizeof(type)); \
        DWORD total_ = (DWORD)sizeof(type) + 512; memcpy(s_, &total_, sizeof total_); \
        CHECK_INVALPOINTER(callexpr, (void *)s_); CHECK(untouched(s_, sizeof(type), 4)); } while (0)
    PAST(LINEADDRESSCAPS, lineGetAddressCapsW(app, 0, 0, V31, 0, s_));
    PAST(LINECALLINFO, lineGetCallInfoW(call, s_));
    PAST(LINEDEVCAPS, lineGetDevCapsW(app, 0, V31, 0, s_));
    PAST(LINEDEVSTATUS, lineGetLineDevStatusW(line, s_));
    PAST(LINECALLSTATUS, lineGetCallStatus(call, s_));
    HLINEAPP h = 0;
    DWORD numDevs = 0, ver = V31;
    PAST(LINEINITIALIZEEXPARAMS, lineInitializeExW(&h, NULL, NULL, NULL, &numDevs, &ver, s_));
    HLINE l2 = 0;
    PAST(LINECALLPARAMS, lineOpenW(app, 1, &l2, V31, 0, 0, OWNER | LINEOPENOPTION_SINGLEADDRESS,
                                   LINEMEDIAMODE_INTERACTIVEVOICE, s_));
    static const WCHAR dest[] = { '5', '5', '5', 0 };
    HCALL c2 = 0;
    PAST(LINECALLPARAMS, lineMakeCallW(line, &c2, dest, 0, s_));
#undef PAST
    /* The declared size exactly to the end of the page is fine. */
    LINECALLSTATUS *st = at_page_end(page, sizeof(LINECALLSTATUS) + 64);
    st->dwTotalSize = (DWORD)sizeof(LINECALLSTATUS) + 64;
    CHECK_EQ(lineGetCallStatus(call, st), 0);
    CHECK_EQ(st->dwCallState, LINECALLSTATE_BUSY);
    /* Out-parameters that straddle the end of the page. */
    DWORD *half = (DWORD *)(void *)(page + page_size() - 2);
    CHECK_INVALPOINTER(lineCompleteCall(call, half, LINECALLCOMPLMODE_CAMPON, 0), (void *)half);
    CHECK_INVALPOINTER(lineMakeCallW(line, (HCALL *)half, dest, 0, NULL), (void *)half);
    EXPECT_NO_MSG(app);
    CHECK_EQ(h, 0);
    CHECK_EQ(l2, 0);
    CHECK_EQ(c2, 0);
    unmap_page(page, 1);
    check_consistent();
    CHECK_EQ(lineShutdown(app), 0);
}

TEST(string_running_into_unmapped_memory_was_read_past_it)
{
    HLINEAPP app = init_app("p");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    unsigned char *page = map_page(1);
    /* "555" without its terminator, ending at the guard page. */
    WCHAR *w = at_page_end(page, 3 * sizeof(WCHAR));
    w[0] = w[1] = w[2] = '5';
    HCALL call = 0;
    CHECK_INVALPOINTER(lineMakeCallW(line, &call, w, 0, NULL), (void *)w);
    HLINEAPP h = 0;
    DWORD numDevs = 0, ver = V31;
    LINEINITIALIZEEXPARAMS p;
    memset(&p, 0, sizeof p);
    p.dwTotalSize = sizeof p;
    p.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
    CHECK_INVALPOINTER(lineInitializeExW(&h, NULL, NULL, w, &numDevs, &ver, &p), (void *)w);
    char *s = at_page_end(page, 3);
    memcpy(s, "201", 3);
    CHECK_INVALPOINTER(tapisim_set_station(s, TAPISIM_STATION_BUSY), (void *)s);
    CHECK_INVALPOINTER(tapisim_set_option(s, 1), (void *)s);
    CHECK_INVALPOINTER(tapisim_fail_next(s, LINEERR_NOMEM), (void *)s);
    LONG value = 0;
    CHECK_INVALPOINTER(tapisim_constant(s, &value), (void *)s);
    /* The same string with its terminator, the last character of the page: accepted. */
    w = at_page_end(page, 4 * sizeof(WCHAR));
    w[0] = w[1] = w[2] = '5';
    w[3] = 0;
    LONG req = lineMakeCallW(line, &call, w, 0, NULL);
    CHECK(req > 0);
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, 0, 0);
    CHECK_EQ(h, 0);
    unmap_page(page, 1);
    CHECK_EQ(lineShutdown(app), 0);
}

/* ---- out-parameters written at reply time -------------------------------------------------- */

TEST(completion_id_unmapped_before_the_reply_crashed_lineGetMessage)
{
    HLINEAPP app = init_app("p");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = busy_call(app, line);
    unsigned char *page = map_page(0);
    DWORD *id = (DWORD *)(void *)page;
    *id = 0x55;
    LONG req = lineCompleteCall(call, id, LINECALLCOMPLMODE_CAMPON, 0);
    CHECK(req > 0);
    unmap_page(page, 0);
    /* The switch accepts; writing the ID fails; the reply says so and nothing was created. */
    EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_INVALPOINTER, 0);
    EXPECT_NO_MSG(app);
    CHECK_EQ(dev_status(line).dwNumCallCompletions, 0);
    CHECK_EQ(call_state(call), LINECALLSTATE_BUSY);
    check_consistent();
    /* The call can still be completed, with a good pointer. */
    DWORD good = 0;
    req = lineCompleteCall(call, &good, LINECALLCOMPLMODE_CAMPON, 0);
    CHECK(req > 0);
    LINEMESSAGE m;
    CHECK(next_msg(app, &m));
    CHECK_EQ(m.dwMessageID, LINE_REPLY);
    CHECK_EQ((DWORD)m.dwParam2, 0);
    CHECK(good != 0);
    CHECK_EQ(dev_status(line).dwNumCallCompletions, 1);
    check_consistent();
    CHECK_EQ(lineShutdown(app), 0);
}

/* A pointer that goes bad after a probe passed it: the next synchronous probe may not notice
 * (the divergence above), the reply-time one does; either way nothing is written, and from then
 * on the synchronous probe refuses it. */
TEST(completion_id_unmapped_after_an_earlier_probe_crashed)
{
    HLINEAPP app = init_app("p");
    HLINE line = open_line(app, 0, V31, OWNER, 0);
    HCALL call = busy_call(app, line);
    unsigned char *page = map_page(0);
    DWORD *id = (DWORD *)(void *)page;
    CHECK(lineCompleteCall(call, id, 3, 0) < 0); /* refused (two mode bits), but probed */
    unmap_page(page, 0);
    LONG req = lineCompleteCall(call, id, LINECALLCOMPLMODE_CAMPON, 0);
    if (req > 0) /* the cache still held the page */
        EXPECT_MSG(app, 0, LINE_REPLY, (DWORD)req, (DWORD)LINEERR_INVALPOINTER, 0);
    else
        CHECK_ERR(req, LINEERR_INVALPOINTER);
    EXPECT_NO_MSG(app);
    CHECK_INVALPOINTER(lineCompleteCall(call, id, LINECALLCOMPLMODE_CAMPON, 0), (void *)id);
    CHECK_EQ(dev_status(line).dwNumCallCompletions, 0);
    check_consistent();
    CHECK_EQ(lineShutdown(app), 0);
}

int main(int argc, char **argv)
{
    static const test_case tests[] = {
        T(bad_pointer_in_lineInitializeExW_crashed),
        T(bad_pointer_in_lineNegotiateAPIVersion_crashed),
        T(bad_pointer_in_the_get_functions_crashed),
        T(bad_pointer_in_lineOpenW_crashed),
        T(bad_pointer_in_lineMakeCallW_crashed),
        T(bad_pointer_in_lineCompleteCall_crashed),
        T(bad_pointer_in_lineGetMessage_crashed),
        T(bad_user_user_info_in_lineAnswer_and_lineDrop_crashed),
        T(bad_pointer_in_the_control_functions_crashed),
        T(bad_pointer_is_found_where_null_is),
        T(total_size_past_the_buffer_wrote_past_it),
        T(string_running_into_unmapped_memory_was_read_past_it),
        T(completion_id_unmapped_before_the_reply_crashed_lineGetMessage),
        T(completion_id_unmapped_after_an_earlier_probe_crashed),
    };
    return run_tests(tests, sizeof tests / sizeof *tests, argc, argv);
}
