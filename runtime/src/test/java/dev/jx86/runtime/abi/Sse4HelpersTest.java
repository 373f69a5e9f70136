package dev.jx86.runtime.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** AES rounds against FIPS-197, carry-less products, and the PCMPxSTRx core on hand-worked strings. */
class Sse4HelpersTest {
    /** FIPS-197 appendix C.1: AES-128 built from AESENC/AESENCLAST, and back with AESDEC/AESDECLAST and AESIMC. */
    @Test
    void aes128MatchesFips197() {
        long[][] keys = expandKey(vector("000102030405060708090a0b0c0d0e0f"));
        long[] plain = vector("00112233445566778899aabbccddeeff");
        long[] state = xor(plain, keys[0]);
        for (int round = 1; round < 10; round++) {
            state = AesRounds.encrypt(state, keys[round], false);
        }
        state = AesRounds.encrypt(state, keys[10], true);
        assertThat(state).isEqualTo(vector("69c4e0d86a7b0430d8cdb78070b4c55a"));

        state = xor(state, keys[10]);
        for (int round = 9; round > 0; round--) {
            state = AesRounds.decrypt(state, AesRounds.inverseMixColumns(keys[round]), false);
        }
        state = AesRounds.decrypt(state, keys[0], true);
        assertThat(state).isEqualTo(plain);
    }

    @Test
    void helpersReturnTheHalvesOfTheRound() {
        long[] key = vector("000102030405060708090a0b0c0d0e0f");
        long[] state = vector("00112233445566778899aabbccddeeff");
        long[] round = AesRounds.encrypt(state, key, false);
        long[] args = {0, state[0], state[1], key[0], key[1]};
        assertThat(Sse4Helpers.AESENC.body().call(null, args)).isEqualTo(round[0]);
        args[0] = 1;
        assertThat(Sse4Helpers.AESENC.body().call(null, args)).isEqualTo(round[1]);
    }

    @Test
    void subWordIsTheSbox() {
        // FIPS-197 S-box: S(0x00) = 0x63, S(0x01) = 0x7c, S(0x53) = 0xed, S(0xff) = 0x16.
        assertThat(AesRounds.subWord(0xff530100)).isEqualTo(0x16ed7c63);
    }

    @Test
    void carrylessProducts() {
        assertThat(CarrylessMultiply.product(3, 3, false)).isEqualTo(5);
        assertThat(CarrylessMultiply.product(-1L, -1L, false)).isEqualTo(0x5555_5555_5555_5555L);
        assertThat(CarrylessMultiply.product(-1L, -1L, true)).isEqualTo(0x5555_5555_5555_5555L);
        assertThat(CarrylessMultiply.product(1L << 63, 1L << 63, true)).isEqualTo(1L << 62);
        assertThat(CarrylessMultiply.product(1L << 63, 1L << 63, false)).isZero();
        assertThat(CarrylessMultiply.product(0x87, 1L << 60, true)).isEqualTo(0x8);
    }

    @Test
    void equalEachWithNegativePolarityFindsTheFirstDifference() {
        long r = implicit(0x18, "hello", "hellx");
        assertThat(r & 0xffff).isEqualTo(0x0010);
        assertThat(flags(r)).isEqualTo(0x1 | 0x40 | 0x80); // CF, ZF, SF
    }

    @Test
    void rangesMatchLowerCaseLetters() {
        assertThat(implicit(0x04, "az", "Hello") & 0xffff).isEqualTo(0x1e);
        // Negative polarity masked to the valid elements of the second operand.
        assertThat(implicit(0x34, "az", "Hello") & 0xffff).isEqualTo(0x01);
    }

    @Test
    void equalOrderedFindsASubstringAndAPrefixAtTheEnd() {
        assertThat(implicit(0x0c, "ll", "hello") & 0xffff).isEqualTo(0x4);
        long r = compare(0x0c, text("ab"), text("xxxxxxxxxxxxxxxa"), 2, 16);
        assertThat(r & 0xffff).isEqualTo(0x8000);
        assertThat(flags(r)).isEqualTo(0x1 | 0x80); // CF, SF: the second operand has no end
    }

    @Test
    void equalAnyOnWordsWithExplicitLengths() {
        // Words: a = {1, 2}, b = {2, 5, 1, 1}; EAX = -2 counts as 2, EDX = 3 leaves b's fourth element out.
        long[] a = {0x0002_0001L, 0};
        long[] b = {0x0001_0001_0005_0002L, 0};
        long r = compare(0x01, a, b, -2, 3);
        assertThat(r & 0xffff).isEqualTo(0b101);
        assertThat(flags(r)).isEqualTo(0x1 | 0x40 | 0x80 | 0x800); // CF, ZF, SF, OF
        assertThat(compare(0x01, a, b, Long.MIN_VALUE, 100) >>> 16).isEqualTo(0x801);
    }

    private static long implicit(int control, String a, String b) {
        return compare(control | PackedStringCompare.IMPLICIT, text(a), text(b), 0, 0);
    }

    private static long compare(int control, long[] a, long[] b, long lengthA, long lengthB) {
        return PackedStringCompare.compare(control, a[0], a[1], b[0], b[1], lengthA, lengthB);
    }

    private static int flags(long result) {
        return (int) (result >>> PackedStringCompare.FLAGS_SHIFT);
    }

    private static long[] text(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        long[] v = new long[2];
        for (int i = 0; i < bytes.length; i++) {
            v[i >> 3] |= (bytes[i] & 0xffL) << (8 * (i & 7));
        }
        return v;
    }

    /** A 128-bit value from its bytes in memory order, as a load into an XMM register gives it. */
    private static long[] vector(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        long[] v = new long[2];
        for (int i = 0; i < 16; i++) {
            v[i >> 3] |= (bytes[i] & 0xffL) << (8 * (i & 7));
        }
        return v;
    }

    private static long[] xor(long[] a, long[] b) {
        return new long[] {a[0] ^ b[0], a[1] ^ b[1]};
    }

    /** The AES-128 key schedule (FIPS-197 5.2), with the words as little-endian ints. */
    private static long[][] expandKey(long[] key) {
        int[] w = new int[44];
        for (int i = 0; i < 4; i++) {
            w[i] = (int) (key[i >> 1] >>> (32 * (i & 1)));
        }
        int rcon = 1;
        for (int i = 4; i < 44; i++) {
            int t = w[i - 1];
            if (i % 4 == 0) {
                t = AesRounds.subWord(Integer.rotateRight(t, 8)) ^ rcon;
                rcon = AesRounds.multiply(rcon, 2);
            }
            w[i] = w[i - 4] ^ t;
        }
        long[][] keys = new long[11][2];
        for (int r = 0; r < 11; r++) {
            keys[r][0] = (w[4 * r] & 0xffff_ffffL) | (long) w[4 * r + 1] << 32;
            keys[r][1] = (w[4 * r + 2] & 0xffff_ffffL) | (long) w[4 * r + 3] << 32;
        }
        return keys;
    }
}
