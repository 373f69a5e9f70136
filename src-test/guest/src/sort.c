/*
 * sort: four sorting algorithms (quicksort, merge sort, heapsort, shell sort)
 * and libc's qsort over PRNG-generated arrays of several sizes and shapes.
 * Prints a checksum of each sorted array; every algorithm must agree with the
 * others and the output must be ordered.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"

typedef int32_t elem;

static void swap(elem *a, elem *b) {
    elem t = *a;
    *a = *b;
    *b = t;
}

static void insertion_sort(elem *a, long n) {
    for (long i = 1; i < n; i++) {
        elem v = a[i];
        long j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

/* Median-of-three quicksort with Hoare partitioning; small ranges by insertion. */
static void quick_sort(elem *a, long n) {
    while (n > 16) {
        long mid = n / 2;
        if (a[mid] < a[0]) swap(&a[mid], &a[0]);
        if (a[n - 1] < a[0]) swap(&a[n - 1], &a[0]);
        if (a[n - 1] < a[mid]) swap(&a[n - 1], &a[mid]);
        elem pivot = a[mid];
        long i = -1, j = n;
        for (;;) {
            do i++; while (a[i] < pivot);
            do j--; while (a[j] > pivot);
            if (i >= j) break;
            swap(&a[i], &a[j]);
        }
        /* Recurse into the smaller half, loop on the larger: bounded stack. */
        long left = j + 1;
        if (left < n - left) {
            quick_sort(a, left);
            a += left;
            n -= left;
        } else {
            quick_sort(a + left, n - left);
            n = left;
        }
    }
    insertion_sort(a, n);
}

static void merge_sort_rec(elem *a, elem *tmp, long n) {
    if (n < 2) return;
    long h = n / 2;
    merge_sort_rec(a, tmp, h);
    merge_sort_rec(a + h, tmp, n - h);
    long i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
    while (i < h) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof(elem));
}

static void merge_sort(elem *a, long n) {
    elem *tmp = malloc(n * sizeof(elem) + 1);
    merge_sort_rec(a, tmp, n);
    free(tmp);
}

static void sift_down(elem *a, long root, long n) {
    for (;;) {
        long child = 2 * root + 1;
        if (child >= n) return;
        if (child + 1 < n && a[child + 1] > a[child]) child++;
        if (a[root] >= a[child]) return;
        swap(&a[root], &a[child]);
        root = child;
    }
}

static void heap_sort(elem *a, long n) {
    for (long i = n / 2 - 1; i >= 0; i--) sift_down(a, i, n);
    for (long end = n - 1; end > 0; end--) {
        swap(&a[0], &a[end]);
        sift_down(a, 0, end);
    }
}

/* Shell sort with Ciura's gap sequence extended by x2.25. */
static void shell_sort(elem *a, long n) {
    static const long gaps[] = {1750, 701, 301, 132, 57, 23, 10, 4, 1};
    long big = 1750;
    while (big * 9 / 4 < n) big = big * 9 / 4;
    for (long g = big; g > 1750; g = g * 4 / 9) {
        for (long i = g; i < n; i++) {
            elem v = a[i];
            long j = i;
            for (; j >= g && a[j - g] > v; j -= g) a[j] = a[j - g];
            a[j] = v;
        }
    }
    for (unsigned k = 0; k < sizeof gaps / sizeof gaps[0]; k++) {
        long g = gaps[k];
        for (long i = g; i < n; i++) {
            elem v = a[i];
            long j = i;
            for (; j >= g && a[j - g] > v; j -= g) a[j] = a[j - g];
            a[j] = v;
        }
    }
}

static int compare_elem(const void *x, const void *y) {
    elem a = *(const elem *)x, b = *(const elem *)y;
    return (a > b) - (a < b);
}

static void libc_qsort(elem *a, long n) {
    qsort(a, n, sizeof(elem), compare_elem);
}

/* Order-sensitive checksum of an array (FNV-1a over the values). */
static uint32_t checksum(const elem *a, long n) {
    uint32_t h = 2166136261u;
    for (long i = 0; i < n; i++) {
        uint32_t v = (uint32_t)a[i];
        for (int b = 0; b < 4; b++) {
            h ^= (v >> (8 * b)) & 0xff;
            h *= 16777619u;
        }
    }
    return h;
}

static int is_sorted(const elem *a, long n) {
    for (long i = 1; i < n; i++)
        if (a[i - 1] > a[i]) return 0;
    return 1;
}

enum shape { RANDOM, FEW_VALUES, SORTED, REVERSED, ORGAN_PIPE };
static const char *const shape_names[] = {"random", "few-values", "sorted", "reversed", "organ-pipe"};

static void fill(elem *a, long n, enum shape s) {
    for (long i = 0; i < n; i++) {
        switch (s) {
        case RANDOM: a[i] = (elem)guest_next(); break;
        case FEW_VALUES: a[i] = (elem)guest_below(7) - 3; break;
        case SORTED: a[i] = (elem)(i * 3 - n); break;
        case REVERSED: a[i] = (elem)(n - i * 5); break;
        case ORGAN_PIPE: a[i] = (elem)(i < n / 2 ? i : n - i); break;
        }
    }
}

struct algorithm {
    const char *name;
    void (*sort)(elem *, long);
};

static const struct algorithm algorithms[] = {
    {"quick", quick_sort}, {"merge", merge_sort}, {"heap", heap_sort},
    {"shell", shell_sort}, {"qsort", libc_qsort},
};

int main(void) {
    static const long sizes[] = {0, 1, 2, 3, 17, 100, 1000, 4000};
    guest_seed(12345);
    elem *original = malloc(4000 * sizeof(elem));
    elem *work = malloc(4000 * sizeof(elem));
    for (unsigned si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        long n = sizes[si];
        for (int s = RANDOM; s <= ORGAN_PIPE; s++) {
            fill(original, n, s);
            uint32_t first = 0;
            printf("n=%-5ld %-10s in=%08x", n, shape_names[s], (unsigned)checksum(original, n));
            for (unsigned ai = 0; ai < sizeof algorithms / sizeof algorithms[0]; ai++) {
                memcpy(work, original, n * sizeof(elem));
                algorithms[ai].sort(work, n);
                uint32_t sum = checksum(work, n);
                CHECK(is_sorted(work, n));
                if (ai == 0) first = sum;
                else CHECK(sum == first);
            }
            printf(" out=%08x", (unsigned)first);
            if (n > 0) printf(" min=%ld max=%ld", (long)work[0], (long)work[n - 1]);
            printf("\n");
        }
    }
    free(work);
    free(original);
    printf("sort: %s\n", guest_failures ? "FAILED" : "ok");
    return guest_status();
}
