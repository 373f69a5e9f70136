/**
 * Optimization passes over blocks, one concern each, and the pipeline that runs them (with the verifier after every
 * pass in tests). Depends on {@code dev.jx86.ir}, its reference semantics and the verifier.
 */
package dev.jx86.ir.opt;
