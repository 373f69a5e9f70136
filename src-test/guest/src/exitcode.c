/*
 * exitcode: the ways a process ends and the status its parent sees.
 * usage: exitcode return N | exit N | _exit N | atexit N | flush N
 *   return N  returns N from main      exit N   calls exit(N)
 *   _exit N   ends at once: buffered stdout is lost, write(2) output is not
 *             (stdout must not be a terminal: glibc and musl buffer it
 *             fully only when isatty/TIOCGWINSZ say it is not one)
 *   atexit N  handlers run in reverse order of registration, then status N
 *   flush N   output written with fflush before _exit(N) survives
 * Only the low 8 bits of N reach the parent (exit 258 gives 2).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void first(void) {
    printf("atexit: first registered, runs last\n");
}

static void second(void) {
    printf("atexit: second registered\n");
}

static void third(void) {
    printf("atexit: third registered, runs first\n");
}

int main(int argc, char **argv) {
    if (argc < 3) {
        printf("usage: exitcode return|exit|_exit|atexit|flush N\n");
        return 64;
    }
    const char *how = argv[1];
    int n = atoi(argv[2]);
    printf("ending by %s with %d\n", how, n);
    /* musl line-buffers stdout until its first flush, which asks whether it is a terminal. */
    fflush(stdout);
    if (strcmp(how, "return") == 0) return n;
    if (strcmp(how, "exit") == 0) exit(n);
    if (strcmp(how, "_exit") == 0) {
        printf("this buffered line is lost\n");
        static const char direct[] = "written directly before _exit\n";
        if (write(1, direct, sizeof direct - 1) < 0) return 99;
        _exit(n);
    }
    if (strcmp(how, "atexit") == 0) {
        atexit(first);
        atexit(second);
        atexit(third);
        exit(n);
    }
    if (strcmp(how, "flush") == 0) {
        fflush(stdout);
        _exit(n);
    }
    printf("unknown way %s\n", how);
    return 64;
}
