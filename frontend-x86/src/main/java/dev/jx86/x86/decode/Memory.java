package dev.jx86.x86.decode;

/**
 * A memory operand: {@code segment:[base + index*scale + displacement]}.
 *
 * @param size access size in bytes as the operand form gives it, or 0 when the form gives none
 *     ({@code lea}, {@code lgdt}, {@code fxsave}...)
 * @param segment the segment the access goes through (the default, or the override prefix's)
 * @param explicitSegment whether the instruction names the segment (an override prefix that takes
 *     effect, or a string instruction's fixed operand)
 * @param base base register, {@link Register#RIP}/{@link Register#EIP} for RIP-relative, or null
 * @param index index register or null; {@link Register#RIZ}/{@link Register#EIZ} where SIB encodes no
 *     index in a form objdump names (it reads as zero)
 * @param scale 1, 2, 4 or 8
 * @param displacement sign-extended displacement (for a moffs operand: the unsigned offset)
 * @param displacementSize bytes of displacement encoded (0, 1, 2, 4, or 8 for a 64-bit moffs)
 * @param addressSize address size in bytes (2, 4 or 8)
 */
public record Memory(
        int size,
        Register segment,
        boolean explicitSegment,
        Register base,
        Register index,
        int scale,
        long displacement,
        int displacementSize,
        int addressSize)
        implements Operand {

    /** RIP- or EIP-relative: the address is the next instruction's address plus the displacement. */
    public boolean ripRelative() {
        return base == Register.RIP || base == Register.EIP;
    }
}
