package dev.jx86.runtime.abi;

import java.io.Serial;

/**
 * A guest exception raised by memory or a helper while a block runs: the vector, its error code (-1 if none) and,
 * for a page fault, the faulting address. Stackless: faults are part of normal guest execution, so raising one
 * must be cheap. The execution loop catches it, makes the state precise at the faulting instruction and delivers
 * it (a signal in user mode, the IDT in system mode).
 */
public final class GuestFault extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int vector;
    private final long errorCode;
    private final long address;

    public GuestFault(int vector, long errorCode, long address) {
        super(null, null, false, false);
        this.vector = vector;
        this.errorCode = errorCode;
        this.address = address;
    }

    /** A fault without error code or address. */
    public GuestFault(int vector) {
        this(vector, -1, 0);
    }

    public int vector() {
        return vector;
    }

    public long errorCode() {
        return errorCode;
    }

    /** The faulting linear address of a page fault (CR2), else 0. */
    public long address() {
        return address;
    }

    @Override
    public String getMessage() {
        return "guest exception " + vector + (errorCode >= 0 ? " error " + errorCode : "")
                + (vector == Vectors.PF ? String.format(" at 0x%x", address) : "");
    }
}
