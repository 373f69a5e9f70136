/*
 * compress: a two-stage compressor and its decompressor. LZSS finds
 * repeats with hash chains over a 4 KB window (flag bits, then literals or
 * 12-bit distance / 4-bit length pairs); a canonical Huffman code then
 * packs the LZSS bytes bit by bit. Runs over generated text, random bytes
 * and a run of one byte; prints the sizes and checks that both stages undo
 * exactly.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"

enum { WINDOW = 4096, MIN_MATCH = 3, MAX_MATCH = 18, HASH_SIZE = 4096, MAX_CHAIN = 32 };

static unsigned hash3(const uint8_t *p) {
    return ((unsigned)p[0] << 8 ^ (unsigned)p[1] << 4 ^ p[2]) & (HASH_SIZE - 1);
}

/* LZSS: each flag byte announces eight items, bit set = literal. Returns the output length. */
static size_t lzss_encode(const uint8_t *in, size_t n, uint8_t *out) {
    int32_t *head = malloc(HASH_SIZE * sizeof(int32_t));
    int32_t *prev = malloc(n * sizeof(int32_t) + 1);
    for (int i = 0; i < HASH_SIZE; i++) head[i] = -1;
    size_t o = 0, flag_at = 0, i = 0;
    int items = 8;
    while (i < n) {
        if (items == 8) {
            flag_at = o++;
            out[flag_at] = 0;
            items = 0;
        }
        size_t best_len = 0, best_dist = 0;
        if (i + MIN_MATCH <= n) {
            int chain = 0;
            for (int32_t c = head[hash3(in + i)]; c >= 0 && i - (size_t)c <= WINDOW && chain < MAX_CHAIN;
                 c = prev[c], chain++) {
                size_t len = 0;
                while (len < MAX_MATCH && i + len < n && in[c + len] == in[i + len]) len++;
                if (len > best_len) best_len = len, best_dist = i - (size_t)c;
            }
        }
        size_t step;
        if (best_len >= MIN_MATCH) {
            size_t code = (best_dist - 1) << 4 | (best_len - MIN_MATCH);
            out[o++] = (uint8_t)(code >> 8);
            out[o++] = (uint8_t)code;
            step = best_len;
        } else {
            out[flag_at] |= (uint8_t)(1 << items);
            out[o++] = in[i];
            step = 1;
        }
        items++;
        for (size_t k = 0; k < step; k++, i++) {
            if (i + MIN_MATCH <= n) {
                unsigned h = hash3(in + i);
                prev[i] = head[h];
                head[h] = (int32_t)i;
            }
        }
    }
    free(head);
    free(prev);
    return o;
}

static size_t lzss_decode(const uint8_t *in, size_t n, uint8_t *out) {
    size_t i = 0, o = 0;
    while (i < n) {
        uint8_t flags = in[i++];
        for (int item = 0; item < 8 && i < n; item++) {
            if (flags >> item & 1) {
                out[o++] = in[i++];
            } else {
                size_t code = (size_t)in[i] << 8 | in[i + 1];
                i += 2;
                size_t dist = (code >> 4) + 1, len = (code & 15) + MIN_MATCH;
                for (size_t k = 0; k < len; k++, o++) out[o] = out[o - dist]; /* may overlap */
            }
        }
    }
    return o;
}

/*
 * Huffman code lengths from symbol counts (the tree built by repeatedly joining the two lightest).
 * The inputs here never need more than 15 bits; canonical_codes notices if they did.
 */
static void code_lengths(const uint32_t count[256], uint8_t length[256]) {
    uint32_t weight[512];
    int parent[512], alive[512], nodes = 0;
    for (int s = 0; s < 256; s++) {
        weight[nodes] = count[s];
        alive[nodes] = count[s] > 0;
        parent[nodes++] = -1;
    }
    for (;;) {
        int a = -1, b = -1;
        for (int k = 0; k < nodes; k++) {
            if (!alive[k]) continue;
            if (a < 0 || weight[k] < weight[a]) b = a, a = k;
            else if (b < 0 || weight[k] < weight[b]) b = k;
        }
        if (b < 0) break;
        weight[nodes] = weight[a] + weight[b];
        alive[nodes] = 1;
        parent[nodes] = -1;
        alive[a] = alive[b] = 0;
        parent[a] = parent[b] = nodes++;
    }
    for (int s = 0; s < 256; s++) {
        int depth = 0;
        for (int k = s; parent[k] >= 0; k = parent[k]) depth++;
        length[s] = (uint8_t)(count[s] == 0 ? 0 : depth == 0 ? 1 : depth > 15 ? 15 : depth);
    }
}

/* Codes in canonical order: by length, then by symbol. Fails (returns 0) if the lengths overflow. */
static int canonical_codes(const uint8_t length[256], uint16_t code[256]) {
    uint32_t next = 0;
    for (int len = 1; len <= 15; len++) {
        for (int s = 0; s < 256; s++)
            if (length[s] == len) code[s] = (uint16_t)next++;
        if (next > (1u << len)) return 0;
        next <<= 1;
    }
    return 1;
}

