/* The Mandelbrot set in long double: escape-time iteration over a grid on the x87 (FMUL, FADD, FSUB, FCOMI,
 * register-stack traffic), the kind of code long double arithmetic compiles to. N is the grid's side; prints the
 * total of the iteration counts and the last point's orbit value as exact bits. */
#include "kernel.h"

#include <string.h>

#define LIMIT 200

int main(int argc, char **argv) {
    long n = size_argument(argc, argv, 600);
    unsigned long total = 0;
    long double last = 0;
    for (long row = 0; row < n; row++) {
        long double ci = -1.25L + 2.5L * row / n;
        for (long col = 0; col < n; col++) {
            long double cr = -2.0L + 2.5L * col / n, zr = 0, zi = 0;
            int k = 0;
            while (k < LIMIT && zr * zr + zi * zi <= 4.0L) {
                long double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                k++;
            }
            total += k;
            last = zr + zi;
        }
    }
    unsigned char b[sizeof(long double)];
    memcpy(b, &last, sizeof b);
    unsigned long long m;
    memcpy(&m, b, 8);
    printf("mandel %ld: %lu %04x:%016llx\n", n, total, b[8] | b[9] << 8, m);
    return 0;
}
