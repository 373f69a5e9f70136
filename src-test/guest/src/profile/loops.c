/*
 * A guest with known work, for jx86's profile tests: inner()'s loop body runs exactly N times in all (N is the
 * first argument, default 3000000), split over ROUNDS calls from outer(), which main() calls once; cold() runs
 * a few times only. Built with symbols (not stripped) so that reports can name the functions; noinline keeps
 * the call structure the flame view must show: main -> outer -> inner. With a second argument "fault" it then
 * writes to address 16 and dies of SIGSEGV, as a test of how faults are reported.
 */
#include <stdio.h>
#include <stdlib.h>

#define ROUNDS 10

__attribute__((noinline)) unsigned long inner(unsigned long n, unsigned long seed) {
    unsigned long x = seed;
    for (unsigned long i = 0; i < n; i++) {
        x = x * 6364136223846793005UL + i;
        __asm__ volatile("" : "+r"(x)); /* one block per iteration: nothing to vectorize or fold */
    }
    return x;
}

__attribute__((noinline)) unsigned long cold(unsigned long x) {
    return x ^ (x >> 29);
}

__attribute__((noinline)) unsigned long outer(unsigned long total) {
    unsigned long sum = 0;
    for (int r = 0; r < ROUNDS; r++) {
        sum = cold(sum) + inner(total / ROUNDS, (unsigned long) r + 1);
    }
    return sum;
}

int main(int argc, char **argv) {
    unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 10) : 3000000;
    printf("loops %lu: %016lx\n", n, outer(n));
    if (argc > 2 && argv[2][0] == 'f') {
        volatile int *volatile nowhere = (volatile int *) 16;
        fflush(stdout);
        *nowhere = 1;
    }
    return 0;
}
