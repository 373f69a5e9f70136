package dev.jx86.ir.opt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.Block;
import dev.jx86.ir.Effect;
import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.Helper;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.ir.eval.Environment;
import dev.jx86.ir.eval.Evaluator;
import dev.jx86.ir.text.Printer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatEnvironmentForwarding} against the blocks without it, on blocks shaped as the x86 lifter makes them
 * (each float instruction: {@code fexcept}, the unmasked-exception test, MXCSR |= flags, the value under MXCSR),
 * sometimes with an exception value stored too (a use the pass must not absorb), run by the reference evaluator on
 * edge operands under MXCSR words with flags set or clear, masked or not, every rounding mode, FTZ and DAZ: the state
 * written, the conditions the raise helper saw and where the block stopped must be the same.
 */
class FloatEnvironmentForwardingTest {
    private static final int MXCSR = 60;
    private static final int FIRST_OPERAND = 0;
    private static final int OPERANDS = 6;
    private static final int STORED = 20;
    private static final Helper RAISE_IF =
            new Helper(1, "raise_if", List.of(Type.I1, Type.I32), Type.VOID, Set.of(Effect.MAY_FAULT));

    private static final int[] WORDS = {
        0x1f80, 0x1fa0, 0x1fbf, 0x1f3f, 0x1d80, 0x1da1, 0x1e80, 0x1f00, 0x3fa0, 0x5fa0, 0x7fa0, 0x9fa0, 0x1fe0, 0x0000,
        0x003f, 0x1fa2, 0x1ba0, 0x17a0
    };

    private static final long[] DOUBLES = {
        0L,
        0x8000_0000_0000_0000L,
        1L,
        0x000f_ffff_ffff_ffffL,
        0x0010_0000_0000_0000L,
        0x3ff0_0000_0000_0000L,
        0xbff8_0000_0000_0000L,
        0x7fef_ffff_ffff_ffffL,
        0x7ff0_0000_0000_0000L,
        0xfff0_0000_0000_0000L,
        0x7ff8_0000_0000_0001L,
        0x7ff0_0000_0000_0001L,
        0x4008_0000_0000_0000L,
        0x3fb9_9999_9999_999aL,
        0x0360_0000_0000_0000L,
        0x7c10_0000_0000_0000L
    };

    private static final FloatOperation[] KINDS = {
        FloatOperation.ADD, FloatOperation.SUB, FloatOperation.MUL, FloatOperation.DIV, FloatOperation.SQRT
    };
    private static final Op[] SCALAR = {Op.FADD, Op.FSUB, Op.FMUL, Op.FDIV, Op.FSQRT};
    private static final Op[] VECTOR = {Op.VFADD, Op.VFSUB, Op.VFMUL, Op.VFDIV, Op.VFSQRT};

    @Test
    void keepsWhatTheEvaluatorObserves() {
        Random random = new Random(5);
        PassPipeline before = new PassPipeline(List.of(new GetSetForwarding()), true);
        PassPipeline after = new PassPipeline(List.of(new GetSetForwarding(), new FloatEnvironmentForwarding()), true);
        int changed = 0;
        for (int n = 0; n < 400; n++) {
            Block lifted = liftedBlock(random);
            Block plain = before.run(lifted);
            Block forwarded = after.run(lifted);
            if (!Printer.print(plain).equals(Printer.print(forwarded))) {
                changed++;
            }
            for (int run = 0; run < 40; run++) {
                long[] operands = new long[OPERANDS * 2];
                for (int k = 0; k < operands.length; k++) {
                    operands[k] = random.nextInt(3) == 0 ? random.nextLong() : DOUBLES[random.nextInt(DOUBLES.length)];
                }
                int word = WORDS[random.nextInt(WORDS.length)];
                assertThat(observe(forwarded, operands, word))
                        .as(
                                "block %d, MXCSR %x:%n%s%nafter:%n%s",
                                n, word, Printer.print(plain), Printer.print(forwarded))
                        .isEqualTo(observe(plain, operands, word));
            }
        }
        assertThat(changed).as("blocks the pass changed").isGreaterThan(300);
    }

