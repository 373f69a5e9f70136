/*
 * strings: the C library's string and formatting functions against simple
 * reference loops written here: mem* and str* over every small length and
 * alignment (libc picks vectorised versions, which the translator must run
 * exactly), strstr/strtok/strspn, qsort with strcmp, snprintf formats with
 * widths and padding, and strtol/strtoll/strtoul with bases and errors.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"

enum { AREA = 512 };

static unsigned char area_a[AREA], area_b[AREA], area_ref[AREA];

static void fill_random(unsigned char *p, size_t n) {
    for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(guest_next() >> 56);
}

static void mem_functions(void) {
    int bad_memcpy = 0, bad_memmove = 0, bad_memset = 0, bad_memcmp = 0, bad_memchr = 0;
    for (size_t len = 0; len <= 160; len += (len < 40 ? 1 : 9)) {
        fill_random(area_a, AREA);
        for (size_t src = 0; src < 16; src += 1 + len % 2) {
            for (size_t dst = 0; dst < 16; dst += 5) {
                memcpy(area_ref, area_a, AREA);
                /* memcpy between distinct buffers */
                memcpy(area_b, area_a, AREA);
                memcpy(area_b + 200 + dst, area_a + src, len);
                for (size_t i = 0; i < len; i++) area_ref[200 + dst + i] = area_a[src + i];
                bad_memcpy += memcmp(area_b, area_ref, AREA) != 0;

                /* memmove overlapping both ways */
                memcpy(area_b, area_a, AREA);
                memcpy(area_ref, area_a, AREA);
                memmove(area_b + 100 + dst, area_b + 100 + src, len);
                unsigned char tmp[AREA];
                for (size_t i = 0; i < len; i++) tmp[i] = area_ref[100 + src + i];
                for (size_t i = 0; i < len; i++) area_ref[100 + dst + i] = tmp[i];
                bad_memmove += memcmp(area_b, area_ref, AREA) != 0;

                /* memset */
                memset(area_b + 50 + dst, (int)(len + src), len);
                for (size_t i = 0; i < len; i++) area_ref[50 + dst + i] = (unsigned char)(len + src);
                bad_memset += memcmp(area_b, area_ref, AREA) != 0;

                /* memcmp: equal, then one differing byte at each end */
                memcpy(area_b, area_a, AREA);
                bad_memcmp += memcmp(area_a + src, area_b + src, len) != 0;
                if (len > 0) {
                    size_t at = (src * 7) % len;
                    area_b[src + at] ^= 0x80;
                    int r = memcmp(area_a + src, area_b + src, len);
                    int want = area_a[src + at] < area_b[src + at] ? -1 : 1;
                    bad_memcmp += (r < 0 ? -1 : r > 0) != want;
                    /* memchr finds the first occurrence */
                    unsigned char needle = area_a[src + at];
                    const unsigned char *found = memchr(area_a + src, needle, len);
                    size_t first = 0;
                    while (area_a[src + first] != needle) first++;
                    bad_memchr += found != area_a + src + first;
                }
            }
        }
    }
    printf("mem*: memcpy %d memmove %d memset %d memcmp %d memchr %d mismatches\n", bad_memcpy, bad_memmove,
           bad_memset, bad_memcmp, bad_memchr);
    CHECK(bad_memcpy + bad_memmove + bad_memset + bad_memcmp + bad_memchr == 0);
}

static void str_functions(void) {
    char buf[300], copy[300];
    int bad = 0;
    for (size_t off = 0; off < 16; off++) {
        for (size_t len = 0; len < 200; len += 1 + len / 8) {
            memset(buf, 'x', sizeof buf);
            for (size_t i = 0; i < len; i++) buf[off + i] = (char)('a' + (i * 7 + off) % 26);
            buf[off + len] = 0;
            bad += strlen(buf + off) != len;
            bad += strnlen(buf + off, len / 2) != len / 2;
            strcpy(copy + (15 - off), buf + off);
            bad += strcmp(copy + (15 - off), buf + off) != 0;
            char *c = strchr(buf + off, 'a' + (int)((len * 3) % 26));
            char *r = strrchr(buf + off, 'a' + (int)((len * 3) % 26));
            char *c_ref = NULL, *r_ref = NULL;
            for (size_t i = 0; i < len; i++)
                if (buf[off + i] == 'a' + (char)((len * 3) % 26)) {
                    if (!c_ref) c_ref = buf + off + i;
                    r_ref = buf + off + i;
                }
            bad += c != c_ref || r != r_ref;
            bad += strchr(buf + off, 0) != buf + off + len;
        }
    }
    printf("str*: %d mismatches\n", bad);
    CHECK(bad == 0);

    const char *hay = "the quick brown fox jumps over the lazy dog; the end";
    printf("strstr: %ld %ld %s\n", (long)(strstr(hay, "the lazy") - hay), (long)(strstr(hay, "end") - hay),
           strstr(hay, "cat") ? "found" : "none");
    printf("strspn=%u strcspn=%u strpbrk=%s\n", (unsigned)strspn(hay, "the "), (unsigned)strcspn(hay, "xyz"),
           strpbrk(hay, "zq"));
    char sentence[] = "  alpha,beta;;gamma , delta  ";
    printf("strtok:");
    for (char *t = strtok(sentence, " ,;"); t; t = strtok(NULL, " ,;")) printf(" [%s]", t);
    printf("\n");
    char small[8];
    memset(small, '#', sizeof small);
    strncpy(small, "abc", sizeof small);
    printf("strncpy pads: %d %d\n", small[3] == 0, small[7] == 0);
    char cat[32] = "head";
    const char *tail = "-tail-long";
    strncat(cat, tail, 5);
    strcat(cat, "!");
    printf("strcat: %s; strncmp: %d %d\n", cat, strncmp("abcdef", "abcxyz", 3) == 0, strncmp("abc", "abd", 3) < 0);
    char upper[32];
    size_t i = 0;
    for (const char *p = "Mixed Case 123"; *p; p++) upper[i++] = (char)toupper((unsigned char)*p);
    upper[i] = 0;
    printf("toupper: %s; isalpha/isdigit/isspace counts: ", upper);
    int a = 0, d = 0, s = 0;
    for (const char *p = hay; *p; p++) a += isalpha((unsigned char)*p) != 0, d += isdigit((unsigned char)*p) != 0,
                                       s += isspace((unsigned char)*p) != 0;
    printf("%d %d %d\n", a, d, s);
}

