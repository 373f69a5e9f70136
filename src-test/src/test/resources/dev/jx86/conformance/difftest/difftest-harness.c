/*
 * jx86 differential test harness: runs instruction sequences natively on the x86-64 host.
 *
 * Reads test cases from the file named by argv[1] and writes one result per case to argv[2]
 * (format below, all little-endian). For each case it fills the data buffer from the case's seed,
 * copies the code to its slot followed by UD2, loads every register (RFLAGS through POPFQ) and jumps
 * to the code. The case ends with a signal: SIGILL at the UD2 (normal end) or the signal of an
 * earlier fault. The handler takes the registers from the signal context, i.e. the state before the
 * instruction that stopped, and returns to the loop with siglongjmp. The handler runs on an
 * alternate stack because the guest's RSP points into the data buffer. The x87 state is loaded with FRSTOR
 * (control, status and full tag word, ST(0)-ST(7)) and taken back from the signal context (its tag word abridged,
 * as FXSAVE has it). Compiled with -m32 (and -no-pie) it runs 32-bit code: the eight GPRs, EFLAGS and the x87
 * state; the SSE state passes through unchanged.
 *
 * Input:  "JXDT" u32 version u32 count, then per case: u32 code length, code bytes, struct regs,
 *         u64 data seed.
 * Output: "JXDR" u32 count, then per case: i32 signal, u32 changed words, u64 stop pc,
 *         struct regs, then (u32 offset, u64 value) per changed 8-byte word of the data buffer.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#define CODE_BASE 0x40000000UL
#define SLOT 256
#define DATA_BASE 0x50000000UL
#define DATA_SIZE 0x2000
#define VERSION 2

/* The x87 state: in the input a full tag word, in the output FXSAVE's abridged one; st[i] is ST(i), 10 bytes. */
struct x87 {
    uint16_t fcw, fsw, ftw, pad;
    uint8_t st[8][10];
};

struct regs {
    uint64_t gpr[16];
    uint64_t rflags;
    uint32_t mxcsr, pad;
    uint64_t xmm[32];
    struct x87 x87;
};

_Static_assert(sizeof(struct regs) == 488, "regs layout");

/* The FRSTOR image (32-bit protected-mode layout, 108 bytes) enter_guest loads in 64-bit mode. */
uint8_t fsave_image[108];

static void make_fsave_image(const struct x87 *x) {
    memset(fsave_image, 0, sizeof fsave_image);
    uint32_t words[3] = {x->fcw | 0xffff0000u, x->fsw | 0xffff0000u, x->ftw | 0xffff0000u};
    memcpy(fsave_image, words, sizeof words);
    memcpy(fsave_image + 28, x->st, sizeof x->st);
}

void enter_guest(const struct regs *r, uint64_t entry);
#if defined(__x86_64__)
__asm__(
    ".intel_syntax noprefix\n"
    ".text\n"
    ".globl enter_guest\n"
    "enter_guest:\n"
    "  mov [rip + guest_entry], rsi\n"
    "  frstor [rip + fsave_image]\n"
    "  ldmxcsr [rdi + 136]\n"
    "  movdqu xmm0, [rdi + 144]\n  movdqu xmm1, [rdi + 160]\n  movdqu xmm2, [rdi + 176]\n"
    "  movdqu xmm3, [rdi + 192]\n  movdqu xmm4, [rdi + 208]\n  movdqu xmm5, [rdi + 224]\n"
    "  movdqu xmm6, [rdi + 240]\n  movdqu xmm7, [rdi + 256]\n  movdqu xmm8, [rdi + 272]\n"
    "  movdqu xmm9, [rdi + 288]\n  movdqu xmm10, [rdi + 304]\n  movdqu xmm11, [rdi + 320]\n"
    "  movdqu xmm12, [rdi + 336]\n  movdqu xmm13, [rdi + 352]\n  movdqu xmm14, [rdi + 368]\n"
    "  movdqu xmm15, [rdi + 384]\n"
    "  push qword ptr [rdi + 128]\n"
    "  popfq\n"
    "  mov rax, [rdi + 0]\n  mov rcx, [rdi + 8]\n  mov rdx, [rdi + 16]\n  mov rbx, [rdi + 24]\n"
    "  mov rsp, [rdi + 32]\n  mov rbp, [rdi + 40]\n  mov rsi, [rdi + 48]\n"
    "  mov r8, [rdi + 64]\n  mov r9, [rdi + 72]\n  mov r10, [rdi + 80]\n  mov r11, [rdi + 88]\n"
    "  mov r12, [rdi + 96]\n  mov r13, [rdi + 104]\n  mov r14, [rdi + 112]\n  mov r15, [rdi + 120]\n"
    "  mov rdi, [rdi + 56]\n"
    "  jmp qword ptr [rip + guest_entry]\n"
    ".data\n"
    "guest_entry: .quad 0\n"
    ".text\n"
    ".att_syntax prefix\n");
