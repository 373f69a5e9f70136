package dev.jx86.x86.lift;

/** One SDM instruction category's handlers; registers each of its mnemonics once. */
interface Semantics {
    void register(HandlerTable table);
}
