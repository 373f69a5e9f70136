package dev.jx86.runtime.abi;

import java.nio.charset.StandardCharsets;

/**
 * The one processor that CPUID describes: a "GenuineIntel" family 6 x86-64-v2 CPU reporting exactly what jx86
 * executes — the x86-64 baseline (x87, CMOV, CX8, MMX, FXSR, SSE, SSE2), SSE3, SSSE3, SSE4.1, SSE4.2, POPCNT, CX16,
 * LAHF/SAHF in 64-bit mode, AES-NI, PCLMULQDQ, MOVBE, LZCNT, BMI1, BMI2, ADX, RDTSCP and ERMS (REP MOVSB/STOSB run in
 * bulk), and no MONITOR/MWAIT, no AVX, no RDRAND/RDSEED/RDPID, no XSAVE. The leaves are documented in docs/cpuid.md; a leaf above the highest basic leaf
 * returns that leaf's data, as Intel processors do.
 */
public final class CpuidModel {
    /** The highest basic leaf. */
    public static final int MAX_BASIC = 7;

    /** The highest extended leaf. */
    public static final int MAX_EXTENDED = 0x80000008;

    private static final String VENDOR = "GenuineIntel";
    private static final String BRAND = "jx86 virtual x86-64 processor";

    // Leaf 1 EDX
    static final int FPU = 1;
    static final int TSC = 1 << 4;
    static final int CX8 = 1 << 8;
    static final int CMOV = 1 << 15;
    static final int CLFSH = 1 << 19;
    static final int MMX = 1 << 23;
    static final int FXSR = 1 << 24;
    static final int SSE = 1 << 25;
    static final int SSE2 = 1 << 26;
    // Leaf 1 ECX
    static final int SSE3 = 1;
    static final int PCLMULQDQ = 1 << 1;
    static final int SSSE3 = 1 << 9;
    static final int CX16 = 1 << 13;
    static final int SSE4_1 = 1 << 19;
    static final int SSE4_2 = 1 << 20;
    static final int MOVBE = 1 << 22;
    static final int POPCNT = 1 << 23;
    static final int AES = 1 << 25;
    // Leaf 7 EBX
    static final int BMI1 = 1 << 3;
    static final int BMI2 = 1 << 8;
    static final int ERMS = 1 << 9;
    static final int ADX = 1 << 19;
    // Leaf 0x80000001
    static final int LAHF_LM = 1;
    static final int ABM = 1 << 5;
    static final int SYSCALL = 1 << 11;
    static final int NX = 1 << 20;
    static final int RDTSCP = 1 << 27;
    static final int LM = 1 << 29;

    private CpuidModel() {}

    /** EAX, EBX, ECX, EDX of leaf {@code leaf}, subleaf {@code subleaf}. */
    public static int[] query(int leaf, int subleaf) {
        if (Integer.compareUnsigned(leaf, MAX_EXTENDED) > 0
                || (Integer.compareUnsigned(leaf, MAX_BASIC) > 0 && Integer.compareUnsigned(leaf, 0x80000000) < 0)) {
            return query(MAX_BASIC, subleaf);
        }
        return switch (leaf) {
            case 0 -> new int[] {MAX_BASIC, word(VENDOR, 0), word(VENDOR, 8), word(VENDOR, 4)};
            // family 6, model 0x3c, stepping 3; CLFLUSH line 8 qwords, 1 logical processor, APIC id 0
            case 1 ->
                new int[] {
                    0x000306c3,
                    0x00010800,
                    SSE3 | PCLMULQDQ | SSSE3 | CX16 | SSE4_1 | SSE4_2 | MOVBE | POPCNT | AES,
                    FPU | TSC | CX8 | CMOV | CLFSH | MMX | FXSR | SSE | SSE2
                };
            case 2 -> new int[] {0x00000001, 0, 0, 0}; // no descriptors: caches are in leaf 4
            case 4 -> cache(subleaf);
            case 7 -> subleaf == 0 ? new int[] {0, BMI1 | BMI2 | ERMS | ADX, 0, 0} : new int[4];
            case 0x80000000 -> new int[] {MAX_EXTENDED, 0, 0, 0};
            case 0x80000001 -> new int[] {0, 0, LAHF_LM | ABM, SYSCALL | NX | RDTSCP | LM};
            case 0x80000002, 0x80000003, 0x80000004 -> brand(leaf - 0x80000002);
            case 0x80000006 -> new int[] {0, 0, 256 << 16 | 6 << 12 | 64, 0}; // L2: 256 KiB, 8-way, 64-byte lines
            case 0x80000007 -> new int[] {0, 0, 0, 1 << 8}; // invariant TSC
            case 0x80000008 -> new int[] {0x3030, 0, 0, 0}; // 48-bit physical and linear addresses
            default -> new int[4];
        };
    }

    /** Leaf 4: deterministic cache parameters; subleaf 0-3 are L1d 32K, L1i 32K, L2 256K, L3 8M, then none. */
    private static int[] cache(int subleaf) {
        return switch (subleaf) {
            case 0 -> cacheLeaf(1, 1, 8, 64);
            case 1 -> cacheLeaf(2, 1, 8, 64);
            case 2 -> cacheLeaf(3, 2, 8, 512);
            case 3 -> cacheLeaf(3, 3, 16, 8192);
            default -> new int[4];
        };
    }

    private static int[] cacheLeaf(int type, int level, int ways, int sets) {
        int eax = type | level << 5 | 1 << 8; // self-initializing, one thread and core sharing it
        int ebx = (ways - 1) << 22 | 63; // one partition, 64-byte lines
        return new int[] {eax, ebx, sets - 1, 0};
    }

    /** Four bytes of {@code s} from {@code at}, little-endian (how CPUID spells strings in registers). */
    private static int word(String s, int at) {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        int w = 0;
        for (int i = 3; i >= 0; i--) {
            int k = at + i;
            w = w << 8 | (k < bytes.length ? bytes[k] & 0xff : 0);
        }
        return w;
    }

    private static int[] brand(int part) {
        int[] r = new int[4];
        for (int i = 0; i < 4; i++) {
            r[i] = word(BRAND, part * 16 + i * 4);
        }
        return r;
    }
}
