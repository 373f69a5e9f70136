package dev.jx86.ir.eval;

import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.VectorConversion;

/** The lane conversions of {@code vconvert}; conversions to fewer lanes zero the upper lanes of the result. */
final class VectorConversions {
    private VectorConversions() {}

    static void convert(VectorConversion conversion, long[] a, long env, long[] out) {
        switch (conversion) {
            case I32X4_TO_F32X4 -> map(a, env, out, LaneShape.I32X4, LaneShape.F32X4, Type.I32, Type.I32, true);
            case F32X4_TO_I32X4 -> map(a, env, out, LaneShape.F32X4, LaneShape.I32X4, Type.I32, Type.I32, false);
            case I32X4_TO_F64X2 -> map(a, env, out, LaneShape.I32X4, LaneShape.F64X2, Type.I32, Type.I64, true);
            case F64X2_TO_I32X4 -> map(a, env, out, LaneShape.F64X2, LaneShape.I32X4, Type.I64, Type.I32, false);
            case F32X4_TO_F64X2 -> map(a, env, out, LaneShape.F32X4, LaneShape.F64X2, Type.I32, Type.I64, false);
            case F64X2_TO_F32X4 -> map(a, env, out, LaneShape.F64X2, LaneShape.F32X4, Type.I64, Type.I32, false);
        }
    }

    /** Converts lane i of a to lane i of the result for as many lanes as the smaller shape has. */
    private static void map(
            long[] a,
            long env,
            long[] out,
            LaneShape from,
            LaneShape to,
            Type fromLane,
            Type toLane,
            boolean fromInteger) {
        long[] x = VectorSemantics.lanes(from, a);
        long[] y = new long[to.lanes()];
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            if (fromInteger) {
                y[i] = FloatSemantics.convert(Op.SITOFP, Type.I32, toLane, x[i], env);
            } else if (to.isFloat()) {
                Op op = fromLane == Type.I32 ? Op.FPEXT : Op.FPTRUNC;
                y[i] = FloatSemantics.convert(op, fromLane, toLane, x[i], env);
            } else {
                y[i] = FloatSemantics.toSigned(fromLane, Type.I32, x[i]);
            }
        }
        VectorSemantics.pack(to, y, out);
    }
}
