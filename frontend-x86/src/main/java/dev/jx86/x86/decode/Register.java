package dev.jx86.x86.decode;

/**
 * Every register an x86 instruction can name, with its kind, size in bytes and number in its file.
 * Text names are those of GNU objdump's Intel syntax: {@code st} is the stack top named implicitly,
 * {@code st(i)} a stack register the instruction names.
 */
public enum Register implements Operand {
    AL(Kind.GPR8, 1, 0, "al"),
    CL(Kind.GPR8, 1, 1, "cl"),
    DL(Kind.GPR8, 1, 2, "dl"),
    BL(Kind.GPR8, 1, 3, "bl"),
    AH(Kind.GPR8_HIGH, 1, 4, "ah"),
    CH(Kind.GPR8_HIGH, 1, 5, "ch"),
    DH(Kind.GPR8_HIGH, 1, 6, "dh"),
    BH(Kind.GPR8_HIGH, 1, 7, "bh"),
    SPL(Kind.GPR8, 1, 4, "spl"),
    BPL(Kind.GPR8, 1, 5, "bpl"),
    SIL(Kind.GPR8, 1, 6, "sil"),
    DIL(Kind.GPR8, 1, 7, "dil"),
    R8B(Kind.GPR8, 1, 8, "r8b"),
    R9B(Kind.GPR8, 1, 9, "r9b"),
    R10B(Kind.GPR8, 1, 10, "r10b"),
    R11B(Kind.GPR8, 1, 11, "r11b"),
    R12B(Kind.GPR8, 1, 12, "r12b"),
    R13B(Kind.GPR8, 1, 13, "r13b"),
    R14B(Kind.GPR8, 1, 14, "r14b"),
    R15B(Kind.GPR8, 1, 15, "r15b"),
    AX(Kind.GPR16, 2, 0, "ax"),
    CX(Kind.GPR16, 2, 1, "cx"),
    DX(Kind.GPR16, 2, 2, "dx"),
    BX(Kind.GPR16, 2, 3, "bx"),
    SP(Kind.GPR16, 2, 4, "sp"),
    BP(Kind.GPR16, 2, 5, "bp"),
    SI(Kind.GPR16, 2, 6, "si"),
    DI(Kind.GPR16, 2, 7, "di"),
    R8W(Kind.GPR16, 2, 8, "r8w"),
    R9W(Kind.GPR16, 2, 9, "r9w"),
    R10W(Kind.GPR16, 2, 10, "r10w"),
    R11W(Kind.GPR16, 2, 11, "r11w"),
    R12W(Kind.GPR16, 2, 12, "r12w"),
    R13W(Kind.GPR16, 2, 13, "r13w"),
    R14W(Kind.GPR16, 2, 14, "r14w"),
    R15W(Kind.GPR16, 2, 15, "r15w"),
    EAX(Kind.GPR32, 4, 0, "eax"),
    ECX(Kind.GPR32, 4, 1, "ecx"),
    EDX(Kind.GPR32, 4, 2, "edx"),
    EBX(Kind.GPR32, 4, 3, "ebx"),
    ESP(Kind.GPR32, 4, 4, "esp"),
    EBP(Kind.GPR32, 4, 5, "ebp"),
    ESI(Kind.GPR32, 4, 6, "esi"),
    EDI(Kind.GPR32, 4, 7, "edi"),
    R8D(Kind.GPR32, 4, 8, "r8d"),
    R9D(Kind.GPR32, 4, 9, "r9d"),
    R10D(Kind.GPR32, 4, 10, "r10d"),
    R11D(Kind.GPR32, 4, 11, "r11d"),
    R12D(Kind.GPR32, 4, 12, "r12d"),
    R13D(Kind.GPR32, 4, 13, "r13d"),
    R14D(Kind.GPR32, 4, 14, "r14d"),
    R15D(Kind.GPR32, 4, 15, "r15d"),
    RAX(Kind.GPR64, 8, 0, "rax"),
    RCX(Kind.GPR64, 8, 1, "rcx"),
    RDX(Kind.GPR64, 8, 2, "rdx"),
    RBX(Kind.GPR64, 8, 3, "rbx"),
    RSP(Kind.GPR64, 8, 4, "rsp"),
    RBP(Kind.GPR64, 8, 5, "rbp"),
    RSI(Kind.GPR64, 8, 6, "rsi"),
    RDI(Kind.GPR64, 8, 7, "rdi"),
    R8(Kind.GPR64, 8, 8, "r8"),
    R9(Kind.GPR64, 8, 9, "r9"),
    R10(Kind.GPR64, 8, 10, "r10"),
    R11(Kind.GPR64, 8, 11, "r11"),
    R12(Kind.GPR64, 8, 12, "r12"),
    R13(Kind.GPR64, 8, 13, "r13"),
    R14(Kind.GPR64, 8, 14, "r14"),
    R15(Kind.GPR64, 8, 15, "r15"),
    IP(Kind.IP, 2, 0, "ip"),
    EIP(Kind.IP, 4, 0, "eip"),
    RIP(Kind.IP, 8, 0, "rip"),
    ES(Kind.SEGMENT, 2, 0, "es"),
    CS(Kind.SEGMENT, 2, 1, "cs"),
    SS(Kind.SEGMENT, 2, 2, "ss"),
    DS(Kind.SEGMENT, 2, 3, "ds"),
    FS(Kind.SEGMENT, 2, 4, "fs"),
    GS(Kind.SEGMENT, 2, 5, "gs"),
    CR0(Kind.CONTROL, 8, 0, "cr0"),
    CR1(Kind.CONTROL, 8, 1, "cr1"),
    CR2(Kind.CONTROL, 8, 2, "cr2"),
    CR3(Kind.CONTROL, 8, 3, "cr3"),
    CR4(Kind.CONTROL, 8, 4, "cr4"),
    CR5(Kind.CONTROL, 8, 5, "cr5"),
    CR6(Kind.CONTROL, 8, 6, "cr6"),
    CR7(Kind.CONTROL, 8, 7, "cr7"),
    CR8(Kind.CONTROL, 8, 8, "cr8"),
    CR9(Kind.CONTROL, 8, 9, "cr9"),
    CR10(Kind.CONTROL, 8, 10, "cr10"),
    CR11(Kind.CONTROL, 8, 11, "cr11"),
    CR12(Kind.CONTROL, 8, 12, "cr12"),
    CR13(Kind.CONTROL, 8, 13, "cr13"),
    CR14(Kind.CONTROL, 8, 14, "cr14"),
    CR15(Kind.CONTROL, 8, 15, "cr15"),
    DR0(Kind.DEBUG, 8, 0, "dr0"),
    DR1(Kind.DEBUG, 8, 1, "dr1"),
    DR2(Kind.DEBUG, 8, 2, "dr2"),
    DR3(Kind.DEBUG, 8, 3, "dr3"),
    DR4(Kind.DEBUG, 8, 4, "dr4"),
    DR5(Kind.DEBUG, 8, 5, "dr5"),
    DR6(Kind.DEBUG, 8, 6, "dr6"),
    DR7(Kind.DEBUG, 8, 7, "dr7"),
    DR8(Kind.DEBUG, 8, 8, "dr8"),
    DR9(Kind.DEBUG, 8, 9, "dr9"),
    DR10(Kind.DEBUG, 8, 10, "dr10"),
    DR11(Kind.DEBUG, 8, 11, "dr11"),
    DR12(Kind.DEBUG, 8, 12, "dr12"),
    DR13(Kind.DEBUG, 8, 13, "dr13"),
    DR14(Kind.DEBUG, 8, 14, "dr14"),
    DR15(Kind.DEBUG, 8, 15, "dr15"),
    TR0(Kind.TEST, 4, 0, "tr0"),
    TR1(Kind.TEST, 4, 1, "tr1"),
    TR2(Kind.TEST, 4, 2, "tr2"),
    TR3(Kind.TEST, 4, 3, "tr3"),
    TR4(Kind.TEST, 4, 4, "tr4"),
    TR5(Kind.TEST, 4, 5, "tr5"),
    TR6(Kind.TEST, 4, 6, "tr6"),
    TR7(Kind.TEST, 4, 7, "tr7"),
    ST(Kind.X87, 10, 0, "st"),
    ST0(Kind.X87, 10, 0, "st(0)"),
    ST1(Kind.X87, 10, 1, "st(1)"),
    ST2(Kind.X87, 10, 2, "st(2)"),
    ST3(Kind.X87, 10, 3, "st(3)"),
    ST4(Kind.X87, 10, 4, "st(4)"),
    ST5(Kind.X87, 10, 5, "st(5)"),
    ST6(Kind.X87, 10, 6, "st(6)"),
    ST7(Kind.X87, 10, 7, "st(7)"),
    MM0(Kind.MMX, 8, 0, "mm0"),
    MM1(Kind.MMX, 8, 1, "mm1"),
    MM2(Kind.MMX, 8, 2, "mm2"),
    MM3(Kind.MMX, 8, 3, "mm3"),
    MM4(Kind.MMX, 8, 4, "mm4"),
    MM5(Kind.MMX, 8, 5, "mm5"),
    MM6(Kind.MMX, 8, 6, "mm6"),
    MM7(Kind.MMX, 8, 7, "mm7"),
    XMM0(Kind.XMM, 16, 0, "xmm0"),
    XMM1(Kind.XMM, 16, 1, "xmm1"),
    XMM2(Kind.XMM, 16, 2, "xmm2"),
    XMM3(Kind.XMM, 16, 3, "xmm3"),
    XMM4(Kind.XMM, 16, 4, "xmm4"),
    XMM5(Kind.XMM, 16, 5, "xmm5"),
    XMM6(Kind.XMM, 16, 6, "xmm6"),
    XMM7(Kind.XMM, 16, 7, "xmm7"),
    XMM8(Kind.XMM, 16, 8, "xmm8"),
    XMM9(Kind.XMM, 16, 9, "xmm9"),
    XMM10(Kind.XMM, 16, 10, "xmm10"),
    XMM11(Kind.XMM, 16, 11, "xmm11"),
    XMM12(Kind.XMM, 16, 12, "xmm12"),
    XMM13(Kind.XMM, 16, 13, "xmm13"),
    XMM14(Kind.XMM, 16, 14, "xmm14"),
    XMM15(Kind.XMM, 16, 15, "xmm15"),
    XMM16(Kind.XMM, 16, 16, "xmm16"),
    XMM17(Kind.XMM, 16, 17, "xmm17"),
    XMM18(Kind.XMM, 16, 18, "xmm18"),
    XMM19(Kind.XMM, 16, 19, "xmm19"),
    XMM20(Kind.XMM, 16, 20, "xmm20"),
    XMM21(Kind.XMM, 16, 21, "xmm21"),
    XMM22(Kind.XMM, 16, 22, "xmm22"),
    XMM23(Kind.XMM, 16, 23, "xmm23"),
    XMM24(Kind.XMM, 16, 24, "xmm24"),
    XMM25(Kind.XMM, 16, 25, "xmm25"),
    XMM26(Kind.XMM, 16, 26, "xmm26"),
    XMM27(Kind.XMM, 16, 27, "xmm27"),
    XMM28(Kind.XMM, 16, 28, "xmm28"),
    XMM29(Kind.XMM, 16, 29, "xmm29"),
    XMM30(Kind.XMM, 16, 30, "xmm30"),
    XMM31(Kind.XMM, 16, 31, "xmm31"),
    YMM0(Kind.YMM, 32, 0, "ymm0"),
    YMM1(Kind.YMM, 32, 1, "ymm1"),
    YMM2(Kind.YMM, 32, 2, "ymm2"),
    YMM3(Kind.YMM, 32, 3, "ymm3"),
    YMM4(Kind.YMM, 32, 4, "ymm4"),
    YMM5(Kind.YMM, 32, 5, "ymm5"),
    YMM6(Kind.YMM, 32, 6, "ymm6"),
    YMM7(Kind.YMM, 32, 7, "ymm7"),
    YMM8(Kind.YMM, 32, 8, "ymm8"),
    YMM9(Kind.YMM, 32, 9, "ymm9"),
    YMM10(Kind.YMM, 32, 10, "ymm10"),
    YMM11(Kind.YMM, 32, 11, "ymm11"),
    YMM12(Kind.YMM, 32, 12, "ymm12"),
    YMM13(Kind.YMM, 32, 13, "ymm13"),
    YMM14(Kind.YMM, 32, 14, "ymm14"),
    YMM15(Kind.YMM, 32, 15, "ymm15"),
    YMM16(Kind.YMM, 32, 16, "ymm16"),
    YMM17(Kind.YMM, 32, 17, "ymm17"),
    YMM18(Kind.YMM, 32, 18, "ymm18"),
    YMM19(Kind.YMM, 32, 19, "ymm19"),
    YMM20(Kind.YMM, 32, 20, "ymm20"),
    YMM21(Kind.YMM, 32, 21, "ymm21"),
    YMM22(Kind.YMM, 32, 22, "ymm22"),
    YMM23(Kind.YMM, 32, 23, "ymm23"),
    YMM24(Kind.YMM, 32, 24, "ymm24"),
    YMM25(Kind.YMM, 32, 25, "ymm25"),
    YMM26(Kind.YMM, 32, 26, "ymm26"),
    YMM27(Kind.YMM, 32, 27, "ymm27"),
    YMM28(Kind.YMM, 32, 28, "ymm28"),
    YMM29(Kind.YMM, 32, 29, "ymm29"),
    YMM30(Kind.YMM, 32, 30, "ymm30"),
    YMM31(Kind.YMM, 32, 31, "ymm31"),
    ZMM0(Kind.ZMM, 64, 0, "zmm0"),
    ZMM1(Kind.ZMM, 64, 1, "zmm1"),
    ZMM2(Kind.ZMM, 64, 2, "zmm2"),
    ZMM3(Kind.ZMM, 64, 3, "zmm3"),
    ZMM4(Kind.ZMM, 64, 4, "zmm4"),
    ZMM5(Kind.ZMM, 64, 5, "zmm5"),
    ZMM6(Kind.ZMM, 64, 6, "zmm6"),
    ZMM7(Kind.ZMM, 64, 7, "zmm7"),
    ZMM8(Kind.ZMM, 64, 8, "zmm8"),
    ZMM9(Kind.ZMM, 64, 9, "zmm9"),
    ZMM10(Kind.ZMM, 64, 10, "zmm10"),
    ZMM11(Kind.ZMM, 64, 11, "zmm11"),
    ZMM12(Kind.ZMM, 64, 12, "zmm12"),
    ZMM13(Kind.ZMM, 64, 13, "zmm13"),
    ZMM14(Kind.ZMM, 64, 14, "zmm14"),
    ZMM15(Kind.ZMM, 64, 15, "zmm15"),
    ZMM16(Kind.ZMM, 64, 16, "zmm16"),
    ZMM17(Kind.ZMM, 64, 17, "zmm17"),
    ZMM18(Kind.ZMM, 64, 18, "zmm18"),
    ZMM19(Kind.ZMM, 64, 19, "zmm19"),
    ZMM20(Kind.ZMM, 64, 20, "zmm20"),
    ZMM21(Kind.ZMM, 64, 21, "zmm21"),
    ZMM22(Kind.ZMM, 64, 22, "zmm22"),
    ZMM23(Kind.ZMM, 64, 23, "zmm23"),
    ZMM24(Kind.ZMM, 64, 24, "zmm24"),
    ZMM25(Kind.ZMM, 64, 25, "zmm25"),
    ZMM26(Kind.ZMM, 64, 26, "zmm26"),
    ZMM27(Kind.ZMM, 64, 27, "zmm27"),
    ZMM28(Kind.ZMM, 64, 28, "zmm28"),
    ZMM29(Kind.ZMM, 64, 29, "zmm29"),
    ZMM30(Kind.ZMM, 64, 30, "zmm30"),
    ZMM31(Kind.ZMM, 64, 31, "zmm31"),
    K0(Kind.MASK, 8, 0, "k0"),
    K1(Kind.MASK, 8, 1, "k1"),
    K2(Kind.MASK, 8, 2, "k2"),
    K3(Kind.MASK, 8, 3, "k3"),
    K4(Kind.MASK, 8, 4, "k4"),
    K5(Kind.MASK, 8, 5, "k5"),
    K6(Kind.MASK, 8, 6, "k6"),
    K7(Kind.MASK, 8, 7, "k7"),
    BND0(Kind.BOUND, 16, 0, "bnd0"),
    BND1(Kind.BOUND, 16, 1, "bnd1"),
    BND2(Kind.BOUND, 16, 2, "bnd2"),
    BND3(Kind.BOUND, 16, 3, "bnd3"),
    // Added for objdump's display of SIB without an index.
    EIZ(Kind.ZERO_INDEX, 4, 4, "eiz"),
    RIZ(Kind.ZERO_INDEX, 8, 4, "riz"),
    // Added for the VEX map 0F38: AMX tile registers (up to 16 rows of 64 bytes).
    TMM0(Kind.TILE, 1024, 0, "tmm0"),
    TMM1(Kind.TILE, 1024, 1, "tmm1"),
    TMM2(Kind.TILE, 1024, 2, "tmm2"),
    TMM3(Kind.TILE, 1024, 3, "tmm3"),
    TMM4(Kind.TILE, 1024, 4, "tmm4"),
    TMM5(Kind.TILE, 1024, 5, "tmm5"),
    TMM6(Kind.TILE, 1024, 6, "tmm6"),
    TMM7(Kind.TILE, 1024, 7, "tmm7");

