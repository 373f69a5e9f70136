/* Shared by the benchmark kernels: a seeded pseudo-random generator (xorshift64*) and the size
 * argument. Every kernel is deterministic: the same size gives the same checksum on every run. */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t kernel_rng = 0x9e3779b97f4a7c15ull;

static inline uint64_t next_random(void) {
    kernel_rng ^= kernel_rng >> 12;
    kernel_rng ^= kernel_rng << 25;
    kernel_rng ^= kernel_rng >> 27;
    return kernel_rng * 0x2545f4914f6cdd1dull;
}

/* The size argument (argv[1]), or the default when there is none; exits with a message on junk. */
static inline long size_argument(int argc, char **argv, long fallback) {
    if (argc < 2) return fallback;
    char *end;
    long n = strtol(argv[1], &end, 10);
    if (*end != '\0' || n <= 0) {
        fprintf(stderr, "usage: %s [size > 0]\n", argv[0]);
        exit(2);
    }
    return n;
}

#endif
