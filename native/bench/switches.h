/* tapisim-bench --switches (switches.c). */
#ifndef TAPISIM_BENCH_SWITCHES_H
#define TAPISIM_BENCH_SWITCHES_H

#include <stdint.h>

/* N isolated switches in a row: see switches.c. Returns the exit status. */
int run_switches(uint64_t cycles, const char *json);

#endif
