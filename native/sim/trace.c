/*
 * The trace: one line per TAPI call and per queued message, with the virtual time; and the
 * names used to print them.
 */
#include "sim_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends, or inserts at g_sim.traceMark when `insert` is set. */
static void trace_put(const char *s, size_t n, int insert)
{
    if (n >= TAPISIM_TRACE_LIMIT)
        return;
    if (g_sim.traceLen + n > TAPISIM_TRACE_LIMIT) {
        /* Keep the newest half, cut at a line boundary. */
        size_t drop = g_sim.traceLen - TAPISIM_TRACE_LIMIT / 2;
        while (drop < g_sim.traceLen && g_sim.trace[drop - 1] != '\n')
            drop++;
        memmove(g_sim.trace, g_sim.trace + drop, g_sim.traceLen - drop);
        g_sim.traceLen -= drop;
        g_sim.traceMark = g_sim.traceMark > drop ? g_sim.traceMark - drop : 0;
    }
    if (g_sim.traceLen + n + 1 > g_sim.traceCap) {
        size_t ncap = g_sim.traceCap ? g_sim.traceCap : 4096;
        while (ncap < g_sim.traceLen + n + 1)
            ncap *= 2;
        char *nt = realloc(g_sim.trace, ncap);
        if (nt == NULL)
            return;
        g_sim.trace = nt;
        g_sim.traceCap = ncap;
    }
    size_t at = insert && g_sim.traceMark < g_sim.traceLen ? g_sim.traceMark : g_sim.traceLen;
    memmove(g_sim.trace + at + n, g_sim.trace + at, g_sim.traceLen - at);
    memcpy(g_sim.trace + at, s, n);
    g_sim.traceLen += n;
    g_sim.trace[g_sim.traceLen] = '\0';
}

static void trace_v(int insert, const char *fmt, va_list ap)
{
    if (!g_sim.opt.trace)
        return;
    char line[512];
    int prefix = snprintf(line, sizeof line, "%8" PRIuDW " ", g_sim.now);
    int n = vsnprintf(line + prefix, sizeof line - (size_t)prefix, fmt, ap);
    if (n < 0)
        return;
    size_t len = (size_t)prefix + (size_t)n;
    if (len >= sizeof line) { /* truncated: keep the line break */
        len = sizeof line - 1;
        line[len - 1] = '\n';
    }
    trace_put(line, len, insert);
}

void sim_trace(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    trace_v(0, fmt, ap);
    va_end(ap);
}

