package dev.jx86.conformance.difftest;

import java.util.List;

/**
 * Templates for the general-purpose integer instructions (SDM Vol. 1, 7.3): data transfer, binary arithmetic,
 * logic, shifts and rotates, bit and byte instructions, flag control, and the BMI1/BMI2/ADX extensions.
 */
final class IntegerTemplates {
    static final String[] CONDITIONS = {
        "o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"
    };

    private IntegerTemplates() {}

    static void register(List<Template> out) {
        dataTransfer(out);
        arithmetic(out);
        shifts(out);
        bits(out);
        flagsAndConversions(out);
        bmi(out);
    }

    private static void dataTransfer(List<Template> out) {
        out.add(Template.of("mov", o -> {
            int size = o.size();
            o.begin(size == 1);
            switch (o.random.nextInt(4)) {
                case 0 -> o.line("mov " + o.reg(size) + ", " + o.srm(size));
                case 1 -> o.line("mov " + o.rm(size) + ", " + o.src(size));
                case 2 -> o.line("mov " + o.rm(size) + ", " + o.imm(size));
                default ->
                    o.line(
                            o.bits64
                                    ? "movabs " + o.reg(8) + ", " + o.random.nextLong()
                                    : "mov " + o.reg(4) + ", " + o.random.nextInt());
            }
        }));
        for (String m : new String[] {"movzx", "movsx"}) {
            out.add(Template.of(m, o -> {
                int size = o.wide();
                int from = size == 2 ? 1 : o.pick(1, 2);
                o.begin(from == 1 && size != 8);
                o.line(m + " " + o.reg(size) + ", " + o.srm(from));
            }));
        }
        out.add(Template.longMode("movsxd", o -> o.line("movsxd " + o.reg(8) + ", " + o.srm(4))));
        out.add(Template.of("xchg", o -> {
            int size = o.size();
            o.begin(size == 1);
            o.line("xchg " + o.rm(size) + ", " + o.reg(size));
        }));
        for (String m : new String[] {"xadd", "cmpxchg"}) {
            out.add(Template.of(m, o -> {
                int size = o.size();
                o.begin(size == 1);
                boolean memory = o.chance(2);
                String dst = memory ? o.mem(size) : o.reg(size);
                o.line((memory && o.chance(2) ? "lock " : "") + m + " " + dst + ", " + o.reg(size));
            }));
        }
        out.add(Template.of("cmpxchg8b", o -> o.line((o.chance(2) ? "lock " : "") + "cmpxchg8b " + o.mem(8))));
        // CMPXCHG16B wants its operand aligned to 16 bytes (#GP otherwise, as some of these are not).
        out.add(Template.longMode(
                "cmpxchg16b", o -> o.line((o.chance(2) ? "lock " : "") + "cmpxchg16b " + o.mem128())));
        out.add(Template.of("movnti", o -> {
            int size = o.big();
            o.line("movnti " + o.mem(size) + ", " + o.src(size));
        }));
        for (String m : new String[] {"lfence", "sfence", "mfence", "pause"}) {
            out.add(Template.of(m, o -> o.line(m)));
        }
        out.add(Template.of("bswap", o -> o.line("bswap " + o.reg(o.big()))));
        out.add(Template.of("movbe", o -> {
            int size = o.wide();
            o.line(
                    o.chance(2)
                            ? "movbe " + o.reg(size) + ", " + o.mem(size)
                            : "movbe " + o.mem(size) + ", " + o.src(size));
        }));
        out.add(Template.of("lea", IntegerTemplates::lea));
        out.add(Template.of(
                "push",
                o -> o.line("push "
                        + switch (o.random.nextInt(5)) {
                            case 0 -> o.src(o.stack());
                            case 1 -> o.src(2);
                            case 2 -> o.imm(4);
                            case 3 -> "word ptr " + o.address(2, 1);
                            default -> o.mem(o.stack());
                        })));
        out.add(Template.of(
                "pop",
                o -> o.line("pop "
                        + switch (o.random.nextInt(3)) {
                            case 0 -> o.reg(2);
                            case 1 -> o.mem(o.stack());
                            default -> o.reg(o.stack());
                        })));
        for (String cc : CONDITIONS) {
            out.add(Template.of("cmov" + cc, o -> {
                int size = o.wide();
                o.line("cmov" + cc + " " + o.reg(size) + ", " + o.srm(size));
            }));
            out.add(Template.of("set" + cc, o -> {
                o.begin(true);
                o.line("set" + cc + " " + o.rm(1));
            }));
        }
        out.add(Template.of("xlat", o -> o.line("xlatb")));
        out.add(Template.of(
                "nop",
                o -> o.line(
                        o.chance(2)
                                ? "nop"
                                : "nop " + Operands.ptr(o.pick(2, 4)) + "[" + o.src(o.stack())
                                        + Operands.signed(o.random.nextInt(256)) + "]")));
    }

