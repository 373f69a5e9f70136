package dev.jx86.ir;

import java.util.Locale;

/**
 * A lane-wise numeric conversion of a V128 ({@code vconvert.<kind>}). Conversions to fewer lanes fill the low lanes
 * and zero the rest; conversions from fewer lanes read the low lanes. Float to int truncates toward zero and gives
 * the lane's minimum value for NaN and out-of-range inputs (x86's "integer indefinite").
 */
public enum VectorConversion {
    I32X4_TO_F32X4,
    F32X4_TO_I32X4,
    I32X4_TO_F64X2,
    F64X2_TO_I32X4,
    F32X4_TO_F64X2,
    F64X2_TO_F32X4;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
