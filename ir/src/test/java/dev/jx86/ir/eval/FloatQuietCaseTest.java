package dev.jx86.ir.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatQuietCase}: where an operation's check is not negative, the reference raises no flag that is not
 * settled (so {@code fexcept}'s value is 0, as the compiled flags op takes it); its value methods give the reference
 * value always, with the check computed or passed in; and the check holds in the common case it is for. Edge
 * operands crossed with each other under the MXCSR words of {@link FloatFastPathTest} (default, sticky flags with
 * masks set or clear, underflow unmasked, each rounding mode, FTZ, DAZ).
 */
class FloatQuietCaseTest {
    private static final long PRECISION_SETTLED = 0x1fa0;

    @Test
    void binary64() {
        List<Long> values = FloatFastPathTest.operands64();
        int quiet = 0;
        for (long env : FloatFastPathTest.ENVIRONMENTS) {
            for (long a : values) {
                for (long b : values) {
                    quiet += check64(a, b, env);
                }
            }
        }
        assertThat(quiet).isGreaterThan(1000);
    }

    @Test
    void binary32() {
        List<Long> values = FloatFastPathTest.operands32();
        int quiet = 0;
        for (long env : FloatFastPathTest.ENVIRONMENTS) {
            for (long a : values) {
                for (long b : values) {
                    quiet += check32(a, b, env);
                }
            }
        }
        assertThat(quiet).isGreaterThan(1000);
    }

    @Test
    void packedSingles() {
        Random random = new Random(7);
        List<Long> values = FloatFastPathTest.operands32();
        long[] envs = FloatFastPathTest.ENVIRONMENTS;
        int quiet = 0;
        for (int n = 0; n < 100_000; n++) {
            long a = values.get(random.nextInt(values.size())) | values.get(random.nextInt(values.size())) << 32;
            long b = values.get(random.nextInt(values.size())) | values.get(random.nextInt(values.size())) << 32;
            long env = n % 2 == 0 ? PRECISION_SETTLED : envs[random.nextInt(envs.length)];
            String at = String.format("%016x %016x env %x", a, b, env);
            for (FloatOperation k : OPERATIONS) {
                long check = check32x2(k, a, b, env);
                long expected = k == FloatOperation.SQRT
                        ? FloatSemantics.sqrt(Type.I32, a & 0xffff_ffffL, env)
                                | FloatSemantics.sqrt(Type.I32, a >>> 32, env) << 32
                        : reference(k, Type.I32, a & 0xffff_ffffL, b & 0xffff_ffffL, env)
                                | reference(k, Type.I32, a >>> 32, b >>> 32, env) << 32;
                assertThat(value32x2(k, a, b, env)).as(k + " " + at).isEqualTo(expected);
                assertThat(value32x2(k, a, b, env, check)).as(k + " " + at).isEqualTo(expected);
                if (check >= 0) {
                    quiet++;
                    int flags = FloatExceptions.fexcept(k, Type.I32, a & 0xffff_ffffL, b & 0xffff_ffffL, env)
                            | FloatExceptions.fexcept(k, Type.I32, a >>> 32, b >>> 32, env);
                    assertThat(flags).as(k + " flags " + at).isZero();
                }
            }
        }
        assertThat(quiet).isGreaterThan(1000);
    }

    /** The case the check is for: normal operands and results, precision settled, nothing else. */
    @Test
    void theCommonCaseIsQuiet() {
        long a = Double.doubleToRawLongBits(1.5);
        long b = Double.doubleToRawLongBits(-0.1);
        for (FloatOperation k : OPERATIONS) {
            assertThat(check64(k, a, k == FloatOperation.SQRT ? a : b, PRECISION_SETTLED))
                    .as(k.name())
                    .isNotNegative();
            assertThat(check64(k, a, b, 0x1f80))
                    .as(k + ", precision not settled")
                    .isNegative();
            assertThat(check64(k, a, b, 0x3fa0)).as(k + ", rounding down").isNegative();
        }
        assertThat(FloatQuietCase.addCheck64(Double.doubleToRawLongBits(0.0), b, PRECISION_SETTLED))
                .as("zero plus a normal number")
                .isNotNegative();
        assertThat(FloatQuietCase.addCheck64(Double.doubleToRawLongBits(Double.MIN_VALUE), b, PRECISION_SETTLED))
                .as("a denormal operand")
                .isNegative();
    }

    private static final FloatOperation[] OPERATIONS = {
        FloatOperation.ADD, FloatOperation.SUB, FloatOperation.MUL, FloatOperation.DIV, FloatOperation.SQRT
    };

    /** Checks every operation on {@code a}, {@code b}; returns how many were in the quiet case. */
    private static int check64(long a, long b, long env) {
        int quiet = 0;
        String at = String.format("%016x %016x env %x", a, b, env);
        for (FloatOperation k : OPERATIONS) {
            long check = check64(k, a, b, env);
            long expected = k == FloatOperation.SQRT
                    ? FloatSemantics.sqrt(Type.I64, a, env)
                    : reference(k, Type.I64, a, b, env);
            assertThat(value64(k, a, b, env)).as(k + " " + at).isEqualTo(expected);
            assertThat(value64(k, a, b, env, check)).as(k + " " + at).isEqualTo(expected);
            if (check >= 0) {
                quiet++;
                assertThat(FloatExceptions.fexcept(k, Type.I64, a, b, env))
                        .as(k + " flags " + at)
                        .isZero();
            }
        }
        return quiet;
    }

    private static int check32(long a, long b, long env) {
        int quiet = 0;
        String at = String.format("%08x %08x env %x", a, b, env);
        for (FloatOperation k : OPERATIONS) {
            long check = check32(k, a, b, env);
            long expected = k == FloatOperation.SQRT
                    ? FloatSemantics.sqrt(Type.I32, a, env)
                    : reference(k, Type.I32, a, b, env);
            assertThat(value32(k, a, b, env)).as(k + " " + at).isEqualTo(expected);
            assertThat(value32(k, a, b, env, check)).as(k + " " + at).isEqualTo(expected);
            if (check >= 0) {
                quiet++;
                assertThat(FloatExceptions.fexcept(k, Type.I32, a, b, env))
                        .as(k + " flags " + at)
                        .isZero();
            }
        }
        return quiet;
    }

    private static long reference(FloatOperation k, Type t, long a, long b, long env) {
        Op op = switch (k) {
            case ADD -> Op.FADD;
            case SUB -> Op.FSUB;
            case MUL -> Op.FMUL;
            default -> Op.FDIV;
        };
        return FloatSemantics.binary(op, t, a, b, env);
    }

    private static long check64(FloatOperation k, long a, long b, long env) {
        return switch (k) {
            case ADD -> FloatQuietCase.addCheck64(a, b, env);
            case SUB -> FloatQuietCase.subCheck64(a, b, env);
            case MUL -> FloatQuietCase.mulCheck64(a, b, env);
            case DIV -> FloatQuietCase.divCheck64(a, b, env);
            default -> FloatQuietCase.sqrtCheck64(a, env);
        };
    }

    private static long value64(FloatOperation k, long a, long b, long env) {
        return switch (k) {
            case ADD -> FloatQuietCase.add64(a, b, env);
            case SUB -> FloatQuietCase.sub64(a, b, env);
            case MUL -> FloatQuietCase.mul64(a, b, env);
            case DIV -> FloatQuietCase.div64(a, b, env);
            default -> FloatQuietCase.sqrt64(a, env);
        };
    }

    private static long value64(FloatOperation k, long a, long b, long env, long check) {
        return switch (k) {
            case ADD -> FloatQuietCase.add64(a, b, env, check);
            case SUB -> FloatQuietCase.sub64(a, b, env, check);
            case MUL -> FloatQuietCase.mul64(a, b, env, check);
            case DIV -> FloatQuietCase.div64(a, b, env, check);
            default -> FloatQuietCase.sqrt64(a, env, check);
        };
    }

    private static long check32(FloatOperation k, long a, long b, long env) {
        return switch (k) {
            case ADD -> FloatQuietCase.addCheck32(a, b, env);
            case SUB -> FloatQuietCase.subCheck32(a, b, env);
            case MUL -> FloatQuietCase.mulCheck32(a, b, env);
            case DIV -> FloatQuietCase.divCheck32(a, b, env);
            default -> FloatQuietCase.sqrtCheck32(a, env);
        };
    }

    private static long value32(FloatOperation k, long a, long b, long env) {
        return switch (k) {
            case ADD -> FloatQuietCase.add32(a, b, env);
            case SUB -> FloatQuietCase.sub32(a, b, env);
            case MUL -> FloatQuietCase.mul32(a, b, env);
            case DIV -> FloatQuietCase.div32(a, b, env);
            default -> FloatQuietCase.sqrt32(a, env);
        };
    }

    private static long value32(FloatOperation k, long a, long b, long env, long check) {
        return switch (k) {
            case ADD -> FloatQuietCase.add32(a, b, env, check);
            case SUB -> FloatQuietCase.sub32(a, b, env, check);
            case MUL -> FloatQuietCase.mul32(a, b, env, check);
            case DIV -> FloatQuietCase.div32(a, b, env, check);
            default -> FloatQuietCase.sqrt32(a, env, check);
        };
    }

    private static long check32x2(FloatOperation k, long a, long b, long env) {
        return switch (k) {
            case ADD -> FloatQuietCase.addCheck32x2(a, b, env);
            case SUB -> FloatQuietCase.subCheck32x2(a, b, env);
            case MUL -> FloatQuietCase.mulCheck32x2(a, b, env);
            case DIV -> FloatQuietCase.divCheck32x2(a, b, env);
            default -> FloatQuietCase.sqrtCheck32x2(a, env);
        };
    }

    private static long value32x2(FloatOperation k, long a, long b, long env) {
        return switch (k) {
            case ADD -> FloatQuietCase.add32x2(a, b, env);
            case SUB -> FloatQuietCase.sub32x2(a, b, env);
            case MUL -> FloatQuietCase.mul32x2(a, b, env);
            case DIV -> FloatQuietCase.div32x2(a, b, env);
            default -> FloatQuietCase.sqrt32x2(a, env);
        };
    }

    private static long value32x2(FloatOperation k, long a, long b, long env, long check) {
        return switch (k) {
            case ADD -> FloatQuietCase.add32x2(a, b, env, check);
            case SUB -> FloatQuietCase.sub32x2(a, b, env, check);
            case MUL -> FloatQuietCase.mul32x2(a, b, env, check);
            case DIV -> FloatQuietCase.div32x2(a, b, env, check);
            default -> FloatQuietCase.sqrt32x2(a, env, check);
        };
    }
}