    private static void lea(Operands o) {
        int size = o.wide();
        boolean address32 = !o.bits64 || o.chance(4);
        int base = o.random.nextInt(o.registers());
        int index;
        do {
            index = o.random.nextInt(o.registers());
        } while (index == 4);
        String b = address32 ? o.name(base, 4) : o.name(base, 8);
        String i = address32 ? o.name(index, 4) : o.name(index, 8);
        String expr = switch (o.random.nextInt(3)) {
            case 0 -> b + Operands.signed(o.random.nextInt());
            case 1 -> b + "+" + i + "*" + o.pick(1, 2, 4, 8) + Operands.signed(o.random.nextInt(256) - 128);
            default -> i + "*" + o.pick(1, 2, 4, 8) + Operands.signed(o.random.nextInt());
        };
        o.line("lea " + o.reg(size) + ", [" + expr + "]");
    }

    private static void arithmetic(List<Template> out) {
        for (String m : new String[] {"add", "adc", "sub", "sbb", "cmp", "and", "or", "xor"}) {
            out.add(Template.of(m, o -> {
                int size = o.size();
                o.begin(size == 1);
                String lock = m.equals("cmp") || o.chance(2) ? "" : "lock ";
                switch (o.random.nextInt(4)) {
                    case 0 -> o.line(m + " " + o.reg(size) + ", " + o.srm(size));
                    case 1 -> o.line(lock + m + " " + o.mem(size) + ", " + o.src(size));
                    case 2 -> o.line(lock + m + " " + o.mem(size) + ", " + o.imm(size));
                    default -> o.line(m + " " + o.reg(size) + ", " + o.imm(size));
                }
            }));
        }
        out.add(Template.of("test", o -> {
            int size = o.size();
            o.begin(size == 1);
            o.line("test " + o.srm(size) + ", " + (o.chance(2) ? o.src(size) : o.imm(size)));
        }));
        for (String m : new String[] {"neg", "not", "inc", "dec"}) {
            out.add(Template.of(m, o -> {
                int size = o.size();
                o.begin(size == 1);
                o.line(o.chance(2) ? m + " " + o.reg(size) : (o.chance(2) ? "lock " : "") + m + " " + o.mem(size));
            }));
        }
        for (String m : new String[] {"mul", "imul"}) {
            out.add(Template.of(m, o -> {
                int size = o.size();
                o.begin(size == 1);
                o.line(m + " " + o.srm(size));
            }));
        }
        out.add(Template.of("imul", o -> {
            int size = o.wide();
            String dst = o.reg(size);
            String src = o.srm(size);
            o.line(
                    switch (o.random.nextInt(3)) {
                        case 0 -> "imul " + dst + ", " + src;
                        case 1 -> "imul " + dst + ", " + src + ", " + (o.random.nextInt(256) - 128);
                        default -> "imul " + dst + ", " + src + ", " + o.imm(size);
                    });
        }));
        for (String m : new String[] {"div", "idiv"}) {
            out.add(Template.of(m, o -> division(o, m)));
        }
    }

    /**
     * A division, mostly with the dividend's high half prepared so that only a zero divisor faults; the rest
     * with random operands, which mostly fault (#DE) on a quotient too large.
     */
    private static void division(Operands o, String m) {
        int size = o.size();
        o.begin(size == 1);
        String divisor = o.srm(size);
        if (!o.chance(5)) {
            boolean signed = m.equals("idiv");
            o.line(
                    switch (size) {
                        case 1 -> signed ? "cbw" : "movzx eax, al";
                        case 2 -> signed ? "cwd" : "mov dx, 0";
                        case 4 -> signed ? "cdq" : "mov edx, 0";
                        default -> signed ? "cqo" : "mov edx, 0";
                    });
        }
        o.line(m + " " + divisor);
    }

    private static void shifts(List<Template> out) {
        for (String m : new String[] {"shl", "shr", "sar", "rol", "ror", "rcl", "rcr"}) {
            out.add(Template.of(m, o -> {
                int size = o.size();
                o.begin(size == 1);
                String dst = o.rm(size);
                o.line(m + " " + dst + ", "
                        + switch (o.random.nextInt(3)) {
                            case 0 -> "1";
                            case 1 ->
                                Integer.toString(o.chance(4) ? o.random.nextInt(256) : o.random.nextInt(size * 8 + 2));
                            default -> "cl";
                        });
            }));
        }
        for (String m : new String[] {"shld", "shrd"}) {
            out.add(Template.of(m, o -> {
                int size = o.wide();
                String dst = o.rm(size);
                String src = o.src(size);
                if (o.chance(2)) {
                    // A 16-bit count over 16 leaves the result undefined (SDM SHLD/SHRD).
                    o.line(m + " " + dst + ", " + src + ", " + o.random.nextInt(size == 2 ? 17 : 256));
                } else {
                    if (size == 2) {
                        o.line("and ecx, 15");
                    }
                    o.line(m + " " + dst + ", " + src + ", cl");
                }
            }));
        }
    }

