/* libFuzzer entry point of tapisim-fuzz: one input is one run of the harness. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tapisim_fuzz_run(data, size);
    return 0;
}
