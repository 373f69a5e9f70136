package dev.jx86.runtime.fpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked cases of the software x87 arithmetic: each expected value is worked out in the comment next to it.
 * The broad check against the hardware is {@code X87NativeCasesTest}.
 */
class ExtendedArithmeticTest {
    private static final int NEAREST = 0x037f;
    private static final int DOWN = 0x077f;
    private static final int UP = 0x0b7f;
    private static final int ZERO = 0x0f7f;

    private static Extended x(int se, long m) {
        return new Extended(se, m);
    }

    private static final Extended ONE = Extended.ONE;
    private static final Extended THREE = x(0x4000, 0xc000_0000_0000_0000L);

    @Test
    void oneThirdInEveryRoundingModeAndPrecision() {
        // 1/3 = 0.010101...b: significand 0xaaaa...aaaa|aaa..., exponent -2. The bits after the 64th are 1010...,
        // so nearest and up round up to ...ab, down and toward zero keep ...aa.
        FpuContext c = new FpuContext(NEAREST);
        assertThat(ExtendedArithmetic.divide(c, ONE, THREE, 64)).isEqualTo(x(0x3ffd, 0xaaaa_aaaa_aaaa_aaabL));
        assertThat(c.flags()).isEqualTo(FpuContext.PE);
        assertThat(c.roundedUp()).isTrue();
        c = new FpuContext(DOWN);
        assertThat(ExtendedArithmetic.divide(c, ONE, THREE, 64)).isEqualTo(x(0x3ffd, 0xaaaa_aaaa_aaaa_aaaaL));
        assertThat(c.roundedUp()).isFalse();
        c = new FpuContext(UP);
        assertThat(ExtendedArithmetic.divide(c, ONE, THREE, 64)).isEqualTo(x(0x3ffd, 0xaaaa_aaaa_aaaa_aaabL));
        c = new FpuContext(ZERO);
        assertThat(ExtendedArithmetic.divide(c, ONE, THREE, 64)).isEqualTo(x(0x3ffd, 0xaaaa_aaaa_aaaa_aaaaL));
        // 24-bit precision: 0xaaaaaa|aaa... rounds to nearest up to 0xaaaaab, the rest of the significand zero.
        c = new FpuContext(NEAREST);
        assertThat(ExtendedArithmetic.divide(c, ONE, THREE, 24)).isEqualTo(x(0x3ffd, 0xaaaa_ab00_0000_0000L));
        // 53-bit precision: the 53rd bit is the last kept; the next bits are 0101... -> down: ...aaa8 << 0.
        assertThat(ExtendedArithmetic.divide(c, ONE, THREE, 53)).isEqualTo(x(0x3ffd, 0xaaaa_aaaa_aaaa_a800L));
    }

    @Test
    void signedZerosOfExactCancellation() {
        // x - x is +0, except rounding down, which gives -0.
        assertThat(ExtendedArithmetic.subtract(new FpuContext(NEAREST), THREE, THREE, 64))
                .isEqualTo(Extended.POSITIVE_ZERO);
        assertThat(ExtendedArithmetic.subtract(new FpuContext(DOWN), THREE, THREE, 64))
                .isEqualTo(Extended.NEGATIVE_ZERO);
    }

    @Test
    void overflowAndUnderflowMasked() {
        Extended max = x(0x7ffe, -1L);
        FpuContext c = new FpuContext(NEAREST);
        assertThat(ExtendedArithmetic.multiply(c, max, max, 64)).isEqualTo(Extended.POSITIVE_INFINITY);
        assertThat(c.flags()).isEqualTo(FpuContext.OE | FpuContext.PE);
        c = new FpuContext(ZERO);
        assertThat(ExtendedArithmetic.multiply(c, max, max, 64)).isEqualTo(max);
        // The smallest normal halved is the denormal 0x4000...: exact, so no UE while UE is masked.
        Extended minNormal = x(1, Long.MIN_VALUE);
        Extended half = x(0x3ffe, Long.MIN_VALUE);
        c = new FpuContext(NEAREST);
        assertThat(ExtendedArithmetic.multiply(c, minNormal, half, 64)).isEqualTo(x(0, 0x4000_0000_0000_0000L));
        assertThat(c.flags()).isZero();
        // The smallest denormal times 1/2 is a tie between 0 and it: to even, 0, with UE and PE (and DE for the
        // denormal operand).
        c = new FpuContext(NEAREST);
        assertThat(ExtendedArithmetic.multiply(c, x(0, 1), half, 64)).isEqualTo(Extended.POSITIVE_ZERO);
        assertThat(c.flags()).isEqualTo(FpuContext.DE | FpuContext.UE | FpuContext.PE);
    }

