/*
 * The topology of the switch: how many line devices, their numbers and names, and each one's
 * call completion caps (tapisim_set_lines, tapisim_set_line, tapisim_set_completion_caps,
 * tapisim_set_completion_messages). Every line has one address, whose number is the line's.
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
    memcpy(dev->name, prefix, sizeof prefix - 1);
    memcpy(dev->name + sizeof prefix - 1, dev->number, strlen(dev->number) + 1); /* fits: 15 + 31 */
}

static void default_messages(sim_device *dev)
{
    dev->numMessages = NUM_DEFAULT_MESSAGES;
    for (DWORD i = 0; i < NUM_DEFAULT_MESSAGES; i++)
        snprintf(dev->messages[i], sizeof dev->messages[i], "%s", k_default_messages[i]);
}

/* Line `i` as it is by default: number "1" followed by two digits of i ("100", "101", ...). */
static void default_line(sim_device *dev, DWORD i)
{
    memset(dev, 0, sizeof *dev);
    dev->id = i;
    snprintf(dev->number, sizeof dev->number, "1%02u", (unsigned)i);
    default_name(dev);
    dev->stationState = TAPISIM_STATION_IDLE;
    dev->maxCompletions = 4;
    dev->complModes = ALL_COMPLMODES;
    dev->complConds = ALL_COMPLCONDS;
    default_messages(dev);
    dev->nextCompletionId = 1;
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
        for (DWORD i = 0; r == 0 && i < g_sim.numDevices; i++)
            if (i != deviceId && strcmp(g_sim.devices[i].number, number) == 0)
                r = LINEERR_INVALADDRESS; /* numbers are unique: a call must reach one line */
    }
    if (r == 0 && name != NULL && !valid_text(name, strlen(name)))
        r = LINEERR_INVALPARAM;
    if (r == 0) {
        sim_device *dev = &g_sim.devices[deviceId];
        snprintf(dev->number, sizeof dev->number, "%s", number);
        if (name != NULL)
            snprintf(dev->name, sizeof dev->name, "%s", name);
        else
            default_name(dev);
    }
    /* what the application passed is printed only once known to be a short ASCII string */
    r = sim_ret(r, "tapisim_set_line(%" PRIuDW ", \"%s\", \"%s\")", deviceId,
                r == 0 ? g_sim.devices[deviceId].number : "?",
                r == 0 ? g_sim.devices[deviceId].name : "?");
    sim_unlock();
    return r;
}

/* ---- tapisim_set_completion_caps ------------------------------------------------------ */
SIM_EXPORT LONG tapisim_set_completion_caps(DWORD deviceId, DWORD maxCompletions, DWORD modes,
                                            DWORD conditions)
{
    sim_lock();
    LONG r = setter_prolog(deviceId);
    if (r == 0 && (maxCompletions > TAPISIM_MAX_CALL_COMPLETIONS || (modes & ~(DWORD)ALL_COMPLMODES)
                   || (conditions & ~(DWORD)ALL_COMPLCONDS)))
        r = LINEERR_INVALPARAM;
    if (r == 0) {
        sim_device *dev = &g_sim.devices[deviceId];
        dev->maxCompletions = maxCompletions;
        dev->complModes = modes;
        dev->complConds = conditions;
    }
    r = sim_ret(r, "tapisim_set_completion_caps(%" PRIuDW ", %" PRIuDW ", 0x%" PRIXDW ", 0x%" PRIXDW ")",
                deviceId, maxCompletions, modes, conditions);
    sim_unlock();
    return r;
}

/* ---- tapisim_set_completion_messages -------------------------------------------------- */
SIM_EXPORT LONG tapisim_set_completion_messages(DWORD deviceId, const char *texts)
{
    if (texts != NULL && !sim_cstr_ok(texts))
        return LINEERR_INVALPOINTER;
    sim_lock();
    LONG r = setter_prolog(deviceId);
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
        sim_device *dev = &g_sim.devices[deviceId];
        if (texts == NULL) {
            default_messages(dev);
        } else {
            memset(dev->messages, 0, sizeof dev->messages);
            dev->numMessages = n;
            for (DWORD i = 0; i < n; i++)
                memcpy(dev->messages[i], start[i], len[i]);
        }
    }
    r = sim_ret(r, "tapisim_set_completion_messages(%" PRIuDW ", %s)", deviceId,
                texts == NULL ? "NULL" : r == 0 ? "<texts>" : "?");
    sim_unlock();
    return r;
}
