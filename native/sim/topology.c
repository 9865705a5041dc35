/*
 * The topology of the switch: how many line devices, their numbers and names, and each one's
 * addresses with their call completion caps (tapisim_set_lines, tapisim_set_line,
 * tapisim_set_addresses, tapisim_set_completion_caps, tapisim_set_completion_messages and their
 * per-address forms, tapisim_set_dial_caps). A line has one address by default; address 0's number is the line's.
 *
 * The topology changes only while no application is initialised: a device ID, a number or a
 * caps value that an application has already read must not change under it (tapi32 tells a
 * running application about new or removed devices with LINE_CREATE / LINE_REMOVE, which the
 * simulator does not send). So each setter refuses with LINEERR_INUSE while an application is
 * initialised, and changes nothing when it refuses.
 */
#include "sim_internal.h"

#include <stdio.h>
#include <string.h>

/* Completion message texts of a line by default, message IDs 0..2. */
static const char *const k_default_messages[] = {
    "Please call me back",
    "I will call again later",
    "Urgent: please call me",
};
#define NUM_DEFAULT_MESSAGES ((DWORD)(sizeof k_default_messages / sizeof *k_default_messages))

#define ALL_COMPLMODES (LINECALLCOMPLMODE_CAMPON | LINECALLCOMPLMODE_CALLBACK \
                        | LINECALLCOMPLMODE_INTRUDE | LINECALLCOMPLMODE_MESSAGE)
#define ALL_COMPLCONDS (LINECALLCOMPLCOND_BUSY | LINECALLCOMPLCOND_NOANSWER)

static void default_name(sim_device *dev)
{
    static const char prefix[] = "Simulated line ";
    const char *number = dev->addr[0].number;
    memcpy(dev->name, prefix, sizeof prefix - 1);
    memcpy(dev->name + sizeof prefix - 1, number, strlen(number) + 1); /* fits: 15 + 31 */
}

static void default_messages(sim_address *a)
{
    memset(a->messages, 0, sizeof a->messages);
    a->numMessages = NUM_DEFAULT_MESSAGES;
    for (DWORD i = 0; i < NUM_DEFAULT_MESSAGES; i++)
        snprintf(a->messages[i], sizeof a->messages[i], "%s", k_default_messages[i]);
}

/* An address as it is by default, but for its number. */
static void default_address(sim_address *a)
{
    memset(a, 0, sizeof *a);
    a->stationState = TAPISIM_STATION_IDLE;
    a->maxCompletions = 4;
    a->complModes = ALL_COMPLMODES;
    a->complConds = ALL_COMPLCONDS;
    default_messages(a);
}

/* Line `i` as it is by default: one address, numbered "1" followed by two digits of i ("100",
 * "101", ...). */
static void default_line(sim_device *dev, DWORD i)
{
    memset(dev, 0, sizeof *dev);
    dev->id = i;
    dev->numAddresses = 1;
    default_address(&dev->addr[0]);
    snprintf(dev->addr[0].number, sizeof dev->addr[0].number, "1%02u", (unsigned)i);
    default_name(dev);
    dev->nextCompletionId = 1;
    dev->dialCaps = LINEDEVCAPFLAGS_DIALDIALTONE; /* a switch line always has dial tone */
}

static void set_count(DWORD count)
{
    g_sim.numDevices = count;
    for (DWORD i = 0; i < count; i++)
        default_line(&g_sim.devices[i], i);
}

void sim_topology_default(void)
{
    set_count(TAPISIM_DEFAULT_LINES);
}

/* A line name or a message text: 1 to TAPISIM_NAME_MAX printable ASCII characters (the
 * structures carry them as UTF-16, one unit per character). `len` bytes of `s` are checked. */
static int valid_text(const char *s, size_t len)
{
    if (len == 0 || len > TAPISIM_NAME_MAX)
        return 0;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7E)
            return 0;
    return 1;
}

/* The lock held: LINEERR_INUSE while an application is initialised, LINEERR_BADDEVICEID for a
 * device that is not configured (skipped with `id` (DWORD)-1), else 0. */
static LONG setter_prolog(DWORD id)
{
    if (g_sim.apps != NULL || g_sim.calls != NULL || g_sim.completions != NULL)
        return LINEERR_INUSE;
    if (id != (DWORD)-1 && id >= g_sim.numDevices)
        return LINEERR_BADDEVICEID;
    return 0;
}

/* As setter_prolog, and LINEERR_INVALADDRESSID for an address the line does not have. */
static LONG address_prolog(DWORD id, DWORD addressId)
{
    LONG r = setter_prolog(id);
    if (r == 0 && addressId >= g_sim.devices[id].numAddresses)
        r = LINEERR_INVALADDRESSID;
    return r;
}

