/*
 * bytecode: a small stack machine. Programs are written in a tiny assembly
 * text, assembled (two passes, labels), and run by two interpreters: a
 * switch loop and a direct-threaded one (GCC's labels as values, so the
 * guest makes many indirect jumps). Both must print the same values and
 * execute the same number of instructions.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"

#define OPCODES(X)                                                                                 \
    X(HALT, 0) X(PUSH, 1) X(POP, 0) X(DUP, 0) X(SWAP, 0) X(ADD, 0) X(SUB, 0) X(MUL, 0) X(DIV, 0)  \
    X(MOD, 0) X(NEG, 0) X(AND, 0) X(OR, 0) X(XOR, 0) X(SHL, 0) X(SHR, 0) X(LT, 0) X(EQ, 0)       \
    X(JMP, 1) X(JZ, 1) X(JNZ, 1) X(CALL, 2) X(RET, 0) X(LOCALS, 1) X(LOAD, 1) X(STORE, 1)        \
    X(GLOAD, 0) X(GSTORE, 0) X(PRINT, 0)

enum opcode {
#define X(name, args) OP_##name,
    OPCODES(X)
#undef X
    OP_COUNT
};

static const char *const op_names[] = {
#define X(name, args) #name,
    OPCODES(X)
#undef X
};

static const int op_args[] = {
#define X(name, args) args,
    OPCODES(X)
#undef X
};

enum { CODE_MAX = 4096, STACK_MAX = 4096, FRAMES_MAX = 1024, MEMORY_CELLS = 65536, LABELS_MAX = 64 };

struct program {
    int64_t code[CODE_MAX];
    int length;
};

struct label {
    char name[32];
    int address;
};

/* Assembles `source`: statements separated by newlines or ';', '#' starts a comment. */
static int assemble(const char *source, struct program *out) {
    struct label labels[LABELS_MAX];
    int nlabels = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *p = source;
        int pc = 0;
        while (*p) {
            char word[32];
            int n = 0;
            while (*p == ' ' || *p == '\t' || *p == '\n' || *p == ';') p++;
            if (*p == '#') {
                while (*p && *p != '\n') p++;
                continue;
            }
            while (*p && !isspace((unsigned char)*p) && *p != ';' && n < 31) word[n++] = (char)toupper((unsigned char)*p++);
            word[n] = 0;
            if (n == 0) break;
            if (word[n - 1] == ':') {
                word[n - 1] = 0;
                if (pass == 0) {
                    strcpy(labels[nlabels].name, word);
                    labels[nlabels++].address = pc;
                }
                continue;
            }
            int op = 0;
            while (op < OP_COUNT && strcmp(op_names[op], word) != 0) op++;
            if (op == OP_COUNT) {
                printf("unknown instruction %s\n", word);
                return -1;
            }
            out->code[pc++] = op;
            for (int a = 0; a < op_args[op]; a++) {
                while (*p == ' ' || *p == '\t') p++;
                char arg[32];
                int m = 0;
                while (*p && !isspace((unsigned char)*p) && *p != ';' && m < 31) arg[m++] = (char)toupper((unsigned char)*p++);
                arg[m] = 0;
                int64_t value = 0;
                if (isdigit((unsigned char)arg[0]) || arg[0] == '-') {
                    value = strtoll(arg, NULL, 0);
                } else if (pass == 1) {
                    int l = 0;
                    while (l < nlabels && strcmp(labels[l].name, arg) != 0) l++;
                    if (l == nlabels) {
                        printf("unknown label %s\n", arg);
                        return -1;
                    }
                    value = labels[l].address;
                }
                out->code[pc++] = value;
            }
        }
        out->length = pc;
    }
    return 0;
}

struct machine {
    int64_t stack[STACK_MAX];
    int64_t memory[MEMORY_CELLS];
    struct {
        int return_pc, frame;
    } frames[FRAMES_MAX];
    uint64_t executed;
    int64_t printed[16];
    int nprinted;
};

