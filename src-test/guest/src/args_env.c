/*
 * args_env: what the loader hands a program. Prints its arguments (argv[0]
 * only by its last path element), one chosen environment variable, how many
 * GUEST_* variables there are, and a few auxiliary-vector entries that are
 * the same on every run. Exits with the status given after --exit.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

extern char **environ;

int main(int argc, char **argv) {
    const char *base = strrchr(argv[0], '/');
    printf("argc=%d argv[0]=%s\n", argc, base ? base + 1 : argv[0]);
    for (int i = 1; i < argc; i++) printf("argv[%d]=[%s] (%u bytes)\n", i, argv[i], (unsigned)strlen(argv[i]));
    printf("argv[argc] is NULL: %d\n", argv[argc] == NULL);

    const char *greeting = getenv("GUEST_GREETING");
    printf("GUEST_GREETING=%s\n", greeting ? greeting : "(unset)");
    int guest_vars = 0;
    for (char **e = environ; *e; e++) guest_vars += strncmp(*e, "GUEST_", 6) == 0;
    printf("GUEST_* variables: %d\n", guest_vars);

    printf("AT_PAGESZ=%lu\n", getauxval(AT_PAGESZ));
    printf("AT_PHDR set: %d, AT_ENTRY set: %d, AT_RANDOM set: %d\n", getauxval(AT_PHDR) != 0,
           getauxval(AT_ENTRY) != 0, getauxval(AT_RANDOM) != 0);
    printf("AT_UID matches AT_EUID: %d\n", getauxval(AT_UID) == getauxval(AT_EUID));

    /* The stack pointer at main is 16-byte aligned on both ABIs (i386 since GCC 4.5's psABI change). */
    volatile char probe[16] __attribute__((aligned(16)));
    probe[0] = 1;
    printf("stack aligned: %d\n", ((uintptr_t)probe & 15) == 0);

    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--exit") == 0) return atoi(argv[i + 1]);
    return 0;
}
