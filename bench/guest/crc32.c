/* CRC-32 (IEEE 802.3, reflected, table-driven a byte at a time) of N bytes: a pseudo-random
 * 64 KiB buffer hashed over and over. A load-xor-shift-table-load chain per byte. */
#include "kernel.h"

#define BUFFER (1 << 16)

static uint32_t table[256];
static unsigned char buffer[BUFFER];

int main(int argc, char **argv) {
    long n = size_argument(argc, argv, 300000000);
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    for (long i = 0; i < BUFFER; i++) buffer[i] = (unsigned char) (next_random() >> 56);
    uint32_t crc = 0xffffffffu;
    for (long done = 0; done < n;) {
        long chunk = n - done < BUFFER ? n - done : BUFFER;
        for (long i = 0; i < chunk; i++) crc = table[(crc ^ buffer[i]) & 0xff] ^ (crc >> 8);
        done += chunk;
    }
    printf("crc32 %ld: %08x\n", n, crc ^ 0xffffffffu);
    return 0;
}
