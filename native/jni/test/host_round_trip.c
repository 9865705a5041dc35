/*
 * The JNI test host's call completion round trip: every TAPI call through the bridge's natives,
 * into native memory from its allocate, against libtapisim.
 */
#include "jni_host.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tapi_abi.h"
#include "tapisim.h"

#define V14 0x00010004
#define V31 0x00030001
#define TIMEOUT_MS 5000 /* of every lineGetMessage: a lost message fails, it does not hang */
#define ANY_DEVICE 0xFFFFFFFFu

#define PTR(address) ((void *)(intptr_t)(address))

/* Takes messages until `message` on `device` (ANY_DEVICE: any) with dwParam1 `param1`. */
static int wait_for(jlong p, jint app, jlong block, DWORD message, DWORD device, DWORD param1,
                    LINEMESSAGE *out)
{
    for (int i = 0; i < 64; i++) {
        jint r = J(lineGetMessage, p, app, block, TIMEOUT_MS);
        if (!clean() || r != 0) {
            printf("# lineGetMessage: 0x%lX\n", (unsigned long)(DWORD)r);
            return 0;
        }
        memcpy(out, PTR(block), sizeof *out);
        if (out->dwMessageID == message && (device == ANY_DEVICE || out->hDevice == device)
            && (DWORD)out->dwParam1 == param1)
            return 1;
        printf("# passed over message %lu on 0x%lX (0x%lX, 0x%lX)\n",
               (unsigned long)out->dwMessageID, (unsigned long)out->hDevice,
               (unsigned long)out->dwParam1, (unsigned long)out->dwParam2);
    }
    return 0;
}

/* A TAPI function returned 0 and threw nothing; else says what it returned. */
static int succeeded(jint r, const char *fn)
{
    int c = clean();
    if (r != 0)
        printf("# %s: 0x%08lX\n", fn, (unsigned long)(DWORD)r);
    return c && r == 0;
}

/* A request ID and then its LINE_REPLY with `result`. */
static int replied(jlong p, jint app, jlong block, jint request, LONG result)
{
    LINEMESSAGE m;
    if (!clean() || request <= 0) {
        printf("# request 0x%lX\n", (unsigned long)(DWORD)request);
        return 0;
    }
    if (!wait_for(p, app, block, LINE_REPLY, ANY_DEVICE, (DWORD)request, &m))
        return 0;
    if ((LONG)(DWORD)m.dwParam2 != result)
        printf("# LINE_REPLY 0x%lX\n", (unsigned long)(DWORD)m.dwParam2);
    return (LONG)(DWORD)m.dwParam2 == result;
}

/* The native blocks of the round trip, by what they hold. */
enum { B_APP, B_NUMDEVS, B_VERSION, B_PARAMS, B_EXTID, B_LINE, B_CALL, B_COMPLID, B_MSG,
       BLOCKS };

