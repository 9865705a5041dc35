/*
 * The fuzz harness of the simulator: decodes bytes into a sequence of TAPI and control calls and
 * checks the switch after each of them. Shared by the libFuzzer target (fuzz_main.c) and by the
 * corpus replay run by ctest (replay.c). Uses the exported API only.
 */
#ifndef TAPISIM_FUZZ_HARNESS_H
#define TAPISIM_FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

/* Runs one input from tapisim_reset(). Returns normally if every check held; on a finding it
 * prints what was violated, and the step, to stderr and calls abort(). */
void tapisim_fuzz_run(const uint8_t *data, size_t size);

#endif /* TAPISIM_FUZZ_HARNESS_H */