#elif defined(__i386__)
/* 32-bit mode: the eight GPRs, EFLAGS and the x87 state; the SSE state is not loaded. */
__asm__(
    ".intel_syntax noprefix\n"
    ".text\n"
    ".globl enter_guest\n"
    "enter_guest:\n"
    "  frstor [fsave_image]\n"
    "  mov eax, [esp + 4]\n"
    "  mov ecx, [esp + 8]\n"
    "  mov [guest_entry], ecx\n"
    "  push dword ptr [eax + 128]\n"
    "  popfd\n"
    "  mov ecx, [eax + 8]\n  mov edx, [eax + 16]\n  mov ebx, [eax + 24]\n  mov esp, [eax + 32]\n"
    "  mov ebp, [eax + 40]\n  mov esi, [eax + 48]\n  mov edi, [eax + 56]\n  mov eax, [eax + 0]\n"
    "  jmp dword ptr [guest_entry]\n"
    ".data\n"
    "guest_entry: .long 0\n"
    ".text\n"
    ".att_syntax prefix\n");
#else
#error "the differential test harness runs on x86 hosts only"
#endif

static sigjmp_buf resume;
static struct regs out;
static volatile int out_signal;
static volatile uint64_t out_pc;

/* The ucontext numbers the registers in its own order. */
#if defined(__x86_64__)
#define GPRS 16
#define REG_PC REG_RIP
static const int GREG[GPRS] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
                               REG_R8,  REG_R9,  REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15};
#else
#define GPRS 8
#define REG_PC REG_EIP
static const int GREG[GPRS] = {REG_EAX, REG_ECX, REG_EDX, REG_EBX, REG_ESP, REG_EBP, REG_ESI, REG_EDI};
#endif

static void on_signal(int sig, siginfo_t *info, void *context) {
    (void)info;
    ucontext_t *uc = context;
    for (int i = 0; i < GPRS; i++) {
        out.gpr[i] = (uintptr_t)uc->uc_mcontext.gregs[GREG[i]];
    }
    out.rflags = (uintptr_t)uc->uc_mcontext.gregs[REG_EFL];
#if defined(__x86_64__)
    out.mxcsr = uc->uc_mcontext.fpregs->mxcsr;
    memcpy(out.xmm, uc->uc_mcontext.fpregs->_xmm, sizeof out.xmm);
    out.x87.fcw = uc->uc_mcontext.fpregs->cwd;
    out.x87.fsw = uc->uc_mcontext.fpregs->swd;
    out.x87.ftw = uc->uc_mcontext.fpregs->ftw & 0xff;
    for (int i = 0; i < 8; i++) {
        memcpy(out.x87.st[i], &uc->uc_mcontext.fpregs->_st[i], 10);
    }
#else
    /* The i386 frame has the FSAVE layout: a full tag word, abridged here as in 64-bit mode. */
    out.x87.fcw = uc->uc_mcontext.fpregs->cw;
    out.x87.fsw = uc->uc_mcontext.fpregs->sw;
    out.x87.ftw = 0;
    for (int i = 0; i < 8; i++) {
        out.x87.ftw |= ((uc->uc_mcontext.fpregs->tag >> 2 * i & 3) != 3) << i;
        memcpy(out.x87.st[i], &uc->uc_mcontext.fpregs->_st[i], 10);
    }
#endif
    out_pc = (uintptr_t)uc->uc_mcontext.gregs[REG_PC];
    out_signal = sig;
    siglongjmp(resume, 1);
}

