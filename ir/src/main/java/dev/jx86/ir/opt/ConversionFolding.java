package dev.jx86.ir.opt;

import dev.jx86.ir.Block;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;

/**
 * Folds chains of width conversions into one (or none): {@code trunc.i32 (zext.i64 x:i32)} is {@code x}. A lifter
 * that writes a 32-bit result as {@code zext.i64} and reads it back as {@code trunc.i32} makes such chains at every
 * instruction once get/set forwarding has joined them; folding them halves the ops of 32-bit code. Rules, for an
 * outer conversion to T of an inner conversion of y:
 *
 * <ul>
 *   <li>trunc of zext or sext: y itself if y is T, else the inner kind to T if y is narrower, else trunc to T;
 *   <li>trunc of trunc: trunc of y; zext of zext: zext of y; sext of sext: sext of y;
 *   <li>sext of a zext that widened: zext of y (the sign bit it sees is zero).
 * </ul>
 *
 * The inner conversion is left for dead code elimination.
 */
public final class ConversionFolding implements Pass {
    public ConversionFolding() {}

    @Override
    public String name() {
        return "conversion-folding";
    }

    @Override
    public Block run(Block b) {
        Rewrite r = new Rewrite(b);
        // Each conversion's simplest form: kind[i] applied to old value source[i] (itself no conversion).
        Op[] kind = new Op[b.size()];
        int[] source = new int[b.size()];
        for (int i = 0; i < b.size(); i++) {
            Op outer = b.op(i);
            if (outer != Op.TRUNC && outer != Op.ZEXT && outer != Op.SEXT) {
                r.copy(i);
                continue;
            }
            int x = b.arg(i, 0);
            kind[i] = outer;
            source[i] = x;
            if (kind[x] != null) {
                int y = source[x];
                Op folded = fold(outer, b.type(i), kind[x], b.type(y));
                if (folded == Op.CONST) {
                    kind[i] = null;
                    r.replace(i, r.mapped(y));
                    continue;
                }
                if (folded != null) {
                    kind[i] = folded;
                    source[i] = y;
                }
            }
            r.replace(i, r.out.convert(kind[i], b.type(i), r.mapped(source[i])));
        }
        return r.finish();
    }

    /**
     * The one conversion that {@code outer.to (inner y)} is, for y of type {@code from}: {@link Op#CONST} when it is
     * y itself, null when the chain does not fold.
     */
    private static Op fold(Op outer, Type to, Op inner, Type from) {
        if (outer == Op.TRUNC && inner != Op.TRUNC) {
            if (from.bits() == to.bits()) {
                return Op.CONST;
            }
            return from.bits() < to.bits() ? inner : Op.TRUNC;
        }
        if (outer == inner) {
            return outer;
        }
        if (outer == Op.SEXT && inner == Op.ZEXT) {
            return Op.ZEXT;
        }
        return null;
    }
}
