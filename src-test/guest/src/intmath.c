/*
 * intmath: 64-bit integer arithmetic as compilers emit it. Multiply, divide
 * and remainder signed and unsigned (on i386 these are libgcc calls),
 * shifts by variable counts, rotates, byte swaps, bit counts (built without
 * -mpopcnt, so __builtin_popcountll is a software routine), overflow
 * builtins, and number theory: a deterministic Miller-Rabin primality test
 * for 64-bit numbers and an integer square root. Each result is compared
 * with a bit-by-bit reference where one exists.
 */
#include <stdint.h>
#include <stdio.h>

#include "guest.h"

/* a * b mod m, without overflow: 128-bit multiply where the compiler has it, else shift and add. */
static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) {
#ifdef __SIZEOF_INT128__
    return (uint64_t)((unsigned __int128)a * b % m);
#else
    uint64_t r = 0;
    a %= m;
    while (b) {
        if (b & 1) r = r >= m - a ? r - (m - a) : r + a;
        a = a >= m - a ? a - (m - a) : a + a;
        b >>= 1;
    }
    return r;
#endif
}

static uint64_t powmod(uint64_t b, uint64_t e, uint64_t m) {
    uint64_t r = 1 % m;
    b %= m;
    for (; e; e >>= 1) {
        if (e & 1) r = mulmod(r, b, m);
        b = mulmod(b, b, m);
    }
    return r;
}