/* splitmix64: the same sequence the Java side uses to fill the data buffer. */
static uint64_t next_random(uint64_t *state) {
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void fill(uint64_t *words, uint64_t seed) {
    for (int i = 0; i < DATA_SIZE / 8; i++) {
        words[i] = next_random(&seed);
    }
}

static void read_exactly(FILE *f, void *p, size_t n) {
    if (fread(p, 1, n, f) != n) {
        fprintf(stderr, "difftest-harness: truncated input\n");
        exit(2);
    }
}

static void *map_fixed(uint64_t address, size_t size, int prot) {
    void *p = mmap((void *)(uintptr_t)address, size, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != (void *)(uintptr_t)address) {
        perror("difftest-harness: mmap");
        exit(2);
    }
    return p;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: difftest-harness CASES RESULTS\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    FILE *res = fopen(argv[2], "wb");
    if (!in || !res) {
        perror("difftest-harness");
        return 2;
    }
    uint32_t header[3];
    read_exactly(in, header, sizeof header);
    if (memcmp(header, "JXDT", 4) != 0 || header[1] != VERSION) {
        fprintf(stderr, "difftest-harness: not a version %d case file\n", VERSION);
        return 2;
    }
    uint32_t count = header[2];
    size_t code_size = ((size_t)count * SLOT + 0xfff) & ~(size_t)0xfff;
    uint8_t *code = map_fixed(CODE_BASE, code_size, PROT_READ | PROT_WRITE | PROT_EXEC);
    uint64_t *data = map_fixed(DATA_BASE, DATA_SIZE, PROT_READ | PROT_WRITE);
    static uint64_t initial[DATA_SIZE / 8];

    static uint8_t altstack[1 << 16];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    sigaltstack(&ss, NULL);
    struct sigaction sa = {.sa_sigaction = on_signal, .sa_flags = SA_SIGINFO | SA_ONSTACK};
    sigemptyset(&sa.sa_mask);
    int signals[] = {SIGILL, SIGSEGV, SIGBUS, SIGFPE, SIGTRAP, SIGALRM};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        sigaction(signals[i], &sa, NULL);
    }

    fwrite("JXDR", 1, 4, res);
    fwrite(&count, 4, 1, res);
    for (uint32_t c = 0; c < count; c++) {
        uint32_t length;
        struct regs regs;
        uint64_t seed;
        read_exactly(in, &length, 4);
        if (length > SLOT - 2) {
            fprintf(stderr, "difftest-harness: case %u: %u bytes of code\n", c, length);
            return 2;
        }
        uint8_t *slot = code + (size_t)c * SLOT;
        read_exactly(in, slot, length);
        slot[length] = 0x0f; /* UD2 */
        slot[length + 1] = 0x0b;
        read_exactly(in, &regs, sizeof regs);
        read_exactly(in, &seed, 8);
        fill(initial, seed);
        memcpy(data, initial, DATA_SIZE);

        out = regs; /* what the handler does not replace: the SSE state in 32-bit mode */
        memset(out.gpr, 0, sizeof out.gpr);
        make_fsave_image(&regs.x87);
        if (sigsetjmp(resume, 1) == 0) {
            alarm(2);
            enter_guest(&regs, (uintptr_t)slot);
        }
        alarm(0);
        __asm__ volatile("cld\n fninit");
        uint32_t mxcsr = 0x1f80;
        __asm__ volatile("ldmxcsr %0" : : "m"(mxcsr));

        uint32_t changed = 0;
        for (int i = 0; i < DATA_SIZE / 8; i++) {
            changed += data[i] != initial[i];
        }
        int32_t sig = out_signal;
        uint64_t pc = out_pc;
        fwrite(&sig, 4, 1, res);
        fwrite(&changed, 4, 1, res);
        fwrite(&pc, 8, 1, res);
        fwrite(&out, sizeof out, 1, res);
        for (uint32_t i = 0; i < DATA_SIZE / 8; i++) {
            if (data[i] != initial[i]) {
                uint32_t offset = i * 8;
                fwrite(&offset, 4, 1, res);
                fwrite(&data[i], 8, 1, res);
            }
        }
    }
    if (fclose(res) != 0) {
        perror("difftest-harness");
        return 2;
    }
    return 0;
}