static int compare_strings(const void *x, const void *y) {
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static void sorting_words(void) {
    enum { WORDS = 300 };
    char *words[WORDS];
    for (int w = 0; w < WORDS; w++) {
        int len = 1 + (int)guest_below(12);
        words[w] = malloc(len + 8);
        for (int k = 0; k < len; k++) words[w][k] = (char)('a' + guest_below(6));
        sprintf(words[w] + len, "%03d", w); /* distinct, so every libc's qsort agrees */
    }
    qsort(words, WORDS, sizeof(char *), compare_strings);
    int ordered = 1;
    for (int w = 1; w < WORDS; w++) ordered &= strcmp(words[w - 1], words[w]) < 0;
    CHECK(ordered);
    printf("qsort words: first %s %s %s last %s\n", words[0], words[1], words[2], words[WORDS - 1]);
    uint32_t h = 0;
    for (int w = 0; w < WORDS; w++) {
        for (const char *p = words[w]; *p; p++) h = h * 131 + (unsigned char)*p;
        free(words[w]);
    }
    printf("qsort words: hash %08x\n", (unsigned)h);
}

static void formatting(void) {
    char out[256];
    int n = snprintf(out, sizeof out, "[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%x] [%X] [%#x] [%o] [%#o]", -42, 42, 42,
                     -42, 42, 42, 48879, 48879, 255, 8, 8);
    printf("%s (%d)\n", out, n);
    n = snprintf(out, sizeof out, "[%s] [%10s] [%-10s] [%.3s] [%c%c] [%%] [%*d] [%-*d] [%.*s]", "str", "right",
                 "left", "truncate", 'o', 'k', 6, 7, 6, 7, 2, "xyz");
    printf("%s (%d)\n", out, n);
    n = snprintf(out, sizeof out, "[%ld] [%lu] [%lx] [%lld] [%llu] [%llx] [%zu] [%hd] [%hhu]", -2147483647L - 1,
                 4294967295UL, 0xdeadbeefUL, -9223372036854775807LL - 1, 18446744073709551615ULL,
                 0x0123456789abcdefULL, (size_t)12345, (short)-3, (unsigned char)300);
    printf("%s (%d)\n", out, n);
    const char *longer = "this is longer than ten";
    n = snprintf(out, 10, "%s", longer);
    printf("truncated: [%s] would be %d\n", out, n);
    n = snprintf(NULL, 0, "%d-%s", 123456, "abc");
    printf("measure only: %d\n", n);
    int x, y;
    char word[16];
    n = sscanf("  17 0x1f name rest", "%d %i %15s", &x, &y, word);
    printf("sscanf: %d -> %d %d %s\n", n, x, y, word);
}

static void conversions(void) {
    static const struct {
        const char *text;
        int base;
    } cases[] = {
        {"12345", 10}, {"  -987xyz", 10}, {"0x7fffffff", 16}, {"0x1A", 0}, {"0777", 0}, {"101101", 2},
        {"zz", 36}, {"+15", 10}, {"", 10}, {"abc", 10}, {"2147483647", 10}, {"-2147483648", 10},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *end;
        errno = 0;
        long v = strtol(cases[i].text, &end, cases[i].base);
        printf("strtol(\"%s\", %d) = %ld, consumed %d, range %s\n", cases[i].text, cases[i].base, v,
               (int)(end - cases[i].text), errno == ERANGE ? "ERANGE" : "ok");
    }
    char *end;
    errno = 0;
    long long big = strtoll("99999999999999999999", &end, 10);
    printf("strtoll overflow: %lld %s\n", big, errno == ERANGE ? "ERANGE" : "no error");
    errno = 0;
    big = strtoll("-9223372036854775808", &end, 10);
    printf("strtoll min: %lld %s\n", big, errno == 0 ? "ok" : "error");
    unsigned long long u = strtoull("18446744073709551615", &end, 10);
    printf("strtoull max: %llu\n", u);
    printf("strtoul negative wraps: %lu\n", strtoul("-1", &end, 10) == ULONG_MAX ? 1UL : 0UL);
    printf("atoi: %d %d\n", atoi("  314abc"), atoi("-0"));
}

int main(void) {
    guest_seed(2024);
    mem_functions();
    str_functions();
    sorting_words();
    formatting();
    conversions();
    printf("strings: %s\n", guest_failures ? "FAILED" : "ok");
    return guest_status();
}
