/**
 * The tier-1 SPI: how the runtime asks a backend to compile an IR block ({@link dev.jx86.runtime.tier1.BlockCompiler})
 * and runs the result ({@link dev.jx86.runtime.tier1.CompiledBlock}). The runtime names no backend.
 */
package dev.jx86.runtime.tier1;
