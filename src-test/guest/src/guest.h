/*
 * Shared bits of the jx86 guest test programs: a seeded PRNG (so that every
 * run and every C library produce the same data) and a check that counts
 * failures. Each program returns the failure count (capped) as its exit
 * status, so a wrong result shows both in stdout and in the status.
 */
#ifndef GUEST_H
#define GUEST_H

#include <stdint.h>
#include <stdio.h>

/* xorshift64*: small, fast, and the same on every libc and word size. */
static uint64_t guest_rng_state = 0x9E3779B97F4A7C15ull;

static inline void guest_seed(uint64_t seed) {
    guest_rng_state = seed ? seed : 0x9E3779B97F4A7C15ull;
}

static inline uint64_t guest_next(void) {
    uint64_t x = guest_rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    guest_rng_state = x;
    return x * 0x2545F4914F6CDD1Dull;
}

static inline uint32_t guest_below(uint32_t bound) {
    return (uint32_t)((guest_next() >> 32) % bound);
}

static int guest_failures;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            guest_failures++;                                                \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);           \
        }                                                                    \
    } while (0)

/* The exit status: 0 when every check passed, else the count (at most 100). */
static inline int guest_status(void) {
    return guest_failures > 100 ? 100 : guest_failures;
}

#endif