    /** The register files. */
    public enum Kind {
        GPR8,
        /** AH, CH, DH, BH: bits 15:8 of the first four registers, nameable only without REX. */
        GPR8_HIGH,
        GPR16,
        GPR32,
        GPR64,
        IP,
        SEGMENT,
        CONTROL,
        DEBUG,
        TEST,
        X87,
        MMX,
        XMM,
        YMM,
        ZMM,
        MASK,
        BOUND,
        /** SIB's "no index" (index field 100 without REX.X), which reads as zero; objdump names it. */
        ZERO_INDEX,
        /** AMX tile registers tmm0-tmm7. */
        TILE
    }

    private static final Register[] VALUES = values();

    private final Kind kind;
    private final int size;
    private final int number;
    private final String text;

    Register(Kind kind, int size, int number, String text) {
        this.kind = kind;
        this.size = size;
        this.number = number;
        this.text = text;
    }

    public Kind kind() {
        return kind;
    }

    /** Size in bytes. */
    public int size() {
        return size;
    }

    /** Number within its file: 0-15 for general registers (AH-BH are 4-7), i for st(i), xmm(i)... */
    public int number() {
        return number;
    }

    /** The name in objdump's Intel syntax. */
    public String text() {
        return text;
    }

    /**
     * The general register {@code number} of {@code size} bytes. Without REX, byte registers 4-7 are
     * AH, CH, DH, BH; with REX (or VEX) they are SPL, BPL, SIL, DIL.
     */
    public static Register gpr(int size, int number, boolean rex) {
        Register register =
                size >= 1 && size <= 8 && number >= 0 && number < 16 ? GPRS[size << 5 | (rex ? 16 : 0) | number] : null;
        if (register == null) {
            throw new IllegalArgumentException("no general register " + number + " of " + size + " bytes");
        }
        return register;
    }

