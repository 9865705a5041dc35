/*
 * Operations of the fuzz harness outside harness.c: the input decoders they share with it
 * (harness.c), and the call-control and remote-station operations (callctl.c).
 */
#ifndef TAPISIM_FUZZ_OPS_H
#define TAPISIM_FUZZ_OPS_H

#include "fuzz_state.h"

/* The next input byte (0 past the end), a choice among n, a raw little-endian DWORD. */
unsigned u8(void);
unsigned pick(unsigned n);
DWORD u32(void);
/* An index into the application's lines or calls, or -1 if it has none (reads no byte then). */
int line_arg(const f_app *a);
int call_arg(const f_app *a);
/* A number for lineMakeCallW and the station functions: local, remote, empty, invalid. */
const char *number_arg(void);
/* Copies an ASCII string into w[n] (truncated); returns w. */
WCHAR *widen(const char *s, WCHAR *w, size_t n);

/* callctl.c: each reads its arguments from the input. */
void op_dial(f_app *a);
void op_hold(f_app *a, int unhold);
void op_swap_hold(f_app *a);
void op_divert(f_app *a, int blind);
void op_setup_transfer(f_app *a);
void op_complete_transfer(f_app *a);
void op_add_to_conference(f_app *a);
void op_remove_from_conference(f_app *a);
void op_generate_digits(f_app *a);
void op_monitor_digits(f_app *a);
void op_remote_call(void);
void op_remote_station(unsigned what);
void op_dial_caps(void);

#endif /* TAPISIM_FUZZ_OPS_H */
