/*
 * Control API of the simulated TAPI switch (libtapisim).
 *
 * These functions are not part of TAPI. They let tests and tools shape the simulated switch:
 * reset it to its default topology or configure another, change the state of dialable stations, move the virtual
 * clock, inject faults and read the trace of every TAPI call and message.
 *
 * All functions are thread-safe. They return 0 on success or a negative LINEERR_ value.
 *
 * Pointers, here and in the TAPI functions of the simulator, are probed before use as tapi32
 * probes them: a pointer that is NULL (where NULL is not allowed), not mapped, not writable where
 * something is written, or whose declared extent (dwTotalSize, a buffer size, a string up to its
 * terminator) runs into memory that is not, gives LINEERR_INVALPOINTER and nothing is read or
 * written. The probe asks the memory map and never faults. It caches good regions: memory unmapped
 * after a probe passed it may still pass until tapisim_reset or lineShutdown.
 */
#ifndef TAPISIM_H
#define TAPISIM_H

#include "tapi_abi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Station states for tapisim_set_station. */
#define TAPISIM_STATION_IDLE     0u /* answers after the answer delay (3 s); busy while in a call */
#define TAPISIM_STATION_BUSY     1u /* every call to it gets LINECALLSTATE_BUSY, LINEBUSYMODE_STATION */
#define TAPISIM_STATION_NOANSWER 2u /* rings (caller in RINGBACK) and never answers */
#define TAPISIM_STATION_PROCEEDING 3u /* never reached: the caller stays in PROCEEDING */
#define TAPISIM_STATION_MANUAL   4u /* rings (caller in RINGBACK) until tapisim_remote_answer;
                                       a local line in MANUAL is as IDLE (its apps answer) */

/* Default topology: TAPISIM_DEFAULT_LINES line devices, IDs 0.., numbers "100", "101", ... */
#define TAPISIM_DEFAULT_LINES    4u

/*
 * Topology. After tapisim_reset (and before the first lineInitializeEx) a test can shape the
 * switch: how many line devices, each one's number and name, its addresses, and each address's
 * call completion caps. A line has one address (address ID 0) by default, up to
 * TAPISIM_MAX_ADDRESSES with tapisim_set_addresses (LINEDEVCAPS dwNumAddresses). Each address
 * has its own number (LINEADDRESSCAPS dwAddress), unique in the switch; address 0's number is
 * the line's number. A call to an address's number is offered on its line on that address
 * (LINECALLINFO dwAddressID, called ID that number); lineMakeCall places a call on the address
 * that LINECALLPARAMS dwAddressID names (by default 0). Every address is a station of its own:
 * tapisim_set_station names it by its number, it is busy while a call on it is not idle, and
 * lineCompleteCall honours the completion caps of the call's address. A call on one address
 * does not make the line's other addresses busy (they stand for separate directory numbers
 * that share one line device, as the line appearances of a key telephone).
 *
 * By default a line (device ID i) has the number "1" followed by i in two digits ("100",
 * "101", ...), the name "Simulated line <number>" (LINEDEVCAPS dwLineName), up to 4 completions
 * (LINEADDRESSCAPS dwMaxCallCompletions), every completion mode (CAMPON, CALLBACK, INTRUDE,
 * MESSAGE) for both conditions (BUSY, NOANSWER) and three completion messages.
 * The timers of call completion are options (tapisim_set_option "guard_ms", ...).
 *
 * The topology changes only while no application is initialised (tapi32 would have to announce
 * new or removed devices to running applications): every setter returns LINEERR_INUSE
 * otherwise. A setter that returns an error changes nothing. tapisim_reset restores the default
 * topology. Call tapisim_set_lines first: it sets every line back to its default.
 */
#define TAPISIM_MAX_LINES              64u /* line devices at most */
#define TAPISIM_NAME_MAX               63u /* characters of a line name or a completion message */
#define TAPISIM_MAX_COMPLETION_MESSAGES 8u /* completion messages of a line at most */
#define TAPISIM_MAX_CALL_COMPLETIONS   64u /* dwMaxCallCompletions at most */
#define TAPISIM_MAX_ADDRESSES           8u /* addresses of a line at most */

/*
 * Makes the switch have `count` line devices, IDs 0 to count - 1, each with the default settings
 * above (lines already configured are set back to them; lineInitializeEx reports `count`).
 * Errors: LINEERR_INUSE, LINEERR_INVALPARAM (count 0 or over TAPISIM_MAX_LINES).
 */
