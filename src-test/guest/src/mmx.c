/*
 * mmx: 64-bit SIMD integer code through the MMX intrinsics (<mmintrin.h>, the SSE integer extensions of
 * <xmmintrin.h> and, where CPUID says SSSE3, <tmmintrin.h>): a saturating blend and a fade of two byte images,
 * sums of absolute differences (block matching), a 16-bit dot product, shifts, compares and shuffles, each
 * checked against a scalar reference and summarised by a checksum. Between MMX code and floating point it calls
 * _mm_empty (EMMS), then does long double arithmetic, which is x87 code that needs the tags EMMS clears.
 */
#include <mmintrin.h>
#include <stdint.h>
#include <string.h>
#include <xmmintrin.h>

#include "guest.h"

#define W 64
#define H 48

static uint8_t image_a[H][W], image_b[H][W], out[H][W];

static uint64_t fnv(const void *p, size_t n) {
    const uint8_t *b = p;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ b[i]) * 0x100000001b3ull;
    }
    return h;
}

static __m64 m64(uint64_t v) {
    __m64 m;
    memcpy(&m, &v, 8);
    return m;
}

/* Eight bytes at p, as MOVQ mm, m64 loads them. */
static __m64 load(const void *p) {
    __m64 m;
    memcpy(&m, p, 8);
    return m;
}

static uint8_t sat8(int x) {
    return x < 0 ? 0 : x > 255 ? 255 : (uint8_t)x;
}

/* a + b - 64, saturating at each step, 8 pixels at a time. */
static void blend(void) {
    __m64 bias = _mm_set1_pi8(64);
    int bad = 0;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x += 8) {
            __m64 a = load(&image_a[y][x]);
            __m64 b = load(&image_b[y][x]);
            __m64 r = _mm_subs_pu8(_mm_adds_pu8(a, b), bias);
            memcpy(&out[y][x], &r, 8);
        }
    }
    _mm_empty();
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            bad += out[y][x] != sat8(sat8(image_a[y][x] + image_b[y][x]) - 64);
        }
    }
    CHECK(bad == 0);
    printf("blend   %016llx\n", (unsigned long long)fnv(out, sizeof out));
}

/* (a * alpha + b * (256 - alpha)) >> 8 in 16-bit lanes, packed back with unsigned saturation. */
static void fade(int alpha) {
    __m64 zero = _mm_setzero_si64();
    __m64 wa = _mm_set1_pi16((short)alpha), wb = _mm_set1_pi16((short)(256 - alpha));
    int bad = 0;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x += 8) {
            __m64 a = load(&image_a[y][x]);
            __m64 b = load(&image_b[y][x]);
            __m64 lo = _mm_add_pi16(_mm_mullo_pi16(_mm_unpacklo_pi8(a, zero), wa),
                                    _mm_mullo_pi16(_mm_unpacklo_pi8(b, zero), wb));
            __m64 hi = _mm_add_pi16(_mm_mullo_pi16(_mm_unpackhi_pi8(a, zero), wa),
                                    _mm_mullo_pi16(_mm_unpackhi_pi8(b, zero), wb));
            __m64 r = _mm_packs_pu16(_mm_srli_pi16(lo, 8), _mm_srli_pi16(hi, 8));
            memcpy(&out[y][x], &r, 8);
        }
    }
    _mm_empty();
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            bad += out[y][x] != (uint8_t)((image_a[y][x] * alpha + image_b[y][x] * (256 - alpha)) >> 8);
        }
    }
    CHECK(bad == 0);
    printf("fade %3d %016llx\n", alpha, (unsigned long long)fnv(out, sizeof out));
}

/* The best match of an 8x8 block of a within b (sum of absolute differences by PSADBW). */
static void block_match(int bx, int by) {
    unsigned best = ~0u, best_x = 0, best_y = 0, reference = ~0u;
    for (int y = 0; y + 8 <= H; y += 2) {
        for (int x = 0; x + 8 <= W; x += 4) {
            __m64 sum = _mm_setzero_si64();
            for (int k = 0; k < 8; k++) {
                __m64 a = load(&image_a[by + k][bx]);
                __m64 b = load(&image_b[y + k][x]);
                sum = _mm_add_pi32(sum, _mm_sad_pu8(a, b));
            }
            unsigned sad = (unsigned)_mm_cvtsi64_si32(sum);
            if (sad < best) {
                best = sad, best_x = x, best_y = y;
            }
        }
    }
    _mm_empty();
    for (int y = 0; y + 8 <= H; y += 2) {
        for (int x = 0; x + 8 <= W; x += 4) {
            unsigned sad = 0;
            for (int k = 0; k < 8; k++) {
                for (int j = 0; j < 8; j++) {
                    int d = image_a[by + k][bx + j] - image_b[y + k][x + j];
                    sad += d < 0 ? -d : d;
                }
            }
            reference = sad < reference ? sad : reference;
        }
    }
    CHECK(best == reference);
    printf("match (%2d,%2d) -> (%2u,%2u) sad %u\n", bx, by, best_x, best_y, best);
}

