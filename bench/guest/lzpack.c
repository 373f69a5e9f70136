/* An LZ77 compressor (hash of the next 3 bytes, one candidate per hash, greedy matching) and its
 * decompressor over N bytes of generated word-like text, round-tripped and checked: byte loads,
 * compares and copies. Prints the compressed size and a checksum of the compressed stream. */
#include "kernel.h"
#include <string.h>

#define HASH_BITS 15
#define WINDOW 65535
#define MIN_MATCH 4
#define MAX_MATCH 255

static const char *const words[] = {"the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as",
                                    "was", "with", "be", "by", "on", "not", "he", "this", "are", "or", "his",
                                    "from", "at", "which", "but", "have", "an", "had", "they", "you", "were",
                                    "register", "memory", "translate", "block", "guest", "host", "page", "flag"};

static void make_text(unsigned char *text, long n) {
    long at = 0;
    while (at < n) {
        const char *w = words[next_random() % (sizeof words / sizeof *words)];
        while (*w && at < n) text[at++] = (unsigned char) *w++;
        if (at < n) text[at++] = (next_random() % 12 == 0) ? '\n' : ' ';
    }
}

/* Token stream: a literal run is 0, length, bytes; a match is length (>= MIN_MATCH), offset (2 bytes). */
static long compress(const unsigned char *in, long n, unsigned char *out) {
    static int32_t head[1 << HASH_BITS];
    memset(head, -1, sizeof head);
    long o = 0, literal_start = 0, i = 0;
    while (i < n) {
        long best = 0, best_offset = 0;
        if (i + MIN_MATCH <= n) {
            uint32_t h = ((uint32_t) in[i] << 16 | in[i + 1] << 8 | in[i + 2]) * 2654435761u >> (32 - HASH_BITS);
            long candidate = head[h];
            head[h] = (int32_t) i;
            if (candidate >= 0 && i - candidate <= WINDOW) {
                long len = 0, limit = n - i < MAX_MATCH ? n - i : MAX_MATCH;
                while (len < limit && in[candidate + len] == in[i + len]) len++;
                if (len >= MIN_MATCH) { best = len; best_offset = i - candidate; }
            }
        }
        if (best == 0 && i - literal_start < 255) { i++; continue; }
        if (i > literal_start) {
            out[o++] = 0;
            out[o++] = (unsigned char) (i - literal_start);
            memcpy(out + o, in + literal_start, i - literal_start);
            o += i - literal_start;
        }
        if (best) {
            out[o++] = (unsigned char) best;
            out[o++] = (unsigned char) best_offset;
            out[o++] = (unsigned char) (best_offset >> 8);
            i += best;
        }
        literal_start = i;
    }
    if (n > literal_start) {
        out[o++] = 0;
        out[o++] = (unsigned char) (n - literal_start);
        memcpy(out + o, in + literal_start, n - literal_start);
        o += n - literal_start;
    }
    return o;
}

static long decompress(const unsigned char *in, long n, unsigned char *out) {
    long o = 0;
    for (long i = 0; i < n;) {
        unsigned len = in[i++];
        if (len == 0) {
            unsigned run = in[i++];
            memcpy(out + o, in + i, run);
            i += run;
            o += run;
        } else {
            long offset = in[i] | in[i + 1] << 8;
            i += 2;
            for (unsigned k = 0; k < len; k++, o++) out[o] = out[o - offset];
        }
    }
    return o;
}

int main(int argc, char **argv) {
    long n = size_argument(argc, argv, 16000000);
    unsigned char *text = malloc(n), *packed = malloc(n + n / 128 + 16), *back = malloc(n);
    if (!text || !packed || !back) return 1;
    make_text(text, n);
    long size = 0;
    uint64_t sum = 0;
    for (int round = 0; round < 2; round++) {
        size = compress(text, n, packed);
        if (decompress(packed, size, back) != n || memcmp(back, text, n) != 0) {
            fprintf(stderr, "lzpack: round trip failed\n");
            return 1;
        }
        for (long i = 0; i < size; i++) sum = sum * 131 + packed[i];
    }
    printf("lzpack %ld: %ld bytes compressed, checksum %llu\n", n, size, (unsigned long long) sum);
    free(text);
    free(packed);
    free(back);
    return 0;
}
