package dev.jx86.x86.decode.tables;

import java.util.List;

/** The compiled opcode tables: one decode tree per (map, opcode), built once from every table file. */
public final class DecodeTables {
    private static final Node[][] ROOTS = allRows().build();
    private static final Node[] ONE_BYTE = ROOTS[OpcodeMap.ONE_BYTE.ordinal()];

    /** 90 without REX.B or 66: NOP, not XCHG eAX,eAX (which would clear bits 63:32 of RAX). */
    private static final Row NOP_90 = new Row(Encoding.parse("90"), dev.jx86.x86.decode.Mnemonic.NOP, List.of(), 0);

    private static final RowFacts NOP_90_FACTS = new RowFacts(NOP_90);

    private DecodeTables() {}

    /** The decode tree for {@code opcode} in {@code map}. */
    public static Node root(OpcodeMap map, int opcode) {
        return ROOTS[map.ordinal()][opcode];
    }

    /** The decode tree for {@code opcode} in the one-byte map (the common case: one load less). */
    public static Node oneByte(int opcode) {
        return ONE_BYTE[opcode];
    }

    /** The row for the one-byte NOP, which shares opcode 90 with XCHG Zv,rAX. */
    public static Row nop90() {
        return NOP_90;
    }

    /** The facts of {@link #nop90()}. */
    public static RowFacts nop90Facts() {
        return NOP_90_FACTS;
    }

    /** Every row of every table, for tests over the tables as a whole. */
    public static List<Row> rows() {
        return allRows().rows();
    }

    private static TableBuilder allRows() {
        TableBuilder builder = new TableBuilder();
        OneByteMap.addTo(builder);
        TwoByteMap.addTo(builder);
        ThreeByte38Map.addTo(builder);
        ThreeByte3AMap.addTo(builder);
        X87Map.addTo(builder);
        VexMap0F.addTo(builder);
        VexMap0F38.addTo(builder);
        VexMap0F3A.addTo(builder);
        ThreeDNowMap.addTo(builder);
        return builder;
    }
}
