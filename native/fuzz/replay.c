/*
 * fuzz_replay: runs the fuzz harness over the files named on the command line, without
 * libFuzzer, so that the seed corpus and the regression inputs run as ctests under every
 * compiler, sanitizer and platform. A finding aborts (the harness prints it).
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>

#define MAX_INPUT (1u << 20)

int main(int argc, char **argv)
{
    static uint8_t buf[MAX_INPUT];
    if (argc < 2) {
        fprintf(stderr, "usage: fuzz_replay FILE...\n");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (f == NULL) {
            fprintf(stderr, "fuzz_replay: cannot open %s\n", argv[i]);
            return 2;
        }
        size_t n = fread(buf, 1, sizeof buf, f);
        int bad = ferror(f) || !feof(f);
        fclose(f);
        if (bad) {
            fprintf(stderr, "fuzz_replay: cannot read %s (or it is over %u bytes)\n", argv[i], MAX_INPUT);
            return 2;
        }
        printf("%s: %lu bytes\n", argv[i], (unsigned long)n);
        fflush(stdout);
        tapisim_fuzz_run(buf, n);
    }
    printf("%d inputs replayed, no finding\n", argc - 1);
    return 0;
}
