package dev.jx86.ir.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.FlagCondition;
import dev.jx86.ir.FlagsKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lazy flags semantics against x86 results computed by hand from the SDM (EFLAGS bits: CF 0x1, PF 0x4, AF 0x10,
 * ZF 0x40, SF 0x80, OF 0x800), and against an independent wide-arithmetic oracle over all 8-bit operand pairs.
 */
class FlagsSemanticsTest {
    @ParameterizedTest(name = "{0}{1} {2} {3} {4} {5} -> {6}")
    @CsvSource({
        // kind, width, result, operand 1, operand 2, operand 3, expected EFLAGS
        "ADD, 8, 0x00, 0xff, 0x01, 0, 0x55", // carry out, zero, half carry
        "ADD, 8, 0x80, 0x7f, 0x01, 0, 0x890", // signed overflow
        "ADD, 64, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000, 0, 0x00",
        "ADC, 64, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000000, 1, 0x55",
        "SUB, 32, 0xffffffff, 0x00000001, 0x00000002, 0, 0x95", // cmp 1, 2: borrow, negative
        "SUB, 8, 0x7f, 0x80, 0x01, 0, 0x810", // -128 - 1 overflows
        "SUB, 16, 0x0000, 0x1234, 0x1234, 0, 0x44", // equal
        "SBB, 16, 0xffff, 0x0000, 0x0000, 1, 0x95",
        "INC, 8, 0x80, 1, 0, 0, 0x891", // keeps CF=1; 0x7f + 1 overflows
        "DEC, 32, 0xffffffff, 0, 0, 0, 0x94", // keeps CF=0
        "NEG, 8, 0x00, 0, 0, 0, 0x44",
        "NEG, 8, 0x80, 0, 0, 0, 0x881", // neg -128 overflows, CF set for a non-zero source
        "NEG, 32, 0xffffffff, 0, 0, 0, 0x95",
        "LOGIC, 32, 0x00000000, 0, 0, 0, 0x44",
        "LOGIC, 8, 0xc0, 0, 0, 0, 0x84",
        "MUL, 64, 0x0000000000000005, 0x0000000000000001, 0, 0, 0x805", // high half non-zero; PF of 0x05
        "MUL, 32, 0x00000000, 0x00000000, 0, 0, 0x44",
        "IMUL, 32, 0xffffffff, 0xffffffff, 0, 0, 0x84", // -1 fits
        "IMUL, 8, 0x80, 0x00, 0, 0, 0x881", // 128 does not fit a signed byte
    })
    void arithmeticKinds(FlagsKind kind, int width, String res, String a, String b, String c, String expected) {
        long[] operands = {parse(res), parse(a), parse(b), parse(c)};
        assertThat(FlagsSemantics.bits(kind, width, operands)).as(kind.name()).isEqualTo(parse(expected));
    }

    @ParameterizedTest(name = "{0}{1} src={3} count={4} prior={5} -> {6}")
    @CsvSource({
        // kind, width, result, source, count, prior flags, expected EFLAGS
        "SHL, 8, 0x02, 0x81, 1, 0x000, 0x801", // CF = bit shifted out, OF = MSB(result) xor CF
        "SHL, 32, 0x80000000, 0x00000001, 31, 0x000, 0x884",
        "SHL, 8, 0x00, 0x81, 9, 0x000, 0x044", // 8-bit shift by more than 8: CF = 0
        "SHR, 8, 0x40, 0x81, 1, 0x000, 0x801", // OF = MSB(source)
        "SAR, 8, 0xc0, 0x81, 1, 0x000, 0x085", // OF = 0
        "SAR, 8, 0xff, 0x80, 20, 0x000, 0x085", // 8-bit sar by 20: CF = sign
        "SHL, 8, 0x81, 0x81, 0, 0x8d5, 0x8d5", // count 0: flags unchanged
        "SHL, 32, 0x00000081, 0x00000081, 32, 0x8d5, 0x8d5", // 32 masks to 0
        "SHL, 64, 0x0000000000000000, 0x0000000000000001, 64, 0x001, 0x001",
        "ROL, 8, 0x03, 0x81, 1, 0x044, 0x845", // only CF and OF change
        "ROR, 8, 0x80, 0x01, 1, 0x000, 0x801",
        "ROL, 8, 0x81, 0x81, 8, 0x000, 0x001", // count 8 rotates fully; CF = LSB, OF = MSB xor CF = 0
        "ROL, 16, 0x1234, 0x1234, 0, 0x8d5, 0x8d5",
        "RCL, 8, 0x00, 0x80, 1, 0x000, 0x801", // MSB goes to CF
        "RCR, 8, 0x80, 0x01, 1, 0x001, 0x801", // old CF goes to MSB, bit 0 to CF
        "RCL, 8, 0x80, 0x80, 9, 0x001, 0x001", // 9 mod 9 = 0: CF stays
    })
    void shiftKinds(FlagsKind kind, int width, String res, String src, int count, String prior, String expected) {
        long[] operands = switch (kind) {
            case ROL, ROR -> new long[] {parse(res), count, parse(prior)};
            default -> new long[] {parse(res), parse(src), count, parse(prior)};
        };
        assertThat(FlagsSemantics.bits(kind, width, operands)).as(kind.name()).isEqualTo(parse(expected));
    }

