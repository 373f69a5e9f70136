/*
 * memory: the heap and the address space. A malloc/free stress with
 * PRNG-chosen sizes (small bins and large, mmap-backed blocks), realloc
 * growth and shrink, calloc zeroing, aligned allocation, and the raw system
 * calls: sbrk/brk, anonymous and file-less mmap, munmap, mprotect, mremap.
 * Every block carries a pattern checked before it is freed.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest.h"

struct block {
    unsigned char *p;
    size_t size;
    unsigned char tag;
};

/* The pattern covers every 8th byte and the last one: enough to see a lost or moved block, and cheap. */
static void paint(struct block *b) {
    for (size_t i = 0; i < b->size; i += 8) b->p[i] = (unsigned char)(b->tag + i * 13);
    b->p[b->size - 1] = (unsigned char)(b->tag + (b->size - 1) * 13);
}

static int intact(const struct block *b) {
    for (size_t i = 0; i < b->size; i += 8)
        if (b->p[i] != (unsigned char)(b->tag + i * 13)) return 0;
    return b->p[b->size - 1] == (unsigned char)(b->tag + (b->size - 1) * 13);
}

static size_t random_size(void) {
    uint32_t r = guest_below(1000);
    if (r < 700) return 1 + guest_below(128);
    if (r < 970) return 129 + guest_below(2000);
    if (r < 996) return 4096 + guest_below(12000);
    return 130000 + guest_below(40000); /* above glibc's mmap threshold */
}

static void heap_stress(void) {
    enum { SLOTS = 256, ROUNDS = 4000 };
    static struct block slots[SLOTS];
    size_t live = 0, peak = 0, allocations = 0, reallocs = 0;
    int corrupt = 0;
    for (int round = 0; round < ROUNDS; round++) {
        struct block *b = &slots[guest_below(SLOTS)];
        uint32_t action = guest_below(10);
        if (b->p == NULL) {
            b->size = random_size();
            b->tag = (unsigned char)round;
            b->p = action < 2 ? calloc(1, b->size) : malloc(b->size);
            if (action < 2)
                for (size_t i = 0; i < b->size; i++) corrupt += b->p[i] != 0;
            paint(b);
            live += b->size;
            allocations++;
        } else if (action < 3) {
            /* realloc keeps the common prefix */
            size_t old = b->size, keep;
            size_t size = random_size();
            corrupt += !intact(b);
            b->p = realloc(b->p, size);
            keep = old < size ? old : size;
            for (size_t i = 0; i < keep; i += 8) corrupt += b->p[i] != (unsigned char)(b->tag + i * 13);
            b->size = size;
            paint(b);
            live = live - old + size;
            reallocs++;
        } else {
            corrupt += !intact(b);
            free(b->p);
            b->p = NULL;
            live -= b->size;
        }
        if (live > peak) peak = live;
    }
    for (int i = 0; i < SLOTS; i++) {
        if (slots[i].p) corrupt += !intact(&slots[i]);
        free(slots[i].p);
        slots[i].p = NULL;
    }
    printf("heap: %u allocations, %u reallocs, peak %u bytes live, %d corrupt\n", (unsigned)allocations,
           (unsigned)reallocs, (unsigned)peak, corrupt);
    CHECK(corrupt == 0);
}

static void growth(void) {
    /* A vector doubling to 1 MB through realloc. */
    size_t cap = 1, n = 0;
    uint32_t *v = malloc(cap * sizeof *v);
    for (uint32_t i = 0; i < (1u << 18); i++) {
        if (n == cap) v = realloc(v, (cap *= 2) * sizeof *v);
        v[n++] = i * 2654435761u;
    }
    uint32_t sum = 0;
    for (size_t i = 0; i < n; i++) sum += v[i] ^ (uint32_t)i;
    printf("vector: %u elements, capacity %u, sum %08x\n", (unsigned)n, (unsigned)cap, (unsigned)sum);
    v = realloc(v, 16 * sizeof *v);
    CHECK(v[15] == 15u * 2654435761u);
    free(v);

    void *aligned = NULL;
    CHECK(posix_memalign(&aligned, 4096, 10000) == 0);
    printf("posix_memalign 4096: aligned %d\n", ((uintptr_t)aligned & 4095) == 0);
    free(aligned);
    void *al64 = aligned_alloc(64, 640);
    printf("aligned_alloc 64: aligned %d\n", ((uintptr_t)al64 & 63) == 0);
    free(al64);
}

