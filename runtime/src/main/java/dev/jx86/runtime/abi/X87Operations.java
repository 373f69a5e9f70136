package dev.jx86.runtime.abi;

import dev.jx86.runtime.fpu.Comparison;
import dev.jx86.runtime.fpu.Comparison.Order;
import dev.jx86.runtime.fpu.Conversions;
import dev.jx86.runtime.fpu.Extended;
import dev.jx86.runtime.fpu.ExtendedArithmetic;
import dev.jx86.runtime.fpu.FpuContext;

/**
 * The bodies of the x87 helpers that move values and do the basic arithmetic and comparisons on the register stack
 * (SDM Vol. 1 8.3.3-8.3.7): each starts with the #MF check, handles stack faults with the masked responses, keeps
 * the destination when an unmasked IE, DE or ZE forbids the result, and ends by merging the exception flags.
 */
final class X87Operations {
    private X87Operations() {}

    /** The arithmetic operations by the opcodes' ModRM.reg field (D8 /0 FADD ... /7 FDIVR; 2 and 3 compare). */
    static final int ADD = 0;

    static final int MUL = 1;
    static final int SUB = 4;
    static final int SUBR = 5;
    static final int DIV = 6;
    static final int DIVR = 7;

    static Extended apply(FpuContext c, int operation, Extended a, Extended b) {
        int p = c.precision();
        return switch (operation) {
            case ADD -> ExtendedArithmetic.add(c, a, b, p);
            case MUL -> ExtendedArithmetic.multiply(c, a, b, p);
            case SUB -> ExtendedArithmetic.subtract(c, a, b, p);
            case SUBR -> ExtendedArithmetic.subtract(c, b, a, p);
            case DIV -> ExtendedArithmetic.divide(c, a, b, p);
            case DIVR -> ExtendedArithmetic.divide(c, b, a, p);
            default -> throw new IllegalArgumentException("no x87 arithmetic operation " + operation);
        };
    }

    /** ST(dst) = ST(dst) op ST(src), then a pop if asked (FADD ST, ST(i); FADDP ST(i), ST ...). */
    static void arithmetic(Cpu cpu, int operation, int dst, int src, boolean pop) {
        X87Stack x = X87Stack.begin(cpu);
        if (x.empty(dst) || x.empty(src)) {
            if (x.underflow()) {
                x.st(dst, Extended.INDEFINITE);
                popIf(x, pop);
            }
        } else {
            Extended r = apply(x.context, operation, x.st(dst), x.st(src));
            if (!x.resultSuppressed()) {
                x.st(dst, r);
                x.c1FromRounding();
                popIf(x, pop);
            }
        }
        x.finish();
    }

    /** ST(0) = ST(0) op m (FADD m32fp, FIADD m16int ...). */
    static void arithmeticMemory(Cpu cpu, int operation, X87MemoryFormat format, long bits) {
        X87Stack x = X87Stack.begin(cpu);
        if (x.empty(0)) {
            if (x.underflow()) {
                x.st(0, Extended.INDEFINITE);
            }
        } else {
            Extended m = operand(x.context, format, bits);
            Extended r = apply(x.context, operation, x.st(0), m);
            if (!x.resultSuppressed()) {
                x.st(0, r);
                x.c1FromRounding();
            }
        }
        x.finish();
    }

    /** A memory operand of arithmetic or a compare as an extended value (signaling NaNs kept for the operation). */
    static Extended operand(FpuContext c, X87MemoryFormat format, long bits) {
        return switch (format) {
            case SINGLE -> Conversions.singleOperand(c, (int) bits);
            case DOUBLE -> Conversions.doubleOperand(c, bits);
            case WORD_INTEGER -> Conversions.fromInteger((short) bits);
            case SHORT_INTEGER -> Conversions.fromInteger((int) bits);
            case LONG_INTEGER -> Conversions.fromInteger(bits);
            case EXTENDED, PACKED_BCD -> throw new IllegalArgumentException("no arithmetic on " + format);
        };
    }

    private static void popIf(X87Stack x, boolean pop) {
        if (pop) {
            x.pop();
        }
    }

    // ---- loads and stores

