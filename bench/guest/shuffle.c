/* SSSE3 and SSE2 shuffles in a loop: PALIGNR, PSHUFB, PSHUFD and PUNPCKLBW over a 4 KiB buffer, the permutations
 * glibc's SSSE3 memmove and string routines and vectorized code are made of. The only kernel built for more than the
 * x86-64 baseline: main is compiled for SSSE3 (every x86-64-v2 processor, and jx86's CPU model, has it). */
#include "kernel.h"

#include <immintrin.h>

#define BUFFER 4096

static unsigned char buffer[BUFFER + 32] __attribute__((aligned(16)));

__attribute__((target("ssse3"))) int main(int argc, char **argv) {
    long n = size_argument(argc, argv, 5000000);
    for (int i = 0; i < BUFFER + 32; i++) buffer[i] = (unsigned char) (next_random() >> 56);
    __m128i acc = _mm_setzero_si128();
    __m128i indices = _mm_setr_epi8(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3);
    for (long round = 0; round < n; round++) {
        for (int i = 0; i < BUFFER; i += 32) {
            __m128i a = _mm_load_si128((const __m128i *) (buffer + i));
            __m128i b = _mm_load_si128((const __m128i *) (buffer + i + 16));
            __m128i c = _mm_shuffle_epi8(_mm_alignr_epi8(b, a, 5), indices);
            __m128i d = _mm_unpacklo_epi8(_mm_shuffle_epi32(c, 0x1b), a);
            acc = _mm_add_epi32(_mm_shuffle_epi32(acc, 0x39), d);
        }
        indices = _mm_and_si128(_mm_add_epi8(indices, _mm_set1_epi8(1)), _mm_set1_epi8(15));
    }
    unsigned long long out[2];
    _mm_storeu_si128((__m128i *) out, acc);
    printf("shuffle %ld: %016llx%016llx\n", n, out[1], out[0]);
    return 0;
}