    private static void bits(List<Template> out) {
        for (String m : new String[] {"bt", "bts", "btr", "btc"}) {
            out.add(Template.of(m, o -> {
                int size = o.wide();
                String lock = m.equals("bt") || o.chance(2) ? "" : "lock ";
                switch (o.random.nextInt(3)) {
                    case 0 -> o.line(m + " " + o.reg(size) + ", " + o.src(size));
                    case 1 -> o.line(m + " " + o.rm(size) + ", " + o.imm8());
                    default -> {
                        // A register bit offset reaches beyond the operand: keep it within 0-255.
                        int index = o.indexRegister();
                        o.line(lock + m + " " + o.mem(size) + ", " + o.name(index, size));
                    }
                }
            }));
        }
        for (String m : new String[] {"bsf", "bsr", "lzcnt", "tzcnt", "popcnt"}) {
            out.add(Template.of(m, o -> {
                int size = o.wide();
                o.line(m + " " + o.reg(size) + ", " + o.srm(size));
            }));
        }
    }

    private static void flagsAndConversions(List<Template> out) {
        for (String m : new String[] {"cbw", "cwde", "cwd", "cdq", "lahf", "sahf", "stc", "clc", "cmc"}) {
            out.add(Template.of(m, o -> o.line(m)));
        }
        out.add(Template.longMode("cdqe", o -> o.line("cdqe")));
        out.add(Template.longMode("cqo", o -> o.line("cqo")));
        out.add(Template.of("cld", o -> o.line("cld")));
        out.add(Template.of("std", o -> o.line("std")));
        out.add(Template.of("pushf", o -> o.line(o.bits64 ? "pushfq" : "pushfd")));
        out.add(Template.of("popf", o -> {
            // A constructed value: status flags and DF at random, IF and bit 1 set, nothing that traps (TF, AC).
            long value = 0x202 | (o.random.nextInt() & 0x8d5) | (o.chance(4) ? 0x400 : 0);
            o.line("push " + value);
            o.line(o.bits64 ? "popfq" : "popfd");
        }));
        out.add(Template.of("enter", o -> o.line("enter " + 8 * o.random.nextInt(9) + ", " + o.random.nextInt(2))));
        out.add(Template.of("leave", o -> {
            String sp = o.bits64 ? "rsp" : "esp";
            o.line("lea " + o.name(5, o.stack()) + ", [" + sp + "+" + 8 * o.random.nextInt(9) + "]");
            o.line("leave");
        }));
        for (String m : new String[] {"daa", "das", "aaa", "aas"}) {
            out.add(Template.legacyMode(m, o -> o.line(m)));
        }
        for (String m : new String[] {"aam", "aad"}) {
            // AAM 0 divides by zero (#DE).
            out.add(Template.legacyMode(m, o -> o.line(m + " " + (o.chance(20) ? 0 : o.random.nextInt(256)))));
        }
        out.add(Template.legacyMode("pusha", o -> o.line("pushad")));
        out.add(Template.legacyMode("popa", o -> {
            o.line("pushad");
            // Change a saved register (not the one POPAD skips, ESP, nor EBX).
            int[] slots = {0, 1, 2, 5, 6, 7};
            o.line("mov dword ptr [esp+" + 4 * slots[o.random.nextInt(slots.length)] + "], " + o.random.nextInt());
            o.line("popad");
        }));
    }

    private static void bmi(List<Template> out) {
        out.add(Template.of("andn", o -> vex3(o, "andn")));
        out.add(Template.of("pdep", o -> vex3(o, "pdep")));
        out.add(Template.of("pext", o -> vex3(o, "pext")));
        out.add(Template.of("mulx", o -> vex3(o, "mulx")));
        for (String m : new String[] {"bextr", "bzhi", "sarx", "shlx", "shrx"}) {
            out.add(Template.of(m, o -> {
                int size = o.big();
                o.line(m + " " + o.reg(size) + ", " + o.srm(size) + ", " + o.src(size));
            }));
        }
        for (String m : new String[] {"blsi", "blsmsk", "blsr"}) {
            out.add(Template.of(m, o -> {
                int size = o.big();
                o.line(m + " " + o.reg(size) + ", " + o.srm(size));
            }));
        }
        out.add(Template.of("rorx", o -> {
            int size = o.big();
            o.line("rorx " + o.reg(size) + ", " + o.srm(size) + ", " + o.imm8());
        }));
        for (String m : new String[] {"adcx", "adox"}) {
            out.add(Template.of(m, o -> {
                int size = o.big();
                o.line(m + " " + o.reg(size) + ", " + o.srm(size));
            }));
        }
    }

    /** {@code op r, r, r/m} (ANDN, PDEP, PEXT, MULX). */
    private static void vex3(Operands o, String m) {
        int size = o.big();
        o.line(m + " " + o.reg(size) + ", " + o.reg(size) + ", " + o.srm(size));
    }
}
