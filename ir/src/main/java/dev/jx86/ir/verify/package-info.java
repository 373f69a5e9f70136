/** The IR verifier: well-formedness and typing of blocks. Depends only on {@code dev.jx86.ir}. */
package dev.jx86.ir.verify;
