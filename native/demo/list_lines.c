/*
 * tapisim-lines: lists the line devices of a TAPI implementation with their call completion
 * capabilities, using only the standard TAPI 2.x API (so it runs against libtapisim or, built on
 * Windows, against tapi32.dll).
 *
 *   line 0  "Simulated line 100"  API 3.1  address "100"  max completions 4  modes CAMPON ...
 *           message 0  "..."
 *
 * Every TAPI error is reported as "LINEERR 0x%08X from <function>" on stderr, exit status 1.
 */
#include "tapi_abi.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define API_LOW  0x00010004u /* TAPI 1.4 */
#define API_HIGH 0x00030001u /* TAPI 3.1 */

static HLINEAPP g_app;
static int g_initialized;

static void fail(const char *function, LONG rc)
{
    fprintf(stderr, "LINEERR 0x%08X from %s\n", (unsigned)(DWORD)rc, function);
    if (g_initialized) {
        g_initialized = 0;
        (void)lineShutdown(g_app);
    }
    exit(1);
}

static void fail_msg(const char *what)
{
    fprintf(stderr, "tapisim-lines: %s\n", what);
    if (g_initialized) {
        g_initialized = 0;
        (void)lineShutdown(g_app);
    }
    exit(1);
}

/* The three DWORDs every variable-size TAPI structure starts with. */
static DWORD header_field(const void *s, int index)
{
    DWORD v;
    memcpy(&v, (const unsigned char *)s + (size_t)index * sizeof(DWORD), sizeof v);
    return v;
}
#define TOTAL_SIZE(s)  header_field((s), 0)
#define NEEDED_SIZE(s) header_field((s), 1)
#define USED_SIZE(s)   header_field((s), 2)

/* What to fetch: lineGetDevCapsW or lineGetAddressCapsW of one device. */
struct query {
    DWORD device;
    DWORD address;
    DWORD version;
};

static LONG get_dev_caps(const struct query *q, void *buf)
{
    return lineGetDevCapsW(g_app, q->device, q->version, 0, (LINEDEVCAPS *)buf);
}

static LONG get_address_caps(const struct query *q, void *buf)
{
    return lineGetAddressCapsW(g_app, q->device, q->address, q->version, 0,
                               (LINEADDRESSCAPS *)buf);
}

/*
 * The variable-size protocol: call with the fixed size, and while the result says it needs more
 * (dwNeededSize > dwUsedSize), allocate dwNeededSize bytes and call again. The caller frees.
 */
static void *get_var_struct(const char *function, LONG (*get)(const struct query *, void *),
                            const struct query *q, DWORD fixed_size)
{
    DWORD size = fixed_size;
    for (int attempt = 0; attempt < 8; attempt++) {
        void *buf = calloc(1, size);
        if (buf == NULL)
            fail_msg("out of memory");
        memcpy(buf, &size, sizeof size); /* dwTotalSize */
        LONG rc = get(q, buf);
        if (rc != 0) {
            free(buf);
            fail(function, rc);
        }
        DWORD needed = NEEDED_SIZE(buf), used = USED_SIZE(buf);
        if (needed <= used || needed <= size)
            return buf;
        free(buf);
        size = needed;
    }
    fail_msg("the structure kept growing (dwNeededSize)");
    return NULL;
}

/* A variable part [offset, offset + size) lies inside the filled part of the structure. */
static int var_part_ok(const void *s, DWORD offset, DWORD size)
{
    DWORD used = USED_SIZE(s);
    return size != 0 && offset <= used && size <= used - offset;
}

/*
 * Appends UTF-16 (WCHAR = 16-bit code units, host byte order) as UTF-8 to out, stopping at a NUL
 * or after max_units units. Unpaired surrogates become U+FFFD.
 */