static void emit(struct machine *m, int64_t value) {
    if (m->nprinted < 16) m->printed[m->nprinted++] = value;
}

/* The switch interpreter. Returns 0 on HALT, else an error number. */
static int run_switch(const struct program *prog, struct machine *m) {
    const int64_t *code = prog->code;
    int64_t *s = m->stack;
    int pc = 0, sp = 0, fp = 0, depth = 0;
    uint64_t count = 0;
#define FINISH(st)                                                           \
    do {                                                                     \
        m->executed = count;                                                 \
        return (st);                                                         \
    } while (0)
    for (;;) {
        count++;
        switch ((enum opcode)code[pc++]) {
        case OP_HALT: FINISH(0);
        case OP_PUSH: s[sp++] = code[pc++]; break;
        case OP_POP: sp--; break;
        case OP_DUP: s[sp] = s[sp - 1]; sp++; break;
        case OP_SWAP: { int64_t t = s[sp - 1]; s[sp - 1] = s[sp - 2]; s[sp - 2] = t; break; }
        case OP_ADD: sp--; s[sp - 1] += s[sp]; break;
        case OP_SUB: sp--; s[sp - 1] -= s[sp]; break;
        case OP_MUL: sp--; s[sp - 1] *= s[sp]; break;
        case OP_DIV: sp--; if (s[sp] == 0) FINISH(1); s[sp - 1] /= s[sp]; break;
        case OP_MOD: sp--; if (s[sp] == 0) FINISH(1); s[sp - 1] %= s[sp]; break;
        case OP_NEG: s[sp - 1] = -s[sp - 1]; break;
        case OP_AND: sp--; s[sp - 1] &= s[sp]; break;
        case OP_OR: sp--; s[sp - 1] |= s[sp]; break;
        case OP_XOR: sp--; s[sp - 1] ^= s[sp]; break;
        case OP_SHL: sp--; s[sp - 1] = (int64_t)((uint64_t)s[sp - 1] << (s[sp] & 63)); break;
        case OP_SHR: sp--; s[sp - 1] >>= (s[sp] & 63); break;
        case OP_LT: sp--; s[sp - 1] = s[sp - 1] < s[sp]; break;
        case OP_EQ: sp--; s[sp - 1] = s[sp - 1] == s[sp]; break;
        case OP_JMP: pc = (int)code[pc]; break;
        case OP_JZ: pc = s[--sp] == 0 ? (int)code[pc] : pc + 1; break;
        case OP_JNZ: pc = s[--sp] != 0 ? (int)code[pc] : pc + 1; break;
        case OP_CALL:
            if (depth == FRAMES_MAX) FINISH(2);
            m->frames[depth].return_pc = pc + 2;
            m->frames[depth++].frame = fp;
            fp = sp - (int)code[pc + 1];
            pc = (int)code[pc];
            break;
        case OP_RET: {
            int64_t result = s[sp - 1];
            sp = fp;
            s[sp++] = result;
            depth--;
            pc = m->frames[depth].return_pc;
            fp = m->frames[depth].frame;
            break;
        }
        case OP_LOCALS: for (int64_t i = code[pc++]; i > 0; i--) s[sp++] = 0; break;
        case OP_LOAD: s[sp++] = s[fp + code[pc++]]; break;
        case OP_STORE: s[fp + code[pc++]] = s[--sp]; break;
        case OP_GLOAD: s[sp - 1] = m->memory[s[sp - 1] & (MEMORY_CELLS - 1)]; break;
        case OP_GSTORE: sp -= 2; m->memory[s[sp] & (MEMORY_CELLS - 1)] = s[sp + 1]; break;
        case OP_PRINT: emit(m, s[--sp]); break;
        default: FINISH(3);
        }
        if (sp >= STACK_MAX - 8 || sp < 0) FINISH(4);
    }
}
#undef FINISH