    @Test
    void addAndSubAgreeWithWideArithmeticForAllBytes() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int carry = 0; carry < 2; carry++) {
                    int sum = a + b + carry;
                    long add = FlagsSemantics.bits(FlagsKind.ADC, 8, new long[] {sum & 0xFF, a, b, carry});
                    assertThat(add)
                            .isEqualTo(expected(
                                    sum & 0xFF,
                                    sum > 0xFF,
                                    (a & 0xF) + (b & 0xF) + carry > 0xF,
                                    (byte) a + (byte) b + carry != (byte) sum));
                    int diff = a - b - carry;
                    long sub = FlagsSemantics.bits(FlagsKind.SBB, 8, new long[] {diff & 0xFF, a, b, carry});
                    assertThat(sub)
                            .isEqualTo(expected(
                                    diff & 0xFF,
                                    diff < 0,
                                    (a & 0xF) - (b & 0xF) - carry < 0,
                                    (byte) a - (byte) b - carry != (byte) diff));
                }
            }
        }
    }

    @Test
    void conditionsAfterCompareMeanTheirNames() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                long f = FlagsSemantics.bits(FlagsKind.SUB, 8, new long[] {(a - b) & 0xFF, a, b});
                byte sa = (byte) a;
                byte sb = (byte) b;
                assertThat(FlagsSemantics.test(FlagCondition.E, f)).isEqualTo(a == b);
                assertThat(FlagsSemantics.test(FlagCondition.B, f)).isEqualTo(a < b);
                assertThat(FlagsSemantics.test(FlagCondition.BE, f)).isEqualTo(a <= b);
                assertThat(FlagsSemantics.test(FlagCondition.A, f)).isEqualTo(a > b);
                assertThat(FlagsSemantics.test(FlagCondition.L, f)).isEqualTo(sa < sb);
                assertThat(FlagsSemantics.test(FlagCondition.LE, f)).isEqualTo(sa <= sb);
                assertThat(FlagsSemantics.test(FlagCondition.G, f)).isEqualTo(sa > sb);
                assertThat(FlagsSemantics.test(FlagCondition.GE, f)).isEqualTo(sa >= sb);
                assertThat(FlagsSemantics.test(FlagCondition.S, f)).isEqualTo((byte) (a - b) < 0);
                assertThat(FlagsSemantics.test(FlagCondition.O, f)).isEqualTo(sa - sb != (byte) (sa - sb));
            }
        }
    }

    @Test
    void conditionsComeInNegatedPairs() {
        for (FlagCondition cc : FlagCondition.values()) {
            for (long bits = 0; bits < 0x1000; bits++) {
                assertThat(FlagsSemantics.test(cc.negate(), bits)).isEqualTo(!FlagsSemantics.test(cc, bits));
            }
        }
    }

    @Test
    void theCodedFormAgreesWithTheKindForEveryKindAndWidth() {
        java.util.Random random = new java.util.Random(7);
        long[] edges = {0, 1, 0x7f, 0x80, 0xff, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL, Long.MIN_VALUE, -1};
        for (FlagsKind kind : FlagsKind.values()) {
            for (int width : new int[] {8, 16, 32, 64}) {
                int code = FlagsSemantics.code(kind, width);
                for (int n = 0; n < 2000; n++) {
                    long[] operands = new long[4];
                    for (int k = 0; k < 4; k++) {
                        long v = n % 3 == 0 ? edges[random.nextInt(edges.length)] : random.nextLong();
                        operands[k] = width == 64 ? v : v & ((1L << width) - 1);
                    }
                    operands[3] &= kind == FlagsKind.ADC || kind == FlagsKind.SBB ? 1 : -1;
                    long bits = FlagsSemantics.bits(kind, width, operands[0], operands[1], operands[2], operands[3]);
                    String where = kind + "" + width + " " + java.util.Arrays.toString(operands);
                    assertThat(FlagsSemantics.bits(code, operands[0], operands[1], operands[2], operands[3]))
                            .as(where)
                            .isEqualTo(bits);
                    assertSingleFlags(code, operands, bits, where);
                }
            }
        }
    }

    @Test
    void singleFlagsOfPlainBitsAreTheirBits() {
        for (long bits = 0; bits < 0x1000; bits++) {
            if ((bits & ~dev.jx86.ir.Flag.ALL) == 0) {
                assertSingleFlags(-1, new long[] {bits, 0, 0, 0}, bits, "bits " + bits);
            }
        }
    }

    /** The one-flag functions against the flags' bits. */
    private static void assertSingleFlags(int code, long[] o, long bits, String where) {
        assertThat(FlagsSemantics.carry(code, o[0], o[1], o[2], o[3]))
                .as("CF " + where)
                .isEqualTo(bits & 1);
        assertThat(FlagsSemantics.parity(code, o[0], o[1], o[2], o[3]))
                .as("PF " + where)
                .isEqualTo(bits >> 2 & 1);
        assertThat(FlagsSemantics.zero(code, o[0], o[1], o[2], o[3]))
                .as("ZF " + where)
                .isEqualTo(bits >> 6 & 1);
        assertThat(FlagsSemantics.sign(code, o[0], o[1], o[2], o[3]))
                .as("SF " + where)
                .isEqualTo(bits >> 7 & 1);
        assertThat(FlagsSemantics.overflow(code, o[0], o[1], o[2], o[3]))
                .as("OF " + where)
                .isEqualTo(bits >> 11 & 1);
    }

    private static long expected(int result, boolean cf, boolean af, boolean of) {
        long bits = (cf ? 0x1 : 0) | (af ? 0x10 : 0) | (of ? 0x800 : 0);
        bits |= (Integer.bitCount(result) & 1) == 0 ? 0x4 : 0;
        bits |= result == 0 ? 0x40 : 0;
        bits |= (result & 0x80) != 0 ? 0x80 : 0;
        return bits;
    }

    private static long parse(String s) {
        return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
    }
}
