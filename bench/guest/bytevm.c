/* A stack-machine bytecode interpreter (switch dispatch, operand stack and locals in memory)
 * running a program that iterates N times over an integer recurrence with a branch: the shape of
 * an interpreter's loop (an indirect jump through a table per bytecode, short handlers). */
#include "kernel.h"

enum { PUSH, LOAD, STORE, ADD, MUL, AND, XOR, SHR, LT, JZ, JMP, HALT };

/* Offsets of the branch targets in the program below (each opcode is one word, its operand one more). */
#define LOOP 12
#define ELSE 48
#define NEXT 55
#define END 64

/* locals: 0 = i, 1 = n, 2 = x, 3 = acc */
static const int32_t program[] = {
    /*  0 */ PUSH, 0, STORE, 0, PUSH, 12345, STORE, 2, PUSH, 0, STORE, 3,
    /* 12 LOOP: if !(i < n) goto END */
    LOAD, 0, LOAD, 1, LT, JZ, END,
    /* 19: x = x * 1103515245 + 12345 */
    LOAD, 2, PUSH, 1103515245, MUL, PUSH, 12345, ADD, STORE, 2,
    /* 29: if (((x >> 16) & 1) == 0) goto ELSE */
    LOAD, 2, PUSH, 16, SHR, PUSH, 1, AND, JZ, ELSE,
    /* 39: acc ^= x; goto NEXT */
    LOAD, 3, LOAD, 2, XOR, STORE, 3, JMP, NEXT,
    /* 48 ELSE: acc += 7 */
    LOAD, 3, PUSH, 7, ADD, STORE, 3,
    /* 55 NEXT: i += 1; goto LOOP */
    LOAD, 0, PUSH, 1, ADD, STORE, 0, JMP, LOOP,
    /* 64 END: return acc */
    LOAD, 3, HALT,
};

int main(int argc, char **argv) {
    long n = size_argument(argc, argv, 30000000);
    int32_t stack[16], locals[4] = {0, (int32_t) n, 0, 0};
    int sp = 0, pc = 0;
    uint64_t steps = 0;
    for (;;) {
        steps++;
        const int32_t *at = program + pc;
        switch (at[0]) {
        case PUSH: stack[sp++] = at[1]; pc += 2; break;
        case LOAD: stack[sp++] = locals[at[1]]; pc += 2; break;
        case STORE: locals[at[1]] = stack[--sp]; pc += 2; break;
        case ADD: sp--; stack[sp - 1] = (int32_t) ((uint32_t) stack[sp - 1] + (uint32_t) stack[sp]); pc++; break;
        case MUL: sp--; stack[sp - 1] = (int32_t) ((uint32_t) stack[sp - 1] * (uint32_t) stack[sp]); pc++; break;
        case AND: sp--; stack[sp - 1] &= stack[sp]; pc++; break;
        case XOR: sp--; stack[sp - 1] ^= stack[sp]; pc++; break;
        case SHR: sp--; stack[sp - 1] = (int32_t) ((uint32_t) stack[sp - 1] >> stack[sp]); pc++; break;
        case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; pc++; break;
        case JZ: pc = stack[--sp] ? pc + 2 : at[1]; break;
        case JMP: pc = at[1]; break;
        case HALT:
            printf("bytevm %ld: result %d after %llu steps\n", n, stack[sp - 1], (unsigned long long) steps);
            return 0;
        default:
            fprintf(stderr, "bytevm: bad opcode %d at %d\n", at[0], pc);
            return 1;
        }
    }
}
