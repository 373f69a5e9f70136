package dev.jx86.x86.lift;

/** Lifts one instruction of one mnemonic. */
@FunctionalInterface
public interface Handler {
    void lift(LiftContext c);
}
