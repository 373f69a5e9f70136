/*
 * textfilter: a filter over standard input, like the small tools of a
 * shell pipeline. Reads all of stdin, then prints the line, word and byte
 * counts, a CRC-32 of the input, the ten most frequent words (ties in
 * alphabetical order), the longest line, and the last lines in reverse
 * order with ROT13 applied. Exits 1 when the input is empty.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct word {
    char *text;
    int count;
};

struct table {
    struct word *slots;
    size_t capacity, used;
};

static uint32_t hash_word(const char *s) {
    uint32_t h = 5381;
    while (*s) h = h * 33 ^ (unsigned char)*s++;
    return h;
}

static void table_grow(struct table *t);

static void table_add(struct table *t, const char *text) {
    if (t->used * 2 >= t->capacity) table_grow(t);
    size_t i = hash_word(text) & (t->capacity - 1);
    while (t->slots[i].text && strcmp(t->slots[i].text, text) != 0) i = (i + 1) & (t->capacity - 1);
    if (!t->slots[i].text) {
        t->slots[i].text = strdup(text);
        t->used++;
    }
    t->slots[i].count++;
}

static void table_grow(struct table *t) {
    struct table bigger = {calloc(t->capacity ? t->capacity * 2 : 64, sizeof(struct word)),
                           t->capacity ? t->capacity * 2 : 64, 0};
    for (size_t i = 0; i < t->capacity; i++) {
        if (!t->slots[i].text) continue;
        size_t j = hash_word(t->slots[i].text) & (bigger.capacity - 1);
        while (bigger.slots[j].text) j = (j + 1) & (bigger.capacity - 1);
        bigger.slots[j] = t->slots[i];
        bigger.used++;
    }
    free(t->slots);
    *t = bigger;
}

static int by_count_then_text(const void *a, const void *b) {
    const struct word *x = a, *y = b;
    if (x->count != y->count) return y->count - x->count;
    return strcmp(x->text, y->text);
}

static char rot13(char c) {
    if (c >= 'a' && c <= 'z') return (char)('a' + (c - 'a' + 13) % 26);
    if (c >= 'A' && c <= 'Z') return (char)('A' + (c - 'A' + 13) % 26);
    return c;
}

int main(void) {
    size_t size = 0, capacity = 4096;
    char *text = malloc(capacity);
    size_t n;
    while ((n = fread(text + size, 1, capacity - size, stdin)) > 0) {
        size += n;
        if (size == capacity) text = realloc(text, capacity *= 2);
    }
    if (size == 0) {
        printf("empty input\n");
        return 1;
    }

    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < size; i++) {
        crc ^= (unsigned char)text[i];
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
    crc = ~crc;

    /* Split into lines (the last one may lack its newline). */
    size_t nlines = 0, cap_lines = 64;
    char **lines = malloc(cap_lines * sizeof(char *));
    for (char *p = text; p < text + size;) {
        char *end = memchr(p, '\n', (size_t)(text + size - p));
        if (!end) end = text + size;
        if (nlines == cap_lines) lines = realloc(lines, (cap_lines *= 2) * sizeof(char *));
        size_t len = (size_t)(end - p);
        lines[nlines] = malloc(len + 1);
        memcpy(lines[nlines], p, len);
        lines[nlines++][len] = 0;
        p = end + 1;
    }

    struct table words = {NULL, 0, 0};
    size_t nwords = 0, longest = 0;
    for (size_t l = 0; l < nlines; l++) {
        if (strlen(lines[l]) > strlen(lines[longest])) longest = l;
        char word[64];
        size_t w = 0;
        for (const char *c = lines[l];; c++) {
            if (isalpha((unsigned char)*c) || *c == '\'') {
                if (w < sizeof word - 1) word[w++] = (char)tolower((unsigned char)*c);
            } else {
                if (w > 0) {
                    word[w] = 0;
                    table_add(&words, word);
                    nwords++;
                    w = 0;
                }
                if (!*c) break;
            }
        }
    }
    printf("lines %u, words %u, bytes %u, distinct words %u, crc32 %08x\n", (unsigned)nlines, (unsigned)nwords,
           (unsigned)size, (unsigned)words.used, (unsigned)crc);

    struct word *all = malloc(words.used * sizeof(struct word));
    size_t k = 0;
    for (size_t i = 0; i < words.capacity; i++)
        if (words.slots[i].text) all[k++] = words.slots[i];
    qsort(all, k, sizeof(struct word), by_count_then_text);
    printf("most frequent:");
    for (size_t i = 0; i < k && i < 10; i++) printf(" %s=%d", all[i].text, all[i].count);
    printf("\nlongest line (%u): %s\n", (unsigned)strlen(lines[longest]), lines[longest]);

    printf("last lines reversed, rot13:\n");
    for (size_t l = nlines; l > 0 && l + 5 > nlines; l--) {
        for (char *c = lines[l - 1]; *c; c++) *c = rot13(*c);
        printf("  %s\n", lines[l - 1]);
    }
    for (size_t i = 0; i < k; i++) free(all[i].text);
    for (size_t l = 0; l < nlines; l++) free(lines[l]);
    free(all), free(lines), free(words.slots), free(text);
    return 0;
}
