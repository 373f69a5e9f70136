package dev.jx86.x86.decode;

/** What the decoder makes of the bytes at one address: an instruction, or the reason there is none. */
public sealed interface Decoded permits Instruction, Invalid {
    /** Guest address of the first byte. */
    long address();

    /** Bytes consumed: the instruction's length, or how far decoding got before it failed. */
    int length();
}
