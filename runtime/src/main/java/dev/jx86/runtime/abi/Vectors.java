package dev.jx86.runtime.abi;

/** The x86 exception vectors that guest code can raise (Intel SDM Vol. 3A, table 6-1). */
public final class Vectors {
    private Vectors() {}

    /** Divide error: DIV/IDIV by zero or a quotient too large. */
    public static final int DE = 0;

    public static final int DB = 1;
    public static final int BP = 3;
    public static final int OF = 4;
    public static final int BR = 5;
    /** Invalid opcode. */
    public static final int UD = 6;

    public static final int NM = 7;
    public static final int TS = 10;
    public static final int NP = 11;
    public static final int SS = 12;
    /** General protection. */
    public static final int GP = 13;
    /** Page fault; the error code says why and CR2 (the fault's address) where. */
    public static final int PF = 14;

    public static final int MF = 16;
    /** Alignment check. */
    public static final int AC = 17;

    public static final int XM = 19;

    /** The SDM's mnemonic of {@code vector} ({@code #PF}), or {@code #14} for one without a name here. */
    public static String mnemonic(int vector) {
        return switch (vector) {
            case DE -> "#DE";
            case DB -> "#DB";
            case BP -> "#BP";
            case OF -> "#OF";
            case BR -> "#BR";
            case UD -> "#UD";
            case NM -> "#NM";
            case TS -> "#TS";
            case NP -> "#NP";
            case SS -> "#SS";
            case GP -> "#GP";
            case PF -> "#PF";
            case MF -> "#MF";
            case AC -> "#AC";
            case XM -> "#XM";
            default -> "#" + vector;
        };
    }
}
