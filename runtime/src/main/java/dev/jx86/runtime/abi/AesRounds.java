package dev.jx86.runtime.abi;

/**
 * The AES round transformations of AES-NI (FIPS-197; Intel SDM Vol. 2, AESENC...): a 128-bit state is two longs
 * (low, high) whose bytes, least significant first, are the FIPS-197 state bytes in column order (byte 4c + r is
 * row r of column c), as an XMM register holds them after a load of the byte array. Tables are computed from the
 * field arithmetic at class initialization.
 */
public final class AesRounds {
    private AesRounds() {}

    private static final int[] SBOX = new int[256];
    private static final int[] INVERSE_SBOX = new int[256];

    static {
        for (int x = 0; x < 256; x++) {
            int s = affine(x == 0 ? 0 : inverse(x));
            SBOX[x] = s;
            INVERSE_SBOX[s] = x;
        }
    }

    /** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1. */
    static int multiply(int a, int b) {
        int product = 0;
        for (int i = 0; i < 8; i++) {
            if ((b & 1) != 0) {
                product ^= a;
            }
            a = (a << 1) ^ ((a & 0x80) != 0 ? 0x11b : 0);
            b >>= 1;
        }
        return product;
    }

    private static int inverse(int x) {
        int result = 1;
        int power = x;
        for (int e = 254; e != 0; e >>= 1) { // x^254 = x^-1
            if ((e & 1) != 0) {
                result = multiply(result, power);
            }
            power = multiply(power, power);
        }
        return result;
    }

    private static int affine(int b) {
        int s = b;
        for (int k = 1; k <= 4; k++) {
            s ^= ((b << k) | (b >>> (8 - k))) & 0xff;
        }
        return s ^ 0x63;
    }

    /** The S-box applied to each byte of a 32-bit word (AESKEYGENASSIST's SubWord). */
    public static int subWord(int word) {
        int r = 0;
        for (int k = 0; k < 32; k += 8) {
            r |= SBOX[(word >>> k) & 0xff] << k;
        }
        return r;
    }

    /** AESENC (and, with {@code last}, AESENCLAST): ShiftRows, SubBytes, MixColumns (not in the last round), key. */
    public static long[] encrypt(long[] state, long[] key, boolean last) {
        int[] s = bytes(state);
        int[] t = new int[16];
        for (int i = 0; i < 16; i++) {
            int row = i & 3;
            int column = i >> 2;
            t[i] = SBOX[s[row + 4 * ((column + row) & 3)]];
        }
        if (!last) {
            t = mixColumns(t, 2, 3, 1, 1);
        }
        return xor(t, key);
    }

    /** AESDEC (and AESDECLAST): InvShiftRows, InvSubBytes, InvMixColumns (not in the last round), key. */
    public static long[] decrypt(long[] state, long[] key, boolean last) {
        int[] s = bytes(state);
        int[] t = new int[16];
        for (int i = 0; i < 16; i++) {
            int row = i & 3;
            int column = i >> 2;
            t[i] = INVERSE_SBOX[s[row + 4 * ((column - row) & 3)]];
        }
        if (!last) {
            t = mixColumns(t, 14, 11, 13, 9);
        }
        return xor(t, key);
    }

    /** AESIMC: InvMixColumns. */
    public static long[] inverseMixColumns(long[] state) {
        return xor(mixColumns(bytes(state), 14, 11, 13, 9), new long[2]);
    }

    /** Each column multiplied by the circulant matrix whose first row is (c0 c1 c2 c3). */
    private static int[] mixColumns(int[] s, int c0, int c1, int c2, int c3) {
        int[] t = new int[16];
        for (int column = 0; column < 16; column += 4) {
            for (int row = 0; row < 4; row++) {
                t[column + row] = multiply(c0, s[column + row])
                        ^ multiply(c1, s[column + ((row + 1) & 3)])
                        ^ multiply(c2, s[column + ((row + 2) & 3)])
                        ^ multiply(c3, s[column + ((row + 3) & 3)]);
            }
        }
        return t;
    }

    private static int[] bytes(long[] v) {
        int[] b = new int[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (int) (v[i >> 3] >>> (8 * (i & 7))) & 0xff;
        }
        return b;
    }

    private static long[] xor(int[] b, long[] key) {
        long[] r = {key[0], key[1]};
        for (int i = 0; i < 16; i++) {
            r[i >> 3] ^= (long) b[i] << (8 * (i & 7));
        }
        return r;
    }
}