LONG tapisim_set_lines(DWORD count);

/*
 * Sets line `deviceId`'s number, the number of its address 0 (dialable: up to 31 of 0-9, A-D,
 * *, #, +; unique among the addresses of the switch) and its name: 1 to TAPISIM_NAME_MAX printable ASCII characters, or NULL for the default
 * "Simulated line <number>". The line's station state and caps stay as they were.
 * Errors: LINEERR_INVALPOINTER (number NULL or bad, name bad), LINEERR_INUSE,
 * LINEERR_BADDEVICEID, LINEERR_INVALADDRESS (number empty, too long, not dialable or another
 * address's), LINEERR_INVALPARAM (name empty, too long or not printable ASCII).
 */
LONG tapisim_set_line(DWORD deviceId, const char *number, const char *name);

/*
 * Sets the call completion caps of address 0 of line `deviceId` (LINEADDRESSCAPS):
 * `maxCompletions` (dwMaxCallCompletions, 0 to TAPISIM_MAX_CALL_COMPLETIONS), `modes`
 * (dwCallCompletionModes, LINECALLCOMPLMODE_ bits) and `conditions` (dwCallCompletionConds,
 * LINECALLCOMPLCOND_BUSY and/or _NOANSWER). The switch honours them: lineCompleteCall on a call
 * of that address with no completion support (maxCompletions or modes 0) fails with
 * LINEERR_OPERATIONUNAVAIL, on a call whose condition is not listed with LINEERR_INVALCALLSTATE,
 * with a mode not listed with LINEERR_INVALCALLCOMPLMODE, and past maxCompletions (requests of
 * that address, waiting or pending) with LINEERR_COMPLETIONOVERRUN (in the LINE_REPLY, as
 * tapisrv delivers provider errors). The call and address features (COMPLETECALL, COMPLCAMPON,
 * ...) follow. Completion IDs are the line's, unique among all its addresses;
 * lineUncompleteCall fails with LINEERR_OPERATIONUNAVAIL only if no address of the line offers
 * completion.
 * Errors: LINEERR_INUSE, LINEERR_BADDEVICEID, LINEERR_INVALPARAM (maxCompletions too large, an
 * unknown mode or condition bit).
 */
LONG tapisim_set_completion_caps(DWORD deviceId, DWORD maxCompletions, DWORD modes,
                                 DWORD conditions);

/*
 * Sets the completion messages of address 0 of line `deviceId` (LINEADDRESSCAPS dwNumCompletionMessages and
 * the texts; lineCompleteCall in MESSAGE mode accepts message IDs 0 to their count - 1, others
 * get LINEERR_INVALMESSAGEID): `texts` holds them separated by '\n', each 1 to
 * TAPISIM_NAME_MAX printable ASCII characters, at most TAPISIM_MAX_COMPLETION_MESSAGES; "" for
 * none, NULL for the default three.
 * Errors: LINEERR_INVALPOINTER (bad), LINEERR_INUSE, LINEERR_BADDEVICEID, LINEERR_INVALPARAM (too
 * many, or one empty, too long or not printable ASCII).
 */
LONG tapisim_set_completion_messages(DWORD deviceId, const char *texts);

/*
 * Gives line `deviceId` the addresses whose numbers `numbers` lists, separated by '\n':
 * address ID i gets the (i+1)th number, 1 to TAPISIM_MAX_ADDRESSES of them, each dialable (as
 * for tapisim_set_line) and unique in the switch (addresses of this line that keep their number
 * included). The first number becomes the line's number; the line's name stays as it is. An
 * address that existed before keeps its station state, caps and messages; a new one gets the
 * defaults (idle, the default caps and messages).
 * Errors: LINEERR_INVALPOINTER (NULL or bad), LINEERR_INUSE, LINEERR_BADDEVICEID,
 * LINEERR_INVALADDRESS (a number empty, too long, not dialable, listed twice or another line's),
 * LINEERR_INVALPARAM (none, or more than TAPISIM_MAX_ADDRESSES).
 */
LONG tapisim_set_addresses(DWORD deviceId, const char *numbers);

/*
 * tapisim_set_completion_caps and tapisim_set_completion_messages for address `addressId` of
 * line `deviceId` (those two set address 0). Same errors, and LINEERR_INVALADDRESSID for an
 * address ID not below the line's number of addresses.
 */
LONG tapisim_set_address_completion_caps(DWORD deviceId, DWORD addressId, DWORD maxCompletions,
                                         DWORD modes, DWORD conditions);