/* The direct-threaded interpreter: code is translated to handler addresses first. */
static int run_threaded(const struct program *prog, struct machine *m) {
    static void *const handlers[] = {
#define X(name, args) &&do_##name,
        OPCODES(X)
#undef X
    };
    void **tcode = malloc(sizeof(void *) * prog->length);
    const int64_t *code = prog->code;
    for (int i = 0; i < prog->length;) {
        int op = (int)code[i];
        tcode[i] = handlers[op];
        for (int a = 1; a <= op_args[op]; a++) tcode[i + a] = NULL;
        i += 1 + op_args[op];
    }
    int64_t *s = m->stack;
    int pc = 0, sp = 0, fp = 0, depth = 0, status = 0;
    uint64_t count = 0;
#define NEXT                                                                 \
    do {                                                                     \
        if (sp >= STACK_MAX - 8 || sp < 0) { status = 4; goto out; }         \
        count++;                                                             \
        goto *tcode[pc++];                                                   \
    } while (0)
    NEXT;
do_HALT: goto out;
do_PUSH: s[sp++] = code[pc++]; NEXT;
do_POP: sp--; NEXT;
do_DUP: s[sp] = s[sp - 1]; sp++; NEXT;
do_SWAP: { int64_t t = s[sp - 1]; s[sp - 1] = s[sp - 2]; s[sp - 2] = t; } NEXT;
do_ADD: sp--; s[sp - 1] += s[sp]; NEXT;
do_SUB: sp--; s[sp - 1] -= s[sp]; NEXT;
do_MUL: sp--; s[sp - 1] *= s[sp]; NEXT;
do_DIV: sp--; if (s[sp] == 0) { status = 1; goto out; } s[sp - 1] /= s[sp]; NEXT;
do_MOD: sp--; if (s[sp] == 0) { status = 1; goto out; } s[sp - 1] %= s[sp]; NEXT;
do_NEG: s[sp - 1] = -s[sp - 1]; NEXT;
do_AND: sp--; s[sp - 1] &= s[sp]; NEXT;
do_OR: sp--; s[sp - 1] |= s[sp]; NEXT;
do_XOR: sp--; s[sp - 1] ^= s[sp]; NEXT;
do_SHL: sp--; s[sp - 1] = (int64_t)((uint64_t)s[sp - 1] << (s[sp] & 63)); NEXT;
do_SHR: sp--; s[sp - 1] >>= (s[sp] & 63); NEXT;
do_LT: sp--; s[sp - 1] = s[sp - 1] < s[sp]; NEXT;
do_EQ: sp--; s[sp - 1] = s[sp - 1] == s[sp]; NEXT;
do_JMP: pc = (int)code[pc]; NEXT;
do_JZ: pc = s[--sp] == 0 ? (int)code[pc] : pc + 1; NEXT;
do_JNZ: pc = s[--sp] != 0 ? (int)code[pc] : pc + 1; NEXT;
do_CALL:
    if (depth == FRAMES_MAX) { status = 2; goto out; }
    m->frames[depth].return_pc = pc + 2;
    m->frames[depth++].frame = fp;
    fp = sp - (int)code[pc + 1];
    pc = (int)code[pc];
    NEXT;
do_RET: {
    int64_t result = s[sp - 1];
    sp = fp;
    s[sp++] = result;
    depth--;
    pc = m->frames[depth].return_pc;
    fp = m->frames[depth].frame;
}
    NEXT;
do_LOCALS: for (int64_t i = code[pc++]; i > 0; i--) s[sp++] = 0; NEXT;
do_LOAD: s[sp++] = s[fp + code[pc++]]; NEXT;
do_STORE: s[fp + code[pc++]] = s[--sp]; NEXT;
do_GLOAD: s[sp - 1] = m->memory[s[sp - 1] & (MEMORY_CELLS - 1)]; NEXT;
do_GSTORE: sp -= 2; m->memory[s[sp] & (MEMORY_CELLS - 1)] = s[sp + 1]; NEXT;
do_PRINT: emit(m, s[--sp]); NEXT;
#undef NEXT
out:
    m->executed = count;
    free(tcode);
    return status;
}

