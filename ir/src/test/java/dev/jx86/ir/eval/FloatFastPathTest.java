package dev.jx86.ir.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatFastPath} gives exactly what the reference semantics it stands in for gives ({@link FloatSemantics}
 * values, {@link FloatExceptions} flags), on edge operands crossed with each other and on random ones, under the
 * default environment (where the fast path runs) and under the others (where it must fall back).
 */
class FloatFastPathTest {
    /**
     * MXCSR words: the default (all masked), with sticky flags (all; precision alone, as after the first inexact
     * result; precision and invalid), sticky flags whose masks are clear (they are not settled), underflow unmasked,
     * each control, all of them.
     */
    static final long[] ENVIRONMENTS = {
        0x1f80, 0x1fbf, 0x1fa0, 0x1fa1, 0x0fa0, 0x003f, 0x17b0, 0x1780, 0x0000, 0x3f80, 0x5f80, 0x7f80, 0x9f80, 0x1fc0,
        0xffc0, 0xffff,
    };

    private static final Op[] VALUE_OPS = {Op.FADD, Op.FSUB, Op.FMUL, Op.FDIV};
    private static final FloatOperation[] FLAG_OPS = {
        FloatOperation.ADD, FloatOperation.SUB, FloatOperation.MUL, FloatOperation.DIV, FloatOperation.SQRT
    };

    @Test
    void binary64AgreesWithTheReference() {
        List<Long> values = operands64();
        for (long env : ENVIRONMENTS) {
            for (long a : values) {
                for (long b : values) {
                    check64(a, b, env);
                }
            }
        }
    }

    @Test
    void binary32AgreesWithTheReference() {
        List<Long> values = operands32();
        for (long env : ENVIRONMENTS) {
            for (long a : values) {
                for (long b : values) {
                    check32(a, b, env);
                }
            }
        }
    }