/*
 * The program break through the raw system call: musl's sbrk and brk only
 * report the break (they refuse to move it), so the libc wrappers are not
 * portable here. The kernel returns the new break, or the old one on failure.
 */
static char *raw_brk(char *addr) {
    return (char *)syscall(SYS_brk, addr);
}

static void program_break(void) {
    char *start = raw_brk(NULL);
    char *end = raw_brk(start + 100000);
    printf("brk: grew by %ld\n", (long)(end - start));
    CHECK(end == start + 100000);
    memset(start, 0x5a, 100000);
    int ok = 1;
    for (int i = 0; i < 100000; i += 4096) ok &= start[i] == 0x5a;
    CHECK(ok);
    printf("brk: shrank to %ld\n", (long)(raw_brk(start + 50000) - start));
    printf("brk: back to start %d\n", raw_brk(start) == start);
    char *huge = raw_brk((char *)(uintptr_t)-4096); /* above every user address space */
    printf("brk: an impossible size leaves the break alone %d\n", huge == start);
}

static void mappings(void) {
    long page = sysconf(_SC_PAGESIZE);
    printf("page size %ld\n", page);
    size_t len = 64 * (size_t)page;
    unsigned char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    int zero = 1;
    for (size_t i = 0; i < len; i++) zero &= m[i] == 0;
    printf("mmap anonymous: zeroed %d, aligned %d\n", zero, ((uintptr_t)m & (page - 1)) == 0);
    for (size_t i = 0; i < len; i++) m[i] = (unsigned char)(i / page);

    /* Punch a hole in the middle; the rest stays. */
    CHECK(munmap(m + 10 * page, 4 * page) == 0);
    printf("after munmap of pages 10-13: page 9 = %d, page 14 = %d\n", m[9 * page], m[14 * page]);

    /* Read-only, then writable again. */
    CHECK(mprotect(m, 2 * page, PROT_READ) == 0);
    printf("read-only page still reads %d\n", m[page + 5]);
    CHECK(mprotect(m, 2 * page, PROT_READ | PROT_WRITE) == 0);
    m[page] = 200;
    printf("writable again: %d\n", m[page]);

    /* mremap the tail block bigger, allowing a move; contents follow. */
    unsigned char *tail = m + 14 * page;
    size_t tail_len = 50 * (size_t)page;
    unsigned char *grown = mremap(tail, tail_len, 200 * (size_t)page, MREMAP_MAYMOVE);
    CHECK(grown != MAP_FAILED);
    int kept = 1;
    for (size_t i = 0; i < tail_len; i++) kept &= grown[i] == (unsigned char)(14 + i / page);
    int fresh_zero = 1;
    for (size_t i = tail_len; i < 200 * (size_t)page; i += 97) fresh_zero &= grown[i] == 0;
    printf("mremap: contents kept %d, new part zero %d\n", kept, fresh_zero);
    CHECK(kept && fresh_zero);
    CHECK(munmap(grown, 200 * (size_t)page) == 0);
    CHECK(munmap(m, 10 * page) == 0);

    /* A fixed mapping at a hint that is free, and MAP_FIXED over part of it. */
    unsigned char *big = mmap(NULL, 16 * (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(big, 7, 16 * (size_t)page);
    unsigned char *fixed = mmap(big + 4 * page, 2 * (size_t)page, PROT_READ | PROT_WRITE,
                                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED: at hint %d, replaced zero %d, neighbours %d %d\n", fixed == big + 4 * page, fixed[0],
           big[4 * page - 1], big[6 * page]);
    CHECK(madvise(big, 16 * (size_t)page, MADV_DONTNEED) == 0);
    printf("MADV_DONTNEED: zero again %d\n", big[0]);
    CHECK(munmap(big, 16 * (size_t)page) == 0);

    void *bad = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap of length 0 fails: %d\n", bad == MAP_FAILED);
}

int main(void) {
    guest_seed(4242);
    heap_stress();
    growth();
    program_break();
    mappings();
    printf("memory: %s\n", guest_failures ? "FAILED" : "ok");
    return guest_status();
}
