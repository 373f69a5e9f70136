/* The C library's qsort of N random 32-bit integers through a comparison function: indirect calls
 * and glibc's own merge/quick sort code. Prints a checksum of the sorted order. */
#include "kernel.h"

static int compare(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    long n = size_argument(argc, argv, 5000000);
    uint32_t *v = malloc(n * sizeof *v);
    if (!v) return 1;
    for (long i = 0; i < n; i++) v[i] = (uint32_t) next_random();
    qsort(v, n, sizeof *v, compare);
    uint64_t sum = 0;
    for (long i = 0; i < n; i++) {
        if (i > 0 && v[i - 1] > v[i]) {
            fprintf(stderr, "qsort: not sorted at %ld\n", i);
            return 1;
        }
        sum = sum * 1000003 + v[i];
    }
    printf("qsort %ld: min %u max %u checksum %llu\n", n, v[0], v[n - 1], (unsigned long long) sum);
    free(v);
    return 0;
}
