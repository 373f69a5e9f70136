/*
 * fptrap: an unmasked x87 exception ends the program with SIGFPE, as the
 * kernel delivers #MF. The control word is loaded directly (musl has no
 * feenableexcept): divide-by-zero unmasked, then 1/0 in long double. The
 * division only sets the flag; the fault comes at the next waiting x87
 * instruction. Expected: the first line, then death by SIGFPE (status 136).
 */
#include <stdio.h>

#include "guest.h"

static volatile long double zero = 0, one = 1, sink;

int main(void) {
    unsigned short cw;
    __asm__ volatile("fnstcw %0" : "=m"(cw));
    printf("control word %04x, unmasking divide-by-zero\n", cw);
    fflush(stdout);
    cw &= ~0x4;
    __asm__ volatile("fldcw %0" : : "m"(cw));
    sink = one / zero;
    sink = sink + one;
    printf("not reached: %Lg\n", sink);
    return 0;
}
