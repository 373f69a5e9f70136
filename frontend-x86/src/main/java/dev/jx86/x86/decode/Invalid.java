package dev.jx86.x86.decode;

/**
 * Bytes that are not an instruction jx86 executes: undefined opcodes, encodings the mode forbids,
 * instructions over 15 bytes, truncated input, and extensions not supported (AVX-512). Executing one
 * raises #UD (or #GP/#PF for length and truncation as the hardware would).
 *
 * @param length bytes consumed before the decoder gave up, or the full length when it is known
 * @param mode the mode decoded in, or null where {@code prefixes} is empty
 * @param prefixes for an undefined opcode, its prefixes with those it did not use marked so: objdump
 *     names these before its {@code (bad)}
 * @param memory for an undefined x87 escape, the memory operand of its ModRM form, which objdump shows
 *     after {@code (bad)}; null otherwise
 */
public record Invalid(long address, int length, Reason reason, Mode mode, Prefixes prefixes, Memory memory)
        implements Decoded {

    public Invalid(long address, int length, Reason reason) {
        this(address, length, reason, null, Prefixes.NONE, null);
    }

    public Invalid(long address, int length, Reason reason, Mode mode, Prefixes prefixes) {
        this(address, length, reason, mode, prefixes, null);
    }

    /** Why the bytes are not an instruction. */
    public enum Reason {
        UNDEFINED_OPCODE("undefined opcode"),
        INVALID_IN_MODE("encoding not valid in this mode"),
        INVALID_PREFIX("prefix not allowed with this instruction"),
        REGISTER_FORM_NOT_ALLOWED("operand must be in memory"),
        MEMORY_FORM_NOT_ALLOWED("operand must be a register"),
        TOO_LONG("longer than 15 bytes"),
        TRUNCATED("instruction runs past the end of the code"),
        UNSUPPORTED_EXTENSION("instruction set extension not supported");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
