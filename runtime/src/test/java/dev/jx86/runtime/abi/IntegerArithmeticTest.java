package dev.jx86.runtime.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntegerArithmeticTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    private static BigInteger dividend(long hi, long lo, boolean signed) {
        BigInteger u = unsigned(hi).shiftLeft(64).or(unsigned(lo));
        return signed && hi < 0 ? u.subtract(TWO_64.shiftLeft(64)) : u;
    }

    /** Random 128/64 divisions against BigInteger, with operands biased to the edges (small divisors, hi near d). */
    @Test
    void divisionAgainstBigInteger() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long d = switch (i % 4) {
                case 0 -> random.nextLong();
                case 1 -> random.nextLong(1, 1000) * (random.nextBoolean() ? 1 : -1);
                case 2 -> Long.MIN_VALUE + random.nextInt(3);
                default -> random.nextLong() >>> random.nextInt(64);
            };
            long hi = switch (i % 3) {
                case 0 -> random.nextLong();
                case 1 -> random.nextLong() >> random.nextInt(64);
                default -> d + random.nextInt(-2, 3);
            };
            long lo = random.nextLong();
            checkUnsigned(hi, lo, d);
            checkSigned(hi, lo, d);
        }
    }

    private static void checkUnsigned(long hi, long lo, long d) {
        BigInteger n = dividend(hi, lo, false);
        if (d == 0 || n.divide(unsigned(d)).bitLength() > 64) {
            assertThatThrownBy(() -> IntegerArithmetic.divideUnsigned(hi, lo, d))
                    .isInstanceOf(GuestFault.class);
            return;
        }
        BigInteger[] qr = n.divideAndRemainder(unsigned(d));
        assertThat(IntegerArithmetic.divideUnsigned(hi, lo, d)).isEqualTo(qr[0].longValue());
        assertThat(IntegerArithmetic.remainderUnsigned(hi, lo, d)).isEqualTo(qr[1].longValue());
    }

    private static void checkSigned(long hi, long lo, long d) {
        BigInteger n = dividend(hi, lo, true);
        if (d == 0 || n.divide(BigInteger.valueOf(d)).bitLength() > 63) {
            assertThatThrownBy(() -> IntegerArithmetic.divideSigned(hi, lo, d)).isInstanceOf(GuestFault.class);
            return;
        }
        BigInteger[] qr = n.divideAndRemainder(BigInteger.valueOf(d)); // truncating, remainder has n's sign
        assertThat(IntegerArithmetic.divideSigned(hi, lo, d)).isEqualTo(qr[0].longValueExact());
        assertThat(IntegerArithmetic.remainderSigned(hi, lo, d)).isEqualTo(qr[1].longValueExact());
    }

    @Test
    void divisionEdges() {
        // -2^63 / -1 overflows; -2^63 / 1 does not; 2^64-1 / 1 (unsigned) fits
        assertThatThrownBy(() -> IntegerArithmetic.divideSigned(-1, Long.MIN_VALUE, -1))
                .isInstanceOf(GuestFault.class);
        assertThat(IntegerArithmetic.divideSigned(-1, Long.MIN_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
        assertThat(IntegerArithmetic.divideUnsigned(0, -1, 1)).isEqualTo(-1);
        assertThatThrownBy(() -> IntegerArithmetic.divideUnsigned(1, 0, 1)).isInstanceOf(GuestFault.class);
        assertThat(IntegerArithmetic.divideUnsigned(1, 0, 2)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void crc32cCheckValue() {
        // the CRC-32C check value: "123456789" gives 0xE3069283 (initial and final value 0xFFFFFFFF)
        long crc = 0xffffffffL;
        for (byte b : "123456789".getBytes(StandardCharsets.US_ASCII)) {
            crc = IntegerArithmetic.crc32c(crc, b, 1);
        }
        assertThat(crc ^ 0xffffffffL).isEqualTo(0xe3069283L);
        // eight bytes at once equal eight single bytes
        long data = 0x0123456789abcdefL;
        long bytewise = 0x12345678;
        for (int i = 0; i < 8; i++) {
            bytewise = IntegerArithmetic.crc32c(bytewise, data >>> 8 * i, 1);
        }
        assertThat(IntegerArithmetic.crc32c(0x12345678, data, 8)).isEqualTo(bytewise);
    }

    @Test
    void depositAndExtract() {
        assertThat(IntegerArithmetic.deposit(0b101, 0xf0f0)).isEqualTo(0x50);
        assertThat(IntegerArithmetic.extract(0x123456789abcdef0L, 0xff00ff00L)).isEqualTo(0x9ade);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long mask = random.nextLong();
            long src = random.nextLong();
            assertThat(IntegerArithmetic.deposit(IntegerArithmetic.extract(src, mask), mask))
                    .isEqualTo(src & mask);
        }
    }

    @Test
    void cpuidLeaves() {
        int[] vendor = CpuidModel.query(0, 0);
        assertThat(vendor[0]).isEqualTo(CpuidModel.MAX_BASIC);
        assertThat(CpuidModel.query(0x80000000, 0)[0]).isEqualTo(CpuidModel.MAX_EXTENDED);
        // a leaf beyond the basic range returns the highest basic leaf, as on Intel
        assertThat(CpuidModel.query(0x20, 0)).isEqualTo(CpuidModel.query(CpuidModel.MAX_BASIC, 0));
        int[] ext = CpuidModel.query(0x80000001, 0);
        assertThat(ext[3] & CpuidModel.LM).isNotZero();
        assertThat(ext[2] & CpuidModel.ABM).isNotZero();
        StringBuilder brand = new StringBuilder();
        for (int leaf = 0x80000002; leaf <= 0x80000004; leaf++) {
            for (int r : CpuidModel.query(leaf, 0)) {
                for (int k = 0; k < 4; k++) {
                    char ch = (char) (r >>> 8 * k & 0xff);
                    if (ch != 0) {
                        brand.append(ch);
                    }
                }
            }
        }
        assertThat(brand.toString()).isEqualTo("jx86 virtual x86-64 processor");
        // leaf 4: L1d 32 KiB = ways * partitions * line * sets
        int[] l1d = CpuidModel.query(4, 0);
        long size =
                (long) ((l1d[1] >>> 22) + 1) * (((l1d[1] >>> 12) & 0x3ff) + 1) * ((l1d[1] & 0xfff) + 1) * (l1d[2] + 1);
        assertThat(size).isEqualTo(32 * 1024);
        assertThat(CpuidModel.query(4, 4)[0] & 0x1f).isZero();
    }

    @Test
    void timeStampCounterIsMonotonic() {
        long a = IntegerHelpers.RDTSC.body().call(null, new long[0]);
        long b = IntegerHelpers.RDTSC.body().call(null, new long[0]);
        assertThat(b).isGreaterThanOrEqualTo(a);
    }

    @Test
    void helpersAreIndexed() {
        assertThat(Helpers.byId(100)).isSameAs(IntegerHelpers.DIV128);
        assertThat(Helpers.byId(200)).isSameAs(StringHelpers.REP_MOVS);
    }
}