struct bits {
    uint8_t *p;
    size_t bit;
};

static void put_bits(struct bits *w, uint32_t value, int n) {
    for (int k = n - 1; k >= 0; k--, w->bit++) {
        if ((w->bit & 7) == 0) w->p[w->bit >> 3] = 0;
        w->p[w->bit >> 3] |= (uint8_t)((value >> k & 1) << (7 - (w->bit & 7)));
    }
}

static int get_bit(struct bits *r) {
    int b = r->p[r->bit >> 3] >> (7 - (r->bit & 7)) & 1;
    r->bit++;
    return b;
}

static size_t huffman_encode(const uint8_t *in, size_t n, uint8_t length[256], uint8_t *out) {
    uint32_t count[256] = {0};
    uint16_t code[256];
    for (size_t i = 0; i < n; i++) count[in[i]]++;
    code_lengths(count, length);
    CHECK(canonical_codes(length, code));
    struct bits w = {out, 0};
    for (size_t i = 0; i < n; i++) put_bits(&w, code[in[i]], length[in[i]]);
    return (w.bit + 7) / 8;
}

/* Decodes n symbols with the canonical code rebuilt from the lengths alone. */
static void huffman_decode(const uint8_t *in, size_t n, const uint8_t length[256], uint8_t *out) {
    int first_code[16], first_index[16], count[16] = {0};
    uint8_t sorted[256];
    int k = 0;
    for (int len = 1; len <= 15; len++)
        for (int s = 0; s < 256; s++)
            if (length[s] == len) sorted[k++] = (uint8_t)s, count[len]++;
    int code = 0, index = 0;
    for (int len = 1; len <= 15; len++) {
        first_code[len] = code;
        first_index[len] = index;
        code = (code + count[len]) << 1;
        index += count[len];
    }
    struct bits r = {(uint8_t *)in, 0};
    for (size_t i = 0; i < n; i++) {
        int c = 0;
        for (int len = 1; len <= 15; len++) {
            c = c << 1 | get_bit(&r);
            if (c - first_code[len] < count[len]) {
                out[i] = sorted[first_index[len] + c - first_code[len]];
                break;
            }
        }
    }
}

static uint32_t fnv(const uint8_t *p, size_t n) {
    uint32_t h = 2166136261u;
    while (n--) h = (h ^ *p++) * 16777619u;
    return h;
}

static void round_trip(const char *name, const uint8_t *data, size_t n) {
    uint8_t *lz = malloc(n + n / 8 + 16), *back = malloc(n + MAX_MATCH);
    uint8_t *packed = malloc(2 * n + 16), *unpacked = malloc(n + n / 8 + 16);
    size_t lz_len = lzss_encode(data, n, lz);
    uint8_t length[256];
    size_t packed_len = huffman_encode(lz, lz_len, length, packed);
    huffman_decode(packed, lz_len, length, unpacked);
    int huffman_ok = memcmp(unpacked, lz, lz_len) == 0;
    size_t back_len = lzss_decode(unpacked, lz_len, back);
    int lzss_ok = back_len == n && memcmp(back, data, n) == 0;
    printf("%-8s %6u bytes -> lzss %6u -> huffman %6u (%u.%u%%), hash %08x, round trip %s\n", name, (unsigned)n,
           (unsigned)lz_len, (unsigned)packed_len, (unsigned)(packed_len * 100 / n),
           (unsigned)(packed_len * 1000 / n % 10), (unsigned)fnv(packed, packed_len),
           huffman_ok && lzss_ok ? "ok" : "BROKEN");
    CHECK(huffman_ok);
    CHECK(lzss_ok);
    free(lz), free(back), free(packed), free(unpacked);
}

/* Text from a small word list with a skewed choice: repetitive like real prose. */
static size_t make_text(uint8_t *out, size_t n) {
    static const char *const words[] = {"the", "guest", "code", "runs", "on", "a", "translator", "and",
                                        "every", "block", "is", "cached", "when", "it", "jumps", "back",
                                        "to", "memory", "register", "flags"};
    size_t o = 0;
    while (o + 16 < n) {
        uint32_t r = guest_below(400);
        const char *w = words[(r * r / 8000) % 20];
        size_t len = strlen(w);
        memcpy(out + o, w, len);
        o += len;
        out[o++] = guest_below(12) == 0 ? '\n' : ' ';
    }
    return o;
}

int main(void) {
    enum { SIZE = 48 * 1024 };
    uint8_t *data = malloc(SIZE);
    guest_seed(8086);
    size_t n = make_text(data, SIZE);
    round_trip("text", data, n);
    for (size_t i = 0; i < 8192; i++) data[i] = (uint8_t)(guest_next() >> 56);
    round_trip("random", data, 8192);
    memset(data, 'z', 10000);
    round_trip("run", data, 10000);
    round_trip("tiny", (const uint8_t *)"abcabcabcabc", 12);
    free(data);
    printf("compress: %s\n", guest_failures ? "FAILED" : "ok");
    return guest_status();
}
