/* glibc's libm in a loop: sin, cos, exp, log, pow and atan2 of doubles, the SSE2 code (and tables) glibc's x86-64
 * libm runs on a CPU without FMA. N is the number of arguments; prints the sum to 12 digits: glibc picks other code
 * (FMA) on a host that has it, whose results may differ from the SSE2 code's in the last bit of a few calls. */
#include "kernel.h"

#include <math.h>

int main(int argc, char **argv) {
    long n = size_argument(argc, argv, 2000000);
    double sum = 0;
    for (long i = 0; i < n; i++) {
        double x = (double) (next_random() >> 11) * 0x1p-53 * 20.0 - 10.0;
        double r = sin(x) + cos(x * 0.5) + exp(x * 0.25) + log(fabs(x) + 1e-3) + pow(fabs(x), 0.3) + atan2(x, 1.5);
        sum += r;
    }
    printf("libm %ld: %.12g\n", n, sum);
    return 0;
}
