package dev.jx86.conformance.difftest;

import java.util.List;
import java.util.function.Consumer;

/**
 * Templates for control transfer (forward only, so every sequence ends) and the string instructions with small
 * counts and pointers in the data buffer (SDM Vol. 1, 7.3.8 and 7.3.9). A branch template writes {@link #BODY}
 * where the generator puts the item it may jump over.
 */
final class ControlTemplates {
    /** The line a branch template's body replaces. */
    static final String BODY = "#body";

    private ControlTemplates() {}

    static void register(List<Template> out) {
        for (String cc : IntegerTemplates.CONDITIONS) {
            out.add(branch("j" + cc, o -> over(o, (o.chance(3) ? "{disp32} " : "") + "j" + cc + " 1f")));
        }
        for (String m : new String[] {"loop", "loope", "loopne"}) {
            out.add(branch(m, o -> {
                if (o.chance(2)) {
                    o.line("mov ecx, " + o.random.nextInt(3));
                }
                over(o, m + " 1f");
            }));
        }
        for (String m : new String[] {"jrcxz", "jecxz"}) {
            Template t = branch(m, o -> {
                if (o.chance(2)) {
                    o.line(o.chance(2) || !o.bits64 ? "mov ecx, 0" : "movabs rcx, 0x100000000");
                }
                over(o, m + " 1f");
            });
            out.add(m.equals("jrcxz") ? t.inLongModeOnly() : t);
        }
        out.add(branch("jmp", o -> over(o, o.chance(2) ? "jmp 1f" : "{disp32} jmp 1f")));
        out.add(branch("call", o -> over(o, "call 1f")));
        // Indirect transfers (64-bit only: they take the target RIP-relative): what they skip is not known to
        // the flag masks, so they skip nothing.
        out.add(Template.longMode("jmp", o -> {
            String r = o.reg(8);
            o.line("lea " + r + ", [rip+1f]");
            if (o.chance(2)) {
                o.line("jmp " + r);
            } else {
                o.line("push " + r);
                o.line("jmp qword ptr [rsp]");
            }
            o.line("1:");
        }));
        out.add(Template.longMode("ret", o -> {
            String r = o.reg(8);
            o.line("lea " + r + ", [rip+1f]");
            o.line("push " + r);
            o.line(o.chance(2) ? "ret" : "ret 8");
            o.line("1:");
        }));
        strings(out);
    }

    private static Template branch(String family, Consumer<Operands> emit) {
        return new Template(family, true, Template.Modes.BOTH, emit);
    }

    private static void over(Operands o, String jump) {
        o.line(jump);
        o.line(BODY);
        o.line("1:");
    }

    private static void strings(List<Template> out) {
        String[] suffixes = {"b", "w", "d", "q"};
        for (String m : new String[] {"movs", "stos", "lods", "cmps", "scas"}) {
            out.add(Template.of(m, o -> {
                String base = o.bits64 ? "[rbx" : "[ebx";
                o.line("lea " + o.name(6, o.stack()) + ", " + base + Operands.signed(o.random.nextInt(0x200) - 0x100)
                        + "]");
                o.line("lea " + o.name(7, o.stack()) + ", " + base + Operands.signed(o.random.nextInt(0x200) - 0x100)
                        + "]");
                o.line("mov ecx, " + o.random.nextInt(17));
                String prefix = switch (o.random.nextInt(3)) {
                    case 0 -> "";
                    case 1 -> m.equals("cmps") || m.equals("scas") ? "repe " : "rep ";
                    default -> m.equals("cmps") || m.equals("scas") ? "repne " : "rep ";
                };
                o.line(prefix + m + suffixes[o.random.nextInt(o.bits64 ? 4 : 3)]);
            }));
        }
    }
}
