/* Integer matrix multiply C = A x B (N x N, 32-bit wrapping arithmetic), i-k-j loop order:
 * a multiply-add inner loop over rows. Prints a checksum of C. */
#include "kernel.h"

int main(int argc, char **argv) {
    long n = size_argument(argc, argv, 400);
    uint32_t *a = malloc(n * n * sizeof *a), *b = malloc(n * n * sizeof *b), *c = calloc(n * n, sizeof *c);
    if (!a || !b || !c) return 1;
    for (long i = 0; i < n * n; i++) {
        a[i] = (uint32_t) next_random() & 0xffff;
        b[i] = (uint32_t) next_random() & 0xffff;
    }
    for (long i = 0; i < n; i++) {
        for (long k = 0; k < n; k++) {
            uint32_t aik = a[i * n + k];
            const uint32_t *brow = b + k * n;
            uint32_t *crow = c + i * n;
            for (long j = 0; j < n; j++) crow[j] += aik * brow[j];
        }
    }
    uint64_t sum = 0;
    for (long i = 0; i < n * n; i++) sum = sum * 31 + c[i];
    printf("matmul %ld: checksum %llu\n", n, (unsigned long long) sum);
    free(a);
    free(b);
    free(c);
    return 0;
}
