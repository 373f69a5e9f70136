package dev.jx86.ir.opt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.Block;
import dev.jx86.ir.FlagCondition;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Op;
import dev.jx86.ir.TestEnvironment;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every fused condition computes what the flags semantics says, for every condition on edge-case operands. */
class FlagConditionFusionTest {
    private static final long[] EDGES = {0, 1, 2, 0x7e, 0x7f, 0x80, 0x81, 0xfe, 0xff, 0x7fff_ffffL, 0x8000_0000L};

    @ParameterizedTest
    @EnumSource(
            value = FlagsKind.class,
            names = {"ADD", "SUB", "LOGIC"})
    void fusedConditionsAgreeWithTheFlags(FlagsKind kind) {
        for (Type width : new Type[] {Type.I8, Type.I32}) {
            for (FlagCondition cc : FlagCondition.values()) {
                for (long a : EDGES) {
                    for (long b : EDGES) {
                        Block before = block(kind, width, cc, a & width.mask(), b & width.mask());
                        Block after = new FlagConditionFusion().run(before);
                        assertThat(TestEnvironment.run(after, 0, -1))
                                .as("%s.%s %s %x %x", kind, width, cc, a, b)
                                .isEqualTo(TestEnvironment.run(before, 0, -1));
                    }
                }
            }
        }
    }

    private static Block block(FlagsKind kind, Type width, FlagCondition cc, long a, long b) {
        IrBuilder ir = new IrBuilder(0);
        Value x = ir.constant(width, a);
        Value y = ir.constant(width, b);
        Value r = ir.binary(kind == FlagsKind.ADD ? Op.ADD : kind == FlagsKind.SUB ? Op.SUB : Op.AND, x, y);
        Value f = kind == FlagsKind.LOGIC ? ir.flags(kind, r) : ir.flags(kind, r, x, y);
        ir.set(0, ir.cond(cc, f));
        return ir.jump(0);
    }
}
