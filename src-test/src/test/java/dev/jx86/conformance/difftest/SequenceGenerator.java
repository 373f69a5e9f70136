package dev.jx86.conformance.difftest;

import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.flags.Eflags;
import dev.jx86.x86.flags.FlagEffects;
import dev.jx86.x86.flags.FlagTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes random test cases: 1-6 items drawn uniformly from the templates, and a random initial state. Case
 * {@code id} of a seed is always the same case, whatever else is generated.
 *
 * <p>A flag that an earlier item may have left undefined must not decide anything later, or host and jx86 may
 * rightly differ: before an item that reads such a flag the generator puts a {@code cmp} that defines all six.
 */
final class SequenceGenerator {
    /** Items whose flag writes depend on a count that may be zero: they never make a flag defined. */
    private static final Set<String> COUNTED =
            Set.of("shl", "shr", "sar", "rol", "ror", "rcl", "rcr", "shld", "shrd", "cmps", "scas");

    private static final int MAX_LINES = 14;

    private final long seed;
    private final boolean bits64;
    private final List<Template> templates;
    private final List<Template> bodies;
    private final Map<String, FlagEffects> effects = new HashMap<>();

    /**
     * A generator of items from the families {@code families} accepts; a branch's body (the item it may jump
     * over) is of a family {@code bodies} accepts. Cases are for 64-bit mode, or with {@code bits64} false for
     * 32-bit mode (integer instructions only).
     */
    SequenceGenerator(long seed, boolean bits64, Predicate<String> families, Predicate<String> bodies) {
        this.seed = seed;
        this.bits64 = bits64;
        List<Template> all = templates(bits64);
        this.templates = all.stream().filter(t -> families.test(t.family())).toList();
        List<Template> b =
                all.stream().filter(t -> !t.branch() && bodies.test(t.family())).toList();
        // Branches need something to jump over even when no other family may be used.
        this.bodies =
                b.isEmpty() ? all.stream().filter(t -> t.family().equals("nop")).toList() : b;
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no instruction family matches the filter");
        }
        for (Template t : all) {
            effects.put(t.family(), effectsOf(t.family()));
        }
    }

    /** Every family the templates cover in 64-bit mode, or in 32-bit mode. */
    static List<String> families(boolean bits64) {
        return templates(bits64).stream().map(Template::family).distinct().toList();
    }

    private static List<Template> templates(boolean bits64) {
        List<Template> all = new ArrayList<>();
        IntegerTemplates.register(all);
        ControlTemplates.register(all);
        if (bits64) {
            SseTemplates.register(all);
            Sse4Templates.register(all);
        }
        X87Templates.register(all);
        MmxTemplates.register(all);
        return all.stream().filter(t -> t.modes().includes(bits64)).toList();
    }

    /** The decoder mnemonic a family names: the family itself, or after a form prefix ({@code mmx.paddb}). */
    static String mnemonicOf(String family) {
        return family.startsWith(MmxTemplates.PREFIX) ? family.substring(MmxTemplates.PREFIX.length()) : family;
    }

    private static FlagEffects effectsOf(String family) {
        try {
            return FlagTable.of(Mnemonic.valueOf(mnemonicOf(family).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return FlagEffects.NONE;
        }
    }

    TestCase generate(long id) {
        Random random = new Random(seed * 0x9e3779b97f4a7c15L + id);
        List<TestCase.Item> items = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        int undefined = 0;
        int lines = 0;
        for (int i = 0; i < count; i++) {
            Draft d = draft(templates.get(random.nextInt(templates.size())), random);
            if (lines + d.lines().size() > MAX_LINES && !items.isEmpty()) {
                break;
            }
            if ((d.reads() & undefined & Eflags.STATUS) != 0) {
                Operands o = new Operands(random, bits64);
                items.add(new TestCase.Item("cmp", List.of("cmp " + o.src(o.stack()) + ", " + o.src(o.stack()))));
                undefined = 0;
            }
            items.add(new TestCase.Item(d.family(), d.lines()));
            lines += d.lines().size();
            undefined = (undefined & ~d.defines()) | d.undefines();
        }
        return new TestCase(id, List.copyOf(items), null, initialState(random, bits64), random.nextLong(), bits64);
    }

    /** An item before it is placed: its lines and the flags it reads, surely defines and may leave undefined. */
    private record Draft(String family, List<String> lines, int reads, int defines, int undefines) {}

    private Draft draft(Template t, Random random) {
        Operands o = new Operands(random, bits64);
        t.emit().accept(o);
        List<String> text = new ArrayList<>(o.lines());
        int reads = effects.get(t.family()).read();
        int undefines = effects.get(t.family()).undefined();
        if (t.family().equals("shl") || t.family().equals("shr")) {
            undefines |= Eflags.CF; // for bytes and words shifted by their width or more
        }
        if (t.branch()) {
            // What the branch may jump over only adds to what it reads and leaves undefined.
            Template b = bodies.get(random.nextInt(bodies.size()));
            Operands body = new Operands(random, bits64);
            b.emit().accept(body);
            int at = text.indexOf(ControlTemplates.BODY);
            text.remove(at);
            text.addAll(at, body.lines());
            reads |= effects.get(b.family()).read();
            undefines |= effects.get(b.family()).undefined();
        }
        return new Draft(t.family(), List.copyOf(text), reads, definedWrites(t.family()), undefines);
    }

    /** The flags an item of {@code family} always leaves defined (none for counted shifts and branches over code). */
    private int definedWrites(String family) {
        if (COUNTED.contains(family)) {
            return 0;
        }
        FlagEffects e = effects.get(family);
        return e.written() & ~e.undefined();
    }

    private static final long[] INTERESTING = {
        0,
        1,
        2,
        -1,
        -2,
        0x7f,
        0x80,
        0xff,
        0x7fff,
        0x8000,
        0xffff,
        0x7fffffffL,
        0x80000000L,
        0xffffffffL,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        0x100000000L,
        63,
        64,
        31,
        32
    };

    private static MachineState initialState(Random random, boolean bits64) {
        MachineState s = initialState(random);
        if (!bits64) {
            // 32-bit mode: registers are 32 bits wide, and the harness leaves SSE state alone (not x87).
            for (int i = 0; i < 16; i++) {
                s.gpr[i] = i < 8 ? s.gpr[i] & 0xffffffffL : 0;
            }
            Arrays.fill(s.xmm, 0);
            s.mxcsr = 0x1f80;
        }
        return s;
    }

    private static MachineState initialState(Random random) {
        MachineState s = new MachineState();
        for (int i = 0; i < 16; i++) {
            s.gpr[i] = switch (random.nextInt(4)) {
                case 0 -> INTERESTING[random.nextInt(INTERESTING.length)];
                case 1 -> random.nextInt(256) - 64;
                default -> random.nextLong();
            };
        }
        s.gpr[3] = Layout.RBX;
        s.gpr[4] = Layout.RSP;
        s.rflags = 0x202 | (random.nextLong() & Eflags.STATUS) | (random.nextInt(8) == 0 ? Eflags.DF : 0);
        s.mxcsr = 0x1f80;
        if (random.nextInt(4) == 0) {
            s.mxcsr |= random.nextInt(4) << 13; // rounding control
        }
        if (random.nextInt(8) == 0) {
            s.mxcsr |= 0x8000; // flush to zero
        }
        if (random.nextInt(8) == 0) {
            s.mxcsr |= 0x40; // denormals are zeros
        }
        if (random.nextInt(4) == 0) {
            s.mxcsr |= random.nextInt(64); // sticky exception flags
        }
        for (int i = 0; i < 32; i++) {
            s.xmm[i] = xmmHalf(random);
        }
        X87State.fill(random, s);
        return s;
    }

    private static final float[] FLOATS = {
        0f,
        -0f,
        1f,
        -1f,
        0.5f,
        1.5f,
        2.5f,
        -2.5f,
        3f,
        1e10f,
        -1e10f,
        3e9f,
        Float.MIN_VALUE,
        Float.MIN_NORMAL,
        Float.MAX_VALUE,
        Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY,
        Float.NaN,
        2147483648f,
        -2147483648f
    };
    private static final double[] DOUBLES = {
        0d,
        -0d,
        1d,
        -1d,
        0.5,
        1.5,
        2.5,
        -2.5,
        1e300,
        -1e300,
        9.3e18,
        Double.MIN_VALUE,
        Double.MIN_NORMAL,
        Double.MAX_VALUE,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NaN,
        2147483648d,
        1e-310
    };

    /** 64 bits of an XMM register: random bits, two floats or one double, from ordinary and special values. */
    private static long xmmHalf(Random random) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> random.nextLong();
            case 2 ->
                (Float.floatToRawIntBits(floatValue(random)) & 0xffffffffL)
                        | ((long) Float.floatToRawIntBits(floatValue(random)) << 32);
            case 3 ->
                Double.doubleToRawLongBits(
                        random.nextBoolean() ? DOUBLES[random.nextInt(DOUBLES.length)] : random.nextGaussian() * 1000);
            default -> random.nextInt(65) - 1;
        };
    }

    private static float floatValue(Random random) {
        if (random.nextInt(8) == 0) {
            return Float.intBitsToFloat(0x7f800001 | random.nextInt() & 0x807fffff); // a NaN with a payload
        }
        return random.nextBoolean() ? FLOATS[random.nextInt(FLOATS.length)] : (float) (random.nextGaussian() * 100);
    }
}