    /** {@link #gpr} by {@code size << 5 | rex << 4 | number}, built once so that the lookup is one load. */
    private static final Register[] GPRS = gprTable();

    private static Register[] gprTable() {
        Register[] table = new Register[9 << 5];
        for (int size : new int[] {1, 2, 4, 8}) {
            for (int number = 0; number < 16; number++) {
                table[size << 5 | number] = computeGpr(size, number, false);
                table[size << 5 | 16 | number] = computeGpr(size, number, true);
            }
        }
        return table;
    }

    private static Register computeGpr(int size, int number, boolean rex) {
        return switch (size) {
            case 1 -> {
                if (!rex && number >= 4 && number < 8) {
                    yield VALUES[AH.ordinal() + number - 4];
                }
                yield VALUES[AL.ordinal() + (number < 4 ? number : number + 4)];
            }
            case 2 -> VALUES[AX.ordinal() + number];
            case 4 -> VALUES[EAX.ordinal() + number];
            case 8 -> VALUES[RAX.ordinal() + number];
            default -> throw new IllegalArgumentException("no general register of " + size + " bytes");
        };
    }

    public static Register segment(int number) {
        return VALUES[ES.ordinal() + number];
    }

    public static Register control(int number) {
        return VALUES[CR0.ordinal() + number];
    }

    public static Register debug(int number) {
        return VALUES[DR0.ordinal() + number];
    }

    public static Register test(int number) {
        return VALUES[TR0.ordinal() + number];
    }

    public static Register st(int number) {
        return VALUES[ST0.ordinal() + number];
    }

    public static Register mmx(int number) {
        return VALUES[MM0.ordinal() + number];
    }

    /** An SSE/AVX register: 16 bytes is xmm, 32 ymm, 64 zmm. */
    public static Register vector(int size, int number) {
        return switch (size) {
            case 16 -> VALUES[XMM0.ordinal() + number];
            case 32 -> VALUES[YMM0.ordinal() + number];
            case 64 -> VALUES[ZMM0.ordinal() + number];
            default -> throw new IllegalArgumentException("no vector register of " + size + " bytes");
        };
    }

    public static Register mask(int number) {
        return VALUES[K0.ordinal() + number];
    }

    public static Register tile(int number) {
        return VALUES[TMM0.ordinal() + number];
    }

    public static Register bound(int number) {
        return VALUES[BND0.ordinal() + number];
    }
}
