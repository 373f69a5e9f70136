package dev.jx86.runtime.abi;

import static dev.jx86.runtime.abi.Helpers.define;

import dev.jx86.ir.Type;
import java.util.List;
import java.util.Set;

/**
 * Helpers of the SSE4.2 string compares, AES-NI and PCLMULQDQ, ids 600-699: instructions too big or too rare for
 * IR lane ops. All are pure. Helpers return one integer, so a 128-bit result is computed by two calls, one per
 * half, the {@code high} argument choosing which; a 128-bit operand is passed as its two halves, low first.
 */
public final class Sse4Helpers {
    private Sse4Helpers() {}

    private static final List<Type> HALF_OF_TWO = List.of(Type.I1, Type.I64, Type.I64, Type.I64, Type.I64);

    /** {@code aesenc(high, state_lo, state_hi, key_lo, key_hi)}: one half of AESENC's result. */
    public static final RuntimeHelper AESENC = define(600, "aesenc", HALF_OF_TWO, Type.I64, Set.of(), (cpu, a) -> {
        return half(AesRounds.encrypt(pair(a, 1), pair(a, 3), false), a[0]);
    });

    /** {@code aesenclast(high, state_lo, state_hi, key_lo, key_hi)}: one half of AESENCLAST's result. */
    public static final RuntimeHelper AESENCLAST =
            define(601, "aesenclast", HALF_OF_TWO, Type.I64, Set.of(), (cpu, a) -> {
                return half(AesRounds.encrypt(pair(a, 1), pair(a, 3), true), a[0]);
            });

    /** {@code aesdec(high, state_lo, state_hi, key_lo, key_hi)}: one half of AESDEC's result. */
    public static final RuntimeHelper AESDEC = define(602, "aesdec", HALF_OF_TWO, Type.I64, Set.of(), (cpu, a) -> {
        return half(AesRounds.decrypt(pair(a, 1), pair(a, 3), false), a[0]);
    });

    /** {@code aesdeclast(high, state_lo, state_hi, key_lo, key_hi)}: one half of AESDECLAST's result. */
    public static final RuntimeHelper AESDECLAST =
            define(603, "aesdeclast", HALF_OF_TWO, Type.I64, Set.of(), (cpu, a) -> {
                return half(AesRounds.decrypt(pair(a, 1), pair(a, 3), true), a[0]);
            });

    /** {@code aesimc(high, lo, hi)}: one half of AESIMC's result (InvMixColumns). */
    public static final RuntimeHelper AESIMC = define(
            604,
            "aesimc",
            List.of(Type.I1, Type.I64, Type.I64),
            Type.I64,
            Set.of(),
            (cpu, a) -> half(AesRounds.inverseMixColumns(pair(a, 1)), a[0]));

    /** {@code aes_subword(word)}: the S-box on each byte (AESKEYGENASSIST composes it with rotations in the IR). */
    public static final RuntimeHelper AES_SUBWORD = define(
            605,
            "aes_subword",
            List.of(Type.I32),
            Type.I32,
            Set.of(),
            (cpu, a) -> AesRounds.subWord((int) a[0]) & 0xffff_ffffL);

    /** {@code clmul(high, a, b)}: one half of the carry-less product of two quadwords (PCLMULQDQ). */
    public static final RuntimeHelper CLMUL = define(
            606,
            "clmul",
            List.of(Type.I1, Type.I64, Type.I64),
            Type.I64,
            Set.of(),
            (cpu, a) -> CarrylessMultiply.product(a[1], a[2], a[0] != 0));

    /**
     * {@code pcmpstr(control, a_lo, a_hi, b_lo, b_hi, length_a, length_b)}: the PCMPxSTRx comparison
     * ({@link PackedStringCompare#compare}): IntRes2 in bits 15:0, the flags from bit 16.
     */
    public static final RuntimeHelper PCMPSTR = define(
            607,
            "pcmpstr",
            List.of(Type.I32, Type.I64, Type.I64, Type.I64, Type.I64, Type.I64, Type.I64),
            Type.I64,
            Set.of(),
            (cpu, a) -> PackedStringCompare.compare((int) a[0], a[1], a[2], a[3], a[4], a[5], a[6]));

    static List<RuntimeHelper> all() {
        return List.of(AESENC, AESENCLAST, AESDEC, AESDECLAST, AESIMC, AES_SUBWORD, CLMUL, PCMPSTR);
    }

    private static long[] pair(long[] args, int at) {
        return new long[] {args[at], args[at + 1]};
    }

    private static long half(long[] v, long high) {
        return v[high != 0 ? 1 : 0];
    }
}