void check_round_trip(jstring simulator, const char *label)
{
    jlong p = J(openProvider, simulator, JNI_TRUE);
    if (!check(clean() && p != 0, "openProvider opens %s", label))
        return;
    check(J(hasSimulatorControl, p) == JNI_TRUE && clean(), "hasSimulatorControl: true");
    check(succeeded(J(tapisim_reset, p), "tapisim_reset"), "tapisim_reset");

    static const jlong sizes[BLOCKS] = { 4, 4, 4, sizeof(LINEINITIALIZEEXPARAMS),
                                         sizeof(LINEEXTENSIONID), 4, 4, 4, sizeof(LINEMESSAGE) };
    jlong b[BLOCKS];
    int zeroed = 1;
    for (int i = 0; i < BLOCKS; i++) {
        b[i] = J(allocate, p, sizes[i]);
        for (jlong k = 0; b[i] != 0 && k < sizes[i]; k++)
            zeroed = zeroed && ((const unsigned char *)PTR(b[i]))[k] == 0;
        zeroed = zeroed && b[i] != 0;
    }
    if (!check(clean() && zeroed && J(liveAllocations, p) == BLOCKS,
               "allocate: %d zeroed blocks, liveAllocations %d", BLOCKS, BLOCKS))
        return;

    LINEINITIALIZEEXPARAMS params;
    memset(&params, 0, sizeof params);
    params.dwTotalSize = sizeof params;
    params.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
    jbyteArray bytes = fj_bytes((jsize)sizeof params), back = fj_bytes((jsize)sizeof params);
    memcpy(fj_bytes_data(bytes), &params, sizeof params);
    J(write, b[B_PARAMS], bytes, 0, (jint)sizeof params);
    check(clean() && memcmp(PTR(b[B_PARAMS]), &params, sizeof params) == 0,
          "write: LINEINITIALIZEEXPARAMS from a byte[] into native memory");
    J(read, b[B_PARAMS], back, 0, (jint)sizeof params);
    check(clean() && memcmp(fj_bytes_data(back), &params, sizeof params) == 0,
          "read: native memory into a byte[]");
    jobject view = J(view, b[B_PARAMS], (jint)sizeof params);
    void *address = NULL;
    jlong capacity = -1;
    check(clean() && fj_buffer(view, &address, &capacity) && address == PTR(b[B_PARAMS])
              && capacity == (jlong)sizeof params,
          "view: a direct ByteBuffer over the block");
    (*fj_env())->DeleteLocalRef(fj_env(), view);
    J(putInt, b[B_VERSION], V31);
    check(clean() && J(getInt, b[B_VERSION]) == V31, "putInt, getInt");

    jint r = J(lineInitializeExW, p, b[B_APP], 0, fj_string("tapibridge-jni-host"), b[B_NUMDEVS],
               b[B_VERSION], b[B_PARAMS]);
    int ok = succeeded(r, "lineInitializeExW");
    jint app = J(getInt, b[B_APP]), numDevs = J(getInt, b[B_NUMDEVS]);
    check(ok && app != 0 && numDevs == TAPISIM_DEFAULT_LINES,
          "lineInitializeExW (USEEVENT): %ld lines", (long)numDevs);
    r = J(lineNegotiateAPIVersion, p, app, 0, V14, V31, b[B_VERSION], b[B_EXTID]);
    ok = succeeded(r, "lineNegotiateAPIVersion");
    jint version = J(getInt, b[B_VERSION]);
    check(ok && version == V31, "lineNegotiateAPIVersion: 0x%08lX", (unsigned long)(DWORD)version);
    r = J(lineOpenW, p, app, 0, b[B_LINE], version, 0, 0, LINECALLPRIVILEGE_OWNER,
          LINEMEDIAMODE_INTERACTIVEVOICE, 0);
    ok = succeeded(r, "lineOpenW");
    jint line = J(getInt, b[B_LINE]);
    check(ok && line != 0, "lineOpenW device 0");
    r = J(tapisim_set_station, p, fj_string("201"), TAPISIM_STATION_BUSY);
    check(succeeded(r, "tapisim_set_station"), "tapisim_set_station 201 BUSY");

    r = J(lineMakeCallW, p, line, b[B_CALL], fj_string("201"), 0, 0);
    ok = replied(p, app, b[B_MSG], r, 0);
    jint call = J(getInt, b[B_CALL]);
    check(ok && call != 0, "lineMakeCallW to 201: LINE_REPLY 0");
    LINEMESSAGE m;
    ok = wait_for(p, app, b[B_MSG], LINE_CALLSTATE, (DWORD)call, LINECALLSTATE_BUSY, &m);
    check(ok && (DWORD)m.dwParam2 == LINEBUSYMODE_STATION, "LINE_CALLSTATE BUSY (station)");

    r = J(lineCompleteCall, p, call, b[B_COMPLID], LINECALLCOMPLMODE_CAMPON, 0);
    ok = replied(p, app, b[B_MSG], r, 0);
    jint id = J(getInt, b[B_COMPLID]);
    check(ok && id != 0, "lineCompleteCall CAMPON: LINE_REPLY 0, completion ID %ld", (long)id);
    r = J(lineUncompleteCall, p, line, id);
    check(replied(p, app, b[B_MSG], r, 0), "lineUncompleteCall: LINE_REPLY 0");
    ok = wait_for(p, app, b[B_MSG], LINE_CALLSTATE, (DWORD)call, LINECALLSTATE_IDLE, &m);
    check(ok, "the camped-on call goes IDLE");

    r = J(lineDrop, p, call, 0, 0);
    check(replied(p, app, b[B_MSG], r, (LONG)LINEERR_INVALCALLSTATE),
          "lineDrop of the idle call: LINE_REPLY LINEERR_INVALCALLSTATE");
    r = J(lineDeallocateCall, p, call);
    check(succeeded(r, "lineDeallocateCall"), "lineDeallocateCall");
    r = J(lineClose, p, line);
    check(succeeded(r, "lineClose"), "lineClose");
    r = J(lineShutdown, p, app);
    check(succeeded(r, "lineShutdown"), "lineShutdown");

    for (int i = 0; i < BLOCKS; i++)
        J(free, p, b[i]);
    check(clean() && J(liveAllocations, p) == 0, "free: liveAllocations back to 0");
    J(closeProvider, p);
    check(clean(), "closeProvider");
}
