/*
 * multicall: the glibc flavours link every C program into one binary to keep
 * the committed files small (a static glibc program is ~700 KB, mostly the
 * same library). Like busybox, the program is chosen by the last element of
 * argv[0] (bin/<flavour>/<name> are symbolic links to `guests`), or by the
 * first argument when called as `guests NAME ARGS...`.
 * Each program's main was renamed to guest_main_<name> when it was compiled.
 */
#include <stdio.h>
#include <string.h>

#define VOID_PROGRAMS(X) X(sort) X(hash) X(bytecode) X(bignum) X(compress) X(strings) X(files) X(memory) X(intmath) \
    X(setjmp) X(textfilter) X(floatmath) X(fptrap) X(mmx)
#define ARGS_PROGRAMS(X) X(args_env) X(exitcode)

#define DECLARE_VOID(name) int guest_main_##name(void);
#define DECLARE_ARGS(name) int guest_main_##name(int argc, char **argv);
VOID_PROGRAMS(DECLARE_VOID)
ARGS_PROGRAMS(DECLARE_ARGS)

#define WRAP_VOID(name)                                                      \
    static int run_##name(int argc, char **argv) {                           \
        (void)argc;                                                          \
        (void)argv;                                                          \
        return guest_main_##name();                                          \
    }
VOID_PROGRAMS(WRAP_VOID)
#define WRAP_ARGS(name)                                                      \
    static int run_##name(int argc, char **argv) {                           \
        return guest_main_##name(argc, argv);                                \
    }
ARGS_PROGRAMS(WRAP_ARGS)

static const struct {
    const char *name;
    int (*run)(int, char **);
} programs[] = {
#define ENTRY(name) {#name, run_##name},
    VOID_PROGRAMS(ENTRY) ARGS_PROGRAMS(ENTRY)
#undef ENTRY
};

static int find(const char *name) {
    for (unsigned i = 0; i < sizeof programs / sizeof programs[0]; i++)
        if (strcmp(programs[i].name, name) == 0) return (int)i;
    return -1;
}

int main(int argc, char **argv) {
    const char *slash = strrchr(argv[0], '/');
    int which = find(slash ? slash + 1 : argv[0]);
    if (which >= 0) return programs[which].run(argc, argv);
    if (argc > 1 && (which = find(argv[1])) >= 0) return programs[which].run(argc - 1, argv + 1);
    printf("usage: guests PROGRAM [ARGS...], or call through a link named after the program; programs:");
    for (unsigned i = 0; i < sizeof programs / sizeof programs[0]; i++) printf(" %s", programs[i].name);
    printf("\n");
    return 64;
}