    /** Two to six float instructions as the lifter emits them, before get/set forwarding. */
    private static Block liftedBlock(Random random) {
        IrBuilder ir = new IrBuilder(0x1000);
        int count = 2 + random.nextInt(5);
        for (int k = 0; k < count; k++) {
            ir.boundary(0x1000 + 4 * k, 4);
            int kind = random.nextInt(KINDS.length);
            int a = random.nextInt(OPERANDS);
            int b = random.nextInt(OPERANDS);
            boolean vector = random.nextInt(3) == 0;
            Type type = vector ? Type.V128 : Type.I64;
            Value x = ir.get(type, FIRST_OPERAND + a);
            Value y = ir.get(type, FIRST_OPERAND + b);
            Value env = ir.get(Type.I32, MXCSR);
            Value flags =
                    vector ? ir.vfexcept(KINDS[kind], LaneShape.F64X2, x, y, env) : ir.fexcept(KINDS[kind], x, y, env);
            Value masks = ir.binary(Op.LSHR, env, ir.constant(Type.I8, 7));
            Value unmasked = ir.and(ir.binary(Op.ANDN, masks, flags), ir.constant(Type.I32, 0x3f));
            ir.call(RAISE_IF, ir.icmp(IntCondition.NE, unmasked, ir.constant(Type.I32, 0)), ir.constant(Type.I32, 19));
            Value mxcsr = ir.or(env, flags);
            Value result = value(ir, vector, kind, x, y, mxcsr);
            ir.set(MXCSR, mxcsr);
            ir.set(FIRST_OPERAND + a, result);
            if (random.nextInt(4) == 0) {
                ir.set(STORED + k, flags);
            }
        }
        return ir.jump(0x2000);
    }

    private static Value value(IrBuilder ir, boolean vector, int kind, Value x, Value y, Value env) {
        if (vector) {
            return KINDS[kind] == FloatOperation.SQRT
                    ? ir.vfloat(VECTOR[kind], LaneShape.F64X2, env, x)
                    : ir.vfloat(VECTOR[kind], LaneShape.F64X2, env, x, y);
        }
        return KINDS[kind] == FloatOperation.SQRT
                ? ir.append(Op.FSQRT, Type.I64, 0, 0, List.of(x, env))
                : ir.fbinary(SCALAR[kind], x, y, env);
    }

    /** The state and raise conditions a run leaves, and where it stopped. */
    private static String observe(Block b, long[] operands, int word) {
        Map<Integer, List<Long>> state = new TreeMap<>();
        for (int k = 0; k < OPERANDS; k++) {
            state.put(FIRST_OPERAND + k, List.of(operands[2 * k], operands[2 * k + 1]));
        }
        state.put(MXCSR, List.of((long) word, 0L));
        List<String> calls = new ArrayList<>();
        Environment env = new Environment() {
            @Override
            public void get(int slot, Type type, long[] out) {
                List<Long> v = state.get(slot);
                out[0] = v.get(0) & type.mask();
                out[1] = type == Type.V128 ? v.get(1) : 0;
            }

            @Override
            public void set(int slot, Type type, long low, long high) {
                state.put(slot, List.of(low, high));
            }

            @Override
            public void load(long address, Type type, long[] out) {
                throw new AssertionError("no memory");
            }

            @Override
            public void store(long address, Type type, long low, long high) {
                throw new AssertionError("no memory");
            }

            @Override
            public void call(Helper helper, long[][] args, long[] out) {
                calls.add(args[0][0] + "");
                if (args[0][0] != 0) {
                    throw new IllegalStateException("#XM");
                }
            }
        };
        String end;
        try {
            end = Evaluator.run(b, env).toString();
        } catch (IllegalStateException raised) {
            end = raised.getMessage();
        }
        return end + " " + state + " " + calls;
    }
}