LONG tapisim_set_address_completion_messages(DWORD deviceId, DWORD addressId, const char *texts);

/*
 * Sets which of the dial modifiers that wait for a tone line `deviceId` honours, as the
 * LINEDEVCAPFLAGS_DIALDIALTONE ('W'), LINEDEVCAPFLAGS_DIALQUIET ('@') and
 * LINEDEVCAPFLAGS_DIALBILLING ('$') bits of its LINEDEVCAPS.dwDevCapFlags. By default a line
 * claims DIALDIALTONE only. A dial string (lineMakeCallW, lineDialW) with a modifier the line
 * does not claim fails with LINEERR_DIALDIALTONE, LINEERR_DIALQUIET or LINEERR_DIALBILLING
 * (the first such modifier in the string decides); '?' always fails with LINEERR_DIALPROMPT.
 * Errors: LINEERR_INUSE, LINEERR_BADDEVICEID, LINEERR_INVALPARAM (another bit).
 */
LONG tapisim_set_dial_caps(DWORD deviceId, DWORD devCapFlags);
/*
 * Puts the switch back into its default state: default topology, virtual clock at 0, all
 * stations idle, no faults pending, empty trace. Every application is shut down: its handles
 * become invalid and a thread blocked in lineGetMessage returns LINEERR_INVALAPPHANDLE.
 */
LONG tapisim_reset(void);

/*
 * Sets the state of the station with the dialable number `number` (a local line number such as
 * "101" or any remote number). `state` is one of TAPISIM_STATION_*. A local line is also busy
 * while it has a call that is not idle, whatever its station state.
 * Errors: LINEERR_INVALPOINTER (NULL or bad), LINEERR_INVALADDRESS (empty, too long or not dialable),
 * LINEERR_INVALPARAM (unknown state).
 * A station that is no longer busy (its state set to IDLE, or its last call ended) becomes
 * available to call completion requests waiting for it.
 */
LONG tapisim_set_station(const char *number, DWORD state);

/*
 * Remote stations driven by the test. A remote station is any dialable number that is not a
 * local line's. Calls to it from a local line behave as its station state says
 * (tapisim_set_station); these functions play its user.
 *
 * tapisim_remote_call: the remote station `from` calls the local address whose number is `to`
 * (on its line, LINECALLINFO dwAddressID that address).
 * The call is offered on that line as any incoming call is: the first owner open (in open
 * order) whose media modes match gets an OWNER handle, every monitoring open a MONITOR handle,
 * each announced (2.0+) by LINE_APPNEWCALL and then LINE_CALLSTATE OFFERING
 * (LINEOFFERINGMODE_ACTIVE) carrying the privilege, followed by LINE_LINEDEVSTATE RINGING. Its
 * LINECALLINFO has dwOrigin LINECALLORIGIN_EXTERNAL, dwReason LINECALLREASON_DIRECT, the caller
 * ID `from` (LINECALLPARTYID_ADDRESS, plus LINECALLPARTYID_NAME with the name `fromName` if it
 * is not NULL), the called ID `to`, and once connected the same as connected ID. `*callId`
 * (if `callId` is not NULL) receives its LINECALLINFO.dwCallID.
 * If the line is busy (set BUSY, or it has a call that is not idle) the remote caller hears
 * busy: nothing reaches the line, 0 is returned and `*callId` is 0. The station states
 * NOANSWER and PROCEEDING of a local line shape only calls from other local lines. A call that
 * no open owns rings on (the line is busy) until the station hangs up. While in the call the
 * remote station is engaged: calls to it are busy.
 * Errors: LINEERR_INVALPOINTER (`from` or `to` NULL or bad, `fromName` or `callId` bad),
 * LINEERR_INVALADDRESS (`from` not dialable or a local line's number, `to` not dialable),
 * LINEERR_BADDEVICEID (no local line has the number `to`), LINEERR_INVALPARAM (`fromName`
 * empty, longer than 63 characters or not printable ASCII), LINEERR_CALLUNAVAIL (the station
 * `from` is already in a call), LINEERR_NOMEM.
 *
 * tapisim_remote_answer: the remote station `number`, rung by a local line's call (RINGBACK),
 * answers: the call goes CONNECTED (LINECONNECTEDMODE_ACTIVE). Whatever its station state;
 * with TAPISIM_STATION_MANUAL this is the only way it answers.
 *
 * tapisim_remote_hangup: the remote station `number` hangs up. A local line's call to it that
 * is connected goes DISCONNECTED with LINEDISCONNECTMODE_NORMAL, one still ringing it
 * (RINGBACK) DISCONNECTED with LINEDISCONNECTMODE_REJECT; the application then drops and
 * deallocates it. A call of its own (tapisim_remote_call) that was answered goes DISCONNECTED
 * NORMAL; one still offered is withdrawn: it goes IDLE, as when a local caller gives up.
 * The station is free again at once.
 *
 * Errors of both: LINEERR_INVALPOINTER (NULL or bad), LINEERR_INVALADDRESS (not dialable or a
 * local line's number), LINEERR_INVALCALLSTATE (the station has no such call: nothing rings
 * it, or for hangup it is in no call).
 */
