/*
 * Fault injection (tapisim_fail_next): which functions can be made to fail, and the call that
 * takes a pending fault (sim_take_fault; the rule is documented in tapisim.h).
 */
#include "sim_internal.h"

#include <stdlib.h>
#include <string.h>

static void fault_key(const char *function, char *key, size_t size)
{
    size_t n = strlen(function);
    if (n > 0 && function[n - 1] == 'W')
        n--;
    if (n >= size)
        n = size - 1;
    memcpy(key, function, n);
    key[n] = '\0';
}

/* Takes the fault pending for `function`, if any. Each function calls this once it has passed
 * every check it answers with a function result (tapisim.h says why there). */
LONG sim_take_fault(const char *function)
{
    if (g_sim.faults == NULL) /* the usual case: no lookup on the hot paths */
        return 0;
    char key[40];
    fault_key(function, key, sizeof key);
    for (sim_fault **p = &g_sim.faults; *p; p = &(*p)->next) {
        if (strcmp((*p)->function, key) == 0) {
            sim_fault *f = *p;
            LONG err = f->err;
            *p = f->next;
            free(f);
            sim_trace("fault %s -> %s\n", key, sim_err_name(err));
            return err;
        }
    }
    return 0;
}

/* The functions that take a fault: the asynchronous ones fail in LINE_REPLY, the synchronous
 * ones with their result. lineGetMessage is not among them: it reads the application's own
 * queue, where no provider or switch takes part, its one failure (an empty queue at the
 * timeout) can be had without a fault, and a faulted read would have to lose a message, which
 * TAPI never does. */
static const char *const k_fault_functions[] = {
    "lineMakeCall", "lineAnswer", "lineDrop", "lineCompleteCall", "lineUncompleteCall",
    "lineDial", "lineHold", "lineUnhold", "lineSwapHold", "lineRedirect", "lineBlindTransfer",
    "lineGenerateDigits", "lineMonitorDigits", "lineSetupTransfer", "lineCompleteTransfer",
    "lineAddToConference", "lineRemoveFromConference",
    "lineInitializeEx", "lineShutdown", "lineNegotiateAPIVersion", "lineGetDevCaps",
    "lineGetAddressCaps", "lineOpen", "lineClose", "lineSetStatusMessages",
    "lineGetLineDevStatus", "lineGetCallStatus", "lineGetCallInfo", "lineDeallocateCall",
    "lineGetAddressStatus",
};

/* A LINEERR_ value that tapi.h defines: 0x80000001 to 0x80000061 without the two unassigned
 * values. */
static int defined_lineerr(LONG err)
{
    DWORD v = (DWORD)err;
    return v >= (DWORD)LINEERR_ALLOCATED && v <= (DWORD)LINEERR_SERVICE_NOT_RUNNING
        && v != 0x80000004u && v != 0x80000031u;
}

SIM_EXPORT LONG tapisim_fail_next(const char *function, LONG lineerr)
{
    if (!sim_cstr_ok(function))
        return LINEERR_INVALPOINTER;
    char key[40];
    if (strlen(function) >= sizeof key)
        return LINEERR_OPERATIONUNAVAIL;
    fault_key(function, key, sizeof key);
    int known = 0;
    for (size_t i = 0; i < sizeof k_fault_functions / sizeof *k_fault_functions; i++)
        known |= strcmp(k_fault_functions[i], key) == 0;
    if (!known)
        return LINEERR_OPERATIONUNAVAIL;
    if (!defined_lineerr(lineerr))
        return LINEERR_INVALPARAM;
    sim_lock();
    sim_fault *f = NULL;
    for (f = g_sim.faults; f; f = f->next)
        if (strcmp(f->function, key) == 0)
            break;
    if (f == NULL) {
        f = calloc(1, sizeof *f);
        if (f == NULL) {
            sim_unlock();
            return LINEERR_NOMEM;
        }
        memcpy(f->function, key, strlen(key) + 1);
        f->next = g_sim.faults;
        g_sim.faults = f;
    }
    f->err = lineerr;
    LONG r = sim_ret(0, "tapisim_fail_next(\"%s\", %s)", key, sim_err_name(lineerr));
    sim_unlock();
    return r;
}
