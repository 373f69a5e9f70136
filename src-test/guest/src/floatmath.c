/*
 * floatmath: floating point as C programs use it, on the x87 where the ABI
 * puts it (long double everywhere; every double and float on i386). long
 * double arithmetic and conversions with seeded random operands, printed as
 * their exact bits; the four rounding modes through fesetround; exception
 * flags through fetestexcept/feclearexcept; libm's sin, cos, tan, exp, log,
 * pow, atan2 and their l-suffixed versions; printf's %a, %La, %.20Lg, %Le and
 * %Lf; strtold. The C libraries format and compute some of this differently,
 * so each flavour records its own expected output (cases: by-flavour).
 */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"

/* The 80 bits of a long double as sign/exponent and significand: the same text on every libc. */
static void bits(const char *label, long double x) {
    unsigned char b[sizeof(long double)];
    memcpy(b, &x, sizeof b);
    uint64_t m;
    memcpy(&m, b, 8);
    unsigned se = b[8] | b[9] << 8;
    printf("%s %04x:%016llx\n", label, se, (unsigned long long)m);
}

static void dbits(const char *label, double x) {
    uint64_t m;
    memcpy(&m, &x, 8);
    printf("%s %016llx\n", label, (unsigned long long)m);
}

/* A random long double: random significand and sign, exponent within +-range of 0. */
static long double random_ld(int range) {
    uint64_t m = guest_next() | 1ull << 63;
    int e = (int)guest_below(2 * range + 1) - range;
    long double x = ldexpl((long double)m, e - 63);
    return guest_next() & 1 ? -x : x;
}

static volatile long double sink;

static void arithmetic(void) {
    guest_seed(11);
    for (int i = 0; i < 40; i++) {
        long double a = random_ld(40), b = random_ld(40);
        char label[32];
        snprintf(label, sizeof label, "add%02d", i);
        bits(label, a + b);
        snprintf(label, sizeof label, "sub%02d", i);
        bits(label, a - b);
        snprintf(label, sizeof label, "mul%02d", i);
        bits(label, a * b);
        snprintf(label, sizeof label, "div%02d", i);
        bits(label, a / b);
        snprintf(label, sizeof label, "sqrt%02d", i);
        bits(label, sqrtl(fabsl(a)));
        snprintf(label, sizeof label, "fmod%02d", i);
        bits(label, fmodl(a, b));
        snprintf(label, sizeof label, "rem%02d", i);
        bits(label, remainderl(a, b));
    }
    long double tiny = ldexpl(1.0L, -16440), huge = ldexpl(1.0L, 16380);
    bits("tiny*tiny", tiny * tiny);
    bits("tiny/3", tiny / 3);
    bits("huge*huge", huge * huge);
    bits("-huge*huge", -huge * huge);
    bits("1/3", 1.0L / 3);
    bits("2/3", 2.0L / 3);
}

static void conversions(void) {
    guest_seed(12);
    for (int i = 0; i < 24; i++) {
        long double x = random_ld(70);
        char label[32];
        snprintf(label, sizeof label, "conv%02d", i);
        bits(label, x);
        dbits("  double", (double)x);
        printf("  float %08x\n", (unsigned)(union { float f; uint32_t u; }){(float)x}.u);
        printf("  ll %lld\n", (long long)x);
        printf("  int %d\n", (int)fmodl(x, 2147483647.0L));
        printf("  ull %llu\n", (unsigned long long)fabsl(x));
        bits("  from ll", (long double)(long long)guest_next());
        bits("  from ull", (long double)guest_next());
        bits("  from double", (long double)(double)x);
    }
    printf("lrintl(2.5) %ld llrintl(-3.5) %lld\n", lrintl(2.5L), llrintl(-3.5L));
}