/* A 16-bit dot product by PMADDWD, and the same with every pair saturating (PADDSW). */
static void dot(void) {
    int16_t u[256], v[256];
    for (int i = 0; i < 256; i++) {
        u[i] = (int16_t)guest_next();
        v[i] = (int16_t)(guest_next() >> 20);
    }
    __m64 acc = _mm_setzero_si64();
    for (int i = 0; i < 256; i += 4) {
        acc = _mm_add_pi32(acc, _mm_madd_pi16(load(&u[i]), load(&v[i])));
    }
    int32_t sum = (int32_t)_mm_cvtsi64_si32(acc) + (int32_t)_mm_cvtsi64_si32(_mm_srli_si64(acc, 32));
    _mm_empty();
    int32_t reference = 0;
    for (int i = 0; i < 256; i++) {
        reference += u[i] * v[i];
    }
    CHECK(sum == reference);
    printf("dot     %d\n", sum);
}

/* Shifts by immediates and by registers, compares, logic, min/max, averages, high products, shuffles. */
static void lanes(void) {
    uint64_t h = 0;
    for (int i = 0; i < 200; i++) {
        __m64 a = m64(guest_next()), b = m64(guest_next());
        __m64 count = m64(guest_below(70));
        __m64 r[] = {
            _mm_sll_pi16(a, count), _mm_srl_pi32(a, count), _mm_sra_pi16(a, count), _mm_sll_si64(a, count),
            _mm_slli_pi32(a, 7), _mm_srai_pi32(b, 31), _mm_srli_si64(b, 13),
            _mm_cmpeq_pi8(a, _mm_or_si64(a, b)), _mm_cmpgt_pi16(a, b), _mm_cmpgt_pi32(b, a),
            _mm_andnot_si64(a, b), _mm_xor_si64(a, b), _mm_and_si64(a, b),
            _mm_adds_pi16(a, b), _mm_subs_pi8(a, b), _mm_subs_pu16(a, b), _mm_sub_pi32(a, b),
            _mm_mulhi_pi16(a, b), _mm_mulhi_pu16(a, b), _mm_mullo_pi16(a, b),
            _mm_packs_pi16(a, b), _mm_packs_pi32(a, b), _mm_unpackhi_pi16(a, b), _mm_unpacklo_pi32(a, b),
            _mm_unpackhi_pi32(a, b), _mm_max_pi16(a, b), _mm_min_pu8(a, b), _mm_avg_pu8(a, b), _mm_avg_pu16(a, b),
            _mm_shuffle_pi16(a, 0x1b), _mm_shuffle_pi16(b, 0xd8), _mm_insert_pi16(a, i, 2),
        };
        int scalars[] = {_mm_movemask_pi8(a), _mm_extract_pi16(b, 3), _mm_cvtsi64_si32(b)};
        _mm_empty();
        h = fnv(r, sizeof r) ^ (h * 31);
        h = fnv(scalars, sizeof scalars) ^ (h * 31);
    }
    printf("lanes   %016llx\n", (unsigned long long)h);
}

#if defined(__GNUC__) && !defined(__clang__)
#include <tmmintrin.h>

/* The SSSE3 MMX forms, run only where CPUID reports SSSE3. */
__attribute__((target("ssse3"))) static uint64_t ssse3_lanes(void) {
    uint64_t h = 0;
    for (int i = 0; i < 200; i++) {
        __m64 a = m64(guest_next()), b = m64(guest_next());
        __m64 r[] = {
            _mm_shuffle_pi8(a, b), _mm_hadd_pi16(a, b), _mm_hadd_pi32(a, b), _mm_hadds_pi16(a, b),
            _mm_hsub_pi16(a, b), _mm_hsub_pi32(a, b), _mm_hsubs_pi16(a, b), _mm_maddubs_pi16(a, b),
            _mm_mulhrs_pi16(a, b), _mm_sign_pi8(a, b), _mm_sign_pi16(a, b), _mm_sign_pi32(a, b),
            _mm_abs_pi8(a), _mm_abs_pi16(b), _mm_abs_pi32(a), _mm_alignr_pi8(a, b, 3), _mm_alignr_pi8(a, b, 11),
        };
        _mm_empty();
        h = fnv(r, sizeof r) ^ (h * 31);
    }
    return h;
}
#endif

/* After EMMS the x87 registers are empty again: long double arithmetic must work. */
static void x87_after_emms(void) {
    __m64 x = _mm_set_pi32(0x3fff, 0x12345678);
    volatile int keep = _mm_cvtsi64_si32(_mm_add_pi32(x, x));
    _mm_empty();
    volatile long double a = 1.5L, b = 3.0L;
    long double r = a / b + a * b;
    CHECK(r == 5.0L);
    printf("x87     %d %.3Lf\n", keep, r);
}

int main(void) {
    guest_seed(20261207);
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            image_a[y][x] = (uint8_t)guest_next();
            image_b[y][x] = (uint8_t)((x * 4 + y * 3) ^ (guest_next() & 15));
        }
    }
    blend();
    fade(0);
    fade(77);
    fade(256);
    block_match(0, 0);
    block_match(24, 16);
    block_match(56, 40);
    dot();
    lanes();
#if defined(__GNUC__) && !defined(__clang__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("ssse3")) {
        printf("ssse3   %016llx\n", (unsigned long long)ssse3_lanes());
    } else {
        printf("ssse3   not supported\n");
    }
#endif
    x87_after_emms();
    return guest_status();
}
