package dev.jx86.x86.decode.tables;

/**
 * The three-byte opcode map 0F 3A xx: Intel SDM Vol. 2, Table A-5, rows in its order.
 */
final class ThreeByte3AMap {
    private ThreeByte3AMap() {}

    static void addTo(TableBuilder t) {}
}
