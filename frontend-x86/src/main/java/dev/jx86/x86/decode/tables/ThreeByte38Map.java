package dev.jx86.x86.decode.tables;

/**
 * The three-byte opcode map 0F 38 xx: Intel SDM Vol. 2, Table A-4, rows in its order.
 */
final class ThreeByte38Map {
    private ThreeByte38Map() {}

    static void addTo(TableBuilder t) {}
}