/* The line of an API call goes before the messages the call queued. */
static void trace_call(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void trace_call(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    trace_v(1, fmt, ap);
    va_end(ap);
}

/* Traces "<call> -> <result>" and returns the result, so exported functions end with
 * `return sim_ret(r, "lineX(...)", ...)`. */
LONG sim_ret(LONG result, const char *fmt, ...)
{
    if (!g_sim.opt.trace)
        return result; /* nothing to format */
    char call[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(call, sizeof call, fmt, ap);
    va_end(ap);
    if (result > 0)
        trace_call("%s -> request 0x%08" PRIXDW "\n", call, (DWORD)result);
    else if (result == 0)
        trace_call("%s -> 0\n", call);
    else
        trace_call("%s -> %s\n", call, sim_err_name(result));
    return result;
}

SIM_EXPORT LONG tapisim_trace(char *buf, DWORD size, DWORD *needed)
{
    sim_lock();
    DWORD need = (DWORD)g_sim.traceLen + 1;
    LONG r = 0;
    if ((needed != NULL && !sim_writable(needed, sizeof *needed)) || (buf != NULL && !sim_writable(buf, size))) {
        sim_unlock();
        return LINEERR_INVALPOINTER;
    }
    if (needed != NULL)
        *needed = need;
    if (buf == NULL || size < need) {
        r = LINEERR_STRUCTURETOOSMALL;
    } else {
        if (g_sim.traceLen)
            memcpy(buf, g_sim.trace, g_sim.traceLen);
        buf[g_sim.traceLen] = '\0';
    }
    sim_unlock();
    return r;
}

SIM_EXPORT LONG tapisim_trace_clear(void)
{
    sim_lock();
    g_sim.traceLen = 0;
    if (g_sim.trace)
        g_sim.trace[0] = '\0';
    sim_unlock();
    return 0;
}

void sim_wstr_to_ascii(const WCHAR *src, char *dst, size_t dstSize)
{
    size_t i = 0;
    if (src != NULL)
        for (; src[i] && i + 1 < dstSize; i++)
            dst[i] = src[i] < 0x80 ? (char)src[i] : '?';
    dst[i] = '\0';
}

/* ---- names ------------------------------------------------------------------------------ */

#define NAME(x) { x, #x }
struct name { DWORD value; const char *name; };

static const struct name k_errors[] = {
    NAME(LINEERR_ALLOCATED), NAME(LINEERR_BADDEVICEID), NAME(LINEERR_BEARERMODEUNAVAIL),
    NAME(LINEERR_CALLUNAVAIL), NAME(LINEERR_COMPLETIONOVERRUN), NAME(LINEERR_CONFERENCEFULL),
    NAME(LINEERR_DIALBILLING), NAME(LINEERR_DIALDIALTONE), NAME(LINEERR_DIALPROMPT),
    NAME(LINEERR_DIALQUIET), NAME(LINEERR_INCOMPATIBLEAPIVERSION),
    NAME(LINEERR_INCOMPATIBLEEXTVERSION), NAME(LINEERR_INIFILECORRUPT), NAME(LINEERR_INUSE),
    NAME(LINEERR_INVALADDRESS), NAME(LINEERR_INVALADDRESSID), NAME(LINEERR_INVALADDRESSMODE),
    NAME(LINEERR_INVALADDRESSSTATE), NAME(LINEERR_INVALAPPHANDLE), NAME(LINEERR_INVALAPPNAME),
    NAME(LINEERR_INVALBEARERMODE), NAME(LINEERR_INVALCALLCOMPLMODE),
    NAME(LINEERR_INVALCALLHANDLE), NAME(LINEERR_INVALCALLPARAMS), NAME(LINEERR_INVALCALLPRIVILEGE),
    NAME(LINEERR_INVALCALLSELECT), NAME(LINEERR_INVALCALLSTATE), NAME(LINEERR_INVALCALLSTATELIST),
    NAME(LINEERR_INVALCARD), NAME(LINEERR_INVALCOMPLETIONID), NAME(LINEERR_INVALCONFCALLHANDLE),
    NAME(LINEERR_INVALCONSULTCALLHANDLE), NAME(LINEERR_INVALCOUNTRYCODE),
    NAME(LINEERR_INVALDEVICECLASS), NAME(LINEERR_INVALDEVICEHANDLE), NAME(LINEERR_INVALDIALPARAMS),
    NAME(LINEERR_INVALDIGITLIST), NAME(LINEERR_INVALDIGITMODE), NAME(LINEERR_INVALDIGITS),
    NAME(LINEERR_INVALEXTVERSION), NAME(LINEERR_INVALGROUPID), NAME(LINEERR_INVALLINEHANDLE),
    NAME(LINEERR_INVALLINESTATE), NAME(LINEERR_INVALLOCATION), NAME(LINEERR_INVALMEDIALIST),
    NAME(LINEERR_INVALMEDIAMODE), NAME(LINEERR_INVALMESSAGEID), NAME(LINEERR_INVALPARAM),
    NAME(LINEERR_INVALPARKID), NAME(LINEERR_INVALPARKMODE), NAME(LINEERR_INVALPOINTER),
    NAME(LINEERR_INVALPRIVSELECT), NAME(LINEERR_INVALRATE), NAME(LINEERR_INVALREQUESTMODE),
    NAME(LINEERR_INVALTERMINALID), NAME(LINEERR_INVALTERMINALMODE), NAME(LINEERR_INVALTIMEOUT),
    NAME(LINEERR_INVALTONE), NAME(LINEERR_INVALTONELIST), NAME(LINEERR_INVALTONEMODE),
    NAME(LINEERR_INVALTRANSFERMODE), NAME(LINEERR_LINEMAPPERFAILED), NAME(LINEERR_NOCONFERENCE),
    NAME(LINEERR_NODEVICE), NAME(LINEERR_NODRIVER), NAME(LINEERR_NOMEM), NAME(LINEERR_NOREQUEST),
    NAME(LINEERR_NOTOWNER), NAME(LINEERR_NOTREGISTERED), NAME(LINEERR_OPERATIONFAILED),
    NAME(LINEERR_OPERATIONUNAVAIL), NAME(LINEERR_RATEUNAVAIL), NAME(LINEERR_RESOURCEUNAVAIL),
    NAME(LINEERR_REQUESTOVERRUN), NAME(LINEERR_STRUCTURETOOSMALL), NAME(LINEERR_TARGETNOTFOUND),
    NAME(LINEERR_TARGETSELF), NAME(LINEERR_UNINITIALIZED), NAME(LINEERR_USERUSERINFOTOOBIG),
    NAME(LINEERR_REINIT), NAME(LINEERR_ADDRESSBLOCKED), NAME(LINEERR_BILLINGREJECTED),
    NAME(LINEERR_INVALFEATURE), NAME(LINEERR_NOMULTIPLEINSTANCE), NAME(LINEERR_INVALAGENTID),
    NAME(LINEERR_INVALAGENTGROUP), NAME(LINEERR_INVALPASSWORD), NAME(LINEERR_INVALAGENTSTATE),
    NAME(LINEERR_INVALAGENTACTIVITY), NAME(LINEERR_DIALVOICEDETECT), NAME(LINEERR_USERCANCELLED),
    NAME(LINEERR_INVALADDRESSTYPE), NAME(LINEERR_INVALAGENTSESSIONSTATE),
    NAME(LINEERR_DISCONNECTED), NAME(LINEERR_SERVICE_NOT_RUNNING),
};

static const struct name k_messages[] = {
    NAME(LINE_ADDRESSSTATE), NAME(LINE_CALLINFO), NAME(LINE_CALLSTATE), NAME(LINE_CLOSE),
    NAME(LINE_DEVSPECIFIC), NAME(LINE_DEVSPECIFICFEATURE), NAME(LINE_GATHERDIGITS),
    NAME(LINE_GENERATE), NAME(LINE_LINEDEVSTATE), NAME(LINE_MONITORDIGITS),
    NAME(LINE_MONITORMEDIA), NAME(LINE_MONITORTONE), NAME(LINE_REPLY), NAME(LINE_REQUEST),
    NAME(LINE_CREATE), NAME(LINE_APPNEWCALL), NAME(LINE_REMOVE),
};

static const struct name k_states[] = {
    NAME(LINECALLSTATE_IDLE), NAME(LINECALLSTATE_OFFERING), NAME(LINECALLSTATE_ACCEPTED),
    NAME(LINECALLSTATE_DIALTONE), NAME(LINECALLSTATE_DIALING), NAME(LINECALLSTATE_RINGBACK),
    NAME(LINECALLSTATE_BUSY), NAME(LINECALLSTATE_SPECIALINFO), NAME(LINECALLSTATE_CONNECTED),
    NAME(LINECALLSTATE_PROCEEDING), NAME(LINECALLSTATE_ONHOLD), NAME(LINECALLSTATE_CONFERENCED),
    NAME(LINECALLSTATE_ONHOLDPENDCONF), NAME(LINECALLSTATE_ONHOLDPENDTRANSFER),
    NAME(LINECALLSTATE_DISCONNECTED), NAME(LINECALLSTATE_UNKNOWN),
};

static const char *lookup(const struct name *t, size_t n, DWORD v, const char *fallback)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].value == v)
            return t[i].name;
    return fallback;
}

const char *sim_err_name(LONG err)
{
    return lookup(k_errors, sizeof k_errors / sizeof *k_errors, (DWORD)err, "LINEERR_?");
}

const char *sim_msg_name(DWORD msg)
{
    return lookup(k_messages, sizeof k_messages / sizeof *k_messages, msg, "LINE_?");
}

const char *sim_state_name(DWORD state)
{
    return lookup(k_states, sizeof k_states / sizeof *k_states, state, "LINECALLSTATE_?") + 14;
}
