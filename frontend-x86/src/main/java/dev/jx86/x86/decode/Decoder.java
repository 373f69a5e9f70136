package dev.jx86.x86.decode;

/**
 * Decodes x86 machine code in one {@link Mode}: bytes in, {@link Decoded} out. Every input gives a
 * result, never an exception: an {@link Instruction}, or an {@link Invalid} with the reason.
 *
 * <p>A decoder is immutable and may be shared between threads.
 */
public final class Decoder {
    /** The architectural limit on instruction length (SDM Vol. 2, 2.3.11). */
    public static final int MAX_LENGTH = 15;

    private final Mode mode;
    /** The plain encodings' table ({@link PlainReader}). */
    private final PlainTable plain;

    /**
     * One shared decoder per mode, made when first asked for: each mode's table costs milliseconds to build, and a
     * program runs in one mode. A race makes two equal decoders (all their fields are final), never a broken one.
     */
    private static final Decoder[] SHARED = new Decoder[Mode.values().length];

    public Decoder(Mode mode) {
        this.mode = mode;
        this.plain = PlainTable.of(mode);
    }

    /** The shared decoder for {@code mode}, built on first use. */
    public static Decoder of(Mode mode) {
        Decoder decoder = SHARED[mode.ordinal()];
        if (decoder == null) {
            decoder = new Decoder(mode);
            SHARED[mode.ordinal()] = decoder;
        }
        return decoder;
    }

    public Mode mode() {
        return mode;
    }

    /** Decodes the instruction at {@code code[offset]}, which is at guest {@code address}. */
    public Decoded decode(byte[] code, int offset, long address) {
        return decode(code, offset, code.length, address);
    }

    /**
     * Decodes the instruction at {@code code[offset]}, reading no byte at or after {@code end}; an
     * instruction that would need one is {@link Invalid.Reason#TRUNCATED}.
     */
    public Decoded decode(byte[] code, int offset, int end, long address) {
        if (offset < 0 || offset > end || end > code.length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", end " + end + ", length " + code.length);
        }
        if (end - offset >= MAX_LENGTH) {
            Instruction instruction = PlainReader.read(plain, code, offset, address);
            if (instruction != null) {
                return instruction;
            }
        }
        return new InstructionReader(mode, code, offset, end, address).read();
    }
}
