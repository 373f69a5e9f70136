/* Sieve of Eratosthenes over [0, N), repeated so that small N still takes measurable time:
 * byte-array stores in strided loops. Prints the count of primes and a sum of every 97th prime. */
#include "kernel.h"
#include <string.h>

int main(int argc, char **argv) {
    long n = size_argument(argc, argv, 20000000);
    unsigned char *composite = malloc(n);
    if (!composite) return 1;
    long count = 0;
    uint64_t sum = 0;
    for (int round = 0; round < 4; round++) {
        memset(composite, 0, n);
        count = 0;
        sum = 0;
        for (long i = 2; i < n; i++) {
            if (composite[i]) continue;
            if (count % 97 == 0) sum += (uint64_t) i * (round + 1);
            count++;
            for (long j = i * i; j < n; j += i) composite[j] = 1;
        }
    }
    printf("sieve %ld: %ld primes, checksum %llu\n", n, count, (unsigned long long) sum);
    free(composite);
    return 0;
}
