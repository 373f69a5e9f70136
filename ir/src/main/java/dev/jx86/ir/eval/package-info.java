/**
 * The reference semantics of the IR: what every op computes ({@link dev.jx86.ir.eval.PureSemantics} and the
 * per-domain classes), what every lazy flags kind means ({@link dev.jx86.ir.eval.FlagsSemantics}), and an evaluator
 * that runs a block against an {@link dev.jx86.ir.eval.Environment}. Depends only on {@code dev.jx86.ir}.
 */
package dev.jx86.ir.eval;
