package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.RuntimeHelper;
import dev.jx86.runtime.abi.Sse4Helpers;

/**
 * AES-NI and PCLMULQDQ (SDM Vol. 1 12.13; Vol. 2 AESENC..., PCLMULQDQ): the AES rounds and the carry-less product are
 * runtime helpers ({@link Sse4Helpers}), called once per 64-bit half of the result; AESKEYGENASSIST composes the
 * S-box helper with the IR's rotate and xor.
 */
final class AesClmul implements Semantics {
    @Override
    public void register(HandlerTable t) {
        on(t, c -> round(c, Sse4Helpers.AESENC), AESENC);
        on(t, c -> round(c, Sse4Helpers.AESENCLAST), AESENCLAST);
        on(t, c -> round(c, Sse4Helpers.AESDEC), AESDEC);
        on(t, c -> round(c, Sse4Helpers.AESDECLAST), AESDECLAST);
        on(t, AesClmul::aesimc, AESIMC);
        on(t, AesClmul::aeskeygenassist, AESKEYGENASSIST);
        on(t, AesClmul::pclmulqdq, PCLMULQDQ);
    }

    /** AESENC and kin: destination = round(destination, round key from xmm/m128). */
    private static void round(LiftContext c, RuntimeHelper helper) {
        SseIntegerArithmetic.binary(c, (a, b) -> halves(c, helper, a, b));
    }

    private static void aesimc(LiftContext c) {
        Value src = SseOperands.vector(c, 1);
        SseOperands.writeVector(c, 0, halves(c, Sse4Helpers.AESIMC, src));
    }

    /** Both halves of {@code helper}'s 128-bit result on the halves of {@code operands}. */
    private static Value halves(LiftContext c, RuntimeHelper helper, Value... operands) {
        var ir = c.ir();
        Value[] args = new Value[1 + 2 * operands.length];
        for (int k = 0; k < operands.length; k++) {
            args[1 + 2 * k] = ir.extract(Type.I64, operands[k], 0);
            args[2 + 2 * k] = ir.extract(Type.I64, operands[k], 64);
        }
        args[0] = c.constant(Type.I1, 0);
        Value low = c.call(helper, args.clone());
        args[0] = c.constant(Type.I1, 1);
        Value high = c.call(helper, args);
        return ir.insert(SseOperands.widen(c, low), high, 64);
    }

    /**
     * AESKEYGENASSIST: with X1 and X3 the source's doublewords 1 and 3, the result is SubWord(X1),
     * RotWord(SubWord(X1)) ^ RCON, SubWord(X3), RotWord(SubWord(X3)) ^ RCON (RotWord rotates right by 8 bits).
     */
    private static void aeskeygenassist(LiftContext c) {
        var ir = c.ir();
        Value rcon = c.constant(Type.I32, SseOperands.imm8(c, 2));
        Value src = SseOperands.vector(c, 1);
        Value result = SseOperands.zero(c);
        for (int k = 0; k < 2; k++) {
            Value word = c.call(Sse4Helpers.AES_SUBWORD, ir.extract(Type.I32, src, 32 + 64 * k));
            Value rotated = ir.xor(ir.binary(Op.ROTR, word, c.i8(8)), rcon);
            result = ir.insert(ir.insert(result, word, 64 * k), rotated, 64 * k + 32);
        }
        SseOperands.writeVector(c, 0, result);
    }

    /** PCLMULQDQ: the carry-less product of destination quadword imm[0] and source quadword imm[4]. */
    private static void pclmulqdq(LiftContext c) {
        int imm = SseOperands.imm8(c, 2);
        SseIntegerArithmetic.binary(c, (a, b) -> {
            var ir = c.ir();
            Value x = ir.extract(Type.I64, a, 64 * (imm & 1));
            Value y = ir.extract(Type.I64, b, 64 * ((imm >> 4) & 1));
            Value low = c.call(Sse4Helpers.CLMUL, c.constant(Type.I1, 0), x, y);
            Value high = c.call(Sse4Helpers.CLMUL, c.constant(Type.I1, 1), x, y);
            return ir.insert(SseOperands.widen(c, low), high, 64);
        });
    }
}