/* `number` is an address of a line other than `except` (numbers are unique: a call must reach
 * one address). */
static int number_taken(const char *number, DWORD except)
{
    DWORD addressId;
    const sim_device *dev = sim_address_by_number(number, &addressId);
    return dev != NULL && dev->id != except;
}

/* ---- tapisim_set_lines ---------------------------------------------------------------- */
SIM_EXPORT LONG tapisim_set_lines(DWORD count)
{
    sim_lock();
    LONG r = setter_prolog((DWORD)-1);
    if (r == 0 && (count == 0 || count > TAPISIM_MAX_LINES))
        r = LINEERR_INVALPARAM;
    if (r == 0)
        set_count(count);
    r = sim_ret(r, "tapisim_set_lines(%" PRIuDW ")", count);
    sim_unlock();
    return r;
}

/* ---- tapisim_set_line ----------------------------------------------------------------- */
SIM_EXPORT LONG tapisim_set_line(DWORD deviceId, const char *number, const char *name)
{
    if (!sim_cstr_ok(number) || (name != NULL && !sim_cstr_ok(name)))
        return LINEERR_INVALPOINTER;
    sim_lock();
    LONG r = setter_prolog(deviceId);
    if (r == 0) {
        if (!sim_valid_number(number))
            r = LINEERR_INVALADDRESS;
        else if (number_taken(number, deviceId))
            r = LINEERR_INVALADDRESS;
        for (DWORD i = 1; r == 0 && i < g_sim.devices[deviceId].numAddresses; i++)
            if (strcmp(g_sim.devices[deviceId].addr[i].number, number) == 0)
                r = LINEERR_INVALADDRESS; /* another address of this line */
    }
    if (r == 0 && name != NULL && !valid_text(name, strlen(name)))
        r = LINEERR_INVALPARAM;
    if (r == 0) {
        sim_device *dev = &g_sim.devices[deviceId];
        snprintf(dev->addr[0].number, sizeof dev->addr[0].number, "%s", number);
        if (name != NULL)
            snprintf(dev->name, sizeof dev->name, "%s", name);
        else
            default_name(dev);
    }
    /* what the application passed is printed only once known to be a short ASCII string */
    r = sim_ret(r, "tapisim_set_line(%" PRIuDW ", \"%s\", \"%s\")", deviceId,
                r == 0 ? g_sim.devices[deviceId].addr[0].number : "?",
                r == 0 ? g_sim.devices[deviceId].name : "?");
    sim_unlock();
    return r;
}

/* ---- tapisim_set_address_completion_caps ---------------------------------------------- */
SIM_EXPORT LONG tapisim_set_address_completion_caps(DWORD deviceId, DWORD addressId,
                                                    DWORD maxCompletions, DWORD modes,
                                                    DWORD conditions)
{
    sim_lock();
    LONG r = address_prolog(deviceId, addressId);
    if (r == 0 && (maxCompletions > TAPISIM_MAX_CALL_COMPLETIONS || (modes & ~(DWORD)ALL_COMPLMODES)
                   || (conditions & ~(DWORD)ALL_COMPLCONDS)))
        r = LINEERR_INVALPARAM;
    if (r == 0) {
        sim_address *a = &g_sim.devices[deviceId].addr[addressId];
        a->maxCompletions = maxCompletions;
        a->complModes = modes;
        a->complConds = conditions;
    }
    r = sim_ret(r, "tapisim_set_address_completion_caps(%" PRIuDW ", %" PRIuDW ", %" PRIuDW
                ", 0x%" PRIXDW ", 0x%" PRIXDW ")", deviceId, addressId, maxCompletions, modes,
                conditions);
    sim_unlock();
    return r;
}

/* ---- tapisim_set_completion_caps ------------------------------------------------------ */
SIM_EXPORT LONG tapisim_set_completion_caps(DWORD deviceId, DWORD maxCompletions, DWORD modes,
                                            DWORD conditions)
{
    return tapisim_set_address_completion_caps(deviceId, 0, maxCompletions, modes, conditions);
}

/* ---- tapisim_set_dial_caps ------------------------------------------------------------ */
SIM_EXPORT LONG tapisim_set_dial_caps(DWORD deviceId, DWORD devCapFlags)
{
    sim_lock();
    LONG r = setter_prolog(deviceId);
    if (r == 0 && (devCapFlags & ~(DWORD)SIM_DIAL_CAPS))
        r = LINEERR_INVALPARAM;
    if (r == 0)
        g_sim.devices[deviceId].dialCaps = devCapFlags;
    r = sim_ret(r, "tapisim_set_dial_caps(%" PRIuDW ", 0x%" PRIXDW ")", deviceId, devCapFlags);
    sim_unlock();
    return r;
}

