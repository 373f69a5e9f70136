/**
 * The differential test of instruction semantics: random instruction sequences ({@link
 * dev.jx86.conformance.difftest.SequenceGenerator} over the templates), assembled by GNU {@code as}
 * ({@link dev.jx86.conformance.difftest.GnuAssembler}), run on the host CPU by a C harness compiled at test time
 * ({@link dev.jx86.conformance.difftest.NativeHarness}) and under jx86 ({@link
 * dev.jx86.conformance.difftest.Jx86Harness}), and compared ({@link dev.jx86.conformance.difftest.Comparison}, with
 * the undefined flags of {@link dev.jx86.conformance.difftest.FlagMask} left out). docs/testing.md says how to run it.
 */
package dev.jx86.conformance.difftest;
