/* glibc's string and memory routines on word-like text, called the way parsers and text tools call them:
 * strlen, strchr, strcspn, strspn, strcmp, strcasecmp, strstr, memchr, memcmp, and memmove and strcpy at odd
 * offsets. glibc picks their SSE2, SSSE3 or SSE4.2 versions by CPUID at start-up, so this measures the code the
 * CPU model makes it select. */
#include "kernel.h"

#include <string.h>
#include <strings.h>

#define TEXT (1 << 16)
#define LINES 2048

static char text[TEXT + 64];
static char store[TEXT + LINES + 64];
static char copy[TEXT + 64];
static char *line[LINES];

static const char *const words[] = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "The",
                                    "QUICK", "stream", "of", "bytes", "42", "3.14", "x86-64", "jx86", "and"};

int main(int argc, char **argv) {
    long n = size_argument(argc, argv, 600);
    long at = 0;
    while (at < TEXT - 16) {
        const char *w = words[next_random() % (sizeof words / sizeof words[0])];
        size_t len = strlen(w);
        memcpy(text + at, w, len);
        at += len;
        uint64_t r = next_random() % 16;
        text[at++] = r == 0 ? '\n' : r == 1 ? ',' : r == 2 ? '.' : ' ';
    }
    text[at] = '\0';
    int lines = 0;
    char *s = store;
    for (char *p = text; *p != '\0' && lines < LINES;) {
        char *end = memchr(p, '\n', (size_t) (text + at - p));
        size_t len = end != NULL ? (size_t) (end - p) : strlen(p);
        memcpy(s, p, len);
        s[len] = '\0';
        line[lines++] = s;
        s += len + 1;
        p += len + (end != NULL);
    }
    uint64_t sum = 0;
    for (long round = 0; round < n; round++) {
        for (int i = 0; i < lines; i++) {
            const char *l = line[i];
            sum += strlen(l);
            sum += strcspn(l, ",.;:");
            sum += strspn(l, "abcdefghijklmnopqrstuvwxyz ");
            const char *q = strchr(l, 'q');
            sum += q != NULL ? (uint64_t) (q - l) : 1;
            const char *f = strstr(l, "fox j");
            sum += f != NULL ? (uint64_t) (f - l) : 2;
            if (i + 1 < lines) {
                sum += strcmp(l, line[i + 1]) < 0;
                sum += strcasecmp(l, line[i + 1]) < 0;
                sum += memcmp(l, line[i + 1], 4) < 0;
            }
        }
        for (const char *p = text; (p = memchr(p, '\n', (size_t) (text + at - p))) != NULL; p++) {
            sum++;
        }
        size_t from = (size_t) (round * 7 % 61);
        size_t to = (size_t) (round * 5 % 53);
        memmove(copy + to, text + from, TEXT / 2);
        sum += (unsigned char) copy[to + (size_t) round % (TEXT / 2)];
        strcpy(copy + (round & 15), line[round % lines]);
        sum += strlen(copy);
    }
    printf("strings %ld: %d lines, %016llx\n", n, lines, (unsigned long long) sum);
    return 0;
}