    /** FLD m / FILD m / FBLD m: pushes the memory value ({@code high}: the top 16 bits of an 80-bit operand). */
    static void load(Cpu cpu, X87MemoryFormat format, long bits, long high) {
        X87Stack x = X87Stack.begin(cpu);
        if (!x.canPush()) {
            push(x, Extended.INDEFINITE); // the stack overflow: the operand is not even looked at
            x.finish();
            return;
        }
        FpuContext c = x.context;
        Extended v = switch (format) {
            case SINGLE -> Conversions.fromSingle(c, (int) bits);
            case DOUBLE -> Conversions.fromDouble(c, bits);
            case EXTENDED -> new Extended((int) high, bits);
            case WORD_INTEGER -> Conversions.fromInteger((short) bits);
            case SHORT_INTEGER -> Conversions.fromInteger((int) bits);
            case LONG_INTEGER -> Conversions.fromInteger(bits);
            case PACKED_BCD -> Conversions.fromBcd(bits, (int) high);
        };
        push(x, v);
        x.finish();
    }

    /** FLD ST(i): pushes a copy of ST(i) (bits as they are: no exception for a signaling NaN). */
    static void loadRegister(Cpu cpu, int i) {
        X87Stack x = X87Stack.begin(cpu);
        if (x.empty(i)) {
            // Only the underflow is reported; the indefinite is pushed even over a register in use (the host).
            if (x.underflow()) {
                x.push(Extended.INDEFINITE);
            }
        } else {
            push(x, x.st(i));
        }
        x.finish();
    }

    /** Pushes {@code v}, or raises the stack overflow (masked: pushes the real indefinite); C1 = 0 otherwise. */
    static void push(X87Stack x, Extended v) {
        if (!x.canPush()) {
            if (x.overflow()) {
                x.push(Extended.INDEFINITE);
            }
            return;
        }
        if ((x.context.unmasked() & FpuContext.IE) != 0) {
            return; // an unmasked IE (a signaling NaN) loads nothing; an unmasked DE still loads (the host)
        }
        x.conditionCodes(X87Stack.C1, 0);
        x.push(v);
    }

    /**
     * FST/FSTP/FIST/FISTP/FISTTP/FBSTP m: ST(0) converted and stored at {@code address}, popped if asked. The area is
     * checked first, so a page fault changes nothing; an unmasked exception stores nothing and does not pop.
     */
    static void store(Cpu cpu, X87MemoryFormat format, long address, boolean pop, boolean truncate) {
        X87Stack x = X87Stack.begin(cpu);
        GuestMemory memory = cpu.memory();
        memory.checkWrite(address, format.bytes());
        FpuContext c = x.context;
        Extended v = x.empty(0) ? Extended.INDEFINITE : x.st(0);
        if (x.empty(0) && !x.underflow()) {
            x.finish();
            return;
        }
        long[] bits = new long[2];
        switch (format) {
            case SINGLE -> bits[0] = Conversions.toSingle(c, v) & 0xffff_ffffL;
            case DOUBLE -> bits[0] = Conversions.toDouble(c, v);
            case EXTENDED -> {
                bits[0] = v.significand();
                bits[1] = v.signExponent();
            }
            case WORD_INTEGER, SHORT_INTEGER, LONG_INTEGER ->
                bits[0] = Conversions.toInteger(c, v, format.bytes(), truncate);
            case PACKED_BCD -> Conversions.toBcd(c, v, bits);
        }
        if ((c.unmasked() & ~FpuContext.PE) != 0) { // an unmasked PE still stores
            x.conditionCodes(X87Stack.C1, 0);
            x.finish();
            return;
        }
        if (format.bytes() == 10) {
            memory.store(address, 8, bits[0]);
            memory.store(address + 8, 2, bits[1]);
        } else {
            memory.store(address, format.bytes(), bits[0]);
        }
        if (!x.empty(0)) {
            x.c1FromRounding();
        }
        popIf(x, pop);
        x.finish();
    }

    /** FST/FSTP ST(i): copies ST(0) into ST(i) as it is, popped if asked. */
    static void storeRegister(Cpu cpu, int i, boolean pop) {
        X87Stack x = X87Stack.begin(cpu);
        if (x.empty(0)) {
            if (x.underflow()) {
                x.st(i, Extended.INDEFINITE);
                popIf(x, pop);
            }
        } else {
            x.conditionCodes(X87Stack.C1, 0);
            x.st(i, x.st(0));
            popIf(x, pop);
        }
        x.finish();
    }

    /** FXCH ST(i); an empty register takes part as the real indefinite (masked underflow). */
    static void exchange(Cpu cpu, int i) {
        X87Stack x = X87Stack.begin(cpu);
        if (x.empty(0) || x.empty(i)) {
            if (!x.underflow()) {
                x.finish();
                return;
            }
            Extended a = x.empty(0) ? Extended.INDEFINITE : x.st(0);
            Extended b = x.empty(i) ? Extended.INDEFINITE : x.st(i);
            x.st(0, b);
            x.st(i, a);
        } else {
            Extended a = x.st(0);
            Extended b = x.st(i);
            x.st(0, b);
            x.st(i, a);
            x.conditionCodes(X87Stack.C1, 0);
        }
        x.finish();
    }