/* Deterministic for all n < 2^64 with these bases. */
static int is_prime(uint64_t n) {
    static const uint64_t bases[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
    if (n < 2) return 0;
    for (int i = 0; i < 12; i++) {
        if (n == bases[i]) return 1;
        if (n % bases[i] == 0) return 0;
    }
    uint64_t d = n - 1;
    int s = 0;
    while ((d & 1) == 0) d >>= 1, s++;
    for (int i = 0; i < 12; i++) {
        uint64_t x = powmod(bases[i], d, n);
        if (x == 1 || x == n - 1) continue;
        int composite = 1;
        for (int r = 1; r < s && composite; r++) {
            x = mulmod(x, x, n);
            if (x == n - 1) composite = 0;
        }
        if (composite) return 0;
    }
    return 1;
}

static uint64_t isqrt(uint64_t n) {
    uint64_t r = 0, bit = (uint64_t)1 << 62;
    while (bit > n) bit >>= 2;
    while (bit) {
        if (n >= r + bit) {
            n -= r + bit;
            r = (r >> 1) + bit;
        } else {
            r >>= 1;
        }
        bit >>= 2;
    }
    return r;
}

static int ref_popcount(uint64_t x) {
    int c = 0;
    for (int i = 0; i < 64; i++) c += (x >> i) & 1;
    return c;
}

static int ref_clz(uint64_t x) {
    int c = 0;
    for (int i = 63; i >= 0 && !((x >> i) & 1); i--) c++;
    return c;
}

static int ref_ctz(uint64_t x) {
    int c = 0;
    for (int i = 0; i < 64 && !((x >> i) & 1); i++) c++;
    return c;
}

static uint64_t ref_bswap(uint64_t x) {
    uint64_t r = 0;
    for (int i = 0; i < 8; i++) r = r << 8 | ((x >> (8 * i)) & 0xff);
    return r;
}

/* Unsigned division by shift and subtract, the reference for / and %. */
static uint64_t ref_udiv(uint64_t n, uint64_t d, uint64_t *rem) {
    uint64_t q = 0, r = 0;
    for (int i = 63; i >= 0; i--) {
        r = r << 1 | ((n >> i) & 1);
        if (r >= d) r -= d, q |= (uint64_t)1 << i;
    }
    *rem = r;
    return q;
}

/* An operand with interesting bit patterns: small, near powers of two, all ones, random. */
static uint64_t operand(void) {
    uint32_t k = guest_below(8);
    uint64_t r = guest_next();
    switch (k) {
    case 0: return r & 0xff;
    case 1: return (uint64_t)1 << (r & 63);
    case 2: return ((uint64_t)1 << (r & 63)) - 1;
    case 3: return ~(uint64_t)0 - (r & 3);
    case 4: return r >> (r & 63);
    case 5: return r & 0xffffffffu;
    default: return r;
    }
}

static void arithmetic(void) {
    uint64_t fold = 0;
    int bad_div = 0, bad_bits = 0, bad_ovf = 0;
    for (int i = 0; i < 4000; i++) {
        uint64_t a = operand(), b = operand();
        unsigned sh = (unsigned)(b & 63);
        int64_t sa = (int64_t)a, sb = (int64_t)b;
        fold = fold * 31 + a * b;
        fold ^= a >> sh;
        fold += (uint64_t)(sa >> sh);
        fold -= a << sh;
        fold ^= (a << sh) | (a >> ((64 - sh) & 63));
        if (b != 0) {
            uint64_t rem, q = ref_udiv(a, b, &rem);
            bad_div += a / b != q || a % b != rem;
            fold += a / b + a % b;
            if (!(sa == INT64_MIN && sb == -1)) {
                int64_t sq = sa / sb, sr = sa % sb;
                bad_div += sq * sb + sr != sa || (sr != 0 && (sr < 0) != (sa < 0));
                fold += (uint64_t)sq ^ (uint64_t)sr;
            }
        }
        uint32_t a32 = (uint32_t)a, b32 = ((uint32_t)b & 0x7fffffff) | 1; /* never INT32_MIN / -1 */
        fold += a32 / b32 + (uint32_t)((int32_t)a32 % (int32_t)b32);
        bad_bits += __builtin_popcountll(a) != ref_popcount(a);
        bad_bits += __builtin_popcount(a32) != ref_popcount(a32);
        if (a) bad_bits += __builtin_clzll(a) != ref_clz(a) || __builtin_ctzll(a) != ref_ctz(a);
        bad_bits += __builtin_bswap64(a) != ref_bswap(a);
        bad_bits += __builtin_bswap32(a32) != (uint32_t)(ref_bswap(a32) >> 32);
        bad_bits += __builtin_parityll(a) != (ref_popcount(a) & 1);
        uint64_t sum;
        int carry = __builtin_add_overflow(a, b, &sum);
        bad_ovf += carry != (sum < a);
        int64_t ssum;
        int over = __builtin_add_overflow(sa, sb, &ssum);
        bad_ovf += over != ((sa < 0) == (sb < 0) && (ssum < 0) != (sa < 0));
        uint64_t prod;
        int wide = __builtin_mul_overflow(a, b, &prod);
        bad_ovf += wide != (a != 0 && prod / a != b);
        fold += prod + (uint64_t)wide + (uint64_t)carry;
    }
    printf("arithmetic fold %016llx; division %d, bit-count %d, overflow %d mismatches\n",
           (unsigned long long)fold, bad_div, bad_bits, bad_ovf);
    CHECK(bad_div == 0 && bad_bits == 0 && bad_ovf == 0);
}

static void constants(void) {
    /* Division by constants becomes multiply-high sequences. */
    uint64_t x = 0xfedcba9876543210ull;
    printf("by constants: %llu %llu %llu %lld %lld\n", (unsigned long long)(x / 10), (unsigned long long)(x % 1000),
           (unsigned long long)(x / 7), (long long)((int64_t)x / 3), (long long)((int64_t)x % 641));
    int32_t y = -123456789;
    printf("32-bit: %d %d %u %d\n", y / 10, y % 10, (uint32_t)y / 10u, y >> 3);
    printf("shifts: %llx %llx %llx\n", (unsigned long long)(x >> 4), (unsigned long long)((int64_t)x >> 60),
           (unsigned long long)(x << 36));
}

static void number_theory(void) {
    static const uint64_t candidates[] = {
        1, 2, 97, 561, 7919, 1000000007ull, 4294967291ull, 4294967297ull, 3215031751ull,
        2305843009213693951ull, 18446744073709551557ull, 18446744073709551615ull, 3825123056546413051ull,
    };
    for (unsigned i = 0; i < sizeof candidates / sizeof candidates[0]; i++)
        printf("%20llu %s\n", (unsigned long long)candidates[i], is_prime(candidates[i]) ? "prime" : "composite");
    CHECK(is_prime(2305843009213693951ull) && !is_prime(3825123056546413051ull) && !is_prime(561));
    int count = 0;
    uint64_t last = 0;
    for (uint64_t n = 1000000000000ull; n < 1000000000000ull + 600; n++)
        if (is_prime(n)) count++, last = n;
    printf("primes in [10^12, 10^12+600): %d, last %llu\n", count, (unsigned long long)last);
    static const uint64_t squares[] = {0, 1, 15, 16, 17, 999999999999ull, 18446744073709551615ull};
    for (unsigned i = 0; i < sizeof squares / sizeof squares[0]; i++) {
        uint64_t r = isqrt(squares[i]);
        CHECK(r * r <= squares[i] && (r == 0xffffffffu || (r + 1) * (r + 1) > squares[i]));
        printf("isqrt(%llu) = %llu\n", (unsigned long long)squares[i], (unsigned long long)r);
    }
}

int main(void) {
    guest_seed(31337);
    arithmetic();
    constants();
    number_theory();
    printf("intmath: %s\n", guest_failures ? "FAILED" : "ok");
    return guest_status();
}