LONG tapisim_remote_call(const char *from, const char *fromName, const char *to, DWORD *callId);

/*
 * Flags of tapisim_remote_call_ex: what the called line learns of the caller. Without them it
 * gets the caller's number (and name), as with tapisim_remote_call.
 * TAPISIM_REMOTE_WITHHELD: the caller withholds its identity. LINECALLINFO then has caller ID
 * flags LINECALLPARTYID_BLOCKED and no caller number or name, once connected the same as
 * connected ID.
 * TAPISIM_REMOTE_UNAVAILABLE: the network does not pass the caller's identity on (a call from
 * abroad, from a network without caller ID): caller (and connected) ID flags
 * LINECALLPARTYID_OUTOFAREA, no number or name. (LINECALLPARTYID_UNAVAIL, which Microsoft's
 * LINECALLPARTYID_ page gives for information missing for unspecified reasons, is not
 * produced: OUTOFAREA is the documented "not propagated by the network".)
 * The station is still known to the switch by its number: tapisim_remote_hangup names it, and
 * while in the call it is engaged.
 */
#define TAPISIM_REMOTE_WITHHELD    0x00000001u
#define TAPISIM_REMOTE_UNAVAILABLE 0x00000002u

/*
 * tapisim_remote_call with `flags` (TAPISIM_REMOTE_*; 0 is tapisim_remote_call). A `fromName`
 * is still checked but not shown when the identity is withheld or unavailable.
 * Errors: those of tapisim_remote_call, and LINEERR_INVALPARAM for an unknown flag or both
 * flags at once.
 */
LONG tapisim_remote_call_ex(const char *from, const char *fromName, const char *to, DWORD flags,
                            DWORD *callId);
LONG tapisim_remote_answer(const char *number);
LONG tapisim_remote_hangup(const char *number);

/*
 * The remote station `number`, in a CONNECTED call with a local line, presses the keys
 * `digits` (1 or more of 0-9, A-D, *, #): the switch sends them as DTMF on the virtual clock,
 * as lineGenerateDigits does with the default duration (for each key 95 ms of spacing, then
 * 95 ms of tone). Each application whose handle of the local call monitors LINEDIGITMODE_DTMF
 * (lineMonitorDigits) gets LINE_MONITORDIGITS as the tone starts (dwParam1 the digit,
 * dwParam2 LINEDIGITMODE_DTMF, dwParam3 the virtual time in ms from TAPI 2.0), one monitoring
 * LINEDIGITMODE_DTMFEND as it ends; the trace has a line per key. Keys pressed while earlier
 * ones are still being sent follow them. The call leaving CONNECTED drops the keys not sent yet.
 * Errors: LINEERR_INVALPOINTER (NULL or bad), LINEERR_INVALADDRESS (not dialable or a local
 * line's number), LINEERR_INVALCALLSTATE (the station is in no call, or its call is not
 * CONNECTED), LINEERR_INVALPARAM (`digits` empty or with another character), LINEERR_NOMEM.
 */
LONG tapisim_remote_digits(const char *number, const char *digits);

/*
 * Moves the virtual clock forward by `ms` milliseconds, firing every timer that falls due, in
 * order of due time (ties in the order they were set).
 */
LONG tapisim_advance(DWORD ms);

/*
 * The switch closes line device `deviceId` on its own (LINE_CLOSE): every open of it
 * is invalidated as by lineClose (its calls are dropped, pending replies suppressed, and, the
 * last open gone, its completion requests forgotten), then each app that had it open receives
 * LINE_CLOSE with the now invalid hLine. The device stays available for lineOpen.
 * Errors: LINEERR_BADDEVICEID.
 */
