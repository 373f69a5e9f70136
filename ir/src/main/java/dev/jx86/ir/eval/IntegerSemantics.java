package dev.jx86.ir.eval;

import dev.jx86.ir.IntCondition;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;

/**
 * Integer ops on canonical values: every argument and result of a {@code w}-bit op has its bits above {@code w}
 * zero. Nothing throws: division by zero gives all ones (quotient) and the dividend (remainder); signed overflow
 * (MIN / -1) gives MIN and 0, as RISC-V defines them.
 */
public final class IntegerSemantics {
    private IntegerSemantics() {}

    /** A BINARY op of type {@code t} (I1..I64; I1 only for bitwise ops). */
    public static long binary(Op op, Type t, long a, long b) {
        int w = t.bits();
        long m = t.mask();
        long r = switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case UMULH -> w == 64 ? Math.unsignedMultiplyHigh(a, b) : (a * b) >>> w;
            case SMULH -> w == 64 ? Math.multiplyHigh(a, b) : (sext(w, a) * sext(w, b)) >> w;
            case UDIV -> b == 0 ? -1 : Long.divideUnsigned(a, b);
            case UREM -> b == 0 ? a : Long.remainderUnsigned(a, b);
            case SDIV -> b == 0 ? -1 : sext(w, a) / sext(w, b);
            case SREM -> b == 0 ? a : sext(w, a) % sext(w, b);
            case AND -> a & b;
            case OR -> a | b;
            case XOR -> a ^ b;
            case ANDN -> ~a & b;
            case SHL -> a << shiftCount(w, b);
            case LSHR -> a >>> shiftCount(w, b);
            case ASHR -> sext(w, a) >> shiftCount(w, b);
            case ROTL -> rotateLeft(w, a, shiftCount(w, b));
            case ROTR -> rotateLeft(w, a, (w - shiftCount(w, b)) % w);
            default -> throw new IllegalArgumentException("not a binary integer op: " + op);
        };
        return r & m;
    }

    /** A UNARY op of type {@code t}. */
    public static long unary(Op op, Type t, long a) {
        int w = t.bits();
        long r = switch (op) {
            case NEG -> -a;
            case NOT -> ~a;
            case CLZ -> Long.numberOfLeadingZeros(a) - (64 - w);
            case CTZ -> a == 0 ? w : Long.numberOfTrailingZeros(a);
            case POPCNT -> Long.bitCount(a);
            case BSWAP -> Long.reverseBytes(a) >>> (64 - w);
            default -> throw new IllegalArgumentException("not a unary integer op: " + op);
        };
        return r & t.mask();
    }

    public static boolean compare(IntCondition cc, Type t, long a, long b) {
        int w = t.bits();
        return switch (cc) {
            case EQ -> a == b;
            case NE -> a != b;
            case ULT -> Long.compareUnsigned(a, b) < 0;
            case ULE -> Long.compareUnsigned(a, b) <= 0;
            case UGT -> Long.compareUnsigned(a, b) > 0;
            case UGE -> Long.compareUnsigned(a, b) >= 0;
            case SLT -> sext(w, a) < sext(w, b);
            case SLE -> sext(w, a) <= sext(w, b);
            case SGT -> sext(w, a) > sext(w, b);
            case SGE -> sext(w, a) >= sext(w, b);
        };
    }

    /** The shift count masked to the width: {@code count & (w - 1)}. */
    static int shiftCount(int w, long count) {
        return (int) (count & (w - 1));
    }

    private static long rotateLeft(int w, long a, int c) {
        return c == 0 ? a : (a << c) | (a >>> (w - c));
    }

    /** Sign-extends the low {@code w} bits of {@code value}. */
    public static long sext(int w, long value) {
        return w == 64 ? value : (value << (64 - w)) >> (64 - w);
    }
}