    @Test
    void unmaskedOverflowOnTheStackWrapsTheExponent() {
        // 2^16383 * 2 = 2^16384: with OE unmasked the register gets 2^(16384 - 24576).
        FpuContext c = new FpuContext(NEAREST & ~FpuContext.OE);
        Extended big = x(0x7ffe, Long.MIN_VALUE);
        Extended two = x(0x4000, Long.MIN_VALUE);
        assertThat(ExtendedArithmetic.multiply(c, big, two, 64)).isEqualTo(x(0x7fff - 24576, Long.MIN_VALUE));
        assertThat(c.unmasked()).isEqualTo(FpuContext.OE);
    }

    @Test
    void nanRules() {
        Extended qnanSmall = x(0x7fff, 0xc000_0000_0000_0001L);
        Extended qnanLarge = x(0xffff, 0xc000_0000_0000_0002L);
        Extended snan = x(0x7fff, 0x8000_0000_0000_0005L);
        FpuContext c = new FpuContext(NEAREST);
        // Two QNaNs: the larger significand, sign and all.
        assertThat(ExtendedArithmetic.add(c, qnanSmall, qnanLarge, 64)).isEqualTo(qnanLarge);
        assertThat(c.flags()).isZero();
        // SNaN and QNaN: the QNaN, and IE.
        assertThat(ExtendedArithmetic.add(c, snan, qnanSmall, 64)).isEqualTo(qnanSmall);
        assertThat(c.flags()).isEqualTo(FpuContext.IE);
        // SNaN and a number: the SNaN quieted.
        assertThat(ExtendedArithmetic.multiply(new FpuContext(NEAREST), snan, ONE, 64))
                .isEqualTo(x(0x7fff, 0xc000_0000_0000_0005L));
        // Invalid operations: the real indefinite.
        assertThat(ExtendedArithmetic.subtract(
                        new FpuContext(NEAREST), Extended.POSITIVE_INFINITY, Extended.POSITIVE_INFINITY, 64))
                .isEqualTo(Extended.INDEFINITE);
        // An unnormal (integer bit clear, exponent not 0) is unsupported: IE.
        c = new FpuContext(NEAREST);
        assertThat(ExtendedArithmetic.add(c, x(0x4000, 0x4000_0000_0000_0000L), ONE, 64))
                .isEqualTo(Extended.INDEFINITE);
        assertThat(c.flags()).isEqualTo(FpuContext.IE);
    }

    @Test
    void conversionsToIntegersAndMemoryFormats() {
        FpuContext c = new FpuContext(NEAREST);
        Extended twoAndAHalf = x(0x4000, 0xa000_0000_0000_0000L);
        assertThat(Conversions.toInteger(c, twoAndAHalf, 4, false)).isEqualTo(2); // ties to even
        assertThat(Conversions.toInteger(new FpuContext(UP), twoAndAHalf, 4, false))
                .isEqualTo(3);
        assertThat(Conversions.toInteger(new FpuContext(UP), twoAndAHalf, 4, true))
                .isEqualTo(2); // FISTTP
        // 32768 does not fit 16 bits: IE and the integer indefinite 0x8000.
        c = new FpuContext(NEAREST);
        assertThat(Conversions.toInteger(c, x(0x400e, Long.MIN_VALUE), 2, false) & 0xffff)
                .isEqualTo(0x8000);
        assertThat(c.flags()).isEqualTo(FpuContext.IE);
        // -32768 does.
        assertThat(Conversions.toInteger(new FpuContext(NEAREST), x(0xc00e, Long.MIN_VALUE), 2, false))
                .isEqualTo(-32768);
        // 1/3 to binary32: 0x3eaaaaab; to binary64: 0x3fd5555555555555.
        Extended third = x(0x3ffd, 0xaaaa_aaaa_aaaa_aaabL);
        assertThat(Conversions.toSingle(new FpuContext(NEAREST), third)).isEqualTo(0x3eaaaaab);
        assertThat(Conversions.toDouble(new FpuContext(NEAREST), third)).isEqualTo(0x3fd5555555555555L);
        // A QNaN keeps the top of its payload; an SNaN loaded from binary32 is quieted with IE.
        assertThat(Conversions.toSingle(new FpuContext(NEAREST), x(0x7fff, 0xc000_0200_0000_0000L)))
                .isEqualTo(0x7fc00002);
        c = new FpuContext(NEAREST);
        assertThat(Conversions.fromSingle(c, 0x7f800001)).isEqualTo(x(0x7fff, 0xc000_0100_0000_0000L));
        assertThat(c.flags()).isEqualTo(FpuContext.IE);
        // BCD: -1234 and back.
        long[] bcd = new long[2];
        Conversions.toBcd(new FpuContext(NEAREST), Conversions.fromInteger(-1234), bcd);
        assertThat(bcd[0]).isEqualTo(0x1234);
        assertThat(bcd[1]).isEqualTo(0x8000);
        assertThat(Conversions.fromBcd(0x1234, 0x8000)).isEqualTo(Conversions.fromInteger(-1234));
    }