    @Test
    void packedSinglesAreTwoLanes() {
        Random random = new Random(5);
        List<Long> values = operands32();
        for (int n = 0; n < 50_000; n++) {
            long a = values.get(random.nextInt(values.size())) | values.get(random.nextInt(values.size())) << 32;
            long b = values.get(random.nextInt(values.size())) | values.get(random.nextInt(values.size())) << 32;
            long env = ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)];
            assertThat(FloatFastPath.add32x2(a, b, env)).isEqualTo(lanes(Op.FADD, a, b, env));
            assertThat(FloatFastPath.sub32x2(a, b, env)).isEqualTo(lanes(Op.FSUB, a, b, env));
            assertThat(FloatFastPath.mul32x2(a, b, env)).isEqualTo(lanes(Op.FMUL, a, b, env));
            assertThat(FloatFastPath.div32x2(a, b, env)).isEqualTo(lanes(Op.FDIV, a, b, env));
            assertThat(FloatFastPath.sqrt32x2(a, env))
                    .isEqualTo(FloatSemantics.sqrt(Type.I32, a & 0xffff_ffffL, env)
                            | FloatSemantics.sqrt(Type.I32, a >>> 32, env) << 32);
            for (FloatOperation k : FLAG_OPS) {
                int expected = FloatExceptions.fexcept(k, Type.I32, a & 0xffff_ffffL, b & 0xffff_ffffL, env)
                        | FloatExceptions.fexcept(k, Type.I32, a >>> 32, b >>> 32, env);
                assertThat(flags32x2(k, a, b, env))
                        .as("%s %x %x %x", k, a, b, env)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void integerConversionFlagsAgreeWithTheReference() {
        List<Long> values = new ArrayList<>(List.of(
                0L,
                1L,
                -1L,
                1L << 24,
                (1L << 24) + 1,
                1L << 53,
                (1L << 53) + 1,
                -(1L << 53) - 1,
                (long) Integer.MAX_VALUE,
                (long) Integer.MIN_VALUE,
                Integer.MAX_VALUE - 63L,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                Long.MAX_VALUE - 511,
                Long.MAX_VALUE - 512,
                Long.MIN_VALUE + 1));
        Random random = new Random(3);
        for (int n = 0; n < 2000; n++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        for (long v : values) {
            long i32 = v & 0xffff_ffffL;
            for (long env : ENVIRONMENTS) {
                assertThat(FloatFastPath.fromInt32ToDoubleFlags(i32, 0, env))
                        .isEqualTo(FloatExceptions.fexcept(FloatOperation.FROM_INT_TO_DOUBLE, Type.I32, i32, 0, env));
                assertThat(FloatFastPath.fromInt32ToSingleFlags(i32, 0, env))
                        .as("%x", i32)
                        .isEqualTo(FloatExceptions.fexcept(FloatOperation.FROM_INT_TO_SINGLE, Type.I32, i32, 0, env));
                assertThat(FloatFastPath.fromInt64ToDoubleFlags(v, 0, env))
                        .as("%x", v)
                        .isEqualTo(FloatExceptions.fexcept(FloatOperation.FROM_INT_TO_DOUBLE, Type.I64, v, 0, env));
                assertThat(FloatFastPath.fromInt64ToSingleFlags(v, 0, env))
                        .as("%x", v)
                        .isEqualTo(FloatExceptions.fexcept(FloatOperation.FROM_INT_TO_SINGLE, Type.I64, v, 0, env));
            }
        }
    }

    private static void check64(long a, long b, long env) {
        String at = String.format("%016x %016x env %x", a, b, env);
        assertThat(FloatFastPath.add64(a, b, env)).as("add " + at).isEqualTo(value(Op.FADD, Type.I64, a, b, env));
        assertThat(FloatFastPath.sub64(a, b, env)).as("sub " + at).isEqualTo(value(Op.FSUB, Type.I64, a, b, env));
        assertThat(FloatFastPath.mul64(a, b, env)).as("mul " + at).isEqualTo(value(Op.FMUL, Type.I64, a, b, env));
        assertThat(FloatFastPath.div64(a, b, env)).as("div " + at).isEqualTo(value(Op.FDIV, Type.I64, a, b, env));
        assertThat(FloatFastPath.sqrt64(a, env)).as("sqrt " + at).isEqualTo(FloatSemantics.sqrt(Type.I64, a, env));
        for (FloatOperation k : FLAG_OPS) {
            assertThat(flags64(k, a, b, env))
                    .as(k + " flags " + at)
                    .isEqualTo(FloatExceptions.fexcept(k, Type.I64, a, b, env));
        }
    }

    private static void check32(long a, long b, long env) {
        String at = String.format("%08x %08x env %x", a, b, env);
        assertThat(FloatFastPath.add32(a, b, env)).as("add " + at).isEqualTo(value(Op.FADD, Type.I32, a, b, env));
        assertThat(FloatFastPath.sub32(a, b, env)).as("sub " + at).isEqualTo(value(Op.FSUB, Type.I32, a, b, env));
        assertThat(FloatFastPath.mul32(a, b, env)).as("mul " + at).isEqualTo(value(Op.FMUL, Type.I32, a, b, env));
        assertThat(FloatFastPath.div32(a, b, env)).as("div " + at).isEqualTo(value(Op.FDIV, Type.I32, a, b, env));
        assertThat(FloatFastPath.sqrt32(a, env)).as("sqrt " + at).isEqualTo(FloatSemantics.sqrt(Type.I32, a, env));
        for (FloatOperation k : FLAG_OPS) {
            assertThat(flags32(k, a, b, env))
                    .as(k + " flags " + at)
                    .isEqualTo(FloatExceptions.fexcept(k, Type.I32, a, b, env));
        }
    }

    @Test
    void minAndMaxAgreeWithTheReference() {
        List<Long> values64 = operands64();
        List<Long> values32 = operands32();
        for (long env : ENVIRONMENTS) {
            for (long a : values64) {
                for (long b : values64) {
                    assertThat(FloatFastPath.min64(a, b, env)).isEqualTo(value(Op.FMIN, Type.I64, a, b, env));
                    assertThat(FloatFastPath.max64(a, b, env)).isEqualTo(value(Op.FMAX, Type.I64, a, b, env));
                }
            }
            for (long a : values32) {
                for (long b : values32) {
                    assertThat(FloatFastPath.min32(a, b, env)).isEqualTo(value(Op.FMIN, Type.I32, a, b, env));
                    assertThat(FloatFastPath.max32(a, b, env)).isEqualTo(value(Op.FMAX, Type.I32, a, b, env));
                }
            }
        }
    }

    @Test
    void compareFlagsAgreeWithTheReference() {
        List<Long> values64 = operands64();
        List<Long> values32 = operands32();
        for (long env : ENVIRONMENTS) {
            for (long a : values64) {
                for (long b : values64) {
                    String at = String.format("%016x %016x env %x", a, b, env);
                    assertThat(FloatFastPath.compareQuietFlags64(a, b, env))
                            .as(at)
                            .isEqualTo(FloatExceptions.fexcept(FloatOperation.COMPARE_QUIET, Type.I64, a, b, env));
                    assertThat(FloatFastPath.compareSignalingFlags64(a, b, env))
                            .as(at)
                            .isEqualTo(FloatExceptions.fexcept(FloatOperation.COMPARE_SIGNALING, Type.I64, a, b, env))
                            .isEqualTo(FloatExceptions.fexcept(FloatOperation.MIN_MAX, Type.I64, a, b, env));
                }
            }
            for (long a : values32) {
                for (long b : values32) {
                    String at = String.format("%08x %08x env %x", a, b, env);
                    assertThat(FloatFastPath.compareQuietFlags32(a, b, env))
                            .as(at)
                            .isEqualTo(FloatExceptions.fexcept(FloatOperation.COMPARE_QUIET, Type.I32, a, b, env));
                    assertThat(FloatFastPath.compareSignalingFlags32(a, b, env))
                            .as(at)
                            .isEqualTo(FloatExceptions.fexcept(FloatOperation.COMPARE_SIGNALING, Type.I32, a, b, env))
                            .isEqualTo(FloatExceptions.fexcept(FloatOperation.MIN_MAX, Type.I32, a, b, env));
                }
            }
        }
    }

    @Test
    void floatToIntegerConversionsAgreeWithTheReference() {
        List<Long> values64 = new ArrayList<>(operands64());
        for (double d :
                new double[] {0x1p63, -0x1p63, 0x1p31, -0x1p31, -0x1p31 - 0.5, 0x1p31 - 0.5, 2.5, -2.5, 1e300}) {
            values64.add(Double.doubleToRawLongBits(d));
        }
        List<Long> values32 = new ArrayList<>(operands32());
        for (float f : new float[] {0x1p63f, -0x1p63f, 0x1p31f, -0x1p31f, 2.5f, -2.5f, 1e30f}) {
            values32.add(Float.floatToRawIntBits(f) & 0xffff_ffffL);
        }
        for (long a : values64) {
            assertThat(FloatFastPath.doubleToInt64(a)).isEqualTo(FloatSemantics.toSigned(Type.I64, Type.I64, a));
            assertThat(FloatFastPath.doubleToInt32(a)).isEqualTo(FloatSemantics.toSigned(Type.I64, Type.I32, a));
            long rounded = Double.doubleToRawLongBits(Math.rint(Double.longBitsToDouble(a)));
            for (long env : ENVIRONMENTS) {
                for (long b : new long[] {a, rounded}) {
                    String at = String.format("%016x %016x env %x", a, b, env);
                    assertThat(FloatFastPath.toInt64Flags64(a, b, env))
                            .as(at)
                            .isEqualTo(FloatExceptions.fexcept(FloatOperation.TO_INT64, Type.I64, a, b, env));
                    assertThat(FloatFastPath.toInt32Flags64(a, b, env))
                            .as(at)
                            .isEqualTo(FloatExceptions.fexcept(FloatOperation.TO_INT32, Type.I64, a, b, env));
                }
            }
        }
        for (long a : values32) {
            assertThat(FloatFastPath.singleToInt64(a)).isEqualTo(FloatSemantics.toSigned(Type.I32, Type.I64, a));
            assertThat(FloatFastPath.singleToInt32(a)).isEqualTo(FloatSemantics.toSigned(Type.I32, Type.I32, a));
            long rounded = Float.floatToRawIntBits((float) Math.rint(Float.intBitsToFloat((int) a))) & 0xffff_ffffL;
            for (long env : ENVIRONMENTS) {
                for (long b : new long[] {a, rounded}) {
                    String at = String.format("%08x %08x env %x", a, b, env);
                    assertThat(FloatFastPath.toInt64Flags32(a, b, env))
                            .as(at)
                            .isEqualTo(FloatExceptions.fexcept(FloatOperation.TO_INT64, Type.I32, a, b, env));
                    assertThat(FloatFastPath.toInt32Flags32(a, b, env))
                            .as(at)
                            .isEqualTo(FloatExceptions.fexcept(FloatOperation.TO_INT32, Type.I32, a, b, env));
                }
            }
        }
    }

    @Test
    void integerToFloatConversionsAgreeWithTheReference() {
        Random random = new Random(9);
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1));
        for (int n = 0; n < 2000; n++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        for (long v : values) {
            long i32 = v & 0xffff_ffffL;
            for (long env : ENVIRONMENTS) {
                assertThat(FloatFastPath.fromInt64ToDouble(v, env))
                        .isEqualTo(FloatSemantics.convert(Op.SITOFP, Type.I64, Type.I64, v, env));
                assertThat(FloatFastPath.fromInt64ToSingle(v, env))
                        .isEqualTo(FloatSemantics.convert(Op.SITOFP, Type.I64, Type.I32, v, env));
                assertThat(FloatFastPath.fromInt32ToDouble(i32, env))
                        .isEqualTo(FloatSemantics.convert(Op.SITOFP, Type.I32, Type.I64, i32, env));
                assertThat(FloatFastPath.fromInt32ToSingle(i32, env))
                        .isEqualTo(FloatSemantics.convert(Op.SITOFP, Type.I32, Type.I32, i32, env));
            }
        }
    }

    private static long value(Op op, Type t, long a, long b, long env) {
        return FloatSemantics.binary(op, t, a, b, env);
    }

    private static long lanes(Op op, long a, long b, long env) {
        return value(op, Type.I32, a & 0xffff_ffffL, b & 0xffff_ffffL, env)
                | value(op, Type.I32, a >>> 32, b >>> 32, env) << 32;
    }

    private static int flags64(FloatOperation k, long a, long b, long env) {
        return switch (k) {
            case ADD -> FloatFastPath.addFlags64(a, b, env);
            case SUB -> FloatFastPath.subFlags64(a, b, env);
            case MUL -> FloatFastPath.mulFlags64(a, b, env);
            case DIV -> FloatFastPath.divFlags64(a, b, env);
            default -> FloatFastPath.sqrtFlags64(a, b, env);
        };
    }

    private static int flags32(FloatOperation k, long a, long b, long env) {
        return switch (k) {
            case ADD -> FloatFastPath.addFlags32(a, b, env);
            case SUB -> FloatFastPath.subFlags32(a, b, env);
            case MUL -> FloatFastPath.mulFlags32(a, b, env);
            case DIV -> FloatFastPath.divFlags32(a, b, env);
            default -> FloatFastPath.sqrtFlags32(a, b, env);
        };
    }

    private static int flags32x2(FloatOperation k, long a, long b, long env) {
        return switch (k) {
            case ADD -> FloatFastPath.addFlags32x2(a, b, env);
            case SUB -> FloatFastPath.subFlags32x2(a, b, env);
            case MUL -> FloatFastPath.mulFlags32x2(a, b, env);
            case DIV -> FloatFastPath.divFlags32x2(a, b, env);
            default -> FloatFastPath.sqrtFlags32x2(a, b, env);
        };
    }

    /**
     * Edge values of binary64 (both signs): zeros, denormals, the normal range's ends and the fast path's own bounds
     * (2^-960, where a product's error may underflow; values whose sums and products land next to them), one, values
     * whose sums and products are exact or round, infinities, quiet and signaling NaNs; and random ones.
     */
    static List<Long> operands64() {
        double[] magnitudes = {
            0,
            Double.MIN_VALUE,
            0x1p-1060,
            0x0.fffffffffffffp-1022,
            Double.MIN_NORMAL,
            0x1.0000000000001p-1022,
            0x1p-961,
            0x1p-960,
            0x1.8p-960,
            0x1p-500,
            0x1p-480,
            0x1p-53,
            0.1,
            0.5,
            1,
            0x1.0000000000001p0,
            1.5,
            3,
            10,
            1e16,
            0x1p511,
            0x1p512,
            0x1p1023,
            0x1.fffffffffffffp1023,
            Double.MAX_VALUE / 3,
            Double.POSITIVE_INFINITY
        };
        List<Long> values = new ArrayList<>();
        for (double m : magnitudes) {
            values.add(Double.doubleToRawLongBits(m));
            values.add(Double.doubleToRawLongBits(-m));
        }
        values.add(0x7ff8_0000_0000_0001L);
        values.add(0xfff4_0000_0000_0002L);
        values.add(0x7ff0_0000_0000_0003L);
        Random random = new Random(1);
        for (int i = 0; i < 40; i++) {
            long exponent = random.nextInt(2048);
            values.add((random.nextLong() & 0x800f_ffff_ffff_ffffL) | exponent << 52);
        }
        for (int i = 0; i < 20; i++) {
            values.add(Double.doubleToRawLongBits(random.nextGaussian() * 100));
        }
        return values;
    }

    static List<Long> operands32() {
        float[] magnitudes = {
            0,
            Float.MIN_VALUE,
            0x0.fffffep-126f,
            Float.MIN_NORMAL,
            0x1.000002p-126f,
            0x1p-70f,
            0x1p-63f,
            0x1p-24f,
            0.1f,
            0.5f,
            1,
            0x1.000002p0f,
            1.5f,
            3,
            10,
            1e7f,
            0x1p63f,
            0x1p64f,
            0x1p127f,
            Float.MAX_VALUE,
            Float.POSITIVE_INFINITY
        };
        List<Long> values = new ArrayList<>();
        for (float m : magnitudes) {
            values.add(Float.floatToRawIntBits(m) & 0xffff_ffffL);
            values.add(Float.floatToRawIntBits(-m) & 0xffff_ffffL);
        }
        values.add(0x7fc0_0001L);
        values.add(0xffa0_0002L);
        values.add(0x7f80_0003L);
        Random random = new Random(2);
        for (int i = 0; i < 40; i++) {
            long exponent = random.nextInt(256);
            values.add((random.nextLong() & 0x807f_ffffL) | exponent << 23);
        }
        for (int i = 0; i < 20; i++) {
            values.add(Float.floatToRawIntBits((float) (random.nextGaussian() * 100)) & 0xffff_ffffL);
        }
        return values;
    }
}
