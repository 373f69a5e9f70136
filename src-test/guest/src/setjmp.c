/*
 * setjmp: non-local exits. longjmp out of deep recursion, nested jump
 * buffers used as an exception stack (try/throw/rethrow), longjmp(env, 0)
 * arriving as 1, volatile locals surviving the jump, and sigsetjmp with and
 * without saving the signal mask. glibc mangles the saved stack and return
 * addresses with a per-process guard read through the thread pointer, so
 * this also checks the FS/GS base that TLS needs.
 */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "guest.h"

static jmp_buf *handler;
static int depth_reached;

static _Noreturn void throw_error(int code) {
    longjmp(*handler, code);
}

static int descend(int depth, int limit) {
    char frame[64];
    memset(frame, depth & 0xff, sizeof frame);
    depth_reached = depth;
    if (depth < limit) return descend(depth + 1, limit) + frame[depth % 64];
    throw_error(1000 + depth);
}

/* try { body } catch (code) as a function: returns 0 or the thrown code. */
static int try_call(void (*body)(int), int argument) {
    jmp_buf env;
    jmp_buf *outer = handler;
    handler = &env;
    int code = setjmp(env);
    if (code == 0) body(argument);
    handler = outer;
    return code;
}

static void recursion_body(int limit) {
    descend(0, limit);
}

static void rethrowing_body(int code) {
    int inner = try_call(throw_error, code);
    printf("  inner caught %d, rethrowing %d\n", inner, inner + 1);
    throw_error(inner + 1);
}

static void no_throw_body(int unused) {
    (void)unused;
}

int main(void) {
    jmp_buf top;
    handler = &top;
    if (setjmp(top) != 0) {
        printf("uncaught error reached the top\n");
        return 3;
    }

    int code = try_call(recursion_body, 500);
    printf("recursion: caught %d at depth %d\n", code, depth_reached);
    CHECK(code == 1500 && depth_reached == 500);

    code = try_call(rethrowing_body, 7);
    printf("nested: outer caught %d\n", code);
    CHECK(code == 8);

    code = try_call(no_throw_body, 0);
    printf("no throw: %d\n", code);
    CHECK(code == 0);

    jmp_buf env;
    volatile int counter = 0;
    int value = setjmp(env);
    counter++;
    if (counter < 5) longjmp(env, counter == 4 ? 0 : counter * 10);
    printf("loop by longjmp: counter %d, last value %d (longjmp with 0 gives 1)\n", counter, value);
    CHECK(counter == 5 && value == 1);

    sigjmp_buf senv;
    for (volatile int save = 0; save <= 1; save++) {
        volatile int passes = 0;
        int got = sigsetjmp(senv, save);
        passes++;
        if (got == 0) siglongjmp(senv, 40 + save);
        printf("sigsetjmp(savemask=%d): got %d after %d passes\n", save, got, passes);
        CHECK(got == 40 + save && passes == 2);
    }

    printf("setjmp: %s\n", guest_failures ? "FAILED" : "ok");
    if (guest_failures) throw_error(9); /* reaches the top handler: status 3 */
    return guest_status();
}
