package dev.jx86.runtime.exec;

import dev.jx86.runtime.abi.GuestMemory;

/** A memory that passes everything to another one; subclasses change what they must. Without a TLB. */
abstract class ForwardingMemory implements GuestMemory {
    final GuestMemory base;

    ForwardingMemory(GuestMemory base) {
        this.base = base;
    }

    @Override
    public long load(long address, int size) {
        return base.load(address, size);
    }

    @Override
    public void store(long address, int size, long value) {
        base.store(address, size, value);
    }

    @Override
    public int fetch(long address, byte[] buffer, int length) {
        return base.fetch(address, buffer, length);
    }

    @Override
    public void checkWrite(long address, long length) {
        base.checkWrite(address, length);
    }

    @Override
    public void checkRead(long address, long length) {
        base.checkRead(address, length);
    }
}
