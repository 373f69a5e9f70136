/* An open-addressing hash table (linear probing, 64-bit keys) under a mix of inserts, lookups
 * that hit and miss, and updates: multiplicative hashing, data-dependent branches, cache misses.
 * N operations on a table of 2^20 slots kept at most about 70% full. */
#include "kernel.h"

#define SLOTS (1u << 20)
#define LIMIT (SLOTS / 10 * 7)

static uint64_t keys[SLOTS];
static uint32_t values[SLOTS];
static uint32_t used;

static inline uint32_t slot_of(uint64_t key) {
    return (uint32_t) ((key * 0x9e3779b97f4a7c15ull) >> 44);
}

static uint32_t *find(uint64_t key, int insert) {
    for (uint32_t s = slot_of(key);; s = (s + 1) & (SLOTS - 1)) {
        if (keys[s] == key) return &values[s];
        if (keys[s] == 0) {
            if (!insert) return 0;
            keys[s] = key;
            used++;
            return &values[s];
        }
    }
}

int main(int argc, char **argv) {
    long n = size_argument(argc, argv, 20000000);
    uint64_t hits = 0, misses = 0, sum = 0;
    for (long i = 0; i < n; i++) {
        uint64_t r = next_random();
        uint64_t key = (r >> 8) % (LIMIT * 2) + 1; /* about half of the key space fits */
        if ((r & 3) == 0 && used < LIMIT) {
            *find(key, 1) += (uint32_t) i;
        } else {
            uint32_t *v = find(key, 0);
            if (v) {
                hits++;
                sum += *v;
            } else {
                misses++;
            }
        }
    }
    printf("hashmap %ld: %u keys, %llu hits, %llu misses, checksum %llu\n", n, used, (unsigned long long) hits,
           (unsigned long long) misses, (unsigned long long) sum);
    return 0;
}