/* ---- tapisim_set_address_completion_messages ------------------------------------------ */
SIM_EXPORT LONG tapisim_set_address_completion_messages(DWORD deviceId, DWORD addressId,
                                                        const char *texts)
{
    if (texts != NULL && !sim_cstr_ok(texts))
        return LINEERR_INVALPOINTER;
    sim_lock();
    LONG r = address_prolog(deviceId, addressId);
    DWORD n = 0;
    const char *start[TAPISIM_MAX_COMPLETION_MESSAGES];
    size_t len[TAPISIM_MAX_COMPLETION_MESSAGES];
    if (r == 0 && texts != NULL && texts[0] != '\0') {
        for (const char *p = texts; r == 0;) {
            const char *end = strchr(p, '\n');
            size_t l = end ? (size_t)(end - p) : strlen(p);
            if (n == TAPISIM_MAX_COMPLETION_MESSAGES || !valid_text(p, l))
                r = LINEERR_INVALPARAM;
            else {
                start[n] = p;
                len[n++] = l;
            }
            if (end == NULL)
                break;
            p = end + 1;
        }
    }
    if (r == 0) {
        sim_address *a = &g_sim.devices[deviceId].addr[addressId];
        if (texts == NULL) {
            default_messages(a);
        } else {
            memset(a->messages, 0, sizeof a->messages);
            a->numMessages = n;
            for (DWORD i = 0; i < n; i++)
                memcpy(a->messages[i], start[i], len[i]);
        }
    }
    r = sim_ret(r, "tapisim_set_address_completion_messages(%" PRIuDW ", %" PRIuDW ", %s)",
                deviceId, addressId, texts == NULL ? "NULL" : r == 0 ? "<texts>" : "?");
    sim_unlock();
    return r;
}

/* ---- tapisim_set_completion_messages -------------------------------------------------- */
SIM_EXPORT LONG tapisim_set_completion_messages(DWORD deviceId, const char *texts)
{
    return tapisim_set_address_completion_messages(deviceId, 0, texts);
}

/* ---- tapisim_set_addresses ------------------------------------------------------------ */
/* The whole list is checked before anything changes, so a refused call leaves the line as it
 * was; its own old numbers may be listed again (in any position). */
SIM_EXPORT LONG tapisim_set_addresses(DWORD deviceId, const char *numbers)
{
    if (!sim_cstr_ok(numbers))
        return LINEERR_INVALPOINTER;
    sim_lock();
    LONG r = setter_prolog(deviceId);
    char list[TAPISIM_MAX_ADDRESSES][SIM_NUMBER_MAX];
    DWORD n = 0;
    for (const char *p = numbers; r == 0;) {
        const char *end = strchr(p, '\n');
        size_t l = end ? (size_t)(end - p) : strlen(p);
        if (n == TAPISIM_MAX_ADDRESSES) {
            r = LINEERR_INVALPARAM;
            break;
        }
        if (l == 0 || l >= SIM_NUMBER_MAX) {
            r = l == 0 && end == NULL && n == 0 ? (LONG)LINEERR_INVALPARAM : (LONG)LINEERR_INVALADDRESS;
            break;
        }
        memcpy(list[n], p, l);
        list[n][l] = '\0';
        if (!sim_valid_number(list[n]) || number_taken(list[n], deviceId))
            r = LINEERR_INVALADDRESS;
        for (DWORD i = 0; r == 0 && i < n; i++)
            if (strcmp(list[i], list[n]) == 0)
                r = LINEERR_INVALADDRESS;
        n++;
        if (end == NULL)
            break;
        p = end + 1;
    }
    if (r == 0) {
        sim_device *dev = &g_sim.devices[deviceId];
        for (DWORD i = dev->numAddresses; i < n; i++)
            default_address(&dev->addr[i]);
        for (DWORD i = n; i < TAPISIM_MAX_ADDRESSES; i++)
            memset(&dev->addr[i], 0, sizeof dev->addr[i]);
        for (DWORD i = 0; i < n; i++)
            memcpy(dev->addr[i].number, list[i], sizeof list[i]);
        dev->numAddresses = n;
    }
    r = sim_ret(r, "tapisim_set_addresses(%" PRIuDW ", %s) count=%" PRIuDW, deviceId,
                r == 0 ? "<numbers>" : "?", r == 0 ? n : 0);
    sim_unlock();
    return r;
}