    @Test
    void remaindersAndTheirQuotientBits() {
        // 7 rem 2: FPREM 1 (quotient 3), FPREM1 -1 (quotient 4, the nearest).
        Extended seven = Conversions.fromInteger(7);
        Extended two = Conversions.fromInteger(2);
        PartialRemainder.Step prem = PartialRemainder.remainder(new FpuContext(NEAREST), seven, two, false);
        assertThat(prem.value()).isEqualTo(ONE);
        assertThat(prem.quotient()).isEqualTo(3);
        PartialRemainder.Step prem1 = PartialRemainder.remainder(new FpuContext(NEAREST), seven, two, true);
        assertThat(prem1.value()).isEqualTo(ONE.negate());
        assertThat(prem1.quotient()).isEqualTo(4);
    }

    @Test
    void longDivisionAgreesWithBigInteger() {
        Random random = new Random(5);
        long[] remainder = new long[1];
        for (int i = 0; i < 20_000; i++) {
            long divisor = random.nextLong() | (random.nextBoolean() ? Long.MIN_VALUE : 1L << random.nextInt(63));
            long hi = Long.remainderUnsigned(random.nextLong(), divisor);
            long lo = random.nextLong();
            long q = Wide.divide(hi, lo, divisor, remainder);
            BigInteger n = new BigInteger(Long.toUnsignedString(hi))
                    .shiftLeft(64)
                    .or(new BigInteger(Long.toUnsignedString(lo)));
            BigInteger[] expected = n.divideAndRemainder(new BigInteger(Long.toUnsignedString(divisor)));
            assertThat(Long.toUnsignedString(q)).isEqualTo(expected[0].toString());
            assertThat(Long.toUnsignedString(remainder[0])).isEqualTo(expected[1].toString());
        }
    }

    @Test
    void integerSquareRootAgreesWithBigInteger() {
        Random random = new Random(6);
        for (int i = 0; i < 20_000; i++) {
            long hi = random.nextLong() | 1L << 62;
            if (random.nextInt(4) == 0) {
                hi = random.nextBoolean() ? -1L : 1L << 62;
            }
            long lo = random.nextInt(4) == 0 ? (random.nextBoolean() ? 0 : -1L) : random.nextLong();
            BigInteger n = new BigInteger(Long.toUnsignedString(hi))
                    .shiftLeft(64)
                    .or(new BigInteger(Long.toUnsignedString(lo)));
            assertThat(Long.toUnsignedString(Wide.squareRoot(hi, lo)))
                    .isEqualTo(n.sqrt().toString());
        }
        // sqrt(2) to nearest: 0x3fff b504f333f9de6484.
        assertThat(ExtendedArithmetic.sqrt(new FpuContext(NEAREST), x(0x4000, Long.MIN_VALUE), 64))
                .isEqualTo(x(0x3fff, 0xb504f333f9de6484L));
    }

    @Test
    void transcendentalsAtExactlyKnownPoints() {
        // sin(pi/6) = 1/2 is not exact for the rounded operand, but atan2(1, 1) = pi/4 rounds like FLDPI / 4.
        FpuContext c = new FpuContext(NEAREST);
        assertThat(Transcendentals.arctangent(c, ONE, ONE)).isEqualTo(x(0x3ffe, 0xc90fdaa22168c235L));
        // 2^1 - 1 = 1 exactly, though reported inexact as the host does; log2(8) * 3 = 9 exactly.
        c = new FpuContext(NEAREST);
        assertThat(Transcendentals.exp2m1(c, ONE)).isEqualTo(ONE);
        assertThat(c.flags()).isEqualTo(FpuContext.PE);
        assertThat(Transcendentals.ylog2x(new FpuContext(NEAREST), THREE, Conversions.fromInteger(8)))
                .isEqualTo(Conversions.fromInteger(9));
        // sin(x) < x for tiny x > 0: rounding toward zero gives the value just below x.
        Extended tiny = x(0x3f00, Long.MIN_VALUE);
        Transcendentals.SineCosine sc = Transcendentals.sineCosine(new FpuContext(ZERO), tiny, true, true);
        assertThat(sc.sine()).isEqualTo(x(0x3eff, -1L));
        assertThat(sc.cosine()).isEqualTo(x(0x3ffe, -1L));
    }
}