static const int modes[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
static const char *const mode_names[] = {"nearest", "down", "up", "zero"};

static void rounding(void) {
    for (int m = 0; m < 4; m++) {
        if (fesetround(modes[m]) != 0) {
            printf("fesetround %s failed\n", mode_names[m]);
            continue;
        }
        printf("mode %s: fegetround ok %d\n", mode_names[m], fegetround() == modes[m]);
        volatile long double one = 1, three = 3, ten = 10;
        bits("  1/3", one / three);
        bits("  -1/3", -one / three);
        bits("  sqrt10", sqrtl(ten));
        bits("  rintl(2.5)", rintl(2.5L));
        bits("  rintl(-2.5)", rintl(-2.5L));
        bits("  nearbyintl(7.5)", nearbyintl(7.5L));
        printf("  lrintl(-7.5) %ld\n", lrintl(-7.5L));
        volatile double d1 = 1, d3 = 3;
        dbits("  double 1/3", d1 / d3);
        dbits("  double(1/3L)", (double)(one / three));
        printf("  float(1/3L) %08x\n", (unsigned)(union { float f; uint32_t u; }){(float)(one / three)}.u);
    }
    fesetround(FE_TONEAREST);
}

static void flags(const char *label) {
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("%s:%s%s%s%s%s\n", label, f & FE_INVALID ? " invalid" : "", f & FE_DIVBYZERO ? " divbyzero" : "",
           f & FE_OVERFLOW ? " overflow" : "", f & FE_UNDERFLOW ? " underflow" : "", f & FE_INEXACT ? " inexact" : "");
    feclearexcept(FE_ALL_EXCEPT);
}

static void exceptions(void) {
    volatile long double zero = 0, one = 1, three = 3, huge = ldexpl(1, 16383), tiny = ldexpl(1, -16382);
    feclearexcept(FE_ALL_EXCEPT);
    flags("none");
    sink = one / zero;
    flags("1/0");
    sink = zero / zero;
    flags("0/0");
    sink = huge * huge;
    flags("huge*huge");
    sink = tiny * tiny;
    flags("tiny*tiny");
    sink = one / three;
    flags("1/3");
    sink = sqrtl(-one);
    flags("sqrt(-1)");
    sink = (long double)(long long)huge;
    flags("(ll)huge");
    sink = one + one;
    flags("1+1");
}

static void libm(void) {
    static const double args[] = {0.5, 1.0, 2.0, 3.0, 10.0, -0.75, 100.0, 1e-5, 0.7853981633974483};
    for (size_t i = 0; i < sizeof args / sizeof args[0]; i++) {
        double x = args[i];
        printf("x=%g sin %a cos %a tan %a exp %a\n", x, sin(x), cos(x), tan(x), exp(x));
        printf("  log %a pow %a atan2 %a\n", log(fabs(x)), pow(fabs(x), 1.5), atan2(x, 0.3));
        /* 17 digits: the x87's transcendental instructions are within an ulp, not always correctly rounded, and
         * differ between processors in the last bit (docs/lifter-x87.md). */
        long double lx = x;
        printf("  sinl %.17Lg cosl %.17Lg tanl %.17Lg\n", sinl(lx), cosl(lx), tanl(lx));
        printf("  expl %.17Lg logl %.17Lg powl %.17Lg atan2l %.17Lg\n", expl(lx), logl(fabsl(lx)),
               powl(fabsl(lx), 1.5L), atan2l(lx, 0.3L));
    }
}

static void formatting(void) {
    long double values[] = {1.0L / 3, 0.1L, -2.5L, 1e300L * 1e300L, ldexpl(1, -16445), 123456789.125L};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        long double v = values[i];
        printf("%a %La %.20Lg %Le %.3Lf\n", (double)v, v, v, v, v);
    }
    const char *texts[] = {"0.1", "1e4000", "3.14159265358979323846264338327950288", "1e-4940", "0x1.8p+1",
                           "-0", "inf", "nan", "123456789012345678901234567890"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char label[64];
        snprintf(label, sizeof label, "strtold(%s)", texts[i]);
        long double v = strtold(texts[i], NULL);
        if (v != v) v = __builtin_nanl(""); /* the NaN's sign and payload are the library's business */
        bits(label, v);
    }
}

int main(void) {
    arithmetic();
    conversions();
    rounding();
    exceptions();
    libm();
    formatting();
    return 0;
}
