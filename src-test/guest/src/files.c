/*
 * files: file-system calls in a fresh directory made under the current one:
 * open/write/read/lseek/pread/pwrite/readv/writev, fstat/stat, ftruncate,
 * dup/dup2/fcntl, pipe, stdio streams, directory listing, rename, symlink
 * and readlink, unlink/rmdir, and the errno of failing calls. Prints only
 * what is the same on every run (no inode numbers, times or the directory's
 * random name) and removes everything it made.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "guest.h"

static const char *errno_name(int e) {
    switch (e) {
    case 0: return "0";
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EBADF: return "EBADF";
    case EISDIR: return "EISDIR";
    case ENOTDIR: return "ENOTDIR";
    case EINVAL: return "EINVAL";
    case ESPIPE: return "ESPIPE";
    default: return "other";
    }
}

/* Runs a call that must fail and prints its errno. */
#define EXPECT_ERROR(call, want)                                                                    \
    do {                                                                                            \
        errno = 0;                                                                                  \
        long r_ = (long)(call);                                                                     \
        int e_ = errno;                                                                             \
        printf("%-34s -> %ld %s\n", #call, r_, errno_name(e_));                                    \
        CHECK(r_ == -1 && e_ == (want));                                                            \
    } while (0)

static uint32_t crc_table[256];

static uint32_t crc(const unsigned char *p, size_t n, uint32_t c) {
    if (crc_table[1] == 0)
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t t = i;
            for (int k = 0; k < 8; k++) t = (t >> 1) ^ (0xEDB88320u & -(t & 1));
            crc_table[i] = t;
        }
    c = ~c;
    while (n--) c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return ~c;
}

static void raw_io(void) {
    int fd = open("data.bin", O_CREAT | O_TRUNC | O_RDWR, 0644);
    CHECK(fd >= 0);
    unsigned char block[4096];
    uint32_t written_crc = 0;
    for (int i = 0; i < 64; i++) {
        for (size_t k = 0; k < sizeof block; k++) block[k] = (unsigned char)(guest_next() >> 40);
        CHECK(write(fd, block, sizeof block) == (ssize_t)sizeof block);
        written_crc = crc(block, sizeof block, written_crc);
    }
    struct stat st;
    CHECK(fstat(fd, &st) == 0);
    printf("wrote %lld bytes, crc %08x, regular %d, mode %03o\n", (long long)st.st_size, (unsigned)written_crc,
           S_ISREG(st.st_mode), (unsigned)(st.st_mode & 0777));
    CHECK(lseek(fd, 0, SEEK_CUR) == 1 << 18);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);

    /* Read back in odd pieces. */
    uint32_t read_crc = 0;
    size_t total = 0, piece = 1;
    for (;;) {
        ssize_t n = read(fd, block, piece);
        if (n <= 0) break;
        read_crc = crc(block, (size_t)n, read_crc);
        total += (size_t)n;
        piece = piece * 3 % 4093 + 1;
    }
    printf("read %u bytes back, crc %08x\n", (unsigned)total, (unsigned)read_crc);
    CHECK(read_crc == written_crc && total == 1 << 18);

    /* Positioned I/O leaves the offset alone. */
    off_t before = lseek(fd, 12345, SEEK_SET);
    CHECK(pwrite(fd, "PWRITE", 6, 1000) == 6);
    char six[7] = {0};
    CHECK(pread(fd, six, 6, 1000) == 6);
    printf("pread: %s, offset still %lld\n", six, (long long)lseek(fd, 0, SEEK_CUR));
    CHECK(before == 12345 && lseek(fd, 0, SEEK_CUR) == 12345);
    printf("lseek end-10: %lld\n", (long long)lseek(fd, -10, SEEK_END));

    /* Grow with a hole, then shrink. */
    CHECK(lseek(fd, (2 << 20) - 3, SEEK_SET) == (2 << 20) - 3);
    CHECK(write(fd, "end", 3) == 3);
    CHECK(fstat(fd, &st) == 0);
    printf("after hole: size %lld\n", (long long)st.st_size);
    char hole[8];
    CHECK(pread(fd, hole, 8, (1 << 18) + 100) == 8);
    CHECK(memcmp(hole, "\0\0\0\0\0\0\0\0", 8) == 0);
    CHECK(ftruncate(fd, 5000) == 0);
    CHECK(fsync(fd) == 0);
    CHECK(stat("data.bin", &st) == 0);
    printf("after ftruncate: size %lld\n", (long long)st.st_size);

    /* Scatter and gather. */
    char a[] = "scatter-", b[] = "gather-", c[] = "io";
    struct iovec out[3] = {{a, 8}, {b, 7}, {c, 2}};
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(writev(fd, out, 3) == 17);
    char x[5] = {0}, y[13] = {0};
    struct iovec in[2] = {{x, 4}, {y, 12}};
    CHECK(lseek(fd, 1, SEEK_SET) == 1);
    ssize_t got = readv(fd, in, 2);
    printf("readv %ld: [%s] [%s]\n", (long)got, x, y);
    CHECK(close(fd) == 0);
    EXPECT_ERROR(close(fd), EBADF);
}

