package dev.jx86.ir.verify;

/** One thing wrong with a block: the instruction index it concerns (-1 for the block or its terminal) and why. */
public record Problem(int index, String message) {
    @Override
    public String toString() {
        return (index < 0 ? "terminal" : "instruction " + index) + ": " + message;
    }
}