LONG tapisim_close_line(DWORD deviceId);

/* Virtual milliseconds since the last reset. */
DWORD tapisim_now(void);

/*
 * Makes the next call of the TAPI function `function` fail with `lineerr`, so that applications
 * can test their error paths. `function` is one of lineMakeCall, lineAnswer, lineDrop,
 * lineCompleteCall, lineUncompleteCall, lineDial, lineHold, lineUnhold, lineSwapHold,
 * lineRedirect, lineBlindTransfer, lineSetupTransfer, lineCompleteTransfer, lineAddToConference,
 * lineRemoveFromConference (asynchronous), lineInitializeEx, lineShutdown,
 * lineNegotiateAPIVersion, lineGetDevCaps, lineGetAddressCaps, lineOpen, lineClose,
 * lineSetStatusMessages, lineGetLineDevStatus, lineGetAddressStatus, lineGetCallStatus,
 * lineGetCallInfo, lineDeallocateCall, lineGenerateDigits or lineMonitorDigits (synchronous); a trailing W is ignored ("lineOpenW" is "lineOpen").
 *
 * Which call takes the fault: the next call of that function that passes every check the
 * simulator answers with a function result (application, line and call handles, pointers,
 * privileges, structure sizes, versions, parameter values). The fault stands for the service
 * provider or the switch failing, which only a request that got that far can meet; a call
 * refused by such a check returns its own error and leaves the fault armed for the next one,
 * so a test's fault is never spent on a call that the application got wrong anyway.
 *  - A synchronous function returns `lineerr` instead of succeeding and changes nothing: no
 *    handle is created or invalidated, no out-parameter or structure is written, no message is
 *    sent.
 *  - An asynchronous function returns a request ID, and its LINE_REPLY carries `lineerr`
 *    instead of the switch's answer: the switch's own checks (call state, destination address,
 *    completion limits, completion IDs, ...) are not made, in either "error_delivery" mode, as
 *    if the switch had failed before it looked at the request. Nothing else changes (no call,
 *    no completion ID written, no call state message).
 * lineGetMessage cannot be made to fail: it only reads the application's own message queue
 * (no provider takes part), its timeout is reached without a fault, and TAPI never loses a
 * message.
 *
 * `lineerr` is any LINEERR_ value that tapi.h defines, not only those Microsoft's page lists
 * for the function: providers return others, which tapisrv passes on, and applications should
 * survive them. The usual ones are LINEERR_NOMEM, LINEERR_RESOURCEUNAVAIL and
 * LINEERR_OPERATIONFAILED.
 * Faults for several functions can be pending at once; a new fault for the same function
 * replaces the old one; tapisim_reset removes them all.
 * Errors: LINEERR_INVALPOINTER (NULL or bad), LINEERR_OPERATIONUNAVAIL (not one of the functions
 * above), LINEERR_INVALPARAM (lineerr not a LINEERR_ value), LINEERR_NOMEM.
 */
LONG tapisim_fail_next(const char *function, LONG lineerr);

/*
 * Copies the trace, one line per TAPI call (arguments and result) and per message queued for an
 * application, each prefixed with the virtual time in ms, as a NUL-terminated string. `*needed`
 * (if `needed` is not NULL) receives the size in bytes including the terminator. If `size` is
 * smaller than that, nothing is copied and LINEERR_STRUCTURETOOSMALL is returned; `buf` may then
 * be NULL. The trace keeps the newest TAPISIM_TRACE_LIMIT bytes. LINEERR_INVALPOINTER: `needed`, or
 * `buf` over `size` bytes, is bad (nothing is written).
 */
LONG tapisim_trace(char *buf, DWORD size, DWORD *needed);

#define TAPISIM_TRACE_LIMIT (4u * 1024u * 1024u)

/* Empties the trace. */
LONG tapisim_trace_clear(void);

/*
 * Sets a behaviour option of the switch (kept until tapisim_reset):
 *   "error_delivery"          0 = as tapisrv (provider-level errors in LINE_REPLY), 1 = as the
 *                             documentation literally reads (returned synchronously)
 *   "allow_proceeding"        1 = lineCompleteCall also accepted in PROCEEDING (NOANSWER)
 *   "strict_completion_owner" 1 = only the app that created a completion may cancel it
 *   "reuse_freed_ids"         1 = a freed completion ID is handed out again at once
 *   "guard_ms", "recall_ring_ms", "expiry_busy_ms", "expiry_noanswer_ms"   timers in ms
 *   "realtime"                1 = a switch thread advances the clock with wall time
 *   "trace"                   0 = stop recording the trace (1, the default, records it); for
 *                             load tests and benchmarks, where formatting it costs more than
 *                             the call itself
 * Errors: LINEERR_INVALPOINTER (NULL or bad), LINEERR_OPERATIONUNAVAIL (unknown name),
 * LINEERR_INVALPARAM (value out of range).
 */