static void utf16_to_utf8(const unsigned char *src, size_t max_units, char *out, size_t out_size)
{
    size_t n = 0;
    for (size_t i = 0; i < max_units; i++) {
        uint16_t u;
        memcpy(&u, src + 2 * i, sizeof u);
        if (u == 0)
            break;
        uint32_t cp = u;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < max_units) {
            uint16_t lo;
            memcpy(&lo, src + 2 * (i + 1), sizeof lo);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000u + (((uint32_t)u - 0xD800u) << 10) + ((uint32_t)lo - 0xDC00u);
                i++;
            } else {
                cp = 0xFFFD;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            cp = 0xFFFD;
        }

        unsigned char enc[4];
        size_t len;
        if (cp < 0x80) {
            enc[0] = (unsigned char)cp;
            len = 1;
        } else if (cp < 0x800) {
            enc[0] = (unsigned char)(0xC0 | (cp >> 6));
            enc[1] = (unsigned char)(0x80 | (cp & 0x3F));
            len = 2;
        } else if (cp < 0x10000) {
            enc[0] = (unsigned char)(0xE0 | (cp >> 12));
            enc[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            enc[2] = (unsigned char)(0x80 | (cp & 0x3F));
            len = 3;
        } else {
            enc[0] = (unsigned char)(0xF0 | (cp >> 18));
            enc[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
            enc[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            enc[3] = (unsigned char)(0x80 | (cp & 0x3F));
            len = 4;
        }
        if (n + len >= out_size)
            break;
        memcpy(out + n, enc, len);
        n += len;
    }
    if (out_size > 0)
        out[n] = '\0';
}

/* The UTF-16 string at [offset, offset + size) of s as UTF-8, or "" if absent or out of range. */
static void var_string(const void *s, DWORD offset, DWORD size, char *out, size_t out_size)
{
    out[0] = '\0';
    if (var_part_ok(s, offset, size))
        utf16_to_utf8((const unsigned char *)s + offset, size / 2, out, out_size);
}

static void print_bits(DWORD value, const DWORD *bits, const char *const *names, size_t count)
{
    int any = 0;
    for (size_t i = 0; i < count; i++) {
        if (value & bits[i]) {
            printf(" %s", names[i]);
            any = 1;
        }
    }
    if (!any)
        printf(" none");
}

static void list_line(DWORD device)
{
    DWORD version = 0;
    LINEEXTENSIONID ext;
    memset(&ext, 0, sizeof ext);
    LONG rc = lineNegotiateAPIVersion(g_app, device, API_LOW, API_HIGH, &version, &ext);
    if (rc != 0)
        fail("lineNegotiateAPIVersion", rc);

    struct query q = { device, 0, version };
    char name[256], address[256];

    LINEDEVCAPS *dev = get_var_struct("lineGetDevCapsW", get_dev_caps, &q, sizeof(LINEDEVCAPS));
    var_string(dev, dev->dwLineNameOffset, dev->dwLineNameSize, name, sizeof name);
    free(dev);

    LINEADDRESSCAPS *caps = get_var_struct("lineGetAddressCapsW", get_address_caps, &q,
                                           sizeof(LINEADDRESSCAPS));
    var_string(caps, caps->dwAddressOffset, caps->dwAddressSize, address, sizeof address);

    static const DWORD mode_bits[] = {
        LINECALLCOMPLMODE_CAMPON, LINECALLCOMPLMODE_CALLBACK,
        LINECALLCOMPLMODE_INTRUDE, LINECALLCOMPLMODE_MESSAGE,
    };
    static const char *const mode_names[] = { "CAMPON", "CALLBACK", "INTRUDE", "MESSAGE" };
    static const DWORD cond_bits[] = { LINECALLCOMPLCOND_BUSY, LINECALLCOMPLCOND_NOANSWER };
    static const char *const cond_names[] = { "BUSY", "NOANSWER" };

    printf("line %u  \"%s\"  API %u.%u  address \"%s\"  max completions %u  modes",
           (unsigned)device, name, (unsigned)(version >> 16), (unsigned)(version & 0xFFFF),
           address, (unsigned)caps->dwMaxCallCompletions);
    print_bits(caps->dwCallCompletionModes, mode_bits, mode_names, 4);
    printf("  conditions");
    print_bits(caps->dwCallCompletionConds, cond_bits, cond_names, 2);
    printf("\n");

    /* dwNumCompletionMessages entries of dwCompletionMsgTextEntrySize bytes each, NUL-padded. */
    DWORD count = caps->dwNumCompletionMessages;
    DWORD entry = caps->dwCompletionMsgTextEntrySize;
    DWORD offset = caps->dwCompletionMsgTextOffset;
    DWORD total = caps->dwCompletionMsgTextSize;
    if (count > 0 && entry > 0 && count <= total / entry && var_part_ok(caps, offset, total)) {
        for (DWORD i = 0; i < count; i++) {
            char text[512];
            utf16_to_utf8((const unsigned char *)caps + offset + (size_t)i * entry, entry / 2,
                          text, sizeof text);
            printf("        message %u  \"%s\"\n", (unsigned)i, text);
        }
    } else if (count > 0) {
        printf("        %u completion messages (texts not returned)\n", (unsigned)count);
    }
    free(caps);
}

int main(void)
{
    static const WCHAR app_name[] = {
        't', 'a', 'p', 'i', 's', 'i', 'm', '-', 'l', 'i', 'n', 'e', 's', 0
    };
    LINEINITIALIZEEXPARAMS params;
    memset(&params, 0, sizeof params);
    params.dwTotalSize = sizeof params;
    params.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;

    DWORD num_devs = 0;
    DWORD api_version = API_HIGH;
    LONG rc = lineInitializeExW(&g_app, NULL, NULL, app_name, &num_devs, &api_version, &params);
    if (rc != 0)
        fail("lineInitializeExW", rc);
    g_initialized = 1;

    printf("%u line devices, TAPI %u.%u\n", (unsigned)num_devs, (unsigned)(api_version >> 16),
           (unsigned)(api_version & 0xFFFF));
    for (DWORD id = 0; id < num_devs; id++)
        list_line(id);

    g_initialized = 0;
    rc = lineShutdown(g_app);
    if (rc != 0)
        fail("lineShutdown", rc);
    return 0;
}