static void descriptors(void) {
    int fd = open("data.bin", O_RDONLY);
    int copy = dup(fd);
    CHECK(copy > fd);
    CHECK(lseek(fd, 8, SEEK_SET) == 8);
    printf("dup shares offset: %lld\n", (long long)lseek(copy, 0, SEEK_CUR));
    int fixed = dup2(fd, 40);
    printf("dup2 -> %d, flags rdonly %d, cloexec %d\n", fixed, (fcntl(fixed, F_GETFL) & O_ACCMODE) == O_RDONLY,
           fcntl(fixed, F_GETFD) & FD_CLOEXEC);
    CHECK(fcntl(fixed, F_SETFD, FD_CLOEXEC) == 0);
    printf("cloexec set: %d\n", fcntl(fixed, F_GETFD) & FD_CLOEXEC);
    EXPECT_ERROR(write(fd, "x", 1), EBADF);
    close(fd);
    close(copy);
    close(fixed);

    int p[2];
    CHECK(pipe(p) == 0);
    CHECK(write(p[1], "through the pipe", 16) == 16);
    char buf[32] = {0};
    ssize_t n = read(p[0], buf, sizeof buf - 1);
    printf("pipe: %ld [%s]\n", (long)n, buf);
    EXPECT_ERROR(lseek(p[0], 0, SEEK_SET), ESPIPE);
    close(p[0]);
    close(p[1]);
}

static void streams(void) {
    FILE *f = fopen("notes.txt", "w");
    CHECK(f != NULL);
    for (int i = 1; i <= 50; i++) fprintf(f, "line %d: %s\n", i, i % 3 ? "plain" : "fizz");
    CHECK(fclose(f) == 0);
    f = fopen("notes.txt", "r");
    char line[64];
    int lines = 0, fizz = 0;
    while (fgets(line, sizeof line, f)) lines++, fizz += strstr(line, "fizz") != NULL;
    long size = ftell(f);
    CHECK(fseek(f, -15, SEEK_END) == 0);
    size_t n = fread(line, 1, 14, f);
    line[n] = 0;
    printf("stdio: %d lines, %d fizz, %ld bytes, tail [%s]\n", lines, fizz, size, line);
    rewind(f);
    int first = fgetc(f);
    CHECK(ungetc(first, f) == first);
    CHECK(fscanf(f, "line %d", &lines) == 1);
    printf("fscanf: %d\n", lines);
    fclose(f);
    f = fopen("notes.txt", "a");
    fputs("appended\n", f);
    fclose(f);
    struct stat st;
    CHECK(stat("notes.txt", &st) == 0);
    printf("after append: %lld bytes\n", (long long)st.st_size);
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_directory(const char *title) {
    DIR *d = opendir(".");
    CHECK(d != NULL);
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64) names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof(char *), compare_names); /* readdir's order is the file system's */
    printf("%s:", title);
    for (int i = 0; i < n; i++) {
        struct stat st;
        CHECK(lstat(names[i], &st) == 0);
        printf(" %s%s", names[i], S_ISDIR(st.st_mode) ? "/" : S_ISLNK(st.st_mode) ? "@" : "");
        free(names[i]);
    }
    printf("\n");
}

static void names(void) {
    for (int i = 0; i < 5; i++) {
        char name[16];
        snprintf(name, sizeof name, "file-%d", i * 7 % 5);
        int fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0600);
        CHECK(fd >= 0);
        CHECK(write(fd, name, strlen(name)) == (ssize_t)strlen(name));
        close(fd);
    }
    CHECK(mkdir("sub", 0755) == 0);
    CHECK(symlink("notes.txt", "link") == 0);
    list_directory("listing");
    char target[64];
    ssize_t n = readlink("link", target, sizeof target - 1);
    target[n > 0 ? n : 0] = 0;
    printf("readlink: %s\n", target);
    CHECK(rename("file-3", "sub/moved") == 0);
    CHECK(rename("file-4", "file-0") == 0); /* replaces file-0 */
    printf("access: moved %d, file-3 %d\n", access("sub/moved", R_OK) == 0, access("file-3", F_OK) == 0);
    int fd = open("file-0", O_RDONLY);
    char buf[16] = {0};
    CHECK(read(fd, buf, sizeof buf - 1) > 0);
    close(fd);
    printf("file-0 now holds: %s\n", buf);
    EXPECT_ERROR(open("missing", O_RDONLY), ENOENT);
    EXPECT_ERROR(open("file-1", O_CREAT | O_EXCL | O_WRONLY, 0600), EEXIST);
    EXPECT_ERROR(mkdir("sub", 0755), EEXIST);
    EXPECT_ERROR(rmdir("sub"), ENOTEMPTY);
    EXPECT_ERROR(open("file-1/x", O_RDONLY), ENOTDIR);
    EXPECT_ERROR(unlink("missing"), ENOENT);

    char cwd[4096];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    CHECK(chdir("sub") == 0);
    char inner[4096];
    CHECK(getcwd(inner, sizeof inner) != NULL);
    printf("chdir: now in .../%s, parent matches %d\n", strrchr(inner, '/') + 1,
           strncmp(inner, cwd, strlen(cwd)) == 0);
    CHECK(unlink("moved") == 0);
    CHECK(chdir("..") == 0);
    CHECK(rmdir("sub") == 0);
    list_directory("after cleanup of sub");
}

static void remove_all(void) {
    DIR *d = opendir(".");
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) CHECK(unlink(e->d_name) == 0);
    closedir(d);
}

int main(void) {
    umask(022);
    guest_seed(99);
    char dir[] = "guest-files-XXXXXX";
    if (mkdtemp(dir) == NULL || chdir(dir) != 0) {
        printf("cannot make a directory in the current one\n");
        return 2;
    }
    raw_io();
    descriptors();
    streams();
    names();
    remove_all();
    CHECK(chdir("..") == 0);
    CHECK(rmdir(dir) == 0);
    printf("files: %s\n", guest_failures ? "FAILED" : "ok");
    return guest_status();
}
