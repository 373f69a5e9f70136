package dev.jx86.x86.decode.tables;

/**
 * The x87 escape opcodes D8-DF: Intel SDM Vol. 2, Tables, rows in their order.
 */
final class X87Map {
    private X87Map() {}

    static void addTo(TableBuilder t) {}
}
