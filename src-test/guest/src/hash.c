/*
 * hash: FNV-1a (32 and 64 bit), CRC-32 (IEEE, table driven), Adler-32 and
 * SHA-256, each checked against published test vectors and then run over
 * PRNG-generated buffers of many lengths (every tail length a block-based
 * hash can see). Prints hex digests.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"

static uint32_t fnv1a32(const uint8_t *p, size_t n) {
    uint32_t h = 2166136261u;
    while (n--) {
        h ^= *p++;
        h *= 16777619u;
    }
    return h;
}

static uint64_t fnv1a64(const uint8_t *p, size_t n) {
    uint64_t h = 14695981039346656037ull;
    while (n--) {
        h ^= *p++;
        h *= 1099511628211ull;
    }
    return h;
}

static uint32_t crc_table[256];

static void crc32_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc32(const uint8_t *p, size_t n) {
    uint32_t c = 0xFFFFFFFFu;
    while (n--) c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static uint32_t adler32(const uint8_t *p, size_t n) {
    uint32_t a = 1, b = 0;
    while (n--) {
        a = (a + *p++) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

/* SHA-256 (FIPS 180-4), streaming. */
struct sha256 {
    uint32_t h[8];
    uint8_t block[64];
    size_t used;
    uint64_t length;
};

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, int n) {
    return (x >> n) | (x << (32 - n));
}

static void sha256_block(struct sha256 *s, const uint8_t *b) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)b[4 * i] << 24 | (uint32_t)b[4 * i + 1] << 16 | (uint32_t)b[4 * i + 2] << 8 | b[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = s->h[0], bb = s->h[1], c = s->h[2], d = s->h[3];
    uint32_t e = s->h[4], f = s->h[5], g = s->h[6], h = s->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + sha_k[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = bb;
        bb = a;
        a = t1 + t2;
    }
    s->h[0] += a; s->h[1] += bb; s->h[2] += c; s->h[3] += d;
    s->h[4] += e; s->h[5] += f; s->h[6] += g; s->h[7] += h;
}

static void sha256_init(struct sha256 *s) {
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(s->h, iv, sizeof iv);
    s->used = 0;
    s->length = 0;
}

static void sha256_update(struct sha256 *s, const uint8_t *p, size_t n) {
    s->length += n;
    while (n > 0) {
        size_t take = 64 - s->used < n ? 64 - s->used : n;
        memcpy(s->block + s->used, p, take);
        s->used += take;
        p += take;
        n -= take;
        if (s->used == 64) {
            sha256_block(s, s->block);
            s->used = 0;
        }
    }
}

static void sha256_final(struct sha256 *s, char hex[65]) {
    uint64_t bits = s->length * 8;
    uint8_t pad = 0x80;
    sha256_update(s, &pad, 1);
    pad = 0;
    while (s->used != 56) sha256_update(s, &pad, 1);
    uint8_t len[8];
    for (int i = 0; i < 8; i++) len[i] = (uint8_t)(bits >> (56 - 8 * i));
    sha256_update(s, len, 8);
    for (int i = 0; i < 8; i++) sprintf(hex + 8 * i, "%08x", (unsigned)s->h[i]);
}

static void sha256_hex(const uint8_t *p, size_t n, char hex[65]) {
    struct sha256 s;
    sha256_init(&s);
    sha256_update(&s, p, n);
    sha256_final(&s, hex);
}

static void known_vectors(void) {
    char hex[65];
    const uint8_t *abc = (const uint8_t *)"abc";
    CHECK(fnv1a32((const uint8_t *)"", 0) == 0x811c9dc5u);
    CHECK(fnv1a32((const uint8_t *)"a", 1) == 0xe40c292cu);
    CHECK(fnv1a64((const uint8_t *)"a", 1) == 0xaf63dc4c8601ec8cull);
    CHECK(crc32((const uint8_t *)"123456789", 9) == 0xcbf43926u);
    CHECK(adler32((const uint8_t *)"Wikipedia", 9) == 0x11e60398u);
    sha256_hex(abc, 3, hex);
    printf("sha256(\"abc\") = %s\n", hex);
    CHECK(strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0);
    sha256_hex(abc, 0, hex);
    printf("sha256(\"\") = %s\n", hex);
    CHECK(strcmp(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == 0);
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex((const uint8_t *)two, strlen(two), hex);
    printf("sha256(448 bits) = %s\n", hex);
    CHECK(strcmp(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1") == 0);

    const char *four = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    sha256_hex((const uint8_t *)four, strlen(four), hex);
    printf("sha256(896 bits) = %s\n", hex);
    CHECK(strcmp(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1") == 0);

    /* 100,000 'a' in uneven pieces through the streaming path (digest from coreutils' sha256sum). */
    struct sha256 s;
    uint8_t as[997];
    memset(as, 'a', sizeof as);
    sha256_init(&s);
    size_t left = 100000;
    for (size_t piece = 1; left > 0; piece = piece % 997 + 1) {
        size_t n = piece < left ? piece : left;
        sha256_update(&s, as, n);
        left -= n;
    }
    sha256_final(&s, hex);
    printf("sha256(10^5 x 'a') = %s\n", hex);
    CHECK(strcmp(hex, "6d1cf22d7cc09b085dfc25ee1a1f3ae0265804c607bc2074ad253bcc82fd81ee") == 0);
}

int main(void) {
    crc32_init();
    known_vectors();

    enum { MAX = 4096 };
    uint8_t *data = malloc(MAX);
    guest_seed(0xC0FFEE);
    for (int i = 0; i < MAX; i++) data[i] = (uint8_t)(guest_next() >> 56);

    /* Digests of every prefix length fold into one line per hash. */
    uint32_t fold32 = 0, fold_crc = 0, fold_adler = 0;
    uint64_t fold64 = 0;
    struct sha256 fold_sha;
    sha256_init(&fold_sha);
    for (size_t n = 0; n <= 150; n++) {
        fold32 = fold32 * 31 + fnv1a32(data, n);
        fold64 = fold64 * 31 + fnv1a64(data, n);
        fold_crc ^= crc32(data + n, n);
        fold_adler += adler32(data, n);
        char hex[65];
        sha256_hex(data, n, hex);
        sha256_update(&fold_sha, (const uint8_t *)hex, 64);
    }
    char hex[65];
    sha256_final(&fold_sha, hex);
    printf("prefixes: fnv32=%08x fnv64=%016llx crc=%08x adler=%08x sha=%s\n", (unsigned)fold32,
           (unsigned long long)fold64, (unsigned)fold_crc, (unsigned)fold_adler, hex);

    static const size_t lengths[] = {1, 55, 56, 63, 64, 65, 1000, 4096};
    for (unsigned i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        size_t n = lengths[i];
        sha256_hex(data, n, hex);
        printf("len=%-4u fnv32=%08x fnv64=%016llx crc32=%08x adler32=%08x sha256=%s\n", (unsigned)n,
               (unsigned)fnv1a32(data, n), (unsigned long long)fnv1a64(data, n), (unsigned)crc32(data, n),
               (unsigned)adler32(data, n), hex);
    }
    free(data);
    printf("hash: %s\n", guest_failures ? "FAILED" : "ok");
    return guest_status();
}