LONG tapisim_set_option(const char *name, DWORD value);

/*
 * Self-check of the switch's internal consistency, for tests: every handle names a live
 * object, no completion ID is live twice on a device, dwNumCallCompletions equals the live
 * completion entries, no call is kept that nobody can reach. Returns 0, or
 * LINEERR_OPERATIONFAILED with a description of the first violation copied into `buf`
 * (NUL-terminated, truncated to `size`; `buf` may be NULL), or LINEERR_INVALPOINTER if `buf` is not
 * writable over `size` bytes.
 */
LONG tapisim_check(char *buf, DWORD size);

/*
 * Probes of the C side of the ABI, so that other languages can check their own tables against
 * it instead of retyping numbers. tapisim_constant: the value of a TAPI constant by its C name
 * ("LINEERR_INVALCALLHANDLE", "LINECALLSTATE_BUSY", "LINE_REPLY", ...). tapisim_layout: offset
 * and size of `field` of the structure `type` ("LINECALLINFO", "dwReason"), or with a NULL
 * field the size of the structure (offset 0).
 * Errors: LINEERR_INVALPOINTER (NULL or bad; `field` may be NULL), LINEERR_OPERATIONUNAVAIL
 * (unknown name).
 */
LONG tapisim_constant(const char *name, LONG *value);
LONG tapisim_layout(const char *type, const char *field, DWORD *offset, DWORD *size);

/*
 * Benchmarking and testing hook: queues `count` synthetic messages for the application
 * `hLineApp`, after the messages already queued, and wakes its threads blocked in
 * lineGetMessage. Each message is LINE_DEVSPECIFIC with hDevice 0 and dwCallbackInstance 0 (it
 * is about no line or call, so closing a line does not remove it; lineShutdown discards it),
 * dwParam1 its index in the batch (0 to count - 1), dwParam2 `count`, dwParam3 0. The switch
 * sends no LINE_DEVSPECIFIC of its own. The trace gets one line for the batch, not one per
 * message. A count of 0 queues nothing.
 * Errors: LINEERR_UNINITIALIZED (no application), LINEERR_INVALAPPHANDLE,
 * LINEERR_INVALPARAM (count over TAPISIM_POST_MAX), LINEERR_NOMEM.
 */
LONG tapisim_post_messages(HLINEAPP hLineApp, DWORD count);

#define TAPISIM_POST_MAX (1u << 20)

/*
 * Testing hook: answers the requests still waiting for their LINE_REPLY (as moving the clock
 * does), then queues one marker message for the application `hLineApp` after everything already
 * queued for it, and wakes its threads blocked in lineGetMessage. The marker has dwMessageID
 * TAPISIM_LINE_SYNC (no TAPI message has that ID), hDevice 0, dwCallbackInstance 0, dwParam1
 * `token`, dwParam2 and dwParam3 0; closing a line does not remove it, lineShutdown discards it.
 * When a reader takes the marker from the queue, it has taken every message that was queued
 * when tapisim_sync was called. Not traced: it is bookkeeping of the test, not a behaviour of
 * the switch (the replies it makes the switch send are traced as usual).
 * Errors: LINEERR_UNINITIALIZED (no application), LINEERR_INVALAPPHANDLE, LINEERR_NOMEM.
 */
LONG tapisim_sync(HLINEAPP hLineApp, DWORD token);

#define TAPISIM_LINE_SYNC 0x7A510001u

/*
 * Not TAPI: a word that changes whenever something lineGetMessage would see has happened in
 * the switch (a message queued for any application, a request queued for its LINE_REPLY, an
 * application shut down). It is bumped after the switch's lock is released and read without
 * it, so a thread that has just drained its queue can watch it (spinning briefly before it
 * blocks in lineGetMessage) without slowing the threads that make requests, and call
 * lineGetMessage again only once it changed. Only a change means anything: the value wraps,
 * and one change may be for another application. Never fails; takes no lock.
 */
DWORD tapisim_activity(void);

#ifdef __cplusplus
}
#endif

#endif /* TAPISIM_H */