static const char *const fib_source =
    "  push 17; call fib 1; print; halt\n"
    "fib:  load 0; push 2; lt; jz recurse; load 0; ret\n"
    "recurse:  load 0; push 1; sub; call fib 1\n"
    "  load 0; push 2; sub; call fib 1; add; ret\n";

static const char *const sieve_source =
    "# count the primes below 5000; locals: 0=i 1=j 2=count\n"
    "  locals 3; push 2; store 0\n"
    "outer: load 0; push 5000; lt; jz done\n"
    "  load 0; gload; jnz next\n"
    "  load 2; push 1; add; store 2\n"
    "  load 0; load 0; mul; store 1\n"
    "inner: load 1; push 5000; lt; jz next\n"
    "  load 1; push 1; gstore; load 1; load 0; add; store 1; jmp inner\n"
    "next: load 0; push 1; add; store 0; jmp outer\n"
    "done: load 2; print; load 0; push 1; sub; gload; print; halt\n";

static const char *const collatz_source =
    "# the start below 600 with the longest Collatz chain; 0=n 1=best 2=bestlen 3=x 4=len\n"
    "  locals 5; push 1; store 0\n"
    "loop: load 0; push 600; lt; jz done\n"
    "  load 0; store 3; push 0; store 4\n"
    "step: load 3; push 1; eq; jnz end\n"
    "  load 4; push 1; add; store 4\n"
    "  load 3; push 1; and; jz even\n"
    "  load 3; push 3; mul; push 1; add; store 3; jmp step\n"
    "even: load 3; push 1; shr; store 3; jmp step\n"
    "end: load 4; load 2; lt; jnz skip; load 4; load 2; eq; jnz skip\n"
    "  load 0; store 1; load 4; store 2\n"
    "skip: load 0; push 1; add; store 0; jmp loop\n"
    "done: load 1; print; load 2; print; halt\n";

static const char *const gcd_source =
    "# sum of gcd(i, j) for 1 <= i, j < 60; 0=i 1=j 2=sum\n"
    "  locals 3; push 1; store 0\n"
    "rows: load 0; push 60; lt; jz done; push 1; store 1\n"
    "cols: load 1; push 60; lt; jz nextrow\n"
    "  load 2; load 0; load 1; call gcd 2; add; store 2\n"
    "  load 1; push 1; add; store 1; jmp cols\n"
    "nextrow: load 0; push 1; add; store 0; jmp rows\n"
    "done: load 2; print; push 7; push 0; div; print; halt\n"
    "gcd: load 1; jz base; load 1; load 0; load 1; mod; call gcd 2; ret\n"
    "base: load 0; ret\n";

static const char *const error_names[] = {"ok", "division by zero", "call stack overflow", "bad opcode",
                                          "stack overflow"};

static void run(const char *name, const char *source, int expected_status) {
    static struct program prog;
    static struct machine a, b;
    if (assemble(source, &prog) != 0) {
        CHECK(!"assembled");
        return;
    }
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    int sa = run_switch(&prog, &a);
    int sb = run_threaded(&prog, &b);
    printf("%-7s %3d words, %9llu instructions, status: %s; printed:", name, prog.length,
           (unsigned long long)a.executed, error_names[sa]);
    for (int i = 0; i < a.nprinted; i++) printf(" %lld", (long long)a.printed[i]);
    printf("\n");
    CHECK(sa == expected_status);
    CHECK(sa == sb);
    CHECK(a.executed == b.executed);
    CHECK(a.nprinted == b.nprinted && memcmp(a.printed, b.printed, sizeof a.printed) == 0);
}

int main(void) {
    run("fib", fib_source, 0);
    run("sieve", sieve_source, 0);
    run("collatz", collatz_source, 0);
    run("gcd", gcd_source, 1);
    printf("bytecode: %s\n", guest_failures ? "FAILED" : "ok");
    return guest_status();
}
