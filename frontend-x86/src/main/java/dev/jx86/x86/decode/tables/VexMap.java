package dev.jx86.x86.decode.tables;

/**
 * The VEX-encoded instructions (AVX, AVX2, FMA, F16C, BMI1, BMI2) of VEX maps 0F, 0F38 and 0F3A, rows in the order of the Intel SDM's opcode tables.
 */
final class VexMap {
    private VexMap() {}

    static void addTo(TableBuilder t) {}
}