    /** FFREE ST(i) (and FFREEP, which pops too). */
    static void free(Cpu cpu, int i, boolean pop) {
        X87Stack x = X87Stack.begin(cpu);
        x.conditionCodes(X87Stack.C1, 0); // the SDM leaves C0-C3 undefined; the host clears C1
        x.free(i);
        popIf(x, pop);
        x.finish();
    }

    /** FCMOVcc ST(0), ST(i): the lifter evaluates the condition on EFLAGS. */
    static void conditionalMove(Cpu cpu, boolean condition, int i) {
        X87Stack x = X87Stack.begin(cpu);
        if (x.empty(0) || x.empty(i)) {
            if (x.underflow()) {
                x.st(0, Extended.INDEFINITE);
            }
        } else if (condition) {
            x.st(0, x.st(i)); // C1 stays as it was (the host's behaviour; the SDM leaves it so too)
        }
        x.finish();
    }

    // ---- comparisons

    /** What a compare does besides ordering: {@code quiet} (FUCOM: only SNaNs invalid), pops, EFLAGS (FCOMI). */
    static final int UNORDERED_FORM = 1;

    static final int SETS_EFLAGS = 2;
    static final int POP_SHIFT = 2;

    /**
     * FCOM/FCOMP/FCOMPP/FUCOM.../FCOMI/FUCOMIP ST(i): C3 C2 C0 or ZF PF CF from the order ({@code form} as above);
     * returns the status flags {@code eflags} becomes (OF, SF, AF cleared for FCOMI; unchanged otherwise).
     */
    static long compare(Cpu cpu, int i, int form, long eflags) {
        X87Stack x = X87Stack.begin(cpu);
        Order order;
        if (x.empty(0) || x.empty(i)) {
            x.underflow();
            order = Order.UNORDERED;
        } else {
            order = Comparison.compare(x.context, x.st(0), x.st(i), (form & UNORDERED_FORM) == 0);
        }
        return finishCompare(x, order, form, eflags);
    }

    /** FCOM/FCOMP m32fp/m64fp, FICOM/FICOMP m16int/m32int. */
    static void compareMemory(Cpu cpu, X87MemoryFormat format, long bits, boolean pop) {
        X87Stack x = X87Stack.begin(cpu);
        Order order;
        if (x.empty(0)) {
            x.underflow();
            order = Order.UNORDERED;
        } else {
            Extended m = operand(x.context, format, bits);
            order = Comparison.compare(x.context, x.st(0), m, true);
        }
        finishCompare(x, order, pop ? 1 << POP_SHIFT : 0, 0);
    }

    /** FTST: ST(0) against +0.0. */
    static void test(X87Stack x) {
        Order order;
        if (x.empty(0)) {
            x.underflow();
            order = Order.UNORDERED;
        } else {
            order = Comparison.compare(x.context, x.st(0), Extended.POSITIVE_ZERO, true);
        }
        finishCompare(x, order, 0, 0);
    }

    /**
     * Writes an order and pops as {@code form} says. An unmasked invalid operation still sets the condition codes or
     * flags (to unordered) but pops nothing, as on the host.
     */
    private static long finishCompare(X87Stack x, Order order, int form, long eflags) {
        {
            int codes = switch (order) {
                case GREATER -> 0;
                case LESS -> X87Stack.C0;
                case EQUAL -> X87Stack.C3;
                case UNORDERED -> X87Stack.C3 | X87Stack.C2 | X87Stack.C0;
            };
            if ((form & SETS_EFLAGS) != 0) {
                // FCOMI leaves C1 alone unless the stack underflowed (measured on the host).
                long zf = (codes & X87Stack.C3) != 0 ? 0x40 : 0;
                long pf = (codes & X87Stack.C2) != 0 ? 0x04 : 0;
                long cf = (codes & X87Stack.C0) != 0 ? 0x01 : 0;
                eflags = eflags & ~0x8d5L | zf | pf | cf;
                x.keepC1();
            } else {
                x.conditionCodes(X87Stack.CONDITION_CODES, codes);
            }
            for (int n = form >>> POP_SHIFT; n > 0 && !x.resultSuppressed(); n--) {
                x.pop();
            }
        }
        x.finish();
        return eflags;
    }
}
